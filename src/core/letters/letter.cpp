#include "letters/letter.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SHA2Engine.h>

#include <cctype>
#include <sstream>

#include "io/files.hpp"
#include "io/json.hpp"
#include "io/format_id.hpp"
#include "letters/letter_content.hpp"
#include "letters/letter_defaults.hpp"
#include "letters/letter_reconcile.hpp"
#include "io/odf_document.hpp"
#include "model/calendar.hpp"
#include "model/workspace.hpp"
#include "text/text_util.hpp"

namespace evakin {

namespace {

std::string orDots(const std::string& s) { return s.empty() ? "...................................." : s; }

std::string sha256(const std::string& bytes)
{
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(bytes);
    return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string safeFilePart(const std::string& number)
{
    std::string out;
    for (char c : number) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_') ? c : '-';
    return out;
}

// The output folder is tried before a number is taken, so an unwritable folder costs no number.
void checkWritable(const std::filesystem::path& dir)
{
    const auto probe = dir / ".evakin-tulis-uji";
    try {
        writeFileAtomically(probe, "ok");
        std::filesystem::remove(probe);
    } catch (const std::exception&) {
        throw Error(Problem{
            dir.u8string(),
            {},
            {},
            "hasil",
            Text{"Folder hasil tidak dapat ditulis; tidak ada nomor yang diambil. Periksa hak akses atau ruang disk.",
                 "The results folder cannot be written; no number was taken. Check permissions or disk space."}});
    }
}

std::filesystem::path freePath(const std::filesystem::path& dir, const std::string& stem)
{
    std::filesystem::path p = dir / (stem + ".odt");
    for (int i = 2; std::filesystem::exists(p); ++i) p = dir / (stem + "-" + std::to_string(i) + ".odt");
    return p;
}

}   // namespace

const char* letterKindName(LetterKind kind) { return kind == LetterKind::pengantar ? "pengantar" : "undangan"; }

LetterKind letterKindFromString(const std::string& s)
{
    if (s == "pengantar") return LetterKind::pengantar;
    if (s == "undangan") return LetterKind::undangan;
    throw Error(Problem{{},
                        {},
                        {},
                        "kind",
                        Text{"Jenis surat \"" + s + "\" tidak dikenal: pakai pengantar atau undangan.",
                             "Unknown letter kind \"" + s + "\": use pengantar or undangan."}});
}

std::string LetterResult::toJson() const
{
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("ok", true);
    o.set("file", file.u8string());
    o.set("number", entry.number);
    o.set("entry", Poco::JSON::Parser().parse(entry.toJson()));
    o.set("warnings", textsToJson(warnings));
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::string LetterResult::summary(Lang lang) const
{
    const bool en = lang == Lang::en;
    const std::string what =
        entry.kind == "pengantar" ? (en ? "Cover letter" : "Surat pengantar") : (en ? "Invitation" : "Undangan rapat");
    std::string out = what + (en ? " number " : " nomor ") + entry.number + (en ? " written: " : " dibuat: ") +
                      file.u8string() + "\n";
    for (const Text& w : warnings) out += (en ? "Warning: " : "Peringatan: ") + w.in(lang) + "\n";
    return out;
}

namespace {

// A request completed and checked, with its register entry and document content: all of it
// decided before a number is taken.
struct PreparedLetter {
    Workspace ws;
    LetterRequest req;
    NewEntry entry;
    LetterContent content;
};

Problem letterProblem(const char* field, Text text) { return Problem{{}, {}, {}, field, std::move(text)}; }

std::vector<std::string> lineIfAny(const std::string& s)
{
    return isBlank(s) ? std::vector<std::string>{} : std::vector<std::string>{s};
}

// The kop's lines under the office's name (Permendagri 1/2023: alamat, telepon, laman, pos-el): the
// address and telephone, then the website and e-mail on a line of their own when the profile has them.
std::string kopAddress(const Profile& p)
{
    std::string first = p.address;
    if (!p.telephone.empty()) first += (first.empty() ? "Telepon " : " Telepon ") + p.telephone;
    std::string second;
    if (!p.website.empty()) second = "Laman " + p.website;
    if (!p.email.empty()) second += (second.empty() ? "Pos-el " : " Pos-el ") + p.email;
    return second.empty() ? first : first + "\n" + second;
}

PreparedLetter prepareLetter(const LetterRequest& request, const Register& reg)
{
    PreparedLetter out;
    out.ws = openWorkspace(request.workspaceDir);
    const Workspace& ws = out.ws;
    const Profile profile = loadProfile(ws.profileFile());
    const RegisterSettings& settings = reg.settings();
    out.req = completeLetterRequest(request, profile, ws.period, settings);
    const LetterRequest& req = out.req;
    const std::string label = ws.period.label();
    const std::string subject = *req.subject;
    std::vector<Problem> problems;

    NewEntry& e = out.entry;
    e = letterEntry(req, profile, settings);

    LetterContent& c = out.content;
    c.kind = req.kind;
    auto& f = c.fields;
    f["alamat"] = profile.address;
    f["telepon"] = profile.telephone;
    f["kop_alamat"] = kopAddress(profile);
    f["pos_el"] = profile.email;
    f["laman"] = profile.website;
    if (!profile.lambang.empty()) {
        try {
            c.lambang = loadLambang(ws.dir / std::filesystem::u8path(profile.lambang));
        } catch (const Error& err) {
            for (Problem p : err.problems()) {
                p.field = "office.lambang";
                problems.push_back(std::move(p));
            }
        }
    }
    f["kota"] = profile.city;
    f["tanggal"] = formatDateId(e.date);
    f["klasifikasi"] = e.classification;
    f["kantor"] = profile.officeName;
    f["periode"] = label;
    f["sifat"] = req.sifat;
    f["lampiran"] = req.lampiran;
    f["hal"] = subject;
    c.lists["kop"] = profile.kopLines.empty() ? std::vector<std::string>{profile.officeName} : profile.kopLines;

    if (req.kind == LetterKind::pengantar) {
        c.templateName = "surat-pengantar.fodt";
        c.items = *req.items;
        if (c.items.empty())
            problems.push_back(letterProblem("naskah", Text{"Tabel naskah dinas kosong: isi minimal satu naskah.",
                                                            "The table of documents is empty: add at least one."}));
        for (std::size_t i = 0; i < c.items.size(); ++i)
            if (isBlank(c.items[i].naskah))
                problems.push_back(
                    letterProblem("naskah", Text{"Baris naskah " + std::to_string(i + 1) + " tidak memuat nama naskah.",
                                                 "Document row " + std::to_string(i + 1) + " has no document name."}));
        if (isBlank(req.addressee))
            problems.push_back(letterProblem(
                "kepada", Text{"Tujuan surat (Kepada) wajib diisi; isi jabatan BAPPEDA di Profil Kantor atau di sini.",
                               "The addressee (To) is required; set BAPPEDA in the Office Profile or here."}));
        // The receipt block names the BAPPEDA head only when the letter goes to BAPPEDA.
        const bool toBappeda = req.addressee == profile.bappeda.jabatan;
        f["kepada"] = orDots(req.addressee);
        f["kepada_kota"] = req.addresseePlace;
        f["perihal"] = subject;
        f["penerima_jabatan"] = orDots(req.addressee);
        f["penerima_nama"] = orDots(toBappeda ? profile.bappeda.nama : std::string());
        f["penerima_nip"] = orDots(toBappeda ? profile.bappeda.nip : std::string());
        f["pengirim_jabatan"] = profile.head.jabatan;
        f["pengirim_nama"] = profile.head.nama;
        f["pengirim_nip"] = profile.head.nip;
        c.lists["pengirim_pangkat"] = lineIfAny(profile.head.pangkat);
        c.title = "Surat Pengantar " + subject;
    } else {
        c.templateName = "undangan-rapat.fodt";
        int y = 0, m = 0, d = 0;
        if (req.meetingDate.empty())
            problems.push_back(letterProblem("meeting-date", Text{"Tanggal rapat wajib diisi (TTTT-BB-HH).",
                                                                  "The meeting date is required (YYYY-MM-DD)."}));
        else if (!parseIsoDate(req.meetingDate, y, m, d))
            problems.push_back(letterProblem(
                "meeting-date", Text{"Tanggal rapat \"" + req.meetingDate + "\" bukan tanggal TTTT-BB-HH yang sah.",
                                     "Meeting date \"" + req.meetingDate + "\" is not a valid YYYY-MM-DD date."}));
        else {
            static const char* const days[] = {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"};
            f["hari"] = days[Poco::DateTime(y, m, d).dayOfWeek()];
            f["tanggal_rapat"] = formatDateId(req.meetingDate);
        }
        if (isBlank(req.meetingTime))
            problems.push_back(
                letterProblem("time", Text{"Waktu rapat wajib diisi.", "The meeting time is required."}));
        if (isBlank(req.meetingPlace))
            problems.push_back(
                letterProblem("place", Text{"Tempat rapat wajib diisi.", "The meeting place is required."}));
        if (isBlank(req.agenda))
            problems.push_back(
                letterProblem("agenda", Text{"Acara rapat wajib diisi.", "The meeting agenda is required."}));
        std::vector<std::string> invitees;
        for (const std::string& who : *req.invitees)
            if (!isBlank(who)) invitees.push_back(std::to_string(invitees.size() + 1) + ". " + trimSpaces(who));
        if (invitees.empty())
            problems.push_back(
                letterProblem("invitees", Text{"Pilih minimal satu undangan (Yth.).", "Choose at least one invitee."}));
        c.lists["yth"] = invitees;
        f["waktu"] = req.meetingTime;
        f["tempat"] = req.meetingPlace;
        f["acara"] = req.agenda;
        const std::vector<LetterSignatory> signers = letterSignatories(profile);
        const LetterSignatory* signer = nullptr;
        std::string keys;
        for (const LetterSignatory& s : signers) {
            if (s.key == req.signatory) signer = &s;
            keys += (keys.empty() ? "" : ", ") + s.key;
        }
        if (!signer) {
            problems.push_back(letterProblem(
                "signatory", Text{"Penandatangan \"" + req.signatory + "\" tidak dikenal: pilih " + keys + ".",
                                  "Unknown signatory \"" + req.signatory + "\": choose " + keys + "."}));
            signer = &signers.front();
        }
        c.lists["penandatangan_an"] =
            signer->onBehalfOf.empty() ? std::vector<std::string>{} : std::vector<std::string>{signer->onBehalfOf};
        f["penandatangan_jabatan"] = signer->person.jabatan;
        f["penandatangan_nama"] = signer->person.nama;
        f["penandatangan_nip"] = signer->person.nip;
        c.lists["penandatangan_pangkat"] = lineIfAny(signer->person.pangkat);
        c.title = "Undangan Rapat " + subject;
    }
    if (isBlank(subject))
        problems.push_back(letterProblem(
            "subject",
            Text{
                "Perihal (hal) surat kosong. Isi perihalnya, atau tanpa --subject / Subject untuk perihal bawaan.",
                "The letter's subject is empty. Give a subject, or leave out --subject / Subject for the usual one."}));
    try {
        reg.check(e);
    } catch (const Error& err) {
        for (const auto& p : err.problems())
            if (p.field != "perihal") problems.push_back(p);   // an empty subject is reported once, above
    }
    if (!problems.empty()) throw Error(std::move(problems));

    c.templateXml = loadTemplate(c.templateName, ws.dir.u8string());
    f["nomor"] = "...";
    renderLetter(c);   // a broken template fails here, before a number is taken
    checkWritable(ws.results());
    return out;
}

}   // namespace

NewEntry letterEntry(const LetterRequest& r, const Profile& profile, const RegisterSettings& settings)
{
    NewEntry e;
    e.kind = letterKindName(r.kind);
    e.classification = r.classification;
    e.date = r.date;
    e.unitCode = settings.unitCode.empty() ? profile.officeShortName : settings.unitCode;
    e.createdBy = r.createdBy;
    e.subject = r.subject ? *r.subject : std::string();
    e.attachments = r.lampiran;
    if (r.kind == LetterKind::pengantar) {
        e.addressee = r.addressee;
    } else {
        const std::vector<std::string> invitees = r.invitees ? *r.invitees : std::vector<std::string>{};
        std::string named;
        for (const std::string& who : invitees) named += (named.empty() ? "" : "; ") + who;
        e.addressee = invitees == defaultInvitees(profile, r.signatory)
                          ? "Pejabat eselon III " + profile.officeShortName + " (" + std::to_string(invitees.size()) +
                                " undangan)"
                          : named;
    }
    return e;
}

void checkLetter(const LetterRequest& request, const Register& reg) { prepareLetter(request, reg); }

std::vector<Text> letterDateWarnings(const LetterRequest& completed, const std::filesystem::path& workspaceDir)
{
    const WorkCalendar calendar = loadWorkCalendar(workspaceDir);
    std::vector<Text> out;
    if (auto w = dateWarning(calendar, completed.date, Text{"Tanggal surat", "The letter date"})) out.push_back(*w);
    if (completed.kind == LetterKind::undangan)
        if (auto w = dateWarning(calendar, completed.meetingDate, Text{"Tanggal rapat", "The meeting date"}))
            out.push_back(*w);
    return out;
}

LetterResult produceLetter(const LetterRequest& request, Register& reg)
{
    // 1. Everything that can be checked is checked before a number is taken.
    PreparedLetter prepared = prepareLetter(request, reg);
    const Workspace& ws = prepared.ws;
    // A letter that a killed run left complete but still "dipesan" is recorded first; its temporaries go.
    reconcileLetters(ws.results(), reg, [](const RegisterEntry& e) {
        return (e.kind == "pengantar" ? "surat-pengantar_" : "undangan-rapat_") + safeFilePart(e.number);
    });
    const LetterRequest& req = prepared.req;
    const NewEntry& e = prepared.entry;
    LetterContent& c = prepared.content;
    auto& f = c.fields;

    // 2. Take the number.
    RegisterEntry entry = reg.reserve(e);
    std::filesystem::path file;
    try {
        // 3. Produce the letter, 4. record it.
        if (req.afterReserve) req.afterReserve(entry);
        f["nomor"] = entry.number;
        const std::string bytes = renderLetter(c);
        file = freePath(ws.results(), (req.kind == LetterKind::pengantar ? "surat-pengantar_" : "undangan-rapat_") +
                                          safeFilePart(entry.number));
        writeFileAtomically(file, bytes);
        entry = reg.complete(entry.id, std::filesystem::absolute(file).u8string(), sha256(bytes));
        std::vector<Text> warnings = letterDateWarnings(req, ws.dir);
        for (Text& w : signatoryWarnings(req, loadProfile(ws.profileFile()))) warnings.push_back(std::move(w));
        return LetterResult{entry, file, warnings};
    } catch (const std::exception& ex) {
        const Error* err = dynamic_cast<const Error*>(&ex);
        const std::string why_id = err ? err->render(Lang::id) : ex.what();
        const std::string why_en = err ? err->render(Lang::en) : ex.what();
        std::error_code ec;
        if (!file.empty()) std::filesystem::remove(file, ec);   // no letter may circulate with an unrecorded number
        std::string note_id = " Nomor itu dicatat BATAL di register.",
                    note_en = " The number is recorded as VOID in the register.";
        try {
            reg.voidEntry(entry.id, "Gagal membuat surat: " + why_id);
        } catch (const std::exception&) {
            note_id =
                " Nomor itu tetap berstatus dipesan di register; batalkan dengan: evakin register void --number " +
                entry.number + ".";
            note_en = " The number stays reserved in the register; void it with: evakin register void --number " +
                      entry.number + ".";
        }
        throw Error(
            Problem{file.empty() ? ws.results().u8string() : file.u8string(),
                    {},
                    {},
                    {},
                    Text{"Surat nomor " + entry.number + " gagal dibuat: " + why_id + "." + note_id,
                         "Letter number " + entry.number + " could not be produced: " + why_en + "." + note_en}});
    }
}

}   // namespace evakin
