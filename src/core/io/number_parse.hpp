// Reads numbers the way staff really type them into a cell that ended up as
// text: "85,5", "1.234,5", "90%", "Rp 1.500.000", with stray spaces.
// Ambiguous or textual values ("1.234" could be 1234 or 1,234; "delapan puluh")
// are refused with a reason, never guessed.
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

}   // namespace evakin
