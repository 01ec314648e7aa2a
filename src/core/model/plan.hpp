// The office's annual plan (Renja): one row per indicator of a program,
// kegiatan or sub kegiatan, per unit, read from the plan workbook
// (rencana-kerja.ods, sheet "Rencana"; column order in kPlanColumns).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/profile.hpp"

namespace evakin {

// How an indicator's quarterly values combine (Permendagri 86/2017 practice, see DESIGN.md 3).
enum class IndicatorType { positive, negative, percentage, finalValue };

const char* indicatorTypeName(IndicatorType t);   // "positif", "negatif", "persentase", "nilai akhir"
std::optional<IndicatorType> parseIndicatorType(const std::string& s);

enum class PlanLevel { program, kegiatan, subKegiatan };
// From the code's shape (Kepmendagri 050-5889 numbering): 3 parts program, 5 kegiatan, 6+ sub kegiatan.
PlanLevel levelFromCode(const std::string& code);

struct PlanRow {
    std::string unitCode;
    std::string tujuan;
    std::string sasaran;
    std::string code;     // kode program / kegiatan / sub kegiatan
    std::string key;      // unique within the unit: code, or code#2, #3 for further indicators of the same code
    std::string uraian;   // name of the program / kegiatan / sub kegiatan
    std::string indikator;
    std::string satuan;
    IndicatorType type = IndicatorType::positive;
    PlanLevel level = PlanLevel::program;
    double targetRenstraK = 0;
    std::optional<double> targetRenstraRp;
    std::optional<double> realisasiLaluK;   // realisasi capaian Renstra s/d tahun lalu
    std::optional<double> realisasiLaluRp;
    double targetK = 0;             // target kinerja Renja tahun berjalan
    std::optional<double> paguRp;   // anggaran Renja tahun berjalan
    std::size_t sourceRow = 0;      // 0-based row in the plan sheet, for messages
};

struct Plan {
    std::vector<PlanRow> rows;
    std::vector<const PlanRow*> rowsOf(const std::string& unitCode) const;
};

// Column titles of the plan sheet, in order (A, B, ...).
extern const std::vector<std::string> kPlanColumns;
extern const char* const kPlanSheet;   // "Rencana"

// Reads and checks the plan against the profile's units. Collects every
// problem (unknown unit, missing or non-numeric target, duplicate indicator,
// unknown indicator type) with sheet, row and column, and throws Error if any.
Plan loadPlan(const std::filesystem::path& file, const Profile& profile);

}   // namespace evakin
