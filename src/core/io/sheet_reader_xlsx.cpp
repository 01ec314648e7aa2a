// Office Open XML workbooks (.xlsx, .xlsm): parts are found through the
// package relationships, as Excel does, with the usual xl/... names as a
// fallback. Elements are compared by local name since writers differ in
// namespace prefixes.
#include <algorithm>
#include <iterator>
#include <map>

#include "io/sheet_reader_internal.hpp"

namespace evakin::sheet_reader {

namespace {

// Whitespace-only text is kept when it is an element's only content:
// <t xml:space="preserve"> </t> is a real space.
constexpr unsigned kXlsxParse = pugi::parse_default | pugi::parse_ws_pcdata_single;

pugi::xml_node childLocal(const pugi::xml_node& parent, const char* name)
{
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling())
        if (localIs(n, name)) return n;
    return {};
}

void appendText(const pugi::xml_node& node, std::string& out)
{
    for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling())
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out += n.value();
}

// A shared or inline string: its own <t>, or the <t> of each rich-text run;
// phonetic guides (rPh) are not part of the text.
void appendRich(const pugi::xml_node& node, std::string& out)
{
    for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling()) {
        if (localIs(n, "t"))
            appendText(n, out);
        else if (localIs(n, "r"))
            appendText(childLocal(n, "t"), out);
    }
}

struct Relationship {
    std::string id;
    std::string type;     // last segment of the Type URI: "worksheet", "sharedStrings" ...
    std::string target;   // zip entry name
};

std::string folderOf(const std::string& part)
{
    const std::size_t slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// A relationship target as a zip entry name: relative to the source part's
// folder unless absolute, with "." and ".." segments resolved.
std::string resolveTarget(const std::string& folder, std::string_view target)
{
    const std::string path =
        !target.empty() && target.front() == '/' ? std::string(target.substr(1)) : folder + std::string(target);
    std::vector<std::string_view> segments;
    const std::string_view all(path);
    for (std::size_t start = 0; start <= all.size();) {
        std::size_t end = all.find('/', start);
        if (end == std::string_view::npos) end = all.size();
        const std::string_view seg = all.substr(start, end - start);
        if (seg == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.push_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (const std::string_view seg : segments) {
        if (!out.empty()) out += '/';
        out += seg;
    }
    return out;
}

// The relationships of `part` ("" for the package itself).
std::vector<Relationship> readRelationships(const ZipReader& zip, ReadContext& ctx, const std::string& part)
{
    std::vector<Relationship> rels;
    const std::string folder = folderOf(part);
    const std::string* stored = zip.find(folder + "_rels/" + part.substr(folder.size()) + ".rels");
    if (!stored) return rels;
    pugi::xml_document doc;
    std::string buffer;
    ctx.loadPart(doc, buffer, zip, *stored, kXlsxParse);
    for (pugi::xml_node rel = doc.document_element().first_child(); rel; rel = rel.next_sibling()) {
        if (!localIs(rel, "Relationship") || eq(rel.attribute("TargetMode").value(), "External")) continue;
        const std::string_view type = rel.attribute("Type").value();
        const std::size_t slash = type.rfind('/');
        rels.push_back({rel.attribute("Id").value(),
                        std::string(slash == std::string_view::npos ? type : type.substr(slash + 1)),
                        resolveTarget(folder, rel.attribute("Target").value())});
    }
    return rels;
}

const Relationship* findRelationship(const std::vector<Relationship>& rels, const char* type)
{
    for (const Relationship& rel : rels)
        if (rel.type == type) return &rel;
    return nullptr;
}

// All shared strings in one buffer, so there is no allocation per string.
struct SharedStrings {
    std::string pool;
    std::vector<std::pair<std::size_t, std::size_t>> spans;   // offset, length
    std::size_t size() const { return spans.size(); }
    std::string_view at(std::size_t i) const { return std::string_view(pool).substr(spans[i].first, spans[i].second); }
};

// A custom number format shows a date when it has day, month or year codes
// outside quoted text, escapes and [brackets]; "m" next to h or s is minutes.
bool isDateFormat(std::string_view code)
{
    bool day = false, month = false, year = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const std::size_t close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;   // the next character is literal (or padding)
        } else if (c == '[') {
            const std::size_t close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            const char first = close > i + 1 ? code[i + 1] : '\0';
            if (first == 'h' || first == 'H' || first == 'm' || first == 'M' || first == 's' || first == 'S')
                time = true;   // elapsed time: [h]:mm
            i = close;
        } else {
            switch (c) {
                case 'd':
                case 'D': day = true; break;
                case 'y':
                case 'Y': year = true; break;
                case 'm':
                case 'M': month = true; break;
                case 'h':
                case 'H':
                case 's':
                case 'S': time = true; break;
                default: break;
            }
        }
    }
    return day || year || (month && !time);
}

// For each cell style (index = the s attribute), whether its number format is a date.
std::vector<char> readDateStyles(const pugi::xml_node& styleSheet)
{
    std::vector<std::pair<std::uint64_t, bool>> custom;   // sorted by id below, for lookups in log time
    for (pugi::xml_node f = childLocal(childLocal(styleSheet, "numFmts"), "numFmt"); f; f = f.next_sibling())
        if (localIs(f, "numFmt"))
            custom.emplace_back(f.attribute("numFmtId").as_ullong(), isDateFormat(f.attribute("formatCode").value()));
    std::stable_sort(custom.begin(), custom.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<char> dates;
    for (pugi::xml_node xf = childLocal(childLocal(styleSheet, "cellXfs"), "xf"); xf; xf = xf.next_sibling()) {
        if (!localIs(xf, "xf")) continue;
        const std::uint64_t id = xf.attribute("numFmtId").as_ullong();
        bool date = (id >= 14 && id <= 22) || (id >= 45 && id <= 47);   // the built-in date and time formats
        const auto it = std::upper_bound(custom.begin(), custom.end(), id,
                                         [](std::uint64_t value, const auto& entry) { return value < entry.first; });
        if (it != custom.begin() && std::prev(it)->first == id)
            date = std::prev(it)->second;   // the last definition wins
        dates.push_back(date ? 1 : 0);
    }
    return dates;
}

// "B7" to 0-based (row, col); saturates instead of overflowing.
bool parseCellRef(const char* s, std::uint64_t& row, std::uint64_t& col)
{
    constexpr std::uint64_t cap = 1ull << 40;
    std::uint64_t c = 0, r = 0;
    const char* start = s;
    for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); ++s)
        c = std::min(cap, c * 26 + static_cast<std::uint64_t>((*s | 0x20) - 'a' + 1));
    if (s == start || !*s) return false;
    for (; *s >= '0' && *s <= '9'; ++s) r = std::min(cap, r * 10 + static_cast<std::uint64_t>(*s - '0'));
    if (*s || r == 0) return false;
    row = r - 1;
    col = c - 1;
    return true;
}

class WorksheetReader {
public:
    WorksheetReader(ReadContext& ctx, const SharedStrings& strings, const std::vector<char>& dateStyles, bool date1904)
        : ctx_(ctx), strings_(strings), dateStyles_(dateStyles), date1904_(date1904)
    {
    }

    void read(const pugi::xml_node& worksheet, Sheet& sheet)
    {
        pugi::xml_node data;
        for (pugi::xml_node n = worksheet.first_child(); n; n = n.next_sibling()) {
            if (localIs(n, "sheetData"))
                data = n;
            else if (localIs(n, "sheetProtection"))
                sheet.isProtected = n.attribute("sheet").as_bool();
        }
        std::uint64_t row = 0;   // rows and cells may leave out r: they follow the previous one
        for (pugi::xml_node r = data.first_child(); r; r = r.next_sibling()) {
            if (!localIs(r, "row")) continue;
            std::uint64_t number = 0;
            if (parseUnsigned(r.attribute("r").value(), number) && number > 0) row = number - 1;
            std::uint64_t col = 0;
            for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
                if (!localIs(c, "c")) continue;
                // r, t and s in one pass over the attributes.
                const char *ref = "", *type = "", *style = "";
                for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
                    const char* name = a.name();
                    if (name[0] && !name[1]) {
                        if (name[0] == 'r')
                            ref = a.value();
                        else if (name[0] == 't')
                            type = a.value();
                        else if (name[0] == 's')
                            style = a.value();
                    }
                }
                std::uint64_t cellRow = row;
                parseCellRef(ref, cellRow, col);
                Cell cell;
                readCell(c, type, style, sheet, cellRow, col, cell);
                if (!cell.empty()) {
                    ctx_.checkPosition(sheet, cellRow, col);
                    ctx_.account(1, cell.text.size());
                    putCell(ctx_, sheet, cellRow, col, std::move(cell), lastRowSize_);
                }
                ++col;
            }
            if (row < sheet.rows.size()) lastRowSize_ = sheet.rows[static_cast<std::size_t>(row)].size();
            ++row;
        }
    }

private:
    void readCell(const pugi::xml_node& c, const char* type, const char* styleIndex, const Sheet& sheet,
                  std::uint64_t row, std::uint64_t col, Cell& cell)
    {
        pugi::xml_node v, inlineString;
        for (pugi::xml_node n = c.first_child(); n; n = n.next_sibling()) {
            const char* name = localName(n.name());
            if (eq(name, "v"))
                v = n;
            else if (eq(name, "is"))
                inlineString = n;
        }
        const char* value = v.child_value();
        if (eq(type, "s")) {
            std::uint64_t index = 0;
            if (!*value) return;
            if (!parseUnsigned(value, index) || index >= strings_.size()) {
                ctx_.failAt(sheet, row, col,
                            {"Sel ini merujuk ke teks bersama yang tidak ada; berkas rusak. Buka di Excel atau "
                             "LibreOffice lalu simpan ulang.",
                             "This cell refers to a shared text that does not exist; the file is damaged. Open it in "
                             "Excel or LibreOffice and save it again."});
            }
            const std::string_view text = strings_.at(static_cast<std::size_t>(index));
            ctx_.checkText(text.size());   // before copying: one long text may be shared by many cells
            cell.text = text;
        } else if (eq(type, "inlineStr")) {
            appendRich(inlineString, cell.text);
        } else if (eq(type, "str")) {   // a formula's text result
            cell.text = value;
        } else if (eq(type, "b")) {
            if (!*value) return;
            cell.type = Cell::Type::boolean;
            cell.number = eq(value, "1") || eq(value, "true") ? 1 : 0;
            cell.text = cell.number != 0 ? "TRUE" : "FALSE";
            return;
        } else if (eq(type, "e")) {
            if (!*value) return;
            cell.type = Cell::Type::error;
            cell.text = value;
            return;
        } else if (eq(type, "d") && daysFromIsoDate(value, cell.number) && isoFromDays(cell.number, cell.text)) {
            cell.type = Cell::Type::date;
            return;
        } else if (*value) {   // a number ("n" or no type)
            cell.text = value;
            if (!parseNumber(value, cell.number)) {
                cell.type = Cell::Type::text;
                return;
            }
            cell.type = Cell::Type::number;
            std::uint64_t style = 0;
            if (*styleIndex && parseUnsigned(styleIndex, style) && style < dateStyles_.size() &&
                dateStyles_[static_cast<std::size_t>(style)]) {
                // The 1904 date system counts from 1904-01-01. In the 1900
                // system the serial is used as is, as LibreOffice does (it
                // differs from Excel only before 1900-03-01).
                const double days = date1904_ ? cell.number + 1462 : cell.number;
                if (isoFromDays(days, cell.text)) {
                    cell.type = Cell::Type::date;
                    cell.number = days;
                }
            }
            return;
        }
        if (!cell.text.empty()) cell.type = Cell::Type::text;
    }

    ReadContext& ctx_;
    const SharedStrings& strings_;
    const std::vector<char>& dateStyles_;
    bool date1904_;
    // The previous row's width, reserved for the next row: rows tend to be
    // alike, and reserving no more than a row already counted keeps the
    // capacity within twice the slots counted.
    std::size_t lastRowSize_ = 0;
};

}   // namespace

void readXlsx(const ZipReader& zip, ReadContext& ctx, Workbook& book)
{
    const std::vector<Relationship> packageRels = readRelationships(zip, ctx, "");
    const Relationship* officeDocument = findRelationship(packageRels, "officeDocument");
    const std::string workbookName = officeDocument ? officeDocument->target : "xl/workbook.xml";
    if (zip.has("xl/workbook.bin") ||
        (workbookName.size() > 4 && workbookName.compare(workbookName.size() - 4, 4, ".bin") == 0)) {
        ctx.fail({"Berkas .xlsb (Excel biner) tidak didukung. Buka di Excel atau LibreOffice lalu simpan sebagai .xlsx "
                  "atau .ods.",
                  "Binary Excel files (.xlsb) are not supported. Open it in Excel or LibreOffice and save it as .xlsx "
                  "or .ods."});
    }
    const std::string* workbookPart = zip.find(workbookName);
    if (!workbookPart) ctx.fail(officeDocument ? notSpreadsheetText() : missingPartText(workbookName));

    pugi::xml_document doc;
    std::string buffer;
    ctx.loadPart(doc, buffer, zip, *workbookPart, kXlsxParse);
    const pugi::xml_node workbook = doc.document_element();
    if (!localIs(workbook, "workbook")) ctx.fail(notSpreadsheetText());   // e.g. a .docx
    const bool date1904 = childLocal(workbook, "workbookPr").attribute("date1904").as_bool();
    const std::vector<Relationship> rels = readRelationships(zip, ctx, *workbookPart);

    // Sheet name, state and relationship id, copied out so the workbook DOM can go.
    struct SheetEntry {
        std::string name, relId;
        bool hidden;
    };
    std::vector<SheetEntry> entries;
    for (pugi::xml_node s = childLocal(childLocal(workbook, "sheets"), "sheet"); s; s = s.next_sibling()) {
        if (!localIs(s, "sheet")) continue;
        ctx.addSheet();
        const char* relId = "";
        for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute())
            if (std::strchr(a.name(), ':') && eq(localName(a.name()), "id")) relId = a.value();   // r:id
        const char* state = s.attribute("state").value();
        entries.push_back({s.attribute("name").value(), relId, eq(state, "hidden") || eq(state, "veryHidden")});
    }

    SharedStrings strings;
    const Relationship* sst = findRelationship(rels, "sharedStrings");
    if (const std::string* part = zip.find(sst ? sst->target : folderOf(*workbookPart) + "sharedStrings.xml")) {
        ctx.loadPart(doc, buffer, zip, *part, kXlsxParse);
        for (pugi::xml_node si = doc.document_element().first_child(); si; si = si.next_sibling()) {
            if (!localIs(si, "si")) continue;
            const std::size_t start = strings.pool.size();
            appendRich(si, strings.pool);
            strings.spans.emplace_back(start, strings.pool.size() - start);
        }
    }

    std::vector<char> dateStyles;
    const Relationship* styles = findRelationship(rels, "styles");
    if (const std::string* part = zip.find(styles ? styles->target : folderOf(*workbookPart) + "styles.xml")) {
        ctx.loadPart(doc, buffer, zip, *part, kXlsxParse);
        dateStyles = readDateStyles(doc.document_element());
    }

    std::map<std::string_view, const Relationship*> relsById;   // many sheets must not mean quadratic lookups
    for (const Relationship& rel : rels) relsById.emplace(rel.id, &rel);
    WorksheetReader reader(ctx, strings, dateStyles, date1904);
    for (const SheetEntry& entry : entries) {
        // Only worksheets hold cells; chart and macro sheets are left out.
        const auto found = relsById.find(entry.relId);
        if (found == relsById.end() || found->second->type != "worksheet") continue;
        const Relationship* rel = found->second;
        const std::string* part = zip.find(rel->target);
        if (!part) ctx.fail(missingPartText(rel->target));
        Sheet& sheet = book.sheets.emplace_back();
        sheet.name = entry.name;
        sheet.hidden = entry.hidden;
        ctx.loadPart(doc, buffer, zip, *part, kXlsxParse);
        reader.read(doc.document_element(), sheet);
    }

    const Relationship* custom = findRelationship(packageRels, "custom-properties");
    if (const std::string* part = zip.find(custom ? custom->target : "docProps/custom.xml")) {
        ctx.loadPart(doc, buffer, zip, *part, kXlsxParse);
        for (pugi::xml_node p = doc.document_element().first_child(); p; p = p.next_sibling()) {
            if (!localIs(p, "property")) continue;
            std::string value;
            appendText(p.find_child([](const pugi::xml_node& n) { return n.type() == pugi::node_element; }), value);
            book.properties[p.attribute("name").value()] = std::move(value);
        }
    }
    book.format = "xlsx";
}

}   // namespace evakin::sheet_reader
