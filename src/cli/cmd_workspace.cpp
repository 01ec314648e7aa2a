// Workspace commands: init (sample or empty) and distribute ("Bagikan Format").
#include <Poco/JSON/Object.h>

#include <iostream>

#include "cli.hpp"
#include "distribute/distribute.hpp"
#include "io/iso_date.hpp"
#include "period/next_period.hpp"
#include "period/returns_status.hpp"
#include "model/sample.hpp"
#include "model/workspace.hpp"

namespace evakin::cli {
namespace {

// Without DIR the new period goes into the sibling named after it (e.g. 2026-tw2), as on the toolbar.
int runNextPeriod(const Args& a, Lang lang)
{
    const std::filesystem::path from = std::filesystem::u8path(a.get("from"));
    const std::filesystem::path dir = a.positional.empty() ? proposedNextWorkspace(from) : a.onlyDir();
    const ReturnsStatus returns = returnsStatus(from);
    if (!returns.complete() && !a.has("json")) std::cerr << returns.warning(lang);
    const NextPeriodResult r = createNextWorkspace(from, dir);
    std::cout << (a.has("json") ? r.toJson() + "\n" : r.summary(lang));
    return 0;
}

int runInit(const Args& a, Lang lang)
{
    if (a.has("from")) return runNextPeriod(a, lang);
    const auto dir = a.onlyDir();
    const int year = a.getInt("year", currentYear());
    const int triwulan = a.getInt("triwulan", 1);
    if (triwulan < 1 || triwulan > 4)
        throw UsageError(Text{"--triwulan harus 1 sampai 4", "--triwulan must be 1 to 4"});
    const Workspace ws =
        a.has("sample") ? createSampleWorkspace(dir, year, triwulan) : createEmptyWorkspace(dir, year, triwulan);
    if (a.has("json")) {
        Poco::JSON::Object out(Poco::JSON_PRESERVE_KEY_ORDER);
        out.set("ok", true);
        out.set("workspace", ws.dir.u8string());
        out.set("period", ws.period.label());
        out.stringify(std::cout);
        std::cout << '\n';
    } else
        std::cout << (lang == Lang::en ? "Workspace created: " : "Ruang kerja dibuat: ") << ws.dir.u8string() << " ("
                  << ws.period.label() << ")\n";
    return 0;
}

int runDistribute(const Args& a, Lang lang)
{
    DistributeOptions options;
    options.overwrite = a.has("overwrite");
    options.units = unitCodeList(a.get("units"));
    const DistributeResult r = distribute(a.onlyDir(), options);
    if (a.has("json"))
        std::cout << r.toJson() << '\n';
    else
        std::cout << r.summary(lang);
    return 0;
}

EVAKIN_COMMAND(
    "init",
    "  evakin init --sample DIR [--year YYYY] [--triwulan N]   ruang kerja contoh / sample workspace\n"
    "  evakin init DIR [--year YYYY] [--triwulan N]            ruang kerja kosong / empty workspace\n"
    "  evakin init --from PREV_DIR [DIR]                       Periode Baru: next triwulan from a collected one\n"
    "                                                          (DIR default: the sibling named after it, e.g. 2026-tw2)\n",
    {{"sample", false}, {"year", true}, {"triwulan", true}, {"from", true}}, runInit);

EVAKIN_COMMAND(
    "distribute",
    "  evakin distribute DIR [--overwrite] [--units A,B] [--json]  Bagikan Format: one form per unit into DIR/outbox\n",
    {{"overwrite", false}, {"units", true}}, runDistribute);

}   // namespace
}   // namespace evakin::cli
