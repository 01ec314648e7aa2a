#include "mail_options.hpp"

#include <cstdlib>

#include "settings/office_settings.hpp"

namespace evakin::cli {

std::map<std::string, bool> smtpOptions()
{
    return {{"smtp", true},         {"security", true}, {"user", true},
            {"password-env", true}, {"from", true},     {"from-name", true}};
}

std::string passwordFromEnv(const Args& a)
{
    if (!a.has("password-env")) return {};
    const std::string var = a.get("password-env");
    const char* value = std::getenv(var.c_str());
    if (!value)
        throw UsageError(
            Text{"variabel lingkungan " + var + " (--password-env) tidak ada; isi kata sandi di sana",
                 "the environment variable " + var + " (--password-env) is not set; put the password there"});
    return value;
}

MailSettings smtpSettingsFromArgs(const Args& a)
{
    // The office's mail settings (Tools › Options › Evaluasi Kinerja), each overridden by its option.
    MailSettings s = loadOfficeSettings().smtp;
    if (a.has("smtp")) parseHostPort(a.get("smtp"), "--smtp", s.host, s.port);
    if (s.host.empty())
        throw UsageError(
            Text{a.command + " perlu --smtp NAMA:PORT, atau server surel di Alat › Opsi › Evaluasi Kinerja",
                 a.command + " needs --smtp HOST:PORT, or the mail server in Tools › Options › Evaluasi Kinerja"});
    if (a.has("security")) s.security = mailSecurityFromString(a.get("security"), "--security");
    if (a.has("user")) s.user = a.get("user");
    if (a.has("password-env")) s.password = passwordFromEnv(a);
    if (a.has("from")) s.fromAddress = a.get("from");
    if (a.has("from-name")) s.fromName = a.get("from-name");
    return s;
}

Pop3Settings pop3SettingsFromArgs(const Args& a)
{
    // "pop3" of the office settings, each overridden by its option.
    Pop3Settings s = loadOfficeSettings().pop3;
    if (a.has("pop3")) parseHostPort(a.get("pop3"), "--pop3", s.host, s.port);
    if (s.host.empty())
        throw UsageError(
            Text{"fetch perlu --pop3 NAMA:PORT, atau server surel masuk di Alat › Opsi › Evaluasi Kinerja",
                 "fetch needs --pop3 HOST:PORT, or the incoming mail server in Tools › Options › Evaluasi Kinerja"});
    if (a.has("security")) s.security = mailSecurityFromString(a.get("security"), "--security");
    if (a.has("user")) s.user = a.get("user");
    if (a.has("password-env")) s.password = passwordFromEnv(a);
    if (a.has("ca-file")) s.caFile = a.get("ca-file");
    if (a.has("delete")) s.deleteFromServer = true;
    return s;
}

}   // namespace evakin::cli
