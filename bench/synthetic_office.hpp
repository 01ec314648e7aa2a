// A synthetic office for the benchmarks: `units` bidang of `rows` plan rows
// each, the rows cycled from the sample office's plan with unique codes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/profile.hpp"
#include "model/sample.hpp"
#include "model/workspace.hpp"

namespace evakin::bench {

struct SyntheticOffice {
    Profile profile;
    std::vector<PlanRow> rows;   // keys set (codes are unique per unit)
};

inline SyntheticOffice syntheticOffice(int units, int rows)
{
    SyntheticOffice o{sampleProfile(), {}};
    o.profile.units.clear();
    const auto proto = samplePlanRows();
    for (int u = 0; u < units; ++u) {
        const std::string n = std::to_string(u + 1);
        o.profile.units.push_back(
            {"U" + n, "Bidang Uji " + n, {"Kepala Bidang", "Nama Kepala " + n, "197001012000031001"}, ""});
        for (int r = 0; r < rows; ++r) {
            PlanRow row = proto[static_cast<std::size_t>(r) % proto.size()];
            row.unitCode = "U" + n;
            row.code = "2.18.0" + std::to_string(r % 9 + 1) + ".2.01." + std::to_string(1000 + r);
            row.key = row.code;
            row.level = levelFromCode(row.code);
            o.rows.push_back(row);
        }
    }
    return o;
}

// Writes the office as a workspace for `period` (profile, plan workbook, periode.json).
inline void writeSyntheticWorkspace(const std::filesystem::path& dir, const SyntheticOffice& o, const Period& period)
{
    std::filesystem::create_directories(dir);
    saveProfile(o.profile, dir / "profil.json");
    writePlanWorkbook(dir / "rencana-kerja.ods", samplePlanHeadings(), o.rows);
    createWorkspace(dir, period);
}

}   // namespace evakin::bench
