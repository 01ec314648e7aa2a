// Working days of a regional office: Monday to Friday except the national
// holidays and cuti bersama of templates/hari-libur.json (one editable file,
// overridable by a copy in the workspace's templates/ folder). Evakin proposes
// deadlines and meeting dates on working days with it, and warns when a date
// staff chose is a weekend or a holiday (issue 15).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin {

constexpr const char* kHolidayFile = "hari-libur.json";

struct Holiday {
    std::string name;
    bool cutiBersama = false;
    bool estimate = false;   // a lunar-calendar day not yet fixed by the year's SKB
};

class WorkCalendar {
public:
    // Parses hari-libur.json's text; `sourceName` names the file in errors.
    static WorkCalendar fromJson(const std::string& json, const std::string& sourceName);

    // ISO dates "YYYY-MM-DD". A date that is not one is no working day.
    bool isWorkingDay(const std::string& date) const;
    // The date itself when it is a working day, else the first working day after it.
    std::string nextWorkingDay(const std::string& date) const;
    // Why the date is not a working day ("Sabtu", "libur nasional Wafat Yesus Kristus"),
    // nothing when it is one.
    std::optional<Text> whyNotWorkingDay(const std::string& date) const;
    // Whether the file lists holidays of that year at all.
    bool coversYear(int year) const;

private:
    std::map<std::string, Holiday> holidays_;
};

// The workspace's own hari-libur.json when it has one, else the built-in one.
// Throws Error naming the file when it cannot be read.
WorkCalendar loadWorkCalendar(const std::filesystem::path& workspaceDir = {});

// Calendar arithmetic on ISO dates: `days` later (or earlier, when negative).
std::string addDays(const std::string& date, int days);

// A warning for a date staff chose that is not a working day, naming the date
// (`what`, e.g. {"Tanggal rapat", "The meeting date"}) and why, or nothing.
std::optional<Text> dateWarning(const WorkCalendar& calendar, const std::string& date, const Text& what);

}   // namespace evakin
