#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <set>

#include "collect/corrections.hpp"
#include "period/next_period.hpp"
#include "period/returns_status.hpp"
#include "model/plan.hpp"
#include "model/sample.hpp"
#include "test_support.hpp"

using namespace evakin;
using evakin::test::hashTree;
using evakin::test::TempDir;

namespace {

// A minimal hasil/evaluasi.json as collect writes it (merge_json.cpp): one unit, two rows.
void writeEvaluation(const Workspace& ws, const std::string& unit, const std::string& key1, const std::string& key2)
{
    std::filesystem::create_directories(ws.results());
    std::ofstream(ws.results() / "evaluasi.json")
        << R"({"format":1,"year":)" << ws.period.year << R"(,"triwulan":)" << ws.period.triwulan
        << R"(,"units":[{"code":")" << unit << R"(","rows":[{"key":")" << key1
        << R"(","quarters":[{"k":10,"rp":1000,"late":false},{"k":12,"rp":null,"late":true},null,null],"realisasiRenstra":{"k":99,"rp":{"notComputable":"no-data"}}},)"
        << R"({"key":")" << key2
        << R"(","quarters":[null,null,null,null],"realisasiRenstra":{"k":{"notComputable":"no-data"},"rp":5}}]}]})";
}

}   // namespace

TEST_CASE("a new triwulan carries the accepted quarters and leaves the finished period untouched", "[next-period]")
{
    TempDir tmp;
    const Workspace tw2 = createSampleWorkspace(tmp.path / "tw2", 2026, 2);
    const Plan plan = loadPlan(tw2.planFile(), sampleProfile());
    const auto rows = plan.rowsOf("PPI");
    writeEvaluation(tw2, "PPI", rows[0]->key, rows[1]->key);
    const auto before = hashTree(tw2.dir);

    const NextPeriodResult r = createNextWorkspace(tw2.dir, tmp.path / "tw3");
    CHECK(hashTree(tw2.dir) == before);
    CHECK_FALSE(r.newYear);
    CHECK(r.period.triwulan == 3);
    CHECK(r.period.year == 2026);
    CHECK(r.carriedValues == 3);
    const Workspace tw3 = openWorkspace(tmp.path / "tw3");
    YearRealisations carried = loadRealisations(tw3);
    const auto& q = carried["PPI"][rows[0]->key];
    CHECK(*q[0].k == Approx(10));
    CHECK(*q[0].rp == Approx(1000));
    CHECK(*q[1].k == Approx(12));
    CHECK(q[1].late);
    CHECK_FALSE(q[2].reported());
    CHECK(std::filesystem::exists(tw3.profileFile()));
    CHECK(evakin::test::sha256File(tw3.planFile()) == evakin::test::sha256File(tw2.planFile()));

    SECTION("the target folder is never overwritten") { CHECK_THROWS_AS(createNextWorkspace(tw2.dir, tw3.dir), Error); }
}

TEST_CASE("after triwulan IV the next period starts the next year with realisasi s/d tahun lalu brought forward",
          "[next-period]")
{
    TempDir tmp;
    const Workspace tw4 = createSampleWorkspace(tmp.path / "tw4", 2026, 4);
    const Plan plan = loadPlan(tw4.planFile(), sampleProfile());
    const auto rows = plan.rowsOf("PPI");
    writeEvaluation(tw4, "PPI", rows[0]->key, rows[1]->key);

    const NextPeriodResult r = createNextWorkspace(tw4.dir, tmp.path / "2027-tw1");
    CHECK(r.newYear);
    CHECK(r.period.year == 2027);
    CHECK(r.period.triwulan == 1);
    const Workspace next = openWorkspace(tmp.path / "2027-tw1");
    CHECK(loadRealisations(next).empty());
    const Plan nextPlan = loadPlan(next.planFile(), sampleProfile());
    const auto nextRows = nextPlan.rowsOf("PPI");
    CHECK(*nextRows[0]->realisasiLaluK == Approx(99));
    CHECK(*nextRows[0]->realisasiLaluRp == Approx(*rows[0]->realisasiLaluRp));   // not computable: kept
    CHECK(*nextRows[1]->realisasiLaluRp == Approx(5));
}

TEST_CASE("a period that was never collected cannot be carried over", "[next-period]")
{
    TempDir tmp;
    createSampleWorkspace(tmp.path / "tw1", 2026, 1);
    CHECK_THROWS_WITH(createNextWorkspace(tmp.path / "tw1", tmp.path / "tw2"), Catch::Contains("Rekap Kiriman"));
    CHECK_FALSE(isWorkspace(tmp.path / "tw2"));
}

TEST_CASE("corrections record old and new value, who, when and why, and apply in order", "[corrections]")
{
    TempDir tmp;
    const Workspace ws = createSampleWorkspace(tmp.path / "tw2", 2026, 2);
    const Plan plan = loadPlan(ws.planFile(), sampleProfile());
    const std::string key = plan.rowsOf("DSI").front()->key;
    YearRealisations accepted;
    accepted["DSI"][key][0] = QuarterValue{40.0, 100.0, false};
    saveRealisations(ws, accepted);

    CorrectionRequest req{"DSI", key, 1, 45.0, std::nullopt, "salah ketik pada rekap", "perencanaan"};
    const Correction first = recordCorrection(ws.dir, req);
    CHECK(*first.oldK == Approx(40));
    CHECK(*first.newK == Approx(45));
    CHECK_FALSE(first.setsRp);
    CHECK(first.by == "perencanaan");
    CHECK_FALSE(first.at.empty());
    req.k = 46.0;
    const Correction second = recordCorrection(ws.dir, req);
    CHECK(*second.oldK == Approx(45));   // the earlier correction is the value as it stands

    const auto all = loadCorrections(ws);
    REQUIRE(all.size() == 2);
    applyCorrections(all, accepted);
    CHECK(*accepted["DSI"][key][0].k == Approx(46));
    CHECK(*accepted["DSI"][key][0].rp == Approx(100));

    SECTION("bad requests name every field at fault and record nothing")
    {
        const CorrectionRequest bad{"XX", "9.9", 3, -1.0, std::nullopt, "", ""};
        try {
            recordCorrection(ws.dir, bad);
            FAIL("accepted a bad correction");
        } catch (const Error& e) {
            CHECK(e.problems().size() == 5);
        }
        CHECK(loadCorrections(ws).size() == 2);
    }
}

TEST_CASE("the next period and its folder are decided in one place", "[next-period]")
{
    const NextPeriodStep second = nextPeriodOf(Period{2026, 1, "2026-04-10"});
    CHECK(second.period.year == 2026);
    CHECK(second.period.triwulan == 2);
    CHECK_FALSE(second.newYear);
    CHECK(second.folderName == "2026-tw2");
    CHECK(second.period.deadline == defaultDeadline(2026, 2));
    const NextPeriodStep first = nextPeriodOf(Period{2026, 4, "2027-01-10"});
    CHECK(first.newYear);
    CHECK(first.period.year == 2027);
    CHECK(first.period.triwulan == 1);
    CHECK(first.folderName == "2027-tw1");

    TempDir tmp;
    createSampleWorkspace(tmp.path / "periode" / "2026-tw3", 2026, 3);
    CHECK(proposedNextWorkspace(tmp.path / "periode" / "2026-tw3") == tmp.path / "periode" / "2026-tw4");
    CHECK(proposedNextWorkspace(tmp.path / "periode" / "2026-tw3" / "") == tmp.path / "periode" / "2026-tw4");
    CHECK_THROWS_AS(proposedNextWorkspace(tmp.path / "periode"), Error);
}

TEST_CASE("the returns status names missing and invalid units, or a collect never run", "[next-period]")
{
    TempDir tmp;
    const Workspace ws = createSampleWorkspace(tmp.path / "tw1", 2026, 1);
    const ReturnsStatus never = returnsStatus(ws.dir);
    CHECK_FALSE(never.collected);
    CHECK_FALSE(never.complete());
    CHECK_THAT(never.warning(Lang::id), Catch::Contains("Rekap Kiriman"));
    CHECK_THAT(never.warning(Lang::en), Catch::Contains("Rekap Kiriman"));

    std::filesystem::create_directories(ws.results());
    std::ofstream(ws.results() / "evaluasi.json")
        << R"({"format":1,"year":2026,"triwulan":1,"units":[{"code":"SEKR","name":"Sekretariat","status":"valid",)"
        << R"("rows":[]},{"code":"PPI","name":"Bidang PPI","status":"missing","rows":[]},)"
        << R"({"code":"DSI","name":"Bidang DSI","status":"invalid","rows":[]}]})";
    // Written in the same clock tick as the sample's files it would count as stale: date it after them.
    std::filesystem::last_write_time(ws.results() / "evaluasi.json",
                                     std::filesystem::file_time_type::clock::now() + std::chrono::minutes(1));
    const ReturnsStatus some = returnsStatus(ws.dir);
    CHECK(some.collected);
    CHECK_FALSE(some.stale);
    CHECK(some.missingUnits == std::vector<std::string>{"Bidang PPI"});
    CHECK(some.invalidUnits == std::vector<std::string>{"Bidang DSI"});
    CHECK_THAT(some.warning(Lang::id), Catch::Contains("Bidang PPI") && Catch::Contains("Bidang DSI"));

    std::ofstream(ws.results() / "evaluasi.json") << "{ damaged";
    CHECK_FALSE(returnsStatus(ws.dir).collected);
}

TEST_CASE("the current value of a cell is what a correction would replace", "[corrections]")
{
    TempDir tmp;
    const Workspace ws = createSampleWorkspace(tmp.path / "tw2", 2026, 2);
    const Plan plan = loadPlan(ws.planFile(), sampleProfile());
    const std::string key = plan.rowsOf("DSI").front()->key;
    YearRealisations accepted;
    accepted["DSI"][key][0] = QuarterValue{40.0, 100.0, false};
    saveRealisations(ws, accepted);
    CHECK(*currentValue(ws, "DSI", key, 1).k == Approx(40));
    CHECK_FALSE(currentValue(ws, "DSI", key, 2).reported());   // not collected yet
    recordCorrection(ws.dir, CorrectionRequest{"DSI", key, 1, std::nullopt, 150.0, "salah ketik", "perencanaan"});
    const QuarterValue now = currentValue(ws, "DSI", key, 1);
    CHECK(*now.k == Approx(40));
    CHECK(*now.rp == Approx(150));
}

TEST_CASE("a picked folder that is not empty gets the new period's folder inside it", "[next-period]")
{
    TempDir tmp;
    const Period tw1{2026, 1, "2026-04-10"};
    CHECK(nextWorkspaceIn(tmp.path / "absent", tw1) == tmp.path / "absent");
    std::filesystem::create_directories(tmp.path / "empty");
    CHECK(nextWorkspaceIn(tmp.path / "empty", tw1) == tmp.path / "empty");
    std::ofstream(tmp.path / "catatan.txt") << "x";
    CHECK(nextWorkspaceIn(tmp.path, tw1) == tmp.path / "2026-tw2");
}

TEST_CASE("a new period that fails half-way leaves no folder, and the retry works", "[next-period][faults]")
{
    TempDir tmp;
    const Workspace tw1 = createSampleWorkspace(tmp.path / "tw1", 2026, 1);
    const Plan plan = loadPlan(tw1.planFile(), sampleProfile());
    const auto rows = plan.rowsOf("PPI");   // pointers into `plan`
    writeEvaluation(tw1, "PPI", rows[0]->key, rows[1]->key);
    const auto before = hashTree(tw1.dir);

    SECTION("a file in the finished period that cannot be read (a template link to nowhere)")
    {
        std::filesystem::create_directories(tw1.dir / "templates");
        std::filesystem::create_symlink(tmp.path / "hilang.ods", tw1.dir / "templates" / "format.ods");
        const auto listed = evakin::test::entriesOf(tmp.path);
        CHECK_THROWS_AS(createNextWorkspace(tw1.dir, tmp.path / "tw2"), Error);
        CHECK_FALSE(std::filesystem::exists(tmp.path / "tw2"));
        CHECK(evakin::test::entriesOf(tmp.path) == listed);   // no hidden half-made folder either
        std::filesystem::remove(tw1.dir / "templates" / "format.ods");
        CHECK(createNextWorkspace(tw1.dir, tmp.path / "tw2").period.triwulan == 2);
        CHECK(isWorkspace(tmp.path / "tw2"));
    }
    SECTION("a file where a folder must go")
    {
        std::ofstream(tmp.path / "berkas") << "x";
        try {
            createNextWorkspace(tw1.dir, tmp.path / "berkas" / "baru" / "tw2");
            FAIL("a folder was made under a file");
        } catch (const Error& e) {
            CHECK_THAT(e.render(Lang::id), Catch::Contains("berkas"));
            CHECK_THAT(e.render(Lang::id), !Catch::Contains("filesystem error"));
        }
        CHECK(std::filesystem::is_regular_file(tmp.path / "berkas"));
        CHECK(createNextWorkspace(tw1.dir, tmp.path / "baru" / "tw2").period.triwulan == 2);
    }
    SECTION("a folder that already holds other files is refused, and left as it was")
    {
        std::filesystem::create_directories(tmp.path / "lain");
        std::ofstream(tmp.path / "lain" / "catatan.txt") << "x";
        CHECK_THROWS_WITH(createNextWorkspace(tw1.dir, tmp.path / "lain"), Catch::Contains("berkas lain"));
        CHECK(evakin::test::entriesOf(tmp.path / "lain") == std::set<std::string>{"catatan.txt"});
    }
    CHECK(hashTree(tw1.dir) == before);
}
