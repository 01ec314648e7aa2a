// What sending the forms and sending reminders share (mail.cpp, remind.cpp):
// the e-mail template, the SMTP session (reached and logged in once per run)
// and one unit's message sent so that a failure only fails that unit. Internal
// to mail/: the CLI and the extension use mail.hpp and remind.hpp.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/SMTPClientSession.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mail/mail.hpp"
#include "model/profile.hpp"

namespace evakin::mail_detail {

constexpr const char* kTemplate = "surat-elektronik.json";

// surat-elektronik.json, the workspace's copy when there is one; throws Error when it is not JSON.
Poco::JSON::Object::Ptr loadMailTemplate(const std::filesystem::path& workspaceDir);
// A member that is a string, or an array of lines (joined with CRLF, each line ended); empty when absent.
std::string templateText(const Poco::JSON::Object::Ptr& o, const std::string& key);

// {name} -> value; an unknown name stays visible so staff notice it (as in the ODF templates).
std::string fill(const std::string& text, const std::map<std::string, std::string>& values);

bool plausibleAddress(const std::string& a);

// The results' JSON: messages as {"unit","address"[,"reason"],"file","messageId","time"}; and the end of
// every result object, its problems rendered in `lang`, as text.
Poco::JSON::Array::Ptr sentMailsJson(const std::vector<SentMail>& mails);
std::string withProblemsJson(Poco::JSON::Object& root, const std::vector<Problem>& problems, Lang lang);

// A message gone out: timed, appended to the record and saved at once (a run cut short still knows
// what went out), and listed in `done`.
void recordSent(const std::filesystem::path& workspaceDir, std::vector<SentMail>& record, SentMail sent,
                std::vector<SentMail>& done);
std::string nowIso();   // local time, "2026-04-08T14:03:00"

// Throws Error when no server or no plausible sender address is given.
void checkSenderSettings(const MailSettings& s);
// Throws Error naming the first code that is not a unit of the profile.
void checkUnitCodes(const Profile& profile, const std::vector<std::string>& codes);
// A unit without an e-mail address, or with one that is not plausible: the problem (profil.json, its field).
std::optional<Problem> unitAddressProblem(const Profile& profile, const Unit& unit);

class SmtpRun {
public:
    // Connects and logs in; throws Error naming the server and what to do (nothing sent then).
    explicit SmtpRun(const MailSettings& settings);
    ~SmtpRun();   // QUIT, its failure only logged
    SmtpRun(const SmtpRun&) = delete;
    SmtpRun& operator=(const SmtpRun&) = delete;

    struct Outgoing {
        const Unit* unit;
        std::string subject;
        std::string body;
        std::filesystem::path attachment;   // empty: none
        std::string kind;                   // for the message id: "format", "pengingat"
    };
    // Sends one message to the unit's address; the message id in `messageId`. A refusal
    // (recipient rejected, message too large) is the unit's problem and the session is
    // made ready for the next unit; nullopt when sent.
    std::optional<Problem> send(const Profile& profile, const Outgoing& m, std::string& messageId);

private:
    MailSettings settings_;
    std::string fromName_;
    std::unique_ptr<Poco::Net::SMTPClientSession> session_;
};

}   // namespace evakin::mail_detail
