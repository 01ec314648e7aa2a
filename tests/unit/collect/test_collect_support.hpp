// Helpers for the collect tests: returns made the way a unit makes them
// (the distributed form with cells typed in), and ways to damage them.
#pragma once

#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "collect/collect.hpp"
#include "distribute/form.hpp"
#include "model/form_layout.hpp"
#include "io/odf_document.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "model/sample.hpp"
#include "model/workspace.hpp"

namespace evakin::test {

using Entries = std::vector<std::pair<std::string, std::string>>;   // zip entries in order

inline Entries unzip(const std::string& package)
{
    std::istringstream in(package);
    Poco::Zip::ZipArchive archive(in);
    Entries out;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
        in.clear();
        Poco::Zip::ZipInputStream zin(in, it->second);
        std::ostringstream data;
        data << zin.rdbuf();
        out.emplace_back(it->first, data.str());
    }
    return out;
}

inline std::string zip(const Entries& entries)
{
    std::ostringstream out;
    Poco::Zip::Compress c(out, true);
    for (const auto& [name, data] : entries) {
        std::istringstream in(data);
        c.addFile(in, Poco::DateTime(2026, 4, 1), Poco::Path(name, Poco::Path::PATH_UNIX),
                  name == "mimetype" ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE);
    }
    c.close();
    return out.str();
}

inline std::string& entry(Entries& e, const std::string& name)
{
    for (auto& [n, d] : e)
        if (n == name) return d;
    e.emplace_back(name, std::string());
    return e.back().second;
}

// Edits one XML part of a package with pugixml.
inline std::string editPart(const std::string& package, const std::string& part,
                            const std::function<void(pugi::xml_document&)>& edit)
{
    Entries e = unzip(package);
    std::string& xml = entry(e, part);
    pugi::xml_document doc;
    doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    edit(doc);
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw);
    xml = out.str();
    return zip(e);
}

// The rows of an ODF table in order, also those in table:table-header-rows (the
// form's column titles, repeated on every printed page) and row groups.
inline std::vector<pugi::xml_node> tableRows(pugi::xml_node table)
{
    std::vector<pugi::xml_node> rows;
    for (pugi::xml_node n : table.children()) {
        const std::string name = n.name();
        if (name == "table:table-row")
            rows.push_back(n);
        else if (name == "table:table-header-rows" || name == "table:table-row-group" || name == "table:table-rows")
            for (pugi::xml_node r : tableRows(n)) rows.push_back(r);
    }
    return rows;
}

// The cell element at 0-based (row, col) of an ODF table, splitting repeated cells so it stands alone.
inline pugi::xml_node odfCell(pugi::xml_node table, std::size_t row, std::size_t col)
{
    std::size_t r = 0;
    for (pugi::xml_node tr : tableRows(table)) {
        const std::size_t rows = tr.attribute("table:number-rows-repeated").as_uint(1);
        if (row >= r + rows) {
            r += rows;
            continue;
        }
        std::size_t c = 0;
        for (pugi::xml_node cell = tr.first_child(); cell; cell = cell.next_sibling()) {
            const std::size_t n = cell.attribute("table:number-columns-repeated").as_uint(1);
            if (col >= c + n) {
                c += n;
                continue;
            }
            if (n > 1) {
                cell.remove_attribute("table:number-columns-repeated");
                const std::size_t before = col - c, after = n - before - 1;
                if (before)
                    tr.insert_copy_before(cell, cell).append_attribute("table:number-columns-repeated") =
                        static_cast<unsigned>(before);
                if (after)
                    tr.insert_copy_after(cell, cell).append_attribute("table:number-columns-repeated") =
                        static_cast<unsigned>(after);
            }
            if (std::string(cell.name()) == "table:covered-table-cell") cell.set_name("table:table-cell");
            return cell;
        }
        while (c <= col) {
            pugi::xml_node added = tr.append_child("table:table-cell");
            if (c++ == col) return added;
        }
    }
    return {};
}

inline void setText(pugi::xml_node cell, const std::string& text)
{
    while (cell.first_child()) cell.remove_child(cell.first_child());
    for (const char* a : {"office:value-type", "office:value", "calcext:value-type"}) cell.remove_attribute(a);
    if (text.empty()) return;
    cell.append_attribute("office:value-type") = "string";
    cell.append_child("text:p").text().set(text.c_str());
}

inline void setNumber(pugi::xml_node cell, double v)
{
    setText(cell, "");
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    cell.append_attribute("office:value-type") = "float";
    cell.append_attribute("office:value") = std::string(buf, res.ptr).c_str();
    cell.append_child("text:p").text().set(std::string(buf, res.ptr).c_str());
}

inline pugi::xml_node formTable(pugi::xml_document& doc)
{
    return doc.document_element().child("office:body").child("office:spreadsheet").child("table:table");
}

// First indicator row of a distributed form: below the "No" header's two rows and past the urusan
// and bidang urusan rows, which have no number (the sample's programs all sit under one bidang, so
// its indicator rows follow each other from here).
inline std::size_t formFirstDataRow(pugi::xml_node table)
{
    const std::vector<pugi::xml_node> rows = tableRows(table);
    const auto number = [&](std::size_t i) { return std::string(rows[i].first_child().child_value("text:p")); };
    std::size_t r = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (number(i) == "No") {
            std::size_t first = r + form::kHeaderRows;
            for (std::size_t j = i + form::kHeaderRows; j < rows.size() && number(j).empty(); ++j) ++first;
            return first;
        }
        r += rows[i].attribute("table:number-rows-repeated").as_uint(1);
    }
    return 0;
}

// Row of the label cell (e.g. "Faktor Penghambat") below the table.
inline std::size_t formLabelRow(pugi::xml_node table, const std::string& label)
{
    std::size_t r = 0;
    for (pugi::xml_node tr : tableRows(table)) {
        if (std::string(tr.first_child().child_value("text:p")) == label) return r;
        r += tr.attribute("table:number-rows-repeated").as_uint(1);
    }
    return 0;
}

// A return as a unit makes it: the distributed form of `unitCode`, current quarter
// K (and Rp when budgeted) filled from `value(row, index)`; `edit` may change more cells.
using ValueFn = std::function<QuarterValue(const PlanRow&, std::size_t)>;
using EditFn = std::function<void(pugi::xml_node table, std::size_t firstDataRow)>;

inline std::string makeReturn(const std::filesystem::path& wsDir, const std::string& unitCode, const ValueFn& value,
                              const EditFn& edit = {})
{
    const Workspace ws = openWorkspace(wsDir);
    const Profile profile = loadProfile(ws.profileFile());
    const Plan plan = loadPlan(ws.planFile(), profile);
    const auto rows = plan.rowsOf(unitCode);
    const YearRealisations accepted = loadRealisations(ws);
    const auto acc = accepted.find(unitCode);
    const UnitRealisations unitAcc = acc == accepted.end() ? UnitRealisations{} : acc->second;
    const std::string tpl = loadTemplate(form::kTemplate);
    const std::string package =
        buildForm(FormRequest{profile, *profile.unit(unitCode), ws.period, rows, plan.headings, unitAcc, tpl,
                              form::kTemplate});
    return editPart(package, "content.xml", [&](pugi::xml_document& doc) {
        pugi::xml_node table = formTable(doc);
        const std::size_t first = formFirstDataRow(table);
        for (std::size_t i = 0; i < rows.size() && value; ++i) {
            const QuarterValue v = value(*rows[i], i);
            if (v.k)
                setNumber(odfCell(table, first + i, static_cast<std::size_t>(form::quarterKColumn(ws.period.triwulan))),
                          *v.k);
            if (v.rp)
                setNumber(
                    odfCell(table, first + i, static_cast<std::size_t>(form::quarterRpColumn(ws.period.triwulan))),
                    *v.rp);
        }
        if (edit) edit(table, first);
    });
}

inline void writeBytes(const std::filesystem::path& file, const std::string& bytes)
{
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

// Realistic values: K at 30% of the annual target, Rp at 20% of the pagu.
inline QuarterValue typicalValue(const PlanRow& r, std::size_t)
{
    QuarterValue v;
    v.k = r.targetK * 0.3;
    if (r.paguRp) v.rp = *r.paguRp * 0.2;
    return v;
}

// The problem of `file` whose message (either language) contains `text`, at `cell` when given.
inline const CollectProblem* findProblem(const CollectResult& r, const std::string& file, const std::string& text,
                                         const std::string& cell = {})
{
    for (const auto& p : r.problems)
        if (p.where.file == file &&
            (p.where.message.id.find(text) != std::string::npos ||
             p.where.message.en.find(text) != std::string::npos) &&
            (cell.empty() || p.where.cell == cell))
            return &p;
    return nullptr;
}

// The recap line of unit `code`; fails the test when there is none.
inline const UnitCollect& unitOf(const CollectResult& r, const std::string& code)
{
    for (const auto& u : r.units)
        if (u.code == code) return u;
    FAIL("no unit " << code);
    return r.units.front();
}

}   // namespace evakin::test
