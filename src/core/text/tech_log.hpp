// Technical detail of a failure (a library's or a server's own words) kept out
// of the messages staff read, but not lost: it goes to standard error when
// EVAKIN_VERBOSE is set (the CLI's --verbose sets it), for whoever looks into
// the failure.
#pragma once

#include <string>

namespace evakin {

// Writes "evakin: <where>: <detail>" to standard error when EVAKIN_VERBOSE is set and not "0".
void logTechnicalDetail(const std::string& where, const std::string& detail);

}   // namespace evakin
