// Letters a killed process left half done: the document complete in hasil/
// but its number still "reserved" (dipesan) in the register, or a temporary
// file of an atomic write. Each letter run first puts these right.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "letters/register.hpp"

namespace evakin {

// Long enough that a letter another PC is producing right now (a second or
// two) is never taken for an abandoned one.
inline constexpr int kLetterSettleSeconds = 300;

// In `results` (a workspace's hasil/): removes temporaries of atomic writes
// (".name.odt.<id>.tmp") older than `settleSeconds`, and records as issued
// every entry reserved longer ago than that whose document `stem(entry)`.odt
// (or stem-2.odt ...) is a complete ODF package holding its number. Returns
// the entries completed. Never throws: what it cannot settle stays as it was,
// visible in the register for staff.
std::vector<RegisterEntry> reconcileLetters(const std::filesystem::path& results, Register& reg,
                                            const std::function<std::string(const RegisterEntry&)>& stem,
                                            int settleSeconds = kLetterSettleSeconds);

}   // namespace evakin
