// hasil/evaluasi.json, the merged year as collect decided it: the contract
// between collect and what comes after it (the report, the next period, a
// correction's old value, the status shown before a step). One codec: the
// writer streams a MergedYear, the reader gives it back as plain values, so
// no reader walks the JSON itself and the key names live in one file.
//
// {"format":1,"year":..,"triwulan":..,"period":..,"office":..,"negativeFormula":..,
//  "summary":{..},"headings":[{"code","uraian"}],"units":[{"code","name","status","file","faktorPendorong",
//  "faktorPenghambat","tindakLanjut","summary","capaianByQuarter":[4 figures],
//  "rows":[{"key","code","indikator","type","plan":{..},"quarters":[null|{"k","rp","late"}],
//           "realisasi","capaianRenja","realisasiRenstra","capaianRenstra":{"k","rp"},"keterangan"}]}],
//  "corrections":[{"unit","row","triwulan","oldK","newK","oldRp","newRp","reason","by","at"}]}
// A figure is a number or {"notComputable":"zero-target"}, never a silent 0.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "collect/collect.hpp"
#include "collect/corrections.hpp"
#include "collect/merge.hpp"
#include "model/evaluation.hpp"
#include "model/plan.hpp"
#include "model/workspace.hpp"

namespace evakin {

// The text of hasil/evaluasi.json for the merged year.
std::string evaluationJson(const MergedYear& year);

struct EvaluationPair {
    Figure k, rp;
};

struct EvaluationRow {
    std::string key, code, indikator, type;
    // Plan fields: from the row's "plan" object when the file has one (hasPlan), else left for the
    // reader to fill from the plan workbook (a file written before the plan travelled with it).
    bool hasPlan = false;
    std::string tujuan, sasaran, uraian, satuan;
    PlanLevel level = PlanLevel::program;   // from the code; the plan workbook's when it fills the row
    std::optional<double> renstraK, renstraRp, laluK, laluRp, targetK, paguRp;
    std::array<QuarterValue, 4> quarters{};
    EvaluationPair realisasi, capaian, renstra, capaianRenstra;   // columns 12-15
    std::string keterangan;
};

struct EvaluationSummary {
    Figure average;   // rata-rata capaian (%)
    std::size_t counted = 0, skipped = 0;
    std::string predikat;   // empty when there is no average
    Figure absorption;      // serapan anggaran (%)
};

struct EvaluationUnit {
    std::string code, name, file;
    UnitStatus status = UnitStatus::missing;
    std::string pendorong, penghambat, tindakLanjut;
    EvaluationSummary summary;
    std::vector<EvaluationRow> rows;
    std::array<Figure, 4> capaianByQuarter{};   // MergedUnit::capaianByQuarter
};

struct EvaluationRecord {
    Period period;   // year and triwulan (no deadline: the file does not carry it)
    std::string office;
    std::vector<EvaluationUnit> units;
    EvaluationSummary summary;
    std::vector<Correction> corrections;   // applied, in the order recorded
    std::vector<PlanHeading> headings;     // urusan and bidang urusan (none in a file written before them)
};

// Reads the text back; throws Error naming `sourceName` (and the field) when it is damaged,
// of an unknown format or without its year, triwulan or units.
EvaluationRecord parseEvaluationJson(const std::string& json, const std::string& sourceName);
// Reads Workspace::evaluasiJsonFile(); throws Error as above, or when the file cannot be read.
EvaluationRecord readEvaluationJson(const Workspace& ws);

}   // namespace evakin
