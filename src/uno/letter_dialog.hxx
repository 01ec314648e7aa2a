// The dialogs of Surat Pengantar and Undangan Rapat (org.evakin:Letter): every
// field of the letter pre-filled from the core's proposal (letter_defaults.hpp),
// shown before anything is numbered or written.
#pragma once

#include <optional>

#include "command_support.hxx"
#include "letters/letter_defaults.hpp"

namespace evakin::uno
{

// Shows the dialog for `proposal` (its request holds what to show: the defaults, or
// what was typed before a problem). Returns the request as typed when closed with
// Make Letter; nothing when cancelled (headless: at once).
std::optional<evakin::LetterRequest> letterDialog(const CommandScope& scope,
                                                  const evakin::LetterProposal& proposal,
                                                  const std::filesystem::path& workspace);

} // namespace evakin::uno
