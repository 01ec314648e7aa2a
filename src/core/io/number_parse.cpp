#include "io/number_parse.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace evakin {

namespace {

// Drops ASCII and no-break spaces (U+00A0, U+202F) anywhere: "1 234,5" and " 85 " are numbers.
std::string withoutSpaces(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) continue;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            static_cast<unsigned char>(s[i + 2]) == 0xAF) {
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

bool groupsOfThree(const std::string& digits, char sep)
{
    // "1.234.567": first group 1-3 digits, then groups of exactly 3.
    std::size_t pos = digits.find(sep);
    if (pos == 0 || pos > 3) return false;
    while (pos != std::string::npos) {
        const std::size_t next = digits.find(sep, pos + 1);
        const std::size_t len = (next == std::string::npos ? digits.size() : next) - pos - 1;
        if (len != 3) return false;
        pos = next;
    }
    return true;
}

ParsedNumber refuse(const std::string& original, const std::string& why_id, const std::string& why_en)
{
    return {
        std::nullopt,
        Text{"\"" + original + "\" bukan angka yang jelas" + why_id + ". Tulis angka saja, mis. 85,5 atau 1.234.567.",
             "\"" + original + "\" is not a clear number" + why_en + ". Type digits only, e.g. 85,5 or 1.234.567."}};
}

}   // namespace

ParsedNumber parseNumberId(const std::string& original)
{
    std::string s = withoutSpaces(original);
    if (s.empty()) return refuse(original, " (kosong)", " (empty)");
    if (s.size() >= 2 && (s[0] == 'R' || s[0] == 'r') && (s[1] == 'p' || s[1] == 'P')) s.erase(0, 2);
    bool percent = false;
    if (!s.empty() && s.back() == '%') {
        percent = true;
        s.pop_back();
    }
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.erase(0, 1);
    }
    if (s.empty() ||
        !std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ','; }) ||
        !std::isdigit(static_cast<unsigned char>(s.front())) || !std::isdigit(static_cast<unsigned char>(s.back())))
        return refuse(original, "", "");

    const std::size_t dots = static_cast<std::size_t>(std::count(s.begin(), s.end(), '.'));
    const std::size_t commas = static_cast<std::size_t>(std::count(s.begin(), s.end(), ','));
    std::string plain;   // digits with '.' as the only (decimal) separator
    if (dots && commas) {
        // Both present: the last one is the decimal separator, the other groups thousands.
        const char dec = s.find_last_of(".,") == s.rfind(',') ? ',' : '.';
        const char group = dec == ',' ? '.' : ',';
        const std::size_t decPos = s.rfind(dec);
        if (std::count(s.begin(), s.end(), dec) != 1 || !groupsOfThree(s.substr(0, decPos), group))
            return refuse(original, " (pemisah ribuan/desimal tidak konsisten)",
                          " (inconsistent thousands/decimal separators)");
        for (char c : s.substr(0, decPos))
            if (c != group) plain += c;
        plain += '.' + s.substr(decPos + 1);
    } else if (commas) {
        // Indonesian decimal comma ("85,5"); several commas only as thousands groups.
        if (commas == 1) {
            plain = s;
            plain[s.find(',')] = '.';
        } else if (groupsOfThree(s, ',')) {
            s.erase(std::remove(s.begin(), s.end(), ','), s.end());
            plain = s;
        } else {
            return refuse(original, "", "");
        }
    } else if (dots) {
        if (dots > 1) {
            if (!groupsOfThree(s, '.')) return refuse(original, "", "");
            s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
            plain = s;
        } else if (s.size() - s.find('.') - 1 == 3) {
            // "1.234": 1234 in Indonesian, 1.234 in English. Do not guess.
            return refuse(original, " (bisa dibaca seribu lebih atau satu koma sekian)",
                          " (could be read as thousands or as a decimal)");
        } else {
            plain = s;   // "85.5": a decimal point, as typed on an English keyboard
        }
    } else {
        plain = s;
    }
    double v = 0;   // from_chars: independent of the process locale (LibreOffice sets one)
    std::from_chars(plain.data(), plain.data() + plain.size(), v);
    if (negative) v = -v;
    (void)percent;   // "90%" means 90 (percentage points), the unit the form asks for
    return {v, {}};
}

}   // namespace evakin
