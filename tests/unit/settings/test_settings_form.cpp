// The Options pages' fields through the core: what is typed is saved where
// the core reads it, read back the same, every wrong field named, nothing
// written when one is wrong; new periods carry a workspace's settings forward.
#include <catch2/catch.hpp>

#include <Poco/Environment.h>

#include "io/files.hpp"
#include "letters/register.hpp"
#include "model/sample.hpp"
#include "period/next_period.hpp"
#include "report/report_data.hpp"
#include "settings/settings_form.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

// The office's settings and register of this test only (EVAKIN_SETTINGS, and a data folder of its own).
struct OfficeFixture {
    TempDir dir;
    std::string oldSettings = Poco::Environment::get("EVAKIN_SETTINGS", "");
    std::string oldRegister = Poco::Environment::get("EVAKIN_REGISTER", "");
    std::string oldRegisterSettings = Poco::Environment::get("EVAKIN_REGISTER_SETTINGS", "");
    std::string oldHome = Poco::Environment::get("HOME", "");
    OfficeFixture()
    {
        // The default register and its register.json live in <HOME>/.local/share/evakin: a
        // home of the test's own, so that neither the user's files nor an earlier case's count.
        Poco::Environment::set("HOME", (dir.path / "home").u8string() + "/");
        Poco::Environment::set("EVAKIN_SETTINGS", (dir.path / "pengaturan.json").u8string());
        Poco::Environment::set("EVAKIN_REGISTER", "");
        Poco::Environment::set("EVAKIN_REGISTER_SETTINGS", "");
    }
    ~OfficeFixture()
    {
        Poco::Environment::set("EVAKIN_SETTINGS", oldSettings);
        Poco::Environment::set("EVAKIN_REGISTER", oldRegister);
        Poco::Environment::set("EVAKIN_REGISTER_SETTINGS", oldRegisterSettings);
        Poco::Environment::set("HOME", oldHome);
    }
};

std::vector<std::string> fieldsOf(const std::vector<Problem>& problems)
{
    std::vector<std::string> out;
    for (const Problem& p : problems) out.push_back(p.field);
    return out;
}

}   // namespace

TEST_CASE("the register page saves the register and its numbering where the core reads them", "[settings]")
{
    OfficeFixture fx;
    RegisterForm f = loadRegisterForm();
    CHECK_FALSE(f.postgresql);
    CHECK(f.pattern == "{klasifikasi}/{urut}/{kode_unit}/{tahun}");
    f.sqliteFile = (fx.dir.path / "kantor" / "register.sqlite").u8string();
    f.pattern = "B-{urut}/{klasifikasi}/{kode_unit}/{bulan_romawi}/{tahun}";
    f.perClassification = true;
    f.unitCode = "DPMPTSP";
    f.classifications = "000.8.3.3, 005\n050 ; 070";
    f.defaultPengantar = "070";
    f.defaultUndangan = "005";
    saveRegisterForm(f);

    const RegisterLocation loc = officeRegisterLocation();
    CHECK(loc.target == f.sqliteFile);
    CHECK(loc.settingsFile == fx.dir.path / "kantor" / "register.json");
    Register reg = Register::open(loc);
    CHECK(reg.settings().classifications == std::vector<std::string>{"000.8.3.3", "005", "050", "070"});
    CHECK(reg.settings().defaultClassification.at("pengantar") == "070");
    CHECK(reg.settings().unitCode == "DPMPTSP");
    NewEntry e{"070", "pengantar", "2026-04-06", reg.settings().unitCode, "BAPPEDA", "Laporan", "", "Budi"};
    CHECK(reg.issue(e).number == "B-1/070/DPMPTSP/IV/2026");

    const RegisterForm back = loadRegisterForm();
    CHECK(back.sqliteFile == f.sqliteFile);
    CHECK(back.classifications == "000.8.3.3, 005, 050, 070");
    CHECK(back.perClassification);
}

TEST_CASE("a PostgreSQL register is kept without its password, and wrong fields save nothing", "[settings]")
{
    OfficeFixture fx;
    RegisterForm f = loadRegisterForm();
    f.postgresql = true;
    f.host = "db.dinas.go.id";
    f.port = "5433";
    f.database = "evakin kantor";
    f.user = "perencanaan";
    saveRegisterForm(f);
    const std::string text = readFile(fx.dir.path / "pengaturan.json");
    CHECK(text.find("host=db.dinas.go.id port=5433 dbname='evakin kantor' user=perencanaan") != std::string::npos);
    const RegisterForm back = loadRegisterForm();
    CHECK(back.postgresql);
    CHECK(back.database == "evakin kantor");
    CHECK(back.port == "5433");
    CHECK(registerPasswordKey(back) == "postgresql://db.dinas.go.id:5433/evakin kantor");
    CHECK(registerFormLocation(back, "rahasia").target.find("password=rahasia") != std::string::npos);
    CHECK(registerFormLocation(back, "rahasia").display().find("rahasia") == std::string::npos);
    // The commands find the stored password by the same key.
    const RegisterLogin login = registerLogin(officeRegisterLocation());
    CHECK(login.needsPassword);
    CHECK(login.key == registerPasswordKey(back));
    CHECK(login.user == "perencanaan");
    CHECK(withRegisterPassword(officeRegisterLocation(), "r s").target.find("password='r s'") != std::string::npos);

    const auto before = hashTree(fx.dir.path);
    f.host = "";
    f.port = "lima";
    f.pattern = "{klasifikasi}/{tahun}";
    f.classifications = "050, 0 5";
    f.defaultUndangan = "999";
    const auto p = problemsOf([&] { saveRegisterForm(f); });
    // The default pengantar code (000.7.5) is no longer in the list typed: named too.
    CHECK(fieldsOf(p) == std::vector<std::string>{"register.host", "register.port", "pola_nomor",
                                                  "klasifikasi_bawaan.pengantar", "klasifikasi_bawaan.undangan"});
    CHECK(hashTree(fx.dir.path) == before);
}

TEST_CASE("the general page saves the staff name, the workspace folder and both mail servers", "[settings]")
{
    OfficeFixture fx;
    GeneralForm f = loadGeneralForm();
    f.staffName = " Siti Aminah ";
    f.workspaceFolder = (fx.dir.path / "Evaluasi").u8string();
    f.smtpHost = "mail.dinas.go.id";
    f.smtpSecurity = MailSecurity::starttls;
    f.smtpPort = "";   // the usual port of STARTTLS
    f.smtpUser = "perencanaan";
    f.fromAddress = "perencanaan@dinas.go.id";
    f.pop3Host = "mail.dinas.go.id";
    f.pop3Port = "995";
    f.pop3Delete = true;
    saveGeneralForm(f);
    const OfficeSettings s = loadOfficeSettings();
    CHECK(s.staffName == "Siti Aminah");
    CHECK(officeStaffName() == "Siti Aminah");
    CHECK(s.smtp.port == 587);
    CHECK(s.smtp.security == MailSecurity::starttls);
    CHECK(s.pop3.deleteFromServer);

    const auto before = hashTree(fx.dir.path);
    f.smtpPort = "58x";
    f.fromAddress = "";
    f.pop3Port = "99999";
    const auto p = problemsOf([&] { saveGeneralForm(f); });
    CHECK(fieldsOf(p) == std::vector<std::string>{"surel.port", "surel.alamat_pengirim", "pop3.port"});
    CHECK(hashTree(fx.dir.path) == before);
}

TEST_CASE("the evaluation page writes penilaian.json and laporan.json, read back by the core and carried forward",
          "[settings]")
{
    TempDir tmp;
    const Workspace ws = createSampleWorkspace(tmp.path / "tw1", 2026, 1);
    EvaluationForm f = loadEvaluationForm(ws.dir);
    REQUIRE(f.bands.size() == 5);
    CHECK(f.bands[0].min == "91");
    f.bands = {{"90", "Sangat Baik", "Very good"}, {"75", "Baik", ""}, {"", "", ""}, {"0", "Kurang", "Poor"}};
    f.goodFrom = "75";
    f.negative = NegativeFormula::inverse;
    f.dasarHukum = "Peraturan Gubernur Nomor 1 Tahun 2026;\n\nUndang-Undang Nomor 23 Tahun 2014;\n";
    f.city = "Pangkalpinang";
    saveEvaluationForm(ws.dir, f);

    const EvaluationConfig c = loadEvaluationConfig(ws.dir);
    REQUIRE(c.bands.size() == 3);
    CHECK(c.bands[1].label == "Baik");
    CHECK(c.bands[1].labelEn == "Baik");
    CHECK(c.goodFrom == 75);
    CHECK(c.negative == NegativeFormula::inverse);
    const report::Options o = report::loadOptions(ws.dir);
    CHECK(o.dasarHukum ==
          std::vector<std::string>{"Peraturan Gubernur Nomor 1 Tahun 2026;", "Undang-Undang Nomor 23 Tahun 2014;"});
    CHECK(o.city == "Pangkalpinang");

    // The next period starts with the same bands, formula, dasar hukum and city.
    std::filesystem::create_directories(ws.results());
    writeFileAtomically(ws.results() / "evaluasi.json", R"({"format":1,"year":2026,"triwulan":1,"units":[]})");
    createNextWorkspace(ws.dir, tmp.path / "tw2");
    CHECK(loadEvaluationConfig(tmp.path / "tw2").bands.size() == 3);
    CHECK(report::loadOptions(tmp.path / "tw2").city == "Pangkalpinang");

    SECTION("wrong fields are named and nothing is written")
    {
        const auto before = hashTree(ws.dir);
        f.bands = {{"90", "Sangat Baik", ""}, {"95", "", ""}, {"sembilan", "Cukup", ""}};
        f.goodFrom = "x";
        f.city = "Pangkal\npinang";
        const auto p = problemsOf([&] { saveEvaluationForm(ws.dir, f); });
        CHECK(fieldsOf(p) == std::vector<std::string>{"predikat 2", "predikat 2", "predikat 3", "goodFrom", "kota"});
        CHECK(p[0].file == "penilaian.json");
        CHECK(p.back().file == "laporan.json");
        CHECK(hashTree(ws.dir) == before);
    }
    SECTION("no dasar hukum means the built-in list")
    {
        f.dasarHukum = " \n";
        saveEvaluationForm(ws.dir, f);
        CHECK(report::loadOptions(ws.dir).dasarHukum == report::defaultDasarHukum());
    }
}
