// OpenDocument spreadsheet content (content.xml of an .ods, or the whole of a
// flat .fods) and its meta:user-defined properties. Elements are matched by
// their conventional prefixes (office:, table:, text:), which every ODF
// writer in practice uses.
#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_set>

#include "io/sheet_reader_internal.hpp"

namespace evakin::sheet_reader {

namespace {

// Name equality for the comparisons made for every row, cell and attribute:
// std::strcmp compares a word at a time where eq() goes byte by byte, and
// these names share long prefixes ("table:", "office:value").
bool sameName(const char* a, const char* b) { return std::strcmp(a, b) == 0; }

// Repeat counts above this only ever occur on empty cells and rows (LibreOffice
// writes 1048576-row repeats); capping keeps the arithmetic far from overflow.
constexpr std::uint64_t kMaxRepeat = 1ull << 31;
// Row groups nest a few levels in real files; deeper means a hostile file.
constexpr int kMaxNesting = 32;
// A single text:s beyond this is cut; the text limit applies to the rest.
constexpr std::uint64_t kMaxSpaces = 1u << 16;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Characters that end the fast copy in paragraph(): NUL and white space.
struct StopTable {
    bool stop[256] = {};
    constexpr StopTable()
    {
        stop[0] = stop[static_cast<unsigned char>(' ')] = stop[static_cast<unsigned char>('\t')] = true;
        stop[static_cast<unsigned char>('\n')] = stop[static_cast<unsigned char>('\r')] = true;
    }
};
constexpr StopTable kStop;

// A repeat/count attribute value: 1 when absent or invalid, saturating when huge.
std::uint64_t countValue(const char* s, std::uint64_t cap)
{
    std::uint64_t n = 0;
    for (; *s >= '0' && *s <= '9'; ++s) n = std::min(cap, n * 10 + static_cast<std::uint64_t>(*s - '0'));
    return n == 0 || *s ? 1 : n;
}

std::uint64_t countAttr(const pugi::xml_node& node, const char* attr, std::uint64_t cap)
{
    return countValue(node.attribute(attr).value(), cap);
}

// The attributes of a cell that matter, found in one pass: looking each up by
// name would compare every attribute several times, for every cell.
struct CellAttributes {
    const char* type = "";                  // office:value-type
    const char* value = "";                 // office:value
    const char* date = "";                  // office:date-value
    const char* time = "";                  // office:time-value
    const char* boolean = "";               // office:boolean-value
    const char* string = "";                // office:string-value
    const char* repeat = "";                // table:number-columns-repeated
    pugi::xml_attribute calcextAttribute;   // perhaps calcext:value-type

    // LibreOffice marks formula errors with calcext:value-type="error".
    bool isError() const
    {
        return calcextAttribute && eq(calcextAttribute.name(), "calcext:value-type") &&
               eq(calcextAttribute.value(), "error");
    }

    explicit CellAttributes(const pugi::xml_node& cell)
    {
        for (pugi::xml_attribute a = cell.first_attribute(); a; a = a.next_attribute()) {
            // Dispatch on the first letters: this runs for every attribute of every cell.
            const char* name = a.name();
            if (name[0] == 'o') {
                if (std::strncmp(name, "office:", 7) != 0) continue;
                const char* local = name + 7;
                switch (local[0]) {
                    case 'v':
                        if (sameName(local, "value-type"))
                            type = a.value();
                        else if (sameName(local, "value"))
                            value = a.value();
                        break;
                    case 'd':
                        if (sameName(local, "date-value")) date = a.value();
                        break;
                    case 't':
                        if (sameName(local, "time-value")) time = a.value();
                        break;
                    case 'b':
                        if (sameName(local, "boolean-value")) boolean = a.value();
                        break;
                    case 's':
                        if (sameName(local, "string-value")) string = a.value();
                        break;
                    default: break;
                }
            } else if (name[0] == 't') {
                if (sameName(name, "table:number-columns-repeated")) repeat = a.value();
            } else if (name[0] == 'c') {
                calcextAttribute = a;   // compared only when it matters: string-typed cells
            }
        }
    }
};

// ODF duration "PT10H30M00S" (office:time-value) as a fraction of a day.
bool parseDuration(const char* s, double& days)
{
    const bool negative = *s == '-';
    if (negative) ++s;
    if (*s++ != 'P') return false;
    double total = 0, value = 0, scale = 0;
    bool inTime = false, any = false;
    for (; *s; ++s) {
        if (*s >= '0' && *s <= '9') {
            if (scale > 0) {
                value += (*s - '0') * scale;
                scale /= 10;
            } else {
                value = value * 10 + (*s - '0');
            }
            any = true;
            continue;
        }
        double unit = 0;
        if (*s == 'T')
            inTime = true;
        else if (*s == '.' || *s == ',')
            scale = 0.1;
        else if (*s == 'D' && !inTime)
            unit = 1;
        else if (*s == 'H' && inTime)
            unit = 1.0 / 24;
        else if (*s == 'M' && inTime)
            unit = 1.0 / 1440;
        else if (*s == 'S' && inTime)
            unit = 1.0 / 86400;
        else
            return false;
        if (unit > 0) {
            total += value * unit;
            value = 0;
            scale = 0;
        }
    }
    days = negative ? -total : total;
    return any;
}

class OdsSheetReader {
public:
    explicit OdsSheetReader(ReadContext& ctx) : ctx_(ctx) {}

    void read(const pugi::xml_node& table, Sheet& sheet)
    {
        sheet_ = &sheet;
        row_ = 0;
        rowsIn(table, 0);
    }

private:
    // Rows sit directly in table:table or in header/row groups, which nest.
    void rowsIn(const pugi::xml_node& parent, int depth)
    {
        if (depth > kMaxNesting) ctx_.fail(ZipReader::damagedText());
        for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
            if (sameName(n.name(), "table:table-row"))
                readRow(n);
            else if (nameIs(n, "table:table-row-group") || nameIs(n, "table:table-header-rows") ||
                     nameIs(n, "table:table-rows"))
                rowsIn(n, depth + 1);
        }
    }

    // Repeated cells and rows are expanded only when they hold something;
    // limits are checked before anything is stored.
    void readRow(const pugi::xml_node& tr)
    {
        const std::uint64_t rowRepeat = countAttr(tr, "table:number-rows-repeated", kMaxRepeat);
        std::vector<Cell> cells;
        cells.reserve(lastRowSize_);
        std::uint64_t col = 0;
        for (pugi::xml_node c = tr.first_child(); c; c = c.next_sibling()) {
            const char* name = c.name();
            if (!sameName(name, "table:table-cell") && !sameName(name, "table:covered-table-cell")) continue;
            const CellAttributes attributes(c);
            const std::uint64_t colRepeat = countValue(attributes.repeat, kMaxRepeat);
            Cell cell;
            readCell(c, attributes, cell);
            if (!cell.empty()) {
                ctx_.checkPosition(*sheet_, row_, col);
                ctx_.checkPosition(*sheet_, row_ + rowRepeat - 1, col + colRepeat - 1);
                const std::uint64_t copies = colRepeat * rowRepeat;   // both bounded by the positions just checked
                ctx_.account(copies, mulSat(cell.text.size(), copies));
                ctx_.reserveSlots(col + colRepeat - cells.size());
                cells.resize(static_cast<std::size_t>(col));
                for (std::uint64_t i = 1; i < colRepeat; ++i) cells.push_back(cell);
                cells.push_back(std::move(cell));
            }
            col += colRepeat;
        }
        if (!cells.empty()) {
            lastRowSize_ = cells.size();
            std::vector<std::vector<Cell>>& rows = sheet_->rows;
            ctx_.reserveSlots(row_ - rows.size() + mulSat(rowRepeat - 1, cells.size() + 1) + 1);
            rows.resize(static_cast<std::size_t>(row_));
            for (std::uint64_t i = 1; i < rowRepeat; ++i) rows.push_back(cells);
            rows.push_back(std::move(cells));
        }
        row_ += rowRepeat;
    }

    void readCell(const pugi::xml_node& c, const CellAttributes& a, Cell& cell)
    {
        const char* type = a.type;
        if (!*type) {
            // No value type: an empty (perhaps only styled) cell, or text from
            // a writer that leaves the type out.
            if (c.first_child()) paragraphs(c, cell.text);
            if (!cell.text.empty()) cell.type = Cell::Type::text;
            return;
        }
        if (eq(type, "float") || eq(type, "percentage") || eq(type, "currency")) {
            paragraphs(c, cell.text);
            if (parseNumber(a.value, cell.number)) {
                cell.type = Cell::Type::number;
                if (cell.text.empty()) cell.text = a.value;
            } else if (*a.value) {
                // A value that overflows or underflows a double ("1e999", 400 digits): the stored value,
                // not the display text ("0", "###"), so that the reader of the cell refuses it.
                cell.text = a.value;
                cell.type = Cell::Type::text;
            } else if (!cell.text.empty()) {
                cell.type = Cell::Type::text;
            }
        } else if (eq(type, "date")) {
            // The text is normalised ISO 8601, as for .xlsx, whatever the writer's spelling.
            if (daysFromIsoDate(a.date, cell.number) && isoFromDays(cell.number, cell.text)) {
                cell.type = Cell::Type::date;
            } else {
                cell.text.clear();
                paragraphs(c, cell.text);
                if (!cell.text.empty()) cell.type = Cell::Type::text;
            }
        } else if (eq(type, "time")) {
            paragraphs(c, cell.text);
            if (parseDuration(a.time, cell.number)) {
                cell.type = Cell::Type::number;
                if (cell.text.empty()) cell.text = a.time;
            } else if (!cell.text.empty()) {
                cell.type = Cell::Type::text;
            }
        } else if (eq(type, "boolean")) {
            const bool value = eq(a.boolean, "true") || eq(a.boolean, "1");
            cell.type = Cell::Type::boolean;
            cell.number = value ? 1 : 0;
            paragraphs(c, cell.text);
            if (cell.text.empty()) cell.text = value ? "TRUE" : "FALSE";
        } else if (a.isError()) {   // office:value-type says "string" for these
            paragraphs(c, cell.text);
            cell.type = Cell::Type::error;
        } else {
            // "string" (a formula's string result carries office:string-value) or unknown types.
            if (*a.string)
                cell.text = a.string;
            else
                paragraphs(c, cell.text);
            if (!cell.text.empty()) cell.type = Cell::Type::text;
        }
    }

    // The cell's paragraphs, joined with '\n'.
    void paragraphs(const pugi::xml_node& cell, std::string& out)
    {
        bool first = true;
        for (pugi::xml_node p = cell.first_child(); p; p = p.next_sibling()) {
            if (!nameIs(p, "text:p") && !nameIs(p, "text:h")) continue;
            if (!first) out += '\n';
            first = false;
            paragraph(p, out);
        }
    }

    // One paragraph's text with ODF white-space rules (ODF 1.2 part 1, 6.1.2):
    // runs of spaces, tabs and newlines in the XML count as one space and are
    // dropped at the start; text:s, text:tab and text:line-break are literal.
    // Walked iteratively, so deeply nested spans cannot exhaust the stack.
    void paragraph(const pugi::xml_node& p, std::string& out)
    {
        bool afterSpace = true;
        pugi::xml_node n = p.first_child();
        while (n) {
            bool descend = false;
            const pugi::xml_node_type type = n.type();
            if (type == pugi::node_pcdata || type == pugi::node_cdata) {
                // Most text has nothing to collapse: copy up to the first
                // character that needs the rules, in one append.
                const char* text = n.value();
                const char* s = text;
                if (!(afterSpace && *s == ' ')) {
                    for (;;) {   // words, and single spaces followed by a word
                        while (!kStop.stop[static_cast<unsigned char>(*s)]) ++s;
                        if (*s != ' ' || s[1] == '\0' || isSpace(s[1])) break;
                        ++s;
                    }
                }
                if (s != text) {
                    out.append(text, static_cast<std::size_t>(s - text));
                    afterSpace = false;
                }
                while (*s) {
                    const char* run = s;
                    while (*s && !isSpace(*s)) ++s;
                    if (s != run) {
                        out.append(run, static_cast<std::size_t>(s - run));
                        afterSpace = false;
                    }
                    if (!*s) break;
                    if (!afterSpace) out += ' ';
                    afterSpace = true;
                    while (isSpace(*s)) ++s;
                }
            } else if (type == pugi::node_element) {
                const char* name = n.name();
                if (eq(name, "text:s")) {
                    out.append(static_cast<std::size_t>(countAttr(n, "text:c", kMaxSpaces)), ' ');
                    afterSpace = false;
                } else if (eq(name, "text:tab")) {
                    out += '\t';
                    afterSpace = false;
                } else if (eq(name, "text:line-break")) {
                    out += '\n';
                    afterSpace = false;
                } else {
                    // Spans, links, fields: their text shows. Notes, comments,
                    // ruby annotations and drawings do not.
                    descend = !eq(name, "text:note") && !eq(name, "text:ruby-text") &&
                              !afterPrefix(name, "office:annotation") && !afterPrefix(name, "draw:");
                }
            }
            ctx_.checkText(out.size());
            if (descend && n.first_child()) {
                n = n.first_child();
                continue;
            }
            while (n != p && !n.next_sibling()) n = n.parent();
            n = n == p ? pugi::xml_node() : n.next_sibling();
        }
    }

    ReadContext& ctx_;
    Sheet* sheet_ = nullptr;
    std::uint64_t row_ = 0;
    std::size_t lastRowSize_ = 0;   // the previous filled row's width (counted): reserved for the next
};

}   // namespace

void readOdfBody(pugi::xml_node root, ReadContext& ctx, Workbook& book)
{
    const pugi::xml_node spreadsheet = root.child("office:body").child("office:spreadsheet");
    if (!spreadsheet) ctx.fail(notSpreadsheetText());

    // A sheet is hidden through its table style: table:display="false".
    std::unordered_set<std::string_view> hiddenStyles;
    for (const char* group : {"office:automatic-styles", "office:styles"}) {
        for (pugi::xml_node style = root.child(group).child("style:style"); style;
             style = style.next_sibling("style:style")) {
            const char* name = style.attribute("style:name").value();
            if (*name && eq(style.attribute("style:family").value(), "table") &&
                eq(style.child("style:table-properties").attribute("table:display").value(), "false"))
                hiddenStyles.insert(name);
        }
    }

    OdsSheetReader reader(ctx);
    for (pugi::xml_node table = spreadsheet.child("table:table"); table; table = table.next_sibling("table:table")) {
        ctx.addSheet();
        Sheet& sheet = book.sheets.emplace_back();
        sheet.name = table.attribute("table:name").value();
        sheet.isProtected = table.attribute("table:protected").as_bool();
        sheet.hidden = hiddenStyles.count(table.attribute("table:style-name").value()) > 0;
        reader.read(table, sheet);
    }
}

void readOdfMeta(pugi::xml_node meta, Workbook& book)
{
    for (pugi::xml_node field = meta.child("meta:user-defined"); field;
         field = field.next_sibling("meta:user-defined")) {
        std::string value;
        for (pugi::xml_node text = field.first_child(); text; text = text.next_sibling())
            if (text.type() == pugi::node_pcdata || text.type() == pugi::node_cdata) value += text.value();
        book.properties[field.attribute("meta:name").value()] = std::move(value);
    }
}

}   // namespace evakin::sheet_reader
