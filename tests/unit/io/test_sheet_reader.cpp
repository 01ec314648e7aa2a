// Tests of readWorkbook: real files saved by LibreOffice, packages generated
// here with Poco::Zip, and broken or hostile inputs, each of which must give
// an evakin::Error naming the file.
#include <catch2/catch.hpp>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <Poco/Process.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "io/sheet_reader.hpp"

using namespace evakin;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(EVAKIN_TEST_DATA) / "reader";

// A scratch folder for generated inputs, removed when the tests end.
struct ScratchDir {
    fs::path path = fs::temp_directory_path() / ("evakin-sheet-reader-" + std::to_string(Poco::Process::id()));
    ScratchDir() { fs::create_directories(path); }
    ~ScratchDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

fs::path tempDir()
{
    static const ScratchDir dir;
    return dir.path;
}

std::string readBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

fs::path writeFile(const std::string& name, const std::string& bytes)
{
    const fs::path path = tempDir() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

using Entries = std::vector<std::pair<std::string, std::string>>;

// A zip package; "mimetype" is stored uncompressed, as ODF wants.
std::string zipBytes(const Entries& entries)
{
    std::ostringstream out;
    Poco::Zip::Compress zip(out, true);
    for (const auto& [name, content] : entries) {
        std::istringstream in(content);
        zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX),
                    name == "mimetype" ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE);
    }
    zip.close();
    return out.str();
}

fs::path writeZip(const std::string& name, const Entries& entries) { return writeFile(name, zipBytes(entries)); }

const char* const kOdsNs = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";

// An .ods package whose single sheet has the given table:table content.
fs::path writeOds(const std::string& name, const std::string& tableXml, const std::string& prolog = "")
{
    const std::string content = prolog + "<office:document-content " + kOdsNs +
                                "><office:body><office:spreadsheet><table:table table:name=\"S\">" + tableXml +
                                "</table:table></office:spreadsheet></office:body></office:document-content>";
    return writeZip(name, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", content}});
}

const char* const kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* const kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// An .xlsx package with one sheet "S" holding the given sheetData content.
fs::path writeXlsx(const std::string& name, const std::string& sheetData, const std::string& sharedStrings = "",
                   const std::string& sheetProlog = "")
{
    Entries entries = {
        {"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
        {"_rels/.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
         "Id=\"rId1\" Type=\"" +
             std::string(kRelNs) + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", "<workbook xmlns=\"" + std::string(kMainNs) + "\" xmlns:r=\"" + kRelNs +
                                "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
         "Id=\"rId1\" Type=\"" +
             std::string(kRelNs) + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", sheetProlog + "<worksheet xmlns=\"" + std::string(kMainNs) + "\"><sheetData>" +
                                         sheetData + "</sheetData></worksheet>"}};
    if (!sharedStrings.empty())
        entries.push_back(
            {"xl/sharedStrings.xml", "<sst xmlns=\"" + std::string(kMainNs) + "\">" + sharedStrings + "</sst>"});
    return writeZip(name, entries);
}

// Reading `file` must fail with an Error naming it (in both languages) and,
// when given, mentioning `english` in the English message.
Error expectError(const fs::path& file, const ReadLimits& limits = {}, const std::string& english = "")
{
    try {
        readWorkbook(file, limits);
    } catch (const Error& e) {
        REQUIRE(e.problems().size() == 1);
        const Problem& p = e.problems()[0];
        CHECK(p.file == file.filename().string());
        CHECK(!p.message.id.empty());
        CHECK(!p.message.en.empty());
        CHECK(p.message.id != p.message.en);
        CHECK(e.render(Lang::id).find(file.filename().string()) != std::string::npos);
        CHECK(e.render(Lang::en).find(file.filename().string()) != std::string::npos);
        if (!english.empty()) CHECK_THAT(p.message.en, Catch::Contains(english));
        return e;
    }
    FAIL("no error for " << file);
    return Error(std::string(), Text{});
}

// The workbook of tests/data/reader/contoh*.
void checkContoh(const Workbook& book)
{
    REQUIRE(book.sheets.size() == 3);
    const Sheet& data = book.sheets[0];
    CHECK(data.name == "Data");
    CHECK_FALSE(data.hidden);
    CHECK_FALSE(data.isProtected);
    CHECK(data.rows.size() == 10);   // the 1048566 empty rows at the end are not expanded

    CHECK(data.at(0, 0).type == Cell::Type::text);
    CHECK(data.at(0, 0).text == "Nama");
    CHECK(data.at(0, 5).text == "Gabung tautan");   // merged cell with a link and a comment
    CHECK(data.at(0, 6).empty());                   // the covered cell
    CHECK(data.at(1, 0).text == "Budi  Santoso");
    CHECK(data.at(1, 1).type == Cell::Type::number);
    CHECK(data.at(1, 1).number == 85.5);
    CHECK(data.at(1, 2).type == Cell::Type::date);
    CHECK(data.at(1, 2).number == 45366);
    CHECK(data.at(1, 2).text == "2024-03-15");
    CHECK(data.at(1, 3).type == Cell::Type::boolean);
    CHECK(data.at(1, 3).number == 1);
    CHECK_THAT(data.at(1, 4).text, Catch::StartsWith("baris satu\nbaris dua"));
    CHECK(data.at(2, 0).text == "  di depan");
    CHECK(data.at(2, 1).type == Cell::Type::number);   // formula =B2*2, cached value
    CHECK(data.at(2, 1).number == 171);
    CHECK(data.at(2, 2).type == Cell::Type::date);
    CHECK(data.at(2, 2).number == Approx(45366.4375));
    CHECK(data.at(2, 2).text == "2024-03-15T10:30:00");
    CHECK(data.at(2, 3).type == Cell::Type::boolean);
    CHECK(data.at(2, 3).number == 0);
    CHECK(data.at(2, 4).type == Cell::Type::text);   // formula with a string result
    CHECK(data.at(2, 4).text == "Budi  Santoso!");
    CHECK(data.at(2, 5).type == Cell::Type::error);   // =1/0
    CHECK(data.at(2, 5).text == "#DIV/0!");
    for (std::size_t c = 0; c < 3; ++c) CHECK(data.at(3, c).number == 7);   // repeated columns
    CHECK(data.at(3, 3).empty());
    CHECK(data.at(3, 5).number == Approx(0.25));
    CHECK(data.at(4, 1).text == "ulang");   // repeated rows
    CHECK(data.at(5, 1).text == "ulang");
    CHECK(data.at(6, 0).empty());
    CHECK(data.at(9, 2).text == "sesudah kosong");
    CHECK(data.at(500, 500).empty());
    for (const auto& row : data.rows) CHECK((row.empty() || !row.back().empty()));   // trailing empties trimmed

    CHECK(book.sheets[1].name == "Tersembunyi");
    CHECK(book.sheets[1].hidden);
    CHECK(book.sheets[1].at(0, 0).text == "rahasia");
    CHECK(book.sheets[2].name == "Terkunci");
    CHECK(book.sheets[2].isProtected);
    CHECK_FALSE(book.sheets[2].hidden);
    CHECK(book.sheets[2].at(0, 0).number == 42);
    CHECK(book.sheet("Terkunci") == &book.sheets[2]);
    CHECK(book.sheet("Tidak ada") == nullptr);

    CHECK(book.properties.at("evakin.unit") == "Bidang Perizinan");
    CHECK(book.properties.at("evakin.version") == "3");
}

}   // namespace

TEST_CASE("cellAddress turns 0-based positions into A1 addresses", "[sheet_reader]")
{
    CHECK(cellAddress(0, 0) == "A1");
    CHECK(cellAddress(6, 1) == "B7");
    CHECK(cellAddress(0, 25) == "Z1");
    CHECK(cellAddress(0, 26) == "AA1");
    CHECK(cellAddress(1, 27) == "AB2");
    CHECK(cellAddress(0, 701) == "ZZ1");
    CHECK(cellAddress(0, 702) == "AAA1");
    CHECK(cellAddress(99, 16383) == "XFD100");
    CHECK(cellAddress(0, SIZE_MAX) == "GKGWBYLWRXTLPP1");   // no overflow at the extreme
}

TEST_CASE("Workbooks saved by LibreOffice read the same in every format", "[sheet_reader]")
{
    SECTION("hand-written flat ODF (.fods)")
    {
        const Workbook book = readWorkbook(kData / "contoh.fods");
        CHECK(book.format == "ods");
        checkContoh(book);
        // Text that LibreOffice drops on import, but the format allows.
        CHECK(book.sheets[0].at(1, 4).text == "baris satu\nbaris dua\takhir\nx");
        CHECK(book.sheets[0].at(1, 1).text == "85.5");
        CHECK(book.sheets[0].at(3, 5).text == "25%");
    }
    SECTION(".ods")
    {
        const Workbook book = readWorkbook(kData / "contoh-lo.ods");
        CHECK(book.format == "ods");
        checkContoh(book);
        CHECK(book.sheets[0].at(3, 5).text == "25%");   // numbers keep their displayed text
        CHECK(book.sheets[0].at(1, 2).number == 45366);
    }
    SECTION("flat ODF written by LibreOffice (pretty-printed)")
    {
        const Workbook book = readWorkbook(kData / "contoh-lo.fods");
        CHECK(book.format == "ods");
        checkContoh(book);
    }
    SECTION(".xlsx")
    {
        const Workbook book = readWorkbook(kData / "contoh-lo.xlsx");
        CHECK(book.format == "xlsx");
        checkContoh(book);
        CHECK(book.sheets[0].at(1, 1).text == "85.5");
    }
}

TEST_CASE("ODS details: whitespace, repeats, nesting", "[sheet_reader]")
{
    SECTION("ODF white-space rules and inline elements")
    {
        const Workbook book = readWorkbook(writeOds(
            "spasi.ods",
            "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>  a \n  b<text:s text:c=\"3\"/>c "
            "<text:span>d <text:span>e</text:span></text:span> <text:a>f</text:a><text:note><text:p>catatan</text:p>"
            "</text:note></text:p><text:p/><text:p>g</text:p></table:table-cell>"
            "<table:table-cell><text:p>tanpa tipe</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"string\"/>"
            "<table:table-cell office:value-type=\"time\" office:time-value=\"PT12H00M00S\"/></table:table-row>"));
        const Sheet& s = book.sheets.at(0);
        CHECK(s.at(0, 0).text == "a b   c d e f\n\ng");
        CHECK(s.at(0, 1).text == "tanpa tipe");
        CHECK(s.at(0, 2).empty());
        CHECK(s.at(0, 3).number == Approx(0.5));
    }
    SECTION("repeated filled rows and cells expand; rows in groups count")
    {
        const Workbook book = readWorkbook(writeOds(
            "ulang.ods",
            "<table:table-header-rows><table:table-row><table:table-cell office:value-type=\"string\">"
            "<text:p>Judul</text:p></table:table-cell></table:table-row></table:table-header-rows>"
            "<table:table-row-group><table:table-row table:number-rows-repeated=\"3\">"
            "<table:table-cell table:number-columns-repeated=\"2\"/>"
            "<table:table-cell office:value-type=\"float\" office:value=\"1.5\" table:number-columns-repeated=\"2\"/>"
            "<table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row></table:table-row-group>"
            "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell "
            "table:number-columns-repeated=\"16384\"/></table:table-row>"));
        const Sheet& s = book.sheets.at(0);
        REQUIRE(s.rows.size() == 4);
        CHECK(s.at(0, 0).text == "Judul");
        for (std::size_t r = 1; r <= 3; ++r) {
            REQUIRE(s.rows[r].size() == 4);
            CHECK(s.at(r, 1).empty());
            CHECK(s.at(r, 2).number == 1.5);
            CHECK(s.at(r, 3).text == "1.5");   // no paragraph: the value itself
        }
    }
    SECTION("deeply nested spans are read without recursion")
    {
        std::string deep;
        for (int i = 0; i < 100000; ++i) deep += "<text:span>";
        deep += "dalam";
        for (int i = 0; i < 100000; ++i) deep += "</text:span>";
        const Workbook book = readWorkbook(
            writeOds("dalam.ods", "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>" + deep +
                                      "</text:p></table:table-cell></table:table-row>"));
        CHECK(book.sheets.at(0).at(0, 0).text == "dalam");
    }
    SECTION("deeply nested row groups are an error, not a stack overflow")
    {
        std::string deep;
        for (int i = 0; i < 100000; ++i) deep += "<table:table-row-group>";
        for (int i = 0; i < 100000; ++i) deep += "</table:table-row-group>";
        expectError(writeOds("grup.ods", deep));
    }
    SECTION("no mimetype entry: content.xml is enough")
    {
        const Workbook book = readWorkbook(writeZip(
            "tanpa-mimetype.ods",
            {{"content.xml", std::string("<office:document-content ") + kOdsNs +
                                 "><office:body><office:spreadsheet><table:table table:name=\"A\"/><table:table "
                                 "table:name=\"B\"/></office:spreadsheet></office:body></office:document-content>"}}));
        REQUIRE(book.sheets.size() == 2);
        CHECK(book.sheets[1].name == "B");
        CHECK(book.sheets[1].rows.empty());
    }
}

TEST_CASE("XLSX details: strings, dates, styles, relationships", "[sheet_reader]")
{
    const std::string ns = kMainNs;
    const std::string rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    const fs::path file = writeZip(
        "rinci.xlsx",
        {{"[Content_Types].xml", "<Types/>"},
         {"_rels/.rels", "<Relationships xmlns=\"" + rels + "\"><Relationship Id=\"a\" Type=\"" + kRelNs +
                             "/officeDocument\" Target=\"/xl/workbook.xml\"/><Relationship Id=\"b\" Type=\"" + kRelNs +
                             "/custom-properties\" Target=\"docProps/custom.xml\"/></Relationships>"},
         {"docProps/custom.xml",
          "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
          "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property name=\"unit\" "
          "pid=\"2\"><vt:lpwstr>Sekretariat</vt:lpwstr></property><property name=\"final\" pid=\"3\"><vt:bool>true"
          "</vt:bool></property></Properties>"},
         {"xl/workbook.xml",
          "<x:workbook xmlns:x=\"" + ns + "\" xmlns:rel=\"" + kRelNs +
              "\"><x:workbookPr date1904=\"1\"/><x:sheets><x:sheet name=\"Satu\" rel:id=\"r1\"/><x:sheet "
              "name=\"Grafik\" rel:id=\"r3\"/><x:sheet name=\"Dua\" state=\"veryHidden\" rel:id=\"r2\"/></x:sheets>"
              "</x:workbook>"},
         {"xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\"" + rels + "\"><Relationship Id=\"r1\" Type=\"" + kRelNs +
              "/worksheet\" Target=\"./sheets/../worksheets/a.xml\"/><Relationship Id=\"r2\" Type=\"" + kRelNs +
              "/worksheet\" Target=\"/xl/worksheets/b.xml\"/><Relationship Id=\"r3\" Type=\"" + kRelNs +
              "/chartsheet\" Target=\"chartsheets/c.xml\"/><Relationship Id=\"r4\" Type=\"" + kRelNs +
              "/sharedStrings\" Target=\"strings.xml\"/><Relationship Id=\"r5\" Type=\"" + kRelNs +
              "/styles\" Target=\"styles.xml\"/></Relationships>"},
         {"xl/strings.xml", "<sst xmlns=\"" + ns +
                                "\"><si><t xml:space=\"preserve\"> </t></si><si><r><t>te</t></r><r><rPr/>"
                                "<t xml:space=\"preserve\">bal "
                                "</t></r><rPh><t>fonetik</t></rPh></si><si><t>a&amp;b&#10;c</t></si></sst>"},
         {"xl/styles.xml",
          "<styleSheet xmlns=\"" + ns +
              "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"d&quot; hari&quot; "
              "mmmm yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/><numFmt numFmtId=\"166\" "
              "formatCode=\"#,##0.00&quot; m&quot;\"/><numFmt numFmtId=\"167\" formatCode=\"[$-421]mmm\"/></numFmts>"
              "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
              "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"4\"/></cellXfs></styleSheet>"},
         {"xl/worksheets/a.xml",
          "<worksheet xmlns=\"" + ns +
              "\"><sheetData><row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c t=\"s\">"
              "<v>1</v></c><c t=\"s\"><v>2</v></c><c r=\"E2\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r>"
              "</is></c></row><row><c t=\"n\" s=\"1\"><v>0</v></c><c s=\"2\"><v>1</v></c><c s=\"3\"><v>1.5</v></c>"
              "<c s=\"4\"><v>2</v></c><c s=\"5\"><v>3</v></c><c s=\"6\"><v>1234.5</v></c><c t=\"d\">"
              "<v>2024-01-31T08:00:00</v></c><c t=\"b\"><v>0</v></c><c t=\"e\"><v>#N/A</v></c><c t=\"str\">"
              "<f>A1</f><v>hasil</v></c><c s=\"1\"/><c t=\"s\"/></row></sheetData>"
              "<sheetProtection sheet=\"1\"/></worksheet>"},
         {"xl/worksheets/b.xml", "<worksheet xmlns=\"" + ns +
                                     "\"><sheetData/><sheetProtection objects=\"1\"/>"
                                     "</worksheet>"}});
    const Workbook book = readWorkbook(file);
    CHECK(book.format == "xlsx");
    REQUIRE(book.sheets.size() == 2);   // the chart sheet has no cells and is left out
    const Sheet& s = book.sheets[0];
    CHECK(s.name == "Satu");
    CHECK(s.isProtected);
    CHECK_FALSE(s.hidden);
    CHECK(book.sheets[1].name == "Dua");
    CHECK(book.sheets[1].hidden);
    CHECK_FALSE(book.sheets[1].isProtected);   // sheetProtection without sheet="1"

    CHECK(s.rows.size() == 3);
    CHECK(s.rows[0].empty());
    CHECK(s.at(1, 0).text == " ");
    CHECK(s.at(1, 1).text == "tebal ");
    CHECK(s.at(1, 2).text == "a&b\nc");
    CHECK(s.at(1, 3).empty());
    CHECK(s.at(1, 4).text == "inline");
    // 1904 date system: serial 0 is 1904-01-01.
    CHECK(s.at(2, 0).type == Cell::Type::date);
    CHECK(s.at(2, 0).text == "1904-01-01");
    CHECK(s.at(2, 0).number == 1462);
    CHECK(s.at(2, 1).type == Cell::Type::date);   // d" hari" mmmm yyyy
    CHECK(s.at(2, 1).text == "1904-01-02");
    CHECK(s.at(2, 2).type == Cell::Type::number);   // [h]:mm is a duration
    CHECK(s.at(2, 3).type == Cell::Type::number);   // "m" inside quotes
    CHECK(s.at(2, 4).type == Cell::Type::date);     // [$-421]mmm: month name
    CHECK(s.at(2, 5).type == Cell::Type::number);
    CHECK(s.at(2, 5).text == "1234.5");
    CHECK(s.at(2, 6).type == Cell::Type::date);
    CHECK(s.at(2, 6).text == "2024-01-31T08:00:00");
    CHECK(s.at(2, 6).number == Approx(45322 + 1.0 / 3));
    CHECK(s.at(2, 7).type == Cell::Type::boolean);
    CHECK(s.at(2, 7).number == 0);
    CHECK(s.at(2, 8).type == Cell::Type::error);
    CHECK(s.at(2, 8).text == "#N/A");
    CHECK(s.at(2, 9).text == "hasil");
    CHECK(s.rows[2].size() == 10);   // styled cells without a value are empty

    CHECK(book.properties.at("unit") == "Sekretariat");
    CHECK(book.properties.at("final") == "true");
}

TEST_CASE("XLSX in the 1900 date system and cells out of order", "[sheet_reader]")
{
    const fs::path file = writeXlsx("urutan.xlsx",
                                    "<row r=\"3\"><c r=\"C3\"><v>3</v></c><c r=\"A3\"><v>1</v></c></row>"
                                    "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>0</v></c></row>",
                                    "<si><t>x</t></si>");
    const Workbook book = readWorkbook(file);
    const Sheet& s = book.sheets.at(0);
    CHECK(s.at(0, 1).text == "x");
    CHECK(s.at(2, 0).number == 1);
    CHECK(s.at(2, 1).empty());
    CHECK(s.at(2, 2).number == 3);
}

TEST_CASE("Unreadable files give an Error naming the file", "[sheet_reader]")
{
    SECTION("missing file") { expectError(tempDir() / "tidak-ada.ods", {}, "does not exist"); }
    SECTION("empty file") { expectError(writeFile("kosong.xlsx", ""), {}, "empty"); }
    SECTION("not a zip") { expectError(writeFile("teks.ods", "Nama;Nilai\nBudi;8\n"), {}, "not an .ods or .xlsx"); }
    SECTION("web page saved as .xls")
    {
        expectError(writeFile("laporan.xls", "<html><body><table><tr><td>1</td></tr></table></body></html>"), {},
                    "not an .ods or .xlsx");
    }
    SECTION("legacy .xls (OLE2)")
    {
        std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
        ole.resize(4096, '\0');
        const Error e = expectError(writeFile("lama.xls", ole), {}, "Legacy .xls");
        CHECK_THAT(e.problems()[0].message.id, Catch::Contains("Berkas .xls lama tidak didukung"));
    }
    SECTION("password-protected OOXML (OLE2 with EncryptionInfo)")
    {
        std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
        ole.resize(1024, '\0');
        const char name[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
        ole.append(name, sizeof name - 1);
        ole.resize(4096, '\0');
        expectError(writeFile("rahasia.xlsx", ole), {}, "password");
    }
    SECTION("encrypted ODF")
    {
        const fs::path file = writeZip(
            "sandi.ods", {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                          {"META-INF/manifest.xml",
                           "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                           "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
                           "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"x\"/>"
                           "</manifest:file-entry></manifest:manifest>"},
                          {"content.xml", std::string("\x93\x11\xfe\x02 binary", 10)}});
        expectError(file, {}, "password");
    }
    SECTION("truncated zip")
    {
        const std::string bytes = readBytes(kData / "contoh-lo.ods");
        for (const std::size_t size : {std::size_t(30), bytes.size() / 3, bytes.size() / 2, bytes.size() - 30})
            expectError(writeFile("terpotong.ods", bytes.substr(0, size)));
        const std::string xlsx = readBytes(kData / "contoh-lo.xlsx");
        expectError(writeFile("terpotong.xlsx", xlsx.substr(0, xlsx.size() * 2 / 3)));
    }
    SECTION("zip without spreadsheet content")
    {
        expectError(writeZip("arsip.zip", {{"catatan.txt", "halo"}}), {}, "not an .ods or .xlsx");
        expectError(writeZip("tanpa-isi.ods", {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                               {"meta.xml", "<office:document-meta/>"}}),
                    {}, "content.xml");
    }
    SECTION("a text document is not a spreadsheet")
    {
        expectError(writeZip("surat.odt", {{"mimetype", "application/vnd.oasis.opendocument.text"},
                                           {"content.xml", "<office:document-content/>"}}),
                    {}, "not a spreadsheet");
        expectError(writeFile("surat.fodt", std::string("<office:document ") + kOdsNs +
                                                " office:mimetype=\"application/vnd.oasis.opendocument.text\"/>"),
                    {}, "not a spreadsheet");
    }
    SECTION("binary .xlsb")
    {
        expectError(writeZip("biner.xlsb", {{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.bin", "x"}}), {},
                    ".xlsb");
    }
    SECTION("malformed XML")
    {
        expectError(writeOds("rusak.ods", "<table:table-row><table:table-cell>"), {}, "content.xml");
    }
    SECTION("DOCTYPE (billion laughs)")
    {
        const std::string doctype =
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
            "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;"
            "&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
        expectError(writeOds("tawa.ods",
                             "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>"
                             "&lol3;</text:p></table:table-cell></table:table-row>",
                             doctype),
                    {}, "DOCTYPE");
        expectError(writeFile("tawa.fods", doctype + "<office:document " + kOdsNs + "/>"), {}, "DOCTYPE");
        expectError(writeXlsx("tawa.xlsx", "<row><c><v>1</v></c></row>", "", doctype), {}, "DOCTYPE");
        CHECK_NOTHROW(readWorkbook(writeXlsx("tanpa-doctype.xlsx", "<row><c><v>1</v></c></row>", "",
                                             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")));
    }
}

TEST_CASE("Limits stop hostile files early", "[sheet_reader]")
{
    SECTION("file size is checked before opening")
    {
        ReadLimits limits;
        limits.maxFileBytes = 1000;
        expectError(kData / "contoh-lo.ods", limits, "too large");
    }
    SECTION("uncompressed entry size is checked while inflating (zip bomb)")
    {
        const fs::path file = writeOds("bom.ods", "<table:table-row/>" + std::string(4 << 20, ' '));
        CHECK(fs::file_size(file) < 100'000);
        ReadLimits limits;
        limits.maxEntryBytes = 1 << 20;
        expectError(file, limits, "larger than 1 MB");
        limits.maxEntryBytes = 8 << 20;
        CHECK_NOTHROW(readWorkbook(file, limits));
    }
    SECTION("all parts together are bounded too (many sheets just under the limit)")
    {
        std::string sheets, rels;
        Entries entries;
        for (int i = 0; i < 10; ++i) {
            const std::string n = std::to_string(i);
            sheets += "<sheet name=\"s" + n + "\" r:id=\"r" + n + "\"/>";
            rels += "<Relationship Id=\"r" + n + "\" Type=\"x/worksheet\" Target=\"w" + n + ".xml\"/>";
            entries.push_back({"xl/w" + n + ".xml", "<worksheet>" + std::string(90'000, ' ') + "</worksheet>"});
        }
        entries.push_back({"xl/workbook.xml", "<workbook xmlns:r=\"" + std::string(kRelNs) + "\"><sheets>" + sheets +
                                                  "</sheets></workbook>"});
        entries.push_back({"xl/_rels/workbook.xml.rels", "<Relationships>" + rels + "</Relationships>"});
        const fs::path file = writeZip("banyak-lembar.xlsx", entries);
        ReadLimits limits;
        limits.maxEntryBytes = 100'000;
        expectError(file, limits, "contents of this file are larger than");
        limits.maxEntryBytes = 1'000'000;
        CHECK(readWorkbook(file, limits).sheets.size() == 10);
    }
    SECTION("header sizes are not trusted")
    {
        // Patch the uncompressed size of content.xml in its local header and
        // in the central directory: to 1 byte, then to 4 GB.
        std::string bytes = zipBytes({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                      {"content.xml", std::string("<office:document-content ") + kOdsNs +
                                                          "><office:body><office:spreadsheet/></office:body>"
                                                          "</office:document-content>" +
                                                          std::string(50000, ' ')}});
        auto patch = [&bytes](std::uint32_t size) {
            for (const auto& [sig, offset] :
                 {std::pair<std::string, std::size_t>{"PK\x03\x04", 22}, {"PK\x01\x02", 24}}) {
                for (std::size_t pos = bytes.find(sig); pos != std::string::npos; pos = bytes.find(sig, pos + 4)) {
                    const std::size_t nameOffset = sig[2] == '\x03' ? 30 : 46;
                    if (bytes.compare(pos + nameOffset, 11, "content.xml") != 0) continue;
                    for (int i = 0; i < 4; ++i) bytes[pos + offset + i] = static_cast<char>(size >> (8 * i));
                }
            }
        };
        ReadLimits limits;
        limits.maxEntryBytes = 10'000;
        patch(1);
        expectError(writeFile("kecil.ods", bytes), limits, "larger than 9 KB");
        patch(0xFFFFFFF0u);
        expectError(writeFile("besar.ods", bytes), limits, "larger than 9 KB");
        CHECK_NOTHROW(readWorkbook(tempDir() / "besar.ods"));   // the real size is small: it reads
    }
    SECTION("too many cells")
    {
        ReadLimits limits;
        limits.maxCells = 20;
        expectError(kData / "contoh-lo.xlsx", limits, "more than 20 filled cells");
        expectError(kData / "contoh-lo.ods", limits, "more than 20 filled cells");
        // A repeat count multiplies the cells before any is stored.
        expectError(writeOds("ulang-banyak.ods",
                             "<table:table-row table:number-rows-repeated=\"1000\"><table:table-cell "
                             "office:value-type=\"float\" office:value=\"1\" table:number-columns-repeated=\"1000\"/>"
                             "</table:table-row>"),
                    limits, "more than 20 filled cells");
    }
    SECTION("columns and rows")
    {
        ReadLimits limits;
        limits.maxColumns = 4;
        const Error e = expectError(kData / "contoh-lo.xlsx", limits, "4 columns");
        CHECK(e.problems()[0].sheet == "Data");
        CHECK(e.problems()[0].cell == "E1");
        limits = {};
        limits.maxRows = 5;
        const Error rows = expectError(kData / "contoh-lo.ods", limits, "5 rows");
        CHECK(rows.problems()[0].cell == "B6");
        // Far-away data in the default limits (LibreOffice's last column/row).
        expectError(writeXlsx("jauh.xlsx", "<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>"), {}, "1024 columns");
        expectError(writeXlsx("bawah.xlsx", "<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>"), {}, "rows");
        expectError(writeOds("ulang-jauh.ods",
                             "<table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell "
                             "office:value-type=\"float\" office:value=\"1\"/></table:table-row>"),
                    {}, "rows");
    }
    SECTION("text repeated many times")
    {
        ReadLimits limits;
        limits.maxTextBytes = 100'000;
        expectError(
            writeOds("teks-ulang.ods", "<table:table-row table:number-rows-repeated=\"100\"><table:table-cell "
                                       "office:value-type=\"string\" table:number-columns-repeated=\"100\"><text:p>" +
                                           std::string(100, 'x') + "</text:p></table:table-cell></table:table-row>"),
            limits, "text");
        expectError(writeOds(
                        "spasi-banyak.ods", "<table:table-row><table:table-cell office:value-type=\"string\">"
                                            "<text:p>" +
                                                std::string(20, ' ') +
                                                [] {
                                                    std::string s;
                                                    for (int i = 0; i < 100; ++i)
                                                        s += "<text:s text:c=\"4000000000\"/>";
                                                    return s;
                                                }() +
                                                "</text:p></table:table-cell></table:table-row>"),
                    limits, "text");
        const std::string strings = "<si><t>" + std::string(1000, 'y') + "</t></si>";
        std::string cells = "<row>";
        for (int i = 0; i < 200; ++i) cells += "<c t=\"s\"><v>0</v></c>";
        expectError(writeXlsx("bersama.xlsx", cells + "</row>", strings), limits, "text");
    }
    SECTION("sparse cells far apart")
    {
        std::string rows;
        for (int r = 1; r <= 2000; ++r)
            rows += "<row r=\"" + std::to_string(r * 40) + "\"><c r=\"AMJ" + std::to_string(r * 40) +
                    "\"><v>1</v></c></row>";
        ReadLimits limits;
        limits.maxCells = 10'000;
        expectError(writeXlsx("jarang.xlsx", rows), limits, "spread too widely");
    }
    SECTION("too many zip entries")
    {
        Entries entries = {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}};
        for (int i = 0; i < 10'001; ++i) entries.push_back({"x/" + std::to_string(i), ""});
        expectError(writeZip("banyak.ods", entries), {}, "internal parts");
    }
}

TEST_CASE("Work stays linear when counts are hostile", "[sheet_reader]")
{
    // Each of these would take minutes with a lookup per item over all items.
    const auto start = std::chrono::steady_clock::now();
    SECTION("many number formats and cell styles")
    {
        std::string formats, xfs;
        for (int i = 0; i < 60'000; ++i) {
            formats += "<numFmt numFmtId=\"" + std::to_string(164 + i) + "\" formatCode=\"0.0\"/>";
            xfs += "<xf numFmtId=\"" + std::to_string(164 + 60'000 - i) + "\"/>";
        }
        Entries entries = {{"xl/workbook.xml", "<workbook xmlns=\"" + std::string(kMainNs) + "\"><sheets/></workbook>"},
                           {"xl/styles.xml", "<styleSheet xmlns=\"" + std::string(kMainNs) + "\"><numFmts>" + formats +
                                                 "</numFmts><cellXfs>" + xfs + "</cellXfs></styleSheet>"}};
        CHECK(readWorkbook(writeZip("gaya.xlsx", entries)).sheets.empty());
    }
    SECTION("many sheets, relationships and hidden styles")
    {
        std::string sheets, rels, styles, tables;
        for (int i = 0; i < 5000; ++i) {
            const std::string n = std::to_string(i);
            sheets += "<sheet name=\"s" + n + "\" r:id=\"r" + n + "\"/>";
            rels += "<Relationship Id=\"r" + n + "\" Type=\"x/worksheet\" Target=\"w.xml\"/>";
            styles += "<style:style style:name=\"t" + n +
                      "\" style:family=\"table\"><style:table-properties "
                      "table:display=\"false\"/></style:style>";
            tables += "<table:table table:name=\"s" + n + "\" table:style-name=\"t" + n + "\"/>";
        }
        const Workbook xlsx = readWorkbook(writeZip(
            "lembar.xlsx", {{"xl/workbook.xml", "<workbook xmlns=\"" + std::string(kMainNs) + "\" xmlns:r=\"" + kRelNs +
                                                    "\"><sheets>" + sheets + "</sheets></workbook>"},
                            {"xl/_rels/workbook.xml.rels", "<Relationships>" + rels + "</Relationships>"},
                            {"xl/w.xml", "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>"}}));
        CHECK(xlsx.sheets.size() == 5000);
        const Workbook ods = readWorkbook(writeZip(
            "lembar.ods",
            {{"content.xml",
              std::string("<office:document-content ") + kOdsNs +
                  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"><office:automatic-styles>" +
                  styles + "</office:automatic-styles><office:body><office:spreadsheet>" + tables +
                  "</office:spreadsheet></office:body></office:document-content>"}}));
        REQUIRE(ods.sheets.size() == 5000);
        CHECK(ods.sheets[4999].hidden);
    }
    SECTION("sheets whose only cell is far down")
    {
        std::string tables;
        for (int i = 0; i < 2000; ++i)
            tables += "<table:table table:name=\"s" + std::to_string(i) +
                      "\"><table:table-row "
                      "table:number-rows-repeated=\"99998\"/><table:table-row><table:table-cell "
                      "office:value-type=\"float\" office:value=\"1\"/></table:table-row></table:table>";
        expectError(writeZip("jauh-bawah.ods",
                             {{"content.xml", std::string("<office:document-content ") + kOdsNs +
                                                  "><office:body><office:spreadsheet>" + tables +
                                                  "</office:spreadsheet></office:body></office:document-content>"}}),
                    {}, "spread too widely");
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}

TEST_CASE("Damaged packages never escape as anything but Error", "[sheet_reader]")
{
    SECTION("duplicate entry names")
    {
        std::string bytes = zipBytes({{"content.xml", "<a/>"}, {"content.xmm", "<b/>"}});
        for (std::size_t pos = bytes.find("content.xmm"); pos != std::string::npos; pos = bytes.find("content.xmm"))
            bytes[pos + 10] = 'l';
        expectError(writeFile("ganda.ods", bytes));
    }
    SECTION("random corruption")
    {
        // A small deterministic fuzz over real packages: any outcome is fine
        // except a crash, a hang, or an exception other than Error.
        std::mt19937 random(20240315);
        for (const char* name : {"contoh-lo.ods", "contoh-lo.xlsx", "contoh.fods"}) {
            const std::string original = readBytes(kData / name);
            for (int round = 0; round < 150; ++round) {
                std::string bytes = original;
                const int flips = 1 + static_cast<int>(random() % 8);
                for (int i = 0; i < flips; ++i) bytes[random() % bytes.size()] = static_cast<char>(random() % 256);
                if (round % 10 == 0) bytes.resize(random() % bytes.size());
                const fs::path file = writeFile(std::string("acak-") + name, bytes);
                try {
                    readWorkbook(file);
                } catch (const Error& e) {
                    CHECK(e.problems().at(0).file == file.filename().string());
                }
            }
        }
    }
}
