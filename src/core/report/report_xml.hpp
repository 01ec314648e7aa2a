// Small building blocks for the report body: where generated content goes
// (a cursor before the placeholder paragraph it replaces), paragraphs,
// table cells, the automatic styles the generated tables need, and how
// numbers and "not computable" values are written in Indonesian.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <set>
#include <string>

#include "model/evaluation.hpp"

namespace evakin::report {

// Generated nodes are inserted before `before` (the placeholder paragraph).
struct Cursor {
    pugi::xml_node parent, before;
    pugi::xml_node add(const char* name) const
    {
        pugi::xml_node p = parent;   // xml_node is a handle: a copy edits the same tree
        return p.insert_child_before(name, before);
    }
    pugi::xml_node paragraph(const char* style, const std::string& text) const;
    pugi::xml_node heading(const char* style, int level, const std::string& text) const;
};

// Appends text to a paragraph (or span) keeping runs of spaces, tabs and
// line breaks as ODF elements (text:s, text:tab, text:line-break), as Writer does.
void appendText(pugi::xml_node p, const std::string& text);
pugi::xml_node appendParagraph(pugi::xml_node parent, const char* style, const std::string& text);

// Automatic styles for generated tables, added once each to office:automatic-styles.
class StyleSet {
public:
    explicit StyleSet(pugi::xml_node automaticStyles) : auto_(automaticStyles) {}
    // A table of `width` (e.g. "30cm").
    const char* table(const char* name, const char* width);
    const char* column(const char* name, const char* width);
    // A cell: border, padding, background ("" for none), vertical alignment.
    const char* cell(const char* name, const char* background, const char* valign = "top");
    // A paragraph style with a parent and extra paragraph properties (attribute, value pairs).
    const char* paragraph(const char* name, const char* parent, const char* attr = nullptr,
                          const char* value = nullptr);
    pugi::xml_node node() const { return auto_; }

private:
    bool has(const char* name);
    pugi::xml_node auto_;
    std::set<std::string> done_;
};

// A table cell holding one paragraph; spans set table:number-*-spanned; a null cellStyle uses the column's default.
pugi::xml_node addCell(pugi::xml_node row, const char* cellStyle, const char* paraStyle, const std::string& text,
                       int cols = 1, int rows = 1);
void addCovered(pugi::xml_node row, int n = 1);

// Indonesian numbers: K with up to 2 decimals, Rp whole, "-" when absent.
std::string kText(const std::optional<double>& v);
std::string rpText(const std::optional<double>& v);
// A figure, or its reason: "-" (no data yet), "t.d.h.: target 0", ...
std::string figureText(const Figure& f, int decimals);
// "87,5%" or the long reason ("belum ada data").
std::string percentText(const Figure& f);

}   // namespace evakin::report
