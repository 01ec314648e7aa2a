// Small helpers to write rows and cells of an ODF spreadsheet table with
// pugixml, and to add named ranges. Cells reference the template's named
// cell styles ("Evakin_..."), which keep their names when staff edit the
// template in LibreOffice.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace evakin {

class OdsRow {
public:
    explicit OdsRow(pugi::xml_node row) : row_(row) {}
    void text(const std::string& value, const char* style, int colSpan = 1, int rowSpan = 1);
    // A float cell; the text shown is the Indonesian rendering (1.234,5).
    void number(double value, const char* style, const char* validation = nullptr);
    void empty(const char* style, const char* validation = nullptr);
    void covered(int count = 1);

private:
    pugi::xml_node cell(const char* style);
    pugi::xml_node row_;
};

// OdsRow's cells written straight as XML text. For tables of hundreds of
// thousands of cells, where building a DOM and printing it costs more than
// all the reading and checking. Unlike OdsRow, and to keep such tables small
// (their size is most of the time spent compressing them): number cells carry
// no display text, only office:value (spreadsheet applications format it with
// the cell style's data style), and adjacent empty cells of one style are one
// element with table:number-columns-repeated. The row is closed by end().
//
// A row may name a default cell style (table:default-cell-style-name): cells
// with a value in that style then carry no style name of their own, which
// takes a quarter off a numeric table. Empty cells always name their style:
// LibreOffice applies a row's default style only to cells that hold a value.
// (Column default styles would not do: they style the whole column, down to
// the sheet's last row.) Values are written with 15 significant digits, as
// spreadsheets keep them, so 0.1 * 3 is stored as 0.3 and not 0.30000000000000004.
class OdsTextRow {
public:
    explicit OdsTextRow(std::string& out, const char* defaultStyle = nullptr);
    void text(std::string_view value, const char* style, int colSpan = 1, int rowSpan = 1);
    void number(double value, const char* style);
    void empty(const char* style);
    void covered(int count = 1);
    void end();

private:
    void open(const char* element, const char* style);
    void flushEmpty();
    std::string& out_;
    const char* defaultStyle_;
    bool cells_ = false;
    const char* emptyStyle_ = nullptr;   // the pending run of empty cells, written when a different cell follows
    int emptyRun_ = 0;
};

// Appends `text` escaped as XML character data, as pugixml writes it (it stops at a NUL, like c_str()).
void appendEscapedXml(std::string& out, std::string_view text);

// Inserts rows into a table before a given row (the template's marker row), or at its end when that row is null.
class OdsTableBuilder {
public:
    OdsTableBuilder(pugi::xml_node table, pugi::xml_node beforeRow);
    OdsRow row(const char* rowStyle = nullptr);   // rowStyle: a table-row style of the template, e.g. a fixed height
    std::size_t nextRowIndex() const { return next_; }   // 0-based index of the next row added

private:
    pugi::xml_node table_;
    pugi::xml_node before_;
    std::size_t next_ = 0;
};

// The first table row with a cell whose text is exactly `text`.
pugi::xml_node findRowWithText(pugi::xml_node table, const std::string& text);

// Empties every cell holding "{isian:NAME}" (it keeps its input style) and
// returns NAME -> 0-based (row, col).
std::map<std::string, std::pair<std::size_t, std::size_t>> turnInputPlaceholdersIntoCells(pugi::xml_node table);

// table:named-expressions of a spreadsheet, for ranges on one sheet.
class NamedRanges {
public:
    NamedRanges(pugi::xml_node spreadsheet, std::string sheetName);
    void add(const std::string& name, std::size_t row1, std::size_t col1, std::size_t row2, std::size_t col2);

private:
    pugi::xml_node expressions_;
    std::string sheet_;
};

// Page set-up of a sheet for printing (issue 15: nothing hidden, nothing cut).
//
// Widens the sheet's columns to at least leastCm[i] (0: leave it): a number
// wider than its column shows "###", and the units cannot widen the columns
// of a protected sheet. Each widened column gets its own automatic style; a
// repeated column element is split first.
void widenColumns(pugi::xml_node table, pugi::xml_node automaticStyles, const std::vector<double>& leastCm);
// Moves `count` rows from the 0-based row `first` (direct children of the
// table, one row each) into table:table-header-rows, so they are printed
// again at the top of every page.
void repeatRowsOnEveryPage(pugi::xml_node table, std::size_t first, std::size_t count);
// table:print-ranges of the sheet: all its rows, columns 0..lastCol.
void setPrintRange(pugi::xml_node table, std::size_t lastCol);

}   // namespace evakin
