// The server options that send, remind and fetch share: --smtp/--pop3 HOST:PORT,
// --security, --user and --password-env (the password is read from the
// environment variable it names, never from the command line: other users can
// read that in the process list), over the office settings (pengaturan.json).
#pragma once

#include <iostream>

#include "cli.hpp"
#include "mail/mail.hpp"

namespace evakin::cli {

// The option table entries of the SMTP side (smtp, security, user, password-env, from, from-name); a
// function, as the commands' tables are built while statics are initialised.
std::map<std::string, bool> smtpOptions();

// A mail command's result on standard output (--json: as JSON); exit 0 when complete, else 4.
template <class Result> int printMailResult(const Args& a, Lang lang, const Result& r)
{
    if (a.has("json"))
        std::cout << r.toJson(lang) << '\n';
    else
        std::cout << r.summary(lang);
    return r.complete() ? 0 : 4;
}

// `shared` and a command's own options, as one table.
inline std::map<std::string, bool> withOptions(std::map<std::string, bool> shared,
                                               const std::map<std::string, bool>& own)
{
    shared.insert(own.begin(), own.end());
    return shared;
}

// The office settings' "surel" (pengaturan.json), each field overridden by its option; throws
// UsageError when no server is set either way or --password-env names an unset variable.
MailSettings smtpSettingsFromArgs(const Args& a);
// Likewise "pop3" with --pop3, --security, --user, --password-env, --ca-file, --delete.
Pop3Settings pop3SettingsFromArgs(const Args& a);
// The value of the variable --password-env names; empty without the option.
std::string passwordFromEnv(const Args& a);

}   // namespace evakin::cli
