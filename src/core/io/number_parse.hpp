// Reads numbers the way staff really type them into a cell that ended up as
// text: "85,5", "1.234,5", "90%", "Rp 1.500.000", "1 234,5", with stray spaces
// around them. Ambiguous, textual or inexact values ("1.234" could be 1234 or
// 1,234; "delapan puluh"; "85 5"; 400 digits) are refused with a reason, never
// guessed.
#pragma once

#include <optional>
#include <string>

#include "text/error.hpp"

namespace evakin {

struct ParsedNumber {
    std::optional<double> value;   // set when the text is a number
    Text problem;                  // why not, when value is empty
};

ParsedNumber parseNumberId(const std::string& text);

// Numbers at or beyond this magnitude are not read: a double no longer holds
// every whole number there (2^53 is about 9e15), and no budget or indicator of
// a regional office comes near it. So 1e300 or an overflow never passes as a
// figure.
inline constexpr double kLargestReadableNumber = 1e15;
// At most this many significant digits are read: a double keeps 15 exactly.
inline constexpr int kMostSignificantDigits = 15;

// Why a number already stored as one (a numeric spreadsheet cell, a JSON
// value) cannot be used as it stands: infinite, not a number, or too large to
// be exact; nothing when it can.
std::optional<Text> unreadableNumber(double value);

// `text` shortened and made printable for quoting in a message: control
// characters become '?', and more than 40 bytes end in "...".
std::string quotedForMessage(const std::string& text);

}   // namespace evakin
