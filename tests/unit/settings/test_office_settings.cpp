// The office settings (pengaturan.json): defaults, a round trip, every wrong
// field named, nothing written when one is wrong, passwords never written,
// and the register's precedence flag > env > settings > default.
#include <catch2/catch.hpp>

#include <Poco/Environment.h>

#include <fstream>

#include "io/files.hpp"
#include "settings/office_settings.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

void write(const std::filesystem::path& file, const std::string& text)
{
    std::ofstream(file, std::ios::binary) << text;
}

std::vector<std::string> fieldsOf(const std::vector<Problem>& problems)
{
    std::vector<std::string> out;
    for (const Problem& p : problems) out.push_back(p.field);
    return out;
}

// Sets an environment variable for one test and puts back what was there.
struct ScopedEnv {
    std::string name, old;
    bool had;
    ScopedEnv(std::string n, const std::string& value)
        : name(std::move(n)), old(Poco::Environment::get(name, "")), had(Poco::Environment::has(name))
    {
        Poco::Environment::set(name, value);
    }
    ~ScopedEnv() { Poco::Environment::set(name, had ? old : ""); }
};

OfficeSettings filled(const TempDir& dir)
{
    OfficeSettings s;
    s.registerSpec = (dir.path / "kantor" / "register.sqlite").u8string();
    s.staffName = "Siti Aminah, S.E.";
    s.workspaceFolder = (dir.path / "Evaluasi").u8string();
    s.smtp.host = "mail.dinas.go.id";
    s.smtp.port = 587;
    s.smtp.security = MailSecurity::starttls;
    s.smtp.user = "perencanaan";
    s.smtp.password = "rahasia-smtp";
    s.smtp.fromName = "Subbag Perencanaan";
    s.smtp.fromAddress = "perencanaan@dinas.go.id";
    s.pop3.host = "pop.dinas.go.id";
    s.pop3.port = 1995;
    s.pop3.security = MailSecurity::starttls;
    s.pop3.user = "balasan";
    s.pop3.password = "rahasia-pop3";
    s.pop3.deleteFromServer = true;
    return s;
}

}   // namespace

TEST_CASE("no pengaturan.json means the defaults", "[settings]")
{
    TempDir dir;
    const OfficeSettings s = loadOfficeSettings(dir.path / "pengaturan.json");
    CHECK(s.registerSpec.empty());
    CHECK(s.staffName.empty());
    CHECK(s.workspaceFolder.empty());
    CHECK(s.smtp.host.empty());
    CHECK(s.pop3.port == 995);
    CHECK(s.pop3.security == MailSecurity::ssl);
    CHECK_FALSE(s.pop3.deleteFromServer);
    CHECK(s.problems("pengaturan.json").empty());
}

TEST_CASE("the office settings round-trip, and no password is written", "[settings]")
{
    TempDir dir;
    const auto file = dir.path / "evakin" / "pengaturan.json";
    saveOfficeSettings(filled(dir), file);
    const std::string text = readFile(file);
    CHECK(text.find("rahasia") == std::string::npos);
    CHECK(text.find("\"nama_petugas\"") != std::string::npos);
    CHECK(text.find("starttls") != std::string::npos);

    const OfficeSettings back = loadOfficeSettings(file);
    const OfficeSettings want = filled(dir);
    CHECK(back.registerSpec == want.registerSpec);
    CHECK(back.staffName == want.staffName);
    CHECK(back.workspaceFolder == want.workspaceFolder);
    CHECK(back.smtp.host == want.smtp.host);
    CHECK(back.smtp.port == 587);
    CHECK(back.smtp.security == MailSecurity::starttls);
    CHECK(back.smtp.user == "perencanaan");
    CHECK(back.smtp.password.empty());
    CHECK(back.smtp.fromName == want.smtp.fromName);
    CHECK(back.smtp.fromAddress == want.smtp.fromAddress);
    CHECK(back.pop3.host == "pop.dinas.go.id");
    CHECK(back.pop3.port == 1995);
    CHECK(back.pop3.security == MailSecurity::starttls);
    CHECK(back.pop3.user == "balasan");
    CHECK(back.pop3.password.empty());
    CHECK(back.pop3.deleteFromServer);
}

TEST_CASE("check() names every wrong field, and save writes nothing then", "[settings]")
{
    TempDir dir;
    OfficeSettings s = filled(dir);
    s.registerSpec = "postgresql:host=db.dinas dbname=evakin user=evakin password=bocor";
    s.staffName = "Siti\nAminah";
    s.workspaceFolder = "relatif/folder";
    s.smtp.host = "smtp://mail.dinas.go.id";
    s.smtp.port = 70000;
    s.smtp.fromAddress = "perencanaan at dinas";
    s.pop3.port = 0;
    s.pop3.user = "dua kata";
    const auto file = dir.path / "pengaturan.json";
    const auto p = problemsOf([&] { saveOfficeSettings(s, file); });
    CHECK(fieldsOf(p) == std::vector<std::string>{"register", "nama_petugas", "folder_ruang_kerja", "surel.server",
                                                  "surel.port", "surel.alamat_pengirim", "pop3.port",
                                                  "pop3.pengguna"});
    for (const Problem& one : p) {
        CHECK(one.file == "pengaturan.json");
        CHECK_FALSE(one.message.id.empty());
        CHECK_FALSE(one.message.en.empty());
    }
    CHECK(p[0].message.en.find("password") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("a relative SQLite register, a folder as register and a sender-less server are refused", "[settings]")
{
    TempDir dir;
    OfficeSettings s;
    s.registerSpec = "register.sqlite";
    CHECK(fieldsOf(s.problems("x")) == std::vector<std::string>{"register"});
    s.registerSpec = dir.path.u8string();
    CHECK(s.problems("x")[0].message.en.find("is a folder") != std::string::npos);
    s.registerSpec = "postgresql:";
    CHECK(fieldsOf(s.problems("x")) == std::vector<std::string>{"register"});
    s.registerSpec = "postgresql:host=127.0.0.1 port=5432 dbname=evakin user=evakin";
    CHECK(s.problems("x").empty());
    s.smtp.host = "mail.dinas.go.id";
    CHECK(fieldsOf(s.problems("x")) == std::vector<std::string>{"surel.alamat_pengirim"});
}

TEST_CASE("a damaged pengaturan.json is named with each wrong key and kind", "[settings]")
{
    TempDir dir;
    const auto file = dir.path / "pengaturan.json";
    write(file, R"({"format": 1, "nama_ptugas": "x", "register": 5,
                  "surel": {"server": "mail.dinas.go.id", "port": "587", "keamanan": "tls"},
                  "pop3": {"hapus_dari_server": "ya"}})");
    const auto before = hashTree(dir.path);
    const auto p = problemsOf([&] { loadOfficeSettings(file); });
    CHECK(fieldsOf(p) == std::vector<std::string>{"nama_ptugas", "register", "surel.port", "surel.keamanan",
                                                  "pop3.hapus_dari_server"});
    CHECK(p[0].message.id.find("tidak dikenal") != std::string::npos);
    CHECK(p[2].message.en.find("whole number") != std::string::npos);
    CHECK(hashTree(dir.path) == before);   // the reader never rewrites what it reads

    write(file, "{\"format\": 2}");
    CHECK(fieldsOf(problemsOf([&] { loadOfficeSettings(file); })) == std::vector<std::string>{"format"});
    write(file, "{\"register\": ");
    const auto broken = problemsOf([&] { loadOfficeSettings(file); });
    REQUIRE(broken.size() == 1);
    CHECK(broken[0].file == "pengaturan.json");
    CHECK(broken[0].message.en.find("cannot be read") != std::string::npos);
    // A well-typed value that is still wrong is named too.
    write(file, R"({"surel": {"server": "mail.dinas.go.id", "port": 0, "alamat_pengirim": "a@b.id"}})");
    CHECK(fieldsOf(problemsOf([&] { loadOfficeSettings(file); })) == std::vector<std::string>{"surel.port"});
}

TEST_CASE("the register comes from the flag, else EVAKIN_REGISTER, else the settings, else the default",
          "[settings]")
{
    TempDir dir;
    const auto file = dir.path / "pengaturan.json";
    const ScopedEnv settings("EVAKIN_SETTINGS", file.u8string());
    const ScopedEnv reg("EVAKIN_REGISTER", "");
    CHECK(officeSettingsFile() == file);
    const std::string fromSettings = (dir.path / "kantor.sqlite").u8string();
    CHECK(officeRegisterLocation().target != fromSettings);   // no file: the default
    OfficeSettings s;
    s.registerSpec = fromSettings;
    s.staffName = "Budi";
    saveOfficeSettings(s);
    CHECK(officeRegisterLocation().target == fromSettings);
    CHECK(officeRegisterLocation((dir.path / "flag.sqlite").u8string()).target == (dir.path / "flag.sqlite").u8string());
    {
        const ScopedEnv env("EVAKIN_REGISTER", (dir.path / "env.sqlite").u8string());
        CHECK(officeRegisterLocation().target == (dir.path / "env.sqlite").u8string());
    }
    CHECK(officeStaffName() == "Budi");
    CHECK(officeStaffName("Ani") == "Ani");
}
