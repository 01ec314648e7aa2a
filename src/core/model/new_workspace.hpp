// "Ruang Kerja": a new workspace for a period, its office profile and plan
// taken from the bundled sample office, from an earlier workspace (the same
// office's previous year or quarter) or left empty to fill in. All or
// nothing: the workspace is built in a hidden sibling folder and moved into
// place only when complete, so a failure leaves no folder behind (neither the
// workspace nor parents made for it).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "text/error.hpp"
#include "model/workspace.hpp"

namespace evakin {

enum class WorkspaceSource { sample, earlier, empty };

struct NewWorkspace {
    std::filesystem::path dir;   // new, or an existing empty folder
    int year = 0;
    int triwulan = 1;
    std::string deadline;   // ISO date (YYYY-MM-DD); empty: defaultDeadline
    WorkspaceSource source = WorkspaceSource::sample;
    std::filesystem::path from;   // the earlier workspace, when source is `earlier`
};

struct NewWorkspaceResult {
    Workspace workspace;
    WorkspaceSource source = WorkspaceSource::sample;
    std::filesystem::path from;
    std::vector<Text> warnings;   // a chosen deadline on a weekend or a holiday
    std::string toJson() const;
    std::string summary(Lang lang) const;
};

// What an earlier workspace gives a new one: the profile, the plan, the evaluation
// settings (penilaian.json), the report settings (laporan.json) and the office's own
// templates. Never its returns, results or realisations (Periode Baru carries those).
// Checks every field first (Error naming each: folder, year, triwulan, deadline, from).
NewWorkspaceResult createNewWorkspace(const NewWorkspace& request);

// The period staff usually start in month `month` of `year`: the quarter that ended last
// (in April triwulan I; in January triwulan IV of the year before), its usual deadline.
Period proposedPeriod(int year, int month);
Period proposedPeriodToday();   // by the computer's clock
// Where a new workspace for `period` is proposed: beside `last` (the workspace used
// last) when there is one, else in <home>/Evaluasi Kinerja.
std::filesystem::path proposedWorkspaceFolder(const std::filesystem::path& last, const Period& period,
                                              const std::filesystem::path& home);

// "2026-tw1": the folder name of a period's workspace.
std::string periodFolderName(int year, int triwulan);
// Where a new workspace goes when staff pick `chosen`: the folder itself when it is new or
// empty, else a folder named after the period inside it (a workspace never shares a folder).
std::filesystem::path newWorkspaceFolderIn(const std::filesystem::path& chosen, int year, int triwulan);

// "Triwulan I Tahun 2026 — /home/perencanaan/evaluasi/2026-tw1" for messages that name the
// workspace a command acts on; the path alone when periode.json cannot be read.
std::string workspaceLabel(const std::filesystem::path& dir);

}   // namespace evakin
