// The draft evaluation report ("Susun Draf Laporan"): golden-style checks on
// the generated content.xml for the sample office, with units that returned,
// one that returned an invalid form and one that did not return at all.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "collect/collect.hpp"
#include "collect/corrections.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "report/report.hpp"
#include "collect/test_collect_support.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

const EditFn explain = [](pugi::xml_node table, std::size_t) {
    setText(odfCell(table, formLabelRow(table, "Faktor Pendorong"), 3), "Dukungan pimpinan yang kuat");
    setText(odfCell(table, formLabelRow(table, "Faktor Penghambat"), 3), "Keterlambatan pencairan anggaran");
    setText(odfCell(table, formLabelRow(table, "Tindak Lanjut (triwulan berikutnya)"), 3),
            "Percepatan pelaksanaan kegiatan");
};

// Triwulan II of the sample office: triwulan I accepted for every row except PPI's
// izin row (reported late now); SEKR, PPM, PPI return valid forms, PDPM an
// invalid one (text in a number cell), DSI nothing.
std::filesystem::path scenario(const std::filesystem::path& root, int triwulan = 2)
{
    const auto dir = root / "ws";
    const Workspace ws = createSampleWorkspace(dir, 2026, triwulan);
    const Plan plan = loadPlan(ws.planFile(), sampleProfile());
    YearRealisations acc;
    for (const PlanRow& r : plan.rows) {
        if (r.unitCode == "PPI" && r.code == "2.18.04.1.02.0001") continue;
        for (int q = 0; q + 1 < triwulan; ++q)
            acc[r.unitCode][r.key][static_cast<std::size_t>(q)] =
                QuarterValue{r.targetK * 0.25, r.paguRp ? std::optional<double>(*r.paguRp * 0.2) : std::nullopt, false};
    }
    saveRealisations(ws, acc);
    for (const char* unit : {"SEKR", "PPM"})
        writeBytes(dir / "inbox" / (std::string(unit) + ".ods"), makeReturn(dir, unit, typicalValue, explain));
    writeBytes(dir / "inbox" / "ppi.ods",
               makeReturn(dir, "PPI", typicalValue, [&](pugi::xml_node table, std::size_t first) {
                   if (triwulan > 1)
                       setNumber(odfCell(table, first + 3, static_cast<std::size_t>(form::quarterKColumn(1))), 1000);
                   explain(table, first);
               }));
    writeBytes(dir / "inbox" / "pdpm.ods",
               makeReturn(dir, "PDPM", typicalValue, [](pugi::xml_node table, std::size_t first) {
                   setText(odfCell(table, first, static_cast<std::size_t>(form::quarterKColumn(2))), "banyak");
               }));
    return dir;
}

std::string contentXml(const std::filesystem::path& odt)
{
    for (const auto& [name, data] : unzip(readFile(odt)))
        if (name == "content.xml") return data;
    return {};
}

std::string textOf(pugi::xml_node n)
{
    std::string out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        out += c.type() == pugi::node_pcdata ? std::string(c.value())
                                             : textOf(c) + (std::string(c.name()) == "text:p" ? "\n" : "");
    return out;
}

std::vector<std::string> cellTexts(pugi::xml_node table)
{
    std::vector<std::string> out;
    for (pugi::xpath_node c : table.select_nodes(".//table:table-cell")) {
        std::string t = textOf(c.node());
        while (!t.empty() && t.back() == '\n') t.pop_back();
        out.push_back(t);
    }
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

void validate(const std::filesystem::path& file)
{
    if (std::ifstream(EVAKIN_ODF_VALIDATE))
        CHECK(std::system((std::string(EVAKIN_ODF_VALIDATE) + " '" + file.string() + "' >/dev/null").c_str()) == 0);
}

// EVAKIN_REPORT_KEEP=DIR keeps the generated workspace there, to look at the report.
void keep(const std::filesystem::path& ws, const std::string& name)
{
    if (const char* dir = std::getenv("EVAKIN_REPORT_KEEP")) {
        std::filesystem::create_directories(dir);
        std::filesystem::remove_all(std::filesystem::path(dir) / name);
        std::filesystem::copy(ws, std::filesystem::path(dir) / name, std::filesystem::copy_options::recursive);
    }
}

}   // namespace

TEST_CASE("the report shows every unit, its table, status and rating in Indonesian", "[report]")
{
    TempDir tmp;
    const auto ws = scenario(tmp.path);
    ReportOptions o;
    o.date = "2026-07-15";
    const ReportResult r = writeReport(ws, o);
    keep(ws, "tw2");
    INFO(r.summary(Lang::en));
    CHECK(r.collected);   // no evaluasi.json yet: collect ran first
    CHECK(r.file == ws / "hasil" / "laporan-evaluasi-2026-tw2.odt");
    CHECK(r.units == 5);
    CHECK(r.valid == 3);
    CHECK(r.invalid == 1);
    CHECK(r.missing == 1);
    CHECK_FALSE(r.complete());
    CHECK(r.title == "Laporan Evaluasi Kinerja Triwulan II Tahun 2026");
    validate(r.file);

    const std::string xml = contentXml(r.file);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    const pugi::xml_node text = doc.document_element().child("office:body").child("office:text");
    const std::string all = textOf(text);
    // No placeholder left behind.
    CHECK(all.find('{') == std::string::npos);

    // Cover, chapters and the signature block.
    for (const char* s :
         {"LAPORAN EVALUASI KINERJA", "TRIWULAN II TAHUN 2026",
          "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU", "PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG",
          "BAB I PENDAHULUAN", "BAB II HASIL EVALUASI", "BAB III ANALISIS", "BAB IV PENUTUP",
          "Pangkalpinang, 15 Juli 2026", "Dr. Ir. Hendra Wijaya, M.Si.", "NIP 196805121994031007",
          "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017"})
        CHECK(all.find(s) != std::string::npos);

    // One section per unit, statuses named, never hidden.
    std::vector<std::string> headings;
    for (pugi::xpath_node h : text.select_nodes(".//text:h[@text:outline-level='2']"))
        headings.push_back(textOf(h.node()));
    CHECK(has(headings, "2.1 Sekretariat"));
    CHECK(has(headings, "2.5 Bidang Data, Sistem Informasi dan Pengaduan"));
    CHECK(all.find("Bidang Data, Sistem Informasi dan Pengaduan belum menyampaikan data Triwulan II Tahun 2026") !=
          std::string::npos);
    CHECK(all.find("Bidang Pengendalian Pelaksanaan Penanaman Modal: data tidak sah") != std::string::npos);

    // Table of contents: one entry per chapter and section, page numbers as page references.
    const auto toc = text.select_nodes(".//text:table-of-content/text:index-body/text:p");
    CHECK(toc.size() == text.select_nodes(".//text:h").size());
    CHECK(text.select_nodes(".//text:table-of-content//text:bookmark-ref[@text:reference-format='page']").size() ==
          toc.size());

    // Sekretariat's table: Indonesian numbers, K above Rp.
    const pugi::xml_node sekr = text.select_node(".//table:table[@table:name='Evaluasi_SEKR']").node();
    REQUIRE(sekr);
    const auto cells = cellTexts(sekr);
    CHECK(has(cells, "8.450.000.000"));   // pagu of the program row
    CHECK(has(cells, "4,4"));             // 2.18.01.1.01: 2 (tw I) + 2,4 (tw II)
    CHECK(has(cells, "55"));              // capaian 4,4 / 8 x 100
    CHECK(has(cells, "102.000.000"));     // Rp: 20% + 20% of 255.000.000
    CHECK(has(cells, "13 = 9+10+11+12"));   // numbered from 1, as the Permendagri form is
    // PPI: negative indicator without a budget shows why, not 0; triwulan I came late.
    const pugi::xml_node ppi = text.select_node(".//table:table[@table:name='Evaluasi_PPI']").node();
    REQUIRE(ppi);
    const auto ppiCells = cellTexts(ppi);
    CHECK(has(ppiCells, "t.d.h.: target kosong"));
    CHECK(has(ppiCells, "1.000*"));
    CHECK(has(ppiCells, "data triwulan I terlambat"));

    // Summary table: predikat and averages exactly as collect decided them.
    const auto root =
        Poco::JSON::Parser().parse(readFile(ws / "hasil" / "evaluasi.json")).extract<Poco::JSON::Object::Ptr>();
    const pugi::xml_node summary = text.select_node(".//table:table[@table:name='Ringkasan_Capaian']").node();
    REQUIRE(summary);
    const auto sum = cellTexts(summary);
    const auto units = root->getArray("units");
    for (unsigned i = 0; i < units->size(); ++i) {
        const auto u = units->getObject(i);
        const auto s = u->getObject("summary");
        INFO(u->getValue<std::string>("code"));
        if (!s->get("predikat").isEmpty()) CHECK(has(sum, s->getValue<std::string>("predikat")));
    }
    CHECK(has(sum, "belum menyampaikan data"));
    CHECK(has(sum, "data tidak sah"));
    CHECK(has(sum, "Seluruh DPMPTSP"));
    CHECK(all.find("Unit kerja yang belum menyampaikan data: Bidang Data, Sistem Informasi dan Pengaduan.") !=
          std::string::npos);

    // Faktor pendorong from the returns; the late value listed in Bab III.
    CHECK(all.find("Dukungan pimpinan yang kuat") != std::string::npos);
    CHECK(text.select_node(".//table:table[@table:name='Data_Terlambat']"));

    // The chart is a real embedded chart object.
    const auto entries = unzip(readFile(r.file));
    bool chart = false, manifest = false;
    for (const auto& [name, data] : entries) {
        chart |= name == "Object 1/content.xml" && data.find("chart:class=\"chart:bar\"") != std::string::npos;
        manifest |= name == "META-INF/manifest.xml" &&
                    data.find("application/vnd.oasis.opendocument.chart") != std::string::npos;
    }
    CHECK(chart);
    CHECK(manifest);
    // odf-validate checks the main parts only: check the chart sub-document against the schema too.
    const auto schema = std::filesystem::path(EVAKIN_ODF_VALIDATE).parent_path().parent_path() / "odf-schema" /
                        "OpenDocument-v1.3-schema.rng";
    if (std::filesystem::exists(schema) && std::system("command -v jing >/dev/null") == 0) {
        for (const auto& [name, data] : entries)
            if (name == "Object 1/content.xml") writeBytes(tmp.path / "chart.xml", data);
        CHECK(std::system(("jing -i '" + schema.string() + "' '" + (tmp.path / "chart.xml").string() +
                           "' 2>/dev/null | grep -q . && exit 1 || exit 0")
                              .c_str()) == 0);
    }
    CHECK(text.select_node(".//draw:frame/draw:object[@xlink:href='./Object 1']"));

    // Rerun: same bytes (package time from evaluasi.json, date given), no second collect.
    const std::string first = readFile(r.file);
    const ReportResult again = writeReport(ws, o);
    CHECK_FALSE(again.collected);
    CHECK(readFile(again.file) == first);
}

TEST_CASE("report staleness, options and errors", "[report]")
{
    TempDir tmp;
    const auto ws = scenario(tmp.path);
    ReportOptions noCollect;
    noCollect.collectIfNeeded = false;
    CHECK_THROWS_AS(writeReport(ws, noCollect), Error);   // no evaluasi.json yet
    CHECK(evaluationIsStale(ws));
    collect(ws);
    CHECK_FALSE(evaluationIsStale(ws));
    // A newer return makes the results stale.
    const auto later = std::filesystem::last_write_time(ws / "hasil" / "evaluasi.json") + std::chrono::seconds(5);
    std::filesystem::last_write_time(ws / "inbox" / "SEKR.ods", later);
    CHECK(evaluationIsStale(ws));

    ReportOptions bad;
    bad.date = "15-07-2026";
    CHECK_THROWS_AS(writeReport(ws, bad), Error);

    // laporan.json replaces the legal basis list.
    writeBytes(ws / "laporan.json",
               R"({"dasarHukum": ["Peraturan Daerah Nomor 1 Tahun 2024 tentang Uji Coba"], "kota": "Sungailiat"})");
    const ReportResult r = writeReport(ws, {});
    const std::string xml = contentXml(r.file);
    CHECK(xml.find("Peraturan Daerah Nomor 1 Tahun 2024 tentang Uji Coba") != std::string::npos);
    CHECK(xml.find("Undang-Undang Nomor 25 Tahun 2004") == std::string::npos);
    CHECK(xml.find("Sungailiat, ") != std::string::npos);
    writeBytes(ws / "laporan.json", R"({"dasarHukum": "bukan daftar"})");
    try {
        writeReport(ws, {});
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.problems().front().field == "dasarHukum");
    }
}

TEST_CASE("the triwulan IV report is the annual report", "[report]")
{
    TempDir tmp;
    const auto ws = scenario(tmp.path, 4);
    const ReportResult r = writeReport(ws, {});
    keep(ws, "tw4");
    CHECK(r.title == "Laporan Evaluasi Kinerja Tahun 2026");
    CHECK(r.file.filename() == "laporan-evaluasi-2026-tw4.odt");
    const std::string xml = contentXml(r.file);
    CHECK(xml.find(">TAHUN 2026<") != std::string::npos);
    CHECK(xml.find("TRIWULAN IV TAHUN 2026") == std::string::npos);
    validate(r.file);
}

TEST_CASE("a correction of an earlier quarter is listed in Bab III", "[report]")
{
    TempDir tmp;
    const auto ws = scenario(tmp.path);
    collect(ws);
    CorrectionRequest c;
    c.unitCode = "SEKR";
    c.rowKey = "2.18.01.1.01";
    c.triwulan = 1;
    c.k = 3;
    c.reason = "Salah ketik pada laporan triwulan I";
    c.by = "Kasubag Perencanaan";
    recordCorrection(ws, c);
    CHECK(evaluationIsStale(ws));
    const ReportResult r = writeReport(ws, {});   // koreksi.json is newer: collect runs again
    CHECK(r.collected);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(contentXml(r.file).c_str()));
    const pugi::xml_node table = doc.select_node("//table:table[@table:name='Koreksi']").node();
    REQUIRE(table);
    const auto cells = cellTexts(table);
    CHECK(has(cells, "Sekretariat"));
    CHECK(has(cells, "K 2"));   // triwulan I accepted as 25% of the target 8
    CHECK(has(cells, "K 3"));
    CHECK(textOf(table).find("Salah ketik pada laporan triwulan I (Kasubag Perencanaan") != std::string::npos);
    validate(r.file);
}

TEST_CASE("the Lampiran is the office's evaluation table on landscape pages, as tabel-evaluasi.ods", "[report]")
{
    TempDir tmp;
    const auto ws = scenario(tmp.path);
    const ReportResult r = writeReport(ws, {});
    validate(r.file);
    pugi::xml_document content, styles;
    REQUIRE(content.load_string(contentXml(r.file).c_str()));
    std::string stylesXml;
    for (const auto& [name, data] : unzip(readFile(r.file)))
        if (name == "styles.xml") stylesXml = data;
    REQUIRE(styles.load_string(stylesXml.c_str()));

    // Headed after the Penutup, listed in the Daftar Isi, on a landscape master page.
    const std::string title = "Lampiran: Tabel Evaluasi Hasil Renja " + sampleProfile().officeShortName +
                              " Triwulan II Tahun 2026";
    pugi::xml_node heading;
    for (pugi::xpath_node h : content.select_nodes("//text:h"))
        if (textOf(h.node()) == title) heading = h.node();
    REQUIRE(heading);
    CHECK(heading.attribute("text:outline-level").as_int() == 1);
    CHECK(textOf(content.select_node("//text:table-of-content").node()).find(title) != std::string::npos);
    const std::string style = heading.attribute("text:style-name").value();
    const pugi::xml_node paraStyle =
        content.select_node(("//style:style[@style:name='" + style + "']").c_str()).node();
    const std::string master = paraStyle.attribute("style:master-page-name").value();
    REQUIRE_FALSE(master.empty());
    const pugi::xml_node masterPage =
        styles.select_node(("//style:master-page[@style:name='" + master + "']").c_str()).node();
    const pugi::xml_node layout = styles
                                      .select_node(("//style:page-layout[@style:name='" +
                                                    std::string(masterPage.attribute("style:page-layout-name").value()) +
                                                    "']/style:page-layout-properties")
                                                       .c_str())
                                      .node();
    CHECK(std::string(layout.attribute("style:print-orientation").value()) == "landscape");
    CHECK(layout.attribute("fo:page-width").as_double() > layout.attribute("fo:page-height").as_double());

    // The table follows its heading; its four header rows repeat on every page.
    pugi::xml_node table = heading.next_sibling("table:table");
    REQUIRE(table);
    CHECK(std::string(table.attribute("table:name").value()) == "Lampiran_Tabel_Evaluasi");
    const auto headerRows = table.child("table:table-header-rows").children("table:table-row");
    CHECK(std::distance(headerRows.begin(), headerRows.end()) == 4);
    const std::vector<std::string> header = cellTexts(table.child("table:table-header-rows"));
    for (const char* number : {"1", "2", "5", "8", "12", "13 = 9+10+11+12", "16 = 15/6 x 100%", "17", "18"})
        CHECK(has(header, number));
    CHECK(std::distance(table.children("table:table-column").begin(), table.children("table:table-column").end()) ==
          29);
    // As wide as the landscape page's text area (33 cm less 2 x 1.5 cm margins), not wider.
    const pugi::xml_node tableStyle =
        content
            .select_node(("//style:style[@style:name='" + std::string(table.attribute("table:style-name").value()) +
                          "']/style:table-properties")
                             .c_str())
            .node();
    CHECK(tableStyle.attribute("style:width").as_double() <= 30.01);
    CHECK(tableStyle.attribute("style:width").as_double() >= 25);

    // Every indicator row of hasil/tabel-evaluasi.ods, cell by cell: the same numbering, codes and values.
    const auto cellsOf = [](pugi::xml_node row) {
        std::vector<std::string> cells;
        for (pugi::xml_node c : row.children()) {
            std::string t = textOf(c);
            while (!t.empty() && t.back() == '\n') t.pop_back();
            cells.push_back(t);
        }
        return cells;
    };
    std::map<std::string, std::vector<std::string>> lampiranRows;
    for (pugi::xml_node row : table.children("table:table-row")) {
        const std::vector<std::string> cells = cellsOf(row);
        if (cells.size() == 29 && !cells[0].empty()) lampiranRows[cells[0]] = cells;
    }
    const Workbook ods = readWorkbook(ws / "hasil" / "tabel-evaluasi.ods");
    const Sheet* sheet = ods.sheet("Evaluasi");
    REQUIRE(sheet);
    std::size_t compared = 0;
    for (std::size_t i = 0; i < sheet->rows.size(); ++i) {
        const Cell& no = sheet->at(i, 0);
        if (no.type != Cell::Type::number) continue;
        INFO("tabel-evaluasi.ods row " << i + 1);
        const auto it = lampiranRows.find(formatNumberId(no.number));
        REQUIRE(it != lampiranRows.end());
        for (std::size_t c = 2; c <= 28; ++c) {
            if (c == 27) continue;   // the unit, merged down in the workbook, named on the unit's first row here
            INFO("column " << c + 1);
            // As the workbook's number format shows it: Indonesian separators, up to 2 decimals.
            const Cell& cell = sheet->at(i, c);
            CHECK(it->second[c] == (cell.type == Cell::Type::number ? formatNumberId(cell.number) : cell.text));
        }
        ++compared;
    }
    CHECK(compared == lampiranRows.size());
    CHECK(compared > 10);

    // The urusan and bidang urusan rows (Permendagri 86/2017 column 4) above each unit's programs, unnumbered,
    // at the same places in both: the code column read top to bottom is the same list.
    const auto isPlanCode = [](const std::string& code) { return code == "2" || code.rfind("2.18", 0) == 0; };
    std::vector<std::string> lampiranCodes, odsCodes;
    for (pugi::xml_node row : table.children("table:table-row")) {
        const std::vector<std::string> cells = cellsOf(row);
        if (cells.size() == 29 && isPlanCode(cells[2])) lampiranCodes.push_back(cells[2] + " " + cells[0]);
    }
    for (std::size_t i = 0; i < sheet->rows.size(); ++i)
        if (isPlanCode(sheet->at(i, 2).text))
            odsCodes.push_back(sheet->at(i, 2).text + " " +
                               (sheet->at(i, 0).type == Cell::Type::number ? formatNumberId(sheet->at(i, 0).number) : ""));
    CHECK(lampiranCodes == odsCodes);
    const std::size_t units = static_cast<std::size_t>(std::count(odsCodes.begin(), odsCodes.end(), "2 "));
    CHECK(units == sampleProfile().units.size());
    CHECK(std::count(odsCodes.begin(), odsCodes.end(), "2.18 ") == static_cast<std::ptrdiff_t>(units));
    CHECK(odsCodes[0] == "2 ");
    CHECK(odsCodes[1] == "2.18 ");
    CHECK(odsCodes[2] == "2.18.01 1");
    const std::string all = textOf(table);
    CHECK(all.find("Urusan Pemerintahan Bidang Penanaman Modal") != std::string::npos);
    CHECK(all.find("Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya") != std::string::npos);
    CHECK(all.find("Rata-rata capaian kinerja dan realisasi anggaran " + sampleProfile().officeName) !=
          std::string::npos);
}
