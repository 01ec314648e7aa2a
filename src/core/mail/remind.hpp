// Reminding the late units (SOP step 6): every unit whose return is missing
// or not valid, as collect judges the inbox now, gets one message naming what
// is missing or what is wrong with its return (collect's problems, by sheet
// and cell). The wording differs before and after the deadline; subject and
// body come from the "pengingat" part of templates/surat-elektronik.json.
// Reminders are recorded in hasil/pengiriman.json beside the forms sent
// ("jenis": "pengingat"); a unit reminded today is not reminded again unless asked.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "mail/mail.hpp"

namespace evakin {

struct RemindOptions {
    bool again = false;               // remind units already reminded today
    std::vector<std::string> units;   // codes; empty: every unit without a valid return
};

struct RemindResult {
    std::string period;
    std::string deadline;                  // ISO date, empty when the period has none
    bool afterDeadline = false;            // today is later than the deadline
    std::vector<SentMail> reminded;        // sent now (and recorded); reason "missing" or "invalid"
    std::vector<SentMail> remindedToday;   // reminded earlier today, not again (no `again` asked)
    std::vector<std::string> upToDate;     // unit codes asked for whose return is valid: no reminder
    std::vector<Problem> problems;         // units that could not be reminded, each named
    bool complete() const { return problems.empty() && remindedToday.empty(); }
    std::string toJson(Lang lang) const;
    std::string summary(Lang lang) const;
};

// Throws Error when the workspace, profile, plan, settings or template cannot be used, or when
// the server cannot be reached or refuses the login (nothing sent then). Reads the inbox as
// collect does, writes nothing but the record.
RemindResult remindUnits(const std::filesystem::path& workspaceDir, const MailSettings& settings,
                         const RemindOptions& options = {});

}   // namespace evakin
