// The SMTP side shared by sending the forms and the reminders (mail_smtp.hpp).
#include "mail/mail_smtp.hpp"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/FilePartSource.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <sstream>

#include "io/files.hpp"
#include "io/json.hpp"
#include "io/odf_document.hpp"
#include "text/tech_log.hpp"

namespace evakin::mail_detail {

Poco::JSON::Object::Ptr loadMailTemplate(const std::filesystem::path& workspaceDir)
{
    return parseJsonObject(loadTemplate(kTemplate, workspaceDir.u8string()), kTemplate, [](const Text&) {
        return Text{"templat surat elektronik bukan JSON yang sah; perbaiki salinan "
                    "di folder templates/ ruang kerja atau hapus salinan itu",
                    "the e-mail template is not valid JSON; fix the copy in the "
                    "workspace's templates/ folder or delete that copy"};
    });
}

std::string templateText(const Poco::JSON::Object::Ptr& o, const std::string& key)
{
    if (!o) return {};
    if (const auto lines = o->getArray(key)) {
        std::string text;
        for (std::size_t i = 0; i < lines->size(); ++i) {
            text += lines->getElement<std::string>(static_cast<unsigned>(i));
            text += "\r\n";
        }
        return text;
    }
    return o->optValue<std::string>(key, "");
}

std::string fill(const std::string& text, const std::map<std::string, std::string>& values)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find('{', pos);
        if (open == std::string::npos) break;
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        out.append(text, pos, open - pos);
        const auto it = values.find(text.substr(open + 1, close - open - 1));
        if (it != values.end())
            out += it->second;
        else
            out.append(text, open, close - open + 1);
        pos = close + 1;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

bool plausibleAddress(const std::string& a)
{
    const auto at = a.find('@');
    return at != std::string::npos && at > 0 && at + 1 < a.size() && a.find('@', at + 1) == std::string::npos &&
           a.find_first_of(" \t\r\n<>,;") == std::string::npos;
}

namespace {

std::string serverName(const MailSettings& s) { return s.host + ":" + std::to_string(s.port); }

Error serverError(const MailSettings& s, const Text& what, const std::string& detail)
{
    logTechnicalDetail("smtp " + serverName(s), detail);
    return Error(serverName(s), what);
}

}   // namespace

std::string nowIso() { return Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%dT%H:%M:%S"); }

namespace {

std::string messageIdFor(const MailSettings& s, const std::string& kind, const std::string& unitCode)
{
    const auto at = s.fromAddress.find('@');
    const std::string domain = at == std::string::npos ? "evakin.local" : s.fromAddress.substr(at + 1);
    return "<evakin." + kind + "." + unitCode + "." +
           Poco::UUIDGenerator::defaultGenerator().createRandom().toString() + "@" + domain + ">";
}

// AUTH PLAIN, which every server offering AUTH supports; AUTH LOGIN only when the server says PLAIN is not
// one of its mechanisms (504), e.g. an old Exchange.
void loginPlainOrLogin(Poco::Net::SMTPClientSession& session, const MailSettings& s)
{
    try {
        session.login(Poco::Net::SMTPClientSession::AUTH_PLAIN, s.user, s.password);
    } catch (const Poco::Net::SMTPException& e) {
        if (e.displayText().find("504") == std::string::npos) throw;
        logTechnicalDetail("smtp " + serverName(s), e.displayText() + "; trying AUTH LOGIN");
        session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, s.user, s.password);
    }
}

// The session, connected and logged in; throws Error naming the server and what to do.
std::unique_ptr<Poco::Net::SMTPClientSession> openSession(const MailSettings& s)
{
    const Poco::UInt16 port = static_cast<Poco::UInt16>(s.port);
    std::unique_ptr<Poco::Net::SMTPClientSession> session;
    try {
        // A message goes out in many small writes; with Nagle's algorithm each one after the first waits for
        // the server's delayed ACK (about 40 ms a message on loopback), so the socket is made here, without it.
        const auto connected = [&] {
            Poco::Net::StreamSocket plain(Poco::Net::SocketAddress(s.host, port));
            plain.setNoDelay(true);
            return plain;
        };
        if (s.security == MailSecurity::none) {
            session = std::make_unique<Poco::Net::SMTPClientSession>(connected());
        } else {
            Poco::Net::initializeSSL();
            // The system's CA certificates; the server's certificate is checked (no silent fallback).
            Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "",
                                                                     Poco::Net::Context::VERIFY_RELAXED, 9, true);
            if (s.security == MailSecurity::ssl) {
                session = std::make_unique<Poco::Net::SMTPClientSession>(
                    Poco::Net::SecureStreamSocket::attach(connected(), s.host, context));
            } else {
                // From host and port: STARTTLS checks the certificate against the host name the session was
                // made with, and a session made from a socket has none (so Nagle stays on here).
                auto secure = std::make_unique<Poco::Net::SecureSMTPClientSession>(s.host, port);
                secure->login();
                if (!secure->startTLS(context))
                    throw serverError(s,
                                      Text{"server surat tidak menawarkan STARTTLS; pilih keamanan SSL (port 465) "
                                           "atau tanpa enkripsi bila server itu server lokal kantor",
                                           "the mail server does not offer STARTTLS; choose SSL (port 465) or no "
                                           "encryption if it is the office's local server"},
                                      "STARTTLS not offered");
                session = std::move(secure);
            }
        }
        session->setTimeout(Poco::Timespan(60, 0));
    } catch (const Error&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw serverError(s,
                          Text{"server surat tidak dapat dihubungi; periksa nama server, port dan jaringan, lalu coba "
                               "lagi (tidak ada surat yang terkirim)",
                               "the mail server cannot be reached; check the server name, port and network, then try "
                               "again (no message was sent)"},
                          e.displayText());
    }
    try {
        if (s.user.empty())
            session->login();
        else
            loginPlainOrLogin(*session, s);
    } catch (const Poco::Exception& e) {
        if (s.user.empty())
            throw serverError(s,
                              Text{"server surat menolak sambungan; periksa alamat server atau isi nama pengguna "
                                   "dan kata sandi (tidak ada surat yang terkirim)",
                                   "the mail server refused the connection; check the server address or give a user "
                                   "name and password (no message was sent)"},
                              e.displayText());
        throw serverError(s,
                          Text{"server surat menolak login pengguna " + s.user +
                                   "; periksa nama pengguna dan kata sandi (tidak ada surat yang terkirim)",
                               "the mail server refused the login of user " + s.user +
                                   "; check the user name and password (no message was sent)"},
                          e.displayText());
    }
    return session;
}

Problem unitProblem(const std::string& field, Text message)
{
    Problem p;
    p.file = "profil.json";
    p.field = field;
    p.place = profileFieldWords(field);   // "unit ke-4, kolom e-mail", not "units[3].email"
    p.message = std::move(message);
    return p;
}

}   // namespace

Poco::JSON::Array::Ptr sentMailsJson(const std::vector<SentMail>& mails)
{
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const SentMail& m : mails) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("unit", m.unitCode);
        o->set("address", m.address);
        if (!m.reason.empty()) o->set("reason", m.reason);
        o->set("file", m.file);
        o->set("messageId", m.messageId);
        o->set("time", m.time);
        a->add(o);
    }
    return a;
}

std::string withProblemsJson(Poco::JSON::Object& root, const std::vector<Problem>& problems, Lang lang)
{
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const Problem& p : problems) list->add(p.render(lang));
    root.set("problems", list);
    std::ostringstream s;
    root.stringify(s);
    return s.str();
}

void recordSent(const std::filesystem::path& workspaceDir, std::vector<SentMail>& record, SentMail sent,
                std::vector<SentMail>& done)
{
    sent.time = nowIso();
    record.push_back(sent);
    saveSendRecord(workspaceDir, record);
    done.push_back(std::move(sent));
}

void checkSenderSettings(const MailSettings& settings)
{
    if (settings.host.empty())
        throw Error(Problem{"", "", "", "smtp",
                            Text{"server surat belum diisi; isi nama server dan port",
                                 "no mail server given; fill in the server name and port"}});
    if (!plausibleAddress(settings.fromAddress))
        throw Error(
            Problem{"", "", "", "from",
                    Text{"alamat pengirim \"" + settings.fromAddress +
                             "\" bukan alamat surat elektronik; isi alamat kantor, mis. perencanaan@kantor.go.id",
                         "the sender address \"" + settings.fromAddress +
                             "\" is not an e-mail address; give the office's, e.g. perencanaan@kantor.go.id"}});
}

void checkUnitCodes(const Profile& profile, const std::vector<std::string>& codes)
{
    for (const std::string& code : codes)
        if (!profile.unit(code))
            throw Error(Problem{"profil.json", "", "", "units",
                                Text{"unit " + code + " tidak ada di profil kantor; periksa kode unit",
                                     "unit " + code + " is not in the office profile; check the unit code"}});
}

std::optional<Problem> unitAddressProblem(const Profile& profile, const Unit& u)
{
    const std::string field = "units[" + std::to_string(&u - profile.units.data()) + "].email";
    if (u.email.empty())
        return unitProblem(
            field, Text{u.name + " (" + u.code + ") tidak memiliki alamat surat elektronik; isi di Profil Kantor",
                        u.name + " (" + u.code + ") has no e-mail address; fill it in the Office Profile"});
    if (!plausibleAddress(u.email))
        return unitProblem(field, Text{"alamat surat elektronik " + u.name + " \"" + u.email +
                                           "\" tidak sah; perbaiki di Profil Kantor",
                                       "the e-mail address of " + u.name + " \"" + u.email +
                                           "\" is not valid; fix it in the Office Profile"});
    return std::nullopt;
}

SmtpRun::SmtpRun(const MailSettings& settings) : settings_(settings), session_(openSession(settings)) {}

SmtpRun::~SmtpRun()
{
    try {
        session_->close();
    } catch (const Poco::Exception& e) {
        logTechnicalDetail("smtp " + serverName(settings_) + " QUIT", e.displayText());
    }
}

std::optional<Problem> SmtpRun::send(const Profile& profile, const Outgoing& m, std::string& messageId)
{
    const Unit& u = *m.unit;
    const std::string fromName = settings_.fromName.empty() ? profile.officeName : settings_.fromName;
    const std::string fileName = m.attachment.empty() ? std::string() : displayName(m.attachment);
    messageId = messageIdFor(settings_, m.kind, u.code);
    try {
        Poco::Net::MailMessage message;
        message.setSender(Poco::Net::MailMessage::encodeWord(fromName, "UTF-8") + " <" + settings_.fromAddress + ">");
        message.addRecipient(
            Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, u.email, u.head.nama));
        message.setSubject(Poco::Net::MailMessage::encodeWord(m.subject, "UTF-8"));
        message.set("Message-ID", messageId);
        message.addContent(new Poco::Net::StringPartSource(m.body, "text/plain; charset=UTF-8"),
                           Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
        if (!m.attachment.empty())
            message.addAttachment(
                fileName,
                new Poco::Net::FilePartSource(m.attachment.string(), "application/vnd.oasis.opendocument.spreadsheet"),
                Poco::Net::MailMessage::ENCODING_BASE64);
        session_->sendMessage(message);
        return std::nullopt;
    } catch (const Poco::Exception& e) {
        logTechnicalDetail("smtp " + serverName(settings_) + " " + u.code, e.displayText());
        Problem pr;
        pr.file = "profil.json";
        pr.field = "units[" + std::to_string(&u - profile.units.data()) + "].email";
        pr.place = profileFieldWords(pr.field);
        const std::string why = e.displayText();
        if (!fileName.empty() && (why.find("552") != std::string::npos || why.find("5.3.4") != std::string::npos)) {
            pr.file = "outbox/" + fileName;
            pr.field.clear();
            pr.place = {};
            pr.message = Text{"server surat menolak " + fileName + " untuk " + u.name +
                                  " karena terlalu besar; kirim berkas itu lewat jalan lain (unit lain tetap dikirim)",
                              "the mail server refused " + fileName + " for " + u.name +
                                  " as too large; send that file another way (the other units were still sent)"};
        } else {
            pr.message = Text{"server surat menolak mengirim ke " + u.email + " (" + u.name +
                                  "); periksa alamat di Profil Kantor lalu kirim lagi (unit lain tetap dikirim)",
                              "the mail server refused to send to " + u.email + " (" + u.name +
                                  "); check the address in the Office Profile and send again (the other units were "
                                  "still sent)"};
        }
        // Clears the failed transaction; a session that cannot even do that is opened again.
        try {
            std::string response;
            if (session_->sendCommand("RSET", response) / 100 != 2) session_ = openSession(settings_);
        } catch (const Poco::Exception&) {
            session_ = openSession(settings_);
        }
        return pr;
    }
}

}   // namespace evakin::mail_detail
