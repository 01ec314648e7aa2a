// Sending the forms over SMTP with Poco::Net. One session for the whole run:
// the server is reached and the login checked once (a failure there stops
// everything before any message leaves, so nothing is half sent); then each
// unit's message is sent on its own, and a rejected recipient only fails that
// unit (RSET clears the transaction, the others follow).
#include "mail/mail.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/FilePartSource.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <memory>
#include <set>
#include <sstream>

#include "distribute/distribute.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "io/json.hpp"
#include "io/odf_document.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"
#include "text/tech_log.hpp"

namespace evakin {
namespace {

constexpr const char* kTemplate = "surat-elektronik.json";

struct MailTemplate {
    std::string subject;
    std::string body;
};

MailTemplate loadMailTemplate(const std::filesystem::path& workspaceDir)
{
    const auto root =
        parseJsonObject(loadTemplate(kTemplate, workspaceDir.u8string()), kTemplate, [](const Text&) {
            return Text{"templat surat elektronik bukan JSON yang sah; perbaiki salinan "
                        "di folder templates/ ruang kerja atau hapus salinan itu",
                        "the e-mail template is not valid JSON; fix the copy in the "
                        "workspace's templates/ folder or delete that copy"};
        });
    MailTemplate t;
    t.subject = root->optValue<std::string>("subjek", "");
    if (const auto lines = root->getArray("isi")) {
        for (std::size_t i = 0; i < lines->size(); ++i) {
            t.body += lines->getElement<std::string>(static_cast<unsigned>(i));
            t.body += "\r\n";
        }
    } else {
        t.body = root->optValue<std::string>("isi", "");
    }
    if (t.subject.empty())
        throw Error(Problem{kTemplate, "", "", "subjek",
                            Text{"templat surat elektronik tidak memiliki subjek; isi \"subjek\"",
                                 "the e-mail template has no subject; fill in \"subjek\""}});
    return t;
}

// {name} -> value; an unknown name stays visible so staff notice it (as in the ODF templates).
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

std::string serverName(const MailSettings& s) { return s.host + ":" + std::to_string(s.port); }

Error serverError(const MailSettings& s, const Text& what, const std::string& detail)
{
    logTechnicalDetail("smtp " + serverName(s), detail);
    return Error(serverName(s), what);
}

std::string nowIso() { return Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%dT%H:%M:%S"); }

std::string messageIdFor(const MailSettings& s, const std::string& unitCode)
{
    const auto at = s.fromAddress.find('@');
    const std::string domain = at == std::string::npos ? "evakin.local" : s.fromAddress.substr(at + 1);
    return "<evakin." + unitCode + "." + Poco::UUIDGenerator::defaultGenerator().createRandom().toString() + "@" +
           domain + ">";
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
        if (s.security == MailSecurity::none) {
            session = std::make_unique<Poco::Net::SMTPClientSession>(s.host, port);
        } else {
            Poco::Net::initializeSSL();
            // The system's CA certificates; the server's certificate is checked (no silent fallback).
            Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "",
                                                                     Poco::Net::Context::VERIFY_RELAXED, 9, true);
            if (s.security == MailSecurity::ssl) {
                Poco::Net::SecureStreamSocket socket(Poco::Net::SocketAddress(s.host, port), s.host, context);
                session = std::make_unique<Poco::Net::SMTPClientSession>(socket);
            } else {
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

void parseHostPort(const std::string& text, const std::string& what, std::string& host, int& port)
{
    const auto colon = text.rfind(':');
    bool ok = colon != std::string::npos && colon > 0 && colon + 1 < text.size();
    if (ok) {
        const std::string digits = text.substr(colon + 1);
        ok = digits.size() <= 5 &&
             std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (ok) {
            port = std::stoi(digits);
            ok = port >= 1 && port <= 65535;
        }
    }
    if (!ok)
        throw Error(
            Problem{"", "", "", what,
                    Text{"tulis server surat sebagai NAMA:PORT, mis. mail.kantor.go.id:587 (bukan \"" + text + "\")",
                         "write the mail server as HOST:PORT, e.g. mail.kantor.go.id:587 (not \"" + text + "\")"}});
    host = text.substr(0, colon);
}

MailSecurity mailSecurityFromString(const std::string& text, const std::string& what)
{
    if (text == "none" || text.empty()) return MailSecurity::none;
    if (text == "starttls") return MailSecurity::starttls;
    if (text == "ssl") return MailSecurity::ssl;
    throw Error(Problem{"", "", "", what,
                        Text{"keamanan server surat harus none, starttls atau ssl (bukan \"" + text + "\")",
                             "the mail server's security must be none, starttls or ssl (not \"" + text + "\")"}});
}

SendResult sendForms(const std::filesystem::path& workspaceDir, const MailSettings& settings,
                     const SendOptions& options)
{
    const Workspace ws = openWorkspace(workspaceDir);
    const Profile profile = loadProfile(ws.profileFile());
    const std::vector<FormTarget> targets = formTargets(workspaceDir);
    const MailTemplate tmpl = loadMailTemplate(workspaceDir);
    std::vector<SentMail> record = loadSendRecord(workspaceDir);

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
    for (const std::string& code : options.units)
        if (!profile.unit(code))
            throw Error(Problem{"profil.json", "", "", "units",
                                Text{"unit " + code + " tidak ada di profil kantor; periksa kode unit",
                                     "unit " + code + " is not in the office profile; check the unit code"}});

    SendResult result;
    result.period = ws.period.label();

    struct Pending {
        const Unit* unit;
        std::filesystem::path file;
    };
    std::vector<Pending> pending;
    for (std::size_t i = 0; i < profile.units.size(); ++i) {
        const Unit& u = profile.units[i];
        if (!options.units.empty() &&
            std::find(options.units.begin(), options.units.end(), u.code) == options.units.end())
            continue;
        const auto t =
            std::find_if(targets.begin(), targets.end(), [&](const FormTarget& f) { return f.unitCode == u.code; });
        if (t == targets.end() || t->rows == 0) continue;   // no plan rows: the unit gets no form
        const std::string field = "units[" + std::to_string(i) + "].email";
        if (u.email.empty()) {
            result.problems.push_back(unitProblem(
                field, Text{u.name + " (" + u.code + ") tidak memiliki alamat surat elektronik; isi di Profil Kantor",
                            u.name + " (" + u.code + ") has no e-mail address; fill it in the Office Profile"}));
            continue;
        }
        if (!plausibleAddress(u.email)) {
            result.problems.push_back(unitProblem(field, Text{"alamat surat elektronik " + u.name + " \"" + u.email +
                                                                  "\" tidak sah; perbaiki di Profil Kantor",
                                                              "the e-mail address of " + u.name + " \"" + u.email +
                                                                  "\" is not valid; fix it in the "
                                                                  "Office Profile"}));
            continue;
        }
        if (!t->exists) {
            Problem p;
            p.file = "outbox/" + displayName(t->file);
            p.message = Text{"format untuk " + u.name + " belum ada; jalankan Bagikan Format dulu",
                             "there is no form for " + u.name + " yet; run Distribute Forms first"};
            result.problems.push_back(p);
            continue;
        }
        const auto earlier = std::find_if(record.rbegin(), record.rend(), [&](const SentMail& m) {
            return m.unitCode == u.code && m.file == displayName(t->file);
        });
        if (earlier != record.rend() && !options.resend) {
            result.alreadySent.push_back(*earlier);
            continue;
        }
        pending.push_back({&u, t->file});
    }
    if (pending.empty()) return result;

    std::unique_ptr<Poco::Net::SMTPClientSession> session = openSession(settings);
    const std::string fromName = settings.fromName.empty() ? profile.officeName : settings.fromName;
    for (const Pending& p : pending) {
        const Unit& u = *p.unit;
        const std::string fileName = displayName(p.file);
        const std::map<std::string, std::string> values = {
            {"periode", ws.period.label()},
            {"batas_waktu", ws.period.deadline.empty() ? std::string("-") : formatDateId(ws.period.deadline)},
            {"unit", u.name},
            {"kode_unit", u.code},
            {"kantor", profile.officeName},
            {"jabatan_kepala_unit", u.head.jabatan},
            {"nama_kepala_unit", u.head.nama},
            {"berkas", fileName}};
        SentMail sent;
        sent.unitCode = u.code;
        sent.address = u.email;
        sent.file = fileName;
        sent.messageId = messageIdFor(settings, u.code);
        try {
            Poco::Net::MailMessage message;
            message.setSender(Poco::Net::MailMessage::encodeWord(fromName, "UTF-8") + " <" + settings.fromAddress +
                              ">");
            message.addRecipient(
                Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, u.email, u.head.nama));
            message.setSubject(Poco::Net::MailMessage::encodeWord(fill(tmpl.subject, values), "UTF-8"));
            message.set("Message-ID", sent.messageId);
            message.addContent(new Poco::Net::StringPartSource(fill(tmpl.body, values), "text/plain; charset=UTF-8"),
                               Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
            message.addAttachment(
                fileName,
                new Poco::Net::FilePartSource(p.file.string(), "application/vnd.oasis.opendocument.spreadsheet"),
                Poco::Net::MailMessage::ENCODING_BASE64);
            session->sendMessage(message);
        } catch (const Poco::Exception& e) {
            logTechnicalDetail("smtp " + serverName(settings) + " " + u.code, e.displayText());
            Problem pr;
            pr.file = "profil.json";
            pr.field = "units[" + std::to_string(&u - profile.units.data()) + "].email";
            pr.place = profileFieldWords(pr.field);
            const std::string why = e.displayText();
            if (why.find("552") != std::string::npos || why.find("5.3.4") != std::string::npos) {
                pr.file = "outbox/" + fileName;
                pr.field.clear();
                pr.place = {};
                pr.message =
                    Text{"server surat menolak " + fileName + " untuk " + u.name +
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
            result.problems.push_back(pr);
            // Clears the failed transaction; a session that cannot even do that is opened again.
            try {
                std::string response;
                if (session->sendCommand("RSET", response) / 100 != 2) session = openSession(settings);
            } catch (const Poco::Exception&) {
                session = openSession(settings);
            }
            continue;
        }
        sent.time = nowIso();
        record.push_back(sent);
        // Recorded after each message, so a run cut short still knows what went out.
        saveSendRecord(workspaceDir, record);
        result.sent.push_back(sent);
    }
    try {
        session->close();
    } catch (const Poco::Exception& e) {
        logTechnicalDetail("smtp " + serverName(settings) + " QUIT", e.displayText());
    }
    return result;
}

std::string SendResult::toJson(Lang lang) const
{
    auto list = [](const std::vector<SentMail>& v) {
        Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
        for (const SentMail& m : v) {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("unit", m.unitCode);
            o->set("address", m.address);
            o->set("file", m.file);
            o->set("messageId", m.messageId);
            o->set("time", m.time);
            a->add(o);
        }
        return a;
    };
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", problems.empty());
    root.set("period", period);
    root.set("sent", list(sent));
    root.set("alreadySent", list(alreadySent));
    Poco::JSON::Array::Ptr probs = new Poco::JSON::Array;
    for (const Problem& p : problems) probs->add(p.render(lang));
    root.set("problems", probs);
    std::ostringstream s;
    root.stringify(s);
    return s.str();
}

std::string SendResult::summary(Lang lang) const
{
    const bool en = lang == Lang::en;
    std::ostringstream s;
    s << (en ? "Forms sent by e-mail, " : "Format dikirim lewat surat elektronik, ") << period << ": " << sent.size()
      << '\n';
    for (const SentMail& m : sent) s << "  " << m.unitCode << " -> " << m.address << " (" << m.file << ")\n";
    if (!alreadySent.empty()) {
        s << (en ? "Already sent earlier, not sent again (ask for a resend to send them again):\n"
                 : "Sudah dikirim sebelumnya, tidak dikirim lagi (minta kirim ulang untuk mengirim lagi):\n");
        for (const SentMail& m : alreadySent) s << "  " << m.unitCode << " -> " << m.address << ", " << m.time << '\n';
    }
    if (!problems.empty()) {
        s << (en ? "Not sent:\n" : "Tidak terkirim:\n");
        for (const Problem& p : problems) s << "  " << p.render(lang) << '\n';
    }
    return s.str();
}

}   // namespace evakin
