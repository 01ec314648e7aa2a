// A corpus of damaged and odd inbox files, generated here: each gets its own
// clear message, none stops the others, none crashes or runs away with
// memory (the reader's limits are set low so the hostile ones stay fast).
#include <catch2/catch.hpp>

#include "collect/collect.hpp"
#include "collect/test_collect_support.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

struct Odd {
    std::string name;
    std::string bytes;
    std::string expect;   // part of the message (Indonesian or English); empty: no problem expected
    ReturnStatus status;
    int run = 0;   // 0: reading and identity problems; 1: checks of the one return per unit
};

std::string withContent(const std::string& package, const std::string& content)
{
    Entries e = unzip(package);
    entry(e, "content.xml") = content;
    return zip(e);
}

std::string odsShell(const std::string& body)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Evaluasi">)" +
           body + "</table:table></office:spreadsheet></office:body></office:document-content>";
}

}   // namespace

TEST_CASE("a corpus of damaged and odd inbox files: each gets its clear message, none stops the others",
          "[collect][corpus]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws0";
    createSampleWorkspace(ws, 2026, 1);
    createSampleWorkspace(tmp.path / "ws1", 2026, 1);
    const std::string good = makeReturn(ws, "SEKR", typicalValue);
    const std::string ppi = makeReturn(ws, "PPI", typicalValue);
    const auto ole2 = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
    static const char kInfo[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
    const std::string bomb = withContent(ppi, "<?xml version=\"1.0\"?><a>" + std::string(24u << 20, ' ') + "</a>");
    const std::string laughs = withContent(
        ppi, "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
             "<office:document-content "
             "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">&lol2;</office:document-content>");
    const std::string wideRow = withContent(
        ppi,
        odsShell(
            R"(<table:table-row><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="900000"/></table:table-row>)"));
    const std::string tallSheet = withContent(
        ppi,
        odsShell(
            R"(<table:table-row table:number-rows-repeated="5000000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row>)"));
    const std::string odt = [] {
        Entries e{{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}};
        return zip(e);
    }();
    const std::string noTable = withContent(
        ppi,
        odsShell(
            R"(<table:table-row><table:table-cell office:value-type="string"><text:p>Daftar belanja</text:p></table:table-cell></table:table-row>)"));
    const auto edited = [&](const std::string& unit, const EditFn& edit) {
        return makeReturn(ws, unit, typicalValue, edit);
    };
    const auto meta = [&](const std::string& package, const std::string& prop, const std::string& value) {
        return editPart(package, "meta.xml", [&](pugi::xml_document& doc) {
            for (pugi::xml_node p : doc.document_element().child("office:meta").children("meta:user-defined"))
                if (prop == p.attribute("meta:name").value()) p.text().set(value.c_str());
        });
    };
    Entries macro = unzip(makeReturn(ws, "PDPM", typicalValue));
    macro.emplace_back("Basic/script-lc.xml", "<library:libraries/>");
    macro.emplace_back("Basic/Standard/Module1.xml",
                       "<script:module>Sub Main\nShell(\"rm -rf /\")\nEnd Sub</script:module>");
    Entries encryptedOdf = unzip(ppi);
    entry(encryptedOdf, "META-INF/manifest.xml") =
        R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry></manifest:manifest>)";
    Entries noContent = unzip(ppi);
    noContent.erase(
        std::remove_if(noContent.begin(), noContent.end(), [](const auto& e) { return e.first == "content.xml"; }),
        noContent.end());
    Entries otherZip{{"foto1.jpg", std::string(1000, 'x')}, {"foto2.jpg", std::string(1000, 'y')}};

    const std::vector<Odd> corpus = {
        {"00-baik.ods", good, "lebih dari satu berkas", ReturnStatus::superseded},
        {"01-kosong.ods", "", "0 bita", ReturnStatus::unreadable},
        {"02-bukan-zip.ods", "Ini hanya teks biasa, bukan lembar kerja.", "bukan lembar kerja",
         ReturnStatus::unreadable},
        {"03-terpotong.ods", ppi.substr(0, ppi.size() / 2), "rusak", ReturnStatus::unreadable},
        {"04-bom-zip.ods", bomb, "MB", ReturnStatus::unreadable},
        {"05-doctype.ods", laughs, "DOCTYPE", ReturnStatus::unreadable},
        {"06-sel-terlalu-banyak.ods", wideRow, "kolom", ReturnStatus::unreadable},
        {"07-baris-terlalu-banyak.ods", tallSheet, "baris", ReturnStatus::unreadable},
        {"08-terenkripsi.xlsx", ole2 + std::string(kInfo, sizeof kInfo - 1), "kata sandi", ReturnStatus::unreadable},
        {"09-lama.xls", ole2, ".xls", ReturnStatus::unreadable},
        {"10-odf-terenkripsi.ods", zip(encryptedOdf), "kata sandi", ReturnStatus::unreadable},
        {"11-dokumen-teks.ods", odt, "bukan lembar kerja", ReturnStatus::unreadable},
        {"12-halaman-web.xls", "<html><body><table><tr><td>1</td></tr></table></body></html>", "bukan lembar kerja",
         ReturnStatus::unreadable},
        {"13-tanpa-content.ods", zip(noContent), "content.xml", ReturnStatus::unreadable},
        {"14-zip-foto.ods", zip(otherZip), "bukan lembar kerja", ReturnStatus::unreadable},
        {"15-tanpa-tabel.ods", noTable, "tidak ditemukan", ReturnStatus::unreadable},
        {"16-makro.ods", zip(macro), "makro", ReturnStatus::accepted},
        {"17-periode-lain.ods", meta(makeReturn(ws, "PPM", typicalValue), form::kPropTriwulan, "2"), "periode lain",
         ReturnStatus::rejected},
        {"18-kantor-lain.ods", meta(makeReturn(ws, "PPM", typicalValue), form::kPropOffice, "Dinas Lain"),
         "kantor lain", ReturnStatus::rejected},
        {"19-unit-asing.ods", meta(makeReturn(ws, "PPM", typicalValue), form::kPropUnit, "XYZ"), "XYZ",
         ReturnStatus::rejected},
        {"20-versi-lain.ods", meta(makeReturn(ws, "DSI", typicalValue), form::kPropVersion, "0"), "versi",
         ReturnStatus::invalid},
        {"21-target-diubah.ods",
         edited("PPI", [](pugi::xml_node t, std::size_t f) { setNumber(odfCell(t, f, form::colTargetK), 1); }),
         "seharusnya 86", ReturnStatus::invalid, 1},
        {"22-teks-di-angka.ods",
         edited("PDPM", [](pugi::xml_node t, std::size_t f) { setText(odfCell(t, f, form::colTw1K), "sekitar 80"); }),
         "sekitar 80", ReturnStatus::invalid, 1},
        {"23-ganda-sekr.ods", good, "", ReturnStatus::accepted},
        {"24-lembar-lain.ods",
         editPart(makeReturn(ws, "PPM", typicalValue), "content.xml",
                  [](pugi::xml_document& d) { formTable(d).attribute("table:name").set_value("Sheet1"); }),
         "Sheet1", ReturnStatus::accepted},
        {"25-tanggal-di-angka.ods",
         edited("DSI",
                [](pugi::xml_node t, std::size_t f) {
                    pugi::xml_node c = odfCell(t, f, form::colTw1K);
                    setText(c, "");
                    c.append_attribute("office:value-type") = "date";
                    c.append_attribute("office:date-value") = "2026-03-31";
                }),
         "tanggal", ReturnStatus::invalid, 1},
        {"26-belum-diisi.ods", makeReturn(ws, "PPM", {}), "belum diisi", ReturnStatus::invalid, 1},
        {"27-sampah-biner.ods", std::string("\x00\x01\x02\x03\xff\xfe garbage!!", 16), "bukan lembar kerja",
         ReturnStatus::unreadable},
        {"~$28-pemilik.xlsx", "owner file", "", ReturnStatus::unreadable},
        {".~lock.29-kunci.ods#", "lock", "", ReturnStatus::unreadable},
        {"30-sementara.tmp", "temporary", "", ReturnStatus::unreadable},
    };
    CollectOptions options;
    options.limits.maxEntryBytes = 8u << 20;
    options.limits.maxCells = 200'000;
    std::size_t checked = 0;
    for (int run = 0; run < 2; ++run) {
        const auto dir = tmp.path / ("ws" + std::to_string(run));
        std::filesystem::create_directories(dir / "inbox" / "subfolder");   // folders are skipped
        for (std::size_t i = 0; i < corpus.size(); ++i) {
            if (corpus[i].run != run) continue;
            writeBytes(dir / "inbox" / corpus[i].name, corpus[i].bytes);
            // Distinct times, oldest first, so "the newer wins" is decided by time, not by chance.
            std::filesystem::last_write_time(
                dir / "inbox" / corpus[i].name,
                std::filesystem::file_time_type(std::chrono::hours(480000) + std::chrono::minutes(i)));
        }
        const auto inboxBefore = hashTree(dir / "inbox");
        const CollectResult r = collect(dir, options);
        INFO(r.summary(Lang::en));
        CHECK(hashTree(dir / "inbox") == inboxBefore);
        // Files are read on several threads; one thread gives the same result and the same bytes.
        const auto resultsBefore = hashTree(dir / "hasil");
        CollectOptions oneThread = options;
        oneThread.threads = 1;
        CHECK(collect(dir, oneThread).toJson(Lang::id) == r.toJson(Lang::id));
        CHECK(hashTree(dir / "hasil") == resultsBefore);
        for (const Odd& odd : corpus) {
            if (odd.run != run || isIgnoredInboxName(odd.name)) continue;
            INFO(odd.name);
            ++checked;
            const auto f =
                std::find_if(r.files.begin(), r.files.end(), [&](const ReturnFile& x) { return x.name == odd.name; });
            REQUIRE(f != r.files.end());
            CHECK(returnStatusCode(f->status) == std::string(returnStatusCode(odd.status)));
            bool said = odd.expect.empty();
            for (const auto& p : r.problems) {
                if (p.where.file != odd.name) continue;
                CHECK_FALSE(p.where.message.id.empty());
                CHECK_FALSE(p.where.message.en.empty());
                said |= p.where.message.id.find(odd.expect) != std::string::npos ||
                        p.where.message.en.find(odd.expect) != std::string::npos;
            }
            CHECK(said);
        }
        if (run == 0) {
            CHECK(r.ignored.size() == 3);
            // The odd files never stop the good ones: the newest SEKR return is used, PPM's renamed-sheet return too.
            CHECK(r.units[0].status == UnitStatus::valid);
            CHECK(r.files[static_cast<std::size_t>(r.units[0].file)].name == "23-ganda-sekr.ods");
            CHECK(r.units[1].status == UnitStatus::valid);
        }
    }
    CHECK(checked >= 25);
}

TEST_CASE("macros are found by folder prefix, also in packages without folder entries", "[collect][corpus]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    Entries python = unzip(makeReturn(ws, "SEKR", typicalValue));
    python.emplace_back("Scripts/python/alat.py", "import os\nos.system('rm -rf /')\n");
    Entries basic = unzip(makeReturn(ws, "PPI", typicalValue));
    basic.emplace_back("Basic/Pustaka/Modul9.xml", "<script:module>Sub Main\nEnd Sub</script:module>");
    for (const Entries* e : {&python, &basic})
        for (const auto& [name, data] : *e) CHECK((name != "Scripts/" && name != "Basic/" && name != "Basic/Pustaka/"));
    writeBytes(ws / "inbox" / "python.ods", zip(python));
    writeBytes(ws / "inbox" / "basic.ods", zip(basic));
    writeBytes(ws / "inbox" / "bersih.ods", makeReturn(ws, "PDPM", typicalValue));
    const CollectResult r = collect(ws);
    for (const char* name : {"python.ods", "basic.ods", "bersih.ods"}) {
        INFO(name);
        const bool warned = std::any_of(r.problems.begin(), r.problems.end(), [&](const CollectProblem& p) {
            return p.where.file == name && p.where.message.id.find("makro") != std::string::npos;
        });
        CHECK(warned == (std::string(name) != "bersih.ods"));
    }
}
