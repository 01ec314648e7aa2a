// What the evaluation report shows, read from hasil/evaluasi.json (the
// contract between collect and report) and completed from the workspace:
// plan fields the JSON does not carry (yet) come from rencana-kerja.ods by
// unit and row key, the head of office from the profile, and the report's
// own wording options (dasar hukum, ...) from laporan.json.
//
// The report never recomputes the evaluation: figures, ratings and statuses
// are taken as collect decided them, so the table, evaluasi.json and the
// report cannot disagree.
#pragma once

#include "model/plan_changes.hpp"

#include <array>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/evaluation.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"

namespace evakin::report {

struct Pair {
    Figure k, rp;
};

struct Row {
    std::string key, code, indikator, type;
    // Plan fields (from evaluasi.json "plan" when present, else from the plan workbook).
    std::string tujuan, sasaran, uraian, satuan;
    PlanLevel level = PlanLevel::program;
    std::optional<double> renstraK, renstraRp, laluK, laluRp, targetK, paguRp;
    std::array<QuarterValue, 4> quarters{};
    Pair realisasi, capaian, renstra, capaianRenstra;   // columns 12-15
    std::string keterangan;
};

struct Summary {
    Figure average;   // rata-rata capaian (%)
    std::size_t counted = 0, skipped = 0;
    std::string predikat;   // empty when there is no average
    Figure absorption;      // serapan anggaran (%)
};

enum class Status { valid, invalid, missing };

struct Unit {
    std::string code, name, file;
    Status status = Status::missing;
    std::string pendorong, penghambat, tindakLanjut;
    Summary summary;
    std::vector<Row> rows;
    // Rata-rata capaian as it stood at the end of each triwulan (quarters after it left out),
    // by the same evaluation module collect uses; for the chart of capaian by quarter.
    std::array<Figure, 4> capaianByQuarter{};
};

// One correction of an earlier quarter (issue 8), when evaluasi.json lists them.
struct Correction {
    std::string unit, row, reason, by, at;
    int triwulan = 0;
    bool setsK = false, setsRp = false;   // which values the correction changed
    QuarterValue before, after;           // absent value: empty before (or after) the correction
};

// A late value: a quarter reported after its own quarter.
struct Late {
    std::string unit, row, indikator;
    int triwulan = 0;
};

// Fills Unit::capaianByQuarter for triwulan I up to the period's.
void computeCapaianByQuarter(std::vector<Unit>& units, int upToTriwulan, const EvaluationConfig& config);

struct Data {
    Period period;
    std::string office;
    std::vector<Unit> units;
    Summary summary;
    std::vector<Correction> corrections;
    std::vector<PlanChange> planChanges;   // Renja perubahan since the previous period
    std::vector<Late> late() const;
};

// Parses evaluasi.json. `plan` is asked (once, lazily: reading a large plan
// workbook costs time) for the plan fields of rows the JSON gives without a
// "plan" object; it may return null. Throws Error naming the file and the
// field when the JSON is not usable.
using PlanSource = std::function<const Plan*()>;
Data parseEvaluation(const std::string& json, const std::string& sourceName, const PlanSource& plan);

// The report's wording options: laporan.json in the workspace, else defaults.
// {"dasarHukum": ["Undang-Undang ...", ...], "kota": "...", "tanggal": "2026-04-15"}
struct Options {
    std::vector<std::string> dasarHukum;
    std::string city;   // empty: the profile's city
};
Options loadOptions(const std::filesystem::path& workspaceDir);
// The legal basis listed in the SOP (seed SOP of DPMPTSP Bangka Belitung), in hierarchy order.
std::vector<std::string> defaultDasarHukum();

constexpr const char* kOptionsFile = "laporan.json";

}   // namespace evakin::report
