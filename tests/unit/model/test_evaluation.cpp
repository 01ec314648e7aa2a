// Worked examples of the evaluation arithmetic, one per indicator type, and
// the configuration (penilaian.json).
#include <catch2/catch.hpp>

#include <fstream>

#include "model/evaluation.hpp"
#include "test_support.hpp"

using namespace evakin;

namespace {

PlanRow planRow(IndicatorType type, double targetK, double renstraK, std::optional<double> laluK,
                std::optional<double> pagu = std::nullopt)
{
    PlanRow r;
    r.code = "2.18.01";
    r.key = r.code;
    r.type = type;
    r.targetK = targetK;
    r.targetRenstraK = renstraK;
    r.realisasiLaluK = laluK;
    r.paguRp = pagu;
    return r;
}

std::array<QuarterValue, 4> quarters(std::initializer_list<std::optional<double>> ks,
                                     std::initializer_list<std::optional<double>> rps = {})
{
    std::array<QuarterValue, 4> q{};
    std::size_t i = 0;
    for (const auto& k : ks) q[i++].k = k;
    i = 0;
    for (const auto& rp : rps) q[i++].rp = rp;
    return q;
}

}   // namespace

TEST_CASE("positive indicator: quarters are summed; Renstra adds last years", "[evaluation]")
{
    // Target 100 documents this year, 500 over the Renstra, 200 done before this year.
    PlanRow r = planRow(IndicatorType::positive, 100, 500, 200, 1'000'000);
    r.targetRenstraRp = 5'000'000;
    r.realisasiLaluRp = 2'000'000;
    const RowFigures f =
        evaluateRow(r, quarters({20, 30, 25, 15}, {100'000, 200'000, 300'000, 250'000}), EvaluationConfig::defaults());
    CHECK(*f.realisasiK.value == Approx(90));        // 12 = 8+9+10+11
    CHECK(*f.capaianK.value == Approx(90));          // 13 = 90/100
    CHECK(*f.renstraK.value == Approx(290));         // 14 = 200 + 90
    CHECK(*f.capaianRenstraK.value == Approx(58));   // 15 = 290/500
    CHECK(*f.realisasiRp.value == Approx(850'000));
    CHECK(*f.capaianRp.value == Approx(85));   // absorption 850.000 / 1.000.000
    CHECK(*f.renstraRp.value == Approx(2'850'000));
    CHECK(*f.capaianRenstraRp.value == Approx(57));
}

TEST_CASE("percentage indicator: the latest reported quarter counts", "[evaluation]")
{
    const PlanRow r = planRow(IndicatorType::percentage, 80, 90, 65);
    const RowFigures f = evaluateRow(r, quarters({60, 70, std::nullopt, 75}), EvaluationConfig::defaults());
    CHECK(f.latestQuarter == 4);
    CHECK(*f.realisasiK.value == Approx(75));
    CHECK(*f.capaianK.value == Approx(93.75));
    CHECK(*f.renstraK.value == Approx(75));   // a level: not added to last year's 65
    CHECK(*f.capaianRenstraK.value == Approx(83.3333).epsilon(1e-4));
    CHECK(f.capaianRp.why == NotComputable::noTarget);   // no pagu: absorption not computable
}

TEST_CASE("final value indicator: latest value, may fall", "[evaluation]")
{
    const PlanRow r = planRow(IndicatorType::finalValue, 72, 75, 68.5);
    const RowFigures f = evaluateRow(r, quarters({70, 65}), EvaluationConfig::defaults());
    CHECK(*f.realisasiK.value == Approx(65));
    CHECK(*f.capaianK.value == Approx(90.2778).epsilon(1e-4));
}

TEST_CASE("negative indicator: target/realisasi, or the configured alternative", "[evaluation]")
{
    // Days to issue a permit: target 5, reported 8 then 6.
    const PlanRow r = planRow(IndicatorType::negative, 5, 4, std::nullopt);
    EvaluationConfig c = EvaluationConfig::defaults();
    RowFigures f = evaluateRow(r, quarters({8, 6}), c);
    CHECK(*f.realisasiK.value == Approx(6));
    CHECK(*f.capaianK.value == Approx(83.3333).epsilon(1e-4));   // 5/6
    CHECK(*f.capaianRenstraK.value == Approx(66.6667).epsilon(1e-4));
    c.negative = NegativeFormula::inverse;
    f = evaluateRow(r, quarters({8, 6}), c);
    CHECK(*f.capaianK.value == Approx(80));   // (2x5 - 6)/5
}

TEST_CASE("division by zero and missing data are 'not computable', never 0", "[evaluation]")
{
    const EvaluationConfig c = EvaluationConfig::defaults();
    CHECK(evaluateRow(planRow(IndicatorType::positive, 0, 10, 0), quarters({5}), c).capaianK.why ==
          NotComputable::zeroTarget);
    CHECK(evaluateRow(planRow(IndicatorType::negative, 5, 4, 0), quarters({0}), c).capaianK.why ==
          NotComputable::zeroRealisation);
    const RowFigures none = evaluateRow(planRow(IndicatorType::positive, 10, 10, 0, 100), quarters({}), c);
    CHECK_FALSE(none.realisasiK.ok());
    CHECK(none.realisasiK.why == NotComputable::noData);
    CHECK(none.capaianK.why == NotComputable::noData);
    CHECK(none.capaianRp.why == NotComputable::noData);
    CHECK(evaluateRow(planRow(IndicatorType::positive, 10, 10, 0, 0.0), quarters({1}, {5}), c).capaianRp.why ==
          NotComputable::zeroTarget);
    CHECK(notComputableText(NotComputable::zeroTarget).id.find("target 0") != std::string::npos);
    CHECK(absorption(0, std::nullopt).why == NotComputable::noTarget);
}

TEST_CASE("rata-rata and predikat from the default bands", "[evaluation]")
{
    const EvaluationConfig c = EvaluationConfig::defaults();
    CHECK(bandFor(91, c)->label == "Sangat Tinggi");
    CHECK(bandFor(120, c)->label == "Sangat Tinggi");
    CHECK(bandFor(90.99, c)->label == "Tinggi");
    CHECK(bandFor(76, c)->label == "Tinggi");
    CHECK(bandFor(75.5, c)->label == "Sedang");
    CHECK(bandFor(66, c)->label == "Sedang");
    CHECK(bandFor(51, c)->label == "Rendah");
    CHECK(bandFor(50, c)->label == "Sangat Rendah");
    const Rating r = rate({Figure::of(90), Figure::of(80), Figure::none(NotComputable::zeroTarget)}, c);
    CHECK(*r.average.value == Approx(85));
    CHECK(r.counted == 2);
    CHECK(r.skipped == 1);
    CHECK(r.label(Lang::id) == "Tinggi");
    CHECK(r.label(Lang::en) == "High");
    CHECK(rate({}, c).label(Lang::id) == "-");
}

TEST_CASE("capaian so far measures summed indicators against the quarter's share", "[evaluation]")
{
    const EvaluationConfig c = EvaluationConfig::defaults();
    const PlanRow r = planRow(IndicatorType::positive, 100, 500, 0);
    CHECK(*achievementSoFar(r, quarters({20}), 1, c).value == Approx(80));   // 20 of 25 expected by triwulan I
    CHECK(*achievementSoFar(r, quarters({20, 30}), 2, c).value == Approx(100));
    const PlanRow p = planRow(IndicatorType::percentage, 80, 90, 0);
    CHECK(*achievementSoFar(p, quarters({40}), 1, c).value == Approx(50));
}

TEST_CASE("penilaian.json sets bands, labels and the negative formula", "[evaluation]")
{
    evakin::test::TempDir tmp;
    CHECK(loadEvaluationConfig(tmp.path).bands.size() == 5);   // absent: defaults
    std::ofstream(tmp.path / "penilaian.json")
        << R"({"bands":[{"min":85,"label":"Sangat Baik","labelEn":"Very good"},{"min":70,"label":"Baik"},{"min":0,"label":"Kurang"}],"goodFrom":70,"negativeFormula":"inverse"})";
    const EvaluationConfig c = loadEvaluationConfig(tmp.path);
    REQUIRE(c.bands.size() == 3);
    CHECK(bandFor(86, c)->labelEn == "Very good");
    CHECK(bandFor(72, c)->labelEn == "Baik");
    CHECK(c.goodFrom == 70);
    CHECK(c.negative == NegativeFormula::inverse);

    std::ofstream(tmp.path / "penilaian.json")
        << R"({"bands":[{"min":50,"label":"A"},{"min":60,"label":"B"}],"negativeFormula":"other"})";
    try {
        loadEvaluationConfig(tmp.path);
        FAIL("a wrong penilaian.json was accepted");
    } catch (const Error& e) {
        const std::string id = e.render(Lang::id);
        CHECK(id.find("bands[1].min") != std::string::npos);
        CHECK(id.find("negativeFormula") != std::string::npos);
    }
    std::ofstream(tmp.path / "penilaian.json") << "{";
    CHECK_THROWS_WITH(loadEvaluationConfig(tmp.path), Catch::Contains("penilaian.json"));
}
