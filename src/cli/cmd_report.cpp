// `evakin report DIR`: "Susun Draf Laporan". Like collect, a report with
// units missing or invalid is a result (exit 4), not a failure; a failed PDF
// export keeps the .odt and has its own exit code (5).
#include <iostream>

#include "cli.hpp"
#include "report/report.hpp"

namespace evakin::cli {
namespace {

int runReport(const Args& a, Lang lang)
{
    ReportOptions options;
    options.date = a.get("date");
    options.collectIfNeeded = !a.has("no-collect");
    ReportResult r = writeReport(a.onlyDir(), options);
    int code = r.complete() ? 0 : 4;
    r.pdf = exportPdfIfAsked(a, lang, r.file, code);
    if (a.has("json"))
        std::cout << r.toJson() << '\n';
    else
        std::cout << r.summary(lang);
    return code;
}

EVAKIN_COMMAND("report",
               "  evakin report DIR [--pdf] [--pdfa] [--date YYYY-MM-DD] [--no-collect] [--json]\n"
               "                                                           Susun Draf Laporan: "
               "DIR/hasil/laporan-evaluasi-YYYY-twN.odt\n"
               "                                                           (runs collect first when its results are "
               "missing or stale);\n"
               "                                                           --pdf also exports PDF through LibreOffice, "
               "--pdfa as PDF/A-2b;\n"
               "                                                           exit 0 written, all units valid; 4 written, "
               "some units missing or\n"
               "                                                           invalid; 5 .odt written but the PDF export "
               "failed; 1 unusable workspace\n",
               {{"pdf", false}, {"pdfa", false}, {"date", true}, {"no-collect", false}}, runReport);

}   // namespace
}   // namespace evakin::cli
