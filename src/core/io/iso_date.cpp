#include "io/iso_date.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>

#include "text/text_util.hpp"

namespace evakin {

namespace {

// Reads exactly `n` digits at `pos`.
bool digits(std::string_view s, std::size_t& pos, std::size_t n, int& value)
{
    value = 0;
    for (std::size_t i = 0; i < n; ++i, ++pos) {
        if (pos >= s.size() || s[pos] < '0' || s[pos] > '9') return false;
        value = value * 10 + (s[pos] - '0');
    }
    return true;
}

// "YYYY-MM-DD" at the start of `s`; `pos` ends after it.
std::optional<IsoDate> datePart(std::string_view s, std::size_t& pos)
{
    IsoDate d;
    if (!digits(s, pos, 4, d.year) || pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, d.month) ||
        pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, d.day))
        return std::nullopt;
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > Poco::DateTime::daysOfMonth(d.year, d.month))
        return std::nullopt;
    return d;
}

}   // namespace

std::optional<IsoDate> parseIsoDate(std::string_view text)
{
    std::size_t pos = 0;
    const auto d = datePart(text, pos);
    if (!d || pos != text.size()) return std::nullopt;
    return d;
}

bool parseIsoDate(const std::string& iso, int& year, int& month, int& day)
{
    const auto d = parseIsoDate(std::string_view(iso));
    if (!d || d->year < 1900) return false;
    year = d->year;
    month = d->month;
    day = d->day;
    return true;
}

std::optional<IsoDateTime> parseIsoDateTime(std::string_view text)
{
    const std::string_view s = trimmedView(text);
    std::size_t pos = 0;
    const auto d = datePart(s, pos);
    if (!d) return std::nullopt;
    IsoDateTime out{*d, 0};
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
        ++pos;
        int h = 0, mi = 0, sec = 0;
        if (!digits(s, pos, 2, h) || pos >= s.size() || s[pos++] != ':' || !digits(s, pos, 2, mi) || h > 24 || mi > 59)
            return std::nullopt;
        double fraction = 0;
        if (pos < s.size() && s[pos] == ':') {
            ++pos;
            if (!digits(s, pos, 2, sec) || sec > 60) return std::nullopt;
            if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
                double scale = 0.1;
                for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, scale /= 10)
                    fraction += (s[pos] - '0') * scale;
            }
        }
        if (pos < s.size() && s[pos] != 'Z' && s[pos] != '+' && s[pos] != '-') return std::nullopt;
        out.secondsOfDay = h * 3600.0 + mi * 60.0 + sec + fraction;
    } else if (pos != s.size()) {
        return std::nullopt;
    }
    return out;
}

std::string todayIso() { return Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%d"); }

int currentYear() { return Poco::LocalDateTime().year(); }

}   // namespace evakin
