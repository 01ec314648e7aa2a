// Small text helpers shared by the readers of staff-typed cells and fields.
#pragma once

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace evakin {

// Without leading and trailing spaces, tabs and line breaks; a view into `s`,
// for comparisons that need no copy.
inline std::string_view trimmedView(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Without leading and trailing spaces, tabs and line breaks.
inline std::string trimSpaces(const std::string& s) { return std::string(trimmedView(s)); }

// True when the text holds nothing but spaces, tabs and line breaks.
inline bool isBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// The lines of a multi-line text (\n or \r\n), without trailing spaces;
// empty lines are left out.
inline std::vector<std::string> nonEmptyLines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) out.push_back(std::move(line));
    }
    return out;
}

// `s` for a terminal line: control characters (ESC sequences, tabs, line breaks
// pasted into a subject) become spaces, so stored text cannot move the cursor,
// recolour or clear the screen of whoever lists it.
inline std::string printableLine(std::string s)
{
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return s;
}

// ASCII lower case (column titles, indicator types, file extensions). Not std::tolower: it
// follows the process locale, and a UTF-8 byte of an Indonesian name must never change.
inline std::string lowerAscii(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}   // namespace evakin
