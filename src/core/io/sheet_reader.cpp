// Entry point of the spreadsheet reader: reads the file once into memory,
// tells the kind from its content (zip package, flat ODF XML, OLE2), and
// hands the parts to the ODF or OOXML reader. Shared helpers (limits,
// XML parsing, dates) live here too.
#include "io/sheet_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <new>

#include "io/iso_date.hpp"
#include "io/sheet_reader_internal.hpp"
#include "text/text_util.hpp"

namespace evakin {

namespace fs = std::filesystem;
using namespace sheet_reader;

const Cell& Sheet::at(std::size_t row, std::size_t col) const
{
    static const Cell emptyCell;
    if (row < rows.size() && col < rows[row].size()) return rows[row][col];
    return emptyCell;
}

const Sheet* Workbook::sheet(const std::string& name) const
{
    for (const Sheet& s : sheets)
        if (s.name == name) return &s;
    return nullptr;
}

std::string cellAddress(std::size_t row, std::size_t col)
{
    char letters[16];   // 26^14 > 2^64
    std::size_t n = 0;
    for (std::size_t c = col;; c = c / 26 - 1) {   // bijective base 26: Z, AA, ..., ZZ, AAA
        letters[n++] = static_cast<char>('A' + c % 26);
        if (c < 26) break;
    }
    std::string out(letters, n);
    std::reverse(out.begin(), out.end());
    return out + std::to_string(row + 1);
}

namespace sheet_reader {

void ReadContext::fail(Text message) const { throw Error(file, std::move(message)); }

void ReadContext::failAt(const Sheet& sheet, std::uint64_t row, std::uint64_t col, Text message) const
{
    throw Error(Problem{file,
                        sheet.name,
                        cellAddress(static_cast<std::size_t>(row), static_cast<std::size_t>(col)),
                        {},
                        std::move(message)});
}

void ReadContext::failPosition(const Sheet& sheet, std::uint64_t row, std::uint64_t col) const
{
    if (col >= limits.maxColumns) {
        const std::string n = std::to_string(limits.maxColumns);
        failAt(
            sheet, row, col,
            {"Sel ini berisi data di luar batas " + n + " kolom. Hapus isi kolom yang jauh di kanan lalu simpan ulang.",
             "This cell holds data beyond the limit of " + n +
                 " columns. Delete the contents of the far-right "
                 "columns and save the file again."});
    }
    if (row >= limits.maxRows) {
        const std::string n = std::to_string(limits.maxRows);
        failAt(
            sheet, row, col,
            {"Sel ini berisi data di luar batas " + n + " baris. Hapus isi baris yang jauh di bawah lalu simpan ulang.",
             "This cell holds data beyond the limit of " + n +
                 " rows. Delete the contents of the rows far down "
                 "and save the file again."});
    }
    fail(ZipReader::damagedText());   // not reached: called for a position over a limit
}

void ReadContext::failCells() const
{
    const std::string n = std::to_string(limits.maxCells);
    fail({"Berkas berisi lebih dari " + n +
              " sel terisi. Hapus data yang tidak perlu atau pecah menjadi "
              "beberapa berkas.",
          "The file has more than " + n +
              " filled cells. Remove data that is not needed or split it into "
              "several files."});
}

void ReadContext::failText() const
{
    const std::string n = ZipReader::sizeText(limits.maxTextBytes);
    fail({"Teks di dalam sel berkas ini lebih dari " + n + ". Hapus teks yang tidak perlu lalu simpan ulang.",
          "The text in this file's cells is more than " + n + ". Remove text that is not needed and save it again."});
}

void ReadContext::failSlots() const
{
    fail({"Data dalam berkas ini tersebar terlalu luas (terlalu banyak sel kosong di antara sel yang terisi). "
          "Hapus isi sel yang jauh dari tabel utama lalu simpan ulang.",
          "The data in this file is spread too widely (too many empty cells between the filled ones). Delete "
          "the contents of cells far away from the main table and save it again."});
}

void ReadContext::addSheet()
{
    constexpr std::uint64_t maxSheets = 10'000;
    if (++sheets > maxSheets) {
        fail({"Berkas berisi lebih dari 10000 lembar. Hapus lembar yang tidak perlu lalu simpan ulang.",
              "The file has more than 10000 sheets. Delete the sheets that are not needed and save it again."});
    }
}

void ReadContext::parseXml(pugi::xml_document& doc, std::string& buffer, const std::string& part,
                           unsigned options) const
{
    const pugi::xml_parse_result result =
        doc.load_buffer_inplace(buffer.data(), buffer.size(), options | pugi::parse_doctype);
    const std::string shown = ZipReader::displayName(part);
    if (!result) {
        const std::string at = std::to_string(result.offset);
        fail({"Bagian " + shown + " rusak (XML tidak valid pada posisi " + at +
                  "). Buka di LibreOffice untuk "
                  "memperbaikinya lalu simpan ulang.",
              "The part " + shown + " is damaged (invalid XML at offset " + at + ": " + result.description() +
                  "). Open it in LibreOffice to repair it and save it again."});
    }
    // pugixml never expands entities, but no spreadsheet part has a reason to
    // carry a DTD; refusing them keeps entity tricks out of later tools too.
    for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
        if (n.type() == pugi::node_doctype) {
            fail({"Bagian " + shown +
                      " memuat deklarasi DOCTYPE yang tidak diizinkan; berkas mungkin dibuat untuk "
                      "menyerang. Buka di LibreOffice atau Excel lalu simpan ulang.",
                  "The part " + shown +
                      " contains a DOCTYPE declaration, which is not allowed; the file may have "
                      "been crafted as an attack. Open it in LibreOffice or Excel and save it again."});
        }
    }
}

void ReadContext::loadPart(pugi::xml_document& doc, std::string& buffer, const ZipReader& zip, const std::string& part,
                           unsigned options)
{
    doc.reset();   // it may still point into the old buffer
    buffer = zip.read(part, limits.maxEntryBytes);
    partBytes += buffer.size();
    const std::uint64_t budget = mulSat(std::min<std::uint64_t>(limits.maxEntryBytes, 1ull << 40), 4);
    if (partBytes > budget) {
        const std::string n = ZipReader::sizeText(budget);
        fail({"Isi berkas ini lebih dari " + n +
                  " setelah dibuka. Hapus lembar atau data yang tidak perlu, atau "
                  "pecah menjadi beberapa berkas.",
              "The contents of this file are larger than " + n +
                  " once uncompressed. Remove sheets or data that are "
                  "not needed, or split it into several files."});
    }
    parseXml(doc, buffer, part, options);
}

Text notSpreadsheetText()
{
    return {"Berkas ini bukan lembar kerja .ods atau .xlsx. Buka di LibreOffice atau Excel lalu simpan sebagai "
            ".ods atau .xlsx.",
            "This file is not an .ods or .xlsx spreadsheet. Open it in LibreOffice or Excel and save it as .ods or "
            ".xlsx."};
}

Text missingPartText(const std::string& name)
{
    const std::string part = ZipReader::displayName(name);
    return {"Berkas tidak lengkap: bagian " + part +
                " tidak ada. Buka di LibreOffice atau Excel lalu simpan ulang "
                "sebagai .ods atau .xlsx.",
            "The file is incomplete: the part " + part +
                " is missing. Open it in LibreOffice or Excel and save it "
                "again as .ods or .xlsx."};
}

bool parseNumber(std::string_view s, double& out)
{
    s = trimmedView(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && std::isfinite(out);
}

bool parseUnsigned(std::string_view s, std::uint64_t& out)
{
    s = trimmedView(s);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

// Days from 1970-01-01 to a civil date, and back (H. Hinnant's algorithms).
static std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

static void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

static const std::int64_t kEpoch = daysFromCivil(1899, 12, 30);   // the spreadsheet day zero

bool daysFromIsoDate(std::string_view s, double& days)
{
    const auto t = parseIsoDateTime(s);
    if (!t) return false;
    const IsoDate& d = t->date;
    days = static_cast<double>(daysFromCivil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day)) -
                               kEpoch) +
           t->secondsOfDay / 86400.0;
    return true;
}

bool isoFromDays(double days, std::string& out)
{
    static const double lo = static_cast<double>(daysFromCivil(1, 1, 1) - kEpoch);
    static const double hi = static_cast<double>(daysFromCivil(9999, 12, 31) - kEpoch);
    if (!std::isfinite(days) || days < lo || days >= hi + 1) return false;
    auto whole = static_cast<std::int64_t>(std::floor(days));
    auto secs = static_cast<long>(std::lround((days - static_cast<double>(whole)) * 86400.0));
    if (secs >= 86400) {
        ++whole;
        secs -= 86400;
    }
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(whole + kEpoch, y, m, d);
    char buf[32];
    int n = secs == 0 ? std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(y), m, d)
                      : std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld", static_cast<int>(y), m, d,
                                      secs / 3600, secs / 60 % 60, secs % 60);
    out.assign(buf, static_cast<std::size_t>(n > 0 ? n : 0));
    return true;
}

void putCell(ReadContext& ctx, Sheet& sheet, std::uint64_t row, std::uint64_t col, Cell&& cell, std::size_t rowHint)
{
    if (sheet.rows.size() <= row) {
        ctx.reserveSlots(row + 1 - sheet.rows.size());
        sheet.rows.resize(static_cast<std::size_t>(row + 1));
    }
    std::vector<Cell>& r = sheet.rows[static_cast<std::size_t>(row)];
    if (r.size() <= col) {
        ctx.reserveSlots(col + 1 - r.size());
        if (r.empty()) r.reserve(std::max(rowHint, static_cast<std::size_t>(col + 1)));
        r.resize(static_cast<std::size_t>(col + 1));
    }
    r[static_cast<std::size_t>(col)] = std::move(cell);
}

}   // namespace sheet_reader

namespace {

Text encryptedText() { return ZipReader::encryptedText(); }

// Whole file into memory, after checking its size on disk.
std::string readFileBytes(const fs::path& file, const ReadContext& ctx)
{
    const Text cannotOpen{"Berkas tidak ditemukan atau tidak dapat dibuka. Periksa nama dan letak berkasnya.",
                          "The file does not exist or cannot be opened. Check its name and location."};
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) ctx.fail(cannotOpen);
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec) ctx.fail(cannotOpen);
    if (size == 0) {
        ctx.fail({"Berkas kosong (0 bita); mungkin gagal tersimpan atau terunduh. Minta pengirim mengirim ulang "
                  "berkasnya.",
                  "The file is empty (0 bytes); it may have failed to save or download. Ask the sender to send it "
                  "again."});
    }
    if (size > ctx.limits.maxFileBytes) {
        const std::string is = ZipReader::sizeText(size), limit = ZipReader::sizeText(ctx.limits.maxFileBytes);
        ctx.fail({"Berkas terlalu besar (" + is + "; batasnya " + limit +
                      "). Hapus lembar, gambar, atau data yang "
                      "tidak perlu lalu simpan ulang.",
                  "The file is too large (" + is + "; the limit is " + limit +
                      "). Remove sheets, images or data that "
                      "are not needed and save it again."});
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (!in || static_cast<std::uintmax_t>(in.gcount()) != size) ctx.fail(cannotOpen);
    return bytes;
}

Text notSpreadsheetDocumentText()
{
    return {"Berkas ini dokumen OpenDocument/Office, tetapi bukan lembar kerja (misalnya dokumen teks). Kirim "
            "lembar kerja .ods atau .xlsx.",
            "This file is an OpenDocument/Office document but not a spreadsheet (a text document, for example). "
            "Send the .ods or .xlsx spreadsheet instead."};
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Whitespace is significant in ODF paragraphs (text between spans), so
// whitespace-only text nodes are kept.
constexpr unsigned kOdfParse = pugi::parse_default | pugi::parse_ws_pcdata;

void readOdsPackage(const ZipReader& zip, ReadContext& ctx, Workbook& book)
{
    pugi::xml_document doc;
    std::string buffer;
    if (const std::string* manifest = zip.find("META-INF/manifest.xml")) {
        ctx.loadPart(doc, buffer, zip, *manifest, pugi::parse_default);
        for (pugi::xml_node entry : doc.document_element().children())
            for (pugi::xml_node child : entry.children())
                if (localIs(child, "encryption-data")) ctx.fail(encryptedText());
    }
    const std::string* content = zip.find("content.xml");
    if (!content) ctx.fail(missingPartText("content.xml"));
    ctx.loadPart(doc, buffer, zip, *content, kOdfParse);
    readOdfBody(doc.document_element(), ctx, book);
    if (const std::string* meta = zip.find("meta.xml")) {
        ctx.loadPart(doc, buffer, zip, *meta, kOdfParse);
        readOdfMeta(doc.document_element().child("office:meta"), book);
    }
    book.format = "ods";
}

void readZip(std::string_view bytes, ReadContext& ctx, Workbook& book)
{
    ZipReader zip(bytes, ctx.file);
    book.parts = zip.names();
    if (const std::string* mimetype = zip.find("mimetype")) {
        const std::string type = zip.read(*mimetype, 256);
        if (startsWith(type, "application/vnd.oasis.opendocument.spreadsheet")) return readOdsPackage(zip, ctx, book);
        if (startsWith(type, "application/vnd.oasis.opendocument.")) ctx.fail(notSpreadsheetDocumentText());
    }
    if (zip.has("content.xml")) return readOdsPackage(zip, ctx, book);
    if (zip.has("[Content_Types].xml") || zip.has("xl/workbook.xml")) return readXlsx(zip, ctx, book);
    if (zip.has("META-INF/manifest.xml")) ctx.fail(missingPartText("content.xml"));
    ctx.fail(notSpreadsheetText());
}

// Flat ODF (.fods): one XML file whose root is office:document.
void readFlat(std::string& bytes, ReadContext& ctx, Workbook& book)
{
    // Web pages saved with a spreadsheet name (common from web applications)
    // get the plain "not a spreadsheet" message rather than an XML error.
    std::string head = bytes.substr(0, 4096);
    for (char& c : head) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos)
        ctx.fail(notSpreadsheetText());
    if (bytes.size() > ctx.limits.maxEntryBytes) {
        const std::string limit = ZipReader::sizeText(ctx.limits.maxEntryBytes);
        ctx.fail({"Berkas XML ini lebih dari " + limit + ". Simpan sebagai .ods lalu kirim ulang.",
                  "This XML file is larger than " + limit + ". Save it as .ods and send it again."});
    }
    pugi::xml_document doc;
    ctx.parseXml(doc, bytes, ctx.file, kOdfParse);
    const pugi::xml_node root = doc.document_element();
    if (!nameIs(root, "office:document")) ctx.fail(notSpreadsheetText());
    const std::string_view type = root.attribute("office:mimetype").value();
    if (!type.empty() && !startsWith(type, "application/vnd.oasis.opendocument.spreadsheet"))
        ctx.fail(notSpreadsheetDocumentText());
    readOdfBody(root, ctx, book);
    readOdfMeta(root.child("office:meta"), book);
    book.format = "ods";
}

Workbook readChecked(const fs::path& file, ReadContext& ctx)
{
    std::string bytes = readFileBytes(file, ctx);
    Workbook book;
    const std::string_view head(bytes.data(), std::min<std::size_t>(bytes.size(), 8));
    if (head == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        // OLE2 compound file: a legacy .xls, or an encrypted OOXML package,
        // whose directory names its "EncryptionInfo" stream (UTF-16LE).
        static const char kEncryptionInfo[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
        if (bytes.find(std::string_view(kEncryptionInfo, sizeof kEncryptionInfo - 1)) != std::string::npos)
            ctx.fail(encryptedText());
        ctx.fail(
            {"Berkas .xls lama tidak didukung. Buka di LibreOffice/Excel lalu simpan sebagai .ods atau .xlsx.",
             "Legacy .xls files are not supported. Open it in LibreOffice or Excel and save it as .ods or .xlsx."});
    }
    if (startsWith(head, "PK\x03\x04") || startsWith(head, "PK\x05\x06") || startsWith(head, "PK\x07\x08")) {
        readZip(bytes, ctx, book);
        return book;
    }
    std::size_t i = startsWith(head, "\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) ++i;
    if ((i < bytes.size() && bytes[i] == '<') || startsWith(head, "\xFF\xFE") || startsWith(head, "\xFE\xFF")) {
        readFlat(bytes, ctx, book);
        return book;
    }
    ctx.fail(notSpreadsheetText());
}

}   // namespace

Workbook readWorkbook(const fs::path& file, const ReadLimits& limits)
{
    ReadContext ctx{file.filename().string(), limits};
    // Only evakin::Error leaves: anything else from Poco, pugixml or the
    // standard library means the file could not be read as a spreadsheet.
    try {
        return readChecked(file, ctx);
    } catch (const Error&) {
        throw;
    } catch (const std::bad_alloc&) {
        ctx.fail({"Berkas terlalu besar untuk dibaca dengan memori yang tersedia. Hapus data yang tidak perlu atau "
                  "pecah menjadi beberapa berkas.",
                  "The file is too large to read with the memory available. Remove data that is not needed or split "
                  "it into several files."});
    } catch (...) {
        ctx.fail(ZipReader::damagedText());
    }
}

}   // namespace evakin
