// `evakin register list|void|export`: the office's outgoing-letter register.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "io/iso_date.hpp"
#include "model/profile.hpp"
#include "letters/register.hpp"
#include "settings/office_settings.hpp"
#include "model/workspace.hpp"
#include "text/text_util.hpp"

namespace evakin::cli {
namespace {

int runList(const Args& a, Lang lang, Register& reg)
{
    const auto entries = reg.list(a.getInt("year", 0));
    if (a.has("json")) {
        std::cout << entriesToJson(entries) << '\n';
        return 0;
    }
    const bool en = lang == Lang::en;
    std::cout << (en ? "Register: " : "Register: ") << reg.location().display() << '\n';
    for (const auto& e : entries)
        std::cout << std::left << std::setw(12) << printableLine(e.date) << ' ' << std::setw(28)
                  << printableLine(e.number) << ' ' << std::setw(10) << printableLine(e.kind) << ' '
                  << printableLine(e.subject) << "  [" << printableLine(e.statusText(lang)) << "]\n";
    std::cout << entries.size() << (en ? " entries\n" : " entri\n");
    return 0;
}

int runVoid(const Args& a, Lang lang, Register& reg)
{
    if (!a.has("number") || !a.has("reason"))
        throw UsageError(
            Text{"register void perlu --number N --reason ALASAN", "register void needs --number N --reason TEXT"});
    const RegisterEntry e = reg.voidNumber(a.get("number"), a.getInt("year", 0), a.get("reason"));
    if (a.has("json")) {
        Poco::JSON::Object out(Poco::JSON_PRESERVE_KEY_ORDER);
        out.set("ok", true);
        out.set("entry", Poco::JSON::Parser().parse(e.toJson()));
        out.stringify(std::cout);
        std::cout << '\n';
    } else
        std::cout << (lang == Lang::en ? "Voided: " : "Dibatalkan: ") << e.number << " (" << e.voidReason << ")\n";
    return 0;
}

int runExport(const Args& a, Lang lang, Register& reg)
{
    const int year = a.getInt("year", currentYear());
    std::string office, templatesDir;
    std::filesystem::path outDir = std::filesystem::current_path();
    if (a.positional.size() > 2)
        throw UsageError(Text{"register export menerima paling banyak satu folder ruang kerja",
                              "register export takes at most one workspace folder"});
    if (a.positional.size() == 2) {
        const Workspace ws = openWorkspace(std::filesystem::u8path(a.positional[1]));
        office = loadProfile(ws.profileFile()).officeName;
        templatesDir = ws.dir.u8string();
        outDir = ws.results();
    }
    const std::filesystem::path out =
        a.has("out") ? std::filesystem::u8path(a.get("out")) : outDir / bukuAgendaFileName(year);
    const ExportResult r = exportBukuAgenda(reg, year, out, office, templatesDir);
    if (a.has("json"))
        std::cout << r.toJson() << '\n';
    else
        std::cout << r.summary(lang);
    return 0;
}

int runRegister(const Args& a, Lang lang)
{
    if (a.positional.empty())
        throw UsageError(Text{"register perlu list, void atau export", "register needs list, void or export"});
    const std::string sub = a.positional[0];
    if (sub != "list" && sub != "void" && sub != "export")
        throw UsageError(Text{"tindakan register tidak dikenal: " + sub + " (list, void, export)",
                              "unknown register action " + sub + " (list, void, export)"});
    if (sub != "export" && a.positional.size() > 1)
        throw UsageError(Text{"register " + sub + " tidak menerima folder", "register " + sub + " takes no folder"});
    Register reg = Register::open(officeRegisterLocation(a.get("register")));
    if (sub == "list") return runList(a, lang, reg);
    if (sub == "void") return runVoid(a, lang, reg);
    return runExport(a, lang, reg);
}

EVAKIN_COMMAND(
    "register",
    "  evakin register list [--year Y] [--register PATH|postgresql:CONN] [--json]    Register Surat: numbers taken\n"
    "  evakin register void --number N --reason TEXT [--year Y] [--register ...]     mark a number void (it is kept, "
    "never reused)\n"
    "  evakin register export [DIR] [--year Y] [--out FILE.ods] [--register ...]     Buku Agenda Surat Keluar (.ods)\n"
    "        Register: --register, else env EVAKIN_REGISTER, else \"register\" of the office settings\n"
    "        (~/.local/share/evakin/pengaturan.json or env EVAKIN_SETTINGS), else ~/.local/share/evakin/register.sqlite;\n"
    "        settings: register.json beside it (or env EVAKIN_REGISTER_SETTINGS). Exit 1: unknown number, empty "
    "reason,\n"
    "        already void, register locked/unreachable/unwritable.\n",
    {{"year", true}, {"number", true}, {"reason", true}, {"out", true}, {"register", true}}, runRegister);

}   // namespace
}   // namespace evakin::cli
