// Bab II's tables: one Permendagri 86/2017 evaluation table per unit, on
// landscape pages. Each indicator takes two rows, K (kinerja) above Rp
// (anggaran), so full Rupiah amounts fit in 11 value columns on F4 landscape
// paper; split K/Rp sub-columns (22 value columns) would need 6 pt Rupiah
// amounts wrapped mid-number.
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "io/format_id.hpp"
#include "report/report_render.hpp"
#include "text/text_width.hpp"

namespace evakin::report {

namespace {

constexpr int kValueColumns = 11;   // columns 5-15

// Short automatic style names: a 40-unit x 200-row report has some 300,000 cells.
// The plain cell style is every column's default (cell = nullptr), so most cells carry none.
struct MatrixStyles {
    const char *head, *cell, *cellRp, *late, *text, *num, *mid;
};

MatrixStyles matrixStyles(StyleSet& s)
{
    s.cell("Ma", "");
    return {s.cell("Mh", "#d9e2f3", "middle"),
            nullptr,
            s.cell("Mb", "#f2f2f2"),
            s.cell("Mc", "#fff2cc"),
            s.paragraph("Mt", "Evakin_Matriks_Sel"),
            s.paragraph("Mn", "Evakin_Matriks_Angka"),
            s.paragraph("Mm", "Evakin_Matriks_Tengah")};
}

// The value texts of one indicator's K and Rp rows, column by column (5-15).
std::array<std::string, 2 * kValueColumns> valueTexts(const Row& r)
{
    std::array<std::string, 2 * kValueColumns> out;
    std::size_t i = 0;
    const auto pair = [&](std::string k, std::string rp) {
        out[i++] = std::move(k);
        out[i++] = std::move(rp);
    };
    pair(kText(r.renstraK), rpText(r.renstraRp));
    pair(kText(r.laluK), rpText(r.laluRp));
    pair(kText(r.targetK), rpText(r.paguRp));
    for (const QuarterValue& v : r.quarters) {
        const std::string mark = v.late && v.reported() ? "*" : "";
        pair(v.k ? kText(v.k) + mark : "-", v.rp ? rpText(v.rp) + mark : "-");
    }
    pair(figureText(r.realisasi.k, 2), figureText(r.realisasi.rp, 0));
    pair(figureText(r.capaian.k, 2), figureText(r.capaian.rp, 2));
    pair(figureText(r.renstra.k, 2), figureText(r.renstra.rp, 0));
    pair(figureText(r.capaianRenstra.k, 2), figureText(r.capaianRenstra.rp, 2));
    return out;
}

std::string cm(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2fcm", v);
    return buf;
}

// Columns sized to their longest value, so that no amount and no code breaks
// inside its cell (issue 15): the value and code columns take what their
// widest text needs at the table's font size, and the text columns (tujuan,
// sasaran, uraian, unit, keterangan) share the rest of the 30 cm of an F4
// landscape page in their usual proportions.
pugi::xml_node matrixTable(const Cursor& at, StyleSet& s, const Unit& u)
{
    constexpr double kTableCm = 30, kPoints = 6, kPadding = 0.18, kLeastValueCm = 1.1;
    std::array<double, kValueColumns> value{};
    value.fill(kLeastValueCm);
    double code = 1.2;
    for (const Row& r : u.rows) {
        code = std::max(code, longestWordCm(r.code, kPoints) + kPadding);
        const auto texts = valueTexts(r);
        for (std::size_t i = 0; i < texts.size(); ++i)
            value[i / 2] = std::max(value[i / 2], longestWordCm(texts[i], kPoints) + kPadding);
    }
    double fixed = 0.6 + 0.6 + code;
    for (double v : value) fixed += v;
    // Sasaran, uraian, indikator, unit, keterangan: never narrower than 60% of their usual width.
    const std::array<double, 5> usual{1.7, 2.5, 2.3, 1.3, 1.5};
    const double usualSum = 9.3, rest = std::max(kTableCm - fixed, 0.6 * usualSum);
    pugi::xml_node t = at.add("table:table");
    t.append_attribute("table:name") = ("Evaluasi_" + u.code).c_str();
    const std::string tableStyle = "EvM_Tabel_" + u.code;
    t.append_attribute("table:style-name") = s.table(tableStyle.c_str(), cm(fixed + rest).c_str());
    int n = 0;
    const auto col = [&](double width) {
        const std::string name = "EvM_" + u.code + "_" + std::to_string(++n);
        pugi::xml_node c = t.append_child("table:table-column");
        c.append_attribute("table:style-name") = s.column(name.c_str(), cm(width).c_str());
        c.append_attribute("table:default-cell-style-name") = "Ma";
    };
    col(0.6);
    col(rest * usual[0] / usualSum);
    col(code);
    col(rest * usual[1] / usualSum);
    col(rest * usual[2] / usualSum);
    col(0.6);
    for (double v : value) col(v);
    col(rest * usual[3] / usualSum);
    col(rest * usual[4] / usualSum);
    return t;
}

void matrixHeader(pugi::xml_node table, const char* head)
{
    const char* p = "Evakin_Matriks_Kepala";
    pugi::xml_node rows = table.append_child("table:table-header-rows");
    pugi::xml_node a = rows.append_child("table:table-row");
    pugi::xml_node b = rows.append_child("table:table-row");
    pugi::xml_node n = rows.append_child("table:table-row");
    const auto tall = [&](const char* title, const char* number) {
        addCell(a, head, p, title, 1, 2);
        addCovered(b);
        addCell(n, head, p, number);
    };
    // Numbered as the Permendagri 86/2017 form numbers them (as tabel-evaluasi.ods, eval_table.cpp).
    tall("No", "1");
    tall("Sasaran", "2");
    tall("Kode", "3");
    tall("Program / Kegiatan / Sub Kegiatan", "4");
    tall("Indikator Kinerja", "5");
    tall("K / Rp", "");
    tall("Target Renstra pada Tahun Akhir Periode Renstra", "6");
    tall("Realisasi Capaian Renstra s/d Renja Tahun Lalu", "7");
    tall("Target Kinerja dan Anggaran Renja Tahun Berjalan", "8");
    addCell(a, head, p, "Realisasi Kinerja dan Anggaran pada Triwulan", 4);
    addCovered(a, 3);
    int number = 9;
    for (const char* q : {"I", "II", "III", "IV"}) {
        addCell(b, head, p, q);
        addCell(n, head, p, std::to_string(number++));
    }
    tall("Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi", "13 = 9+10+11+12");
    tall("Tingkat Capaian Kinerja dan Realisasi Anggaran Renja (%)", "14 = 13/8 x 100%");
    tall("Realisasi Kinerja dan Anggaran Renstra s/d Tahun Berjalan", "15 = 7 + 13");
    tall("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d Tahun Berjalan (%)", "16 = 15/6 x 100%");
    tall("Unit Penanggung Jawab", "17");
    tall("Keterangan", "18");
}

// Rows sharing tujuan (or sasaran) with the next ones: the count on the first row of each run, 0 on the others.
std::vector<int> runs(const std::vector<Row>& rows, std::string Row::*field)
{
    std::vector<int> out(rows.size(), 0);
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i + 1;
        while (j < rows.size() && rows[j].*field == rows[i].*field) ++j;
        out[i] = static_cast<int>(j - i);
        i = j;
    }
    return out;
}

void matrixRows(pugi::xml_node table, const Unit& u, const MatrixStyles& st)
{
    const char* text = st.text;
    const char* num = st.num;
    const char* mid = st.mid;
    const std::vector<int> sasaran = runs(u.rows, &Row::sasaran);
    int no = 0;
    for (std::size_t i = 0; i < u.rows.size(); ++i) {
        const Row& r = u.rows[i];
        pugi::xml_node k = table.append_child("table:table-row");
        pugi::xml_node rp = table.append_child("table:table-row");
        addCell(k, st.cell, mid, std::to_string(++no), 1, 2);
        addCovered(rp);
        // The sasaran is written once per run of equal rows, not merged across
        // them: Writer cannot break a cell spanning many rows across pages. The
        // form has no tujuan column: the sasaran's cell names its tujuan.
        std::string target;
        if (sasaran[i] > 0) {
            target = r.sasaran;
            if (!r.tujuan.empty() && r.tujuan != r.sasaran)
                target += (target.empty() ? "" : " ") + std::string("(tujuan: ") + r.tujuan + ")";
        }
        addCell(k, st.cell, text, target, 1, 2);
        addCovered(rp);
        addCell(k, st.cell, text, r.code, 1, 2);
        addCovered(rp);
        addCell(k, st.cell, text, r.uraian, 1, 2);
        addCovered(rp);
        addCell(k, st.cell, text,
                r.indikator + (r.satuan.empty() ? "" : " (" + r.satuan + ")") + (r.type.empty() ? "" : "; " + r.type),
                1, 2);
        addCovered(rp);
        addCell(k, st.cell, mid, "K");
        addCell(rp, st.cellRp, mid, "Rp");
        const auto texts = valueTexts(r);
        std::string late;
        for (std::size_t t = 0; t < texts.size(); t += 2) {
            const std::size_t q = t / 2 - 3;   // columns 9-12 are the quarters
            const bool isLate = t / 2 >= 3 && q < 4 && r.quarters[q].late && r.quarters[q].reported();
            if (isLate) late += (late.empty() ? "" : ", ") + romanNumeral(static_cast<int>(q) + 1);
            addCell(k, isLate ? st.late : st.cell, num, texts[t]);
            addCell(rp, isLate ? st.late : st.cellRp, num, texts[t + 1]);
        }
        addCell(k, st.cell, text, u.name, 1, 2);
        addCovered(rp);
        std::string note = r.keterangan;
        if (!late.empty()) note += (note.empty() ? "" : "; ") + std::string("data triwulan ") + late + " terlambat";
        addCell(k, st.cell, text, note, 1, 2);
        addCovered(rp);
    }
}

std::string statusSentence(const Unit& u, const Period& p)
{
    switch (u.status) {
        case UnitStatus::valid:
            return "Data " + p.label() + " diterima dan sah" + (u.file.empty() ? "" : " (berkas " + u.file + ").");
        case UnitStatus::invalid:
            return u.name + ": data tidak sah. Kiriman " + (u.file.empty() ? "" : u.file + " ") +
                   "tidak lolos pemeriksaan (lihat rekap-pengumpulan.ods); realisasi " + p.label() +
                   " belum dimasukkan ke dalam tabel.";
        case UnitStatus::missing:
            return u.name + " belum menyampaikan data " + p.label() +
                   "; realisasi triwulan ini belum dimasukkan ke dalam tabel.";
    }
    return "";
}

std::string ratingSentence(const Summary& s)
{
    std::string out = "Rata-rata capaian kinerja: " + percentText(s.average);
    if (s.counted || s.skipped)
        out += " (" + std::to_string(s.counted) + " indikator dihitung" +
               (s.skipped ? ", " + std::to_string(s.skipped) + " tidak dapat dihitung" : std::string()) + ")";
    out += ". Predikat: " + (s.predikat.empty() ? std::string("-") : s.predikat) +
           ". Penyerapan anggaran: " + percentText(s.absorption) + ".";
    return out;
}

}   // namespace

void unitSections(const Cursor& at, const Context& c)
{
    const MatrixStyles st = matrixStyles(c.styles);
    const char* firstHeading = c.styles.paragraph("EvP_Unit_Pertama", "Heading_20_2");
    const char* nextHeading = c.styles.paragraph("EvP_Unit", "Heading_20_2", "fo:break-before", "page");
    int n = 0;
    for (const Unit& u : c.data.units) {
        at.heading(n == 0 ? firstHeading : nextHeading, 2, "2." + std::to_string(n + 1) + " " + u.name);
        ++n;
        at.paragraph(u.status == UnitStatus::valid ? "Evakin_Catatan" : "Evakin_Status",
                     statusSentence(u, c.data.period));
        if (u.rows.empty()) {
            at.paragraph("Text_20_body", "Unit ini tidak mempunyai indikator dalam rencana kerja.");
            continue;
        }
        pugi::xml_node t = matrixTable(at, c.styles, u);
        matrixHeader(t, st.head);
        matrixRows(t, u, st);
        at.paragraph("Evakin_Subjudul", ratingSentence(u.summary));
        at.paragraph(
            "Evakin_Catatan",
            "Keterangan: K = kinerja, Rp = anggaran (rupiah); - = belum ada data; t.d.h. = tidak dapat dihitung, "
            "dengan alasannya; * = data disampaikan terlambat. Kolom 14 baris Rp adalah penyerapan anggaran.");
    }
}

void summaryTable(const Cursor& at, const Context& c)
{
    StyleSet& s = c.styles;
    pugi::xml_node t = at.add("table:table");
    t.append_attribute("table:name") = "Ringkasan_Capaian";
    t.append_attribute("table:style-name") = s.table("EvR_Tabel", "16.5cm");
    for (const auto& [name, width] : std::vector<std::pair<const char*, const char*>>{{"EvR_No", "0.8cm"},
                                                                                      {"EvR_Unit", "4.4cm"},
                                                                                      {"EvR_Status", "2.6cm"},
                                                                                      {"EvR_Jumlah", "1.8cm"},
                                                                                      {"EvR_Capaian", "2.1cm"},
                                                                                      {"EvR_Predikat", "2.7cm"},
                                                                                      {"EvR_Serapan", "2.1cm"}}) {
        t.append_child("table:table-column").append_attribute("table:style-name") = s.column(name, width);
    }
    const char* head = s.cell("EvR_Kepala", "#d9e2f3", "middle");
    const char* cell = s.cell("EvR_Sel", "");
    const char* bad = s.cell("EvR_Sel_Kurang", "#fde9e9");
    const char* total = s.cell("EvR_Jumlah_Sel", "#f2f2f2");
    pugi::xml_node hr = t.append_child("table:table-header-rows").append_child("table:table-row");
    for (const char* h : {"No", "Unit Kerja", "Status Data", "Indikator Dihitung", "Rata-rata Capaian Kinerja",
                          "Predikat", "Penyerapan Anggaran"})
        addCell(hr, head, "Evakin_Tabel_Kepala", h);
    int no = 0;
    for (const Unit& u : c.data.units) {
        pugi::xml_node r = t.append_child("table:table-row");
        const char* cs = u.status == UnitStatus::valid ? cell : bad;
        addCell(r, cs, "Evakin_Tabel_Tengah", std::to_string(++no));
        addCell(r, cs, "Evakin_Tabel_Sel", u.name);
        addCell(r, cs, "Evakin_Tabel_Sel", unitStatusWords(u.status).report);
        addCell(r, cs, "Evakin_Tabel_Tengah",
                std::to_string(u.summary.counted) + " dari " + std::to_string(u.rows.size()));
        addCell(r, cs, "Evakin_Tabel_Angka", percentText(u.summary.average));
        addCell(r, cs, "Evakin_Tabel_Tengah", u.summary.predikat.empty() ? "-" : u.summary.predikat);
        addCell(r, cs, "Evakin_Tabel_Angka", percentText(u.summary.absorption));
    }
    pugi::xml_node r = t.append_child("table:table-row");
    std::size_t rows = 0;
    for (const Unit& u : c.data.units) rows += u.rows.size();
    addCell(r, total, "Evakin_Tabel_Kepala",
            "Seluruh " + (c.profile.officeShortName.empty() ? c.data.office : c.profile.officeShortName), 3);
    addCovered(r, 2);
    addCell(r, total, "Evakin_Tabel_Tengah", std::to_string(c.data.summary.counted) + " dari " + std::to_string(rows));
    addCell(r, total, "Evakin_Tabel_Angka", percentText(c.data.summary.average));
    addCell(r, total, "Evakin_Tabel_Tengah", c.data.summary.predikat.empty() ? "-" : c.data.summary.predikat);
    addCell(r, total, "Evakin_Tabel_Angka", percentText(c.data.summary.absorption));
    at.paragraph("Evakin_Catatan",
                 "Rata-rata capaian kinerja adalah rata-rata tingkat capaian kinerja Renja (kolom 14, K) "
                 "indikator yang dapat dihitung; predikat menurut rentang nilai yang berlaku.");
}

}   // namespace evakin::report
