// Bab III's text sections: the units' own words (faktor pendorong,
// penghambat, tindak lanjut from their returns) and the year's late data and
// corrections.
#include <sstream>

#include "io/format_id.hpp"
#include "report/report_render.hpp"
#include "text/text_util.hpp"

namespace evakin::report {

namespace {

// "K 12; Rp 1.000.000": only the values the correction changed.
std::string correctionText(const Correction& c, const std::optional<double>& k, const std::optional<double>& rp)
{
    std::string out;
    if (c.setsK) out = "K " + kText(k);
    if (c.setsRp) out += (out.empty() ? "" : "; ") + std::string("Rp ") + rpText(rp);
    return out;
}

}   // namespace

void unitTexts(const Cursor& at, const Context& c, UnitText which)
{
    for (const Unit& u : c.data.units) {
        at.paragraph("Evakin_Subjudul", u.name);
        if (u.status != UnitStatus::valid) {
            at.paragraph("Evakin_Isi_Unit", u.status == UnitStatus::missing
                                                ? "Belum menyampaikan data " + c.data.period.label() + "."
                                                : "Data tidak sah; isian unit belum dapat digunakan.");
            continue;
        }
        const std::string& text = which == UnitText::pendorong    ? u.pendorong
                                  : which == UnitText::penghambat ? u.penghambat
                                                                  : u.tindakLanjut;
        const std::vector<std::string> ls = nonEmptyLines(text);
        if (ls.empty()) at.paragraph("Evakin_Isi_Unit", "(tidak diisi oleh unit)");
        for (const std::string& l : ls) at.paragraph("Evakin_Isi_Unit", l);
    }
}

void notes(const Cursor& at, const Context& c)
{
    const std::vector<Late> late = c.data.late();
    if (late.empty() && c.data.corrections.empty() && c.data.planChanges.empty()) {
        at.paragraph("Text_20_body", "Pada " + c.data.period.label() +
                                         " tidak ada data yang disampaikan terlambat, tidak ada koreksi terhadap data "
                                         "triwulan sebelumnya, dan rencana kerja tidak berubah.");
        return;
    }
    StyleSet& s = c.styles;
    const char* head = s.cell("EvR_Kepala", "#d9e2f3", "middle");
    const char* cell = s.cell("EvR_Sel", "");
    if (!late.empty()) {
        at.paragraph("Evakin_Subjudul", "Data yang disampaikan terlambat");
        pugi::xml_node t = at.add("table:table");
        t.append_attribute("table:name") = "Data_Terlambat";
        t.append_attribute("table:style-name") = s.table("EvR_Tabel", "16.5cm");
        for (const auto& [name, width] : std::vector<std::pair<const char*, const char*>>{{"EvL_No", "0.8cm"},
                                                                                          {"EvL_Unit", "4.5cm"},
                                                                                          {"EvL_Kode", "3cm"},
                                                                                          {"EvL_Indikator", "6.2cm"},
                                                                                          {"EvL_Triwulan", "2cm"}})
            t.append_child("table:table-column").append_attribute("table:style-name") = s.column(name, width);
        pugi::xml_node hr = t.append_child("table:table-header-rows").append_child("table:table-row");
        for (const char* h : {"No", "Unit Kerja", "Kode", "Indikator", "Triwulan"})
            addCell(hr, head, "Evakin_Tabel_Kepala", h);
        int no = 0;
        for (const Late& l : late) {
            pugi::xml_node r = t.append_child("table:table-row");
            addCell(r, cell, "Evakin_Tabel_Tengah", std::to_string(++no));
            addCell(r, cell, "Evakin_Tabel_Sel", l.unit);
            addCell(r, cell, "Evakin_Tabel_Sel", l.row);
            addCell(r, cell, "Evakin_Tabel_Sel", l.indikator);
            addCell(r, cell, "Evakin_Tabel_Tengah", romanNumeral(l.triwulan));
        }
    }
    if (!c.data.corrections.empty()) {
        at.paragraph("Evakin_Subjudul", "Koreksi data triwulan sebelumnya");
        pugi::xml_node t = at.add("table:table");
        t.append_attribute("table:name") = "Koreksi";
        t.append_attribute("table:style-name") = s.table("EvR_Tabel", "16.5cm");
        for (const auto& [name, width] : std::vector<std::pair<const char*, const char*>>{{"EvK_No", "0.8cm"},
                                                                                          {"EvK_Unit", "3cm"},
                                                                                          {"EvK_Baris", "2.2cm"},
                                                                                          {"EvK_Tw", "1.2cm"},
                                                                                          {"EvK_Nilai", "2.6cm"},
                                                                                          {"EvK_Nilai", "2.6cm"},
                                                                                          {"EvK_Alasan", "4.1cm"}})
            t.append_child("table:table-column").append_attribute("table:style-name") = s.column(name, width);
        pugi::xml_node hr = t.append_child("table:table-header-rows").append_child("table:table-row");
        for (const char* h : {"No", "Unit Kerja", "Kode", "Tw", "Semula", "Menjadi", "Alasan, oleh, waktu"})
            addCell(hr, head, "Evakin_Tabel_Kepala", h);
        int no = 0;
        for (const Correction& k : c.data.corrections) {
            pugi::xml_node r = t.append_child("table:table-row");
            const Unit* unit = nullptr;
            for (const Unit& u : c.data.units)
                if (u.code == k.unitCode) unit = &u;
            addCell(r, cell, "Evakin_Tabel_Tengah", std::to_string(++no));
            addCell(r, cell, "Evakin_Tabel_Sel", unit ? unit->name : k.unitCode);
            addCell(r, cell, "Evakin_Tabel_Sel", k.rowKey);
            addCell(r, cell, "Evakin_Tabel_Tengah", romanNumeral(k.triwulan));
            addCell(r, cell, "Evakin_Tabel_Angka", correctionText(k, k.oldK, k.oldRp));
            addCell(r, cell, "Evakin_Tabel_Angka", correctionText(k, k.newK, k.newRp));
            std::string why = k.reason;
            if (!k.by.empty()) why += " (" + k.by + (k.at.empty() ? "" : ", " + formatDateId(k.at.substr(0, 10))) + ")";
            addCell(r, cell, "Evakin_Tabel_Sel", why);
        }
    }
    if (!c.data.planChanges.empty()) {
        at.paragraph("Evakin_Subjudul", "Perubahan rencana kerja (Renja perubahan) sejak triwulan sebelumnya");
        pugi::xml_node t = at.add("table:table");
        t.append_attribute("table:name") = "Perubahan_Rencana";
        t.append_attribute("table:style-name") = s.table("EvR_Tabel", "16.5cm");
        for (const auto& [name, width] : std::vector<std::pair<const char*, const char*>>{{"EvP_No", "0.8cm"},
                                                                                          {"EvP_Unit", "3cm"},
                                                                                          {"EvP_Kode", "2.6cm"},
                                                                                          {"EvP_Ubah", "4.1cm"},
                                                                                          {"EvP_Nilai", "3cm"},
                                                                                          {"EvP_Nilai", "3cm"}})
            t.append_child("table:table-column").append_attribute("table:style-name") = s.column(name, width);
        pugi::xml_node hr = t.append_child("table:table-header-rows").append_child("table:table-row");
        for (const char* h : {"No", "Unit Kerja", "Kode", "Perubahan", "Semula", "Menjadi"})
            addCell(hr, head, "Evakin_Tabel_Kepala", h);
        int no = 0;
        for (const PlanChange& p : c.data.planChanges) {
            pugi::xml_node r = t.append_child("table:table-row");
            const Unit* unit = nullptr;
            for (const Unit& u : c.data.units)
                if (u.code == p.unitCode) unit = &u;
            addCell(r, cell, "Evakin_Tabel_Tengah", std::to_string(++no));
            addCell(r, cell, "Evakin_Tabel_Sel", unit ? unit->name : p.unitCode);
            addCell(r, cell, "Evakin_Tabel_Sel", p.key);
            addCell(r, cell, "Evakin_Tabel_Sel",
                    p.kind == PlanChange::Kind::changed
                        ? p.field + " " + planChangeKindText(p.kind) + " (" + p.indikator + ")"
                        : std::string(planChangeKindText(p.kind)) + ": " + p.indikator);
            addCell(r, cell, "Evakin_Tabel_Angka", p.before);
            addCell(r, cell, "Evakin_Tabel_Angka", p.after);
        }
    }
}

}   // namespace evakin::report
