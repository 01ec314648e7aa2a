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

struct LetterRequest {
    std::filesystem::path workspaceDir;
    LetterKind kind = LetterKind::pengantar;
    std::string classification;           // empty: the register's default for the kind
    std::string date;                     // ISO; empty: today
    std::optional<std::string> subject;   // unset: the usual subject; set but empty: refused
    std::vector<LetterItem> extraItems;   // pengantar: after the evaluation report
    std::string sifat = "Biasa";          // undangan
    std::string lampiran = "-";           // undangan
    std::string meetingDate;              // undangan: ISO, required
    std::string meetingTime = "09.00 WIB s.d. selesai";
    std::string meetingPlace;   // empty: "Ruang Rapat <office short name>"
    std::string agenda;         // empty: "Pembahasan Evaluasi Kinerja <period>"
    std::string createdBy;      // empty: the login name
    // Test hook: called after the number is reserved, before the document is written.
    std::function<void(const RegisterEntry&)> afterReserve;
};

struct LetterResult {
    RegisterEntry entry;   // status "issued", path and sha256 set
    std::filesystem::path file;
    std::string toJson() const;
    std::string summary(Lang lang) const;
};

// Throws Error (nothing written, no number taken) when the request, the
// workspace, the template or the register cannot be used; throws Error naming
// the voided number when the letter could not be written after reserving.
LetterResult produceLetter(const LetterRequest& request, Register& reg);

}   // namespace evakin
