// Bab II's tables: one Permendagri 86/2017 evaluation table per unit, on
// landscape pages. Each indicator takes two rows, K (kinerja) above Rp
// (anggaran), so full Rupiah amounts fit in 11 value columns on F4 landscape
// paper; split K/Rp sub-columns (22 value columns) would need 6 pt Rupiah
// amounts wrapped mid-number.
#include <map>

#include "io/format_id.hpp"
#include "report/report_render.hpp"

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

pugi::xml_node matrixTable(const Cursor& at, StyleSet& s, const std::string& name)
{
    pugi::xml_node t = at.add("table:table");
    t.append_attribute("table:name") = name.c_str();
    t.append_attribute("table:style-name") = s.table("EvM_Tabel", "30cm");
    const auto col = [&](const char* style, const char* width, int n = 1) {
        pugi::xml_node c = t.append_child("table:table-column");
        c.append_attribute("table:style-name") = s.column(style, width);
        if (n > 1) c.append_attribute("table:number-columns-repeated") = n;
        c.append_attribute("table:default-cell-style-name") = "Ma";
    };
    col("EvM_No", "0.6cm");
    col("EvM_Tujuan", "1.55cm", 2);
    col("EvM_Kode", "1.9cm");
    col("EvM_Uraian", "3.2cm");
    col("EvM_KRp", "0.6cm");
    col("EvM_Nilai", "1.6cm", kValueColumns);
    col("EvM_Unit", "1.4cm");
    col("EvM_Ket", "1.6cm");
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
    tall("No", "0");
    tall("Tujuan", "1");
    tall("Sasaran", "2");
    tall("Kode", "3");
    tall("Program / Kegiatan / Sub Kegiatan dan Indikator Kinerja", "4");
    tall("K / Rp", "");
    tall("Target Renstra pada Tahun Akhir Periode Renstra", "5");
    tall("Realisasi Capaian Renstra s/d Renja Tahun Lalu", "6");
    tall("Target Kinerja dan Anggaran Renja Tahun Berjalan", "7");
    addCell(a, head, p, "Realisasi Kinerja dan Anggaran pada Triwulan", 4);
    addCovered(a, 3);
    int number = 8;
    for (const char* q : {"I", "II", "III", "IV"}) {
        addCell(b, head, p, q);
        addCell(n, head, p, std::to_string(number++));
    }
    tall("Realisasi Capaian Kinerja dan Anggaran Renja Tahun Berjalan", "12 = 8+9+10+11");
    tall("Tingkat Capaian Kinerja dan Realisasi Anggaran Renja (%)", "13 = 12/7 x 100");
    tall("Realisasi Kinerja dan Anggaran Renstra s/d Tahun Berjalan", "14 = 6 + 12");
    tall("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d Tahun Berjalan (%)", "15 = 14/5 x 100");
    tall("Unit Penanggung Jawab", "16");
    tall("Keterangan", "17");
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
    const std::vector<int> tujuan = runs(u.rows, &Row::tujuan), sasaran = runs(u.rows, &Row::sasaran);
    int no = 0;
    for (std::size_t i = 0; i < u.rows.size(); ++i) {
        const Row& r = u.rows[i];
        pugi::xml_node k = table.append_child("table:table-row");
        pugi::xml_node rp = table.append_child("table:table-row");
        addCell(k, st.cell, mid, std::to_string(++no), 1, 2);
        addCovered(rp);
        // Tujuan and sasaran are written once per run of equal rows, not merged
        // across them: Writer cannot break a cell spanning many rows across pages.
        for (const auto* runsOf : {&tujuan, &sasaran}) {
            addCell(k, st.cell, text, (*runsOf)[i] > 0 ? (runsOf == &tujuan ? r.tujuan : r.sasaran) : std::string(), 1,
                    2);
            addCovered(rp);
        }
        addCell(k, st.cell, text, r.code, 1, 2);
        addCovered(rp);
        pugi::xml_node what = addCell(k, st.cell, text, r.uraian, 1, 2);
        appendParagraph(what, text,
                        "Indikator: " + r.indikator + (r.satuan.empty() ? "" : " (" + r.satuan + ")") +
                            (r.type.empty() ? "" : "; " + r.type));
        addCovered(rp);
        addCell(k, st.cell, mid, "K");
        addCell(rp, st.cellRp, mid, "Rp");
        addCell(k, st.cell, num, kText(r.renstraK));
        addCell(rp, st.cellRp, num, rpText(r.renstraRp));
        addCell(k, st.cell, num, kText(r.laluK));
        addCell(rp, st.cellRp, num, rpText(r.laluRp));
        addCell(k, st.cell, num, kText(r.targetK));
        addCell(rp, st.cellRp, num, rpText(r.paguRp));
        std::string late;
        for (int q = 0; q < 4; ++q) {
            const QuarterValue& v = r.quarters[static_cast<std::size_t>(q)];
            const std::string mark = v.late && v.reported() ? "*" : "";
            if (!mark.empty()) late += (late.empty() ? "" : ", ") + romanNumeral(q + 1);
            addCell(k, mark.empty() ? st.cell : st.late, num, v.k ? kText(v.k) + mark : "-");
            addCell(rp, mark.empty() ? st.cellRp : st.late, num, v.rp ? rpText(v.rp) + mark : "-");
        }
        addCell(k, st.cell, num, figureText(r.realisasi.k, 2));
        addCell(rp, st.cellRp, num, figureText(r.realisasi.rp, 0));
        addCell(k, st.cell, num, figureText(r.capaian.k, 2));
        addCell(rp, st.cellRp, num, figureText(r.capaian.rp, 2));
        addCell(k, st.cell, num, figureText(r.renstra.k, 2));
        addCell(rp, st.cellRp, num, figureText(r.renstra.rp, 0));
        addCell(k, st.cell, num, figureText(r.capaianRenstra.k, 2));
        addCell(rp, st.cellRp, num, figureText(r.capaianRenstra.rp, 2));
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
        pugi::xml_node t = matrixTable(at, c.styles, "Evaluasi_" + u.code);
        matrixHeader(t, st.head);
        matrixRows(t, u, st);
        at.paragraph("Evakin_Subjudul", ratingSentence(u.summary));
        at.paragraph(
            "Evakin_Catatan",
            "Keterangan: K = kinerja, Rp = anggaran (rupiah); - = belum ada data; t.d.h. = tidak dapat dihitung, "
            "dengan alasannya; * = data disampaikan terlambat. Kolom 13 baris Rp adalah penyerapan anggaran.");
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
                 "Rata-rata capaian kinerja adalah rata-rata tingkat capaian kinerja Renja (kolom 13, K) "
                 "indikator yang dapat dihitung; predikat menurut rentang nilai yang berlaku.");
}

}   // namespace evakin::report
