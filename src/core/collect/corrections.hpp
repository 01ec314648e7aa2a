// Corrections to reported realisations go through the planning staff: each
// one is recorded in the workspace (koreksi.json) with the old value, the new
// value, who, when and why. The merged table and the report use the
// corrected value and list the correction; nothing is overwritten silently.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "text/error.hpp"
#include "model/workspace.hpp"

namespace evakin {

constexpr const char* kCorrectionsFile = "koreksi.json";

struct Correction {
    std::string unitCode;
    std::string rowKey;   // plan row key (the code, or code#2 for a further indicator)
    int triwulan = 1;
    std::optional<double> oldK, newK;
    std::optional<double> oldRp, newRp;
    bool setsK = false, setsRp = false;
    std::string reason;
    std::string by;   // who recorded it
    std::string at;   // ISO 8601 time (UTC)
};

struct CorrectionRequest {
    std::string unitCode;
    std::string rowKey;
    int triwulan = 0;
    std::optional<double> k;
    std::optional<double> rp;
    std::string reason;
    std::string by;   // empty: the operating-system user
};

std::vector<Correction> loadCorrections(const Workspace& ws);   // empty when there is no koreksi.json

// Checks the request against the profile, plan and period, takes the old value
// from the quarters as they stand (earlier quarters accepted in realisasi.json,
// corrections already recorded, and for the current quarter the merged table
// in hasil/evaluasi.json), appends it to koreksi.json (atomically) and returns it.
Correction recordCorrection(const std::filesystem::path& workspaceDir, const CorrectionRequest& request);

// The value a correction of (unit, row, triwulan) would replace, taken as
// recordCorrection takes its old value; nothing reported: both empty. For a
// dialog that shows the current value before staff type the new one.
QuarterValue currentValue(const Workspace& ws, const std::string& unitCode, const std::string& rowKey, int triwulan);

// Applies the corrections, in the order recorded, on top of the given quarters.
void applyCorrections(const std::vector<Correction>& corrections, YearRealisations& values);

std::string correctionToJson(const Correction& c);

// "Koreksi dicatat: SEKR 1.01 triwulan 1, K 40 -> 45 (who, when)" and what to do next, for the
// terminal and the toolbar's message.
std::string correctionSummary(const Correction& c, Lang lang);

}   // namespace evakin
