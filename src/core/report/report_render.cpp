// Turns the report template and the evaluation data into the report package:
// scalar placeholders first (so text written by units is never taken for a
// placeholder), then the block placeholders, then the table of contents.
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/UTF8String.h>

#include <map>
#include <vector>

#include "text/error.hpp"
#include "io/format_id.hpp"
#include "report/report_render.hpp"

namespace evakin::report {

namespace {

std::string allText(pugi::xml_node n)
{
    std::string out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata)
            out += c.value();
        else if (std::string(c.name()) == "text:s")
            out += std::string(c.attribute("text:c").as_uint(1), ' ');
        else if (std::string(c.name()) == "text:tab" || std::string(c.name()) == "text:line-break")
            out += ' ';
        else
            out += allText(c);
    }
    return out;
}

void collect(pugi::xml_node n, const char* name, std::vector<pugi::xml_node>& out)
{
    for (pugi::xml_node c : n.children()) {
        if (std::string(c.name()) == name)
            out.push_back(c);
        else
            collect(c, name, out);
    }
}

std::string listOfUnits(const Data& d, UnitStatus s)
{
    std::string out;
    for (const Unit& u : d.units)
        if (u.status == s) out += (out.empty() ? "" : ", ") + u.name;
    return out;
}

std::map<std::string, std::string> scalars(const Data& d, const Profile& p, const Options& o,
                                           const std::string& isoDate)
{
    const std::string office = p.officeName.empty() ? d.office : p.officeName;
    const std::string city = o.city.empty() ? p.city : o.city;
    std::size_t valid = 0, rows = 0;
    for (const Unit& u : d.units) {
        valid += u.status == UnitStatus::valid;
        rows += u.rows.size();
    }
    std::string completeness = "Seluruh unit kerja telah menyampaikan data yang sah.";
    const std::string missing = listOfUnits(d, UnitStatus::missing), invalid = listOfUnits(d, UnitStatus::invalid);
    if (!missing.empty() || !invalid.empty()) {
        completeness.clear();
        if (!missing.empty()) completeness += "Unit kerja yang belum menyampaikan data: " + missing + ".";
        if (!invalid.empty())
            completeness +=
                std::string(completeness.empty() ? "" : " ") + "Unit kerja yang datanya tidak sah: " + invalid + ".";
    }
    const bool annual = d.period.triwulan == 4;
    return {
        {"kantor", office},
        {"kantor_singkat", p.officeShortName.empty() ? office : p.officeShortName},
        {"kantor_kapital", Poco::UTF8::toUpper(office)},
        {"alamat", p.address},
        {"telepon", p.telephone},
        {"kota", city},
        {"kota_kapital", Poco::UTF8::toUpper(city)},
        {"tahun", std::to_string(d.period.year)},
        {"triwulan", d.period.romanTriwulan()},
        {"periode", d.period.label()},
        {"judul", d.period.reportTitle()},
        {"judul_kapital", "LAPORAN EVALUASI KINERJA"},
        {"judul_periode_kapital",
         annual ? "TAHUN " + std::to_string(d.period.year) : Poco::UTF8::toUpper(d.period.label())},
        {"tanggal", formatDateId(isoDate)},
        {"jabatan_kepala", p.head.jabatan},
        {"nama_kepala", p.head.nama},
        {"nip_kepala", p.head.nip},
        {"jumlah_unit", std::to_string(d.units.size())},
        {"unit_sah", std::to_string(valid)},
        {"jumlah_indikator", std::to_string(rows)},
        {"rata_rata_kantor", percentText(d.summary.average)},
        {"predikat_kantor", d.summary.predikat.empty() ? "-" : d.summary.predikat},
        {"serapan_kantor", percentText(d.summary.absorption)},
        {"catatan_kelengkapan", completeness},
    };
}

// The parent of an automatic paragraph style (which may carry a page break), for repeated lines.
std::string plainStyle(const OdfDocument& doc, const std::string& style)
{
    for (pugi::xml_node s : doc.root().child("office:automatic-styles").children("style:style"))
        if (style == s.attribute("style:name").value() && s.attribute("style:parent-style-name"))
            return s.attribute("style:parent-style-name").value();
    return style;
}

void fillBlock(const std::string& key, pugi::xml_node p, const Context& c, const Options& o, OdfDocument& doc)
{
    const Cursor at{p.parent(), p};
    if (key == "kop") {
        const std::string first = p.attribute("text:style-name").value(), rest = plainStyle(doc, first);
        for (std::size_t i = 0; i < c.profile.kopLines.size(); ++i)
            at.paragraph(i ? rest.c_str() : first.c_str(), c.profile.kopLines[i]);
        if (c.profile.kopLines.empty()) at.paragraph(first.c_str(), c.profile.officeName);
    } else if (key == "dasar_hukum") {
        pugi::xml_node list = at.add("text:list");
        list.append_attribute("text:style-name") = "Evakin_Daftar_Angka";
        for (const std::string& item : o.dasarHukum)
            appendParagraph(list.append_child("text:list-item"), "Evakin_Daftar", item);
    } else if (key == "bab2_unit") {
        unitSections(at, c);
    } else if (key == "bab3_ringkasan") {
        summaryTable(at, c);
    } else if (key == "bab3_grafik") {
        chart(at, c, doc);
    } else if (key == "bab3_pendorong") {
        unitTexts(at, c, UnitText::pendorong);
    } else if (key == "bab3_penghambat") {
        unitTexts(at, c, UnitText::penghambat);
    } else if (key == "bab3_tindak_lanjut") {
        unitTexts(at, c, UnitText::tindakLanjut);
    } else if (key == "bab3_catatan") {
        notes(at, c);
    } else if (key == "lampiran_tabel") {
        lampiran(at, c);
    } else {
        return;   // not ours: stays visible for staff
    }
    p.parent().remove_child(p);
}

// Rebuilds the table of contents from the headings. Page numbers are page
// reference fields to a bookmark on each heading, so Writer lays them out
// (also in a PDF export) without an index update; "Update Index" replaces them
// with Writer's own entries.
void tableOfContents(pugi::xml_node body)
{
    std::vector<pugi::xml_node> tocs;
    collect(body, "text:table-of-content", tocs);
    if (tocs.empty()) return;
    pugi::xml_node indexBody = tocs.front().child("text:index-body");
    if (!indexBody) indexBody = tocs.front().append_child("text:index-body");
    for (pugi::xml_node c = indexBody.first_child(); c;) {
        const pugi::xml_node next = c.next_sibling();
        if (std::string(c.name()) != "text:index-title") indexBody.remove_child(c);
        c = next;
    }
    const int maxLevel = tocs.front().child("text:table-of-content-source").attribute("text:outline-level").as_int(2);
    std::vector<pugi::xml_node> headings;
    collect(body, "text:h", headings);
    int n = 0;
    for (pugi::xml_node h : headings) {
        const int level = h.attribute("text:outline-level").as_int(1);
        if (level > maxLevel) continue;
        const std::string text = allText(h), mark = "_EvakinToc" + std::to_string(++n);
        h.prepend_child("text:bookmark-start").append_attribute("text:name") = mark.c_str();
        h.append_child("text:bookmark-end").append_attribute("text:name") = mark.c_str();
        pugi::xml_node p = indexBody.append_child("text:p");
        p.append_attribute("text:style-name") = level == 1 ? "Contents_20_1" : "Contents_20_2";
        pugi::xml_node a = p.append_child("text:a");
        a.append_attribute("xlink:type") = "simple";
        a.append_attribute("xlink:href") = ("#" + mark).c_str();
        // Writer's own entries link with "Index Link" (plain text), not the blue "Internet Link".
        a.append_attribute("text:style-name") = "Index_20_Link";
        a.append_attribute("text:visited-style-name") = "Index_20_Link";
        appendText(a, text);
        a.append_child("text:tab");
        pugi::xml_node ref = a.append_child("text:bookmark-ref");
        ref.append_attribute("text:reference-format") = "page";
        ref.append_attribute("text:ref-name") = mark.c_str();
        ref.text().set("1");
    }
}

}   // namespace

std::string render(const Data& data, const Profile& profile, const Options& options, const std::string& isoDate,
                   const std::string& templateXml, const std::string& templateName, const Poco::DateTime& packageTime)
{
    OdfDocument doc = OdfDocument::fromFlat(templateXml, templateName);
    pugi::xml_node body = doc.content();
    if (!body || std::string(body.name()) != "office:text")
        throw Error(templateName, Text{"Templat laporan bukan dokumen Writer (.fodt).",
                                       "The report template is not a Writer document (.fodt)."});
    const auto values = scalars(data, profile, options, isoDate);
    replacePlaceholders(doc.root(), [&](const std::string& key, std::string& value) {
        const auto it = values.find(key);
        if (it == values.end()) return false;
        value = it->second;
        return true;
    });
    StyleSet styles(doc.automaticStyles());
    const Context context{data, profile, styles};
    std::vector<pugi::xml_node> paragraphs;
    collect(body, "text:p", paragraphs);
    for (pugi::xml_node p : paragraphs) {
        const std::string text = allText(p);
        if (text.size() > 2 && text.front() == '{' && text.back() == '}' && text.find('{', 1) == std::string::npos)
            fillBlock(text.substr(1, text.size() - 2), p, context, options, doc);
    }
    tableOfContents(body);
    doc.setTitle(data.period.reportTitle());
    doc.setCreationDate(Poco::DateTimeFormatter::format(packageTime, "%Y-%m-%dT%H:%M:%S"));
    doc.setUserProperty("evakin.report.year", std::to_string(data.period.year));
    doc.setUserProperty("evakin.report.triwulan", std::to_string(data.period.triwulan));
    return doc.toPackage(packageTime);
}

}   // namespace evakin::report
