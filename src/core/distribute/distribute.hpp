// "Bagikan Format": one data-collection workbook per unit, pre-filled from
// the plan and the quarters already reported, written to the outbox.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin {

// Called before each unit's form is written and once at the end (done == total).
using ProgressFn = std::function<void(std::size_t done, std::size_t total, const std::string& unitName)>;

struct DistributeOptions {
    bool overwrite = false;   // replace forms already in outbox/ (otherwise refuse, writing nothing)
    std::vector<std::string> units;   // codes of the units to write forms for; empty: every unit
    ProgressFn progress;
};

struct DistributedForm {
    std::string unitCode;
    std::string unitName;
    std::filesystem::path file;
    std::size_t rows = 0;   // plan rows on the form
};

struct DistributeResult {
    std::filesystem::path outbox;
    std::string period;   // "Triwulan I Tahun 2026"
    std::vector<DistributedForm> forms;
    std::vector<std::string> skippedUnits;   // units without plan rows: no form
    std::vector<Problem> planWarnings;       // the plan check: pagu that does not roll up (planRollupWarnings)
    std::string toJson() const;
    std::string summary(Lang lang) const;   // a few lines for a message box or the terminal
};

// The form each unit of the profile would get, in profile order: for a dialog
// that lets staff choose units and see which forms would be replaced.
struct FormTarget {
    std::string unitCode;
    std::string unitName;
    std::filesystem::path file;   // in outbox/
    std::size_t rows = 0;         // plan rows; 0: the unit gets no form
    bool exists = false;          // a form is already in outbox/
};
// Throws Error when the workspace, profile or plan cannot be used.
std::vector<FormTarget> formTargets(const std::filesystem::path& workspaceDir);

// "SEKR, PPI" (as typed for --units or the Units argument) -> {"SEKR", "PPI"}; blanks dropped.
std::vector<std::string> unitCodeList(const std::string& commaSeparated);

// Checks plan and profile first and writes nothing when any problem is found
// (throws Error listing all of them, an unknown unit in `units` too). Forms are written atomically; inbox/ is
// never touched.
DistributeResult distribute(const std::filesystem::path& workspaceDir, const DistributeOptions& options = {});

}   // namespace evakin
