#include "io/ods_table.hpp"

#include <charconv>
#include <cstdio>
#include <cstring>

#include "io/format_id.hpp"
#include "io/sheet_reader.hpp"

namespace evakin {

namespace {

unsigned repeat(pugi::xml_node n, const char* attr)
{
    const unsigned r = n.attribute(attr).as_uint(1);
    return r == 0 ? 1 : r;
}

std::string cellText(pugi::xml_node cell)
{
    std::string out;
    for (pugi::xml_node p : cell.children("text:p")) out += p.text().get();
    return out;
}

// "$Evaluasi.$A$1": the sheet name quoted when it needs it.
std::string sheetRef(const std::string& sheet)
{
    if (sheet.find_first_of(" .'-") == std::string::npos) return "$" + sheet;
    std::string quoted = "$'";
    for (char c : sheet) quoted += (c == '\'' ? std::string("''") : std::string(1, c));
    return quoted + "'";
}

std::string absolute(std::size_t row, std::size_t col)
{
    const std::string a1 = cellAddress(row, col);
    const std::size_t digits = a1.find_first_of("0123456789");
    return "$" + a1.substr(0, digits) + "$" + a1.substr(digits);
}

// The style to name on a cell with a value: none when it is the row's default.
const char* ownStyle(const char* style, const char* rowDefault)
{
    return style && rowDefault && std::strcmp(style, rowDefault) == 0 ? nullptr : style;
}

}   // namespace

pugi::xml_node OdsRow::cell(const char* style)
{
    pugi::xml_node c = row_.append_child("table:table-cell");
    if (style) c.append_attribute("table:style-name") = style;
    return c;
}

void OdsRow::text(const std::string& value, const char* style, int colSpan, int rowSpan)
{
    pugi::xml_node c = cell(style);
    if (colSpan > 1 || rowSpan > 1) {
        c.append_attribute("table:number-columns-spanned") = colSpan;
        c.append_attribute("table:number-rows-spanned") = rowSpan;
    }
    if (value.empty()) return;
    c.append_attribute("office:value-type") = "string";
    c.append_child("text:p").text().set(value.c_str());
}

void OdsRow::number(double value, const char* style, const char* validation)
{
    pugi::xml_node c = cell(style);
    if (validation) c.append_attribute("table:content-validation-name") = validation;
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value);
    c.append_attribute("office:value-type") = "float";
    c.append_attribute("office:value") = std::string(buf, res.ptr).c_str();
    c.append_child("text:p").text().set(formatNumberId(value).c_str());
}

void OdsRow::empty(const char* style, const char* validation)
{
    pugi::xml_node c = cell(style);
    if (validation) c.append_attribute("table:content-validation-name") = validation;
}

void OdsRow::covered(int count)
{
    pugi::xml_node c = row_.append_child("table:covered-table-cell");
    if (count > 1) c.append_attribute("table:number-columns-repeated") = count;
}

void appendEscapedXml(std::string& out, std::string_view text)
{
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0) break;
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c < 32 && c != '\t' && c != '\n' && c != '\r') {
            const char ref[] = {'&', '#', static_cast<char>('0' + c / 10), static_cast<char>('0' + c % 10), ';'};
            out.append(ref, sizeof ref);
        } else
            out += ch;
    }
}

OdsTextRow::OdsTextRow(std::string& out, const char* defaultStyle) : out_(out), defaultStyle_(defaultStyle)
{
    out_ += "<table:table-row";
    if (defaultStyle_) out_.append(" table:default-cell-style-name=\"").append(defaultStyle_) += '"';
}

void OdsTextRow::open(const char* element, const char* style)
{
    flushEmpty();
    if (!cells_) out_ += '>';
    cells_ = true;
    out_ += '<';
    out_ += element;
    if (style) out_.append(" table:style-name=\"").append(style) += '"';
}

void OdsTextRow::flushEmpty()
{
    if (emptyRun_ == 0) return;
    const int run = emptyRun_;
    emptyRun_ = 0;   // before open(), which flushes
    open("table:table-cell", emptyStyle_);
    if (run > 1) out_.append(" table:number-columns-repeated=\"").append(std::to_string(run)) += '"';
    out_ += "/>";
}

void OdsTextRow::text(std::string_view value, const char* style, int colSpan, int rowSpan)
{
    open("table:table-cell", value.empty() ? style : ownStyle(style, defaultStyle_));
    if (colSpan > 1 || rowSpan > 1)
        out_.append(" table:number-columns-spanned=\"")
            .append(std::to_string(colSpan))
            .append("\" table:number-rows-spanned=\"")
            .append(std::to_string(rowSpan)) += '"';
    if (value.empty()) {
        out_ += "/>";
        return;
    }
    out_ += " office:value-type=\"string\"><text:p>";
    appendEscapedXml(out_, value);
    out_ += "</text:p></table:table-cell>";
}

void OdsTextRow::number(double value, const char* style)
{
    open("table:table-cell", ownStyle(style, defaultStyle_));
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 15);
    out_ += " office:value-type=\"float\" office:value=\"";
    out_.append(buf, res.ptr);
    out_ += "\"/>";
}

void OdsTextRow::empty(const char* style)
{
    const bool sameStyle = style == emptyStyle_ || (style && emptyStyle_ && std::strcmp(style, emptyStyle_) == 0);
    if (emptyRun_ > 0 && !sameStyle) flushEmpty();
    emptyStyle_ = style;
    ++emptyRun_;
}

void OdsTextRow::covered(int count)
{
    open("table:covered-table-cell", nullptr);
    if (count > 1) out_.append(" table:number-columns-repeated=\"").append(std::to_string(count)) += '"';
    out_ += "/>";
}

void OdsTextRow::end()
{
    flushEmpty();
    out_ += cells_ ? "</table:table-row>" : "/>";
}

OdsTableBuilder::OdsTableBuilder(pugi::xml_node table, pugi::xml_node beforeRow) : table_(table), before_(beforeRow)
{
    for (pugi::xml_node r = table.child("table:table-row"); r && r != beforeRow; r = r.next_sibling("table:table-row"))
        next_ += repeat(r, "table:number-rows-repeated");
}

OdsRow OdsTableBuilder::row(const char* rowStyle)
{
    ++next_;
    pugi::xml_node r =
        before_ ? table_.insert_child_before("table:table-row", before_) : table_.append_child("table:table-row");
    if (rowStyle) r.append_attribute("table:style-name") = rowStyle;
    return OdsRow(r);
}

pugi::xml_node findRowWithText(pugi::xml_node table, const std::string& text)
{
    for (pugi::xml_node r : table.children("table:table-row"))
        for (pugi::xml_node c : r.children("table:table-cell"))
            if (cellText(c) == text) return r;
    return {};
}

std::map<std::string, std::pair<std::size_t, std::size_t>> turnInputPlaceholdersIntoCells(pugi::xml_node table)
{
    std::map<std::string, std::pair<std::size_t, std::size_t>> found;
    std::size_t rowIndex = 0;
    for (pugi::xml_node r : table.children("table:table-row")) {
        std::size_t col = 0;
        for (pugi::xml_node c : r.children()) {
            const std::string text = cellText(c);
            if (text.rfind("{isian:", 0) == 0 && text.back() == '}') {
                found[text.substr(7, text.size() - 8)] = {rowIndex, col};
                while (c.child("text:p")) c.remove_child("text:p");
                c.remove_attribute("office:value-type");
            }
            col += repeat(c, "table:number-columns-repeated");
        }
        rowIndex += repeat(r, "table:number-rows-repeated");
    }
    return found;
}

NamedRanges::NamedRanges(pugi::xml_node spreadsheet, std::string sheetName) : sheet_(std::move(sheetName))
{
    expressions_ = spreadsheet.child("table:named-expressions");
    if (!expressions_) {
        // Schema order: after the last table, before database ranges and the rest.
        pugi::xml_node lastTable;
        for (pugi::xml_node t : spreadsheet.children("table:table")) lastTable = t;
        expressions_ = spreadsheet.insert_child_after("table:named-expressions", lastTable);
    }
}

void NamedRanges::add(const std::string& name, std::size_t row1, std::size_t col1, std::size_t row2, std::size_t col2)
{
    pugi::xml_node n = expressions_.append_child("table:named-range");
    n.append_attribute("table:name") = name.c_str();
    n.append_attribute("table:base-cell-address") = (sheetRef(sheet_) + ".$A$1").c_str();
    n.append_attribute("table:cell-range-address") =
        (sheetRef(sheet_) + "." + absolute(row1, col1) + ":." + absolute(row2, col2)).c_str();
}

namespace {

// "2.2cm", "22mm", "1in", "60pt" in centimetres; 0 when unreadable.
double lengthCm(const std::string& v)
{
    double n = 0;
    const auto res = std::from_chars(v.data(), v.data() + v.size(), n);
    const std::string unit(res.ptr, v.data() + v.size());
    if (unit == "cm") return n;
    if (unit == "mm") return n / 10;
    if (unit == "in") return n * 2.54;
    if (unit == "pt") return n * 2.54 / 72;
    return 0;
}

pugi::xml_node styleNamed(pugi::xml_node styles, const char* name)
{
    for (pugi::xml_node s : styles.children("style:style"))
        if (std::strcmp(s.attribute("style:name").value(), name) == 0) return s;
    return {};
}

}   // namespace

void widenColumns(pugi::xml_node table, pugi::xml_node automaticStyles, const std::vector<double>& leastCm)
{
    std::size_t index = 0;
    for (pugi::xml_node c = table.child("table:table-column"); c && index < leastCm.size();
         c = c.next_sibling("table:table-column")) {
        // One element per column from here on, so each can take its own width.
        for (unsigned r = repeat(c, "table:number-columns-repeated"); r > 1; --r) {
            pugi::xml_node copy = table.insert_copy_after(c, c);
            copy.remove_attribute("table:number-columns-repeated");
        }
        c.remove_attribute("table:number-columns-repeated");
        const double least = leastCm[index++];
        if (least <= 0) continue;
        const pugi::xml_node style = styleNamed(automaticStyles, c.attribute("table:style-name").value());
        const double now =
            lengthCm(style.child("style:table-column-properties").attribute("style:column-width").value());
        if (now >= least) continue;
        const std::string name = "co_evakin_" + std::to_string(index);
        pugi::xml_node s = automaticStyles.append_child("style:style");
        s.append_attribute("style:name") = name.c_str();
        s.append_attribute("style:family") = "table-column";
        pugi::xml_node p = s.append_child("style:table-column-properties");
        p.append_attribute("fo:break-before") = "auto";
        char width[32];
        std::snprintf(width, sizeof width, "%.1fcm", static_cast<double>(static_cast<int>(least * 10 + 0.999)) / 10);
        p.append_attribute("style:column-width") = width;
        pugi::xml_attribute styleName = c.attribute("table:style-name");
        if (!styleName) styleName = c.append_attribute("table:style-name");
        styleName.set_value(name.c_str());
    }
}

void repeatRowsOnEveryPage(pugi::xml_node table, std::size_t first, std::size_t count)
{
    std::vector<pugi::xml_node> rows;
    std::size_t index = 0;
    for (pugi::xml_node r = table.child("table:table-row"); r && rows.size() < count;
         r = r.next_sibling("table:table-row")) {
        if (index >= first) rows.push_back(r);
        index += repeat(r, "table:number-rows-repeated");
    }
    if (rows.empty() || table.child("table:table-header-rows")) return;
    pugi::xml_node header = table.insert_child_before("table:table-header-rows", rows.front());
    for (pugi::xml_node r : rows) header.append_move(r);
}

void setPrintRange(pugi::xml_node table, std::size_t lastCol)
{
    std::size_t rows = 0;
    for (pugi::xml_node r = table.first_child(); r; r = r.next_sibling()) {
        if (std::strcmp(r.name(), "table:table-row") == 0) rows += repeat(r, "table:number-rows-repeated");
        if (std::strcmp(r.name(), "table:table-header-rows") == 0)
            for (pugi::xml_node h : r.children("table:table-row")) rows += repeat(h, "table:number-rows-repeated");
    }
    const std::size_t lastRow = rows == 0 ? 0 : rows - 1;
    const std::string sheet = sheetRef(table.attribute("table:name").value());
    const std::string range = sheet + "." + absolute(0, 0) + ":" + sheet + "." + absolute(lastRow, lastCol);
    table.remove_attribute("table:print-ranges");
    table.append_attribute("table:print-ranges") = range.c_str();
}

}   // namespace evakin
