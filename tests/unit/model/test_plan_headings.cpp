// Urusan and bidang urusan rows of the plan (issue 15, item 5): read as headings, not as
// indicator rows; shown above the programs they hold; refused with their cell when they carry
// an indicator or a target, or come twice.
#include <catch2/catch.hpp>

#include "model/plan.hpp"
#include "model/sample.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

std::vector<std::string> codesOf(const std::vector<const PlanHeading*>& headings)
{
    std::vector<std::string> out;
    for (const PlanHeading* h : headings) out.push_back(h->code);
    return out;
}

}   // namespace

TEST_CASE("the sample plan's urusan and bidang urusan rows are headings, not indicator rows", "[plan]")
{
    TempDir tmp;
    const auto file = tmp.path / "rencana-kerja.ods";
    writePlanWorkbook(file, samplePlanHeadings(), samplePlanRows());
    const Plan plan = loadPlan(file, sampleProfile());
    CHECK(plan.rows.size() == samplePlanRows().size());
    REQUIRE(plan.headings.size() == 2);
    CHECK(plan.headings[0].code == "2");
    CHECK(plan.headings[1].code == "2.18");
    CHECK(plan.headings[1].uraian == "Urusan Pemerintahan Bidang Penanaman Modal");
    CHECK(plan.headings[1].sourceRow == 2);   // below the header row and the urusan row
    for (const PlanRow& r : plan.rows) CHECK_FALSE(isHeadingCode(r.code));
    CHECK(planRollupWarnings(plan, "rencana-kerja.ods").empty());
}

TEST_CASE("headings stand above the first row under them and again where the bidang changes", "[plan]")
{
    const std::vector<PlanHeading> headings = {{"2", "Urusan wajib non pelayanan dasar", 1},
                                               {"2.18", "Penanaman modal", 2},
                                               {"2.17", "Koperasi, usaha kecil dan menengah", 3},
                                               {"3", "Urusan pilihan", 4},
                                               {"3.31", "Perindustrian", 5}};
    const auto above = headingsAbove(headings, {"2.18.01", "2.18.01.1.01", "2.17.02", "2.17.02.1.01", "3.31.02",
                                                "X.XX.01", "2.18.03"});
    REQUIRE(above.size() == 7);
    CHECK(codesOf(above[0]) == std::vector<std::string>{"2", "2.18"});
    CHECK(above[1].empty());
    CHECK(codesOf(above[2]) == std::vector<std::string>{"2.17"});   // the same urusan 2
    CHECK(above[3].empty());
    CHECK(codesOf(above[4]) == std::vector<std::string>{"3", "3.31"});
    CHECK(above[5].empty());                                        // under no heading of the plan
    CHECK(codesOf(above[6]) == std::vector<std::string>{"2", "2.18"});
    CHECK(headingsAbove({}, {"2.18.01"}).front().empty());
    CHECK(isHeadingCode("2"));
    CHECK(isHeadingCode("2.18"));
    CHECK_FALSE(isHeadingCode("2.18.01"));
}

TEST_CASE("an urusan row with an indicator or a target, and a bidang row given twice, are refused at the cell",
          "[plan][faults]")
{
    TempDir tmp;
    std::vector<PlanRow> rows = samplePlanRows();
    PlanRow bidangWithTarget = rows.front();   // written as an indicator row: code 2.18 with an indicator and targets
    bidangWithTarget.code = "2.18";
    rows.insert(rows.begin(), bidangWithTarget);
    const auto file = tmp.path / "rencana-kerja.ods";
    writePlanWorkbook(file, {{"2", "Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar", 0},
                             {"2.18", "Urusan Pemerintahan Bidang Penanaman Modal", 0},
                             {"3", "", 0}},
                      rows);
    const auto p = problemsOf([&] { loadPlan(file, sampleProfile()); });
    REQUIRE(p.size() == 3);
    CHECK(p[0].file == "rencana-kerja.ods");
    CHECK(p[0].cell == "E4");   // urusan 3 has no name
    CHECK(p[0].message.id.find("Nama urusan/bidang urusan 3 kosong") != std::string::npos);
    CHECK(p[1].cell == "F5");   // the first filled cell of the second 2.18 row: its indicator
    CHECK(p[1].message.id.find("tidak memakai indikator") != std::string::npos);
    CHECK(p[2].cell == "D5");
    CHECK(p[2].message.id.find("sudah ada di baris 3") != std::string::npos);
    CHECK(p[2].message.en.find("already appears on row 3") != std::string::npos);
}

TEST_CASE("the plan check names the programs whose urusan or bidang urusan has no row", "[plan]")
{
    TempDir tmp;
    const auto file = tmp.path / "rencana-kerja.ods";
    writePlanWorkbook(file, {{"2", "Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar", 0}},
                      samplePlanRows());
    const std::vector<Problem> w = planRollupWarnings(loadPlan(file, sampleProfile()), "rencana-kerja.ods");
    REQUIRE(w.size() == 1);
    CHECK(w[0].cell == "D3");   // the first program's code, below the header and the urusan row
    CHECK(w[0].message.id.rfind("Program di baris 3, 12, 15, 18, 19, 23, 27 berada di bawah bidang urusan 2.18, "
                                "yang tidak punya baris di rencana kerja. Tambahkan baris berkode 2.18",
                                0) == 0);
    CHECK(w[0].message.en.find("no row in the plan") != std::string::npos);
}
