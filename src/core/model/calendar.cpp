#include "model/calendar.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/Timespan.h>

#include "io/format_id.hpp"
#include "io/iso_date.hpp"
#include "io/json.hpp"
#include "io/odf_document.hpp"

namespace evakin {

namespace {

const char* const kDayNames[7][2] = {{"Minggu", "Sunday"},  {"Senin", "Monday"},   {"Selasa", "Tuesday"},
                                     {"Rabu", "Wednesday"}, {"Kamis", "Thursday"}, {"Jumat", "Friday"},
                                     {"Sabtu", "Saturday"}};

std::optional<Poco::DateTime> dateOf(const std::string& iso)
{
    int y = 0, m = 0, d = 0;
    if (!parseIsoDate(iso, y, m, d)) return std::nullopt;
    return Poco::DateTime(y, m, d);
}

std::string isoOf(const Poco::DateTime& t) { return Poco::DateTimeFormatter::format(t, "%Y-%m-%d"); }

Problem fileProblem(const std::string& file, const std::string& field, Text message)
{
    Problem p;
    p.file = file;
    p.field = field;
    p.message = std::move(message);
    return p;
}

}   // namespace

WorkCalendar WorkCalendar::fromJson(const std::string& json, const std::string& sourceName)
{
    const auto root = parseJsonObject(json, sourceName, [](const Text& why) {
        return Text{"Daftar hari libur tidak dapat dibaca: " + why.id +
                        ". Perbaiki berkas itu atau hapus salinannya dari folder templates/.",
                    "The list of holidays cannot be read: " + why.en +
                        ". Fix that file or delete its copy from the templates/ folder."};
    });
    WorkCalendar c;
    std::vector<Problem> problems;
    const Poco::JSON::Array::Ptr days = root->getArray("libur");
    if (!days) {
        problems.push_back(fileProblem(sourceName, "libur",
                                       Text{"Daftar \"libur\" tidak ada. Tulis \"libur\": [ {\"tanggal\": ..., "
                                            "\"nama\": ..., \"jenis\": ...} ].",
                                            "There is no \"libur\" list. Write \"libur\": [ {\"tanggal\": ..., "
                                            "\"nama\": ..., \"jenis\": ...} ]."}));
        throw Error(problems);
    }
    for (std::size_t i = 0; i < days->size(); ++i) {
        const std::string field = "libur[" + std::to_string(i) + "]";
        const Poco::JSON::Object::Ptr e = days->getObject(static_cast<unsigned>(i));
        const std::string date = e ? e->optValue<std::string>("tanggal", "") : "";
        if (!dateOf(date)) {
            problems.push_back(fileProblem(sourceName, field + ".tanggal",
                                           Text{"Tanggal \"" + date + "\" bukan tanggal TTTT-BB-HH yang sah.",
                                                "Date \"" + date + "\" is not a valid YYYY-MM-DD date."}));
            continue;
        }
        Holiday h;
        h.name = e->optValue<std::string>("nama", "");
        const std::string kind = e->optValue<std::string>("jenis", "libur nasional");
        if (kind != "libur nasional" && kind != "cuti bersama")
            problems.push_back(fileProblem(sourceName, field + ".jenis",
                                           Text{"Jenis \"" + kind +
                                                    "\" tidak dikenal: tulis \"libur nasional\" atau "
                                                    "\"cuti bersama\".",
                                                "Kind \"" + kind +
                                                    "\" is unknown: write \"libur nasional\" or "
                                                    "\"cuti bersama\"."}));
        h.cutiBersama = kind == "cuti bersama";
        h.estimate = e->optValue<bool>("perkiraan", false);
        c.holidays_[date] = h;
    }
    if (!problems.empty()) throw Error(problems);
    return c;
}

bool WorkCalendar::isWorkingDay(const std::string& date) const { return dateOf(date) && !whyNotWorkingDay(date); }

std::optional<Text> WorkCalendar::whyNotWorkingDay(const std::string& date) const
{
    const auto t = dateOf(date);
    if (!t) return Text{"bukan tanggal yang sah", "not a valid date"};
    const auto it = holidays_.find(date);
    if (it != holidays_.end()) {
        const Holiday& h = it->second;
        const std::string mark = h.estimate ? " (perkiraan)" : "";
        if (h.cutiBersama)
            return Text{"cuti bersama: " + h.name + mark, "cuti bersama (joint leave): " + h.name + mark};
        return Text{"libur nasional " + h.name + mark, "national holiday " + h.name + mark};
    }
    const int dow = t->dayOfWeek();
    if (dow == 0 || dow == 6) return Text{kDayNames[dow][0], kDayNames[dow][1]};
    return std::nullopt;
}

std::string WorkCalendar::nextWorkingDay(const std::string& date) const
{
    auto t = dateOf(date);
    if (!t) return date;
    // A year has at most some 120 days off: a month of searching always ends.
    for (int i = 0; i < 31 && !isWorkingDay(isoOf(*t)); ++i) *t += Poco::Timespan(1, 0, 0, 0, 0);
    return isoOf(*t);
}

bool WorkCalendar::coversYear(int year) const
{
    const std::string prefix = std::to_string(year) + "-";
    const auto it = holidays_.lower_bound(prefix);
    return it != holidays_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

WorkCalendar loadWorkCalendar(const std::filesystem::path& workspaceDir)
{
    const std::string name = workspaceDir.empty() || !std::filesystem::exists(workspaceDir / "templates" / kHolidayFile)
                                 ? std::string(kHolidayFile)
                                 : "templates/" + std::string(kHolidayFile);
    return WorkCalendar::fromJson(loadTemplate(kHolidayFile, workspaceDir.u8string()), name);
}

std::string addDays(const std::string& date, int days)
{
    auto t = dateOf(date);
    if (!t) return date;
    *t += Poco::Timespan(days, 0, 0, 0, 0);
    return isoOf(*t);
}

std::optional<Text> dateWarning(const WorkCalendar& calendar, const std::string& date, const Text& what)
{
    if (!dateOf(date)) return std::nullopt;   // an invalid date is its own problem
    const auto why = calendar.whyNotWorkingDay(date);
    if (!why) return std::nullopt;
    const std::string next = calendar.nextWorkingDay(date);
    return Text{what.id + " " + formatDateId(date) + " bukan hari kerja (" + why->id +
                    "). Hari kerja berikutnya: " + formatDateId(next) + ".",
                what.en + " " + formatDateId(date) + " is not a working day (" + why->en +
                    "). The next working day: " + formatDateId(next) + "."};
}

}   // namespace evakin
