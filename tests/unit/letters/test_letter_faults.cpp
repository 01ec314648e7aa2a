// A letter run killed half-way (issue 14): the next run records a complete
// document whose number stayed "dipesan", leaves an incomplete one (and a
// letter another PC is producing right now) alone, and removes temporaries.
#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>

#include "io/files.hpp"
#include "io/odf_document.hpp"
#include "letters/letter_reconcile.hpp"
#include "letters/test_register_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

std::string stemOf(const RegisterEntry& e)
{
    std::string out = "surat-pengantar_";
    for (char c : e.number) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
    return out;
}

std::string letterWithNumber(const std::string& number)
{
    OdfDocument doc = OdfDocument::fromFlat(loadTemplate("surat-pengantar.fodt"), "surat-pengantar.fodt");
    doc.content().append_child("text:p").text().set(("Nomor: " + number).c_str());
    return doc.toPackage(Poco::DateTime(2026, 4, 1));
}

}   // namespace

TEST_CASE("a complete letter whose number stayed reserved is recorded on the next run", "[letter][faults]")
{
    namespace fs = std::filesystem;
    RegisterFixture fx;
    Register reg = fx.open();
    const fs::path results = fx.tmp.path / "hasil";
    const RegisterEntry complete = reg.reserve(entry("2026-04-08"));
    const RegisterEntry truncated = reg.reserve(entry("2026-04-08"));
    writeFileAtomically(results / (stemOf(complete) + ".odt"), letterWithNumber(complete.number));
    const std::string whole = letterWithNumber(truncated.number);
    writeFileAtomically(results / (stemOf(truncated) + ".odt"), whole.substr(0, whole.size() / 2));
    const fs::path staleTmp = results / ".surat-pengantar_000.7.5-9-DPMPTSP-2026.odt.1234.tmp";
    const fs::path freshTmp = results / ".surat-pengantar_000.7.5-10-DPMPTSP-2026.odt.5678.tmp";
    writeFileAtomically(staleTmp, "half");
    writeFileAtomically(freshTmp, "half");
    fs::last_write_time(staleTmp, fs::file_time_type::clock::now() - std::chrono::hours(1));

    // Just reserved: perhaps another PC is writing it now. Nothing is touched but the stale temporary.
    CHECK(reconcileLetters(results, reg, stemOf, 60).empty());
    CHECK_FALSE(fs::exists(staleTmp));
    CHECK(fs::exists(freshTmp));
    for (const RegisterEntry& e : reg.list()) CHECK(e.status == "reserved");

    const auto done = reconcileLetters(results, reg, stemOf, 0);
    REQUIRE(done.size() == 1);
    CHECK(done[0].number == complete.number);
    for (const RegisterEntry& e : reg.list()) {
        INFO(e.number);
        if (e.id == complete.id) {
            CHECK(e.status == "issued");
            CHECK(e.path == fs::absolute(results / (stemOf(complete) + ".odt")).u8string());
            CHECK(e.sha256.size() == 64);
        } else {
            CHECK(e.status == "reserved");   // incomplete: staff decide (void it, or produce again)
        }
    }
    CHECK(reconcileLetters(results, reg, stemOf, 0).empty());   // once only
}
