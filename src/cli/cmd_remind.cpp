// `evakin remind DIR --smtp HOST:PORT`: a reminder to every unit whose return
// is missing or not valid. A unit reminded earlier today is asked about first
// (on a terminal), or left out and listed; --again reminds it without asking.
#include <unistd.h>

#include <iostream>

#include "distribute/distribute.hpp"
#include "mail/remind.hpp"
#include "mail_options.hpp"

namespace evakin::cli {
namespace {

// Asks on the terminal whether the units reminded today get another reminder now.
bool confirmAgain(const RemindResult& r, Lang lang)
{
    const bool en = lang == Lang::en;
    std::cerr << (en ? "Already reminded today:" : "Sudah diingatkan hari ini:");
    for (const SentMail& m : r.remindedToday) std::cerr << ' ' << m.unitCode << " (" << m.time << ')';
    std::cerr << (en ? "\nRemind them again now? [y/N] " : "\nIngatkan lagi sekarang? [y/T] ");
    std::string answer;
    std::getline(std::cin, answer);
    return !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
}

int runRemind(const Args& a, Lang lang)
{
    const MailSettings s = smtpSettingsFromArgs(a);
    RemindOptions o;
    o.again = a.has("again");
    o.units = unitCodeList(a.get("units"));
    RemindResult r = remindUnits(a.onlyDir(), s, o);
    if (!r.remindedToday.empty() && !a.has("json") && isatty(STDIN_FILENO) && confirmAgain(r, lang)) {
        RemindOptions again;
        again.again = true;
        for (const SentMail& m : r.remindedToday) again.units.push_back(m.unitCode);
        const RemindResult second = remindUnits(a.onlyDir(), s, again);
        r.remindedToday.clear();
        r.reminded.insert(r.reminded.end(), second.reminded.begin(), second.reminded.end());
        r.problems.insert(r.problems.end(), second.problems.begin(), second.problems.end());
    }
    return printMailResult(a, lang, r);
}

EVAKIN_COMMAND(
    "remind",
    "  evakin remind DIR --smtp HOST:PORT --from ADDRESS        a reminder to each unit whose return is missing or "
    "invalid\n"
    "       [server options as send] [--units A,B] [--again]   recorded in DIR/hasil/pengiriman.json; asks before a "
    "second\n"
    "                                                           reminder the same day; exit 4 some units not "
    "reminded\n"
    "       server, port, security, user and sender default to \"surel\" of the office settings (pengaturan.json)\n",
    withOptions(smtpOptions(), {{"units", true}, {"again", false}}), runRemind);

}   // namespace
}   // namespace evakin::cli
