#include "io/format_id.hpp"

#include <cmath>
#include <charconv>
#include <string_view>

#include "io/iso_date.hpp"

namespace evakin {

std::string formatNumberId(double value, int maxDecimals)
{
    if (!std::isfinite(value)) return "-";
    char buf[400];   // to_chars, not printf: the process locale must not change the separators
    const auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::fixed, maxDecimals);
    std::string digits(buf, res.ptr);
    std::string frac;
    if (auto dot = digits.find('.'); dot != std::string::npos) {
        frac = digits.substr(dot + 1);
        digits.resize(dot);
        while (!frac.empty() && frac.back() == '0') frac.pop_back();
    }
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    const bool zero = out.find_first_not_of("0.") == std::string::npos && frac.empty();
    if (value < 0 && !zero) out.insert(0, "-");
    if (!frac.empty()) out += "," + frac;
    return out;
}

std::string formatRupiah(double value) { return "Rp " + formatNumberId(value, 0); }

const char* monthNameId(int month)
{
    static const char* names[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                  "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
    return (month >= 1 && month <= 12) ? names[month - 1] : "";
}

std::string formatDateId(const std::string& iso)
{
    // The date part of a date or a date and time (koreksi.json's "at").
    const auto d = parseIsoDate(std::string_view(iso).substr(0, 10));
    if (!d) return iso;
    return std::to_string(d->day) + " " + monthNameId(d->month) + " " + std::to_string(d->year);
}

std::string romanNumeral(int n)
{
    static const char* r[] = {"I", "II", "III", "IV"};
    return (n >= 1 && n <= 4) ? r[n - 1] : std::to_string(n);
}

}   // namespace evakin
