// Workspace commands: init (sample or empty) and distribute ("Bagikan Format").
#include <Poco/JSON/Object.h>

#include <iostream>

#include "cli.hpp"
#include "distribute/distribute.hpp"
#include "io/iso_date.hpp"
#include "period/next_period.hpp"
#include "model/sample.hpp"
#include "model/workspace.hpp"

namespace evakin::cli {
namespace {

int runNextPeriod(const Args& a, Lang lang)
{
    const NextPeriodResult r = createNextWorkspace(std::filesystem::u8path(a.get("from")), a.onlyDir());
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
    "  evakin init --from PREV_DIR DIR                         Periode Baru: next triwulan from a collected one\n",
    {{"sample", false}, {"year", true}, {"triwulan", true}, {"from", true}}, runInit);

EVAKIN_COMMAND(
    "distribute",
    "  evakin distribute DIR [--overwrite] [--json]             Bagikan Format: one form per unit into DIR/outbox\n",
    {{"overwrite", false}}, runDistribute);

}   // namespace
}   // namespace evakin::cli
