// The letters' defaults, decided in one place for every door: the CLI
// (`evakin letter`), the toolbar's dialogs, dispatch with Silent=true and the
// org.evakin.Evakin service. A dialog shows the proposal (proposeLetter) before
// anything is numbered; produceLetter completes a request with the same
// function, so a field left empty means the same thing everywhere.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "letters/letter.hpp"
#include "letters/register.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"

namespace evakin {

// Who may sign an invitation: "kepala" (the Kepala Dinas himself, the default)
// or "sekretaris" (the Sekretaris, a.n. Kepala Dinas; offered when the profile
// has a Sekretariat with a named head).
struct LetterSignatory {
    std::string key;
    std::string label;   // "Sekretaris (a.n. Kepala Dinas)", as the dialog lists it
    Person person;
    std::string onBehalfOf;   // "a.n. Kepala Dinas", or empty
};

// What a letter dialog shows before anything is numbered or written.
struct LetterProposal {
    LetterRequest request;                      // completed: every field holds what would be written
    std::string number;                         // the number OK would take now (peeked, not reserved)
    std::filesystem::path reportFile;           // pengantar: the period's draft report
    bool reportDrafted = true;                  // pengantar: false when reportFile does not exist yet
    std::vector<std::string> classifications;   // the register's known codes
    std::vector<std::string> invitees;          // undangan: everyone who can be ticked
    std::vector<LetterSignatory> signatories;   // undangan
    std::string periodLabel;                    // "Triwulan I Tahun 2026"
    std::vector<Text> dateWarnings;             // the letter or meeting date on a weekend or holiday; an odd signer
};

// Every empty or unset field of `request` filled with its default (see LetterRequest).
LetterRequest completeLetterRequest(const LetterRequest& request, const Profile& profile, const Period& period,
                                    const RegisterSettings& settings);

// The proposal for a dialog: `request` as known so far (workspace, kind, arguments
// given), completed, with the number it would take. Throws Error when the
// workspace or its profile cannot be read.
LetterProposal proposeLetter(const LetterRequest& request, const Register& reg);

// Who can sign an invitation from this office; the first is the default.
std::vector<LetterSignatory> letterSignatories(const Profile& profile);
// The Kepala Dinas and every unit head, as the invitation addresses them: who can be ticked.
std::vector<std::string> possibleInvitees(const Profile& profile);
// Who an invitation signed by `signatory` invites unless told otherwise: every unit head but the
// signer, never the Kepala Dinas (he signs it, or it is signed on his behalf).
std::vector<std::string> defaultInvitees(const Profile& profile, const std::string& signatory);
// A warning when an invitation signed by or for the Kepala Dinas also invites him (practice: a nota
// dinas asks him to attend); the letter is still made, as typed.
std::vector<Text> signatoryWarnings(const LetterRequest& completed, const Profile& profile);

// The name recorded as "Dibuat oleh" in the register when none is given: env EVAKIN_PETUGAS, else
// the operating-system user. The one place that decides it (an office setting may come first later).
std::string staffName();

// The "di ..." of an address: its last part without the postal code
// ("Kompleks Perkantoran Gubernur, Pangkalpinang 33149" -> "Pangkalpinang");
// `fallback` when the address is empty.
std::string placeOfAddress(const std::string& address, const std::string& fallback);

// The meeting proposed for an invitation dated `letterDate` (ISO): a week later.
std::string proposedMeetingDate(const std::string& letterDate);

// Rows of the naskah table typed on one line, as `evakin letter --item` and the
// dispatch argument Items take them: rows separated by ';', fields by '|'
// ("Naskah|Banyaknya|Keterangan;Naskah 2|2 eksemplar|"); an empty banyaknya is
// "1 (satu) berkas". Throws Error naming `field` when a row has no naskah.
std::vector<LetterItem> parseLetterItems(const std::string& text, const std::string& field = "item");
// Titles separated by ';' or new lines, blanks dropped (dispatch argument Invitees).
std::vector<std::string> parseLetterList(const std::string& text);

}   // namespace evakin
