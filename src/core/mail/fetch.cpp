// Fetching the returns over POP3 with Poco::Net. The whole mailbox is listed
// and each message's UIDL asked; only messages not in hasil/penerimaan.json are
// downloaded. Each message is recorded as soon as its files are saved, so a
// run cut short (a dropped connection) leaves nothing fetched twice and nothing
// lost: the next run takes up the rest.
#include "mail/fetch.hpp"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/DialogSocket.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/POP3ClientSession.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <memory>
#include <mutex>
#include <set>
#include <sstream>

#include "io/files.hpp"
#include "io/json.hpp"
#include "mail/mail_mime.hpp"
#include "mail/mail_smtp.hpp"
#include "model/workspace.hpp"
#include "text/tech_log.hpp"

namespace evakin {

using namespace mail_detail;

namespace {

// A reply larger than this is not a filled-in form (a form is a few hundred KB); it stays on the server.
constexpr int kMaxMessageBytes = 64 * 1024 * 1024;

std::string serverName(const Pop3Settings& s) { return s.host + ":" + std::to_string(s.port); }

Error serverError(const Pop3Settings& s, const Text& what, const std::string& detail)
{
    logTechnicalDetail("pop3 " + serverName(s), detail);
    return Error(serverName(s), what);
}

Poco::Net::Context::Ptr clientContext(const Pop3Settings& s)
{
    static std::once_flag once;
    std::call_once(once, [] { Poco::Net::initializeSSL(); });
    // The system's CA certificates (and the office's own, when given); a certificate that does not
    // verify is rejected, never accepted silently.
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, s.caFile,
                                                             Poco::Net::Context::VERIFY_RELAXED, 9, true);
    Poco::Net::SSLManager::InvalidCertificateHandlerPtr reject(new Poco::Net::RejectCertificateHandler(false));
    Poco::Net::SSLManager::instance().initializeClient(nullptr, reject, context);
    return context;
}

void expectPositive(bool ok, const std::string& response, const char* what)
{
    if (!ok) throw Poco::Net::POP3Exception(what, response);
}

// Connected and logged in; throws Error naming the server and what to do.
std::unique_ptr<Poco::Net::POP3ClientSession> openPop3(const Pop3Settings& s)
{
    const Poco::UInt16 port = static_cast<Poco::UInt16>(s.port);
    const Poco::Timespan timeout(60, 0);
    std::unique_ptr<Poco::Net::POP3ClientSession> session;
    bool greeted = false;   // after STLS the greeting is behind us: log in without waiting for one
    try {
        if (s.security == MailSecurity::none) {
            session = std::make_unique<Poco::Net::POP3ClientSession>(s.host, port);
        } else if (s.security == MailSecurity::ssl) {
            Poco::Net::SecureStreamSocket socket(Poco::Net::SocketAddress(s.host, port), s.host, clientContext(s));
            session = std::make_unique<Poco::Net::POP3ClientSession>(socket);
        } else {
            const auto context = clientContext(s);
            Poco::Net::DialogSocket plain(Poco::Net::SocketAddress(s.host, port));
            plain.setReceiveTimeout(timeout);
            std::string response;
            plain.receiveMessage(response);
            expectPositive(!response.empty() && response[0] == '+', response, "no POP3 greeting");
            plain.sendMessage("STLS");
            plain.receiveMessage(response);
            if (response.empty() || response[0] != '+')
                throw serverError(s,
                                  Text{"server surat masuk tidak menawarkan STLS; pilih keamanan SSL (port 995) atau "
                                       "tanpa enkripsi bila server itu server lokal kantor",
                                       "the incoming mail server does not offer STLS; choose SSL (port 995) or no "
                                       "encryption if it is the office's local server"},
                                  "STLS refused: " + response);
            Poco::Net::SecureStreamSocket secure = Poco::Net::SecureStreamSocket::attach(plain, s.host, context);
            session = std::make_unique<Poco::Net::POP3ClientSession>(secure);
            greeted = true;
        }
        session->setTimeout(timeout);
    } catch (const Error&) {
        throw;
    } catch (const Poco::Net::SSLException& e) {
        throw serverError(s,
                          Text{"sertifikat server surat masuk tidak dapat dipercaya atau sambungan aman gagal; "
                               "periksa nama server dan pilihan keamanan (tidak ada yang diambil)",
                               "the incoming mail server's certificate cannot be trusted or the secure connection "
                               "failed; check the server name and the security choice (nothing was fetched)"},
                          e.displayText());
    } catch (const Poco::Exception& e) {
        throw serverError(s,
                          Text{"server surat masuk tidak dapat dihubungi; periksa nama server, port dan jaringan, "
                               "lalu coba lagi (tidak ada yang diambil)",
                               "the incoming mail server cannot be reached; check the server name, port and "
                               "network, then try again (nothing was fetched)"},
                          e.displayText());
    }
    try {
        if (greeted) {
            std::string response;
            expectPositive(session->sendCommand("USER", s.user, response), response, "USER refused");
            expectPositive(session->sendCommand("PASS", s.password, response), response, "PASS refused");
        } else {
            session->login(s.user, s.password);
        }
    } catch (const Poco::Exception& e) {
        throw serverError(s,
                          Text{"server surat masuk menolak login pengguna " + s.user +
                                   "; periksa nama pengguna dan kata sandi (tidak ada yang diambil)",
                               "the incoming mail server refused the login of user " + s.user +
                                   "; check the user name and password (nothing was fetched)"},
                          e.displayText());
    }
    return session;
}

// "+OK 3 000000036b0fb583" -> "000000036b0fb583"; empty when the server has no UIDL.
std::string uidlOf(Poco::Net::POP3ClientSession& session, int id)
{
    std::string response;
    if (!session.sendCommand("UIDL", std::to_string(id), response)) return {};
    const auto space = response.find_last_of(' ');
    return space == std::string::npos ? std::string() : response.substr(space + 1);
}

// A server without UIDL: the Message-ID names the message instead.
std::string messageIdOf(Poco::Net::POP3ClientSession& session, int id)
{
    Poco::Net::MessageHeader header;
    session.retrieveHeader(id, header);
    const std::string mid = header.get("Message-ID", "");
    return mid.empty() ? std::string() : "message-id:" + mid;
}

// inbox/NAME, or "NAME (2).ext", "NAME (3).ext"... when taken.
std::filesystem::path freeName(const std::filesystem::path& inbox, const std::string& name)
{
    const auto dot = name.rfind('.');
    const std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
    const std::string ext = dot == std::string::npos ? std::string() : name.substr(dot);
    std::filesystem::path candidate = inbox / std::filesystem::u8path(name);
    for (int n = 2; std::filesystem::exists(candidate); ++n)
        candidate = inbox / std::filesystem::u8path(stem + " (" + std::to_string(n) + ")" + ext);
    return candidate;
}

std::string joined(const std::vector<std::string>& v)
{
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

void saveReceiveRecord(const std::filesystem::path& workspaceDir, const std::vector<ReceivedMail>& record)
{
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const ReceivedMail& m : record) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("uidl", m.uidl);
        o->set("pengirim", m.from);
        o->set("subjek", m.subject);
        o->set("tanggal", m.date);
        o->set("diambil", m.time);
        Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
        for (const std::string& f : m.files) files->add(f);
        o->set("berkas", files);
        if (!m.note.id.empty()) o->set("catatan", m.note.id);
        list->add(o);
    }
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("penerimaan", list);
    std::ostringstream s;
    root.stringify(s, 2);
    s << '\n';
    writeFileAtomically(receiveRecordFile(workspaceDir), s.str());
}

Problem messageProblem(const std::string& what, Text message)
{
    Problem p;
    p.file = "POP3 " + what;
    p.message = std::move(message);
    return p;
}

}   // namespace

std::filesystem::path receiveRecordFile(const std::filesystem::path& workspaceDir)
{
    return workspaceDir / "hasil" / "penerimaan.json";
}

std::vector<ReceivedMail> loadReceiveRecord(const std::filesystem::path& workspaceDir)
{
    const std::filesystem::path file = receiveRecordFile(workspaceDir);
    std::vector<ReceivedMail> out;
    if (!std::filesystem::exists(file)) return out;
    const auto root = parseJsonObject(readFile(file), "hasil/penerimaan.json", [](const Text&) {
        return Text{"catatan penerimaan surat rusak (bukan JSON yang sah); perbaiki berkas ini, atau hapus bila "
                    "semua surat di server boleh diambil lagi (lampiran yang sudah ada di inbox/ tidak ditimpa)",
                    "the record of fetched mail is damaged (not valid JSON); fix this file, or delete it if every "
                    "message on the server may be fetched again (files already in inbox/ are not overwritten)"};
    });
    const auto list = root->getArray("penerimaan");
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto o = list->getObject(static_cast<unsigned>(i));
        if (!o) continue;
        ReceivedMail m;
        m.uidl = o->optValue<std::string>("uidl", "");
        m.from = o->optValue<std::string>("pengirim", "");
        m.subject = o->optValue<std::string>("subjek", "");
        m.date = o->optValue<std::string>("tanggal", "");
        m.time = o->optValue<std::string>("diambil", "");
        if (const auto files = o->getArray("berkas"))
            for (std::size_t f = 0; f < files->size(); ++f)
                m.files.push_back(files->getElement<std::string>(static_cast<unsigned>(f)));
        const std::string note = o->optValue<std::string>("catatan", "");
        m.note = Text{note, note};
        if (!m.uidl.empty()) out.push_back(m);
    }
    return out;
}

std::map<std::string, std::string> sendersOfInboxFiles(const std::filesystem::path& workspaceDir)
{
    std::map<std::string, std::string> out;
    try {
        for (const ReceivedMail& m : loadReceiveRecord(workspaceDir))
            for (const std::string& f : m.files) out[f] = m.from;
    } catch (const Error& e) {
        logTechnicalDetail("hasil/penerimaan.json", e.what());   // the recap goes on without senders
    }
    return out;
}

std::size_t FetchResult::savedFiles() const
{
    std::size_t n = 0;
    for (const ReceivedMail& m : fetched) n += m.files.size();
    return n;
}

FetchResult fetchReturns(const std::filesystem::path& workspaceDir, const Pop3Settings& settings)
{
    const Workspace ws = openWorkspace(workspaceDir);
    if (settings.host.empty())
        throw Error(Problem{"", "", "", "pop3",
                            Text{"server surat masuk belum diisi; isi nama server dan port",
                                 "no incoming mail server given; fill in the server name and port"}});
    if (settings.user.empty())
        throw Error(
            Problem{"", "", "", "user", Text{"nama pengguna kotak surat belum diisi", "no mailbox user name given"}});
    std::vector<ReceivedMail> record = loadReceiveRecord(workspaceDir);
    std::set<std::string> known;
    for (const ReceivedMail& m : record) known.insert(m.uidl);

    FetchResult result;
    result.period = ws.period.label();
    std::unique_ptr<Poco::Net::POP3ClientSession> session = openPop3(settings);
    std::filesystem::create_directories(ws.inbox());

    Poco::Net::POP3ClientSession::MessageInfoVec messages;
    try {
        session->listMessages(messages);
    } catch (const Poco::Exception& e) {
        throw serverError(settings,
                          Text{"server surat masuk tidak memberikan daftar surat; coba lagi nanti (tidak ada yang "
                               "diambil)",
                               "the incoming mail server did not list the messages; try again later (nothing was "
                               "fetched)"},
                          e.displayText());
    }
    result.onServer = messages.size();
    std::vector<int> toDelete;
    for (const auto& info : messages) {
        const std::string number = "#" + std::to_string(info.id);
        std::string uidl;
        try {
            uidl = uidlOf(*session, info.id);
            if (uidl.empty()) uidl = messageIdOf(*session, info.id);
        } catch (const Poco::Exception& e) {
            logTechnicalDetail("pop3 " + serverName(settings) + " UIDL " + number, e.displayText());
            result.problems.push_back(messageProblem(
                number, Text{"sambungan ke server surat masuk terputus; ambil lagi untuk melanjutkan (yang sudah "
                             "diambil tercatat)",
                             "the connection to the incoming mail server was lost; fetch again to continue (what "
                             "was fetched is recorded)"}));
            break;
        }
        if (uidl.empty()) {
            result.problems.push_back(messageProblem(
                number, Text{"server surat masuk tidak memberi pengenal (UIDL) untuk surat ini dan surat itu tidak "
                             "memiliki Message-ID; ambil lampirannya lewat program surat",
                             "the incoming mail server gives no id (UIDL) for this message and it has no "
                             "Message-ID; save its attachment with a mail program"}));
            continue;
        }
        if (known.count(uidl)) {
            ++result.alreadyFetched;
            if (settings.deleteFromServer) toDelete.push_back(info.id);
            continue;
        }
        if (info.size > kMaxMessageBytes) {
            result.problems.push_back(messageProblem(
                number, Text{"surat " + number + " berukuran " + std::to_string(info.size / (1024 * 1024)) +
                                 " MB, terlalu besar untuk sebuah format; surat itu dibiarkan di server, periksa "
                                 "lewat program surat",
                             "message " + number + " is " + std::to_string(info.size / (1024 * 1024)) +
                                 " MB, too large for a form; it is left on the server, look at it with a mail "
                                 "program"}));
            continue;
        }
        std::string raw;
        try {
            std::ostringstream out;
            session->retrieveMessage(info.id, out);
            raw = out.str();
        } catch (const Poco::Exception& e) {
            logTechnicalDetail("pop3 " + serverName(settings) + " RETR " + number, e.displayText());
            result.problems.push_back(messageProblem(
                number, Text{"sambungan ke server surat masuk terputus saat mengambil surat " + number +
                                 "; ambil lagi untuk melanjutkan (yang sudah diambil tercatat)",
                             "the connection to the incoming mail server was lost while fetching message " + number +
                                 "; fetch again to continue (what was fetched is recorded)"}));
            break;
        }
        ReceivedMail got;
        got.uidl = uidl;
        got.time = nowIso();
        try {
            ReceivedMessage parsed = parseReceivedMessage(raw);
            got.from = parsed.from;
            got.subject = parsed.subject;
            got.date = parsed.date;
            for (const Attachment& a : parsed.spreadsheets) {
                const std::filesystem::path target = freeName(ws.inbox(), safeFileName(a.name));
                writeFileAtomically(target, a.bytes);
                got.files.push_back(displayName(target));
            }
            if (parsed.spreadsheets.empty() && parsed.otherFiles.empty())
                got.note = Text{"tanpa lampiran", "no attachment"};
            else if (parsed.spreadsheets.empty())
                got.note = Text{"lampiran bukan lembar kerja (.ods/.xlsx): " + joined(parsed.otherFiles),
                                "attachments are not spreadsheets (.ods/.xlsx): " + joined(parsed.otherFiles)};
            else if (!parsed.otherFiles.empty())
                got.note = Text{"lampiran lain tidak disimpan: " + joined(parsed.otherFiles),
                                "other attachments not saved: " + joined(parsed.otherFiles)};
        } catch (const Error&) {
            throw;   // inbox/ cannot be written: nothing more can be saved
        } catch (const std::exception& e) {
            // Unreadable MIME: remembered, so it is not read again each time, and named for staff.
            logTechnicalDetail("pop3 " + serverName(settings) + " MIME " + number + " " + uidl, e.what());
            got.note = Text{"isi surat tidak dapat dibaca (MIME rusak); buka surat itu di program surat",
                            "the message cannot be read (damaged MIME); open it in a mail program"};
            result.problems.push_back(
                messageProblem(number + (got.subject.empty() ? "" : " \"" + got.subject + "\""),
                               Text{"isi surat " + number +
                                        " tidak dapat dibaca (MIME rusak); simpan lampirannya lewat program "
                                        "surat (surat lain tetap diambil)",
                                    "message " + number +
                                        " cannot be read (damaged MIME); save its attachment with a mail program "
                                        "(the other messages were still fetched)"}));
        }
        record.push_back(got);
        known.insert(uidl);
        saveReceiveRecord(workspaceDir, record);
        result.fetched.push_back(got);
        if (settings.deleteFromServer) toDelete.push_back(info.id);
    }
    try {
        for (int id : toDelete) {
            session->deleteMessage(id);
            ++result.deleted;
        }
        session->close();   // QUIT: the server deletes now
    } catch (const Poco::Exception& e) {
        logTechnicalDetail("pop3 " + serverName(settings) + " DELE/QUIT", e.displayText());
        if (!toDelete.empty()) {
            result.deleted = 0;
            result.problems.push_back(messageProblem(
                serverName(settings),
                Text{"surat yang sudah diambil belum terhapus dari server; ambil lagi dengan hapus untuk mencoba lagi",
                     "the fetched messages were not deleted from the server; fetch again with delete to retry"}));
        }
    }
    return result;
}

std::string FetchResult::toJson(Lang lang) const
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", problems.empty());
    root.set("period", period);
    root.set("onServer", onServer);
    root.set("alreadyFetched", alreadyFetched);
    root.set("deleted", deleted);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const ReceivedMail& m : fetched) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("uidl", m.uidl);
        o->set("from", m.from);
        o->set("subject", m.subject);
        o->set("date", m.date);
        Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
        for (const std::string& f : m.files) files->add(f);
        o->set("files", files);
        o->set("note", m.note.in(lang));
        list->add(o);
    }
    root.set("fetched", list);
    return withProblemsJson(root, problems, lang);
}

std::string FetchResult::summary(Lang lang) const
{
    const bool en = lang == Lang::en;
    std::ostringstream s;
    s << (en ? "Mail fetched, " : "Surat diambil, ") << period << ": " << fetched.size()
      << (en ? " new message(s), " : " surat baru, ") << savedFiles()
      << (en ? " file(s) saved into inbox/" : " berkas disimpan ke inbox/") << '\n';
    for (const ReceivedMail& m : fetched) {
        s << "  " << (m.from.empty() ? "?" : m.from) << ": ";
        s << (m.files.empty() ? std::string("-") : joined(m.files));
        if (!m.note.in(lang).empty()) s << " (" << m.note.in(lang) << ')';
        s << '\n';
    }
    if (alreadyFetched)
        s << (en ? "Fetched earlier, not read again: " : "Sudah diambil sebelumnya, tidak dibaca lagi: ")
          << alreadyFetched << '\n';
    if (deleted) s << (en ? "Deleted from the server: " : "Dihapus dari server: ") << deleted << '\n';
    if (!problems.empty()) {
        s << (en ? "Not fetched:\n" : "Tidak diambil:\n");
        for (const Problem& p : problems) s << "  " << p.render(lang) << '\n';
    }
    return s.str();
}

}   // namespace evakin
