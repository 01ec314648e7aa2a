#include "distribute/form.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <charconv>

#include "text/error.hpp"
#include "model/form_layout.hpp"
#include "io/format_id.hpp"
#include "io/odf_document.hpp"
#include "io/ods_table.hpp"
#include "text/text_width.hpp"

namespace evakin {

using namespace form;

namespace {

const char* const kValidationName = "evakin_angka";

std::string canonicalNumber(const std::optional<double>& v)
{
    if (!v) return "-";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, *v);   // shortest round-trip form
    return std::string(buf, res.ptr);
}

// Whether a quarter's cells are locked with the accepted value, or open for input.
enum class QuarterCell { accepted, input, late, future };

QuarterCell quarterCell(int q, const Period& period, const QuarterValue& value)
{
    if (q > period.triwulan) return QuarterCell::future;
    if (q == period.triwulan) return QuarterCell::input;
    return value.reported() ? QuarterCell::accepted : QuarterCell::late;
}

void addQuarterCells(OdsRow& row, const QuarterValue& value, QuarterCell kind, bool hasBudget)
{
    const auto add = [&](const std::optional<double>& v, bool applicable) {
        if (!applicable || kind == QuarterCell::future) return row.empty("Evakin_Tetap");
        if (kind == QuarterCell::accepted)
            return v ? row.number(*v, "Evakin_Diterima_Angka") : row.empty("Evakin_Diterima_Angka");
        const char* style = kind == QuarterCell::late ? "Evakin_Terlambat_Angka" : "Evakin_Isian_Angka";
        if (v)
            row.number(*v, style, kValidationName);
        else
            row.empty(style, kValidationName);
    };
    add(value.k, true);
    add(value.rp, hasBudget);
}

void addHeader(OdsTableBuilder& table, int year)
{
    OdsRow top = table.row();
    OdsRow sub = table.row();
    const auto tall = [&](const char* title) {
        top.text(title, "Evakin_Kepala_Tabel", 1, 2);
        sub.covered();
    };
    const auto pair = [&](const std::string& title) {
        top.text(title, "Evakin_Kepala_Tabel", 2, 1);
        top.covered();
        sub.text("K", "Evakin_Kepala_Tabel");
        sub.text("Rp", "Evakin_Kepala_Tabel");
    };
    tall("No");
    tall("Kode");
    tall("Program / Kegiatan / Sub Kegiatan");
    tall("Indikator Kinerja");
    tall("Satuan");
    tall("Jenis Indikator");
    pair("Target Renstra");
    pair("Realisasi s/d Tahun Lalu");
    pair("Target dan Pagu Tahun " + std::to_string(year));
    for (int q = 1; q <= 4; ++q) pair("Realisasi Triwulan " + romanNumeral(q));
    tall("Keterangan");
}

void addDataRow(OdsTableBuilder& table, std::size_t number, const PlanRow& r,
                const std::array<QuarterValue, 4>& quarters, const Period& period)
{
    OdsRow row = table.row();
    const char* textStyle = r.level == PlanLevel::subKegiatan ? "Evakin_Tetap" : "Evakin_Tetap_Tebal";
    row.number(static_cast<double>(number), "Evakin_Tetap");
    row.text(r.code, textStyle);
    row.text(r.uraian, textStyle);
    row.text(r.indikator, "Evakin_Tetap");
    row.text(r.satuan, "Evakin_Tetap");
    row.text(indicatorTypeName(r.type), "Evakin_Tetap");
    const auto fixedNumber = [&](const std::optional<double>& v) {
        v ? row.number(*v, "Evakin_Tetap_Angka") : row.empty("Evakin_Tetap_Angka");
    };
    fixedNumber(r.targetRenstraK);
    fixedNumber(r.targetRenstraRp);
    fixedNumber(r.realisasiLaluK);
    fixedNumber(r.realisasiLaluRp);
    fixedNumber(r.targetK);
    fixedNumber(r.paguRp);
    for (int q = 1; q <= 4; ++q) {
        const QuarterValue& v = quarters[static_cast<std::size_t>(q - 1)];
        addQuarterCells(row, v, quarterCell(q, period, v), r.paguRp.has_value());
    }
    row.empty("Evakin_Isian_Teks");
}

// An urusan or bidang urusan row (Permendagri 86/2017): its code and name in bold, no number, nothing to fill in.
void addHeadingRow(OdsTableBuilder& table, const PlanHeading& h)
{
    OdsRow row = table.row();
    row.empty("Evakin_Tetap");
    row.text(h.code, "Evakin_Tetap_Tebal");
    row.text(h.uraian, "Evakin_Tetap_Tebal");
    for (int c = colIndikator; c < kColumnCount; ++c) row.empty("Evakin_Tetap");
}

void addValidation(OdfDocument& doc)
{
    pugi::xml_node spreadsheet = doc.content();
    pugi::xml_node validations =
        spreadsheet.insert_child_before("table:content-validations", spreadsheet.child("table:table"));
    pugi::xml_node v = validations.append_child("table:content-validation");
    v.append_attribute("table:name") = kValidationName;
    v.append_attribute("table:condition") = "of:cell-content-is-decimal-number() and cell-content()>=0";
    v.append_attribute("table:allow-empty-cell") = "true";
    pugi::xml_node help = v.append_child("table:help-message");
    help.append_attribute("table:title") = "Isian angka";
    help.append_attribute("table:display") = "true";
    help.append_child("text:p").text().set("Isi angka 0 atau lebih; desimal memakai koma, mis. 85,5.");
    pugi::xml_node err = v.append_child("table:error-message");
    err.append_attribute("table:title") = "Bukan angka";
    err.append_attribute("table:display") = "true";
    err.append_attribute("table:message-type") = "stop";
    err.append_child("text:p").text().set("Isian harus angka 0 atau lebih (desimal memakai koma, mis. 85,5).");
}

// The least width of each column so that no code breaks and no amount shows
// "###": the sheet is protected, so a unit cannot widen a column. An input
// column is sized for the plan's own figure (the target, the pagu), which a
// realisation seldom exceeds; the number styles shrink a longer one to fit.
std::vector<double> columnWidths(const FormRequest& req)
{
    constexpr double kPoints = 10, kPadding = 0.3;
    std::vector<double> least(kColumnCount, 0.0);
    const auto fit = [&](int col, double cm) {
        double& w = least[static_cast<std::size_t>(col)];
        w = std::max(w, cm + kPadding);
    };
    const auto number = [&](int col, const std::optional<double>& v) {
        if (v) fit(col, textWidthCm(formatNumberId(*v), kPoints));
    };
    for (const PlanRow* r : req.rows) {
        fit(colKode, longestWordCm(r->code, kPoints, r->level != PlanLevel::subKegiatan));
        fit(colSatuan, longestWordCm(r->satuan, kPoints));
        fit(colJenis, longestWordCm(indicatorTypeName(r->type), kPoints));
        number(colRenstraK, r->targetRenstraK);
        number(colRenstraRp, r->targetRenstraRp);
        number(colLaluK, r->realisasiLaluK);
        number(colLaluRp, r->realisasiLaluRp);
        number(colTargetK, r->targetK);
        number(colPagu, r->paguRp);
        const auto it = req.accepted.find(r->key);
        for (int q = 1; q <= 4; ++q) {
            number(quarterKColumn(q), r->targetK);
            number(quarterRpColumn(q), r->paguRp);
            if (it == req.accepted.end()) continue;
            number(quarterKColumn(q), it->second[static_cast<std::size_t>(q - 1)].k);
            number(quarterRpColumn(q), it->second[static_cast<std::size_t>(q - 1)].rp);
        }
    }
    return least;
}

}   // namespace

std::string formDigest(const std::string& unitCode, const Period& period, const std::vector<const PlanRow*>& rows,
                       const UnitRealisations& accepted)
{
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    const auto field = [&sha](const std::string& s) {
        sha.update(s);
        sha.update('\x1f');
    };
    field(unitCode);
    field(std::to_string(period.year));
    field(std::to_string(period.triwulan));
    for (const PlanRow* r : rows) {
        for (const std::string* s : {&r->key, &r->code, &r->uraian, &r->indikator, &r->satuan}) field(*s);
        field(indicatorTypeName(r->type));
        for (const auto& v : {std::optional<double>(r->targetRenstraK), r->targetRenstraRp, r->realisasiLaluK,
                              r->realisasiLaluRp, std::optional<double>(r->targetK), r->paguRp})
            field(canonicalNumber(v));
        const auto it = accepted.find(r->key);
        for (int q = 1; q < period.triwulan; ++q) {
            const QuarterValue v = it == accepted.end() ? QuarterValue{} : it->second[static_cast<std::size_t>(q - 1)];
            if (!v.reported()) continue;   // a late quarter is input, not fixed
            field(std::to_string(q) + ":" + canonicalNumber(v.k) + ":" + canonicalNumber(v.rp));
        }
        sha.update('\x1e');
    }
    return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string buildForm(const FormRequest& req)
{
    OdfDocument doc = OdfDocument::fromFlat(req.templateXml, req.templateName);
    pugi::xml_node table = doc.content().child("table:table");
    pugi::xml_node marker = findRowWithText(table, "{tabel}");
    if (!table || !marker)
        throw Error(req.templateName,
                    Text{"Templat format tidak memuat baris {tabel}. Kembalikan baris itu atau pakai templat bawaan.",
                         "The form template has no {tabel} row. Restore that row or use the built-in template."});

    const std::string deadline = req.period.deadline.empty() ? "-" : formatDateId(req.period.deadline);
    const auto lookup = [&](const std::string& key, std::string& value) {
        if (key == "kantor")
            value = req.profile.officeName;
        else if (key == "unit")
            value = req.unit.name;
        else if (key == "periode")
            value = req.period.label();
        else if (key == "triwulan")
            value = req.period.romanTriwulan();
        else if (key == "tahun")
            value = std::to_string(req.period.year);
        else if (key == "batas_waktu")
            value = deadline;
        else if (key == "kota")
            value = req.profile.city;
        else if (key == "jabatan_kepala_unit")
            value = req.unit.head.jabatan.empty() ? "Kepala " + req.unit.name : req.unit.head.jabatan;
        else if (key == "nama_kepala_unit")
            value = req.unit.head.nama;
        else if (key == "nip_kepala_unit")
            value = req.unit.head.nip;
        else
            return false;
        return true;
    };
    replacePlaceholders(table, lookup);

    OdsTableBuilder builder(table, marker);
    addHeader(builder, req.period.year);
    const std::size_t firstDataRow = builder.nextRowIndex();
    static const std::array<QuarterValue, 4> none{};
    std::vector<std::string> codes;
    for (const PlanRow* r : req.rows) codes.push_back(r->code);
    const auto headings = headingsAbove(req.headings, codes);
    std::size_t number = 0;
    for (std::size_t i = 0; i < req.rows.size(); ++i) {
        for (const PlanHeading* h : headings[i]) addHeadingRow(builder, *h);
        const auto it = req.accepted.find(req.rows[i]->key);
        addDataRow(builder, ++number, *req.rows[i], it == req.accepted.end() ? none : it->second, req.period);
    }
    const std::size_t lastDataRow = builder.nextRowIndex() - 1;
    table.remove_child(marker);

    addValidation(doc);
    table.remove_attribute("table:protected");
    table.append_attribute("table:protected") = "true";

    NamedRanges ranges(doc.content(), table.attribute("table:name").value());
    ranges.add(kRangeData, firstDataRow, 0, lastDataRow, kColumnCount - 1);
    for (const auto& [name, pos] : turnInputPlaceholdersIntoCells(table))
        ranges.add(std::string(kRangePrefix) + name, pos.first, pos.second, pos.first, pos.second);
    // Printed on landscape paper, the page layout fits the width; the column
    // titles come again on every page. Last: the header rows then sit in their
    // own element, which the row counting above does not descend into.
    widenColumns(table, doc.automaticStyles(), columnWidths(req));
    repeatRowsOnEveryPage(table, firstDataRow - kHeaderRows, kHeaderRows);
    setPrintRange(table, kColumnCount - 1);

    doc.setTitle("Format Evaluasi Kinerja " + req.period.label() + " - " + req.unit.name);
    doc.setUserProperty(kPropOffice, req.profile.officeName);
    doc.setUserProperty(kPropUnit, req.unit.code);
    doc.setUserProperty(kPropYear, std::to_string(req.period.year));
    doc.setUserProperty(kPropTriwulan, std::to_string(req.period.triwulan));
    doc.setUserProperty(kPropVersion, kVersion);
    doc.setUserProperty(kPropDigest, formDigest(req.unit.code, req.period, req.rows, req.accepted));
    return doc.toPackage();
}

}   // namespace evakin
