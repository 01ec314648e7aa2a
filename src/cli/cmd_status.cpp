// `evakin status DIR`: where the period stands in the SOP, step by step, the
// same account the sidebar deck shows and the toolbar's enabled commands follow.
#include <iostream>

#include "cli.hpp"
#include "status/sop_status.hpp"

namespace evakin::cli {
namespace {

int runStatus(const Args& a, Lang lang)
{
    const SopStatus s = sopStatus(a.onlyDir(), lang);
    if (a.has("json"))
        std::cout << s.toJson() << '\n';
    else
        std::cout << s.summary();
    return 0;
}

EVAKIN_COMMAND("status",
               "  evakin status DIR [--json]                               Posisi periode dalam SOP: 14 langkah, "
               "keadaan tiap langkah,\n"
               "                                                           langkah berikutnya, perintah yang dapat "
               "dipakai / where the period\n"
               "                                                           stands in the SOP; exit 0, 1 when DIR is "
               "not a workspace\n",
               {}, runStatus);

}   // namespace
}   // namespace evakin::cli
