// Shared pieces of the spreadsheet reader (sheet_reader*.cpp); not a public API.
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "io/sheet_reader.hpp"
#include "io/zip_reader.hpp"

namespace evakin::sheet_reader {

// a * b, saturating instead of wrapping.
inline std::uint64_t mulSat(std::uint64_t a, std::uint64_t b)
{
    return (a != 0 && b > UINT64_MAX / a) ? UINT64_MAX : a * b;
}

// State of one readWorkbook call: where messages point and the running totals
// the limits are checked against.
struct ReadContext {
    std::string file;   // the file's name, shown in every message
    ReadLimits limits;
    std::uint64_t cells = 0;       // non-empty cells so far, in the whole workbook
    std::uint64_t textBytes = 0;   // bytes of cell text so far
    std::uint64_t slots = 0;       // cells (filled or padding) and rows stored so far
    std::uint64_t sheets = 0;
    std::uint64_t partBytes = 0;   // uncompressed parts read so far

    [[noreturn]] void fail(Text message) const;
    [[noreturn]] void failAt(const Sheet& sheet, std::uint64_t row, std::uint64_t col, Text message) const;
    [[noreturn]] void failPosition(const Sheet& sheet, std::uint64_t row, std::uint64_t col) const;
    [[noreturn]] void failCells() const;
    [[noreturn]] void failText() const;
    [[noreturn]] void failSlots() const;

    // The checks below run for every cell: inline, with the failures out of line.

    // Throws unless a non-empty cell may stand at the 0-based (row, col).
    void checkPosition(const Sheet& sheet, std::uint64_t row, std::uint64_t col) const
    {
        if (col >= limits.maxColumns || row >= limits.maxRows) failPosition(sheet, row, col);
    }
    // Counts `count` more non-empty cells that hold `text` bytes of text
    // together; throws when the workbook goes over a limit. Called before the
    // cells are stored, so a repeat count never allocates past the limits.
    void account(std::uint64_t count, std::uint64_t text)
    {
        cells += count;
        if (count > limits.maxCells || cells > limits.maxCells) failCells();
        checkText(text);
        textBytes += text;
    }
    // Throws when cell text of `size` bytes would go over the text limit;
    // for text that is still growing.
    void checkText(std::uint64_t size) const
    {
        if (size > limits.maxTextBytes || textBytes + size > limits.maxTextBytes) failText();
    }
    // Counts `count` more stored cell slots (empty ones between filled cells
    // included) and rows. The rows-of-cells layout pads gaps with empty cells,
    // so sparse data far apart could cost far more memory than maxCells says.
    // Four slots per filled cell leave room for the gaps of real forms.
    void reserveSlots(std::uint64_t count)
    {
        slots += count;
        const std::uint64_t budget = std::min(mulSat(limits.maxCells, 4), UINT64_MAX - 4096) + 4096;
        if (count > budget || slots > budget) failSlots();
    }
    // Counts one more sheet.
    void addSheet();

    // Parses `buffer` in place (it must outlive `doc`). Throws, naming `part`,
    // on malformed XML and on any DOCTYPE (entity expansion attacks).
    void parseXml(pugi::xml_document& doc, std::string& buffer, const std::string& part, unsigned options) const;
    // Reads and parses one zip entry. All parts together may hold four times
    // maxEntryBytes: many sheets just under the limit each would otherwise
    // inflate for minutes.
    void loadPart(pugi::xml_document& doc, std::string& buffer, const ZipReader& zip, const std::string& part,
                  unsigned options);
};

// Texts used by more than one reader.
Text notSpreadsheetText();
Text missingPartText(const std::string& part);

// String equality, inline: the walk compares short names for every cell, and
// a libc call per comparison costs more than the comparison.
inline bool eq(const char* a, const char* b)
{
    while (*a && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b;
}
inline bool nameIs(const pugi::xml_node& node, const char* name) { return eq(node.name(), name); }
// `s` after `prefix`, or nullptr when it does not start with it.
inline const char* afterPrefix(const char* s, const char* prefix)
{
    for (; *prefix; ++s, ++prefix)
        if (*s != *prefix) return nullptr;
    return s;
}
// The element or attribute name without its namespace prefix (OOXML writers
// differ in prefixes; the readers compare local names there).
inline const char* localName(const char* qname)
{
    for (const char* p = qname; *p; ++p)   // names are short: no call to strchr
        if (*p == ':') return p + 1;
    return qname;
}
inline bool localIs(const pugi::xml_node& node, const char* name) { return eq(localName(node.name()), name); }

// The whole of `s` as a number (locale-independent, unlike strtod).
bool parseNumber(std::string_view s, double& out);
// The whole of `s` as an unsigned integer.
bool parseUnsigned(std::string_view s, std::uint64_t& out);
// ISO 8601 "YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±hh:mm]" (io/iso_date.hpp) to days since 1899-12-30.
bool daysFromIsoDate(std::string_view s, double& days);
// Days since 1899-12-30 to "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" when there
// is a time of day; false when out of the years 1..9999.
bool isoFromDays(double days, std::string& out);

// Stores `cell` at the 0-based (row, col) of `sheet`, which checkPosition
// allowed, growing rows as needed (counted as slots). A new row reserves
// room for `rowHint` cells.
void putCell(ReadContext& ctx, Sheet& sheet, std::uint64_t row, std::uint64_t col, Cell&& cell,
             std::size_t rowHint = 0);

// Format readers: they fill `book` and throw Error on failure.
void readOdfBody(pugi::xml_node documentRoot, ReadContext& ctx, Workbook& book);   // office:document[-content]
void readOdfMeta(pugi::xml_node officeMeta, Workbook& book);                       // office:meta
void readXlsx(const ZipReader& zip, ReadContext& ctx, Workbook& book);

}   // namespace evakin::sheet_reader
