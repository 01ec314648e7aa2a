#include "letters/letter_defaults.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Environment.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timespan.h>

#include <cctype>

#ifndef _WIN32
#include <pwd.h>
#include <unistd.h>
#endif

#include "letters/letter_content.hpp"
#include "model/calendar.hpp"
#include "report/report.hpp"
#include "text/error.hpp"
#include "text/text_util.hpp"

namespace evakin {

namespace {

std::string today() { return Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%d"); }

// "Kepala Bidang" alone does not say which bidang: add the unit's name.
std::string unitHeadTitle(const Unit& u)
{
    const std::string& j = u.head.jabatan;
    if (j.empty()) return "Kepala " + u.name;
    if (j.rfind("Kepala", 0) == 0 && j.find(u.name) == std::string::npos) return "Kepala " + u.name;
    return j;
}

std::string headTitle(const Profile& p) { return p.head.jabatan.empty() ? "Kepala Dinas" : p.head.jabatan; }

const Unit* sekretariat(const Profile& p)
{
    for (const Unit& u : p.units)
        if ((u.code == "SEKR" || u.name.rfind("Sekretariat", 0) == 0) && !u.head.nama.empty()) return &u;
    return nullptr;
}

std::vector<std::string> splitOn(const std::string& text, const std::string& separators)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(separators, start), text.size());
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

}   // namespace

std::string staffName()
{
    // EVAKIN_USER is what earlier versions read; EVAKIN_PETUGAS is the documented name.
    for (const char* var : {"EVAKIN_PETUGAS", "EVAKIN_USER", "USER", "USERNAME", "LOGNAME"}) {
        const std::string v = trimSpaces(Poco::Environment::get(var, ""));
        if (!v.empty()) return v;
    }
#ifndef _WIN32
    // LibreOffice started from a desktop menu may have no USER in its environment: ask the system.
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
#endif
    return "tidak diketahui";
}

std::vector<LetterSignatory> letterSignatories(const Profile& profile)
{
    // The evaluation meeting is the head's: Permendagri 86/2017 makes the head of the perangkat daerah
    // answerable for the evaluation of the Renja, so he convenes it and signs the invitation himself
    // (Permendagri 1/2023: a letter is signed by the official with the authority; "a.n." only where he
    // delegates). The Sekretaris may sign on his behalf, for a meeting he does not attend.
    std::vector<LetterSignatory> out{LetterSignatory{"kepala", headTitle(profile), profile.head, ""}};
    if (const Unit* s = sekretariat(profile))
        out.push_back(LetterSignatory{"sekretaris", s->head.jabatan + " (a.n. " + headTitle(profile) + ")", s->head,
                                      "a.n. " + headTitle(profile)});
    return out;
}

std::vector<std::string> possibleInvitees(const Profile& profile)
{
    std::vector<std::string> out{headTitle(profile)};
    for (const Unit& u : profile.units) out.push_back(unitHeadTitle(u));
    return out;
}

std::vector<std::string> defaultInvitees(const Profile& profile, const std::string& signatory)
{
    // Never the Kepala Dinas: he signs (or is signed for) and is not invited by his own letter; when the
    // Sekretaris signs, she does not invite herself either.
    const Unit* signer = signatory == "sekretaris" ? sekretariat(profile) : nullptr;
    std::vector<std::string> out;
    for (const Unit& u : profile.units)
        if (&u != signer) out.push_back(unitHeadTitle(u));
    return out;
}

std::vector<Text> signatoryWarnings(const LetterRequest& completed, const Profile& profile)
{
    std::vector<Text> out;
    if (completed.kind != LetterKind::undangan || !completed.invitees) return out;
    const std::string head = headTitle(profile);
    for (const std::string& who : *completed.invitees)
        if (trimSpaces(who) == head) {
            out.push_back(Text{"Undangan ini ditandatangani oleh atau atas nama " + head +
                                   " dan sekaligus mengundang " + head + ". Lazimnya " + head +
                                   " tidak diundang dengan suratnya sendiri: mohon kehadirannya dengan nota dinas, "
                                   "atau hapus dari daftar undangan.",
                               "This invitation is signed by or on behalf of the " + head + " and also invites the " +
                                   head +
                                   ". Practice is not to invite him with his own letter: ask him with a nota "
                                   "dinas, or remove him from the invitees."});
            break;
        }
    // Switched to the Sekretaris in the dialog with the invitees ticked for the Kepala Dinas: she would
    // invite herself.
    const Unit* sekr = completed.signatory == "sekretaris" ? sekretariat(profile) : nullptr;
    if (sekr)
        for (const std::string& who : *completed.invitees)
            if (trimSpaces(who) == unitHeadTitle(*sekr)) {
                out.push_back(
                    Text{"Undangan ini ditandatangani " + unitHeadTitle(*sekr) + " dan sekaligus mengundang " +
                             unitHeadTitle(*sekr) + ": hapus dari daftar undangan.",
                         "This invitation is signed by the " + unitHeadTitle(*sekr) + " and also invites the " +
                             unitHeadTitle(*sekr) + ": remove her from the invitees."});
                break;
            }
    return out;
}

std::string placeOfAddress(const std::string& address, const std::string& fallback)
{
    const std::size_t comma = address.rfind(',');
    std::string place = trimSpaces(comma == std::string::npos ? address : address.substr(comma + 1));
    // "Pangkalpinang 33149": the postal code is not part of the place.
    while (!place.empty() && (std::isdigit(static_cast<unsigned char>(place.back())) || place.back() == ' '))
        place.pop_back();
    return place.empty() ? fallback : place;
}

std::string proposedMeetingDate(const std::string& letterDate)
{
    int y = 0, m = 0, d = 0;
    if (!parseIsoDate(letterDate, y, m, d)) return {};   // the letter date's own problem is reported
    const Poco::DateTime inAWeek = Poco::DateTime(y, m, d) + Poco::Timespan(7, 0, 0, 0, 0);
    // A week ahead, moved off weekends and holidays (issue 15: Good Friday, Saturdays).
    return loadWorkCalendar().nextWorkingDay(Poco::DateTimeFormatter::format(inAWeek, "%Y-%m-%d"));
}

LetterRequest completeLetterRequest(const LetterRequest& request, const Profile& profile, const Period& period,
                                    const RegisterSettings& settings)
{
    LetterRequest r = request;
    const bool pengantar = r.kind == LetterKind::pengantar;
    if (r.classification.empty()) {
        const auto dflt = settings.defaultClassification.find(letterKindName(r.kind));
        if (dflt != settings.defaultClassification.end()) r.classification = dflt->second;
    }
    if (r.date.empty()) r.date = today();
    if (!r.subject)
        r.subject = pengantar ? period.reportTitle() : "Undangan Rapat Pembahasan Evaluasi Kinerja " + period.label();
    if (r.createdBy.empty()) r.createdBy = staffName();
    if (r.sifat.empty()) r.sifat = "Biasa";
    if (pengantar) {
        if (!r.items) {
            r.items = std::vector<LetterItem>{
                LetterItem{period.reportTitle(), "1 (satu) berkas",
                           "Dikirim dengan hormat untuk diketahui dan dipergunakan sebagaimana mestinya."}};
            r.items->insert(r.items->end(), r.extraItems.begin(), r.extraItems.end());
        }
        r.extraItems.clear();
        if (r.addressee.empty()) r.addressee = profile.bappeda.jabatan;
        // "di ...": BAPPEDA's own city (or the place of its address); another addressee's place is not
        // known, and "di Tempat" is what a letter says then.
        if (r.addresseePlace.empty())
            r.addresseePlace = r.addressee != profile.bappeda.jabatan ? std::string("Tempat")
                               : !profile.bappedaCity.empty()         ? profile.bappedaCity
                                                              : placeOfAddress(profile.bappedaAddress, profile.city);
        if (r.lampiran.empty()) r.lampiran = std::to_string(r.items->size()) + " berkas";
    } else {
        if (r.lampiran.empty()) r.lampiran = "-";
        if (r.meetingDate.empty()) r.meetingDate = proposedMeetingDate(r.date);
        if (r.meetingTime.empty()) r.meetingTime = "09.00 WIB s.d. selesai";
        if (r.meetingPlace.empty())
            r.meetingPlace =
                "Ruang Rapat " + (profile.officeShortName.empty() ? profile.officeName : profile.officeShortName);
        if (r.agenda.empty()) r.agenda = "Pembahasan Evaluasi Kinerja " + period.label();
        if (r.signatory.empty()) r.signatory = letterSignatories(profile).front().key;
        if (!r.invitees) r.invitees = defaultInvitees(profile, r.signatory);
    }
    return r;
}

LetterProposal proposeLetter(const LetterRequest& request, const Register& reg)
{
    const Workspace ws = openWorkspace(request.workspaceDir);
    const Profile profile = loadProfile(ws.profileFile());
    const RegisterSettings& settings = reg.settings();
    LetterProposal p;
    p.request = completeLetterRequest(request, profile, ws.period, settings);
    p.periodLabel = ws.period.label();
    p.dateWarnings = letterDateWarnings(p.request, ws.dir);
    for (Text& w : signatoryWarnings(p.request, profile)) p.dateWarnings.push_back(std::move(w));
    p.classifications = settings.classifications;
    if (p.request.kind == LetterKind::pengantar) {
        p.reportFile = ws.results() / reportFileName(ws.period.year, ws.period.triwulan);
        p.reportDrafted = std::filesystem::exists(p.reportFile);
    } else {
        p.invitees = possibleInvitees(profile);
        p.signatories = letterSignatories(profile);
    }
    try {
        p.number = reg.peekNumber(letterEntry(p.request, profile, settings));
    } catch (const Error&) {
        // An unknown code or a bad date has no number yet; the dialog shows the problem on OK.
    }
    return p;
}

std::vector<LetterItem> parseLetterItems(const std::string& text, const std::string& field)
{
    std::vector<LetterItem> items;
    for (const std::string& row : splitOn(text, ";\n")) {
        if (isBlank(row)) continue;
        const std::vector<std::string> cells = splitOn(row, "|");
        LetterItem item;
        item.naskah = trimSpaces(cells[0]);
        if (cells.size() > 1) item.banyaknya = trimSpaces(cells[1]);
        // A keterangan may itself hold '|': everything after the second bar is its text.
        if (cells.size() > 2) item.keterangan = trimSpaces(row.substr(cells[0].size() + cells[1].size() + 2));
        if (item.naskah.empty())
            throw Error(Problem{{},
                                {},
                                {},
                                field,
                                Text{"Baris naskah \"" + row + "\" tidak memuat nama naskah sebelum tanda '|'.",
                                     "The naskah row \"" + row + "\" has no document name before the first '|'."}});
        if (item.banyaknya.empty()) item.banyaknya = "1 (satu) berkas";
        items.push_back(item);
    }
    return items;
}

std::vector<std::string> parseLetterList(const std::string& text)
{
    std::vector<std::string> out;
    for (const std::string& part : splitOn(text, ";\n"))
        if (!isBlank(part)) out.push_back(trimSpaces(part));
    return out;
}

}   // namespace evakin
