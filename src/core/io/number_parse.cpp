#include "io/number_parse.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "io/format_id.hpp"

namespace evakin {

namespace {

// ASCII, no-break (U+00A0) and narrow no-break (U+202F) spaces all become ' ':
// "1 234,5" may be typed with any of them.
std::string normalisedSpaces(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) {
            out += ' ';
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            out += ' ';
            ++i;
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(s[i + 2]) == 0xAF) {
            out += ' ';
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

void trimLeft(std::string& s) { s.erase(0, std::min(s.find_first_not_of(' '), s.size())); }
void trimRight(std::string& s)
{
    const std::size_t last = s.find_last_not_of(' ');
    s.erase(last == std::string::npos ? 0 : last + 1);
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
    const std::string q = quotedForMessage(original);
    return {std::nullopt,
            Text{"\"" + q + "\" bukan angka yang jelas" + why_id + ". Tulis angka saja, mis. 85,5 atau 1.234.567.",
                 "\"" + q + "\" is not a clear number" + why_en + ". Type digits only, e.g. 85,5 or 1.234.567."}};
}

Text tooLargeText(const std::string& shown)
{
    const std::string limit = formatNumberId(kLargestReadableNumber);
    const std::string digits = std::to_string(kMostSignificantDigits);
    return {"\"" + shown + "\" tidak dapat dibaca dengan tepat: angka harus kurang dari " + limit +
                " dan paling banyak " + digits + " angka bermakna. Periksa angkanya dan tulis ulang.",
            "\"" + shown + "\" cannot be read exactly: a number must be below " + limit + " with at most " + digits +
                " significant digits. Check the figure and type it again."};
}

// Significant digits of `plain` (digits with at most one '.'): from the first
// non-zero digit to the last non-zero one after the point.
int significantDigits(const std::string& plain)
{
    const std::size_t point = plain.find('.');
    std::string digits = plain.substr(0, point);
    if (point != std::string::npos) {
        std::string fraction = plain.substr(point + 1);
        fraction.erase(fraction.find_last_not_of('0') + 1);
        digits += fraction;
    }
    const std::size_t first = digits.find_first_not_of('0');
    return first == std::string::npos ? 0 : static_cast<int>(digits.size() - first);
}

}   // namespace

std::string quotedForMessage(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (out.size() >= 40 && (c & 0xC0) != 0x80) return out + "...";   // cut between UTF-8 characters
        out += c < 0x20 || c == 0x7F ? '?' : static_cast<char>(c);
    }
    return out;
}

std::optional<Text> unreadableNumber(double value)
{
    if (std::isfinite(value) && std::fabs(value) < kLargestReadableNumber) return std::nullopt;
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 6);
    return tooLargeText(std::string(buf, r.ptr));
}

ParsedNumber parseNumberId(const std::string& original)
{
    std::string s = normalisedSpaces(original);
    trimLeft(s);
    trimRight(s);
    if (s.empty()) return refuse(original, " (kosong)", " (empty)");
    if (s.size() >= 2 && (s[0] == 'R' || s[0] == 'r') && (s[1] == 'p' || s[1] == 'P')) {
        s.erase(0, 2);
        trimLeft(s);
    }
    if (!s.empty() && s.back() == '%') {   // "90%" means 90 (percentage points), the unit the form asks for
        s.pop_back();
        trimRight(s);
    }
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.erase(0, 1);
        trimLeft(s);
    }
    const bool onlyFigures = std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == ' ';
    });
    if (onlyFigures && s.find(' ') != std::string::npos) {
        // A space inside the figure only groups thousands before the decimal separator: "1 234 567,5".
        // "85 5" is refused: it may be 855 or 85,5 with a lost comma.
        const std::size_t dec = s.find_first_of(".,");
        const std::string whole = s.substr(0, dec);
        const std::string rest = dec == std::string::npos ? std::string() : s.substr(dec);
        if (!groupsOfThree(whole, ' ') || rest.find_first_of(" .,", 1) != std::string::npos)
            return refuse(original, " (ada spasi di tengah angka)", " (a space inside the number)");
        s = whole;
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        s += rest;
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
    // More digits than a double keeps would be rounded (or, past 308 digits, overflow): refused, not guessed.
    if (significantDigits(plain) > kMostSignificantDigits)
        return {std::nullopt, tooLargeText(quotedForMessage(original))};
    double v = 0;   // from_chars: independent of the process locale (LibreOffice sets one)
    const auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
    if (ec != std::errc() || end != plain.data() + plain.size() || !std::isfinite(v) ||
        std::fabs(v) >= kLargestReadableNumber)
        return {std::nullopt, tooLargeText(quotedForMessage(original))};
    if (negative) v = -v;
    return {v, {}};
}

}   // namespace evakin
