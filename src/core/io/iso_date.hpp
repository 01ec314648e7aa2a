// Dates as Evakin reads and writes them: ISO 8601 "YYYY-MM-DD" (periode.json's
// deadline, --date options, the register, koreksi.json's time, spreadsheet date
// cells), and the clock's today and year. One parser, so every door accepts and
// refuses the same dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace evakin {

struct IsoDate {
    int year = 0, month = 0, day = 0;
};

// Exactly "YYYY-MM-DD", a day that exists (no 2026-02-30), year 1 to 9999.
std::optional<IsoDate> parseIsoDate(std::string_view text);
// The same for callers that take the parts one by one; false (parts untouched) when it is not a
// date of year 1900 to 9999.
bool parseIsoDate(const std::string& iso, int& year, int& month, int& day);

// A date with an optional time as spreadsheets store it, "2026-04-15" or "2026-04-15T08:30:00[.5][Z|+07:00]"
// (leading and trailing spaces allowed; a time zone is ignored: spreadsheet dates are local).
struct IsoDateTime {
    IsoDate date;
    double secondsOfDay = 0;
};
std::optional<IsoDateTime> parseIsoDateTime(std::string_view text);

std::string todayIso();   // the local date, "YYYY-MM-DD"
int currentYear();        // the local year

}   // namespace evakin
