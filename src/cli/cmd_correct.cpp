// `evakin correct`: a correction to a reported quarter, recorded with old and
// new value, who, when and why (see corrections.hpp).
#include <iostream>

#include "cli.hpp"
#include "collect/corrections.hpp"
#include "io/number_parse.hpp"

namespace evakin::cli {
namespace {

std::optional<double> numberOption(const Args& a, const char* name)
{
    if (!a.has(name)) return std::nullopt;
    const ParsedNumber p = parseNumberId(a.get(name));
    // A value that cannot be read exactly is a problem of the input (exit 1, nothing recorded), in the UI language.
    if (!p.value) throw Error(Problem{{}, {}, {}, std::string("--") + name, p.problem});
    return p.value;
}

int runCorrect(const Args& a, Lang lang)
{
    CorrectionRequest req;
    req.unitCode = a.get("unit");
    req.rowKey = a.get("row");
    req.triwulan = a.getInt("triwulan", 0);
    req.k = numberOption(a, "k");
    req.rp = numberOption(a, "rp");
    req.reason = a.get("reason");
    req.by = a.get("by");
    const Correction c = recordCorrection(a.onlyDir(), req);
    if (a.has("json")) {
        std::cout << correctionToJson(c) << '\n';
        return 0;
    }
    std::cout << correctionSummary(c, lang);
    return 0;
}

EVAKIN_COMMAND(
    "correct",
    "  evakin correct DIR --unit U --row CODE --triwulan N --k VALUE [--rp VALUE] --reason TEXT [--by NAME]\n"
    "                                                          koreksi realisasi, dicatat / a recorded correction\n",
    {{"unit", true}, {"row", true}, {"triwulan", true}, {"k", true}, {"rp", true}, {"reason", true}, {"by", true}},
    runCorrect);

}   // namespace
}   // namespace evakin::cli
