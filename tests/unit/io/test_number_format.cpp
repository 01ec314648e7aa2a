#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "io/format_id.hpp"
#include "io/number_parse.hpp"

using namespace evakin;

TEST_CASE("numbers as staff type them are read", "[number]")
{
    CHECK(*parseNumberId("85,5").value == Approx(85.5));
    CHECK(*parseNumberId(" 1.234,5 ").value == Approx(1234.5));
    CHECK(*parseNumberId("1.234.567").value == Approx(1234567));
    CHECK(*parseNumberId("90%").value == Approx(90));
    CHECK(*parseNumberId("Rp 1.500.000").value == Approx(1500000));
    CHECK(*parseNumberId("1 234,75").value == Approx(1234.75));
    CHECK(*parseNumberId("85.5").value == Approx(85.5));
    CHECK(*parseNumberId("1,234,567").value == Approx(1234567));
    CHECK(*parseNumberId("1,234.5").value == Approx(1234.5));
    CHECK(*parseNumberId("-3").value == Approx(-3));
    CHECK(*parseNumberId("12").value == Approx(12));
}

TEST_CASE("ambiguous or textual numbers are refused with a reason", "[number]")
{
    for (const char* bad :
         {"delapan puluh", "1.234", "", "  ", "12a", "1.2.3", "1,2,3", ",5", "5,", "1.234,5,6", "--1"}) {
        INFO(bad);
        const ParsedNumber p = parseNumberId(bad);
        CHECK_FALSE(p.value.has_value());
        CHECK_FALSE(p.problem.id.empty());
        CHECK_FALSE(p.problem.en.empty());
    }
}

TEST_CASE("numbers that cannot be read exactly are refused, never read as 0 or another number", "[number][faults]")
{
    const std::string digits309(309, '9'), digits400(400, '1');
    for (const std::string& bad :
         std::vector<std::string>{digits309, digits400, "1" + std::string(20, '0'), "85 5", "1 23", "12 345 67",
                                  "0," + std::string(400, '0') + "1", "1.000.000.000.000.000", "1234567890123456",
                                  "0,1234567890123456", "1e300", "1E5", "inf", "nan"}) {
        INFO(bad.substr(0, 40));
        const ParsedNumber p = parseNumberId(bad);
        CHECK_FALSE(p.value.has_value());
        CHECK_FALSE(p.problem.id.empty());
        CHECK(p.problem.id.size() < 400);   // the text is quoted shortened, not whole
    }
    // Exact to the last digit: still read.
    CHECK(*parseNumberId("999.999.999.999.999").value == 999999999999999.0);
    CHECK(*parseNumberId("123456789012345").value == 123456789012345.0);
    CHECK(*parseNumberId("0,000001").value == Approx(0.000001));
    CHECK(*parseNumberId("1 234 567").value == 1234567.0);
    CHECK(*parseNumberId("Rp 1 500 000").value == 1500000.0);
    CHECK(*parseNumberId(" 90 % ").value == 90.0);
    CHECK(*parseNumberId("- 3").value == -3.0);
    CHECK(*parseNumberId("100,500000000000000").value == Approx(100.5));   // trailing zeros are not significant

    CHECK_FALSE(unreadableNumber(85.5));
    CHECK_FALSE(unreadableNumber(-999999999999999.0));
    for (double bad : {1e300, 1e15, -1e16, HUGE_VAL, -HUGE_VAL, std::nan("")}) {
        INFO(bad);
        const auto why = unreadableNumber(bad);
        REQUIRE(why);
        CHECK(why->en.find("cannot be read exactly") != std::string::npos);
    }
    CHECK(quotedForMessage("a\x1b[31mb") == "a?[31mb");
    CHECK(quotedForMessage(std::string(100, '9')) == std::string(40, '9') + "...");
}

TEST_CASE("Indonesian number and date formatting", "[format]")
{
    CHECK(formatNumberId(1234567.891) == "1.234.567,89");
    CHECK(formatNumberId(85.5) == "85,5");
    CHECK(formatNumberId(100) == "100");
    CHECK(formatNumberId(-1500.25) == "-1.500,25");
    CHECK(formatNumberId(0.004) == "0");
    CHECK(formatRupiah(41500000000.0) == "Rp 41.500.000.000");
    CHECK(formatDateId("2020-02-03") == "3 Februari 2020");
    CHECK(formatDateId("2026-04-10") == "10 April 2026");
    CHECK(formatDateId("kemarin") == "kemarin");
    CHECK(romanNumeral(4) == "IV");
}
