#include "letters/letter.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DigestEngine.h>
#include <Poco/Environment.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/LocalDateTime.h>
#include <Poco/SHA2Engine.h>

#include <cctype>
#include <sstream>

#include "io/files.hpp"
#include "io/format_id.hpp"
#include "letters/letter_content.hpp"
#include "letters/letter_reconcile.hpp"
#include "io/odf_document.hpp"
#include "model/workspace.hpp"
#include "text/text_util.hpp"

namespace evakin {

namespace {

std::string today() { return Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%d"); }

std::string loginName()
{
    for (const char* var : {"EVAKIN_USER", "USER", "USERNAME", "LOGNAME"}) {
        const std::string v = Poco::Environment::get(var, "");
        if (!v.empty()) return v;
    }
    return "tidak diketahui";
}

std::string orDots(const std::string& s) { return s.empty() ? "...................................." : s; }

// "Kepala Bidang" alone does not say which bidang: add the unit's name.
std::string unitHeadTitle(const Unit& u)
{
    const std::string& j = u.head.jabatan;
    if (j.empty()) return "Kepala " + u.name;
    if (j.rfind("Kepala", 0) == 0 && j.find(u.name) == std::string::npos) return "Kepala " + u.name;
    return j;
}

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
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::string LetterResult::summary(Lang lang) const
{
    const bool en = lang == Lang::en;
    const std::string what =
        entry.kind == "pengantar" ? (en ? "Cover letter" : "Surat pengantar") : (en ? "Invitation" : "Undangan rapat");
    return what + (en ? " number " : " nomor ") + entry.number + (en ? " written: " : " dibuat: ") + file.u8string() +
           "\n";
}

LetterResult produceLetter(const LetterRequest& req, Register& reg)
{
    // 1. Everything that can be checked is checked before a number is taken.
    const Workspace ws = openWorkspace(req.workspaceDir);
    const Profile profile = loadProfile(ws.profileFile());
    const RegisterSettings& settings = reg.settings();
    const std::string kind = letterKindName(req.kind);
    const std::string label = ws.period.label();
    std::vector<Problem> problems;

    NewEntry e;
    e.kind = kind;
    const auto dflt = settings.defaultClassification.find(kind);
    e.classification = !req.classification.empty()                    ? req.classification
                       : dflt != settings.defaultClassification.end() ? dflt->second
                                                                      : "";
    e.date = req.date.empty() ? today() : req.date;
    e.unitCode = settings.unitCode.empty() ? profile.officeShortName : settings.unitCode;
    e.createdBy = req.createdBy.empty() ? loginName() : req.createdBy;

    LetterContent c;
    c.kind = req.kind;
    auto& f = c.fields;
    f["alamat"] = profile.address;
    f["telepon"] = profile.telephone;
    f["kota"] = profile.city;
    f["tanggal"] = formatDateId(e.date);
    f["klasifikasi"] = e.classification;
    f["kantor"] = profile.officeName;
    f["periode"] = label;
    c.lists["kop"] = profile.kopLines.empty() ? std::vector<std::string>{profile.officeName} : profile.kopLines;

    if (req.kind == LetterKind::pengantar) {
        c.templateName = "surat-pengantar.fodt";
        e.subject = req.subject ? *req.subject : ws.period.reportTitle();
        c.items.push_back(LetterItem{ws.period.reportTitle(), "1 (satu) berkas",
                                     "Dikirim dengan hormat untuk diketahui dan dipergunakan sebagaimana mestinya."});
        for (const auto& item : req.extraItems) c.items.push_back(item);
        e.addressee = profile.bappeda.jabatan;
        e.attachments = std::to_string(c.items.size()) + " berkas";
        f["kepada"] = orDots(profile.bappeda.jabatan);
        f["kepada_kota"] = profile.city;
        f["penerima_jabatan"] = orDots(profile.bappeda.jabatan);
        f["penerima_nama"] = orDots(profile.bappeda.nama);
        f["penerima_nip"] = orDots(profile.bappeda.nip);
        f["pengirim_jabatan"] = profile.head.jabatan;
        f["pengirim_nama"] = profile.head.nama;
        f["pengirim_nip"] = profile.head.nip;
        c.title = "Surat Pengantar " + e.subject;
    } else {
        c.templateName = "undangan-rapat.fodt";
        e.subject = req.subject ? *req.subject : "Undangan Rapat Pembahasan Evaluasi Kinerja " + label;
        int y = 0, m = 0, d = 0;
        if (req.meetingDate.empty())
            problems.push_back(
                Problem{{},
                        {},
                        {},
                        "meeting-date",
                        Text{"Tanggal rapat wajib diisi (TTTT-BB-HH).", "The meeting date is required (YYYY-MM-DD)."}});
        else if (!parseIsoDate(req.meetingDate, y, m, d))
            problems.push_back(
                Problem{{},
                        {},
                        {},
                        "meeting-date",
                        Text{"Tanggal rapat \"" + req.meetingDate + "\" bukan tanggal TTTT-BB-HH yang sah.",
                             "Meeting date \"" + req.meetingDate + "\" is not a valid YYYY-MM-DD date."}});
        else {
            static const char* const days[] = {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"};
            f["hari"] = days[Poco::DateTime(y, m, d).dayOfWeek()];
            f["tanggal_rapat"] = formatDateId(req.meetingDate);
        }
        if (req.meetingTime.find_first_not_of(' ') == std::string::npos)
            problems.push_back(
                Problem{{}, {}, {}, "time", Text{"Waktu rapat wajib diisi.", "The meeting time is required."}});
        std::vector<std::string> invitees{profile.head.jabatan.empty() ? "Kepala Dinas" : profile.head.jabatan};
        for (const Unit& u : profile.units) invitees.push_back(unitHeadTitle(u));
        for (std::size_t i = 0; i < invitees.size(); ++i) invitees[i] = std::to_string(i + 1) + ". " + invitees[i];
        c.lists["yth"] = invitees;
        e.addressee = "Kepala Dinas dan pejabat eselon III (" + std::to_string(invitees.size()) + " undangan)";
        e.attachments = req.lampiran;
        f["sifat"] = req.sifat;
        f["lampiran"] = req.lampiran;
        f["hal"] = e.subject;
        f["waktu"] = req.meetingTime;
        f["tempat"] =
            req.meetingPlace.empty()
                ? "Ruang Rapat " + (profile.officeShortName.empty() ? profile.officeName : profile.officeShortName)
                : req.meetingPlace;
        f["acara"] = req.agenda.empty() ? "Pembahasan Evaluasi Kinerja " + label : req.agenda;
        // The Kepala Dinas is invited, so the Sekretaris signs on his behalf when there is one.
        const Unit* sekretariat = nullptr;
        for (const Unit& u : profile.units)
            if (!sekretariat && (u.code == "SEKR" || u.name.rfind("Sekretariat", 0) == 0) && !u.head.nama.empty())
                sekretariat = &u;
        const Person& signer = sekretariat ? sekretariat->head : profile.head;
        c.lists["penandatangan_an"] =
            sekretariat ? std::vector<std::string>{"a.n. " + profile.head.jabatan} : std::vector<std::string>{};
        f["penandatangan_jabatan"] = signer.jabatan;
        f["penandatangan_nama"] = signer.nama;
        f["penandatangan_nip"] = signer.nip;
        c.title = "Undangan Rapat " + e.subject;
    }
    if (req.subject && isBlank(*req.subject))
        problems.push_back(Problem{
            {},
            {},
            {},
            "subject",
            Text{"Perihal surat (--subject) kosong. Isi perihalnya atau jangan pakai pilihan itu untuk perihal bawaan.",
                 "The letter's subject (--subject) is empty. Give a subject or leave the option out for the usual "
                 "one."}});
    try {
        reg.check(e);
    } catch (const Error& err) {
        for (const auto& p : err.problems())
            if (p.field != "perihal" || !req.subject)
                problems.push_back(p);   // an empty subject is reported once, above
    }
    if (!problems.empty()) throw Error(std::move(problems));

    c.templateXml = loadTemplate(c.templateName, ws.dir.u8string());
    f["nomor"] = "...";
    renderLetter(c);   // a broken template fails here, before a number is taken
    checkWritable(ws.results());

    // A letter that a killed run left complete but still "dipesan" is recorded first; its temporaries go.
    reconcileLetters(ws.results(), reg, [](const RegisterEntry& r) {
        return (r.kind == "pengantar" ? "surat-pengantar_" : "undangan-rapat_") + safeFilePart(r.number);
    });

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
        return LetterResult{entry, file};
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
