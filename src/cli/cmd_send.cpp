// `evakin send DIR --smtp HOST:PORT`: the forms in outbox/ by e-mail, one
// message per unit. The password comes from an environment variable named by
// --password-env, never from the command line (other users can read it in the
// process list) nor from a file in the workspace.
#include <cstdlib>
#include <iostream>

#include "cli.hpp"
#include "distribute/distribute.hpp"
#include "mail/mail.hpp"
#include "settings/office_settings.hpp"

namespace evakin::cli {
namespace {

int runSend(const Args& a, Lang lang)
{
    // The office's mail settings (Tools › Options › Evaluasi Kinerja), each overridden by its option.
    MailSettings s = loadOfficeSettings().smtp;
    if (a.has("smtp")) parseHostPort(a.get("smtp"), "--smtp", s.host, s.port);
    if (s.host.empty())
        throw UsageError(Text{"send perlu --smtp NAMA:PORT, atau server surel di Alat › Opsi › Evaluasi Kinerja",
                              "send needs --smtp HOST:PORT, or the mail server in Tools › Options › Evaluasi Kinerja"});
    if (a.has("security")) s.security = mailSecurityFromString(a.get("security"), "--security");
    if (a.has("user")) s.user = a.get("user");
    if (a.has("password-env")) {
        const std::string var = a.get("password-env");
        const char* value = std::getenv(var.c_str());
        if (!value)
            throw UsageError(Text{"variabel lingkungan " + var + " (--password-env) tidak ada; isi kata sandi di sana",
                                  "the environment variable " + var +
                                      " (--password-env) is not set; put the "
                                      "password there"});
        s.password = value;
    }
    if (a.has("from")) s.fromAddress = a.get("from");
    if (a.has("from-name")) s.fromName = a.get("from-name");
    SendOptions o;
    o.resend = a.has("resend");
    o.units = unitCodeList(a.get("units"));
    const SendResult r = sendForms(a.onlyDir(), s, o);
    if (a.has("json"))
        std::cout << r.toJson(lang) << '\n';
    else
        std::cout << r.summary(lang);
    return r.complete() ? 0 : 4;
}

EVAKIN_COMMAND(
    "send",
    "  evakin send DIR [--smtp HOST:PORT] [--from ADDRESS]      Kirim Format: each unit's form from DIR/outbox by "
    "e-mail\n"
    "       [--security none|starttls|ssl] [--user U --password-env VAR] [--from-name NAME] [--units A,B] [--resend]\n"
    "                                                           recorded in DIR/hasil/pengiriman.json; exit 4 some "
    "units not sent\n"
    "       server, port, security, user and sender default to \"surel\" of the office settings (pengaturan.json)\n",
    {{"smtp", true},
     {"security", true},
     {"user", true},
     {"password-env", true},
     {"from", true},
     {"from-name", true},
     {"units", true},
     {"resend", false}},
    runSend);

}   // namespace
}   // namespace evakin::cli
