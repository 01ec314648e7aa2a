#include <catch2/catch.hpp>

#include <fstream>

#include "letters/register.hpp"
#include "io/sheet_reader.hpp"
#include "letters/test_register_support.hpp"

using namespace evakin;
using evakin::test::entry;
using evakin::test::RegisterFixture;

// Poco 1.11's PostgreSQL SessionHandle::connect never frees the PGconn of a
// failed connection (its disconnect() only PQfinish()es a connected one). The
// unreachable-server test triggers it on purpose; keep LeakSanitizer (ASan
// runs of the unit tests) from failing the whole binary for that library bug.
extern "C" const char* __lsan_default_suppressions() { return "leak:Poco::Data::PostgreSQL::SessionHandle::connect\n"; }

namespace {

// The problem fields of an Error thrown by f, or a failure when nothing is thrown.
template <class F> std::vector<std::string> errorFields(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        std::vector<std::string> fields;
        for (const auto& p : e.problems()) fields.push_back(p.field);
        return fields;
    }
    FAIL("no Error thrown");
    return {};
}

}   // namespace

TEST_CASE("register numbers follow the pattern and restart each calendar year", "[register]")
{
    RegisterFixture fx;
    Register reg = fx.open();
    CHECK(reg.issue(entry("2020-12-30")).number == "000.7.5/1/DPMPTSP/2020");
    CHECK(reg.issue(entry("2020-12-31")).number == "000.7.5/2/DPMPTSP/2020");
    const RegisterEntry jan = reg.issue(entry("2021-01-02"));
    CHECK(jan.seq == 1);
    CHECK(jan.number == "000.7.5/1/DPMPTSP/2021");
    CHECK(reg.issue(entry("2020-12-31")).seq == 3);   // a late 2020 letter continues 2020's sequence
    CHECK(reg.list(2020).size() == 3);
    CHECK(reg.list(2021).size() == 1);
    CHECK(reg.list().size() == 4);
}

TEST_CASE("one sequence for all kinds, or one per classification code", "[register]")
{
    RegisterFixture fx;
    SECTION("global")
    {
        Register reg = fx.open();
        CHECK(reg.issue(entry("2026-04-01", "000.7.5")).seq == 1);
        CHECK(reg.issue(entry("2026-04-01", "000.1.5")).seq == 2);
        CHECK(reg.issue(entry("2026-04-01", "000.7.5")).number == "000.7.5/3/DPMPTSP/2026");
    }
    SECTION("per classification")
    {
        RegisterSettings s;
        s.perClassification = true;
        s.pattern = "{klasifikasi}/{urut}/{kode_unit}/{bulan_romawi}/{tahun}";
        Register reg = fx.open(s);
        CHECK(reg.issue(entry("2026-04-01", "000.7.5")).number == "000.7.5/1/DPMPTSP/IV/2026");
        CHECK(reg.issue(entry("2026-04-01", "000.1.5")).number == "000.1.5/1/DPMPTSP/IV/2026");
        CHECK(reg.issue(entry("2026-11-01", "000.7.5")).number == "000.7.5/2/DPMPTSP/XI/2026");
    }
}

TEST_CASE("reserve, complete and void keep every number", "[register]")
{
    RegisterFixture fx;
    Register reg = fx.open();
    const RegisterEntry a = reg.reserve(entry("2026-04-01"));
    CHECK(a.status == "reserved");
    const RegisterEntry done = reg.complete(a.id, "/arsip/a.odt", std::string(64, 'a'));
    CHECK(done.status == "issued");
    CHECK(done.path == "/arsip/a.odt");
    const RegisterEntry b = reg.reserve(entry("2026-04-02"));
    const RegisterEntry voided = reg.voidEntry(b.id, "batal kirim");
    CHECK(voided.status == "void");
    CHECK(voided.voidReason == "batal kirim");
    CHECK(!voided.voidAt.empty());
    CHECK(reg.issue(entry("2026-04-03")).seq == 3);                          // the void number is never reused
    CHECK(errorFields([&] { reg.complete(b.id, "x", "y"); }).size() == 1);   // a void entry cannot be completed
    CHECK(errorFields([&] { reg.voidEntry(b.id, "lagi"); }).size() == 1);    // nor voided twice
    CHECK(errorFields([&] { reg.voidNumber("000.7.5/3/DPMPTSP/2026", 0, " "); }) == std::vector<std::string>{"alasan"});
    CHECK(errorFields([&] { reg.voidNumber("999/9/X/2026", 0, "x"); }) == std::vector<std::string>{"nomor"});
    CHECK(reg.voidNumber("000.7.5/3/DPMPTSP/2026", 2026, "ganda").status == "void");

    // Reopening keeps everything (schema created once, not twice).
    Register again = fx.open();
    const auto all = again.list(2026);
    REQUIRE(all.size() == 3);
    CHECK(all[0].status == "issued");
    CHECK(all[1].status == "void");
    CHECK(all[2].voidReason == "ganda");
}

TEST_CASE("void and export round-trip through the Buku Agenda workbook", "[register]")
{
    RegisterFixture fx;
    Register reg = fx.open();
    reg.issue(entry("2026-01-05", "000.7.5", "Laporan Evaluasi Kinerja Triwulan IV Tahun 2025"));
    const RegisterEntry b = reg.issue(entry("2026-01-06", "000.1.5", "Undangan rapat"));
    reg.issue(entry("2025-12-30"));   // another year: not in the 2026 book
    reg.voidNumber(b.number, 2026, "rapat ditunda");

    const auto file = fx.tmp.path / "buku-agenda.ods";
    const ExportResult r = exportBukuAgenda(reg, 2026, file, "Dinas Contoh");
    CHECK(r.entries == 2);
    CHECK(r.voided == 1);
    CHECK(r.toJson().find("\"void\":1") != std::string::npos);

    const Workbook wb = readWorkbook(file);
    REQUIRE(wb.sheets.size() == 1);
    const Sheet& s = wb.sheets.front();
    std::size_t header = 0;
    while (header < s.rows.size() && s.at(header, 0).text != "No") ++header;
    REQUIRE(header < s.rows.size());
    CHECK(s.at(1, 0).text == "Dinas Contoh");
    CHECK(s.at(header + 1, 2).text == "000.7.5/1/DPMPTSP/2026");
    CHECK(s.at(header + 1, 7).text == "Laporan Evaluasi Kinerja Triwulan IV Tahun 2025");
    CHECK(s.at(header + 2, 2).text == b.number);
    CHECK(s.at(header + 2, 10).text.find("BATAL: rapat ditunda") == 0);
    CHECK(s.at(header + 3, 2).text.empty());
    // "Dibuat oleh" is who made the letter; the archive path and digest are not the staff's columns.
    CHECK(s.at(header, 9).text == "Dibuat oleh");
    CHECK(s.at(header + 1, 9).text == "uji");
    CHECK(s.at(header, 10).text == "Keterangan");
    CHECK(s.at(header, 11).text.empty());
    CHECK(s.at(header + 1, 11).text.empty());

    if (!std::string(EVAKIN_ODF_VALIDATE).empty() && std::ifstream(EVAKIN_ODF_VALIDATE))
        CHECK(std::system((std::string(EVAKIN_ODF_VALIDATE) + " '" + file.string() + "'").c_str()) == 0);
}

TEST_CASE("bad register input gives clear errors naming the field", "[register]")
{
    RegisterFixture fx;
    RegisterSettings noSeq;
    noSeq.pattern = "{klasifikasi}/{kode_unit}/{tahun}";
    CHECK(errorFields([&] { fx.open(noSeq); }) == std::vector<std::string>{"pola_nomor"});
    RegisterSettings unknown;
    unknown.pattern = "{klasifikasi}/{urut}/{nomor}";
    CHECK(errorFields([&] { fx.open(unknown); }) == std::vector<std::string>{"pola_nomor"});

    Register reg = fx.open();
    CHECK(errorFields([&] { reg.issue(entry("2026-04-01", "999")); }) == std::vector<std::string>{"klasifikasi"});
    CHECK(errorFields([&] { reg.issue(entry("2026-04-01", "000.7.5", "  ")); }) == std::vector<std::string>{"perihal"});
    CHECK(errorFields([&] { reg.issue(entry("2026-02-30")); }) == std::vector<std::string>{"tanggal"});
    CHECK(reg.list().empty());   // nothing was taken

    // Settings file: a pattern without {urut} is refused when read, naming the file.
    std::filesystem::create_directories(fx.location.settingsFile.parent_path());
    std::ofstream(fx.location.settingsFile) << R"({"pola_nomor": "{klasifikasi}/{tahun}"})";
    try {
        Register::open(fx.location);
        FAIL("pattern without {urut} accepted");
    } catch (const Error& e) {
        CHECK(e.problems().front().file == "register.json");
        CHECK(e.render(Lang::en).find("{urut}") != std::string::npos);
    }
    RegisterSettings round;
    round.classifications = {"000.8.3.3", "000.7.5", "000.1.5", "090"};
    round.perClassification = true;
    saveRegisterSettings(round, fx.location.settingsFile);
    const RegisterSettings back = loadRegisterSettings(fx.location.settingsFile);
    CHECK(back.classifications == round.classifications);
    CHECK(back.perClassification);
}

TEST_CASE("an unwritable data folder or an unreachable server is a clear error", "[register]")
{
    evakin::test::TempDir tmp;
    std::ofstream(tmp.path / "berkas") << "bukan folder";
    RegisterLocation loc;
    loc.target = (tmp.path / "berkas" / "register.sqlite").u8string();   // a file where the folder should be
    try {
        Register::open(loc, RegisterSettings{});
        FAIL("opened a register below a file");
    } catch (const Error& e) {
        CHECK(e.problems().front().field == "register");
        CHECK(e.render(Lang::id).find("Folder data register") != std::string::npos);
    }
    RegisterLocation pg;
    pg.kind = RegisterLocation::Kind::postgresql;
    pg.target = "host=127.0.0.1 port=1 dbname=evakin user=evakin connect_timeout=2";
    RegisterSettings quick;
    quick.busyTimeoutMs = 1000;
    try {
        Register::open(pg, quick);
        FAIL("connected to port 1");
    } catch (const Error& e) {
        CHECK(e.render(Lang::en).find("cannot be reached") != std::string::npos);
    }
}

TEST_CASE("register locations resolve from the option, the environment and the default", "[register]")
{
    const RegisterLocation pg =
        resolveRegisterLocation("postgresql:host=db port=5433 dbname=evakin user=evakin password=rahasia");
    CHECK(pg.kind == RegisterLocation::Kind::postgresql);
    CHECK(pg.target == "host=db port=5433 dbname=evakin user=evakin password=rahasia");
    CHECK(pg.display().find("rahasia") == std::string::npos);
    const RegisterLocation file = resolveRegisterLocation("sqlite:/srv/arsip/register.sqlite");
    CHECK(file.kind == RegisterLocation::Kind::sqlite);
    CHECK(file.target == "/srv/arsip/register.sqlite");
    CHECK(file.settingsFile == std::filesystem::path("/srv/arsip/register.json"));
    CHECK(formatLetterNumber("B-{urut}/{kode_unit}/{bulan}/{tahun}", NumberParts{"000.7.5", 235, "DPMPTSP", 2020, 3}) ==
          "B-235/DPMPTSP/03/2020");
}
