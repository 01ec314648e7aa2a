// Reminders to the units whose return is missing or wrong. The judgement is
// collect's own, taken now without writing hasil/ (so a return that came in
// since the last Rekap Kiriman is not chased); the errors of a unit's judged
// return are listed in its message as the recap lists them.
#include "mail/remind.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

#include "collect/collect.hpp"
#include "distribute/distribute.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "io/iso_date.hpp"
#include "mail/mail_smtp.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"

namespace evakin {

using namespace mail_detail;

namespace {

// A message lists at most this many errors; the recap has them all.
constexpr std::size_t kListedErrors = 15;

struct ReminderTemplate {
    std::string subject, before, after, missing, invalid;
};

ReminderTemplate loadReminderTemplate(const std::filesystem::path& workspaceDir)
{
    auto section = loadMailTemplate(workspaceDir)->getObject("pengingat");
    // A workspace copy made before reminders existed has no "pengingat": the built-in one serves.
    if (!section) section = loadMailTemplate({})->getObject("pengingat");
    ReminderTemplate t{templateText(section, "subjek"), templateText(section, "isi_sebelum_batas"),
                       templateText(section, "isi_lewat_batas"), templateText(section, "belum_mengirim"),
                       templateText(section, "kiriman_salah")};
    for (const auto& [value, key] : {std::pair{&t.subject, "subjek"},
                                     {&t.before, "isi_sebelum_batas"},
                                     {&t.after, "isi_lewat_batas"},
                                     {&t.missing, "belum_mengirim"},
                                     {&t.invalid, "kiriman_salah"}})
        if (value->empty())
            throw Error(Problem{kTemplate, "", "", std::string("pengingat.") + key,
                                Text{"templat surat elektronik tidak memiliki pengingat." + std::string(key) +
                                         "; isi bagian itu atau hapus salinan templat di ruang kerja",
                                     "the e-mail template has no pengingat." + std::string(key) +
                                         "; fill it in or delete the workspace's copy of the template"}});
    return t;
}

// What the unit is told: no return yet, or the errors of the return collect judged.
std::string whatIsWrong(const ReminderTemplate& t, const CollectResult& judged, const UnitCollect& u,
                        const std::map<std::string, std::string>& values)
{
    if (u.status == UnitStatus::missing) return fill(t.missing, values);
    const ReturnFile& file = judged.files[static_cast<std::size_t>(u.file)];
    std::vector<const CollectProblem*> errors;
    for (const CollectProblem& p : judged.problems)
        if (p.severity == Severity::error && p.where.file == file.name) errors.push_back(&p);
    auto v = values;
    v["berkas_kiriman"] = file.name;
    v["tanggal_kiriman"] = file.modified;
    std::string text = fill(t.invalid, v);
    for (std::size_t i = 0; i < errors.size() && i < kListedErrors; ++i)
        text += "- " + errors[i]->where.render(Lang::id) + "\r\n";
    if (errors.size() > kListedErrors)
        text += "- ... dan " + std::to_string(errors.size() - kListedErrors) + " kesalahan lain\r\n";
    return text;
}

}   // namespace

RemindResult remindUnits(const std::filesystem::path& workspaceDir, const MailSettings& settings,
                         const RemindOptions& options)
{
    const Workspace ws = openWorkspace(workspaceDir);
    const Profile profile = loadProfile(ws.profileFile());
    const ReminderTemplate tmpl = loadReminderTemplate(workspaceDir);
    checkSenderSettings(settings);
    checkUnitCodes(profile, options.units);
    CollectOptions judgeOnly;
    judgeOnly.write = false;
    const CollectResult judged = collect(workspaceDir, judgeOnly);
    const std::vector<FormTarget> targets = formTargets(workspaceDir);
    std::vector<SentMail> record = loadSendRecord(workspaceDir);

    RemindResult result;
    result.period = ws.period.label();
    result.deadline = ws.period.deadline;
    const std::string today = todayIso();
    result.afterDeadline = !ws.period.deadline.empty() && today > ws.period.deadline;

    struct Pending {
        const Unit* unit;
        const UnitCollect* judged;
        const FormTarget* form;
    };
    std::vector<Pending> pending;
    for (const UnitCollect& uc : judged.units) {
        if (!options.units.empty() &&
            std::find(options.units.begin(), options.units.end(), uc.code) == options.units.end())
            continue;
        const auto t =
            std::find_if(targets.begin(), targets.end(), [&](const FormTarget& f) { return f.unitCode == uc.code; });
        if (t == targets.end() || t->rows == 0) continue;   // no plan rows: nothing is asked of the unit
        if (uc.status == UnitStatus::valid) {
            result.upToDate.push_back(uc.code);
            continue;
        }
        const Unit& u = *profile.unit(uc.code);
        if (const auto bad = unitAddressProblem(profile, u)) {
            result.problems.push_back(*bad);
            continue;
        }
        const auto earlier = std::find_if(record.rbegin(), record.rend(), [&](const SentMail& m) {
            return m.kind == kKindReminder && m.unitCode == u.code && m.time.compare(0, today.size(), today) == 0;
        });
        if (earlier != record.rend() && !options.again) {
            result.remindedToday.push_back(*earlier);
            continue;
        }
        pending.push_back({&u, &uc, &*t});
    }
    if (pending.empty()) return result;

    SmtpRun smtp(settings);
    for (const Pending& p : pending) {
        const Unit& u = *p.unit;
        // A unit without a return gets its form again, when there is one to attach.
        const bool attach = p.judged->status == UnitStatus::missing && p.form->exists;
        std::map<std::string, std::string> values = {
            {"periode", ws.period.label()},
            {"batas_waktu", ws.period.deadline.empty() ? std::string("-") : formatDateId(ws.period.deadline)},
            {"unit", u.name},
            {"kode_unit", u.code},
            {"kantor", profile.officeName},
            {"jabatan_kepala_unit", u.head.jabatan},
            {"nama_kepala_unit", u.head.nama},
            {"berkas", attach ? displayName(p.form->file) : std::string("-")}};
        values["keterangan"] = whatIsWrong(tmpl, judged, *p.judged, values);
        SentMail sent;
        sent.kind = kKindReminder;
        sent.unitCode = u.code;
        sent.address = u.email;
        sent.reason = unitStatusCode(p.judged->status);
        sent.file = attach                ? displayName(p.form->file)
                    : p.judged->file >= 0 ? judged.files[static_cast<std::size_t>(p.judged->file)].name
                                          : std::string();
        const std::string& body = result.afterDeadline ? tmpl.after : tmpl.before;
        if (auto failed = smtp.send(profile,
                                    {&u, fill(tmpl.subject, values), fill(body, values),
                                     attach ? p.form->file : std::filesystem::path(), kKindReminder},
                                    sent.messageId)) {
            result.problems.push_back(std::move(*failed));
            continue;
        }
        recordSent(workspaceDir, record, sent, result.reminded);
    }
    return result;
}

std::string RemindResult::toJson(Lang lang) const
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", problems.empty());
    root.set("period", period);
    root.set("deadline", deadline);
    root.set("afterDeadline", afterDeadline);
    root.set("reminded", sentMailsJson(reminded));
    root.set("remindedToday", sentMailsJson(remindedToday));
    Poco::JSON::Array::Ptr valid = new Poco::JSON::Array;
    for (const std::string& c : upToDate) valid->add(c);
    root.set("upToDate", valid);
    return withProblemsJson(root, problems, lang);
}

std::string RemindResult::summary(Lang lang) const
{
    const bool en = lang == Lang::en;
    std::ostringstream s;
    s << (en ? "Reminders sent, " : "Pengingat dikirim, ") << period
      << (afterDeadline ? (en ? " (deadline passed)" : " (batas waktu sudah lewat)") : "") << ": " << reminded.size()
      << '\n';
    for (const SentMail& m : reminded)
        s << "  " << m.unitCode << " -> " << m.address << " ("
          << (m.reason == "missing" ? (en ? "no return yet" : "belum mengirim")
                                    : (en ? "return with errors: " : "kiriman salah: ") + m.file)
          << ")\n";
    if (!remindedToday.empty()) {
        s << (en ? "Already reminded today, not again (ask again to remind them once more):\n"
                 : "Sudah diingatkan hari ini, tidak dikirim lagi (minta kirim lagi untuk mengingatkan sekali "
                   "lagi):\n");
        for (const SentMail& m : remindedToday)
            s << "  " << m.unitCode << " -> " << m.address << ", " << m.time << '\n';
    }
    if (!upToDate.empty()) {
        s << (en ? "Valid return already in, no reminder: " : "Kiriman sudah sah, tidak diingatkan: ");
        for (std::size_t i = 0; i < upToDate.size(); ++i) s << (i ? ", " : "") << upToDate[i];
        s << '\n';
    }
    if (!problems.empty()) {
        s << (en ? "Not reminded:\n" : "Tidak terkirim:\n");
        for (const Problem& p : problems) s << "  " << p.render(lang) << '\n';
    }
    return s.str();
}

}   // namespace evakin
