// Sending the forms by e-mail (SOP step 3): one message per unit of the
// profile, to its head's address, with the form distribute wrote into outbox/
// attached; subject and body from an editable template
// (templates/surat-elektronik.json). What was sent is recorded in
// hasil/pengiriman.json so a unit never gets its form twice unless asked.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin {

enum class MailSecurity {
    none,       // plain SMTP (a local relay)
    starttls,   // SMTP, then STARTTLS before the login (port 587)
    ssl         // TLS from the first byte (port 465)
};

struct MailSettings {
    std::string host;
    int port = 25;
    MailSecurity security = MailSecurity::none;
    std::string user;       // empty: no login
    std::string password;   // never written to any file
    std::string fromAddress;
    std::string fromName;   // empty: the office's name from the profile
};

// The mailbox the units reply to (fetch, SOP step 6): POP3, usually over SSL (port 995).
struct Pop3Settings {
    std::string host;
    int port = 995;
    MailSecurity security = MailSecurity::ssl;   // none | starttls (STLS) | ssl
    std::string user;
    std::string password;            // never written to any file
    bool deleteFromServer = false;   // only when the office asks; fetched messages stay by default
    std::string caFile;   // extra trusted certificates (PEM), e.g. the office's own CA; empty: the system's only
};

// "mail.example.go.id:587" -> host and port; throws Error naming `what` (e.g. "--smtp")
// when it is not HOST:PORT with a port 1..65535.
void parseHostPort(const std::string& text, const std::string& what, std::string& host, int& port);
// "none" | "starttls" | "ssl"; throws Error naming `what` otherwise.
MailSecurity mailSecurityFromString(const std::string& text, const std::string& what);

struct SendOptions {
    bool resend = false;              // send again to units already recorded as sent
    std::vector<std::string> units;   // codes; empty: every unit with a form
};

// What a recorded message was (hasil/pengiriman.json "jenis"; a record written before reminders has none: a form).
constexpr const char* kKindForm = "format";
constexpr const char* kKindReminder = "pengingat";

struct SentMail {
    std::string kind = kKindForm;
    std::string unitCode;
    std::string address;
    std::string file;        // the form's file name in outbox/ (a reminder: the form attached, or the return judged)
    std::string messageId;   // "<...@...>"
    std::string time;        // ISO 8601 local time
    std::string reason;      // a reminder: "missing" (no return) or "invalid" (a return with errors)
};

struct SendResult {
    std::string period;                  // "Triwulan I Tahun 2026"
    std::vector<SentMail> sent;          // sent now (and recorded)
    std::vector<SentMail> alreadySent;   // recorded earlier, not sent again (no resend asked)
    std::vector<Problem> problems;       // units that could not be sent, each named
    bool complete() const { return problems.empty() && alreadySent.empty(); }
    std::string toJson(Lang lang) const;
    std::string summary(Lang lang) const;
};

// Throws Error when the workspace, profile, settings or template cannot be used,
// when the server cannot be reached or refuses the login (nothing sent then).
// A unit without an e-mail, without a form, or whose address the server
// rejects is a problem in the result; the other units are still sent.
SendResult sendForms(const std::filesystem::path& workspaceDir, const MailSettings& settings,
                     const SendOptions& options = {});

// The record of hasil/pengiriman.json (mail_record.cpp).
std::filesystem::path sendRecordFile(const std::filesystem::path& workspaceDir);
std::vector<SentMail> loadSendRecord(const std::filesystem::path& workspaceDir);   // empty when absent
void saveSendRecord(const std::filesystem::path& workspaceDir, const std::vector<SentMail>& record);

}   // namespace evakin
