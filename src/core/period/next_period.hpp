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
