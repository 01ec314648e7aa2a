// Where a period stands: first the facts read from the workspace (each read on
// its own, so one damaged file marks its step and spoils nothing else), then
// the fourteen steps and the toolbar's commands decided from those facts.
#include "status/sop_status.hpp"

#include <Poco/File.h>
#include <Poco/LocalDateTime.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>

#include "collect/collect.hpp"
#include "collect/evaluation_json.hpp"
#include "distribute/distribute.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "io/zip_reader.hpp"
#include "letters/register.hpp"
#include "mail/mail.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"
#include "period/next_period.hpp"
#include "period/returns_status.hpp"
#include "report/report.hpp"
#include "text/tech_log.hpp"

namespace evakin {

namespace {

namespace fs = std::filesystem;

// A file's modification date as ISO "YYYY-MM-DD" (local time); empty when it cannot be read.
std::string fileDate(const fs::path& file)
{
    try {
        const Poco::LocalDateTime t(Poco::File(file.u8string()).getLastModified());
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year(), t.month(), t.day());
        return buf;
    } catch (const std::exception&) {
        return {};
    }
}

// "6 Oktober 2026" / "6 October 2026".
std::string longDate(const std::string& iso, Lang lang)
{
    if (lang == Lang::id) return formatDateId(iso);
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) return iso;
    return std::to_string(d) + " " + months[m - 1] + " " + std::to_string(y);
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string newest(const std::vector<std::string>& isoDates)
{
    return isoDates.empty() ? std::string() : *std::max_element(isoDates.begin(), isoDates.end());
}

// A letter Evakin wrote into hasil/: its number is the document's user property (letter_render.cpp).
struct LetterFile {
    fs::path file;
    std::string number;   // empty when the document does not carry one (damaged, edited elsewhere)
    std::string date;
};

std::string letterNumber(const fs::path& file)
{
    try {
        const std::string bytes = readFile(file);
        const ZipReader zip(bytes, displayName(file));
        if (!zip.has("meta.xml")) return {};
        const std::string meta = zip.read("meta.xml", 4u << 20);
        pugi::xml_document doc;
        if (!doc.load_buffer(meta.data(), meta.size())) return {};
        const pugi::xpath_node n = doc.select_node("//*[local-name()='user-defined'][@*[local-name()='name' and "
                                                   ".='Evakin Nomor Surat']]");
        return n ? n.node().text().as_string() : std::string();
    } catch (const std::exception& e) {
        logTechnicalDetail("status: " + file.u8string(), e.what());
        return {};
    }
}

// Everything the steps are decided from, each part read independently.
struct Facts {
    Workspace ws;
    std::vector<std::string> units;    // unit names in profile order
    std::vector<FormTarget> targets;   // units with plan rows
    std::string planProblem;           // why the forms cannot be made, when they cannot
    std::vector<std::string> formDates;
    std::size_t forms = 0;   // targets with a form in outbox/
    std::vector<SentMail> sent;
    bool sendRecordDamaged = false;
    std::size_t inboxFiles = 0;
    ReturnsStatus returns;
    bool evaluationFile = false;   // hasil/evaluasi.json present (returns.collected: and readable)
    std::string evaluationDate;
    std::size_t corrections = 0;
    std::string average, predikat;
    bool evalTable = false;
    fs::path report, pdf;   // present when written
    std::string reportDate, pdfDate;
    bool reportOlder = false;   // the report was written before the latest collect
    std::vector<LetterFile> invitations, coverLetters;
    bool bukuAgenda = false;
    fs::path nextWorkspace;
};

std::vector<LetterFile> lettersIn(const fs::path& results, const std::string& prefix)
{
    std::vector<LetterFile> out;
    std::error_code ec;
    for (fs::directory_iterator it(results, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().u8string();
        if (name.rfind(prefix, 0) != 0 || it->path().extension() != ".odt") continue;
        out.push_back({it->path(), letterNumber(it->path()), fileDate(it->path())});
    }
    std::sort(out.begin(), out.end(), [](const LetterFile& a, const LetterFile& b) {
        return a.date == b.date ? a.file < b.file : a.date < b.date;
    });
    return out;
}

void readForms(Facts& f, Lang lang)
{
    try {
        for (FormTarget& t : formTargets(f.ws.dir)) {
            if (t.rows == 0) continue;
            if (t.exists) {
                ++f.forms;
                f.formDates.push_back(fileDate(t.file));
            }
            f.targets.push_back(std::move(t));
        }
    } catch (const Error& e) {
        f.planProblem = e.render(lang);
    } catch (const std::exception& e) {
        logTechnicalDetail("status: forms", e.what());
        f.planProblem = lang == Lang::en ? "The plan or the profile cannot be read."
                                         : "Rencana kerja atau profil tidak dapat dibaca.";
    }
}

void readResults(Facts& f)
{
    const Workspace& ws = f.ws;
    std::error_code ec;
    f.returns = returnsStatus(ws.dir);
    f.evaluationFile = fs::is_regular_file(ws.evaluasiJsonFile(), ec);
    if (f.returns.collected) {
        f.evaluationDate = fileDate(ws.evaluasiJsonFile());
        try {
            const EvaluationRecord rec = readEvaluationJson(ws);
            f.corrections = rec.corrections.size();
            if (rec.summary.average.ok()) f.average = formatNumberId(*rec.summary.average.value, 1);
            f.predikat = rec.summary.predikat;
        } catch (const std::exception& e) {
            logTechnicalDetail("status: evaluasi.json", e.what());
        }
    }
    f.evalTable = fs::is_regular_file(ws.evalTableFile(), ec);

    const fs::path report = ws.results() / reportFileName(ws.period.year, ws.period.triwulan);
    if (fs::is_regular_file(report, ec)) {
        f.report = report;
        f.reportDate = fileDate(report);
        const fs::path eval = ws.evaluasiJsonFile();
        f.reportOlder = f.returns.collected && fs::last_write_time(report, ec) < fs::last_write_time(eval, ec);
    }
    fs::path pdf = report;
    pdf.replace_extension(".pdf");
    if (fs::is_regular_file(pdf, ec)) {
        f.pdf = pdf;
        f.pdfDate = fileDate(pdf);
    }
    f.invitations = lettersIn(ws.results(), "undangan-rapat_");
    f.coverLetters = lettersIn(ws.results(), "surat-pengantar_");
    f.bukuAgenda = fs::is_regular_file(ws.results() / bukuAgendaFileName(ws.period.year), ec);
}

Facts readFacts(const fs::path& dir, Lang lang)
{
    Facts f;
    f.ws = openWorkspace(dir);   // the one failure that is not a step's state
    try {
        for (const Unit& u : readProfileUnchecked(f.ws.profileFile()).units)
            f.units.push_back(u.name.empty() ? u.code : u.name);
    } catch (const std::exception& e) {
        logTechnicalDetail("status: profil.json", e.what());
    }
    readForms(f, lang);
    try {
        f.sent = loadSendRecord(dir);
    } catch (const std::exception& e) {
        logTechnicalDetail("status: pengiriman.json", e.what());
        f.sendRecordDamaged = true;
    }
    std::error_code ec;
    for (fs::directory_iterator it(f.ws.inbox(), ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && !isIgnoredInboxName(it->path().filename().u8string())) ++f.inboxFiles;
    readResults(f);
    try {
        const fs::path next = proposedNextWorkspace(dir);
        if (isWorkspace(next)) f.nextWorkspace = next;
    } catch (const std::exception& e) {
        logTechnicalDetail("status: next period", e.what());
    }
    return f;
}

// The SOP's own words for each step (seed SOP, "Prosedur Penyusunan Evaluasi Kinerja").
struct StepInfo {
    Text title, executor, time;
    const char* command;   // empty: Evakin has no command for it
};

const StepInfo kSteps[14] = {
    {{"Memerintahkan penyusunan Evaluasi Kinerja (disposisi)", "Order the performance evaluation (disposition)"},
     {"Kepala Dinas", "Head of Office"},
     {"5 menit", "5 minutes"},
     ""},
    {{"Membuat format pengumpulan data untuk tiap bidang dan sekretariat",
      "Make the data-collection form for each division and the secretariat"},
     {"Kasubag Perencanaan", "Head of Planning"},
     {"30 menit", "30 minutes"},
     "org.evakin:Distribute"},
    {{"Menyampaikan format kepada tiap bidang dan sekretariat", "Send the forms to each division and the secretariat"},
     {"Kasubag Perencanaan", "Head of Planning"},
     {"15 menit", "15 minutes"},
     ""},
    {{"Mengundang Kepala Dinas dan pejabat eselon III rapat pembahasan",
      "Invite the Head and the echelon III officials to the review meeting"},
     {"Kasubag Perencanaan", "Head of Planning"},
     {"30 menit", "30 minutes"},
     "org.evakin:Letter?Kind=undangan"},
    {{"Melaksanakan rapat pembahasan evaluasi kinerja", "Hold the review meeting"},
     {"Kepala Dinas, Sekretaris, Kabid", "Head, Secretary, division heads"},
     {"1 jam", "1 hour"},
     ""},
    {{"Menghimpun format yang kembali dari tiap bidang dan sekretariat", "Collect the forms returned by the units"},
     {"Kasubag Perencanaan", "Head of Planning"},
     {"1 jam", "1 hour"},
     "org.evakin:Collect"},
    {{"Menganalisis data dan informasi yang terkumpul", "Analyse the data collected"},
     {"Kasubag Perencanaan", "Head of Planning"},
     {"1 jam", "1 hour"},
     "org.evakin:Correct"},
    {{"Membuat konsep dokumen evaluasi kinerja", "Write the draft evaluation document"},
     {"Kasubag Perencanaan", "Head of Planning"},
     {"2 jam", "2 hours"},
     "org.evakin:Report"},
    {{"Mengoreksi konsep dokumen evaluasi kinerja", "Correct the draft"},
     {"Sekretaris", "Secretary"},
     {"10 menit", "10 minutes"},
     ""},
    {{"Menyampaikan dokumen kepada Kepala Dinas untuk persetujuan", "Submit the document to the Head for approval"},
     {"Sekretaris", "Secretary"},
     {"10 menit", "10 minutes"},
     ""},
    {{"Penandatanganan dokumen evaluasi kinerja oleh Kepala Dinas", "The Head signs the evaluation document"},
     {"Kepala Dinas", "Head of Office"},
     {"5 menit", "5 minutes"},
     ""},
    {{"Membuat surat pengantar sekaligus penomoran surat", "Write the cover letter and take its number"},
     {"Kasubag Perencanaan", "Head of Planning"},
     {"15 menit", "15 minutes"},
     "org.evakin:Letter?Kind=pengantar"},
    {{"Menggandakan dokumen evaluasi kinerja", "Duplicate the evaluation document"},
     {"Pelaksana", "Staff"},
     {"30 menit", "30 minutes"},
     "org.evakin:Report"},
    {{"Mengirim dokumen ke BAPPEDA dan mengarsipkan", "Send the document to BAPPEDA and archive it"},
     {"Pelaksana", "Staff"},
     {"5 menit", "5 minutes"},
     "org.evakin:Register"},
};

// Builds one step's state and detail, in the asked language.
class StepJudge {
public:
    StepJudge(const Facts& f, Lang lang) : f_(f), lang_(lang) {}

    void judge(SopStep& s) const
    {
        switch (s.number) {
            case 2: forms(s); break;
            case 3: sending(s); break;
            case 4:
                letter(s, f_.invitations, t("Undangan", "Invitation"),
                       t("Buat Undangan Rapat.", "Make the invitation."));
                break;
            case 6: returns(s); break;
            case 7: analysis(s); break;
            case 8: report(s); break;
            case 12: letter(s, f_.coverLetters, t("Surat pengantar", "Cover letter"), pengantarTodo()); break;
            case 13: pdf(s); break;
            case 14: archive(s); break;
            case 9:
                manual(s, t("Sekretaris mengoreksi draf di Writer (Edit › Lacak Perubahan).",
                            "The Secretary corrects the draft in Writer (Edit › Track Changes)."));
                break;
            default: manual(s, t("Di luar Evakin.", "Done outside Evakin.")); break;
        }
    }

private:
    std::string t(const char* id, const char* en) const { return lang_ == Lang::en ? en : id; }
    std::string on(const std::string& iso) const
    {
        return iso.empty() ? std::string() : t(" pada ", " on ") + longDate(iso, lang_);
    }
    std::string count(std::size_t n) const { return std::to_string(n); }
    void manual(SopStep& s, std::string detail) const
    {
        s.state = StepState::manual;
        s.detail = std::move(detail);
    }

    void forms(SopStep& s) const
    {
        if (!f_.planProblem.empty()) {
            s.state = StepState::warning;
            s.detail = t("Format belum dapat dibuat: ", "The forms cannot be made yet: ") + f_.planProblem;
        } else if (f_.forms == 0) {
            s.state = StepState::todo;
            s.detail = t("Belum ada format di outbox/.", "No form in outbox/ yet.");
        } else {
            s.state = f_.forms < f_.targets.size() ? StepState::partial : StepState::done;
            s.detail = count(f_.forms) + t(" dari ", " of ") + count(f_.targets.size()) +
                       t(" format dibuat", " forms made") + on(newest(f_.formDates)) + t(" (outbox/)", " (outbox/)");
            if (s.state == StepState::partial) s.detail += t("; belum: ", "; not yet: ") + joined(unitsWithoutForm());
        }
    }

    std::vector<std::string> unitsWithoutForm() const
    {
        std::vector<std::string> out;
        for (const FormTarget& t : f_.targets)
            if (!t.exists) out.push_back(t.unitName.empty() ? t.unitCode : t.unitName);
        return out;
    }

    void sending(SopStep& s) const
    {
        std::vector<std::string> dates;
        for (const SentMail& m : f_.sent) dates.push_back(m.time.substr(0, 10));
        if (f_.sendRecordDamaged) {
            s.state = StepState::warning;
            s.detail = t("hasil/pengiriman.json rusak: tidak diketahui format mana yang sudah dikirim.",
                         "hasil/pengiriman.json is damaged: which forms were sent is unknown.");
        } else if (!f_.sent.empty() && f_.sent.size() >= f_.forms) {
            s.state = StepState::done;
            s.detail =
                count(f_.sent.size()) + t(" format dikirim lewat e-mail", " forms sent by e-mail") + on(newest(dates));
        } else if (f_.inboxFiles > 0 || f_.returns.collected) {
            s.state = StepState::done;   // the units have their forms: a return came back
            s.detail = t("Format sudah sampai ke unit: ada kiriman di inbox/.",
                         "The units have their forms: returns are in inbox/.");
        } else if (!f_.sent.empty()) {
            s.state = StepState::partial;
            s.detail = count(f_.sent.size()) + t(" dari ", " of ") + count(f_.forms) +
                       t(" format dikirim lewat e-mail", " forms sent by e-mail") + on(newest(dates));
        } else if (f_.forms > 0) {
            s.state = StepState::todo;
            s.detail = t("Kirim format dari outbox/ ke tiap unit (e-mail atau `evakin send`).",
                         "Send the forms in outbox/ to each unit (e-mail or `evakin send`).");
        } else {
            s.state = StepState::todo;
            s.detail = t("Bagikan Format dulu.", "Distribute the forms first.");
        }
    }

    void letter(SopStep& s, const std::vector<LetterFile>& letters, const std::string& what,
                const std::string& todo) const
    {
        if (letters.empty()) {
            s.state = StepState::todo;
            s.detail = todo;
            return;
        }
        const LetterFile& last = letters.back();
        s.state = last.number.empty() ? StepState::warning : StepState::done;
        s.detail =
            what +
            (last.number.empty() ? " " + last.file.filename().u8string() : t(" nomor ", " number ") + last.number) +
            t(" dibuat", " issued") + on(last.date);
        if (last.number.empty())
            s.detail += t(" — nomornya tidak terbaca dari dokumen; periksa di Register Surat.",
                          " — its number cannot be read from the document; check the Letter Register.");
        if (letters.size() > 1) s.detail += t(" (", " (") + count(letters.size()) + t(" surat)", " letters)");
    }

    std::string pengantarTodo() const
    {
        return f_.report.empty() ? t("Susun Draf Laporan dulu, lalu buat Surat Pengantar.",
                                     "Draft the report first, then the cover letter.")
                                 : t("Buat Surat Pengantar setelah laporan ditandatangani.",
                                     "Make the cover letter once the report is signed.");
    }

    // "4 dari 5 unit kembali; belum: Bidang X; 1 kiriman bermasalah: Bidang Y"
    std::string returnsLine() const
    {
        const ReturnsStatus& r = f_.returns;
        const std::size_t total = f_.units.empty() ? r.missingUnits.size() + r.invalidUnits.size() : f_.units.size();
        const std::size_t back = total >= r.missingUnits.size() ? total - r.missingUnits.size() : 0;
        std::string out = count(back) + t(" dari ", " of ") + count(total) + t(" unit kembali", " units returned");
        if (!r.missingUnits.empty()) out += t("; belum: ", "; missing: ") + joined(r.missingUnits);
        if (!r.invalidUnits.empty())
            out += "; " + count(r.invalidUnits.size()) + t(" kiriman bermasalah: ", " returns with problems: ") +
                   joined(r.invalidUnits);
        return out;
    }

    void returns(SopStep& s) const
    {
        const ReturnsStatus& r = f_.returns;
        if (f_.evaluationFile && !r.collected) {
            s.state = StepState::warning;
            s.detail = t("hasil/evaluasi.json rusak: jalankan Rekap Kiriman lagi.",
                         "hasil/evaluasi.json is damaged: run Collect Returns again.");
        } else if (!r.collected) {
            s.state = f_.inboxFiles > 0 ? StepState::partial : StepState::todo;
            s.detail = f_.inboxFiles > 0 ? count(f_.inboxFiles) + t(" berkas di inbox/, belum direkap.",
                                                                    " files in inbox/, not collected yet.")
                                         : t("Belum ada kiriman di inbox/.", "No returns in inbox/ yet.");
        } else {
            s.state = r.stale || !r.invalidUnits.empty() ? StepState::warning
                      : !r.missingUnits.empty()          ? StepState::partial
                                                         : StepState::done;
            s.detail = returnsLine() + t("; direkap", "; collected") + on(f_.evaluationDate);
            if (r.stale)
                s.detail += t(" — inbox berubah sesudahnya: rekap lagi.", " — the inbox changed since: collect again.");
        }
    }

    void analysis(SopStep& s) const
    {
        if (!f_.returns.collected) {
            s.state = StepState::todo;
            s.detail = t("Rekap Kiriman dulu: tabel evaluasi dihitung dari kiriman.",
                         "Collect the returns first: the table is computed from them.");
            return;
        }
        s.state = f_.returns.stale || !f_.evalTable ? StepState::warning : StepState::done;
        s.detail = f_.evalTable ? t("hasil/tabel-evaluasi.ods", "hasil/tabel-evaluasi.ods")
                                : t("hasil/tabel-evaluasi.ods tidak ada: rekap lagi",
                                    "hasil/tabel-evaluasi.ods is missing: collect again");
        if (!f_.average.empty())
            s.detail += t(": rata-rata capaian ", ": average achievement ") + f_.average + " %" +
                        (f_.predikat.empty() ? std::string() : " (" + f_.predikat + ")");
        if (f_.corrections > 0) s.detail += "; " + count(f_.corrections) + t(" koreksi data", " data corrections");
    }

    void report(SopStep& s) const
    {
        if (f_.report.empty()) {
            s.state = StepState::todo;
            s.detail = f_.returns.collected ? t("Susun Draf Laporan.", "Draft the report.")
                                            : t("Rekap Kiriman dulu, lalu Susun Draf Laporan.",
                                                "Collect the returns, then draft the report.");
            return;
        }
        s.state = f_.reportOlder ? StepState::warning : StepState::done;
        s.detail = f_.report.filename().u8string() + t(" disusun", " drafted") + on(f_.reportDate);
        if (f_.reportOlder)
            s.detail +=
                t(" — sebelum Rekap Kiriman terakhir: susun lagi.", " — before the latest collect: draft it again.");
    }

    void pdf(SopStep& s) const
    {
        s.state = f_.pdf.empty() ? StepState::todo : StepState::done;
        s.detail = f_.pdf.empty() ? t("Ekspor PDF lewat Susun Draf Laporan (pilihan PDF), atau cetak dari Writer.",
                                      "Export a PDF with Draft Report (the PDF option), or print from Writer.")
                                  : f_.pdf.filename().u8string() + t(" dibuat", " made") + on(f_.pdfDate);
    }

    void archive(SopStep& s) const
    {
        if (f_.bukuAgenda || !f_.nextWorkspace.empty()) {
            s.state = StepState::done;
            s.detail = f_.bukuAgenda ? bukuAgendaFileName(f_.ws.period.year) +
                                           t(" dicetak untuk arsip", " printed for the archive")
                                     : t("Periode berikutnya sudah dimulai.", "The next period has started.");
        } else if (!f_.coverLetters.empty()) {
            s.state = StepState::partial;
            s.detail = t(
                "Surat pengantar tercatat di register; kirim ke BAPPEDA, lalu cetak Buku Agenda untuk arsip.",
                "The cover letter is in the register; send it to BAPPEDA, then print the Buku Agenda for the archive.");
        } else {
            s.state = StepState::todo;
            s.detail = t("Setelah surat pengantar dibuat.", "After the cover letter is made.");
        }
    }

    const Facts& f_;
    Lang lang_;
};

bool started(StepState s) { return s == StepState::done || s == StepState::partial || s == StepState::warning; }

// The first step Evakin can do that is not done. A step not started while a later one is (the
// invitation sent by hand, forms sent without `evakin send`) was done outside Evakin and is
// passed over; a partial step too (a unit that never returns must not hold the period up);
// a warning never is (a collect older than the inbox, a damaged record).
int nextStepOf(const std::vector<SopStep>& steps)
{
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const SopStep& s = steps[i];
        if (s.state == StepState::manual || s.state == StepState::done) continue;
        if (s.state == StepState::warning) return s.number;
        const bool laterStarted =
            std::any_of(steps.begin() + static_cast<long>(i) + 1, steps.end(),
                        [](const SopStep& l) { return l.state != StepState::manual && started(l.state); });
        if (!laterStarted) return s.number;
    }
    return 0;
}

// What each command does (the tooltip), in the order of the toolbar.
struct CommandInfo {
    const char* url;
    Text what;
};
const CommandInfo kCommands[] = {
    {"org.evakin:Workspace", {"Pilih atau buat ruang kerja periode ini.", "Choose or create this period's workspace."}},
    {"org.evakin:Distribute",
     {"Langkah 2-3: buat format isian tiap unit ke outbox/.", "Steps 2-3: make each unit's form in outbox/."}},
    {"org.evakin:Collect",
     {"Langkah 6-7: rekap kiriman di inbox/, periksa, hitung tabel evaluasi.",
      "Steps 6-7: collect the returns in inbox/, check them, compute the evaluation table."}},
    {"org.evakin:Correct",
     {"Langkah 7: koreksi nilai kiriman unit, dengan alasan tercatat.",
      "Step 7: correct a unit's value, with the reason recorded."}},
    {"org.evakin:Report",
     {"Langkah 8 dan 13: susun draf laporan di Writer (dan PDF).",
      "Steps 8 and 13: draft the report in Writer (and PDF)."}},
    {"org.evakin:Letter?Kind=undangan",
     {"Langkah 4: undangan rapat pembahasan, bernomor dari register.",
      "Step 4: the review meeting invitation, numbered from the register."}},
    {"org.evakin:Letter?Kind=pengantar",
     {"Langkah 12: surat pengantar laporan ke BAPPEDA, bernomor dari register.",
      "Step 12: the report's cover letter to BAPPEDA, numbered from the register."}},
    {"org.evakin:Register",
     {"Langkah 14: buku agenda surat keluar; batalkan nomor, cetak Buku Agenda.",
      "Step 14: the outgoing-letter register; void a number, print the Buku Agenda."}},
    {"org.evakin:NextPeriod",
     {"Mulai triwulan berikutnya dengan nilai yang sudah diterima.",
      "Start the next quarter with the accepted values."}},
    {"org.evakin:Profile",
     {"Profil kantor: nama, kop, unit, pejabat.", "Office profile: name, letterhead, units, officials."}},
    {"org.evakin:Help", {"Panduan: langkah SOP dan perintah Evakin.", "Guide: the SOP's steps and Evakin's commands."}},
};

// On one line: LibreOffice shows a short tooltip on one line and wraps a long one.
std::string tooltipOf(const CommandState& s, Lang lang)
{
    std::string tip = s.what;
    if (!s.enabled && !s.why.empty()) tip += (lang == Lang::en ? " Not available yet: " : " Belum bisa: ") + s.why;
    return tip;
}

bool alwaysEnabled(const std::string& url)
{
    return url == "org.evakin:Workspace" || url == "org.evakin:Profile" || url == "org.evakin:Register" ||
           url == "org.evakin:Help";
}

std::vector<CommandState> commandStates(const Facts* f, Lang lang)
{
    const auto t = [lang](const char* id, const char* en) { return std::string(lang == Lang::en ? en : id); };
    std::vector<CommandState> out;
    for (const CommandInfo& c : kCommands) {
        CommandState s{c.url, true, {}, c.what.in(lang), {}};
        const std::string url = c.url;
        if (alwaysEnabled(url)) {
        } else if (!f) {
            s.enabled = false;
            s.why = t("Pilih ruang kerja dulu (Ruang Kerja).", "Choose a workspace first (Workspace).");
        } else if (url == "org.evakin:Collect" && f->forms == 0 && f->inboxFiles == 0 && !f->evaluationFile) {
            s.enabled = false;
            s.why = t("Bagikan Format dulu: belum ada format di outbox/ atau kiriman di inbox/.",
                      "Distribute the forms first: no form in outbox/ and no return in inbox/.");
        } else if ((url == "org.evakin:Correct" || url == "org.evakin:NextPeriod") && !f->returns.collected) {
            s.enabled = false;
            s.why = t("Rekap Kiriman dulu: belum ada hasil/evaluasi.json.",
                      "Collect the returns first: there is no hasil/evaluasi.json yet.");
        } else if (url == "org.evakin:Report" && !f->returns.collected && f->inboxFiles == 0) {
            s.enabled = false;
            s.why = t("Belum ada kiriman di inbox/ dan belum ada Rekap Kiriman.",
                      "No return in inbox/ and no collect yet.");
        } else if (url == "org.evakin:Letter?Kind=pengantar" && f->report.empty()) {
            s.enabled = false;
            s.why = t("Susun Draf Laporan dulu: surat pengantar menyertai laporan.",
                      "Draft the report first: the cover letter goes with it.");
        }
        s.tooltip = tooltipOf(s, lang);
        out.push_back(std::move(s));
    }
    return out;
}

}   // namespace

SopStatus sopStatus(const std::filesystem::path& workspaceDir, Lang lang)
{
    const Facts f = readFacts(workspaceDir, lang);
    SopStatus st;
    st.lang = lang;
    st.workspace = std::filesystem::absolute(f.ws.dir).lexically_normal().u8string();
    st.period = f.ws.period.label();
    if (lang == Lang::en) st.period = "Quarter " + f.ws.period.romanTriwulan() + " " + std::to_string(f.ws.period.year);
    const StepJudge judge(f, lang);
    for (int i = 0; i < 14; ++i) {
        const StepInfo& info = kSteps[i];
        SopStep s;
        s.number = i + 1;
        s.title = info.title.in(lang);
        s.executor = info.executor.in(lang);
        s.timeStandard = info.time.in(lang);
        s.command = info.command;
        judge.judge(s);
        st.steps.push_back(std::move(s));
    }
    st.nextStep = nextStepOf(st.steps);
    st.commands = commandStates(&f, lang);
    st.nextPeriodWorkspace = f.nextWorkspace.u8string();
    return st;
}

std::vector<CommandState> commandsWithoutWorkspace(Lang lang) { return commandStates(nullptr, lang); }

const CommandState* SopStatus::command(const std::string& url) const
{
    for (const CommandState& c : commands)
        if (c.command == url) return &c;
    return nullptr;
}

}   // namespace evakin
