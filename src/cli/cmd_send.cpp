// `evakin send DIR --smtp HOST:PORT`: the forms in outbox/ by e-mail, one
// message per unit (server options: mail_options.hpp).
#include <iostream>

#include "distribute/distribute.hpp"
#include "mail_options.hpp"

namespace evakin::cli {
namespace {

int runSend(const Args& a, Lang lang)
{
    const MailSettings s = smtpSettingsFromArgs(a);
    SendOptions o;
    o.resend = a.has("resend");
    o.units = unitCodeList(a.get("units"));
    const SendResult r = sendForms(a.onlyDir(), s, o);
    return printMailResult(a, lang, r);
}

EVAKIN_COMMAND(
    "send",
    "  evakin send DIR [--smtp HOST:PORT] [--from ADDRESS]      Kirim Format: each unit's form from DIR/outbox by "
    "e-mail\n"
    "       [--security none|starttls|ssl] [--user U --password-env VAR] [--from-name NAME] [--units A,B] [--resend]\n"
    "                                                           recorded in DIR/hasil/pengiriman.json; exit 4 some "
    "units not sent\n"
    "       server, port, security, user and sender default to \"surel\" of the office settings (pengaturan.json)\n",
    withOptions(smtpOptions(), {{"units", true}, {"resend", false}}), runSend);

}   // namespace
}   // namespace evakin::cli
