#include "model/evaluation.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "io/files.hpp"
#include "io/json.hpp"

#include <tuple>

namespace evakin {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Problem configProblem(const std::string& file, const std::string& field, const std::string& id, const std::string& en)
{
    return Problem{file, {}, {}, field, Text{id, en}};
}

// Sum of the reported values of one side (K or Rp); noData when none is reported.
Figure sumOf(const std::array<QuarterValue, 4>& q, std::optional<double> QuarterValue::*side)
{
    std::optional<double> sum;
    for (const QuarterValue& v : q)
        if (v.*side) sum = sum.value_or(0) + *(v.*side);
    return sum ? Figure::of(*sum) : Figure::none(NotComputable::noData);
}

// Latest reported K value and its quarter (1..4).
std::pair<Figure, int> latestK(const std::array<QuarterValue, 4>& q)
{
    for (int i = 3; i >= 0; --i)
        if (q[static_cast<std::size_t>(i)].k) return {Figure::of(*q[static_cast<std::size_t>(i)].k), i + 1};
    return {Figure::none(NotComputable::noData), 0};
}

Figure ratioPercent(const Figure& part, std::optional<double> whole)
{
    if (!part.ok()) return part;
    if (!whole) return Figure::none(NotComputable::noTarget);
    if (*whole == 0) return Figure::none(NotComputable::zeroTarget);
    return Figure::of(*part.value / *whole * 100.0);
}

}   // namespace

EvaluationConfig EvaluationConfig::defaults()
{
    EvaluationConfig c;
    c.bands = {{91, "Sangat Tinggi", "Very high"},
               {76, "Tinggi", "High"},
               {66, "Sedang", "Medium"},
               {51, "Rendah", "Low"},
               {0, "Sangat Rendah", "Very low"}};
    return c;
}

EvaluationConfig loadEvaluationConfig(const std::filesystem::path& workspaceDir)
{
    EvaluationConfig c = EvaluationConfig::defaults();
    const auto file = workspaceDir / kEvaluationConfigFile;
    if (!std::filesystem::exists(file)) return c;
    const std::string name = displayName(file);
    const Object::Ptr root = parseJsonObject(readFile(file), name, [](const Text& why) {
        return Text{"Pengaturan penilaian tidak dapat dibaca: " + why.id +
                        ". Perbaiki dengan editor teks, atau hapus "
                        "berkas ini untuk memakai bawaan.",
                    "The evaluation settings cannot be read: " + why.en +
                        ". Correct them in a text editor, or delete "
                        "the file to use the defaults."};
    });
    const JsonFile settings{name,
                            {"Perbaiki penilaian.json dengan editor teks, atau hapus berkas ini untuk memakai "
                             "bawaan.",
                             "Correct penilaian.json in a text editor, or delete the file to use the defaults."}};
    // Percent of capaian: above 100 is possible, beyond 1000 a typing slip.
    const NumberRule percent{0, 1000};
    std::vector<Problem> problems;
    if (root->has("bands")) {
        const Array::Ptr bands = root->getArray("bands");
        c.bands.clear();
        for (unsigned i = 0; bands && i < bands->size(); ++i) {
            const std::string field = "bands[" + std::to_string(i) + "]";
            const Object::Ptr b = bands->getObject(i);
            const std::string place = std::to_string(i + 1);
            const std::optional<double> given = optionalNumber(
                settings, b, "min",
                {field + ".min",
                 {"predikat ke-" + place + ", batas bawah (\"min\")", "band " + place + ", lower bound (\"min\")"}},
                percent);
            const std::string label = b ? b->optValue<std::string>("label", "") : "";
            if (!given || label.empty()) {
                problems.push_back(configProblem(name, field, "Setiap predikat perlu \"min\" (angka) dan \"label\".",
                                                 "Each band needs \"min\" (a number) and \"label\"."));
                continue;
            }
            const double min = given.value_or(0);
            if (!c.bands.empty() && min >= c.bands.back().min)
                problems.push_back(configProblem(name, field + ".min",
                                                 "Urutkan predikat dari batas bawah tertinggi ke terendah.",
                                                 "Order the bands from the highest lower bound to the lowest."));
            c.bands.push_back(Band{min, label, b->optValue<std::string>("labelEn", label)});
        }
        if (c.bands.empty() && problems.empty())
            problems.push_back(configProblem(name, "bands",
                                             "Daftar predikat kosong. Isi minimal satu predikat atau hapus \"bands\".",
                                             "The band list is empty. Give at least one band or remove \"bands\"."));
    }
    if (root->has("goodFrom")) {
        if (const auto g = optionalNumber(
                settings, root, "goodFrom",
                {"goodFrom", {"batas capaian baik (\"goodFrom\")", "good from (\"goodFrom\")"}}, percent))
            c.goodFrom = *g;
        else
            problems.push_back(configProblem(name, "goodFrom", "\"goodFrom\" harus angka (persen), mis. 76.",
                                             "\"goodFrom\" must be a number (percent), e.g. 76."));
    }
    if (root->has("negativeFormula")) {
        const std::string f = root->optValue<std::string>("negativeFormula", "");
        if (f == "ratio")
            c.negative = NegativeFormula::ratio;
        else if (f == "inverse")
            c.negative = NegativeFormula::inverse;
        else
            problems.push_back(configProblem(name, "negativeFormula",
                                             "\"negativeFormula\" harus \"ratio\" (target/realisasi) atau \"inverse\" "
                                             "((2 x target - realisasi)/target).",
                                             "\"negativeFormula\" must be \"ratio\" (target/realisation) or "
                                             "\"inverse\" ((2 x target - realisation)/target)."));
    }
    if (!problems.empty()) throw Error(std::move(problems));
    return c;
}

Text notComputableText(NotComputable why)
{
    switch (why) {
        case NotComputable::none: return {"", ""};
        case NotComputable::noData: return {"belum ada data", "no data yet"};
        case NotComputable::noTarget: return {"tidak dapat dihitung: target kosong", "not computable: no target"};
        case NotComputable::zeroTarget: return {"tidak dapat dihitung: target 0", "not computable: target is 0"};
        case NotComputable::zeroRealisation:
            return {"tidak dapat dihitung: realisasi 0", "not computable: realisation is 0"};
    }
    return {"", ""};
}

const char* notComputableCode(NotComputable why)
{
    switch (why) {
        case NotComputable::none: return "";
        case NotComputable::noData: return "no-data";
        case NotComputable::noTarget: return "no-target";
        case NotComputable::zeroTarget: return "zero-target";
        case NotComputable::zeroRealisation: return "zero-realisation";
    }
    return "";
}

Figure achievement(IndicatorType type, std::optional<double> target, const Figure& realisation,
                   const EvaluationConfig& config)
{
    if (type != IndicatorType::negative) return ratioPercent(realisation, target);
    if (!realisation.ok()) return realisation;
    if (!target) return Figure::none(NotComputable::noTarget);
    const double t = *target, r = *realisation.value;
    if (config.negative == NegativeFormula::inverse) {
        if (t == 0) return Figure::none(NotComputable::zeroTarget);
        return Figure::of((2 * t - r) / t * 100.0);
    }
    if (r == 0) return Figure::none(NotComputable::zeroRealisation);
    return Figure::of(t / r * 100.0);
}

RowFigures evaluateRow(const PlanRow& row, const std::array<QuarterValue, 4>& q, const EvaluationConfig& config)
{
    RowFigures f;
    if (row.type == IndicatorType::positive) {
        f.realisasiK = sumOf(q, &QuarterValue::k);
        f.renstraK =
            f.realisasiK.ok() ? Figure::of(row.realisasiLaluK.value_or(0) + *f.realisasiK.value) : f.realisasiK;
        for (int i = 3; i >= 0 && !f.latestQuarter; --i)
            if (q[static_cast<std::size_t>(i)].k) f.latestQuarter = i + 1;
    } else {
        std::tie(f.realisasiK, f.latestQuarter) = latestK(q);
        f.renstraK = f.realisasiK;
    }
    f.capaianK = achievement(row.type, row.targetK, f.realisasiK, config);
    f.capaianRenstraK = achievement(row.type, row.targetRenstraK, f.renstraK, config);

    f.realisasiRp = sumOf(q, &QuarterValue::rp);
    f.renstraRp =
        f.realisasiRp.ok() ? Figure::of(row.realisasiLaluRp.value_or(0) + *f.realisasiRp.value) : f.realisasiRp;
    f.capaianRp = ratioPercent(f.realisasiRp, row.paguRp);
    f.capaianRenstraRp = ratioPercent(f.renstraRp, row.targetRenstraRp);
    if (!row.paguRp) f.capaianRp = Figure::none(NotComputable::noTarget);
    return f;
}

Figure achievementSoFar(const PlanRow& row, const std::array<QuarterValue, 4>& quarters, int upTo,
                        const EvaluationConfig& config)
{
    std::array<QuarterValue, 4> seen{};
    for (int i = 0; i < upTo && i < 4; ++i) seen[static_cast<std::size_t>(i)] = quarters[static_cast<std::size_t>(i)];
    const RowFigures f = evaluateRow(row, seen, config);
    if (row.type != IndicatorType::positive) return f.capaianK;
    return achievement(row.type, row.targetK * upTo / 4.0, f.realisasiK, config);
}

const Band* bandFor(double value, const EvaluationConfig& config)
{
    for (const Band& b : config.bands)
        if (value >= b.min) return &b;
    return config.bands.empty() ? nullptr : &config.bands.back();
}

std::string Rating::label(Lang lang) const
{
    if (!band) return "-";
    return lang == Lang::en ? band->labelEn : band->label;
}

Rating rate(const std::vector<Figure>& capaian, const EvaluationConfig& config)
{
    Rating r;
    double sum = 0;
    for (const Figure& f : capaian) {
        if (!f.ok()) {
            ++r.skipped;
            continue;
        }
        sum += *f.value;
        ++r.counted;
    }
    if (r.counted == 0) return r;
    r.average = Figure::of(sum / static_cast<double>(r.counted));
    if (const Band* b = bandFor(*r.average.value, config)) r.band = *b;
    return r;
}

Figure absorption(double realisasiRp, std::optional<double> pagu)
{
    return ratioPercent(Figure::of(realisasiRp), pagu);
}

}   // namespace evakin
