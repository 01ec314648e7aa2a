// Where a period stands in the SOP "Penyusunan Evaluasi Kinerja": its fourteen
// steps, each with its time standard and its state for this workspace, read
// from the workspace's own files (outbox/, inbox/, hasil/, the records the
// commands keep). Shared by `evakin status DIR [--json]`, the sidebar deck and
// the toolbar's enabled/disabled commands, so the three never disagree.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin {

enum class StepState {
    manual,    // a step Evakin does not do (the Kadin's disposition, the meeting, signing)
    todo,      // not started
    partial,   // started, not complete (4 of 5 returns; a letter reserved, not issued)
    done,
    warning    // done, but something needs a look (problems in returns, collect older than the inbox)
};

struct SopStep {
    int number = 0;             // 1..14, the SOP's own numbering
    std::string title;          // in the asked language
    std::string executor;       // "Kasubag Perencanaan", "Kepala Dinas", ...
    std::string timeStandard;   // "30 menit" / "30 minutes"
    StepState state = StepState::todo;
    std::string detail;         // "dikirim 6 Oktober 2026", "4 dari 5 kembali; belum: Bidang X; 2 masalah"
    std::string command;        // the toolbar command that does it ("org.evakin:Distribute"); empty: none
};

// Whether a toolbar command makes sense now; `why` says what to do first when it does not.
struct CommandState {
    std::string command;   // "org.evakin:Collect"
    bool enabled = true;
    std::string why;
    std::string what;   // what the command does, in the asked language
    // The toolbar button's tooltip: what the command does and, when disabled, why
    // ("Langkah 12: …. Belum bisa: Susun Draf Laporan dulu: …"); the button's own label names it.
    std::string tooltip;
};

// "manual", "todo", "partial", "done", "warning": the JSON's words for a state.
const char* stepStateName(StepState state);

struct SopStatus {
    std::string workspace;   // the folder, UTF-8
    std::string period;      // "Triwulan I Tahun 2026"
    std::vector<SopStep> steps;            // all fourteen, in order
    int nextStep = 0;                      // the first step Evakin can do that is not done; 0: none left
    std::vector<CommandState> commands;    // every org.evakin: command of the toolbar
    std::string nextPeriodWorkspace;       // the next period's folder once Periode Baru made it, UTF-8
    Lang lang = Lang::id;                  // the language of the texts above
    const CommandState* command(const std::string& url) const;   // nullptr when unknown
    // {"workspace","period","nextStep","nextPeriodWorkspace",
    //  "steps":[{"number","title","executor","timeStandard","state","detail","command"}],
    //  "commands":[{"command","enabled","why","what","tooltip"}]}: keys in English, texts in `lang`.
    std::string toJson() const;
    std::string summary() const;   // the CLI's text, in the language it was built in
};

// Reads only. Throws Error only when dir is not a workspace; a damaged record
// shows as a warning state on its step, never as an exception.
SopStatus sopStatus(const std::filesystem::path& workspaceDir, Lang lang);

// The commands' states when no workspace is chosen yet: only Workspace, Profile, Register
// and Help make sense, the others say to choose a workspace first.
std::vector<CommandState> commandsWithoutWorkspace(Lang lang);

}   // namespace evakin
