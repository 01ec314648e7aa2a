// Internal pieces of collect (not a public API): reading one returned form
// (identity, where its table is) and checking it against the plan and the
// quarters already accepted.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "collect/collect.hpp"
#include "model/evaluation.hpp"
#include "distribute/form.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "io/sheet_reader.hpp"
#include "model/workspace.hpp"

namespace evakin::collect_detail {

using QuarterValues = std::array<QuarterValue, 4>;

// Who a return belongs to, from the stamped properties or, failing those, the header.
struct Identity {
    std::string unitCode;
    int year = 0;
    int triwulan = 0;
    std::string digest;   // empty when not stamped
    bool byHeader = false;
};

// Where the indicator table is: data rows [firstRow, endRow) of one sheet.
struct FormTable {
    std::size_t sheet = 0;
    std::size_t firstRow = 0;
    std::size_t endRow = 0;
};

struct ReturnContent {
    std::string file;   // display name
    Workbook book;
    FormTable table;
    Identity id;
    const Sheet& sheet() const { return book.sheets[table.sheet]; }
};

struct ReadOutcome {
    std::optional<ReturnContent> content;   // set when identified as one of this period's units
    std::vector<CollectProblem> problems;
    ReturnStatus status = ReturnStatus::unreadable;
};

// Reads and identifies one inbox file. Never throws for problems of the file.
ReadOutcome readReturn(const std::filesystem::path& file, const Profile& profile, const Period& period,
                       const ReadLimits& limits);

struct UnitContext {
    const Unit& unit;
    const Period& period;
    const std::vector<const PlanRow*>& rows;   // the unit's plan rows, in form order
    const UnitRealisations& accepted;          // earlier quarters from realisasi.json
    const EvaluationConfig& config;
};

// The input texts below the table ({isian:...} in the form template).
struct UnitTexts {
    std::string pendorong, penghambat, tindakLanjut;
};

struct CheckedReturn {
    std::vector<CollectProblem> problems;
    UnitRealisations year;                           // accepted quarters + this return's values
    std::map<std::string, std::string> keterangan;   // row key -> text of the Keterangan column
    UnitTexts texts;
    std::size_t lateValues = 0;
    bool hasErrors() const;
};

CheckedReturn checkReturn(const ReturnContent& content, const UnitContext& unit);

// Quarter-by-quarter rule of a percentage indicator (may not fall): problems for `year`, used by checkReturn.
void checkPercentageTrend(const ReturnContent& content, const UnitContext& unit,
                          const std::unordered_map<std::string, std::size_t>& sheetRowOfKey,
                          const UnitRealisations& year, std::vector<CollectProblem>& problems);

// Warnings when the Rp realisations a return reports do not add up as the plan's codes do (a program's
// against its kegiatan, a kegiatan's against its sub kegiatan), naming the unit, sheet and rows.
void checkRealisationRollup(const ReturnContent& content, const UnitContext& unit,
                            const std::unordered_map<std::string, std::size_t>& sheetRowOfKey,
                            const UnitRealisations& year, std::vector<CollectProblem>& problems);

}   // namespace evakin::collect_detail
