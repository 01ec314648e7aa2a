// The merged year of the whole office: every unit's plan rows with quarters
// I-IV (accepted earlier quarters from realisasi.json, the current quarter
// from the unit's valid return), columns 12-15, and ratings. The evaluation
// table, evaluasi.json and later the report are all written from this.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "collect/collect_return.hpp"
#include "collect/corrections.hpp"
#include "model/evaluation.hpp"

namespace evakin {

struct MergedRow {
    const PlanRow* plan = nullptr;
    std::array<QuarterValue, 4> quarters{};
    std::string keterangan;
    RowFigures figures;
};

struct MergedUnit {
    const Unit* unit = nullptr;
    UnitStatus status = UnitStatus::missing;
    std::string file;   // the return used or judged
    std::vector<MergedRow> rows;
    collect_detail::UnitTexts texts;
    Rating rating;       // rata-rata capaian Renja (K) and predikat
    Figure absorption;   // realisasi Rp / pagu x 100
    // Rata-rata capaian as it stood at the end of each triwulan up to the period's (later
    // quarters left out), for the report's chart of capaian by quarter; none for a unit that
    // sent nothing.
    std::array<Figure, 4> capaianByQuarter{};
};

struct MergedYear {
    Period period;
    std::string officeName;
    EvaluationConfig config;
    std::vector<MergedUnit> units;   // profile order; units without plan rows are left out
    Rating rating;                   // over every indicator of the office
    Figure absorption;
    std::vector<Correction> corrections;   // applied, in the order recorded (koreksi.json)
    std::vector<PlanHeading> headings;     // the plan's urusan and bidang urusan, for the table's heading rows
};

struct UnitInput {
    UnitStatus status = UnitStatus::missing;
    std::string file;
    const collect_detail::CheckedReturn* checked = nullptr;   // set for a valid return
};

// Corrections recorded by the planning staff win over the accepted and returned
// values (they are applied here only: forms and tampering checks keep showing
// what was distributed, the table and the report show the corrected value).
MergedYear mergeYear(const Profile& profile, const Plan& plan, const Period& period, const YearRealisations& accepted,
                     const std::map<std::string, UnitInput>& inputs, const EvaluationConfig& config,
                     const std::vector<Correction>& corrections = {});

// The plan's rows per unit code, in plan order (one pass, for offices with many units).
std::map<std::string, std::vector<const PlanRow*>> planRowsByUnit(const Plan& plan);

// Budget absorption over rows: program rows when any has a pagu (kegiatan and
// sub kegiatan budgets are parts of their program's, so adding all levels
// would count money twice), else every row with a pagu.
Figure absorptionOf(const std::vector<const MergedRow*>& rows);

}   // namespace evakin
