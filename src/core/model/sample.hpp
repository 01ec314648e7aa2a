// The bundled sample office: a provincial DPMPTSP with a sekretariat and four
// bidang, plausible programs, kegiatan and indicators of every type, so the
// demo and the tests need nothing from outside.
#pragma once

#include <filesystem>

#include "model/plan.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"

namespace evakin {

Profile sampleProfile();
// Plan rows in sheet order (sourceRow and key are filled in when read back).
std::vector<PlanRow> samplePlanRows();
// The urusan and bidang urusan rows above them.
std::vector<PlanHeading> samplePlanHeadings();

// Writes a plan workbook (rencana-kerja.ods) from the plan template: the headings' rows first, then these rows.
void writePlanWorkbook(const std::filesystem::path& file, const std::vector<PlanHeading>& headings,
                       const std::vector<PlanRow>& rows, const std::string& workspaceDir = {});

// Creates a workspace with the sample profile and plan for the given period.
// Refuses (Error) when the folder already holds a workspace.
Workspace createSampleWorkspace(const std::filesystem::path& dir, int year, int triwulan);
// Creates an empty workspace: a profile to fill in and a plan with only its header row.
Workspace createEmptyWorkspace(const std::filesystem::path& dir, int year, int triwulan);

// The usual deadline: the 10th of the month after the quarter ends, or the
// first working day after it (hari-libur.json) when that is a weekend or a holiday.
std::string defaultDeadline(int year, int triwulan);

}   // namespace evakin
