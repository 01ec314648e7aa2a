// `evakin fetch DIR --pop3 HOST:PORT --user U --password-env VAR`: the
// spreadsheets attached to the replies in the mailbox, saved into DIR/inbox/
// (server options: mail_options.hpp). Messages stay on the server unless --delete.
#include <iostream>

#include "mail/fetch.hpp"
#include "mail_options.hpp"

namespace evakin::cli {
namespace {

int runFetch(const Args& a, Lang lang)
{
    const Pop3Settings s = pop3SettingsFromArgs(a);
    const FetchResult r = fetchReturns(a.onlyDir(), s);
    return printMailResult(a, lang, r);
}

EVAKIN_COMMAND(
    "fetch",
    "  evakin fetch DIR --pop3 HOST:PORT --user U --password-env VAR   the replies' spreadsheets into "
    "DIR/inbox\n"
    "       [--security none|starttls|ssl (default ssl)] [--ca-file PEM] [--delete]\n"
    "                                                           each message once (hasil/penerimaan.json); "
    "kept on the\n"
    "                                                           server unless --delete; exit 4 some "
    "messages not read\n",
    {{"pop3", true}, {"security", true}, {"user", true}, {"password-env", true}, {"ca-file", true}, {"delete", false}},
    runFetch);

}   // namespace
}   // namespace evakin::cli
