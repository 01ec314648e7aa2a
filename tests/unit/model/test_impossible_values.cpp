// Impossible values in the workspace's files (issue 14): refused with a
// message that names the file and field or cell, never truncated, printed or
// computed with.
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>

#include "io/files.hpp"
#include "model/plan.hpp"
#include "model/sample.hpp"
#include "model/workspace.hpp"
#include "text/error.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

void writePeriod(const std::filesystem::path& ws, const std::string& json)
{
    std::ofstream(ws / "periode.json", std::ios::trunc) << json;
}

}   // namespace

TEST_CASE("periode.json: a deadline that does not exist and a fractional year are refused", "[workspace][faults]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    writePeriod(ws, R"({"format": 1, "year": 2026, "triwulan": 1, "deadline": "2026-02-30"})");
    auto p = problemsOf([&] { openWorkspace(ws); });
    REQUIRE(p.size() == 1);
    CHECK(p[0].file == "periode.json");
    CHECK(p[0].field == "deadline");
    CHECK(p[0].message.id.find("2026-02-30") != std::string::npos);

    for (const char* year : {"2026.7", "\"2026\"", "1e3", "-2026", "99999999999"}) {
        INFO(year);
        writePeriod(ws,
                    std::string(R"({"format": 1, "year": )") + year + R"(, "triwulan": 1, "deadline": "2026-04-10"})");
        p = problemsOf([&] { openWorkspace(ws); });
        REQUIRE(p.size() == 1);
        CHECK(p[0].field == "year");
    }
    writePeriod(ws, R"({"format": 1, "year": 2026, "triwulan": 1.5, "deadline": "2026-04-10"})");
    p = problemsOf([&] { openWorkspace(ws); });
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "triwulan");

    writePeriod(ws, R"({"format": 1, "year": 2026, "triwulan": 1, "deadline": "2026-04-10"})");
    CHECK(openWorkspace(ws).period.year == 2026);
}

TEST_CASE("init with an impossible year leaves nothing behind, and the retry is not refused", "[workspace][faults]")
{
    TempDir tmp;
    const auto ws = tmp.path / "baru";
    CHECK_THROWS_AS(createSampleWorkspace(ws, 0, 1), Error);
    CHECK_THROWS_AS(createEmptyWorkspace(ws, 2026, 7), Error);
    CHECK_FALSE(std::filesystem::exists(ws));
    CHECK(std::filesystem::is_empty(tmp.path));   // no staging folder either
    CHECK(createSampleWorkspace(ws, 2026, 1).period.year == 2026);

    // An existing folder without a workspace (staff made it first) is filled in, its own files kept.
    const auto existing = tmp.path / "ada";
    std::filesystem::create_directories(existing);
    writeFileAtomically(existing / "catatan.txt", "milik staf");
    CHECK_THROWS_AS(createSampleWorkspace(existing, 1999, 1), Error);
    CHECK(hashTree(existing).size() == 1);
    createEmptyWorkspace(existing, 2026, 2);
    CHECK(readFile(existing / "catatan.txt") == "milik staf");
    CHECK(openWorkspace(existing).period.triwulan == 2);
}

TEST_CASE("the plan: a negative pagu and a duplicated indicator row are refused at their cells", "[plan][faults]")
{
    TempDir tmp;
    std::vector<PlanRow> rows = samplePlanRows();
    REQUIRE(rows.size() > 3);
    rows[1].paguRp = -25'000'000.0;
    PlanRow copy = rows[2];
    copy.indikator = "  " + copy.indikator;   // copied with a stray space, and upper case
    for (char& c : copy.indikator) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    rows.insert(rows.begin() + 3, copy);
    const auto file = tmp.path / "rencana-kerja.ods";
    writePlanWorkbook(file, samplePlanHeadings(), rows);
    const auto p = problemsOf([&] { loadPlan(file, sampleProfile()); });
    bool negative = false, duplicate = false;
    for (const Problem& pr : p) {
        CHECK(pr.file == "rencana-kerja.ods");
        CHECK_FALSE(pr.cell.empty());
        negative |= pr.message.id.find("negatif") != std::string::npos;
        duplicate |= pr.message.id.find("sudah ada di baris lain") != std::string::npos;
    }
    CHECK(negative);
    CHECK(duplicate);
}
