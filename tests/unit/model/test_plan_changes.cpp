// Renja perubahan between quarters: the changes are found row by row and
// listed in the report; earlier quarters stay on the rows they belong to.
#include <catch2/catch.hpp>

#include "collect/collect.hpp"
#include "io/files.hpp"
#include "period/next_period.hpp"
#include "model/plan_changes.hpp"
#include "report/report.hpp"
#include "model/sample.hpp"
#include "collect/test_collect_support.hpp"
#include "test_support.hpp"

using namespace evakin;
using evakin::test::TempDir;

namespace {

Plan planOf(std::vector<PlanRow> rows)
{
    Plan p;
    p.headings = samplePlanHeadings();
    std::map<std::pair<std::string, std::string>, int> seen;
    for (PlanRow& r : rows) {
        const int n = ++seen[{r.unitCode, r.code}];
        r.key = n == 1 ? r.code : r.code + "#" + std::to_string(n);
        p.rows.push_back(std::move(r));
    }
    return p;
}

}   // namespace

TEST_CASE("plan changes are found row by row: added, removed, changed target or pagu", "[plan-changes]")
{
    const std::vector<PlanRow> rows = samplePlanRows();
    std::vector<PlanRow> changed = rows;
    changed[2].targetK = 4;   // SEKR 2.18.01.1.01.0001: 3 -> 4
    changed[2].paguRp = 120'000'000;
    const PlanRow removed = changed[3];
    changed.erase(changed.begin() + 3);
    PlanRow added = changed[2];
    added.code = "2.18.01.1.01.0009";
    added.indikator = "Jumlah dokumen baru";
    changed.push_back(added);

    const auto diff = diffPlans(planOf(rows), planOf(changed));
    REQUIRE(diff.size() == 4);
    CHECK(diff[0].kind == PlanChange::Kind::changed);
    CHECK(diff[0].field == "Target tahun ini (K)");
    CHECK(diff[0].before == "3");
    CHECK(diff[0].after == "4");
    CHECK(diff[1].field == "Pagu (Rp)");
    CHECK(diff[1].after == "120.000.000");
    CHECK(diff[2].kind == PlanChange::Kind::added);
    CHECK(diff[2].key == "2.18.01.1.01.0009");
    CHECK(diff[3].kind == PlanChange::Kind::removed);
    CHECK(diff[3].key == removed.code);
    CHECK(diffPlans(planOf(rows), planOf(rows)).empty());
}

TEST_CASE("a Renja perubahan in triwulan II keeps triwulan I on its rows and is listed in the report",
          "[plan-changes][report]")
{
    TempDir tmp;
    const Workspace tw1 = createSampleWorkspace(tmp.path / "tw1", 2026, 1);
    const Plan plan1 = loadPlan(tw1.planFile(), sampleProfile());
    evakin::test::writeBytes(tw1.inbox() / "sekr.ods",
                             evakin::test::makeReturn(tw1.dir, "SEKR", evakin::test::typicalValue));
    collect(tw1.dir);
    createNextWorkspace(tw1.dir, tmp.path / "tw2");
    const Workspace tw2 = openWorkspace(tmp.path / "tw2");

    // The planning staff change a target and add a row in the new period's plan.
    std::vector<PlanRow> rows = plan1.rows;
    const std::string changedKey = rows[1].key;
    const double triwulanI = *loadRealisations(tw2)["SEKR"][changedKey][0].k;
    rows[1].targetK = 10;
    PlanRow added = rows[1];
    added.code = "2.18.01.1.01.0099";
    added.indikator = "Jumlah kajian baru";
    rows.insert(rows.begin() + 2, added);
    writePlanWorkbook(tw2.planFile(), samplePlanHeadings(), rows);

    ReportOptions options;
    options.date = "2026-07-15";
    const ReportResult r = writeReport(tw2.dir, options);
    std::string content, quarterChart;
    for (const auto& [name, data] : evakin::test::unzip(readFile(r.file))) {
        if (name == "content.xml") content = data;
        if (name == "Object 2/content.xml") quarterChart = data;
    }
    // From triwulan II on, a second chart shows each unit's capaian quarter by quarter.
    CHECK(quarterChart.find("Triwulan II") != std::string::npos);
    CHECK(content.find("Gambar 3.2") != std::string::npos);
    CHECK(content.find("Perubahan rencana kerja") != std::string::npos);
    CHECK(content.find("Target tahun ini (K) diubah") != std::string::npos);
    CHECK(content.find("baris baru: Jumlah kajian baru") != std::string::npos);

    // Triwulan I stays on the row it belongs to, whatever moved around it.
    const Plan plan2 = loadPlan(tw2.planFile(), sampleProfile());
    CHECK(plan2.rows[3].key == plan1.rows[2].key);   // shifted down by the added row
    CHECK(*loadRealisations(tw2)["SEKR"][changedKey][0].k == Approx(triwulanI));
}

TEST_CASE("the plan check names the rows whose pagu does not roll up", "[plan]")
{
    CHECK(parentCode("2.18.01.1.02.0001") == "2.18.01.1.02");
    CHECK(parentCode("2.18.01.1.02") == "2.18.01");
    CHECK(parentCode("2.18.01").empty());

    std::vector<PlanRow> rows = samplePlanRows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].key = rows[i].code;
        if (i > 0 && rows[i].code == rows[i - 1].code) rows[i].key += "#2";
        rows[i].sourceRow = i + 1;   // the sheet's row i + 2
    }
    // The sample office (Permendagri 90/2019 at province level) adds up everywhere.
    CHECK(planRollupWarnings(planOf(rows), "rencana-kerja.ods").empty());

    // A sub kegiatan's pagu typed wrong: its kegiatan no longer adds up; the program still does.
    const auto gaji =
        std::find_if(rows.begin(), rows.end(), [](const PlanRow& r) { return r.code == "2.18.01.1.02.0001"; });
    REQUIRE(gaji != rows.end());
    gaji->paguRp = 6'000'000'000;
    // A sub kegiatan whose kegiatan row is missing.
    PlanRow orphan = rows.back();
    orphan.code = orphan.key = "2.18.06.1.02.0001";
    orphan.indikator = "Jumlah aplikasi";
    orphan.paguRp = std::nullopt;
    orphan.sourceRow = rows.size() + 1;
    rows.push_back(orphan);
    const std::vector<Problem> w = planRollupWarnings(planOf(rows), "rencana-kerja.ods");
    REQUIRE(w.size() == 2);
    CHECK(w[0].file == "rencana-kerja.ods");
    CHECK(w[0].sheet == "Rencana");
    CHECK(w[0].cell == "N6");   // the kegiatan's pagu cell
    CHECK(w[0].message.id ==
          "Pagu kegiatan 2.18.01.1.02 (baris 6) Rp 8.135.000.000 tidak sama dengan jumlah pagu sub kegiatan-nya "
          "Rp 7.515.000.000 (baris 7, 8). Periksa pagu di baris-baris itu.");
    CHECK(w[1].message.id.find("sub kegiatan 2.18.06.1.02.0001 (baris " + std::to_string(rows.size() + 1) +
                               ") tidak punya baris kegiatan 2.18.06.1.02") != std::string::npos);

    // The program against its kegiatan, over the units that share a code.
    rows.pop_back();
    for (PlanRow& r : rows)
        if (r.code == "2.18.01.1.02.0001") r.paguRp = 6'620'000'000;   // (the iterator went with push_back)
    rows.front().paguRp = 9'000'000'000;
    const std::vector<Problem> p = planRollupWarnings(planOf(rows), "rencana-kerja.ods");
    REQUIRE(p.size() == 1);
    CHECK(p[0].message.en.find("program 2.18.01 (row 2) Rp 9.000.000.000 differs from the sum of its kegiatan "
                               "Rp 8.450.000.000 (rows 3, 6, 9)") != std::string::npos);
}
