// The report's Lampiran: the office's Permendagri 86/2017 evaluation table
// for the period, the same rows, columns (1-18, each value column with K and
// Rp) and values as hasil/tabel-evaluasi.ods (both from collect's
// eval_table_rows), on landscape pages (the template's "P_Lampiran" heading
// switches to the "Evakin_Lampiran" master page) with its four header rows
// repeated on every page. Regional offices' Laporan Evaluasi Renja attach the
// form this way, after the Penutup.
//
// Writer has no "shrink to fit": every column is as wide as its longest value
// or header word at the table's 5 pt, so no amount or code breaks inside its
// cell (issue 15); the text columns share what is left of the page.
#include <algorithm>
#include <array>
#include <cstdio>

#include "collect/eval_table_rows.hpp"
#include "io/format_id.hpp"
#include "report/report_render.hpp"
#include "text/text_width.hpp"

namespace evakin::report {

namespace {

constexpr double kPoints = 5, kPadding = 0.16, kPageCm = 30;
constexpr double kLeastValueCm = 0.55;

struct LampiranStyles {
    const char *head, *cell, *late, *summary, *title;
    const char *text, *num, *mid, *headText, *urusan;
};

// Short automatic style names, as Bab II's: a large office's Lampiran has some 100,000 cells.
// The plain cell style is every column's default (cell = nullptr), so most cells carry none.
LampiranStyles lampiranStyles(StyleSet& s)
{
    s.cell("La", "");
    return {s.cell("Lh", "#d9e2f3", "middle"),
            nullptr,
            s.cell("Ll", "#fff2cc"),
            s.cell("Ls", "#f2f2f2"),
            s.cell("Lu", "#e2efda"),
            s.paragraph("Lt", "Evakin_Lampiran_Sel"),
            s.paragraph("Ln", "Evakin_Lampiran_Angka"),
            s.paragraph("Lm", "Evakin_Lampiran_Tengah"),
            s.paragraph("Lk", "Evakin_Lampiran_Kepala"),
            s.paragraph("Lj", "Evakin_Lampiran_Urusan")};
}

std::string cellText(const EvalCell& c) { return c.kind == EvalCell::Kind::number ? formatNumberId(c.value) : c.text; }

std::string cm(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2fcm", v);
    return buf;
}

// A summary figure as the table writes it: the number, "-" before any data, or why there is none.
std::string summaryFigure(const Figure& f)
{
    if (f.ok()) return formatNumberId(*f.value);
    return f.why == NotComputable::noData ? "-" : notComputableText(f.why).id;
}

// Tracks the column each header cell is in, for the header's own least widths.
class WidthSink : public EvalHeaderSink {
public:
    explicit WidthSink(std::vector<double>& least) : least_(least) {}
    void cell(int row, const std::string& text, int cols, int) override
    {
        int& at = next_[static_cast<std::size_t>(row)];
        if (cols == 1) {
            double& w = least_[static_cast<std::size_t>(at)];
            // Bold header words measure short against Writer's layout: more room than for values.
            w = std::max(w, longestWordCm(text, kPoints, true) + 2 * kPadding);
        }
        ++at;   // a spanning cell is followed by its covered cells: one column each
    }
    void covered(int row, int n) override { next_[static_cast<std::size_t>(row)] += n; }

private:
    std::vector<double>& least_;
    std::array<int, kEvalTableHeaderRows> next_{};
};

// The header rows as Writer cells.
class HeaderSink : public EvalHeaderSink {
public:
    HeaderSink(pugi::xml_node headerRows, const LampiranStyles& st) : st_(st)
    {
        for (pugi::xml_node& r : rows_) r = headerRows.append_child("table:table-row");
    }
    void cell(int row, const std::string& text, int cols, int rows) override
    {
        addCell(rows_[static_cast<std::size_t>(row)], st_.head, st_.headText, text, cols, rows);
    }
    void covered(int row, int n) override { addCovered(rows_[static_cast<std::size_t>(row)], n); }

private:
    const LampiranStyles& st_;
    std::array<pugi::xml_node, kEvalTableHeaderRows> rows_;
};

std::vector<std::vector<EvalCell>> unitCells(const Unit& u, std::size_t& number)
{
    std::vector<std::vector<EvalCell>> out;
    for (const Row& r : u.rows) out.push_back(evaluationTableCells(r, ++number, u.name));
    return out;
}

// Least widths from the header words and every value and code; the five text
// columns (sasaran, uraian, indikator, unit, keterangan) share the rest of the
// page in their usual proportions above their longest header word.
std::vector<double> columnWidths(const Data& d)
{
    std::vector<double> least(kEvalTableColumns, kLeastValueCm);
    WidthSink header(least);
    evaluationTableHeader(header);
    std::size_t number = 0;
    for (const Unit& u : d.units)
        for (const std::vector<EvalCell>& row : unitCells(u, number))
            for (std::size_t c = 0; c < row.size(); ++c) {
                const bool value =
                    c == 0 || c == kEvalCodeCell || (c >= kEvalFirstValueCell && c <= kEvalLastValueCell);
                if (value) least[c] = std::max(least[c], longestWordCm(cellText(row[c]), kPoints) + kPadding);
            }
    const std::array<std::size_t, 5> text{kEvalSasaranCell, 3, 4, kEvalUnitCell, kEvalNoteCell};
    const std::array<double, 5> usual{1.6, 3.6, 3.6, 0.6, 0.6};   // unit and keterangan: their header word mostly
    // Each text column keeps its least width and takes its share of what is left, so the
    // table is as wide as the page unless its values and header words alone are wider.
    double used = 0, usualSum = 0;
    for (double w : least) used += w;
    for (double u : usual) usualSum += u;
    const double extra = std::max(kPageCm - used, 0.0);
    for (std::size_t i = 0; i < text.size(); ++i) least[text[i]] += extra * usual[i] / usualSum;
    return least;
}

void spanned(pugi::xml_node row, const char* cell, const char* para, const std::string& text, int cols)
{
    addCell(row, cell, para, text, cols);
    if (cols > 1) addCovered(row, cols - 1);
}

void summaryRow(pugi::xml_node table, const LampiranStyles& st, const std::string& name, const Summary& s)
{
    pugi::xml_node row = table.append_child("table:table-row");
    spanned(row, st.summary, st.headText, evalSummaryLabel(name), kEvalCapaianCell);
    addCell(row, st.summary, st.num, summaryFigure(s.average));
    addCell(row, st.summary, st.num, summaryFigure(s.absorption));
    spanned(row, st.summary, st.headText, evalPredikatText(s.predikat, s.skipped),
            kEvalTableColumns - kEvalCapaianCell - 2);
}

// An urusan or bidang urusan row: code and name in bold, the other cells empty.
void headingRow(pugi::xml_node table, const LampiranStyles& st, const PlanHeading& h)
{
    pugi::xml_node row = table.append_child("table:table-row");
    for (int c = 0; c < kEvalTableColumns; ++c)
        addCell(row, st.cell, c == kEvalCodeCell || c == kEvalCodeCell + 1 ? st.urusan : st.text,
                c == kEvalCodeCell ? h.code : c == kEvalCodeCell + 1 ? h.uraian : std::string());
}

void unitRows(pugi::xml_node table, const LampiranStyles& st, const Unit& u, const std::vector<PlanHeading>& headings,
              std::size_t& number)
{
    pugi::xml_node title = table.append_child("table:table-row");
    spanned(title, st.title, st.headText, evalUnitTitle(u.name, u.code, u.status, u.file), kEvalTableColumns);
    std::vector<std::string> codes;
    for (const Row& r : u.rows) codes.push_back(r.code);
    const auto above = headingsAbove(headings, codes);
    std::string sasaran;
    std::size_t i = 0;
    for (const std::vector<EvalCell>& cells : unitCells(u, number)) {
        for (const PlanHeading* h : above[i]) headingRow(table, st, *h);
        pugi::xml_node row = table.append_child("table:table-row");
        // Sasaran and unit once per run of equal rows, not merged down over
        // them: Writer cannot break a cell spanning many rows across pages.
        const bool newSasaran = i == 0 || !above[i].empty() || cells[kEvalSasaranCell].text != sasaran;
        sasaran = cells[kEvalSasaranCell].text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const EvalCell& cell = cells[c];
            std::string text = cellText(cell);
            if ((c == kEvalSasaranCell && !newSasaran) || (c == kEvalUnitCell && i > 0)) text.clear();
            const bool value = c >= kEvalFirstValueCell && c <= kEvalLastValueCell;
            const char* para = c == 0  ? st.mid
                               : value ? (cell.kind == EvalCell::Kind::number ? st.num : st.mid)
                                       : st.text;
            addCell(row, cell.late ? st.late : st.cell, para, text);
        }
        ++i;
    }
    summaryRow(table, st, u.name, u.summary);
}

}   // namespace

void lampiran(const Cursor& at, const Context& c)
{
    const LampiranStyles st = lampiranStyles(c.styles);
    const std::vector<double> widths = columnWidths(c.data);
    double total = 0;
    for (double w : widths) total += w;
    pugi::xml_node t = at.add("table:table");
    t.append_attribute("table:name") = "Lampiran_Tabel_Evaluasi";
    t.append_attribute("table:style-name") = c.styles.table("La_Tabel", cm(total).c_str());
    for (std::size_t i = 0; i < widths.size(); ++i) {
        const std::string name = "La_Kolom_" + std::to_string(i + 1);
        pugi::xml_node col = t.append_child("table:table-column");
        col.append_attribute("table:style-name") = c.styles.column(name.c_str(), cm(widths[i]).c_str());
        col.append_attribute("table:default-cell-style-name") = "La";
    }
    // Writer repeats table:table-header-rows at the top of every page the table runs onto.
    HeaderSink header(t.append_child("table:table-header-rows"), st);
    evaluationTableHeader(header);
    std::size_t number = 0;
    for (const Unit& u : c.data.units) unitRows(t, st, u, c.data.headings, number);
    summaryRow(t, st, c.profile.officeName.empty() ? c.data.office : c.profile.officeName, c.data.summary);
    std::vector<EvalUnitTexts> texts;
    for (const Unit& u : c.data.units) texts.push_back({u.name, u.pendorong, u.penghambat, u.tindakLanjut});
    for (const EvalTextRow& line : evalOfficeTextRows(texts)) {
        pugi::xml_node row = t.append_child("table:table-row");
        spanned(row, st.summary, st.headText, line.label, kEvalTextLabelCells);
        spanned(row, nullptr, st.text, line.text, kEvalTableColumns - kEvalTextLabelCells);
    }
    at.paragraph("Evakin_Catatan",
                 "Keterangan: K = kinerja, Rp = anggaran (rupiah); - = belum ada data; sel kuning = data "
                 "disampaikan terlambat. Tabel yang sama dengan hasil/tabel-evaluasi.ods.");
}

}   // namespace evakin::report
