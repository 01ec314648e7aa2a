#include <catch2/catch.hpp>

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
