// The working-day calendar (issue 15): the shipped hari-libur.json, and the
// dates the issue found on days off.
#include <catch2/catch.hpp>

#include "letters/letter_defaults.hpp"
#include "model/calendar.hpp"
#include "model/sample.hpp"
#include "text/error.hpp"

using namespace evakin;

TEST_CASE("Weekends, national holidays and cuti bersama are no working days", "[calendar]")
{
    const WorkCalendar c = loadWorkCalendar();
    CHECK(c.isWorkingDay("2026-04-06"));         // a Monday
    CHECK_FALSE(c.isWorkingDay("2026-04-03"));   // Good Friday
    CHECK_FALSE(c.isWorkingDay("2026-10-10"));   // a Saturday
    CHECK_FALSE(c.isWorkingDay("2027-01-10"));   // a Sunday
    CHECK_FALSE(c.isWorkingDay("2026-03-23"));   // cuti bersama Idul Fitri
    CHECK_FALSE(c.isWorkingDay("2026-02-30"));   // no such date
    CHECK(c.whyNotWorkingDay("2026-04-03")->id == "libur nasional Wafat Yesus Kristus");
    CHECK(c.whyNotWorkingDay("2026-10-10")->id == "Sabtu");
    CHECK(c.whyNotWorkingDay("2026-10-10")->en == "Saturday");
    CHECK(c.whyNotWorkingDay("2026-12-24")->id.rfind("cuti bersama", 0) == 0);
    CHECK_FALSE(c.whyNotWorkingDay("2026-04-06"));
    CHECK(c.coversYear(2026));
    CHECK(c.coversYear(2027));
    CHECK_FALSE(c.coversYear(2030));
}

TEST_CASE("The next working day skips weekends and the Lebaran holidays", "[calendar]")
{
    const WorkCalendar c = loadWorkCalendar();
    CHECK(c.nextWorkingDay("2026-04-06") == "2026-04-06");
    CHECK(c.nextWorkingDay("2026-04-03") == "2026-04-06");   // Friday holiday, weekend
    CHECK(c.nextWorkingDay("2026-10-10") == "2026-10-12");
    CHECK(c.nextWorkingDay("2026-03-18") == "2026-03-25");   // Nyepi, Idul Fitri and cuti bersama
    CHECK(c.nextWorkingDay("2027-01-01") == "2027-01-04");
    CHECK(addDays("2026-12-28", 7) == "2027-01-04");
    CHECK(addDays("2026-03-01", -1) == "2026-02-28");
}

TEST_CASE("A chosen date off work gets a warning that names it and the next working day", "[calendar]")
{
    const WorkCalendar c = loadWorkCalendar();
    const auto w = dateWarning(c, "2026-04-03", Text{"Tanggal rapat", "The meeting date"});
    REQUIRE(w);
    CHECK(w->id == "Tanggal rapat 3 April 2026 bukan hari kerja (libur nasional Wafat Yesus Kristus). "
                   "Hari kerja berikutnya: 6 April 2026.");
    CHECK(w->en.find("is not a working day") != std::string::npos);
    CHECK_FALSE(dateWarning(c, "2026-04-06", Text{"Tanggal rapat", "The meeting date"}));
    CHECK_FALSE(dateWarning(c, "not a date", Text{"Tanggal rapat", "The meeting date"}));
}

TEST_CASE("An edited holiday file is checked entry by entry", "[calendar]")
{
    const WorkCalendar own = WorkCalendar::fromJson(
        R"({"libur": [{"tanggal": "2026-07-15", "nama": "Hari Jadi Provinsi", "jenis": "libur nasional"}]})",
        "templates/hari-libur.json");
    CHECK_FALSE(own.isWorkingDay("2026-07-15"));
    CHECK(own.isWorkingDay("2026-04-03"));   // the office's own file replaces the built-in one
    try {
        WorkCalendar::fromJson(R"({"libur": [{"tanggal": "15-07-2026", "nama": "x"},
                                             {"tanggal": "2026-07-16", "jenis": "libur daerah"}]})",
                               "templates/hari-libur.json");
        FAIL("accepted a bad file");
    } catch (const Error& e) {
        REQUIRE(e.problems().size() == 2);
        CHECK(e.problems()[0].field == "libur[0].tanggal");
        CHECK(e.problems()[1].field == "libur[1].jenis");
        CHECK(e.problems()[0].file == "templates/hari-libur.json");
    }
    CHECK_THROWS_AS(WorkCalendar::fromJson("{", "hari-libur.json"), Error);
}

TEST_CASE("Deadlines and meetings are proposed on working days", "[calendar]")
{
    // The issue's dates: Saturday 10 October 2026, Sunday 10 January 2027, Good Friday 3 April 2026.
    CHECK(defaultDeadline(2026, 3) == "2026-10-12");
    CHECK(defaultDeadline(2026, 4) == "2027-01-11");
    CHECK(defaultDeadline(2026, 1) == "2026-04-10");   // a Friday: kept
    CHECK(proposedMeetingDate("2026-03-27") == "2026-04-06");
    CHECK(proposedMeetingDate("2026-03-30") == "2026-04-06");
}
