// The office's annual plan (Renja): one row per indicator of a program,
// kegiatan or sub kegiatan, per unit, read from the plan workbook
// (rencana-kerja.ods, sheet "Rencana"; column order in kPlanColumns), and the
// urusan and bidang urusan rows the Permendagri 86/2017 form shows above them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/profile.hpp"
#include "text/error.hpp"

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

// An urusan ("2") or bidang urusan ("2.18") row of the plan: a heading of the evaluation form's
// column 4, with no indicator, target or unit of its own (Permendagri 86/2017, as regional offices'
// Renja evaluation tables print it; codes of Permendagri 90/2019).
struct PlanHeading {
    std::string code;
    std::string uraian;          // e.g. "Urusan Pemerintahan Bidang Penanaman Modal"
    std::size_t sourceRow = 0;   // 0-based row in the plan sheet
};

// Whether a plan code names an urusan or a bidang urusan (one or two parts), not a program or below.
bool isHeadingCode(const std::string& code);

// For each of `codes` (a table's rows, in order): the headings to print just above it, urusan
// before bidang: those whose code the row's code starts with and which did not already stand
// above the row before it. A row under no heading gets none.
std::vector<std::vector<const PlanHeading*>> headingsAbove(const std::vector<PlanHeading>& headings,
                                                           const std::vector<std::string>& codes);

struct Plan {
    std::vector<PlanRow> rows;
    std::vector<PlanHeading> headings;   // in sheet order
    std::vector<const PlanRow*> rowsOf(const std::string& unitCode) const;
};

// Column titles of the plan sheet, in order (A, B, ...).
extern const std::vector<std::string> kPlanColumns;
extern const char* const kPlanSheet;   // "Rencana"

// The code a row rolls up into (Permendagri 90/2019 numbering): a sub kegiatan's kegiatan (its first
// 5 parts), a kegiatan's program (its first 3); empty for a program.
std::string parentCode(const std::string& code);

// One parent whose amount differs from the sum of its children's (program vs its kegiatan, kegiatan
// vs its sub kegiatan), e.g. the pagu in the plan or a quarter's realisation in a return.
struct RollupMismatch {
    std::string parent;
    double parentValue = 0;
    double childrenSum = 0;
    std::vector<std::string> children;   // the codes summed, in the order given
};
// `amounts`: code -> amount, one entry per code (already summed over the units that share it), in
// plan order. A parent is compared only when it and at least one child have an amount; a difference
// under Rp 1 is rounding.
std::vector<RollupMismatch> rollupMismatches(const std::vector<std::pair<std::string, double>>& amounts);

// Warnings of the plan check (never errors: the plan is still usable): a program's pagu that differs
// from the sum of its kegiatan, a kegiatan's from its sub kegiatan, a sub kegiatan or kegiatan with
// no row of its parent. Each names the sheet and rows of `fileName`.
std::vector<Problem> planRollupWarnings(const Plan& plan, const std::string& fileName);

// Reads and checks the plan against the profile's units. Collects every
// problem (unknown unit, missing or non-numeric target, duplicate indicator,
// unknown indicator type, an urusan/bidang row with an indicator or a target)
// with sheet, row and column, and throws Error if any.
Plan loadPlan(const std::filesystem::path& file, const Profile& profile);

}   // namespace evakin
