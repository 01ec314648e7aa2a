// The office's evaluation table in the shape of the Permendagri 86/2017 form
// "Evaluasi terhadap Hasil Renja Perangkat Daerah" (Lampiran, as printed in
// the regulation and reproduced by regional offices' Laporan Evaluasi Renja):
// columns numbered 1-18 - 1 No, 2 Sasaran, 3 Kode, 4 Program / Kegiatan / Sub
// Kegiatan, 5 Indikator Kinerja, 6 Target Renstra, 7 Realisasi s/d Renja tahun
// lalu, 8 Target Renja, 9-12 Realisasi triwulan I-IV, 13 = 9+10+11+12,
// 14 = 13/8 x 100%, 15 = 7 + 13, 16 = 15/6 x 100%, 17 Unit penanggung jawab,
// 18 Keterangan - each value column with K and Rp (29 spreadsheet columns);
// columns 13-16 computed (evaluation.hpp). Under the table, per unit and for
// the office: rata-rata capaian and predikat; then the office's faktor
// pendorong, faktor penghambat, tindak lanjut triwulan berikutnya and Renja
// berikutnya; the template signs it "Disusun" and "Dievaluasi". Late quarters
// are coloured; values that cannot be computed say why instead of showing 0.
#include "collect/collect_output.hpp"
#include "collect/eval_table_rows.hpp"
#include "text/error.hpp"
#include "io/format_id.hpp"
#include "io/odf_document.hpp"
#include "io/ods_table.hpp"
#include "text/text_width.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace evakin::collect_detail {

namespace {

constexpr int kColumns = kEvalTableColumns;

void spanned(OdsTextRow& row, const std::string& text, const char* style, int span)
{
    row.text(text, style, span, 1);
    if (span > 1) row.covered(span - 1);
}

// The form's header rows (eval_table_rows.cpp) as Calc cells.
class OdsHeader : public EvalHeaderSink {
public:
    explicit OdsHeader(OdsTableBuilder& t) : rows_{t.row("ro_kepala"), t.row(), t.row(), t.row()} {}
    // The top row is tall: merged header cells do not make their rows grow.
    void cell(int row, const std::string& text, int cols, int rows) override
    {
        rows_[static_cast<std::size_t>(row)].text(text, "Evakin_Kepala_Tabel", cols, rows);
    }
    void covered(int row, int n) override { rows_[static_cast<std::size_t>(row)].covered(n); }

private:
    std::array<OdsRow, kEvalTableHeaderRows> rows_;
};

// As in the Permendagri form, a sasaran and the unit penanggung jawab are
// written once, in a cell merged down over their rows. For each row of a
// unit: how many rows its sasaran's cell spans (0: covered by the cell of a
// row above). An urusan or bidang urusan row above a row ends the run.
std::vector<int> sasaranSpans(const std::vector<MergedRow>& rows, const std::vector<std::vector<const PlanHeading*>>& above)
{
    std::vector<int> span(rows.size(), 1);
    const auto same = [](const PlanRow& a, const PlanRow& b) {
        return (!a.sasaran.empty() || !a.tujuan.empty()) && a.tujuan == b.tujuan && a.sasaran == b.sasaran;
    };
    for (std::size_t start = 0, i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && above[i].empty() && same(*rows[start].plan, *rows[i].plan)) {
            span[i] = 0;
            continue;
        }
        span[start] = static_cast<int>(i - start);
        start = i;
    }
    return span;
}

// The unit's cell, merged down over all of its block's rows (`span`), or covered (0).
void unitCell(OdsTextRow& row, const std::string& name, int span)
{
    if (span == 0) return row.covered();
    row.text(name, "Evakin_Teks", 1, span);
}

// An urusan or bidang urusan row: code and name in bold, no number, no values.
void headingRow(std::string& out, const PlanHeading& h, const std::string& unitName, int unitSpan)
{
    OdsTextRow row(out, "Evakin_Angka");
    row.empty("Evakin_Teks");
    row.empty("Evakin_Teks");
    row.text(h.code, "Evakin_Urusan");
    row.text(h.uraian, "Evakin_Urusan");
    for (int c = kEvalCodeCell + 2; c < kEvalUnitCell; ++c) row.empty("Evakin_Teks");
    unitCell(row, unitName, unitSpan);
    row.empty("Evakin_Teks");
    row.end();
}

void dataRow(std::string& out, std::size_t number, const MergedUnit& u, std::size_t i, int sasaranSpan, int unitSpan)
{
    const std::vector<EvalCell> cells = evaluationTableCells(evaluationRow(u.rows[i]), number, u.unit->name);
    OdsTextRow row(out, "Evakin_Angka");
    for (int c = 0; c < kEvalTableColumns; ++c) {
        const EvalCell& cell = cells[static_cast<std::size_t>(c)];
        if (c == kEvalUnitCell) {
            unitCell(row, cell.text, unitSpan);
            continue;
        }
        const int span = c == kEvalSasaranCell ? sasaranSpan : 1;
        if (span == 0) {
            row.covered();
            continue;
        }
        const bool value = c >= kEvalFirstValueCell && c <= kEvalLastValueCell;
        switch (cell.kind) {
            case EvalCell::Kind::number:
                row.number(cell.value, !value ? "Evakin_Teks" : cell.late ? "Evakin_Terlambat_Angka" : "Evakin_Angka");
                break;
            case EvalCell::Kind::notComputed: row.text(cell.text, "Evakin_Tidak_Dihitung"); break;
            case EvalCell::Kind::text: row.text(cell.text, "Evakin_Teks", 1, span); break;
            case EvalCell::Kind::empty: row.empty("Evakin_Teks"); break;
        }
    }
    row.end();
}

// A unit's rows, each under the urusan and bidang urusan headings that change above it.
void unitBlock(std::string& out, std::size_t& number, const MergedUnit& u, const std::vector<PlanHeading>& headings)
{
    std::vector<std::string> codes;
    for (const MergedRow& r : u.rows) codes.push_back(r.plan->code);
    const auto above = headingsAbove(headings, codes);
    const std::vector<int> sasaran = sasaranSpans(u.rows, above);
    int lines = 0;
    for (const auto& h : above) lines += static_cast<int>(h.size()) + 1;
    bool first = true;
    const auto unitSpan = [&] { return std::exchange(first, false) ? lines : 0; };
    for (std::size_t i = 0; i < u.rows.size(); ++i) {
        for (const PlanHeading* h : above[i]) headingRow(out, *h, u.unit->name, unitSpan());
        dataRow(out, ++number, u, i, sasaran[i], unitSpan());
    }
}

void summaryRow(std::string& out, const std::string& name, const Rating& rating, const Figure& absorption)
{
    OdsTextRow row(out);
    spanned(row, evalSummaryLabel(name), "Evakin_Ringkasan", kEvalCapaianCell);
    rating.average.ok() ? row.number(*rating.average.value, "Evakin_Ringkasan_Angka")
                        : row.text("-", "Evakin_Tidak_Dihitung");
    absorption.ok() ? row.number(*absorption.value, "Evakin_Ringkasan_Angka")
                    : row.text(notComputableText(absorption.why).id, "Evakin_Tidak_Dihitung");
    spanned(row, evalPredikatText(rating.label(Lang::id), rating.skipped), "Evakin_Ringkasan",
            kColumns - kEvalCapaianCell - 2);
    row.end();
}

void textRow(std::string& out, const EvalTextRow& text)
{
    OdsTextRow row(out);
    spanned(row, text.label, "Evakin_Ringkasan", kEvalTextLabelCells);
    spanned(row, text.text, "Evakin_Teks", kColumns - kEvalTextLabelCells);
    row.end();
}

// The least width of each column so that no amount or code shows "###" or
// wraps inside (issue 15); the template's widths where they suffice.
std::vector<double> columnWidths(const MergedYear& year)
{
    constexpr double kPoints = 9, kPadding = 0.3;
    std::vector<double> least(kColumns, 0.0);
    for (const MergedUnit& u : year.units)
        for (const MergedRow& r : u.rows) {
            const std::vector<EvalCell> cells = evaluationTableCells(evaluationRow(r), 0, "");
            for (std::size_t c = 0; c < cells.size(); ++c) {
                double cm = 0;
                if (c == kEvalCodeCell)
                    cm = longestWordCm(cells[c].text, kPoints);
                else if (cells[c].kind == EvalCell::Kind::number && c >= kEvalFirstValueCell)
                    cm = textWidthCm(formatNumberId(cells[c].value), kPoints);
                if (cm > 0) least[c] = std::max(least[c], cm + kPadding);
            }
        }
    return least;
}

// The body rows of a large office are 70 MB of XML for 20,000 rows: they are
// written as text (OdsTextRow) a unit at a time and streamed into the package
// in place of a token row (OdfDocument::streamRows).
constexpr const char* kRowsToken = "{evakin:baris-tabel}";

}   // namespace

std::string evaluationTablePackage(const MergedYear& year, const OutputContext& ctx)
{
    OdfDocument doc = OdfDocument::fromFlat(loadTemplate(kTableTemplate, ctx.ws.dir.u8string()), kTableTemplate);
    pugi::xml_node table = doc.content().child("table:table");
    pugi::xml_node marker = findRowWithText(table, "{tabel}");
    if (!marker)
        throw Error(
            kTableTemplate,
            Text{"Templat tabel evaluasi tidak memuat baris {tabel}. Kembalikan baris itu atau pakai templat bawaan.",
                 "The evaluation table template has no {tabel} row. Restore that row or use the built-in template."});
    const Profile& pr = ctx.profile;
    const auto lookup = [&](const std::string& key, std::string& value) {
        if (key == "kantor")
            value = pr.officeName;
        else if (key == "periode")
            value = year.period.label();
        else if (key == "kota")
            value = pr.city;
        else if (key == "tanggal")
            value = ".........................";
        else if (key == "jabatan_kepala")
            value = pr.head.jabatan;
        else if (key == "nama_kepala")
            value = pr.head.nama;
        else if (key == "nip_kepala")
            value = pr.head.nip;
        else if (key == "nama_bappeda")
            value = pr.bappeda.nama;
        else
            return false;
        return true;
    };
    replacePlaceholders(table, lookup);

    OdsTableBuilder t(table, marker);
    const std::size_t headerRow = t.nextRowIndex();
    OdsHeader head(t);
    evaluationTableHeader(head);
    OdsRow token = t.row();
    token.text(kRowsToken, "Evakin_Teks");
    table.remove_child(marker);
    // The column titles again on every printed page; columns as wide as their longest value.
    repeatRowsOnEveryPage(table, headerRow, kEvalTableHeaderRows);
    widenColumns(table, doc.automaticStyles(), columnWidths(year));
    doc.setTitle("Evaluasi Hasil Renja " + year.period.label());

    // One piece per unit, then the office's summary and the texts: memory holds one unit's rows at a time.
    std::size_t number = 0, next = 0;
    const auto rows = [&](std::string& out) {
        if (next < year.units.size()) {
            const MergedUnit& u = year.units[next++];
            OdsTextRow title(out);
            spanned(title, evalUnitTitle(u.unit->name, u.unit->code, u.status, u.file), "Evakin_Bagian", kColumns);
            title.end();
            unitBlock(out, number, u, year.headings);
            summaryRow(out, u.unit->name, u.rating, u.absorption);
            return true;
        }
        if (next++ > year.units.size()) return false;
        summaryRow(out, pr.officeName, year.rating, year.absorption);
        // The office's rows of the form, from what each unit wrote in its return.
        std::vector<EvalUnitTexts> texts;
        for (const MergedUnit& u : year.units)
            texts.push_back({u.unit->name, u.texts.pendorong, u.texts.penghambat, u.texts.tindakLanjut});
        for (const EvalTextRow& line : evalOfficeTextRows(texts)) textRow(out, line);
        return true;
    };
    doc.streamRows(kRowsToken, rows);
    return doc.toPackage(ctx.packageTime);
}

}   // namespace evakin::collect_detail
