#include "mail_options.hpp"

#include <cstdlib>

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
    MailSettings s;
    if (!a.has("smtp"))
        throw UsageError(Text{"perintah " + a.command + " perlu --smtp NAMA:PORT",
                              "the " + a.command + " command needs --smtp HOST:PORT"});
    parseHostPort(a.get("smtp"), "--smtp", s.host, s.port);
    s.security = mailSecurityFromString(a.get("security", "none"), "--security");
    s.user = a.get("user");
    s.password = passwordFromEnv(a);
    s.fromAddress = a.get("from");
    s.fromName = a.get("from-name");
    return s;
}

}   // namespace evakin::cli
