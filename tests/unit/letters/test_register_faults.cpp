// Impossible values at the register (issue 14): letter dates outside a sane
// range and register.json with an unknown format or key are refused, naming
// the field, and no number is taken.
#include <catch2/catch.hpp>

#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>

#include <fstream>

#include "letters/test_register_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

std::string todayPlusYears(int years)
{
    const Poco::LocalDateTime t;
    const int day = t.month() == 2 && t.day() == 29 ? 28 : t.day();
    return Poco::DateTimeFormatter::format(Poco::DateTime(t.year() + years, t.month(), day), "%Y-%m-%d");
}

}   // namespace

TEST_CASE("a letter dated before 2000 or more than a year ahead takes no number", "[register][faults]")
{
    RegisterFixture fx;
    Register reg = fx.open();
    for (const std::string& date : {std::string("1999-12-31"), std::string("9999-01-01"), todayPlusYears(2)}) {
        INFO(date);
        const auto p = problemsOf([&] { reg.reserve(entry(date)); });
        REQUIRE(p.size() == 1);
        CHECK(p[0].field == "tanggal");
        CHECK(p[0].message.en.find("sane range") != std::string::npos);
    }
    CHECK(reg.list().empty());   // nothing was taken
    CHECK(reg.issue(entry("2000-01-03")).seq == 1);
    CHECK(reg.issue(entry(todayPlusYears(0))).status == "issued");
}

TEST_CASE("register.json with an unknown format or key is refused, naming it", "[register][faults]")
{
    RegisterFixture fx;
    std::filesystem::create_directories(fx.location.settingsFile.parent_path());
    const auto settingsWith = [&](const std::string& json) {
        std::ofstream(fx.location.settingsFile, std::ios::trunc) << json;
        return problemsOf([&] { Register::open(fx.location); });
    };
    auto p = settingsWith(R"({"format": 99, "pola_nomor": "{klasifikasi}/{urut}/{kode_unit}/{tahun}"})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].file == "register.json");
    CHECK(p[0].field == "format");
    p = settingsWith(R"({"format": 1, "pola_nmor": "{urut}"})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "pola_nmor");
    CHECK(p[0].message.id.find("tidak dikenal") != std::string::npos);
    // A value of the wrong kind: named in the user's language, not as Poco's "Bad cast exception".
    p = settingsWith(R"({"format": 1, "batas_tunggu_ms": "lama"})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "batas_tunggu_ms");
    CHECK(p[0].render(Lang::id).find("batas_tunggu_ms") != std::string::npos);
    CHECK(p[0].message.id.find("teks \"lama\"") != std::string::npos);
    CHECK(p[0].message.en.find("exception") == std::string::npos);
    CHECK(p[0].message.en.find("Bad cast") == std::string::npos);
    // A fraction of a millisecond, a number in quotes or a yes/no as text: refused, never truncated or guessed.
    p = settingsWith(R"({"format": 1, "batas_tunggu_ms": 1.5})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].message.id.find("bilangan bulat") != std::string::npos);
    p = settingsWith(R"({"format": 1, "batas_tunggu_ms": 6000000})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].message.id.find("0 sampai 600000") != std::string::npos);
    p = settingsWith(R"({"format": 1, "urutan_per_klasifikasi": "ya"})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "urutan_per_klasifikasi");
    CHECK(p[0].message.en.find("true or false") != std::string::npos);
    // A format of the wrong kind is named, not quoted as Poco's "Invalid access"; null is as absent.
    p = settingsWith(R"({"format": "1"})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "format");
    CHECK(p[0].message.id.find("teks \"1\"") != std::string::npos);
    p = settingsWith(R"({"format": [1]})");
    REQUIRE(p.size() == 1);
    CHECK(p[0].message.en.find("whole number") != std::string::npos);
    CHECK(settingsWith(R"({"format": null})").empty());
    CHECK(settingsWith(R"({"format": 1, "urutan_per_klasifikasi": true})").empty());
}
