#include <catch2/catch.hpp>

#include <fstream>

#include "distribute/distribute.hpp"
#include "distribute/form.hpp"
#include "model/form_layout.hpp"
#include "io/odf_document.hpp"
#include "io/ods_table.hpp"
#include "model/sample.hpp"
#include "io/sheet_reader.hpp"
#include "test_support.hpp"

using namespace evakin;
using evakin::test::hashTree;
using evakin::test::TempDir;

namespace {

// Writes a plan workbook from raw cell strings: plain numbers become number cells, the rest text.
void writePlanCells(const std::filesystem::path& file, const std::vector<std::vector<std::string>>& rows)
{
    OdfDocument doc = OdfDocument::fromFlat(loadTemplate("rencana-kerja.fods"), "rencana-kerja.fods");
    OdsTableBuilder table(doc.content().child("table:table"), pugi::xml_node());
    for (const auto& cells : rows) {
        OdsRow r = table.row();
        for (const auto& c : cells) {
            char* end = nullptr;
            const double v = std::strtod(c.c_str(), &end);
            if (!c.empty() && end && *end == '\0')
                r.number(v, "Evakin_Angka");
            else
                r.text(c, "Evakin_Teks");
        }
    }
    std::ofstream(file, std::ios::binary) << doc.toPackage();
}

std::vector<std::string> goodRow(const std::string& unit, const std::string& code)
{
    return {
        unit, "Tujuan", "Sasaran", code,    "Kegiatan " + code, "Jumlah dokumen", "dokumen", "positif", "10", "1000000",
        "4",  "400000", "2",       "250000"};
}

// Row index (0-based) of the first indicator row: two rows below the "No" header, under the sample's
// urusan 2 and bidang urusan 2.18 rows (code and name, no number, no input cell).
std::size_t firstDataRow(const Sheet& s)
{
    for (std::size_t r = 0; r < s.rows.size(); ++r)
        if (s.at(r, 0).text == "No") {
            const std::size_t first = r + form::kHeaderRows;
            const std::vector<PlanHeading> headings = samplePlanHeadings();
            for (std::size_t h = 0; h < headings.size(); ++h) {
                CHECK(s.at(first + h, form::colNo).empty());
                CHECK(s.at(first + h, form::colKode).text == headings[h].code);
                CHECK(s.at(first + h, form::colUraian).text == headings[h].uraian);
                CHECK(s.at(first + h, form::colTw1K).empty());
            }
            return first + headings.size();
        }
    FAIL("no table header in form");
    return 0;
}

}   // namespace

TEST_CASE("distribute writes one protected, stamped form per unit of the sample office", "[distribute]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    std::ofstream(ws / "inbox" / "kiriman.ods") << "not touched";
    const auto inboxBefore = hashTree(ws / "inbox");

    std::vector<std::string> progress;
    DistributeOptions options;
    options.progress = [&](std::size_t, std::size_t, const std::string& unit) { progress.push_back(unit); };
    const DistributeResult r = distribute(ws, options);

    const Profile profile = sampleProfile();
    REQUIRE(r.forms.size() == profile.units.size());
    CHECK(progress.size() == profile.units.size() + 1);
    CHECK(hashTree(ws / "inbox") == inboxBefore);
    CHECK(r.toJson().find("\"forms\"") != std::string::npos);

    const Plan plan = loadPlan(ws / "rencana-kerja.ods", profile);
    for (const auto& f : r.forms) {
        INFO(f.file.u8string());
        const Workbook wb = readWorkbook(f.file);
        CHECK(wb.properties.at(form::kPropUnit) == f.unitCode);
        CHECK(wb.properties.at(form::kPropYear) == "2026");
        CHECK(wb.properties.at(form::kPropTriwulan) == "1");
        CHECK(wb.properties.at(form::kPropVersion) == form::kVersion);
        const auto rows = plan.rowsOf(f.unitCode);
        CHECK(wb.properties.at(form::kPropDigest) == formDigest(f.unitCode, Period{2026, 1, ""}, rows, {}));
        const Sheet* sheet = wb.sheet("Evaluasi");
        REQUIRE(sheet);
        CHECK(sheet->isProtected);
        const std::size_t first = firstDataRow(*sheet);
        REQUIRE(rows.size() == f.rows);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(sheet->at(first + i, form::colKode).text == rows[i]->code);
            CHECK(sheet->at(first + i, form::colIndikator).text == rows[i]->indikator);
            CHECK(sheet->at(first + i, form::colTargetK).number == Approx(rows[i]->targetK));
            CHECK(sheet->at(first + i, form::colTw1K).empty());
        }
        bool unitNamed = false;
        for (std::size_t rr = 0; rr < first; ++rr)
            unitNamed |= sheet->at(rr, 0).text.find(f.unitName) != std::string::npos;
        CHECK(unitNamed);
    }

    SECTION("existing forms are never silently overwritten")
    {
        const auto outboxBefore = hashTree(ws / "outbox");
        CHECK_THROWS_AS(distribute(ws), Error);
        CHECK(hashTree(ws / "outbox") == outboxBefore);
        DistributeOptions again;
        again.overwrite = true;
        CHECK(distribute(ws, again).forms.size() == profile.units.size());
    }
}

TEST_CASE("a later triwulan shows accepted quarters locked and missing ones open as late data", "[distribute]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 2);
    const Workspace w = openWorkspace(ws);
    const Plan plan = loadPlan(w.planFile(), sampleProfile());
    const PlanRow* first = plan.rowsOf("PPI").front();
    YearRealisations acc;
    acc["PPI"][first->key][0] = QuarterValue{21.5, 600'000'000.0, false};
    saveRealisations(w, acc);

    const DistributeResult r = distribute(ws);
    const auto ppi =
        std::find_if(r.forms.begin(), r.forms.end(), [](const DistributedForm& f) { return f.unitCode == "PPI"; });
    REQUIRE(ppi != r.forms.end());
    const Workbook wb = readWorkbook(ppi->file);
    const Sheet& s = *wb.sheet("Evaluasi");
    const std::size_t row = firstDataRow(s);
    CHECK(s.at(row, form::colTw1K).number == Approx(21.5));
    CHECK(s.at(row, form::colTw1Rp).number == Approx(600'000'000.0));
    CHECK(s.at(row + 1, form::colTw1K).empty());   // not reported: open, marked late
    CHECK(s.at(row, form::colTw2K).empty());       // the current quarter is input

    const auto rows = plan.rowsOf("PPI");
    CHECK(wb.properties.at(form::kPropDigest) == formDigest("PPI", w.period, rows, acc["PPI"]));
    CHECK(formDigest("PPI", w.period, rows, acc["PPI"]) != formDigest("PPI", w.period, rows, {}));
}

TEST_CASE("plan problems are all reported with sheet and cell, and nothing is written", "[distribute][plan]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    auto unknownUnit = goodRow("XYZ", "2.18.09");
    auto textTarget = goodRow("PPI", "2.18.04.1.02.0009");
    textTarget[12] = "dua puluh";
    auto missingTarget = goodRow("PPI", "2.18.04.1.02.0010");
    missingTarget[8] = "";
    writePlanCells(ws / "rencana-kerja.ods",
                   {goodRow("SEKR", "2.18.01"), goodRow("SEKR", "2.18.01"), unknownUnit, textTarget, missingTarget});

    try {
        distribute(ws);
        FAIL("distribute accepted a broken plan");
    } catch (const Error& e) {
        const std::string id = e.render(Lang::id);
        const std::string en = e.render(Lang::en);
        INFO(id);
        CHECK(e.problems().size() == 4);
        CHECK(id.find("rencana-kerja.ods, lembar Rencana, sel D3") != std::string::npos);   // duplicate indicator
        CHECK(id.find("sel A4") != std::string::npos);                                      // unknown unit
        CHECK(id.find("sel M5") != std::string::npos);                                      // text target
        CHECK(id.find("sel I6") != std::string::npos);                                      // missing Renstra target
        CHECK(en.find("sheet Rencana, cell M5") != std::string::npos);
    }
    CHECK(hashTree(ws / "outbox").empty());
}

TEST_CASE("an unreadable plan or profile is named in the error", "[distribute][plan]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    SECTION("plan")
    {
        std::ofstream(ws / "rencana-kerja.ods") << "this is not a spreadsheet";
        CHECK_THROWS_WITH(distribute(ws), Catch::Contains("rencana-kerja.ods"));
    }
    SECTION("profile")
    {
        std::ofstream(ws / "profil.json") << "{\"office\": ";
        CHECK_THROWS_WITH(distribute(ws), Catch::Contains("profil.json"));
    }
    SECTION("not a workspace") { CHECK_THROWS_WITH(distribute(tmp.path), Catch::Contains("periode.json")); }
    CHECK(hashTree(ws / "outbox").empty());
}

TEST_CASE("a new workspace is never created over an existing one", "[workspace]")
{
    TempDir tmp;
    createSampleWorkspace(tmp.path / "ws", 2026, 1);
    CHECK_THROWS_AS(createSampleWorkspace(tmp.path / "ws", 2026, 2), Error);
    CHECK(openWorkspace(tmp.path / "ws").period.triwulan == 1);
}

TEST_CASE("distribute writes forms for the chosen units only, and lists the forms it would write", "[distribute]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    const std::vector<FormTarget> targets = formTargets(ws);
    REQUIRE(targets.size() == sampleProfile().units.size());
    CHECK(targets[0].file.filename().u8string() == "evaluasi-2026-tw1-" + targets[0].unitCode + ".ods");
    CHECK(targets[0].rows > 0);
    CHECK_FALSE(targets[0].exists);

    DistributeOptions options;
    options.units = {targets[1].unitCode, targets[2].unitCode};
    const DistributeResult r = distribute(ws, options);
    REQUIRE(r.forms.size() == 2);
    CHECK(r.forms[0].unitCode == targets[1].unitCode);
    CHECK(r.forms[1].unitCode == targets[2].unitCode);
    CHECK(hashTree(ws / "outbox").size() == 2);
    const std::vector<FormTarget> after = formTargets(ws);
    CHECK_FALSE(after[0].exists);
    CHECK(after[1].exists);
    CHECK(after[2].exists);

    SECTION("an unknown unit is a problem naming it, and nothing is written")
    {
        const auto before = hashTree(ws / "outbox");
        options.units = {targets[0].unitCode, "NOPE"};
        CHECK_THROWS_WITH(distribute(ws, options), Catch::Contains("NOPE"));
        CHECK(hashTree(ws / "outbox") == before);
    }
    SECTION("a chosen unit whose form exists still needs overwrite")
    {
        options.units = {targets[1].unitCode};
        CHECK_THROWS_AS(distribute(ws, options), Error);
        options.overwrite = true;
        CHECK(distribute(ws, options).forms.size() == 1);
    }
}

TEST_CASE("a typed list of unit codes", "[distribute]")
{
    CHECK(unitCodeList(" SEKR, PPI ,,") == std::vector<std::string>{"SEKR", "PPI"});
    CHECK(unitCodeList("").empty());
}

TEST_CASE("a form that cannot be moved into outbox/ puts back the ones moved before it", "[distribute][faults]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    const auto blockThird = [&](const DistributeResult& listed) {
        // A folder where the third form must go: its move fails after two forms are in outbox/.
        REQUIRE(listed.forms.size() >= 3);
        const auto third = listed.forms[2].file;
        std::filesystem::remove(third);
        std::filesystem::create_directories(third);
        std::ofstream(third / "catatan.txt") << "kept";
        return third;
    };
    DistributeOptions overwrite;
    overwrite.overwrite = true;

    SECTION("a first distribution leaves no form")
    {
        const DistributeResult first = distribute(ws);
        for (const auto& f : first.forms) std::filesystem::remove(f.file);
        const auto third = blockThird(first);
        const auto before = hashTree(ws / "outbox");
        try {
            distribute(ws, overwrite);
            FAIL("distribute went through a folder in the way");
        } catch (const Error& e) {
            CHECK(e.problems().front().file == third.filename().u8string());
            CHECK_THAT(e.render(Lang::id), Catch::Contains("outbox/ tetap seperti semula"));
        }
        CHECK(hashTree(ws / "outbox") == before);
        CHECK(std::distance(std::filesystem::directory_iterator(ws / "outbox"), {}) == 1);   // the folder only
    }
    SECTION("an overwrite restores the forms it had replaced, byte for byte")
    {
        const DistributeResult first = distribute(ws);
        blockThird(first);
        // Forms a unit may already have been sent: they must come back as they were, not as the new ones.
        std::ofstream(first.forms[0].file, std::ios::trunc) << "format lama 1";
        std::ofstream(first.forms[1].file, std::ios::trunc) << "format lama 2";
        const auto before = hashTree(ws / "outbox");
        CHECK_THROWS_AS(distribute(ws, overwrite), Error);
        CHECK(hashTree(ws / "outbox") == before);
        std::filesystem::remove_all(first.forms[2].file);
        CHECK(distribute(ws, overwrite).forms.size() == first.forms.size());   // the retry works
    }
}
