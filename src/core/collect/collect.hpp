// "Rekap Kiriman": reads every returned form in the workspace's inbox/,
// identifies and checks each, merges the valid ones with the quarters already
// accepted (realisasi.json) into the year, and writes to hasil/:
//   rekap-pengumpulan.ods   who returned what, and every problem found
//   tabel-evaluasi.ods      the office's Permendagri 86/2017 table (columns 0-17, K and Rp)
//   evaluasi.json           the merged year, for the report and the next quarter
// Inbox files are only read, never modified. Outputs depend only on the
// inputs (the package time is the newest inbox file's time), so a rerun on
// the same inbox gives the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "text/error.hpp"
#include "io/sheet_reader.hpp"

namespace evakin {

enum class Severity { error, warning };   // an error keeps the return out of the merge

struct CollectProblem {
    Problem where;   // file, sheet, cell, message
    Severity severity = Severity::error;
    std::string unitCode;   // empty when the file could not be tied to a unit
};

enum class ReturnStatus {
    accepted,     // identified, no errors: merged
    invalid,      // identified, has errors: not merged
    superseded,   // a newer return of the same unit wins
    rejected,     // another period, office or an unknown unit
    unreadable,   // not a spreadsheet, damaged, encrypted, too large, not our form
};
const char* returnStatusCode(ReturnStatus s);   // "accepted", "invalid", ...

struct ReturnFile {
    std::filesystem::path file;
    std::string name;                  // file name, as shown
    std::string modified;              // "2026-04-08 14:03" (local time of the file)
    std::int64_t modifiedUs = 0;       // microseconds since the epoch, for ordering
    std::string unitCode;              // empty when not identified
    bool identifiedByHeader = false;   // no stamped identity: found by the unit name in the header
    ReturnStatus status = ReturnStatus::unreadable;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t lateValues = 0;   // earlier-quarter cells reported late in this return
};

enum class UnitStatus { valid, invalid, missing };
// How every output words a unit's status, in one table.
struct UnitStatusWords {
    const char* code;     // evaluasi.json and --json: "valid", "invalid", "missing"
    const char* recap;    // rekap-pengumpulan.ods: "Diterima, sah"
    const char* table;    // the unit's line in tabel-evaluasi.ods: "kiriman sah"
    const char* report;   // the report: "data sah"
};
const UnitStatusWords& unitStatusWords(UnitStatus s);
const char* unitStatusCode(UnitStatus s);   // unitStatusWords(s).code
UnitStatus unitStatusFromCode(const std::string& code);   // anything else: missing

struct UnitCollect {
    std::string code;
    std::string name;
    UnitStatus status = UnitStatus::missing;
    int file = -1;              // index into CollectResult::files of the return used (or judged), -1 none
    std::size_t returns = 0;    // files identified as this unit's
    std::size_t problems = 0;   // errors + warnings of the judged return
};

struct CollectResult {
    std::filesystem::path workspace;
    std::filesystem::path results;          // hasil/
    std::filesystem::path recapFile;        // hasil/rekap-pengumpulan.ods, the one staff open first
    std::string period;                     // "Triwulan I Tahun 2026"
    std::vector<ReturnFile> files;          // every inbox file considered, by name
    std::vector<std::string> ignored;       // lock and temporary files skipped
    std::vector<UnitCollect> units;         // profile order
    std::vector<CollectProblem> problems;   // every problem, by file then position
    std::vector<std::filesystem::path> written;
    bool complete() const;   // every unit returned a valid form
    std::string toJson(Lang lang) const;
    std::string summary(Lang lang) const;   // a few lines for a message box or the terminal
};

using CollectProgressFn = std::function<void(std::size_t done, std::size_t total, const std::string& fileName)>;

struct CollectOptions {
    ReadLimits limits;            // per returned file
    bool write = true;            // write hasil/ (false: only judge, e.g. a preview)
    CollectProgressFn progress;   // called on the calling thread as each file is taken
    unsigned threads = 0;         // files read at once; 0: as many as the machine has cores, at most 4
};

// Throws Error only when the workspace itself cannot be used (no periode.json,
// bad profile, plan or realisasi.json, or penilaian.json); problems with
// returned files are part of the result.
CollectResult collect(const std::filesystem::path& workspace, const CollectOptions& options = {});

// Whether collect skips an inbox file name: LibreOffice locks (.~lock.*#),
// Office owner files (~$x.xlsx), hidden files and temporaries (*.tmp, *~, *.part, *.crdownload).
bool isIgnoredInboxName(const std::string& name);

}   // namespace evakin
