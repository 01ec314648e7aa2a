#include "model/profile.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <set>
#include <sstream>

#include "text/error.hpp"
#include "io/files.hpp"
#include "io/json.hpp"
#include "text/tech_log.hpp"

namespace evakin {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// A member that holds something other than text: a list or { } would be printed as JSON on letters, an NIP
// written as a number has lost its digits.
struct NotText {
    std::string key;
};

std::string str(const Object::Ptr& o, const std::string& key)
{
    if (!o || !o->has(key) || o->isNull(key)) return {};
    const Poco::Dynamic::Var v = o->get(key);
    if (!v.isString()) throw NotText{key};
    return v.toString();
}

// Keys added later (pangkat, the kop's e-mail and website, the lambang, BAPPEDA's city) are read as
// empty when an older profil.json lacks them.
Person readPerson(const Object::Ptr& o)
{
    return Person{str(o, "jabatan"), str(o, "nama"), str(o, "nip"), str(o, "pangkat")};
}

Object::Ptr writePerson(const Person& p)
{
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("jabatan", p.jabatan);
    o->set("nama", p.nama);
    o->set("nip", p.nip);
    o->set("pangkat", p.pangkat);
    return o;
}

bool safeCode(const std::string& code)
{
    if (code.empty() || code.size() > 20) return false;
    for (char c : code)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
    return true;
}

}   // namespace

const Unit* Profile::unit(const std::string& code) const
{
    for (const auto& u : units)
        if (u.code == code) return &u;
    return nullptr;
}

Profile readProfileUnchecked(const std::filesystem::path& file)
{
    const std::string name = displayName(file);
    const std::string json = readFile(file);
    const Object::Ptr root = parseJsonObject(json, name, [](const Text& why) {
        return Text{"Profil kantor tidak dapat dibaca: " + why.id +
                        ". Perbaiki dengan editor teks (lihat README, bagian Workspace).",
                    "The office profile cannot be read: " + why.en +
                        ". Fix it in a text editor (see the README, section Workspace)."};
    });
    Profile p;
    try {
        const Object::Ptr office = root->getObject("office");
        p.officeName = str(office, "name");
        p.officeShortName = str(office, "shortName");
        if (office && office->has("kop"))
            for (const auto& line : *office->getArray("kop")) p.kopLines.push_back(line.toString());
        p.address = str(office, "address");
        p.city = str(office, "city");
        p.telephone = str(office, "telephone");
        p.email = str(office, "email");
        p.website = str(office, "website");
        p.lambang = str(office, "lambang");
        p.head = readPerson(root->getObject("head"));
        const Object::Ptr bappeda = root->getObject("bappeda");
        p.bappeda = readPerson(bappeda);
        p.bappedaAddress = str(bappeda, "address");
        p.bappedaCity = str(bappeda, "city");
        const Array::Ptr units = root->getArray("units");
        for (std::size_t i = 0; units && i < units->size(); ++i) {
            const Object::Ptr u = units->getObject(static_cast<unsigned>(i));
            p.units.push_back(
                Unit{str(u, "code"), str(u, "name"), readPerson(u ? u->getObject("head") : nullptr), str(u, "email")});
        }
    } catch (const NotText& wrong) {
        throw Error(name, Text{"Struktur profil tidak sesuai: isian \"" + wrong.key +
                                   "\" harus teks dalam tanda kutip, bukan angka, daftar atau { }. Perbaiki dengan "
                                   "editor teks atau isi lagi lewat Profil Kantor.",
                               "Unexpected profile structure: \"" + wrong.key +
                                   "\" must be a text in quotes, not a number, a list or { }. Fix it in a text "
                                   "editor or fill it in again in the Office Profile."});
    } catch (const Poco::Exception& e) {
        // A list or { } where a text must be: Poco's words ("Bad cast exception") go to the tech log.
        logTechnicalDetail(name, e.displayText());
        throw Error(name, Text{"Struktur profil tidak sesuai: ada isian berisi daftar atau { } di tempat teks. "
                               "Perbaiki dengan editor teks atau isi lagi lewat Profil Kantor.",
                               "Unexpected profile structure: a member holds a list or { } where a text must be. "
                               "Fix it in a text editor or fill it in again in the Office Profile."});
    }
    return p;
}

// An NIP (Nomor Induk Pegawai) is 18 digits: birth date, appointment month, sex, number. Written with
// spaces ("19680512 199403 1 007") or without; anything else is a typing slip that would print on letters.
static bool validNip(const std::string& nip)
{
    std::size_t digits = 0;
    for (char c : nip) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != ' ')
            return false;
    }
    return digits == 18;
}

std::vector<Problem> profileProblems(const Profile& p, const std::string& sourceName)
{
    std::vector<Problem> problems;
    const auto nip = [&](const std::string& value, const std::string& field) {
        if (!value.empty() && !validNip(value))
            problems.push_back(
                Problem{sourceName,
                        {},
                        {},
                        field,
                        Text{"NIP \"" + value + "\" harus 18 angka, mis. 19680512 199403 1 007.",
                             "The NIP \"" + value + "\" must be 18 digits, e.g. 19680512 199403 1 007."}});
    };
    nip(p.head.nip, "head.nip");
    nip(p.bappeda.nip, "bappeda.nip");
    auto need = [&](const std::string& value, const std::string& field, const std::string& what_id,
                    const std::string& what_en) {
        if (value.empty())
            problems.push_back(
                Problem{sourceName, {}, {}, field, Text{what_id + " wajib diisi.", what_en + " is required."}});
    };
    need(p.officeName, "office.name", "Nama kantor", "The office name");
    need(p.head.nama, "head.nama", "Nama kepala kantor", "The head of office's name");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < p.units.size(); ++i) {
        const Unit& unit = p.units[i];
        const std::string field = "units[" + std::to_string(i) + "]";
        if (!safeCode(unit.code))
            problems.push_back(Problem{
                sourceName,
                {},
                {},
                field + ".code",
                Text{"Kode unit \"" + unit.code + "\" harus 1-20 huruf, angka, - atau _ (dipakai di nama berkas).",
                     "Unit code \"" + unit.code +
                         "\" must be 1-20 letters, digits, - or _ (it is used in file names)."}});
        else if (!seen.insert(unit.code).second)
            problems.push_back(
                Problem{sourceName,
                        {},
                        {},
                        field + ".code",
                        Text{"Kode unit \"" + unit.code + "\" dipakai dua kali. Setiap unit perlu kode sendiri.",
                             "Unit code \"" + unit.code + "\" is used twice. Each unit needs its own code."}});
        need(unit.name, field + ".name", "Nama unit", "The unit name");
        nip(unit.head.nip, field + ".nip");
    }
    if (p.units.empty())
        problems.push_back(Problem{sourceName,
                                   {},
                                   {},
                                   "units",
                                   Text{"Belum ada unit (sekretariat/bidang). Tambahkan minimal satu.",
                                        "No units (sekretariat/bidang) yet. Add at least one."}});
    for (Problem& problem : problems) problem.place = profileFieldWords(problem.field);
    return problems;
}

Text profileFieldWords(const std::string& field)
{
    struct Words {
        const char* key;
        const char* id;
        const char* en;
    };
    static const Words office[] = {{"office.name", "nama kantor", "office name"},
                                   {"office.shortName", "nama singkat kantor", "short office name"},
                                   {"office.kop", "kop surat", "letterhead"},
                                   {"office.address", "alamat kantor", "office address"},
                                   {"office.city", "kota", "city"},
                                   {"office.telephone", "telepon kantor", "office telephone"},
                                   {"head.jabatan", "jabatan kepala kantor", "head of office's position"},
                                   {"head.nama", "nama kepala kantor", "head of office's name"},
                                   {"head.nip", "NIP kepala kantor", "head of office's NIP"},
                                   {"bappeda.jabatan", "jabatan pejabat BAPPEDA", "BAPPEDA official's position"},
                                   {"bappeda.nama", "nama pejabat BAPPEDA", "BAPPEDA official's name"},
                                   {"bappeda.nip", "NIP pejabat BAPPEDA", "BAPPEDA official's NIP"},
                                   {"bappeda.address", "alamat BAPPEDA", "BAPPEDA address"},
                                   {"units", "daftar unit", "unit list"}};
    static const Words unit[] = {{"code", "kode", "code"},
                                 {"name", "nama", "name"},
                                 {"email", "e-mail", "e-mail"},
                                 {"nip", "NIP kepala", "head's NIP"},
                                 {"head.jabatan", "jabatan kepala", "head's position"},
                                 {"head.nama", "nama kepala", "head's name"},
                                 {"head.nip", "NIP kepala", "head's NIP"}};
    const auto find = [](const auto& table, const std::string& key) -> const Words* {
        for (const Words& w : table)
            if (key == w.key) return &w;
        return nullptr;
    };
    // "units[7]" or "units[7].code": the unit counted from 1, as staff count.
    if (field.rfind("units[", 0) == 0) {
        const std::size_t close = field.find(']');
        const std::string digits = close == std::string::npos ? std::string() : field.substr(6, close - 6);
        if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos)
            return {};
        const std::string n = std::to_string(std::stoul(digits) + 1);
        if (close + 1 == field.size()) return {"unit ke-" + n, "unit " + n};
        const Words* w = field[close + 1] == '.' ? find(unit, field.substr(close + 2)) : nullptr;
        if (!w) return {};
        return {"unit ke-" + n + ", kolom " + w->id, "unit " + n + ", field " + w->en};
    }
    if (const Words* w = find(office, field)) return {w->id, w->en};
    return {};
}

Profile loadProfile(const std::filesystem::path& file)
{
    Profile p = readProfileUnchecked(file);
    std::vector<Problem> problems = profileProblems(p, displayName(file));
    if (!problems.empty()) throw Error(std::move(problems));
    return p;
}

void saveProfile(const Profile& p, const std::filesystem::path& file)
{
    Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("format", 1);
    Object::Ptr office = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    office->set("name", p.officeName);
    office->set("shortName", p.officeShortName);
    Array::Ptr kop = new Array;
    for (const auto& line : p.kopLines) kop->add(line);
    office->set("kop", kop);
    office->set("address", p.address);
    office->set("city", p.city);
    office->set("telephone", p.telephone);
    office->set("email", p.email);
    office->set("website", p.website);
    office->set("lambang", p.lambang);
    root->set("office", office);
    root->set("head", writePerson(p.head));
    Array::Ptr units = new Array;
    for (const auto& u : p.units) {
        Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("code", u.code);
        o->set("name", u.name);
        o->set("head", writePerson(u.head));
        o->set("email", u.email);
        units->add(o);
    }
    root->set("units", units);
    Object::Ptr bappeda = writePerson(p.bappeda);
    bappeda->set("address", p.bappedaAddress);
    bappeda->set("city", p.bappedaCity);
    root->set("bappeda", bappeda);
    std::ostringstream out;
    root->stringify(out, 2);
    out << '\n';
    writeFileAtomically(file, out.str());
}

}   // namespace evakin
