// Sending the forms over SMTP with Poco::Net. One session for the whole run:
// the server is reached and the login checked once (a failure there stops
// everything before any message leaves, so nothing is half sent); then each
// unit's message is sent on its own, and a rejected recipient only fails that
// unit (RSET clears the transaction, the others follow).
#include "mail/mail.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

#include "distribute/distribute.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "mail/mail_smtp.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"

namespace evakin {

using namespace mail_detail;

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
    const auto tmpl = loadMailTemplate(workspaceDir);
    const std::string subject = templateText(tmpl, "subjek"), body = templateText(tmpl, "isi");
    if (subject.empty())
        throw Error(Problem{kTemplate, "", "", "subjek",
                            Text{"templat surat elektronik tidak memiliki subjek; isi \"subjek\"",
                                 "the e-mail template has no subject; fill in \"subjek\""}});
    std::vector<SentMail> record = loadSendRecord(workspaceDir);
    checkSenderSettings(settings);
    checkUnitCodes(profile, options.units);

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
        if (const auto bad = unitAddressProblem(profile, u)) {
            result.problems.push_back(*bad);
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
            return m.kind == kKindForm && m.unitCode == u.code && m.file == displayName(t->file);
        });
        if (earlier != record.rend() && !options.resend) {
            result.alreadySent.push_back(*earlier);
            continue;
        }
        pending.push_back({&u, t->file});
    }
    if (pending.empty()) return result;

    SmtpRun smtp(settings);
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
        if (auto failed = smtp.send(profile, {&u, fill(subject, values), fill(body, values), p.file, kKindForm},
                                    sent.messageId)) {
            result.problems.push_back(std::move(*failed));
            continue;
        }
        recordSent(workspaceDir, record, sent, result.sent);
    }
    return result;
}

std::string SendResult::toJson(Lang lang) const
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", problems.empty());
    root.set("period", period);
    root.set("sent", sentMailsJson(sent));
    root.set("alreadySent", sentMailsJson(alreadySent));
    return withProblemsJson(root, problems, lang);
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
