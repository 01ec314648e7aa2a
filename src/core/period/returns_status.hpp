// Whether a period's returns are all in, as collect last judged them
// (hasil/evaluasi.json): asked before Periode Baru, which carries only the
// accepted values forward, so staff hear about missing or invalid returns
// (or a collect never run, or run before the latest returns) first.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin {

struct ReturnsStatus {
    bool collected = false;                  // hasil/evaluasi.json exists and is readable
    bool stale = false;                      // an input of collect changed after it
    std::vector<std::string> missingUnits;   // unit names, in profile order
    std::vector<std::string> invalidUnits;
    bool closesYear = false;                 // a triwulan IV: nothing comes later as late data
    bool complete() const { return collected && !stale && missingUnits.empty() && invalidUnits.empty(); }
    // What is not in order, a few lines naming the units and what to do; empty when complete.
    std::string warning(Lang lang) const;
};

// Reads only; never throws for a missing or damaged recap (that is `collected == false`).
ReturnsStatus returnsStatus(const std::filesystem::path& workspaceDir);

}   // namespace evakin
