// Reads spreadsheet files (.ods and .xlsx) directly from their zip packages
// with Poco::Zip and pugixml; no LibreOffice process. Used for the plan
// workbook and for returned forms. Formula cells yield their cached values.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin {

struct Cell {
    enum class Type { empty, number, text, boolean, date, error };
    Type type = Type::empty;
    double number = 0;   // number, boolean (0/1), date (days since 1899-12-30)
    std::string text;    // text as shown; for numbers the file's own display text if any, dates as ISO 8601
    bool empty() const { return type == Type::empty; }
};

struct Sheet {
    std::string name;
    bool hidden = false;
    bool isProtected = false;
    std::vector<std::vector<Cell>> rows;   // rows[r][c], 0-based; trailing empty cells and rows trimmed
    // The cell at 0-based (row, col); an empty cell when outside the data.
    const Cell& at(std::size_t row, std::size_t col) const;
};

struct Workbook {
    std::string format;   // "ods" or "xlsx"
    std::vector<Sheet> sheets;
    std::map<std::string, std::string>
        properties;                   // document custom properties (ODF meta:user-defined, OOXML docProps/custom.xml)
    std::vector<std::string> parts;   // entry names of the zip package (none for flat XML), e.g. to spot macros
    const Sheet* sheet(const std::string& name) const;   // nullptr when absent
};

// Limits that keep a hostile or broken file from eating memory or time.
struct ReadLimits {
    std::uint64_t maxFileBytes = 64ull << 20;    // the package on disk
    std::uint64_t maxEntryBytes = 64ull << 20;   // one uncompressed XML part
    std::uint64_t maxCells = 2'000'000;          // non-empty cells in the whole workbook
    std::uint32_t maxColumns = 1024;             // a cell further right than this is an error
    std::uint32_t maxRows = 100'000;             // a non-empty cell further down than this is an error
    std::uint64_t maxTextBytes = 64ull << 20;    // all cell text together (repeats and shared strings multiply it)
};

// Reads a workbook; the kind is taken from the content (zip package with an
// ODF mimetype or an OOXML workbook), not from the file name. Throws Error
// naming the file and what to do, in Indonesian and English, when the file
// is not a readable spreadsheet (legacy .xls, encrypted, damaged, too large).
Workbook readWorkbook(const std::filesystem::path& file, const ReadLimits& limits = {});

// "A1"-style address of a 0-based (row, col).
std::string cellAddress(std::size_t row, std::size_t col);

}   // namespace evakin
