#include "settings/office_settings.hpp"

#include <Poco/Environment.h>
#include <Poco/JSON/Object.h>
#include <Poco/Path.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <sstream>

#include "io/files.hpp"
#include "io/json.hpp"
#include "text/text_util.hpp"

namespace evakin {

namespace {

using Poco::JSON::Object;

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

const char* securityName(MailSecurity s)
{
    switch (s) {
    case MailSecurity::starttls: return "starttls";
    case MailSecurity::ssl: return "ssl";
    case MailSecurity::none: break;
    }
    return "none";
}

// Reads the members of one JSON object, collecting every problem (unknown key,
// wrong kind) instead of stopping at the first, so staff fix the file in one pass.
class Reader {
public:
    Reader(std::string file, std::vector<Problem>& problems) : file_(std::move(file)), problems_(problems) {}

    // Flags keys the object may not hold; `prefix` is "" or "surel.".
    void onlyKnown(const Object::Ptr& o, const std::string& prefix, std::initializer_list<const char*> known)
    {
        std::string list;
        for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        for (const std::string& key : o->getNames())
            if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
                add(prefix + key, Text{"Pengaturan \"" + prefix + key + "\" tidak dikenal. Periksa ejaannya (dikenal: " +
                                           list + ") atau hapus baris itu.",
                                       "Unknown setting \"" + prefix + key + "\". Check its spelling (known: " + list +
                                           ") or remove the line."});
    }
    void text(const Object::Ptr& o, const std::string& key, const std::string& field, std::string& out)
    {
        if (!o->has(key)) return;
        if (o->get(key).isString())
            out = o->getValue<std::string>(key);
        else
            wrongKind(field, "teks (dalam tanda kutip)", "a text (in quotes)");
    }
    void integer(const Object::Ptr& o, const std::string& key, const std::string& field, int& out)
    {
        if (!o->has(key)) return;
        const Poco::Dynamic::Var v = o->get(key);
        if (v.isInteger() && v.convert<long long>() >= -1000000000 && v.convert<long long>() <= 1000000000)
            out = v.convert<int>();
        else
            wrongKind(field, "angka bulat", "a whole number");
    }
    void boolean(const Object::Ptr& o, const std::string& key, const std::string& field, bool& out)
    {
        if (!o->has(key)) return;
        if (o->get(key).isBoolean())
            out = o->getValue<bool>(key);
        else
            wrongKind(field, "true atau false", "true or false");
    }
    void security(const Object::Ptr& o, const std::string& key, const std::string& field, MailSecurity& out)
    {
        std::string s = securityName(out);
        text(o, key, field, s);
        if (s == "none" || s == "starttls" || s == "ssl")
            out = mailSecurityFromString(s, field);
        else
            add(field, Text{"Keamanan \"" + s + "\" tidak dikenal: tulis none, starttls atau ssl.",
                            "Unknown security \"" + s + "\": write none, starttls or ssl."});
    }
    // The member as an object; null (and a problem) when it is something else.
    Object::Ptr object(const Object::Ptr& o, const std::string& key)
    {
        if (!o->has(key)) return nullptr;
        if (Object::Ptr inner = o->getObject(key)) return inner;
        wrongKind(key, "kelompok { ... }", "a group { ... }");
        return nullptr;
    }
    void add(const std::string& field, Text t) { problems_.push_back(Problem{file_, {}, {}, field, std::move(t)}); }

private:
    void wrongKind(const std::string& field, const std::string& id, const std::string& en)
    {
        add(field, Text{"Nilai \"" + field + "\" harus " + id + ". Perbaiki di Alat › Opsi › Evaluasi Kinerja atau "
                                                                "hapus baris itu untuk memakai bawaan.",
                        "\"" + field + "\" must be " + en +
                            ". Fix it in Tools › Options › Evaluasi Kinerja or remove the line to use the default."});
    }
    std::string file_;
    std::vector<Problem>& problems_;
};

bool hasControl(const std::string& s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

// A host name or an IPv4/IPv6 address as typed into a mail client: no spaces, no scheme, no port.
bool plausibleHost(const std::string& h)
{
    if (h.empty() || h.size() > 253) return false;
    return std::all_of(h.begin(), h.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == ':' ||
               c == '[' || c == ']';
    }) && h.find("::") != 0 && h.find(":/") == std::string::npos;
}

bool plausibleAddress(const std::string& a)
{
    const auto at = a.find('@');
    return at != std::string::npos && at > 0 && at + 1 < a.size() && a.find('@', at + 1) == std::string::npos &&
           a.find_first_of(" \t\r\n<>,;\"") == std::string::npos && a.find('.', at) != std::string::npos;
}

// The checks the SMTP and POP3 server share; `group` is "surel" or "pop3".
void checkServer(const std::string& group, const std::string& host, int port, const std::string& user,
                 const std::function<void(const std::string&, Text)>& add)
{
    if (!host.empty() && !plausibleHost(host))
        add(group + ".server", Text{"Server \"" + host +
                                        "\" bukan nama server yang sah: tulis namanya saja, tanpa spasi, "
                                        "tanpa \"smtp://\" dan tanpa port, mis. mail.dinas.go.id.",
                                    "Server \"" + host +
                                        "\" is not a valid server name: write the name only, without spaces, "
                                        "\"smtp://\" or a port, e.g. mail.dinas.go.id."});
    if (port < 1 || port > 65535)
        add(group + ".port", Text{"Port harus angka 1 sampai 65535 (SMTP biasanya 587 atau 465, POP3 995).",
                                  "The port must be a number from 1 to 65535 (SMTP usually 587 or 465, POP3 995)."});
    if (hasControl(user) || user.find(' ') != std::string::npos)
        add(group + ".pengguna", Text{"Nama pengguna tidak boleh memuat spasi atau baris baru.",
                                      "The user name may not hold spaces or line breaks."});
}

}   // namespace

std::vector<Problem> OfficeSettings::problems(const std::string& sourceName) const
{
    std::vector<Problem> out;
    const auto add = [&](const std::string& field, Text t) {
        out.push_back(Problem{sourceName, {}, {}, field, std::move(t)});
    };
    const std::string spec = trimSpaces(registerSpec);
    if (startsWith(spec, "postgresql:") || startsWith(spec, "postgres:")) {
        const std::string conn = trimSpaces(spec.substr(spec.find(':') + 1));
        if (conn.empty())
            add("register", Text{"Koneksi PostgreSQL kosong: isi server, port, basis data dan pengguna.",
                                 "The PostgreSQL connection is empty: fill in host, port, database and user."});
        // libpq keys are "password=..." (possibly with spaces around '='): never kept in a file.
        std::istringstream words(conn);
        for (std::string w; words >> w;)
            if (startsWith(w, "password"))
                add("register", Text{"Kata sandi PostgreSQL tidak boleh disimpan di berkas pengaturan. Hapus "
                                     "\"password=...\"; Evakin memakai kata sandi yang disimpan LibreOffice "
                                     "(atau PGPASSWORD / ~/.pgpass di baris perintah).",
                                     "The PostgreSQL password may not be kept in the settings file. Remove "
                                     "\"password=...\"; Evakin uses the password LibreOffice stores (or "
                                     "PGPASSWORD / ~/.pgpass at the command line)."});
    } else if (!spec.empty()) {
        const std::string file = startsWith(spec, "sqlite:") ? spec.substr(7) : spec;
        const std::filesystem::path p = std::filesystem::u8path(file);
        if (!p.is_absolute())
            add("register", Text{"Berkas register \"" + file +
                                     "\" harus ditulis lengkap dari akar, mis. /home/perencanaan/register.sqlite.",
                                 "The register file \"" + file +
                                     "\" must be a full path, e.g. /home/perencanaan/register.sqlite."});
        else if (std::filesystem::is_directory(p))
            add("register", Text{"\"" + file + "\" adalah folder: pilih berkas register (.sqlite) di dalamnya.",
                                 "\"" + file + "\" is a folder: choose a register file (.sqlite) in it."});
    }
    if (hasControl(staffName) || staffName.size() > 100)
        add("nama_petugas", Text{"Nama petugas harus satu baris, paling banyak 100 huruf.",
                                 "The staff member's name must be one line of at most 100 characters."});
    if (!workspaceFolder.empty()) {
        const std::filesystem::path p = std::filesystem::u8path(workspaceFolder);
        if (!p.is_absolute())
            add("folder_ruang_kerja", Text{"Folder ruang kerja \"" + workspaceFolder +
                                               "\" harus ditulis lengkap dari akar, mis. /home/perencanaan/Evaluasi.",
                                           "The workspace folder \"" + workspaceFolder +
                                               "\" must be a full path, e.g. /home/perencanaan/Evaluasi."});
        else if (std::filesystem::exists(p) && !std::filesystem::is_directory(p))
            add("folder_ruang_kerja", Text{"\"" + workspaceFolder + "\" adalah berkas, bukan folder.",
                                           "\"" + workspaceFolder + "\" is a file, not a folder."});
    }
    checkServer("surel", smtp.host, smtp.port, smtp.user, add);
    if (!smtp.fromAddress.empty() && !plausibleAddress(smtp.fromAddress))
        add("surel.alamat_pengirim", Text{"Alamat pengirim \"" + smtp.fromAddress +
                                              "\" bukan alamat surel, mis. perencanaan@dinas.go.id.",
                                          "The sender address \"" + smtp.fromAddress +
                                              "\" is not an e-mail address, e.g. perencanaan@dinas.go.id."});
    if (!smtp.host.empty() && smtp.fromAddress.empty())
        add("surel.alamat_pengirim", Text{"Isi alamat pengirim: server surat menolak pesan tanpa pengirim.",
                                          "Fill in the sender address: mail servers refuse messages without one."});
    if (hasControl(smtp.fromName) || smtp.fromName.size() > 100)
        add("surel.nama_pengirim", Text{"Nama pengirim harus satu baris, paling banyak 100 huruf.",
                                        "The sender name must be one line of at most 100 characters."});
    checkServer("pop3", pop3.host, pop3.port, pop3.user, add);
    return out;
}

void OfficeSettings::check(const std::string& sourceName) const
{
    std::vector<Problem> p = problems(sourceName);
    if (!p.empty()) throw Error(std::move(p));
}

std::filesystem::path officeSettingsFile()
{
    const std::string own = Poco::Environment::get("EVAKIN_SETTINGS", "");
    if (!own.empty()) return std::filesystem::u8path(own);
    return std::filesystem::u8path(Poco::Path::dataHome()) / "evakin" / "pengaturan.json";
}

OfficeSettings loadOfficeSettings(const std::filesystem::path& file)
{
    OfficeSettings s;
    if (file.empty() || !std::filesystem::exists(file)) return s;
    const std::string name = displayName(file);
    const auto unreadable = [](const std::string& detail) {
        return Text{"Pengaturan kantor tidak terbaca (" + detail +
                        "). Perbaiki JSON-nya, atau hapus berkas ini dan isi lagi di Alat › Opsi › Evaluasi Kinerja.",
                    "The office settings cannot be read (" + detail +
                        "). Fix the JSON, or delete the file and fill them in again in Tools › Options › "
                        "Evaluasi Kinerja."};
    };
    const Object::Ptr root = parseJsonObject(readFile(file), name, unreadable);
    std::vector<Problem> problems;
    Reader r(name, problems);
    r.onlyKnown(root, "", {"format", "register", "nama_petugas", "folder_ruang_kerja", "surel", "pop3"});
    if (root->has("format") && !(root->get("format").isInteger() && root->get("format").convert<long long>() == 1))
        r.add("format", Text{"Versi format " + root->get("format").toString() +
                                 " tidak dikenal: Evakin ini membaca format 1. Pakai Evakin yang membuat berkas ini, "
                                 "atau tulis \"format\": 1.",
                             "Unknown format version " + root->get("format").toString() +
                                 ": this Evakin reads format 1. Use the Evakin that wrote the file, or write "
                                 "\"format\": 1."});
    r.text(root, "register", "register", s.registerSpec);
    r.text(root, "nama_petugas", "nama_petugas", s.staffName);
    r.text(root, "folder_ruang_kerja", "folder_ruang_kerja", s.workspaceFolder);
    if (const Object::Ptr m = r.object(root, "surel")) {
        r.onlyKnown(m, "surel.", {"server", "port", "keamanan", "pengguna", "nama_pengirim", "alamat_pengirim"});
        r.text(m, "server", "surel.server", s.smtp.host);
        r.integer(m, "port", "surel.port", s.smtp.port);
        r.security(m, "keamanan", "surel.keamanan", s.smtp.security);
        r.text(m, "pengguna", "surel.pengguna", s.smtp.user);
        r.text(m, "nama_pengirim", "surel.nama_pengirim", s.smtp.fromName);
        r.text(m, "alamat_pengirim", "surel.alamat_pengirim", s.smtp.fromAddress);
    }
    if (const Object::Ptr m = r.object(root, "pop3")) {
        r.onlyKnown(m, "pop3.", {"server", "port", "keamanan", "pengguna", "hapus_dari_server"});
        r.text(m, "server", "pop3.server", s.pop3.host);
        r.integer(m, "port", "pop3.port", s.pop3.port);
        r.security(m, "keamanan", "pop3.keamanan", s.pop3.security);
        r.text(m, "pengguna", "pop3.pengguna", s.pop3.user);
        r.boolean(m, "hapus_dari_server", "pop3.hapus_dari_server", s.pop3.deleteFromServer);
    }
    // Values of the right kind are checked only when every kind is right: a wrong kind left the default there.
    if (problems.empty()) problems = s.problems(name);
    if (!problems.empty()) throw Error(std::move(problems));
    return s;
}

OfficeSettings loadOfficeSettings() { return loadOfficeSettings(officeSettingsFile()); }

void saveOfficeSettings(const OfficeSettings& s, const std::filesystem::path& file)
{
    s.check(displayName(file));
    Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("format", 1);
    root->set("register", trimSpaces(s.registerSpec));
    root->set("nama_petugas", trimSpaces(s.staffName));
    root->set("folder_ruang_kerja", s.workspaceFolder);
    Object::Ptr smtp = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    smtp->set("server", s.smtp.host);
    smtp->set("port", s.smtp.port);
    smtp->set("keamanan", std::string(securityName(s.smtp.security)));
    smtp->set("pengguna", s.smtp.user);
    smtp->set("nama_pengirim", s.smtp.fromName);
    smtp->set("alamat_pengirim", s.smtp.fromAddress);
    root->set("surel", smtp);
    Object::Ptr pop3 = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    pop3->set("server", s.pop3.host);
    pop3->set("port", s.pop3.port);
    pop3->set("keamanan", std::string(securityName(s.pop3.security)));
    pop3->set("pengguna", s.pop3.user);
    pop3->set("hapus_dari_server", s.pop3.deleteFromServer);
    root->set("pop3", pop3);
    std::ostringstream out;
    root->stringify(out, 2);
    out << '\n';
    writeFileAtomically(file, out.str());
}

void saveOfficeSettings(const OfficeSettings& s) { saveOfficeSettings(s, officeSettingsFile()); }

RegisterLocation officeRegisterLocation(const std::string& given)
{
    if (!given.empty() || !Poco::Environment::get("EVAKIN_REGISTER", "").empty())
        return resolveRegisterLocation(given);
    return resolveRegisterLocation(trimSpaces(loadOfficeSettings().registerSpec));
}

std::string officeStaffName(const std::string& given)
{
    if (!trimSpaces(given).empty()) return given;
    return trimSpaces(loadOfficeSettings().staffName);
}

std::string smtpPasswordKey(const MailSettings& smtp)
{
    return "smtp://" + trimSpaces(smtp.host) + ":" + std::to_string(smtp.port);
}

std::string pop3PasswordKey(const Pop3Settings& pop3)
{
    return "pop3://" + trimSpaces(pop3.host) + ":" + std::to_string(pop3.port);
}

}   // namespace evakin
