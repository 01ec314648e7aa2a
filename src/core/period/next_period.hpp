// "Periode Baru": starts triwulan N+1 from triwulan N's finished workspace.
// The new workspace gets the same profile, plan, settings and templates, and
// the accepted realisations of the year so far, taken from the finished
// period's merged table (hasil/evaluasi.json, corrections included), not from
// the units' raw files. After triwulan IV the next period is triwulan I of
// the next year: the plan's "realisasi s/d tahun lalu" is brought forward
// from the year just closed and the realisations start empty.
// The finished workspace is only read, never modified.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "text/error.hpp"
#include "model/workspace.hpp"

namespace evakin {

// Which period follows `current` and what its workspace folder is called by default: the next
// triwulan, or after triwulan IV triwulan I of the next year. The one place this is decided, for the
// CLI (`evakin init --from`), the toolbar's Periode Baru and the API.
struct NextPeriodStep {
    Period period;             // with its default deadline
    bool newYear = false;      // triwulan IV closed the year
    std::string folderName;    // "2026-tw2"
};
NextPeriodStep nextPeriodOf(const Period& current);

// Where the next period goes when no folder was chosen: the sibling of the workspace folder named
// after the next period, e.g. <parent>/2026-tw2 for a triwulan I 2026 workspace. Throws Error when
// `workspaceDir` is not a workspace.
std::filesystem::path proposedNextWorkspace(const std::filesystem::path& workspaceDir);

// The new period's folder when staff picked `chosenDir`: an empty or absent folder is used as is; a
// folder with anything in it gets the period's folder inside it (a workspace never shares a folder).
std::filesystem::path nextWorkspaceIn(const std::filesystem::path& chosenDir, const Period& current);

struct NextPeriodResult {
    std::filesystem::path workspace;
    Period from;
    Period period;
    bool newYear = false;
    std::size_t carriedValues = 0;   // quarter values carried (K and Rp count separately)
    std::size_t lateQuarters = 0;    // earlier quarters still unreported, to come as late data
    std::string toJson() const;
    std::string summary(Lang lang) const;
};

NextPeriodResult createNextWorkspace(const std::filesystem::path& previousDir, const std::filesystem::path& newDir);

}   // namespace evakin
