#include "report/report_xml.hpp"

#include "io/format_id.hpp"

namespace evakin::report {

void appendText(pugi::xml_node p, const std::string& text)
{
    std::string run;
    const auto flush = [&] {
        if (!run.empty()) p.append_child(pugi::node_pcdata).set_value(run.c_str());
        run.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            flush();
            p.append_child("text:line-break");
        } else if (c == '\t') {
            flush();
            p.append_child("text:tab");
        } else if (c == '\r') {
            continue;
        } else if (c == ' ' && (i == 0 || text[i - 1] == ' ' || i + 1 == text.size())) {
            // ODF collapses white space: a leading, trailing or repeated space needs text:s.
            flush();
            p.append_child("text:s");
        } else {
            run += c;
        }
    }
    flush();
}

pugi::xml_node appendParagraph(pugi::xml_node parent, const char* style, const std::string& text)
{
    pugi::xml_node p = parent.append_child("text:p");
    p.append_attribute("text:style-name") = style;
    appendText(p, text);
    return p;
}

pugi::xml_node Cursor::paragraph(const char* style, const std::string& text) const
{
    pugi::xml_node p = add("text:p");
    p.append_attribute("text:style-name") = style;
    appendText(p, text);
    return p;
}

pugi::xml_node Cursor::heading(const char* style, int level, const std::string& text) const
{
    pugi::xml_node h = add("text:h");
    h.append_attribute("text:style-name") = style;
    h.append_attribute("text:outline-level") = level;
    appendText(h, text);
    return h;
}

bool StyleSet::has(const char* name) { return !done_.insert(name).second; }

const char* StyleSet::table(const char* name, const char* width)
{
    if (has(name)) return name;
    pugi::xml_node s = auto_.append_child("style:style");
    s.append_attribute("style:name") = name;
    s.append_attribute("style:family") = "table";
    pugi::xml_node p = s.append_child("style:table-properties");
    p.append_attribute("style:width") = width;
    p.append_attribute("table:align") = "left";
    p.append_attribute("fo:margin-top") = "0.15cm";
    p.append_attribute("fo:margin-bottom") = "0.15cm";
    return name;
}

const char* StyleSet::column(const char* name, const char* width)
{
    if (has(name)) return name;
    pugi::xml_node s = auto_.append_child("style:style");
    s.append_attribute("style:name") = name;
    s.append_attribute("style:family") = "table-column";
    s.append_child("style:table-column-properties").append_attribute("style:column-width") = width;
    return name;
}

const char* StyleSet::cell(const char* name, const char* background, const char* valign)
{
    if (has(name)) return name;
    pugi::xml_node s = auto_.append_child("style:style");
    s.append_attribute("style:name") = name;
    s.append_attribute("style:family") = "table-cell";
    pugi::xml_node p = s.append_child("style:table-cell-properties");
    p.append_attribute("fo:padding") = "0.04cm";
    p.append_attribute("fo:border") = "0.5pt solid #000000";
    if (*background) p.append_attribute("fo:background-color") = background;
    p.append_attribute("style:vertical-align") = valign;
    return name;
}

const char* StyleSet::paragraph(const char* name, const char* parent, const char* attr, const char* value)
{
    if (has(name)) return name;
    pugi::xml_node s = auto_.append_child("style:style");
    s.append_attribute("style:name") = name;
    s.append_attribute("style:family") = "paragraph";
    s.append_attribute("style:parent-style-name") = parent;
    if (attr) s.append_child("style:paragraph-properties").append_attribute(attr) = value;
    return name;
}

pugi::xml_node addCell(pugi::xml_node row, const char* cellStyle, const char* paraStyle, const std::string& text,
                       int cols, int rows)
{
    // Writer needs no office:value-type in text tables; a null style falls back to the
    // column's default cell style. Both keep a 40 x 200 report's content.xml small.
    pugi::xml_node c = row.append_child("table:table-cell");
    if (cellStyle) c.append_attribute("table:style-name") = cellStyle;
    if (cols > 1) c.append_attribute("table:number-columns-spanned") = cols;
    if (rows > 1) c.append_attribute("table:number-rows-spanned") = rows;
    appendParagraph(c, paraStyle, text);
    return c;
}

void addCovered(pugi::xml_node row, int n)
{
    pugi::xml_node c = row.append_child("table:covered-table-cell");
    if (n > 1) c.append_attribute("table:number-columns-repeated") = n;
}

std::string kText(const std::optional<double>& v) { return v ? formatNumberId(*v, 2) : "-"; }

std::string rpText(const std::optional<double>& v) { return v ? formatNumberId(*v, 0) : "-"; }

std::string figureText(const Figure& f, int decimals)
{
    if (f.ok()) return formatNumberId(*f.value, decimals);
    switch (f.why) {
        case NotComputable::noTarget: return "t.d.h.: target kosong";
        case NotComputable::zeroTarget: return "t.d.h.: target 0";
        case NotComputable::zeroRealisation: return "t.d.h.: realisasi 0";
        default: return "-";
    }
}

std::string percentText(const Figure& f)
{
    if (f.ok()) return formatNumberId(*f.value, 2) + "%";
    return notComputableText(f.why).id;
}

}   // namespace evakin::report
