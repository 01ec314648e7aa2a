// Numbered letters of the SOP: the cover letter sent with the evaluation
// report to BAPPEDA ("Surat Pengantar", step 12) and the invitation to the
// evaluation meeting ("Undangan Rapat", step 4). Both are written directly as
// ODF text documents from templates staff can edit (templates/*.fodt), into
// the workspace's hasil/ folder, and take their number from the register.
//
// Order of work, so that a number is taken only for a letter actually made:
//   1. check the request, profile, template and output folder (no number yet);
//   2. reserve the next number (one transaction);
//   3. render and write the document, hash it;
//   4. mark the entry issued with the document's path and SHA-256.
// When 3 or 4 fails, the entry is voided with the reason and the partial
// document removed: the number stays in the register, never reused.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "text/error.hpp"
#include "letters/register.hpp"

namespace evakin {

enum class LetterKind { pengantar, undangan };
const char* letterKindName(LetterKind kind);   // "pengantar", "undangan"
// Parses "pengantar" / "undangan"; Error naming the field "kind" otherwise.
LetterKind letterKindFromString(const std::string& s);

// One row of the cover letter's table.
struct LetterItem {
    std::string naskah;      // "Laporan Evaluasi Kinerja Triwulan I Tahun 2026"
    std::string banyaknya;   // "1 (satu) berkas"
    std::string keterangan;
};

// What to write. Every field left empty (or unset) takes the default that
// completeLetterRequest (letter_defaults.hpp) decides, the same for every door.
struct LetterRequest {
    std::filesystem::path workspaceDir;
    LetterKind kind = LetterKind::pengantar;
    std::string classification;           // empty: the register's default for the kind
    std::string date;                     // ISO; empty: today
    std::optional<std::string> subject;   // unset: the usual subject; set but empty: refused
    // pengantar: the whole table of naskah dinas; unset: the period's report, then extraItems.
    std::optional<std::vector<LetterItem>> items;
    std::vector<LetterItem> extraItems;   // pengantar: after the evaluation report (when items is unset)
    std::string addressee;                // pengantar: empty: the profile's BAPPEDA
    std::string addresseePlace;           // pengantar "di ...": empty: the city of the addressee's address
    std::string sifat;                    // empty: "Biasa"
    std::string lampiran;                 // empty: undangan "-", pengantar "<rows> berkas"
    std::string meetingDate;              // undangan: ISO; empty: a week after the letter date
    std::string meetingTime;              // empty: "09.00 WIB s.d. selesai"
    std::string meetingPlace;             // empty: "Ruang Rapat <office short name>"
    std::string agenda;                   // empty: "Pembahasan Evaluasi Kinerja <period>"
    // undangan: the invitees' titles, in order; unset: the Kepala Dinas and every unit head.
    std::optional<std::vector<std::string>> invitees;
    std::string signatory;   // undangan: "kepala" or "sekretaris" (a.n. Kepala); empty: the default
    std::string createdBy;   // empty: the login name
    // Test hook: called after the number is reserved, before the document is written.
    std::function<void(const RegisterEntry&)> afterReserve;
};

struct LetterResult {
    RegisterEntry entry;   // status "issued", path and sha256 set
    std::filesystem::path file;
    std::vector<Text> warnings;   // e.g. a letter or meeting date on a weekend or holiday
    std::string toJson() const;
    std::string summary(Lang lang) const;
};

// Throws Error (nothing written, no number taken) when the request, the
// workspace, the template or the register cannot be used; throws Error naming
// the voided number when the letter could not be written after reserving.
LetterResult produceLetter(const LetterRequest& request, Register& reg);

// Everything produceLetter checks before taking a number, without taking one
// or writing anything: throws Error listing every problem (dialogs show it and stay open).
void checkLetter(const LetterRequest& request, const Register& reg);

// Warnings for the letter's date and, for an invitation, the meeting date when
// they fall on a weekend, a national holiday or cuti bersama (the workspace's
// hari-libur.json): the letter is still made, staff see why the date is odd.
std::vector<Text> letterDateWarnings(const LetterRequest& completed, const std::filesystem::path& workspaceDir);

}   // namespace evakin
