// Builds one unit's data-collection form (an .ods package) from the form
// template, the unit's plan rows and the quarters already accepted.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"

namespace evakin {

using UnitRealisations = std::map<std::string, std::array<QuarterValue, 4>>;   // row key -> quarters

struct FormRequest {
    const Profile& profile;
    const Unit& unit;
    const Period& period;
    const std::vector<const PlanRow*>& rows;
    const std::vector<PlanHeading>& headings;   // the plan's urusan and bidang urusan, shown above their rows
    const UnitRealisations& accepted;   // earlier quarters shown locked; may be empty
    const std::string& templateXml;     // flat ODF (.fods) form template
    const std::string& templateName;    // for messages
};

// The package bytes of the form.
std::string buildForm(const FormRequest& request);

// SHA-256 (hex) of what the unit must not change: identity, the plan values of
// each row, and the accepted quarters shown locked. Collect recomputes it
// from the returned cells to detect tampering.
std::string formDigest(const std::string& unitCode, const Period& period, const std::vector<const PlanRow*>& rows,
                       const UnitRealisations& accepted);

}   // namespace evakin
