// `evakin collect DIR`: "Rekap Kiriman". Missing or invalid returns are a
// result, not a failure, so they get their own exit code (4) that scripts can
// tell apart from unusable input (1).
#include <iostream>

#include "cli.hpp"
#include "collect/collect.hpp"

namespace evakin::cli {
namespace {

int runCollect(const Args& a, Lang lang)
{
    const CollectResult r = collect(a.onlyDir());
    if (a.has("json"))
        std::cout << r.toJson(lang) << '\n';
    else
        std::cout << r.summary(lang);
    return r.complete() ? 0 : 4;
}

EVAKIN_COMMAND(
    "collect",
    "  evakin collect DIR [--json]                              Rekap Kiriman: check DIR/inbox, write DIR/hasil/\n"
    "                                                           (rekap-pengumpulan.ods, tabel-evaluasi.ods, "
    "evaluasi.json);\n"
    "                                                           exit 0 all units valid, 4 some missing or invalid, 1 "
    "unusable workspace\n",
    {}, runCollect);

}   // namespace
}   // namespace evakin::cli
