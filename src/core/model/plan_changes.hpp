// A Renja perubahan between quarters: the plan a period started from (the
// previous period's plan, kept as rencana-kerja-sebelumnya.ods by Periode
// Baru) against the plan as it stands now. Earlier quarters' values stay on
// their rows because rows are matched by unit and row key; the changes are
// listed in the report so BAPPEDA sees what moved.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/workspace.hpp"

namespace evakin {

constexpr const char* kPreviousPlanFile = "rencana-kerja-sebelumnya.ods";

struct PlanChange {
    enum class Kind { added, removed, changed };
    Kind kind = Kind::changed;
    std::string unitCode;
    std::string key;   // row key (code, or code#2)
    std::string indikator;
    std::string field;           // for `changed`: "Target tahun ini (K)", "Pagu (Rp)", ...
    std::string before, after;   // as shown in the report (Indonesian numbers)
};

const char* planChangeKindText(PlanChange::Kind kind);   // "baris baru", "baris dihapus", "diubah"

// Row by row, in the current plan's order (removed rows last).
std::vector<PlanChange> diffPlans(const Plan& before, const Plan& after);

// The changes since the previous period, or none when the workspace has no
// previous plan (the first period, a new year) or it cannot be read.
std::vector<PlanChange> planChangesOf(const Workspace& ws, const Profile& profile, const Plan& current);

}   // namespace evakin
