// Reading and identifying one returned form: the workbook (never through
// LibreOffice), whose unit and period it is, and where its indicator table is.
#include <algorithm>
#include <cctype>

#include "collect/collect_return.hpp"
#include "text/text_util.hpp"
#include "io/files.hpp"
#include "model/form_layout.hpp"

namespace evakin::collect_detail {

namespace {

// The form template's sheet name (templates/format-pengumpulan.fods).
const char* const kFormSheet = "Evaluasi";
const char* const kUnitLabel = "Unit kerja:";
const char* const kPeriodLabel = "Periode:";

CollectProblem problem(const std::string& file, Severity severity, Text message, const std::string& sheet = {},
                       const std::string& cell = {})
{
    return CollectProblem{Problem{file, sheet, cell, {}, std::move(message)}, severity, {}};
}

// The header row of the indicator table: "No" and "Kode" side by side.
std::optional<std::size_t> headerRow(const Sheet& s)
{
    const std::size_t limit = std::min<std::size_t>(s.rows.size(), 200);
    for (std::size_t r = 0; r < limit; ++r)
        if (trimSpaces(s.at(r, form::colNo).text) == "No" && trimSpaces(s.at(r, form::colKode).text) == "Kode")
            return r;
    return std::nullopt;
}

bool rowEmpty(const Sheet& s, std::size_t r)
{
    if (r >= s.rows.size()) return true;
    for (const Cell& c : s.rows[r])
        if (!c.empty() && !(c.type == Cell::Type::text && trimSpaces(c.text).empty())) return false;
    return true;
}

// Data rows run from below the two header rows to the first empty row.
FormTable tableAt(const Sheet& s, std::size_t sheetIndex, std::size_t header)
{
    FormTable t{sheetIndex, header + form::kHeaderRows, header + form::kHeaderRows};
    while (!rowEmpty(s, t.endRow)) ++t.endRow;
    return t;
}

// Text after "Label:" in the first cells of the header area.
std::string headerValue(const Sheet& s, std::size_t upTo, const std::string& label)
{
    for (std::size_t r = 0; r < upTo && r < s.rows.size(); ++r) {
        const std::string t = trimSpaces(s.at(r, 0).text);
        if (t.rfind(label, 0) == 0) return trimSpaces(t.substr(label.size()));
    }
    return {};
}

int toInt(const std::string& s)
{
    try {
        std::size_t used = 0;
        const int v = std::stoi(trimSpaces(s), &used);
        return used == trimSpaces(s).size() ? v : 0;
    } catch (const std::exception&) {
        return 0;
    }
}

// Macros are never run (the file is only parsed), but a unit should know they
// were sent. By prefix: packages need not have entries for their folders.
bool hasMacros(const Workbook& book)
{
    for (const std::string& part : book.parts) {
        const std::string name = lowerAscii(part);   // OOXML part names are case-insensitive
        for (const char* prefix : {"basic/", "scripts/", "xl/vbaproject.bin", "xl/macrosheets/"})
            if (name.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

}   // namespace

ReadOutcome readReturn(const std::filesystem::path& file, const Profile& profile, const Period& period,
                       const ReadLimits& limits)
{
    ReadOutcome out;
    const std::string name = displayName(file.filename());
    ReturnContent content{name, {}, {}, {}};
    try {
        content.book = readWorkbook(file, limits);
    } catch (const Error& e) {
        for (const Problem& p : e.problems()) out.problems.push_back(CollectProblem{p, Severity::error, {}});
        return out;
    }
    if (hasMacros(content.book))
        out.problems.push_back(problem(name, Severity::warning,
                                       {"Berkas memuat makro. Evakin tidak menjalankannya, hanya membaca isi sel; "
                                        "sebaiknya unit menyimpan ulang tanpa makro.",
                                        "The file contains macros. Evakin does not run them, it only reads the cells; "
                                        "the unit should save it again without macros."}));

    // The table: on the form's own sheet, or on a renamed/other sheet that holds it.
    const Workbook& book = content.book;
    std::optional<std::size_t> sheetIndex, header;
    for (std::size_t i = 0; i < book.sheets.size() && !header; ++i)
        if (book.sheets[i].name == kFormSheet && (header = headerRow(book.sheets[i]))) sheetIndex = i;
    for (std::size_t i = 0; i < book.sheets.size() && !header; ++i)
        if ((header = headerRow(book.sheets[i]))) sheetIndex = i;
    if (!header) {
        out.problems.push_back(
            problem(name, Severity::error,
                    {"Tabel format evaluasi (baris judul \"No\", \"Kode\") tidak ditemukan di lembar mana pun. Kirim "
                     "format yang dibagikan Evakin, diisi tanpa mengubah susunannya.",
                     "The evaluation form's table (header row \"No\", \"Kode\") is on no sheet. Send the form Evakin "
                     "distributed, filled in without changing its layout."}));
        return out;
    }
    const Sheet& sheet = book.sheets[*sheetIndex];
    content.table = tableAt(sheet, *sheetIndex, *header);
    if (sheet.name != kFormSheet)
        out.problems.push_back(problem(name, Severity::warning,
                                       {"Tabel ditemukan di lembar \"" + sheet.name + "\", bukan \"" + kFormSheet +
                                            "\". Jangan mengganti nama atau memindahkan lembar format.",
                                        "The table was found on sheet \"" + sheet.name + "\", not \"" + kFormSheet +
                                            "\". Do not rename or move the form's sheet."},
                                       sheet.name));

    // Identity: the stamped properties, else the header's unit name and period.
    Identity& id = content.id;
    const auto prop = [&](const char* key) {
        const auto it = book.properties.find(key);
        return it == book.properties.end() ? std::string() : trimSpaces(it->second);
    };
    id.unitCode = prop(form::kPropUnit);
    if (!id.unitCode.empty()) {
        id.year = toInt(prop(form::kPropYear));
        id.triwulan = toInt(prop(form::kPropTriwulan));
        id.digest = prop(form::kPropDigest);
        const std::string office = prop(form::kPropOffice), version = prop(form::kPropVersion);
        if (!office.empty() && office != profile.officeName) {
            out.problems.push_back(
                problem(name, Severity::error,
                        {"Format ini milik kantor lain (\"" + office +
                             "\"). Kirimkan ke kantor tersebut, atau minta unit memakai format dari kantor ini.",
                         "This form belongs to another office (\"" + office +
                             "\"). Send it there, or ask the unit to use this office's form."}));
            out.status = ReturnStatus::rejected;
            return out;
        }
        if (!version.empty() && version != form::kVersion)
            out.problems.push_back(problem(name, Severity::error,
                                           {"Format dibuat oleh versi Evakin lain (versi format " + version +
                                                "). Bagikan ulang format dan minta unit mengisinya.",
                                            "The form was made by another Evakin version (form version " + version +
                                                "). Distribute the form again and ask the unit to fill it in."}));
    } else {
        const std::string unitName = headerValue(sheet, *header, kUnitLabel);
        for (const Unit& u : profile.units)
            if (!unitName.empty() &&
                (lowerAscii(unitName) == lowerAscii(u.name) || lowerAscii(unitName) == lowerAscii(u.code)))
                id.unitCode = u.code;
        if (id.unitCode.empty()) {
            out.problems.push_back(
                problem(name, Severity::error,
                        {"Identitas format tidak ada dan nama unit di kepala lembar (\"" + unitName +
                             "\") tidak dikenal. Minta unit mengisi format asli yang dibagikan.",
                         "The form carries no identity and the unit name in the header (\"" + unitName +
                             "\") is unknown. Ask the unit to fill in the original form."},
                        sheet.name));
            return out;
        }
        id.byHeader = true;
        id.year = period.year;
        id.triwulan = period.triwulan;
        const std::string periodText = headerValue(sheet, *header, kPeriodLabel);
        if (!periodText.empty() && periodText != period.label()) id.triwulan = 0;   // another period
        out.problems.push_back(problem(name, Severity::warning,
                                       {"Identitas format (properti dokumen) hilang; berkas dikenali dari nama unit di "
                                        "kepala lembar. Periksa bahwa isinya memang dari unit ini.",
                                        "The form's identity (document properties) is missing; the file was recognised "
                                        "by the unit name in the header. Check that it really comes from this unit."},
                                       sheet.name));
    }
    const Unit* unit = profile.unit(id.unitCode);
    if (!unit) {
        out.problems.push_back(
            problem(name, Severity::error,
                    {"Unit \"" + id.unitCode +
                         "\" tidak ada di profil kantor ini. Periksa apakah berkas ini dikirim ke kantor yang benar.",
                     "Unit \"" + id.unitCode +
                         "\" is not in this office's profile. Check that the file was sent to the right office."}));
        out.status = ReturnStatus::rejected;
        return out;
    }
    if (id.year != period.year || id.triwulan != period.triwulan) {
        const std::string other =
            id.year && id.triwulan >= 1 && id.triwulan <= 4 ? Period{id.year, id.triwulan, {}}.label() : "?";
        out.problems.push_back(problem(name, Severity::error,
                                       {"Format ini untuk periode lain (" + other + "), bukan " + period.label() +
                                            ". Minta unit mengisi format periode ini.",
                                        "This form is for another period (" + other + "), not " + period.label() +
                                            ". Ask the unit to fill in this period's form."}));
        for (auto& p : out.problems) p.unitCode = id.unitCode;
        out.status = ReturnStatus::rejected;
        return out;
    }
    for (auto& p : out.problems) p.unitCode = id.unitCode;
    out.status = ReturnStatus::accepted;   // so far: checkReturn decides
    out.content = std::move(content);
    return out;
}

}   // namespace evakin::collect_detail
