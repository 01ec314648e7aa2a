// Collect ("Rekap Kiriman"): identify, check and merge returns made from the
// distributed forms, the way units fill them in.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>

#include "collect/collect.hpp"
#include "collect/corrections.hpp"
#include "io/files.hpp"
#include "io/sheet_reader.hpp"
#include "collect/test_collect_support.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

Poco::JSON::Object::Ptr evaluationRow(const std::filesystem::path& ws, const std::string& unit, const std::string& key)
{
    const auto root =
        Poco::JSON::Parser().parse(readFile(ws / "hasil" / "evaluasi.json")).extract<Poco::JSON::Object::Ptr>();
    const auto units = root->getArray("units");
    for (unsigned i = 0; i < units->size(); ++i) {
        const auto u = units->getObject(i);
        if (u->getValue<std::string>("code") != unit) continue;
        const auto rows = u->getArray("rows");
        for (unsigned j = 0; j < rows->size(); ++j)
            if (rows->getObject(j)->getValue<std::string>("key") == key) return rows->getObject(j);
    }
    FAIL("no row " << unit << " " << key);
    return nullptr;
}

// A triwulan II workspace whose triwulan I was accepted for every row but PPI's third (left for late data).
std::filesystem::path quarterTwo(const TempDir& tmp)
{
    const auto dir = tmp.path / "ws";
    const Workspace ws = createSampleWorkspace(dir, 2026, 2);
    const Plan plan = loadPlan(ws.planFile(), sampleProfile());
    YearRealisations acc;
    for (const PlanRow& r : plan.rows) {
        if (r.unitCode == "PPI" && r.code == "2.18.04.1.02.0001") continue;
        acc[r.unitCode][r.key][0] =
            QuarterValue{r.targetK * 0.25, r.paguRp ? std::optional<double>(*r.paguRp * 0.2) : std::nullopt, false};
    }
    saveRealisations(ws, acc);
    return dir;
}

const EditFn explain = [](pugi::xml_node table, std::size_t) {
    setText(odfCell(table, formLabelRow(table, "Faktor Pendorong"), 3), "Dukungan pimpinan");
    setText(odfCell(table, formLabelRow(table, "Faktor Penghambat"), 3), "Keterlambatan anggaran");
    setText(odfCell(table, formLabelRow(table, "Tindak Lanjut (triwulan berikutnya)"), 3), "Percepatan kegiatan");
};

}   // namespace

TEST_CASE("a full round: every unit returns, the year is merged, reruns are byte-identical", "[collect]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    for (const auto& unit : sampleProfile().units)
        writeBytes(ws / "inbox" / (unit.code + "-isi.ods"), makeReturn(ws, unit.code, typicalValue, explain));
    writeBytes(ws / "inbox" / ".~lock.PPI-isi.ods#", "lock");
    const auto inboxBefore = hashTree(ws / "inbox");

    const CollectResult r = collect(ws);
    INFO(r.summary(Lang::en));
    CHECK(r.complete());
    CHECK(r.ignored == std::vector<std::string>{".~lock.PPI-isi.ods#"});
    CHECK(r.written.size() == 3);
    CHECK(hashTree(ws / "inbox") == inboxBefore);
    const auto& ppi = unitOf(r, "PPI");
    CHECK(ppi.status == UnitStatus::valid);
    CHECK(r.files[static_cast<std::size_t>(ppi.file)].name == "PPI-isi.ods");

    // Positive row with triwulan I accepted: 12 = 0.25 x target + 0.3 x target.
    const auto dsi = evaluationRow(ws, "DSI", "2.18.06.1.01.0001");
    CHECK(dsi->getObject("realisasi")->getValue<double>("k") == Approx(12 * 0.55));
    CHECK(dsi->getObject("capaianRenja")->getValue<double>("k") == Approx(55));
    CHECK(dsi->getObject("capaianRenja")->getValue<double>("rp") == Approx(40));   // 0.2 + 0.2 of the pagu
    CHECK(dsi->getObject("realisasiRenstra")->getValue<double>("k") == Approx(36 + 12 * 0.55));
    // Percentage row: the latest quarter.
    const auto pct = evaluationRow(ws, "DSI", "2.18.06");
    CHECK(pct->getObject("realisasi")->getValue<double>("k") == Approx(92 * 0.3));
    // Negative row without budget: capaian = target / realisasi, Rp not computable.
    const auto neg = evaluationRow(ws, "PPI", "2.18.04#2");
    CHECK(neg->getObject("capaianRenja")->getValue<double>("k") == Approx(100 / 0.3));
    CHECK(neg->getObject("capaianRenja")->getObject("rp")->getValue<std::string>("notComputable") == "no-target");

    // A rerun over the same inbox gives the same bytes, on one thread or on four.
    const auto resultsBefore = hashTree(ws / "hasil");
    for (unsigned threads : {0u, 1u, 4u}) {
        CollectOptions options;
        options.threads = threads;
        CHECK(collect(ws, options).toJson(Lang::en) == r.toJson(Lang::en));
        CHECK(hashTree(ws / "hasil") == resultsBefore);
    }
    const Workbook table = readWorkbook(ws / "hasil" / "tabel-evaluasi.ods");
    REQUIRE(table.sheet("Evaluasi"));
    const Workbook recap = readWorkbook(ws / "hasil" / "rekap-pengumpulan.ods");
    REQUIRE(recap.sheet("Rekap"));
    REQUIRE(recap.sheet("Masalah"));
}

TEST_CASE("an earlier quarter reported late is accepted and flagged late", "[collect]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    writeBytes(ws / "inbox" / "ppi.ods",
               makeReturn(ws, "PPI", typicalValue, [](pugi::xml_node table, std::size_t first) {
                   setNumber(odfCell(table, first + 3, form::quarterKColumn(1)), 1000);   // the late triwulan I cell
                   setText(odfCell(table, formLabelRow(table, "Faktor Penghambat"), 3), "-");
               }));
    const CollectResult r = collect(ws);
    INFO(r.summary(Lang::en));
    CHECK(unitOf(r, "PPI").status == UnitStatus::valid);
    CHECK(r.files.front().lateValues == 1);
    const auto row = evaluationRow(ws, "PPI", "2.18.04.1.02.0001");
    const auto q1 = row->getArray("quarters")->getObject(0);
    CHECK(q1->getValue<double>("k") == 1000);
    CHECK(q1->getValue<bool>("late"));
    CHECK(row->getObject("realisasi")->getValue<double>("k") == Approx(1000 + 4200 * 0.3));
    CHECK(unitOf(r, "SEKR").status == UnitStatus::missing);
    CHECK_FALSE(r.complete());
}

TEST_CASE("changed fixed cells are named cell by cell and keep the return out", "[collect]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    std::size_t firstRow = 0;
    writeBytes(ws / "inbox" / "sekr.ods",
               makeReturn(ws, "SEKR", typicalValue, [&](pugi::xml_node table, std::size_t first) {
                   firstRow = first;
                   setNumber(odfCell(table, first + 1, form::colTargetK), 4);           // target halved
                   setNumber(odfCell(table, first + 2, form::quarterKColumn(1)), 99);   // accepted triwulan I changed
                   setText(odfCell(table, first + 3, form::colIndikator), "Indikator lain");
               }));
    const CollectResult r = collect(ws);
    CHECK(unitOf(r, "SEKR").status == UnitStatus::invalid);
    const auto* target = findProblem(r, "sekr.ods", "seharusnya 8", cellAddress(firstRow + 1, form::colTargetK));
    REQUIRE(target);
    CHECK(target->severity == Severity::error);
    CHECK(target->where.sheet == "Evaluasi");
    CHECK(findProblem(r, "sekr.ods", "should be", cellAddress(firstRow + 2, form::quarterKColumn(1))));
    CHECK(findProblem(r, "sekr.ods", "Indikator lain", cellAddress(firstRow + 3, form::colIndikator)));
    // Not merged: the table keeps only triwulan I for SEKR.
    const auto row = evaluationRow(ws, "SEKR", "2.18.01.1.01");
    CHECK(row->getArray("quarters")->isNull(1));
}

TEST_CASE("values typed as text are read like staff type them; the rest is reported per cell", "[collect]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    std::size_t f = 0;
    const auto k = [](std::size_t) { return static_cast<std::size_t>(form::quarterKColumn(2)); };
    writeBytes(ws / "inbox" / "dsi.ods",
               makeReturn(ws, "DSI", typicalValue, [&](pugi::xml_node table, std::size_t first) {
                   f = first;
                   setText(odfCell(table, first, k(0)), "85,5");
                   setText(odfCell(table, first + 1, k(1)), " 1.234,5 ");
                   setText(odfCell(table, first + 2, k(2)), "delapan puluh");
               }));
    writeBytes(ws / "inbox" / "pdpm.ods",
               makeReturn(ws, "PDPM", typicalValue, [&](pugi::xml_node table, std::size_t first) {
                   setNumber(odfCell(table, first + 1, k(0)), -5);
                   setNumber(odfCell(table, first, k(0)), 10);   // percentage falls: 78 x 0.25 = 19.5 -> 10
               }));
    const CollectResult r = collect(ws);
    INFO(r.summary(Lang::en));
    const auto* text = findProblem(r, "dsi.ods", "delapan puluh", cellAddress(f + 2, k(0)));
    REQUIRE(text);
    CHECK(text->severity == Severity::error);
    CHECK_FALSE(findProblem(r, "dsi.ods", "", cellAddress(f, k(0))));       // "85,5" is a number
    // So is "1.234,5": at most a warning, as it is far beyond that row's target.
    const auto* grouped = findProblem(r, "dsi.ods", "", cellAddress(f + 1, k(0)));
    CHECK((!grouped || grouped->severity == Severity::warning));
    CHECK(findProblem(r, "pdpm.ods", "negatif"));
    const auto* falls = findProblem(r, "pdpm.ods", "turun");
    REQUIRE(falls);
    CHECK(falls->severity == Severity::warning);
}

TEST_CASE("two returns of one unit: the newer wins and both are reported", "[collect]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    writeBytes(ws / "inbox" / "b-lama.ods", makeReturn(ws, "PPM", typicalValue, explain));
    writeBytes(ws / "inbox" / "a-baru.ods", makeReturn(
                                                ws, "PPM",
                                                [](const PlanRow& p, std::size_t) {
                                                    return QuarterValue{p.targetK, {}, false};
                                                },
                                                explain));
    std::filesystem::last_write_time(ws / "inbox" / "b-lama.ods",
                                     std::filesystem::last_write_time(ws / "inbox" / "a-baru.ods") -
                                         std::chrono::hours(2));
    const CollectResult r = collect(ws);
    const auto& ppm = unitOf(r, "PPM");
    CHECK(ppm.returns == 2);
    CHECK(r.files[static_cast<std::size_t>(ppm.file)].name == "a-baru.ods");
    CHECK(r.files[1].status == ReturnStatus::superseded);
    CHECK(findProblem(r, "b-lama.ods", "a-baru.ods"));
}

TEST_CASE("without stamped properties a return is recognised by the unit name in its header", "[collect]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    const std::string stripped =
        editPart(makeReturn(ws, "DSI", typicalValue, explain), "meta.xml", [](pugi::xml_document& doc) {
            pugi::xml_node meta = doc.document_element().child("office:meta");
            while (pugi::xml_node p = meta.child("meta:user-defined")) meta.remove_child(p);
        });
    writeBytes(ws / "inbox" / "salinan.ods", stripped);
    const CollectResult r = collect(ws);
    INFO(r.summary(Lang::en));
    REQUIRE(r.files.size() == 1);
    CHECK(r.files[0].identifiedByHeader);
    CHECK(unitOf(r, "DSI").status == UnitStatus::valid);
    CHECK(findProblem(r, "salinan.ods", "nama unit di kepala lembar"));
}

TEST_CASE("a shortfall without faktor penghambat is named at its input cell", "[collect]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    std::string cell;
    writeBytes(ws / "inbox" / "ppm.ods", makeReturn(
                                             ws, "PPM",
                                             [](const PlanRow&, std::size_t) {
                                                 return QuarterValue{0.0, 0.0, false};
                                             },
                                             [&](pugi::xml_node table, std::size_t) {
                                                 cell = cellAddress(formLabelRow(table, "Faktor Penghambat"), 3);
                                             }));
    const CollectResult r = collect(ws);
    const auto* p = findProblem(r, "ppm.ods", "Faktor Penghambat", cell);
    REQUIRE(p);
    CHECK(p->severity == Severity::warning);
    CHECK(unitOf(r, "PPM").status == UnitStatus::valid);
}

TEST_CASE("rows added or deleted by a unit are reported", "[collect]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    writeBytes(ws / "inbox" / "ppi.ods",
               makeReturn(ws, "PPI", typicalValue, [](pugi::xml_node table, std::size_t first) {
                   setText(odfCell(table, first + 1, form::colKode), "9.99.99");   // row 2 replaced by an unknown one
               }));
    const CollectResult r = collect(ws);
    CHECK(findProblem(r, "ppi.ods", "9.99.99"));
    CHECK(findProblem(r, "ppi.ods", "dihapus"));
    CHECK(unitOf(r, "PPI").status == UnitStatus::invalid);
}

TEST_CASE("an empty inbox is a result, and the workspace must be usable", "[collect]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    const CollectResult r = collect(ws);
    CHECK_FALSE(r.complete());
    CHECK(r.units.size() == 5);
    CHECK(r.toJson(Lang::en).find("\"missing\"") != std::string::npos);
    CHECK(r.summary(Lang::id).find("belum mengirim") != std::string::npos);
    CHECK_THROWS_AS(collect(tmp.path / "nothing"), Error);
    CHECK(isIgnoredInboxName("~$kiriman.xlsx"));
    CHECK(isIgnoredInboxName("kiriman.ods.tmp"));
    CHECK_FALSE(isIgnoredInboxName("kiriman.ods"));
}

TEST_CASE("a recorded correction changes the merged table, is listed, and leaves the returns' checks alone",
          "[collect][corrections]")
{
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    const Plan plan = loadPlan(openWorkspace(ws).planFile(), sampleProfile());
    const PlanRow& dsi = *plan.rowsOf("DSI").front();
    writeBytes(ws / "inbox" / "dsi.ods", makeReturn(ws, "DSI", typicalValue, explain));

    // Triwulan I (accepted earlier) and triwulan II (from the return) are both corrected.
    recordCorrection(ws,
                     CorrectionRequest{"DSI", dsi.key, 1, 50.0, std::nullopt, "salah input triwulan I", "perencanaan"});
    recordCorrection(ws, CorrectionRequest{"DSI", dsi.key, 2, 60.0, 1000.0, "konfirmasi bidang", "perencanaan"});
    const CollectResult r = collect(ws);
    CHECK(unitOf(r, "DSI").status == UnitStatus::valid);   // the return still matches what was distributed

    const auto row = evaluationRow(ws, "DSI", dsi.key);
    const auto quarters = row->getArray("quarters");
    CHECK(quarters->getObject(0)->getValue<double>("k") == Approx(50));
    CHECK(quarters->getObject(1)->getValue<double>("k") == Approx(60));
    CHECK(quarters->getObject(1)->getValue<double>("rp") == Approx(1000));
    const auto root =
        Poco::JSON::Parser().parse(readFile(ws / "hasil" / "evaluasi.json")).extract<Poco::JSON::Object::Ptr>();
    const auto listed = root->getArray("corrections");
    REQUIRE(listed->size() == 2);
    CHECK(listed->getObject(0)->getValue<double>("oldK") == Approx(dsi.targetK * 0.25));
    CHECK(listed->getObject(1)->getValue<std::string>("reason") == "konfirmasi bidang");
}

TEST_CASE("the office's penyerapan counts the units that reported, not a missing one as zero", "[collect]")
{
    // Issue 15: triwulan I's office figure was 14,88% over all pagu, 15,96% over the units that reported.
    TempDir tmp;
    const auto ws = quarterTwo(tmp);
    for (const auto& unit : sampleProfile().units)
        if (unit.code != "SEKR")
            writeBytes(ws / "inbox" / (unit.code + "-isi.ods"), makeReturn(ws, unit.code, typicalValue, explain));
    const CollectResult r = collect(ws);
    INFO(r.summary(Lang::en));
    const auto root =
        Poco::JSON::Parser().parse(readFile(ws / "hasil" / "evaluasi.json")).extract<Poco::JSON::Object::Ptr>();
    // Every unit that reported spent 20% of its pagu in each of the two quarters.
    CHECK(root->getObject("summary")->getValue<double>("penyerapanAnggaran") == Approx(40));
}

TEST_CASE("realisations that do not add up as the plan's codes do are warned about, naming unit, sheet and rows",
          "[collect]")
{
    TempDir tmp;
    const auto dir = tmp.path / "ws";
    createSampleWorkspace(dir, 2026, 1);
    // As in a demo return: the program's realisation 1.204.241.000 while one of its sub kegiatan alone
    // reports 1.655.009.000.
    writeBytes(dir / "inbox" / "sekr.ods", makeReturn(dir, "SEKR", [](const PlanRow& r, std::size_t i) {
                   QuarterValue v = typicalValue(r, i);
                   if (r.code == "2.18.01") v.rp = 1'204'241'000;
                   if (r.code == "2.18.01.1.02.0001") v.rp = 1'655'009'000;
                   return v;
               }, explain));
    writeBytes(dir / "inbox" / "ppm.ods", makeReturn(dir, "PPM", typicalValue, explain));
    const CollectResult r = collect(dir);
    INFO(r.summary(Lang::id));
    CHECK(unitOf(r, "SEKR").status == UnitStatus::valid);   // a warning: the values are used as written
    const CollectProblem* program = findProblem(r, "sekr.ods", "program 2.18.01 (baris");
    REQUIRE(program);
    CHECK(program->severity == Severity::warning);
    CHECK(program->unitCode == "SEKR");
    CHECK(program->where.sheet == "Evaluasi");
    CHECK(program->where.message.id.find("Unit SEKR: realisasi anggaran triwulan I program 2.18.01") == 0);
    CHECK(program->where.message.id.find("Rp 1.204.241.000") != std::string::npos);
    const CollectProblem* kegiatan = findProblem(r, "sekr.ods", "kegiatan 2.18.01.1.02 (baris");
    REQUIRE(kegiatan);
    CHECK(kegiatan->where.message.id.find("jumlah realisasi sub kegiatan-nya Rp 1.958.009.000") != std::string::npos);
    // Typical values (each Rp a fifth of its pagu) add up: nothing for PPM.
    for (const CollectProblem& p : r.problems) CHECK(p.where.file != "ppm.ods");
}
