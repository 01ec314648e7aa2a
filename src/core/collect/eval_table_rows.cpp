// The Permendagri 86/2017 evaluation table's header and row cells (see the header file).
#include "collect/eval_table_rows.hpp"

#include "io/format_id.hpp"

namespace evakin {

void evaluationTableHeader(EvalHeaderSink& s)
{
    // Four rows: titles, triwulan I-IV, K / Rp, the column numbers of the form.
    const auto tall = [&](const char* title, const char* number) {
        s.cell(0, title, 1, 3);
        s.covered(1, 1);
        s.covered(2, 1);
        s.cell(3, number, 1, 1);
    };
    const auto kRp = [&](int row) {
        s.cell(row, "K", 1, 1);
        s.cell(row, "Rp", 1, 1);
    };
    const auto pair = [&](const char* title, const char* number) {
        s.cell(0, title, 2, 2);
        s.covered(0, 1);
        s.covered(1, 2);
        kRp(2);
        s.cell(3, number, 2, 1);
        s.covered(3, 1);
    };
    tall("No", "1");
    tall("Sasaran", "2");
    tall("Kode", "3");
    tall("Urusan / Bidang Urusan / Program / Kegiatan / Sub Kegiatan", "4");
    tall("Indikator Kinerja Program (outcome) / Kegiatan (output)", "5");
    pair("Target Renstra Perangkat Daerah pada Tahun Akhir Periode Renstra", "6");
    pair("Realisasi Capaian Kinerja Renstra s/d Renja Tahun Lalu", "7");
    pair("Target Kinerja dan Anggaran Renja Tahun Berjalan", "8");
    s.cell(0, "Realisasi Kinerja pada Triwulan", 8, 1);
    s.covered(0, 7);
    for (const char* q : {"I", "II", "III", "IV"}) {
        s.cell(1, q, 2, 1);
        s.covered(1, 1);
        kRp(2);
    }
    for (const char* n : {"9", "10", "11", "12"}) {
        s.cell(3, n, 2, 1);
        s.covered(3, 1);
    }
    pair("Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi", "13 = 9+10+11+12");
    pair("Tingkat Capaian Kinerja dan Realisasi Anggaran Renja (%)", "14 = 13/8 x 100%");
    pair("Realisasi Kinerja dan Anggaran Renstra s/d Tahun Berjalan", "15 = 7 + 13");
    pair("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d Tahun Berjalan (%)", "16 = 15/6 x 100%");
    tall("Unit Penanggung Jawab", "17");
    tall("Keterangan", "18");
}

std::string sasaranText(const std::string& tujuan, const std::string& sasaran)
{
    if (tujuan.empty() || tujuan == sasaran) return sasaran;
    return sasaran + (sasaran.empty() ? "" : " ") + "(tujuan: " + tujuan + ")";
}

namespace {

EvalCell text(std::string t) { return {EvalCell::Kind::text, 0, std::move(t), false}; }

EvalCell number(const std::optional<double>& v, bool late = false)
{
    if (!v) return {EvalCell::Kind::empty, 0, "", late};
    return {EvalCell::Kind::number, *v, "", late};
}

// A computed column: its value, "-" before any data, or why it cannot be computed; empty where it does not apply.
EvalCell figure(const Figure& f, bool applicable = true)
{
    if (!applicable) return {};
    if (f.ok()) return number(f.value);
    return {EvalCell::Kind::notComputed, 0, f.why == NotComputable::noData ? "-" : notComputableText(f.why).id, false};
}

}   // namespace

std::vector<EvalCell> evaluationTableCells(const EvaluationRow& r, std::size_t no, const std::string& unitName)
{
    const bool budget = r.paguRp.has_value();
    std::vector<EvalCell> c;
    c.reserve(kEvalTableColumns);
    c.push_back(number(static_cast<double>(no)));
    c.push_back(text(sasaranText(r.tujuan, r.sasaran)));
    c.push_back(text(r.code));
    c.push_back(text(r.uraian));
    c.push_back(text(r.indikator + " (" + r.satuan + "; " + r.type + ")"));
    c.push_back(number(r.renstraK));
    c.push_back(number(r.renstraRp));
    c.push_back(number(r.laluK));
    c.push_back(number(r.laluRp));
    c.push_back(number(r.targetK));
    c.push_back(number(r.paguRp));
    std::string late;
    for (int q = 0; q < 4; ++q) {
        const QuarterValue& v = r.quarters[static_cast<std::size_t>(q)];
        c.push_back(number(v.k, v.late));
        c.push_back(number(v.rp, v.late));
        if (v.late && v.reported()) late += (late.empty() ? "" : ", ") + romanNumeral(q + 1);
    }
    c.push_back(figure(r.realisasi.k));
    c.push_back(figure(r.realisasi.rp, budget));
    c.push_back(figure(r.capaian.k));
    c.push_back(figure(r.capaian.rp, budget));
    c.push_back(figure(r.renstra.k));
    c.push_back(figure(r.renstra.rp, budget || r.laluRp.has_value()));
    c.push_back(figure(r.capaianRenstra.k));
    c.push_back(figure(r.capaianRenstra.rp, budget || r.renstraRp.has_value()));
    c.push_back(text(unitName));
    std::string note = r.keterangan;
    if (!late.empty()) note += (note.empty() ? "" : "; ") + std::string("data triwulan ") + late + " terlambat";
    c.push_back(text(note));
    return c;
}

std::string evalUnitTitle(const std::string& name, const std::string& code, UnitStatus status, const std::string& file)
{
    return name + " (" + code + "): " + unitStatusWords(status).table + (file.empty() ? "" : ", berkas " + file);
}

std::string evalSummaryLabel(const std::string& name)
{
    return "Rata-rata capaian kinerja dan realisasi anggaran " + name;
}

std::string evalPredikatText(const std::string& predikat, std::size_t skipped)
{
    std::string out = "Predikat: " + (predikat.empty() ? std::string("-") : predikat);
    if (skipped) out += " (" + std::to_string(skipped) + " indikator tidak dihitung)";
    return out;
}

std::vector<EvalTextRow> evalOfficeTextRows(const std::vector<EvalUnitTexts>& units)
{
    const auto joined = [&](std::string EvalUnitTexts::*field) {
        std::string out;
        for (const EvalUnitTexts& u : units) {
            std::string text = u.*field;
            while (!text.empty() && (text.back() == '.' || text.back() == ';')) text.pop_back();
            if (!text.empty()) out += (out.empty() ? "" : "; ") + u.name + ": " + text;
        }
        return out.empty() ? "-" : out + ".";
    };
    return {{"Faktor pendorong keberhasilan pencapaian", joined(&EvalUnitTexts::pendorong)},
            {"Faktor penghambat pencapaian kinerja", joined(&EvalUnitTexts::penghambat)},
            {"Tindak lanjut yang diperlukan dalam triwulan berikutnya", joined(&EvalUnitTexts::tindakLanjut)},
            // Not asked of the units: the planning staff write it when they draft the next Renja.
            {"Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya", "-"}};
}

EvaluationRow evaluationRow(const MergedRow& m)
{
    const PlanRow& p = *m.plan;
    const RowFigures& f = m.figures;
    EvaluationRow r;
    r.key = p.key;
    r.code = p.code;
    r.indikator = p.indikator;
    r.type = indicatorTypeName(p.type);
    r.hasPlan = true;
    r.tujuan = p.tujuan;
    r.sasaran = p.sasaran;
    r.uraian = p.uraian;
    r.satuan = p.satuan;
    r.level = p.level;
    r.renstraK = p.targetRenstraK;
    r.renstraRp = p.targetRenstraRp;
    r.laluK = p.realisasiLaluK;
    r.laluRp = p.realisasiLaluRp;
    r.targetK = p.targetK;
    r.paguRp = p.paguRp;
    r.quarters = m.quarters;
    r.realisasi = {f.realisasiK, f.realisasiRp};
    r.capaian = {f.capaianK, f.capaianRp};
    r.renstra = {f.renstraK, f.renstraRp};
    r.capaianRenstra = {f.capaianRenstraK, f.capaianRenstraRp};
    r.keterangan = m.keterangan;
    return r;
}

}   // namespace evakin
