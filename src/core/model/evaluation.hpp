// The arithmetic of the Permendagri 86/2017 evaluation table, in one place:
// how an indicator's quarters combine (by indicator type), capaian Renja and
// Renstra, budget absorption, averages and predikat. Everything that offices
// do differently (bands, labels, the negative-indicator formula) is
// configuration: penilaian.json in the workspace, with built-in defaults.
//
// Choices (see DESIGN.md 3, wp-sipd practice):
// - K, positive indicator: column 12 = sum of the reported quarters; 14 = 6 + 12
//   (a missing column 6 counts as 0: first year of the Renstra).
// - K, percentage / final value / negative: 12 = the latest reported quarter;
//   14 = 12 as well (a level, not a flow: the level reached up to this year is
//   the level reached now; adding last year's level would double count).
// - Rp (all types): money is a flow, 12 = sum of quarters, 14 = 6 + 12,
//   13 = budget absorption = 12 / pagu x 100, 15 = 14 / Renstra Rp x 100.
// - Capaian (13 = 12/7, 15 = 14/5, x 100): negative indicators use
//   target/realisasi x 100, or (2 x target - realisasi)/target x 100 when configured.
// - Nothing is ever shown as 0 when it cannot be computed: a Figure carries
//   the reason instead (no data, no target, target 0, realisation 0).
// - Averages are plain means of the computable capaian K values (not capped
//   at 100); predikat = the first band whose lower bound (inclusive) the
//   average reaches, bands ordered from the highest.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "text/error.hpp"
#include "model/plan.hpp"
#include "model/workspace.hpp"

namespace evakin {

enum class NegativeFormula { ratio, inverse };   // target/realisasi ; (2 x target - realisasi)/target

struct Band {
    double min = 0;        // inclusive lower bound; the last band catches everything below
    std::string label;     // "Sangat Tinggi"
    std::string labelEn;   // "Very high"
};

struct EvaluationConfig {
    std::vector<Band> bands;   // highest first
    double goodFrom = 76;      // capaian below this needs a faktor penghambat
    NegativeFormula negative = NegativeFormula::ratio;
    static EvaluationConfig defaults();   // 91 / 76 / 66 / 51 / below, Sangat Tinggi ... Sangat Rendah
};

constexpr const char* kEvaluationConfigFile = "penilaian.json";

// penilaian.json in the workspace when present, else the defaults. Throws
// Error naming the field when the file is there but wrong:
// {"bands":[{"min":91,"label":"Sangat Tinggi","labelEn":"Very high"},...],
//  "goodFrom":76, "negativeFormula":"ratio"|"inverse"}
EvaluationConfig loadEvaluationConfig(const std::filesystem::path& workspaceDir);

// Why a value cannot be computed.
enum class NotComputable { none, noData, noTarget, zeroTarget, zeroRealisation };

// A computed value, or the reason it has none.
struct Figure {
    std::optional<double> value;
    NotComputable why = NotComputable::noData;
    static Figure of(double v) { return Figure{v, NotComputable::none}; }
    static Figure none(NotComputable why) { return Figure{std::nullopt, why}; }
    bool ok() const { return value.has_value(); }
};

// "tidak dapat dihitung: target 0" and the like, for tables and messages.
Text notComputableText(NotComputable why);
const char* notComputableCode(NotComputable why);   // "no-data", "no-target", "zero-target", "zero-realisation"

// Columns 12-15 of one plan row, K and Rp.
struct RowFigures {
    Figure realisasiK, realisasiRp;             // 12
    Figure capaianK, capaianRp;                 // 13 (Rp: budget absorption)
    Figure renstraK, renstraRp;                 // 14
    Figure capaianRenstraK, capaianRenstraRp;   // 15
    int latestQuarter = 0;                      // 1..4, the quarter the K value of a level indicator comes from; 0 none
};

// Quarters I-IV -> columns 12-15.
RowFigures evaluateRow(const PlanRow& row, const std::array<QuarterValue, 4>& quarters, const EvaluationConfig& config);

// Capaian (%) of a realisation against a target, by indicator type.
Figure achievement(IndicatorType type, std::optional<double> target, const Figure& realisation,
                   const EvaluationConfig& config);

// Capaian expected so far in triwulan `upTo`: a positive (summed) indicator is
// measured against target x upTo/4, the others against the full target. Used
// only to decide whether a unit must explain a shortfall, never in the table.
Figure achievementSoFar(const PlanRow& row, const std::array<QuarterValue, 4>& quarters, int upTo,
                        const EvaluationConfig& config);

struct Rating {
    Figure average;                       // mean capaian K (%)
    std::size_t counted = 0;              // indicators in the mean
    std::size_t skipped = 0;              // indicators whose capaian cannot be computed
    std::optional<Band> band;             // a copy: a Rating outlives the configuration
    std::string label(Lang lang) const;   // predikat, or "-" when there is no average
};

Rating rate(const std::vector<Figure>& capaian, const EvaluationConfig& config);
const Band* bandFor(double value, const EvaluationConfig& config);

// realisasi Rp / pagu x 100 over a set of rows; noTarget without any pagu, zeroTarget when the pagu sums to 0.
Figure absorption(double realisasiRp, std::optional<double> pagu);

}   // namespace evakin
