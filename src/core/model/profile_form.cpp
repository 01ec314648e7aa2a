#include "model/profile_form.hpp"

#include <sstream>
#include <tuple>

#include "text/text_util.hpp"

namespace evakin {

namespace {

constexpr char kUnitSeparator = ';';
constexpr std::size_t kUnitParts = 7;   // code, name, head jabatan, head nama, NIP, e-mail, pangkat (optional)

// Each non-blank line, trimmed.
std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    for (const std::string& line : nonEmptyLines(text))
        if (!isBlank(line)) out.push_back(trimSpaces(line));
    return out;
}

std::vector<std::string> splitParts(const std::string& line)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(line);
    while (std::getline(in, part, kUnitSeparator)) parts.push_back(trimSpaces(part));
    if (!line.empty() && line.back() == kUnitSeparator) parts.emplace_back();
    return parts;
}

std::string unitLine(const Unit& u)
{
    std::string line;
    for (const std::string* part :
         {&u.code, &u.name, &u.head.jabatan, &u.head.nama, &u.head.nip, &u.email, &u.head.pangkat}) {
        if (!line.empty()) line += std::string(1, kUnitSeparator) + " ";
        line += *part;
    }
    // Trailing empty parts are left out: "SEKR; Sekretariat" reads back the same.
    while (line.size() >= 2 && line.compare(line.size() - 2, 2, "; ") == 0) line.resize(line.size() - 2);
    return line;
}

// Every field once: its key, label and kind, and for one-line fields the
// profile string it shows (the letterhead and the units are lists, read and
// written by the functions below).
struct FieldEntry {
    ProfileFormField field;
    std::string& (*text)(Profile&);   // nullptr for the letterhead and the units
};

const std::vector<FieldEntry>& fieldEntries()
{
    using P = Profile;
    static const std::vector<FieldEntry> entries = {
        {{"office.name", {"Nama kantor", "Office name"}, false}, [](P& p) -> std::string& { return p.officeName; }},
        {{"office.shortName", {"Singkatan (dipakai di nomor surat)", "Short name (used in letter numbers)"}, false},
         [](P& p) -> std::string& { return p.officeShortName; }},
        {{"office.kop", {"Kop surat (satu baris per baris kop)", "Letterhead (one line per letterhead line)"}, true},
         nullptr},
        {{"office.address", {"Alamat", "Address"}, false}, [](P& p) -> std::string& { return p.address; }},
        {{"office.city", {"Kota (tempat penandatanganan)", "City (place of signing)"}, false},
         [](P& p) -> std::string& { return p.city; }},
        {{"office.telephone", {"Telepon", "Telephone"}, false}, [](P& p) -> std::string& { return p.telephone; }},
        {{"office.email", {"Pos-el (di kop surat)", "E-mail (in the letterhead)"}, false},
         [](P& p) -> std::string& { return p.email; }},
        {{"office.website", {"Laman (di kop surat)", "Website (in the letterhead)"}, false},
         [](P& p) -> std::string& { return p.website; }},
        {{"office.lambang", {"Lambang daerah (berkas PNG/JPG)", "Regional emblem (PNG/JPG file)"}, false},
         [](P& p) -> std::string& { return p.lambang; }},
        {{"head.jabatan", {"Kepala kantor: jabatan", "Head of office: position"}, false},
         [](P& p) -> std::string& { return p.head.jabatan; }},
        {{"head.nama", {"Kepala kantor: nama", "Head of office: name"}, false},
         [](P& p) -> std::string& { return p.head.nama; }},
        {{"head.nip", {"Kepala kantor: NIP", "Head of office: NIP"}, false},
         [](P& p) -> std::string& { return p.head.nip; }},
        {{"head.pangkat", {"Kepala kantor: pangkat/golongan", "Head of office: rank/grade"}, false},
         [](P& p) -> std::string& { return p.head.pangkat; }},
        {{"bappeda.jabatan", {"BAPPEDA (tujuan surat): jabatan", "BAPPEDA (addressee): position"}, false},
         [](P& p) -> std::string& { return p.bappeda.jabatan; }},
        {{"bappeda.nama", {"BAPPEDA: nama", "BAPPEDA: name"}, false},
         [](P& p) -> std::string& { return p.bappeda.nama; }},
        {{"bappeda.address", {"BAPPEDA: alamat", "BAPPEDA: address"}, false},
         [](P& p) -> std::string& { return p.bappedaAddress; }},
        {{"bappeda.city", {"BAPPEDA: kota (\"di ...\" surat)", "BAPPEDA: city (letter's \"di ...\")"}, false},
         [](P& p) -> std::string& { return p.bappedaCity; }},
        {{"units",
          {"Unit, satu baris per unit: KODE; Nama unit; Jabatan kepala; Nama kepala; NIP; e-mail; pangkat (boleh "
           "kosong)",
           "Units, one line each: CODE; Unit name; Head's position; Head's name; NIP; e-mail; rank (optional)"},
          true},
         nullptr},
    };
    return entries;
}

}   // namespace

const std::vector<ProfileFormField>& profileFormFields()
{
    static const std::vector<ProfileFormField> fields = [] {
        std::vector<ProfileFormField> out;
        for (const FieldEntry& e : fieldEntries()) out.push_back(e.field);
        return out;
    }();
    return fields;
}

std::map<std::string, std::string> profileFormValues(const Profile& profile)
{
    Profile p = profile;   // the accessors give mutable references
    std::map<std::string, std::string> values;
    for (const FieldEntry& e : fieldEntries())
        if (e.text) values[e.field.key] = e.text(p);
    std::string& kop = values["office.kop"];
    for (const std::string& line : p.kopLines) kop += (kop.empty() ? "" : "\n") + line;
    std::string& units = values["units"];
    for (const Unit& u : p.units) units += (units.empty() ? "" : "\n") + unitLine(u);
    return values;
}

Profile profileFromForm(const std::map<std::string, std::string>& values, const Profile& base,
                        const std::string& sourceName)
{
    Profile p = base;
    std::vector<Problem> problems;
    for (const FieldEntry& e : fieldEntries()) {
        const auto it = values.find(e.field.key);
        if (e.text && it != values.end()) e.text(p) = trimSpaces(it->second);
    }
    if (const auto kop = values.find("office.kop"); kop != values.end()) p.kopLines = lines(kop->second);
    if (const auto units = values.find("units"); units != values.end()) {
        p.units.clear();
        const std::vector<std::string> unitLines = lines(units->second);
        for (std::size_t i = 0; i < unitLines.size(); ++i) {
            const std::vector<std::string> parts = splitParts(unitLines[i]);
            if (parts.size() > kUnitParts) {
                const std::string n = std::to_string(i + 1);
                problems.push_back(Problem{sourceName,
                                           {},
                                           {},
                                           "units[" + n + "]",
                                           Text{"Unit baris " + n + " berisi " + std::to_string(parts.size()) +
                                                    " bagian; paling banyak 7, dipisah titik koma: "
                                                    "KODE; Nama unit; Jabatan kepala; Nama kepala; NIP; e-mail; "
                                                    "pangkat.",
                                                "Unit line " + n + " has " + std::to_string(parts.size()) +
                                                    " parts; at most 7, separated by semicolons: "
                                                    "CODE; Unit name; Head's position; Head's name; NIP; e-mail; "
                                                    "rank."}});
            }
            // Kept (its first seven parts) even so: a unit's index stays its line number in later messages.
            const auto part = [&parts](std::size_t k) { return k < parts.size() ? parts[k] : std::string(); };
            p.units.push_back(Unit{part(0), part(1), Person{part(2), part(3), part(4), part(6)}, part(5)});
            // The forms and letters name the unit's head and the forms go to its e-mail: a line typed in
            // the dialog needs them all (a profil.json of an empty workspace may still lack them).
            const std::string n = std::to_string(i + 1);
            std::string missing_id, missing_en;
            for (const auto& [k, id, en] :
                 {std::tuple<std::size_t, const char*, const char*>{2, "jabatan kepala", "head's position"},
                  {3, "nama kepala", "head's name"},
                  {4, "NIP", "NIP"},
                  {5, "e-mail", "e-mail"}})
                if (part(k).empty()) {
                    missing_id += std::string(missing_id.empty() ? "" : ", ") + id;
                    missing_en += std::string(missing_en.empty() ? "" : ", ") + en;
                }
            if (!part(5).empty() && (part(5).find('@') == std::string::npos || part(5).find('@') == 0 ||
                                     part(5).find('.', part(5).find('@')) == std::string::npos))
                problems.push_back(Problem{sourceName,
                                           {},
                                           {},
                                           "units[" + n + "].email",
                                           Text{"Unit baris " + n + ": e-mail \"" + part(5) +
                                                    "\" bukan alamat e-mail, mis. sekretariat@dinas.go.id.",
                                                "Unit line " + n + ": \"" + part(5) +
                                                    "\" is not an e-mail address, e.g. sekretariat@dinas.go.id."}});
            if (!missing_id.empty() && parts.size() <= kUnitParts)
                problems.push_back(Problem{sourceName,
                                           {},
                                           {},
                                           "units[" + n + "]",
                                           Text{"Unit baris " + n + " belum lengkap: isi " + missing_id +
                                                    ". Satu baris per unit: KODE; Nama unit; Jabatan kepala; "
                                                    "Nama kepala; NIP; e-mail.",
                                                "Unit line " + n + " is incomplete: fill in " + missing_en +
                                                    ". One line per unit: CODE; Unit name; Head's position; "
                                                    "Head's name; NIP; e-mail."}});
        }
    }
    for (Problem& problem : profileProblems(p, sourceName)) {
        // The other messages name their field already; a unit's says which line, an NIP whose it is.
        if (problem.field.rfind("units[", 0) == 0) {
            // The field counts units from 0, as the JSON does; the dialog's lines from 1.
            const std::string n = std::to_string(std::stoul(problem.field.substr(6, problem.field.find(']') - 6)) + 1);
            problem.message.id = "Unit baris " + n + ": " + problem.message.id;
            problem.message.en = "Unit line " + n + ": " + problem.message.en;
        } else {
            for (const FieldEntry& e : fieldEntries())
                if (e.field.key == problem.field && problem.field.size() > 4 &&
                    problem.field.compare(problem.field.size() - 4, 4, ".nip") == 0) {
                    problem.message.id = e.field.label.id + ": " + problem.message.id;
                    problem.message.en = e.field.label.en + ": " + problem.message.en;
                }
        }
        problems.push_back(std::move(problem));
    }
    // Staff read the dialog's labels, not profil.json's keys ("isian units[7].code"): each message says
    // where already.
    for (Problem& problem : problems) {
        problem.field.clear();
        problem.place = {};
    }
    if (!problems.empty()) throw Error(std::move(problems));
    return p;
}

}   // namespace evakin
