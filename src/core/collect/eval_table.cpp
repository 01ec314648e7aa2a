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
#include "text/error.hpp"
#include "io/format_id.hpp"
#include "io/odf_document.hpp"
#include "io/ods_table.hpp"
#include "text/text_width.hpp"

#include <algorithm>

namespace evakin::collect_detail {

namespace {

constexpr int kColumns = 29;
constexpr int kCapaianColumn = 21;   // 14 K: rata-rata capaian goes here, absorption beside it (14 Rp)

void spanned(OdsTextRow& row, const std::string& text, const char* style, int span)
{
    row.text(text, style, span, 1);
    if (span > 1) row.covered(span - 1);
}

void header(OdsTableBuilder& t)
{
    // The top row is tall: merged header cells do not make their rows grow.
    OdsRow top = t.row("ro_kepala"), mid = t.row(), sub = t.row(), num = t.row();
    const auto tall = [&](const char* title, const char* number) {
        top.text(title, "Evakin_Kepala_Tabel", 1, 3);
        mid.covered();
        sub.covered();
        num.text(number, "Evakin_Kepala_Tabel");
    };
    const auto pair = [&](const char* title, const char* number) {
        top.text(title, "Evakin_Kepala_Tabel", 2, 2);
        top.covered();
        mid.covered(2);
        sub.text("K", "Evakin_Kepala_Tabel");
        sub.text("Rp", "Evakin_Kepala_Tabel");
        num.text(number, "Evakin_Kepala_Tabel", 2, 1);
        num.covered();
    };
    tall("No", "1");
    tall("Sasaran", "2");
    tall("Kode", "3");
    tall("Urusan / Bidang Urusan / Program / Kegiatan / Sub Kegiatan", "4");
    tall("Indikator Kinerja Program (outcome) / Kegiatan (output)", "5");
    pair("Target Renstra Perangkat Daerah pada Tahun Akhir Periode Renstra", "6");
    pair("Realisasi Capaian Kinerja Renstra s/d Renja Tahun Lalu", "7");
    pair("Target Kinerja dan Anggaran Renja Tahun Berjalan", "8");
    top.text("Realisasi Kinerja pada Triwulan", "Evakin_Kepala_Tabel", 8, 1);
    top.covered(7);
    for (const char* q : {"I", "II", "III", "IV"}) {
        mid.text(q, "Evakin_Kepala_Tabel", 2, 1);
        mid.covered();
        sub.text("K", "Evakin_Kepala_Tabel");
        sub.text("Rp", "Evakin_Kepala_Tabel");
    }
    for (const char* n : {"9", "10", "11", "12"}) {
        num.text(n, "Evakin_Kepala_Tabel", 2, 1);
        num.covered();
    }
    pair("Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi", "13 = 9+10+11+12");
    pair("Tingkat Capaian Kinerja dan Realisasi Anggaran Renja (%)", "14 = 13/8 x 100%");
    pair("Realisasi Kinerja dan Anggaran Renstra s/d Tahun Berjalan", "15 = 7 + 13");
    pair("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d Tahun Berjalan (%)", "16 = 15/6 x 100%");
    tall("Unit Penanggung Jawab", "17");
    tall("Keterangan", "18");
}

void optionalNumber(OdsTextRow& row, const std::optional<double>& v, const char* style = "Evakin_Angka")
{
    v ? row.number(*v, style) : row.empty("Evakin_Teks");
}

void figure(OdsTextRow& row, const Figure& f, bool applicable = true)
{
    if (!applicable) return row.empty("Evakin_Teks");
    if (f.ok()) return row.number(*f.value, "Evakin_Angka");
    if (f.why == NotComputable::noData) return row.text("-", "Evakin_Tidak_Dihitung");
    row.text(notComputableText(f.why).id, "Evakin_Tidak_Dihitung");
}

// As in the Permendagri form, a sasaran and the unit penanggung jawab are
// written once, in a cell merged down over their rows (the form has no tujuan
// column: the sasaran's cell names its tujuan). For each row of a unit: how
// many rows its merged cell spans (0: covered by the cell of a row above).
struct RowSpans {
    std::vector<int> sasaran;
};

std::string sasaranText(const PlanRow& p)
{
    if (p.tujuan.empty() || p.tujuan == p.sasaran) return p.sasaran;
    return p.sasaran + (p.sasaran.empty() ? "" : " ") + "(tujuan: " + p.tujuan + ")";
}

RowSpans rowSpans(const std::vector<MergedRow>& rows)
{
    RowSpans spans{std::vector<int>(rows.size(), 1)};
    const auto group = [&rows](std::vector<int>& span, auto sameGroup) {
        for (std::size_t start = 0, i = 1; i <= rows.size(); ++i) {
            if (i < rows.size() && sameGroup(*rows[start].plan, *rows[i].plan)) {
                span[i] = 0;
                continue;
            }
            span[start] = static_cast<int>(i - start);
            start = i;
        }
    };
    group(spans.sasaran, [](const PlanRow& a, const PlanRow& b) {
        return (!a.sasaran.empty() || !a.tujuan.empty()) && a.tujuan == b.tujuan && a.sasaran == b.sasaran;
    });
    return spans;
}

void mergedDown(OdsTextRow& row, const std::string& text, int span)
{
    if (span == 0)
        row.covered();
    else
        row.text(text, "Evakin_Teks", 1, span);
}

void dataRow(std::string& out, std::size_t number, const MergedUnit& u, std::size_t i, const RowSpans& spans)
{
    const MergedRow& r = u.rows[i];
    const PlanRow& p = *r.plan;
    const bool budget = p.paguRp.has_value();
    OdsTextRow row(out, "Evakin_Angka");
    row.number(static_cast<double>(number), "Evakin_Teks");
    mergedDown(row, sasaranText(p), spans.sasaran[i]);
    row.text(p.code, "Evakin_Teks");
    row.text(p.uraian, "Evakin_Teks");
    row.text(p.indikator + " (" + p.satuan + "; " + indicatorTypeName(p.type) + ")", "Evakin_Teks");
    row.number(p.targetRenstraK, "Evakin_Angka");
    optionalNumber(row, p.targetRenstraRp);
    optionalNumber(row, p.realisasiLaluK);
    optionalNumber(row, p.realisasiLaluRp);
    row.number(p.targetK, "Evakin_Angka");
    optionalNumber(row, p.paguRp);
    std::string late;
    for (int q = 0; q < 4; ++q) {
        const QuarterValue& v = r.quarters[static_cast<std::size_t>(q)];
        const char* style = v.late ? "Evakin_Terlambat_Angka" : "Evakin_Angka";
        optionalNumber(row, v.k, style);
        optionalNumber(row, v.rp, style);
        if (v.late && v.reported()) late += (late.empty() ? "" : ", ") + romanNumeral(q + 1);
    }
    const RowFigures& f = r.figures;
    figure(row, f.realisasiK);
    figure(row, f.realisasiRp, budget);
    figure(row, f.capaianK);
    figure(row, f.capaianRp, budget);
    figure(row, f.renstraK);
    figure(row, f.renstraRp, budget || p.realisasiLaluRp.has_value());
    figure(row, f.capaianRenstraK);
    figure(row, f.capaianRenstraRp, budget || p.targetRenstraRp.has_value());
    mergedDown(row, u.unit->name, i == 0 ? static_cast<int>(u.rows.size()) : 0);
    std::string note = r.keterangan;
    if (!late.empty()) note += (note.empty() ? "" : "; ") + std::string("data triwulan ") + late + " terlambat";
    row.text(note, "Evakin_Teks");
    row.end();
}

void summaryRow(std::string& out, const std::string& label, const Rating& rating, const Figure& absorption)
{
    OdsTextRow row(out);
    spanned(row, label, "Evakin_Ringkasan", kCapaianColumn);
    rating.average.ok() ? row.number(*rating.average.value, "Evakin_Ringkasan_Angka")
                        : row.text("-", "Evakin_Tidak_Dihitung");
    absorption.ok() ? row.number(*absorption.value, "Evakin_Ringkasan_Angka")
                    : row.text(notComputableText(absorption.why).id, "Evakin_Tidak_Dihitung");
    std::string predikat = "Predikat: " + rating.label(Lang::id);
    if (rating.skipped) predikat += " (" + std::to_string(rating.skipped) + " indikator tidak dihitung)";
    spanned(row, predikat, "Evakin_Ringkasan", kColumns - kCapaianColumn - 2);
    row.end();
}

void textRow(std::string& out, const std::string& label, const std::string& text)
{
    OdsTextRow row(out);
    spanned(row, label, "Evakin_Ringkasan", 5);
    spanned(row, text.empty() ? "-" : text, "Evakin_Teks", kColumns - 5);
    row.end();
}

// The least width of each column so that no amount or code shows "###" or
// wraps inside (issue 15); the template's widths where they suffice.
std::vector<double> columnWidths(const MergedYear& year)
{
    constexpr double kPoints = 9, kPadding = 0.3;
    std::vector<double> least(kColumns, 0.0);
    const auto fit = [&](std::size_t col, double cm) { least[col] = std::max(least[col], cm + kPadding); };
    const auto number = [&](std::size_t col, const std::optional<double>& v) {
        if (v) fit(col, textWidthCm(formatNumberId(*v), kPoints));
    };
    for (const MergedUnit& u : year.units)
        for (const MergedRow& r : u.rows) {
            const PlanRow& p = *r.plan;
            fit(2, longestWordCm(p.code, kPoints));
            number(5, p.targetRenstraK);
            number(6, p.targetRenstraRp);
            number(7, p.realisasiLaluK);
            number(8, p.realisasiLaluRp);
            number(9, p.targetK);
            number(10, p.paguRp);
            for (std::size_t q = 0; q < 4; ++q) {
                number(11 + 2 * q, r.quarters[q].k);
                number(12 + 2 * q, r.quarters[q].rp);
            }
            const RowFigures& f = r.figures;
            std::size_t col = 19;
            for (const Figure* g : {&f.realisasiK, &f.realisasiRp, &f.capaianK, &f.capaianRp, &f.renstraK, &f.renstraRp,
                                    &f.capaianRenstraK, &f.capaianRenstraRp}) {
                if (g->ok()) number(col, g->value);
                ++col;
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
    header(t);
    OdsRow token = t.row();
    token.text(kRowsToken, "Evakin_Teks");
    table.remove_child(marker);
    // The column titles again on every printed page; columns as wide as their longest value.
    repeatRowsOnEveryPage(table, headerRow, 4);
    widenColumns(table, doc.automaticStyles(), columnWidths(year));
    doc.setTitle("Evaluasi Hasil Renja " + year.period.label());

    // One piece per unit, then the office's summary and the texts: memory holds one unit's rows at a time.
    std::size_t number = 0, next = 0;
    const auto rows = [&](std::string& out) {
        if (next < year.units.size()) {
            const MergedUnit& u = year.units[next++];
            OdsTextRow title(out);
            spanned(title,
                    u.unit->name + " (" + u.unit->code + "): " + unitStatusWords(u.status).table +
                        (u.file.empty() ? "" : ", berkas " + u.file),
                    "Evakin_Bagian", kColumns);
            title.end();
            const RowSpans spans = rowSpans(u.rows);
            for (std::size_t i = 0; i < u.rows.size(); ++i) dataRow(out, ++number, u, i, spans);
            summaryRow(out, "Rata-rata capaian kinerja dan realisasi anggaran " + u.unit->name, u.rating, u.absorption);
            return true;
        }
        if (next++ > year.units.size()) return false;
        summaryRow(out, "Rata-rata capaian kinerja dan realisasi anggaran " + pr.officeName, year.rating,
                   year.absorption);
        // The office's rows of the form, from what each unit wrote in its return.
        const auto officeText = [&](std::string UnitTexts::*field) {
            std::string joined;
            for (const MergedUnit& u : year.units) {
                std::string text = u.texts.*field;
                while (!text.empty() && (text.back() == '.' || text.back() == ';')) text.pop_back();
                if (!text.empty()) joined += (joined.empty() ? "" : "; ") + u.unit->name + ": " + text;
            }
            return joined.empty() ? joined : joined + ".";
        };
        textRow(out, "Faktor pendorong keberhasilan pencapaian", officeText(&UnitTexts::pendorong));
        textRow(out, "Faktor penghambat pencapaian kinerja", officeText(&UnitTexts::penghambat));
        textRow(out, "Tindak lanjut yang diperlukan dalam triwulan berikutnya", officeText(&UnitTexts::tindakLanjut));
        // Not asked of the units: the planning staff write it when they draft the next Renja.
        textRow(out, "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya", "");
        return true;
    };
    doc.streamRows(kRowsToken, rows);
    return doc.toPackage(ctx.packageTime);
}

}   // namespace evakin::collect_detail
