// Bad input and faults in collect (issue 14): numbers that cannot be read
// exactly, implausible magnitudes, an inbox that cannot be read, entries that
// are not files. Each is named, and nothing is taken as "nobody sent".
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "collect/collect.hpp"
#include "collect/test_collect_support.hpp"
#include "io/files.hpp"
#include "io/sheet_reader.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

// Sets the raw office:value of a float cell, as a writer (or a hand edit) may store it.
void setRawNumber(pugi::xml_node cell, const std::string& value, const std::string& shown)
{
    setText(cell, "");
    cell.append_attribute("office:value-type") = "float";
    cell.append_attribute("office:value") = value.c_str();
    cell.append_child("text:p").text().set(shown.c_str());
}

std::size_t kColumn(int triwulan) { return static_cast<std::size_t>(form::quarterKColumn(triwulan)); }
std::size_t rpColumn(int triwulan) { return static_cast<std::size_t>(form::quarterRpColumn(triwulan)); }

}   // namespace

TEST_CASE("numbers that cannot be read exactly are named per cell and keep the return out", "[collect][faults]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 2);
    std::size_t f = 0;
    const std::string digits309(309, '9');
    writeBytes(ws / "inbox" / "dsi.ods",
               makeReturn(ws, "DSI", typicalValue, [&](pugi::xml_node table, std::size_t first) {
                   f = first;
                   setText(odfCell(table, first, kColumn(2)), digits309);                    // as text
                   setRawNumber(odfCell(table, first + 1, kColumn(2)), "1e300", "1E+300");   // typed
                   setText(odfCell(table, first + 2, kColumn(2)), "85 5");                   // 855 or 85,5?
               }));
    writeBytes(ws / "inbox" / "pdpm.ods",
               makeReturn(ws, "PDPM", typicalValue, [&](pugi::xml_node table, std::size_t first) {
                   // Overflow and underflow of a double: the display text ("0") must not be used.
                   setRawNumber(odfCell(table, first, kColumn(2)), "1e999", "###");
                   setRawNumber(odfCell(table, first + 1, kColumn(2)), "1e-999", "0");
               }));
    const CollectResult r = collect(ws);
    INFO(r.summary(Lang::en));
    for (const auto& [row, what] : {std::pair<std::size_t, const char*>{0, "exactly"}, {1, "exactly"}, {2, "space"}}) {
        INFO(row);
        const auto* p = findProblem(r, "dsi.ods", what, cellAddress(f + row, kColumn(2)));
        REQUIRE(p);
        CHECK(p->severity == Severity::error);
        CHECK(p->where.message.id.size() < 400);   // 309 digits are not echoed whole
    }
    CHECK(findProblem(r, "pdpm.ods", "1e999", cellAddress(f, kColumn(2))));
    CHECK(findProblem(r, "pdpm.ods", "1e-999", cellAddress(f + 1, kColumn(2))));
    CHECK(unitOf(r, "DSI").status == UnitStatus::invalid);
    CHECK(unitOf(r, "PDPM").status == UnitStatus::invalid);
    // Nothing of these values reaches the merged year.
    CHECK(readFile(ws / "hasil" / "evaluasi.json").find("e+300") == std::string::npos);
}

TEST_CASE("a realisation far beyond its target or above the pagu is a named warning", "[collect][faults]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 2);
    std::size_t f = 0;
    const ValueFn slip = [](const PlanRow& row, std::size_t i) {
        QuarterValue v = typicalValue(row, i);
        if (i == 0) v.k = row.targetK * 100;                // a lost comma
        if (row.paguRp && i == 1) v.rp = *row.paguRp * 3;   // more than the year's budget
        return v;
    };
    writeBytes(ws / "inbox" / "dsi.ods",
               makeReturn(ws, "DSI", slip, [&](pugi::xml_node, std::size_t first) { f = first; }));
    const CollectResult r = collect(ws);
    INFO(r.summary(Lang::en));
    const auto* k = findProblem(r, "dsi.ods", "far beyond", cellAddress(f, kColumn(2)));
    REQUIRE(k);
    CHECK(k->severity == Severity::warning);
    const auto* rp = findProblem(r, "dsi.ods", "budget", cellAddress(f + 1, rpColumn(2)));
    if (rp) CHECK(rp->severity == Severity::warning);
    CHECK(unitOf(r, "DSI").status == UnitStatus::valid);   // kept: a warning, not an error
}

TEST_CASE("a missing or unreadable inbox is refused and the earlier results stay", "[collect][faults]")
{
    namespace fs = std::filesystem;
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 2);
    writeBytes(ws / "inbox" / "dsi.ods", makeReturn(ws, "DSI", typicalValue));
    collect(ws);
    const std::string before = readFile(ws / "hasil" / "rekap-pengumpulan.ods");
    const std::string json = readFile(ws / "hasil" / "evaluasi.json");

    fs::rename(ws / "inbox", ws / "kotak");
    try {
        collect(ws);
        FAIL("a missing inbox/ was taken as nobody sent");
    } catch (const Error& e) {
        CHECK(e.problems().front().file == "inbox/");
        CHECK(e.render(Lang::id).find("tidak ada") != std::string::npos);
    }
    CHECK(readFile(ws / "hasil" / "rekap-pengumpulan.ods") == before);
    CHECK(readFile(ws / "hasil" / "evaluasi.json") == json);

    writeBytes(ws / "inbox", "not a folder");   // a file where the folder should be
    CHECK_THROWS_AS(collect(ws), Error);
    fs::remove(ws / "inbox");
    fs::rename(ws / "kotak", ws / "inbox");

    fs::permissions(ws / "inbox", fs::perms::none);
    std::error_code ec;
    fs::directory_iterator probe(ws / "inbox", ec);
    if (ec) {   // as root permissions do not hold: nothing to prove there
        try {
            collect(ws);
            FAIL("an unreadable inbox/ was taken as nobody sent");
        } catch (const Error& e) {
            CHECK(e.render(Lang::en).find("cannot be read") != std::string::npos);
        }
        CHECK(readFile(ws / "hasil" / "rekap-pengumpulan.ods") == before);
    }
    fs::permissions(ws / "inbox", fs::perms::owner_all);
}

TEST_CASE("folders, fifos and links in the inbox are each named, never opened", "[collect][faults]")
{
    namespace fs = std::filesystem;
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 2);
    writeBytes(ws / "inbox" / "dsi.ods", makeReturn(ws, "DSI", typicalValue));
    fs::create_directories(ws / "inbox" / "kiriman-pdpm");
    fs::create_symlink(ws / "inbox" / "dsi.ods", ws / "inbox" / "tautan.ods");
    REQUIRE(::mkfifo((ws / "inbox" / "pipa.ods").c_str(), 0600) == 0);
    const CollectResult r = collect(ws);   // returns: a fifo opened for reading would block here
    INFO(r.summary(Lang::en));
    for (const auto& [name, what] : {std::pair<const char*, const char*>{"kiriman-pdpm", "folder"},
                                     {"tautan.ods", "link"},
                                     {"pipa.ods", "not a regular file"}}) {
        INFO(name);
        const auto* p = findProblem(r, name, what);
        REQUIRE(p);
        CHECK(p->severity == Severity::warning);
    }
    CHECK(unitOf(r, "DSI").status == UnitStatus::valid);
    CHECK(unitOf(r, "DSI").returns == 1);   // the link is not read as a second return
}
