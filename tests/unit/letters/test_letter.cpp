#include <catch2/catch.hpp>

#include <Poco/Data/Session.h>

#include <fstream>

#include "io/files.hpp"
#include "letters/letter.hpp"
#include "letters/letter_defaults.hpp"
#include "model/sample.hpp"
#include "letters/test_register_support.hpp"
#include "io/zip_reader.hpp"

using namespace evakin;
using evakin::test::RegisterFixture;
using evakin::test::sha256File;

namespace {

std::string contentXml(const std::filesystem::path& file)
{
    const std::string bytes = readFile(file);
    ZipReader zip(bytes, file.filename().u8string());
    return zip.read("content.xml", 16u << 20);
}

std::size_t odtFiles(const std::filesystem::path& dir)
{
    std::size_t n = 0;
    if (std::filesystem::exists(dir))
        for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.path().extension() == ".odt" ? 1 : 0;
    return n;
}

void validate(const std::filesystem::path& file)
{
    if (std::ifstream(EVAKIN_ODF_VALIDATE))
        CHECK(std::system((std::string(EVAKIN_ODF_VALIDATE) + " '" + file.string() + "'").c_str()) == 0);
}

}   // namespace

TEST_CASE("a cover letter is written, numbered and recorded with its path and hash", "[letter]")
{
    RegisterFixture fx;
    const auto ws = fx.tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 2);
    Register reg = fx.open();
    LetterRequest req;
    req.workspaceDir = ws;
    req.date = "2026-07-08";
    req.extraItems = {LetterItem{"Rekapitulasi Capaian Kinerja", "1 (satu) eksemplar", ""}};
    req.createdBy = "kasubag";
    const LetterResult r = produceLetter(req, reg);

    CHECK(r.entry.number == "000.7.5/1/DPMPTSP/2026");
    CHECK(r.entry.status == "issued");
    CHECK(r.entry.createdBy == "kasubag");
    CHECK(r.entry.subject == "Laporan Evaluasi Kinerja Triwulan II Tahun 2026");
    REQUIRE(std::filesystem::exists(r.file));
    CHECK(r.entry.path == std::filesystem::absolute(r.file).u8string());
    CHECK(r.entry.sha256 == sha256File(r.file));
    CHECK(reg.list(2026).front().sha256 == r.entry.sha256);

    const std::string xml = contentXml(r.file);
    const Profile p = sampleProfile();
    for (const std::string& s :
         {std::string("SURAT PENGANTAR"), std::string("Nomor: 000.7.5/1/DPMPTSP/2026"), "Yth. " + p.bappeda.jabatan,
          std::string("Laporan Evaluasi Kinerja Triwulan II Tahun 2026"), std::string("Rekapitulasi Capaian Kinerja"),
          std::string("Diterima tanggal"), p.head.nama, "NIP " + p.head.nip, "Telepon " + p.telephone,
          p.kopLines.front(), std::string("8 Juli 2026"), p.head.pangkat, std::string("Pangkalpinang"),
          std::string("Sifat"), std::string("Biasa"), std::string("Lampiran"), std::string("Hal")})
        CHECK(xml.find(s) != std::string::npos);
    CHECK(xml.find("{") == std::string::npos);   // every placeholder filled
    validate(r.file);
}

TEST_CASE("a meeting invitation lists the head and the unit heads", "[letter]")
{
    RegisterFixture fx;
    const auto ws = fx.tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    Register reg = fx.open();
    LetterRequest req;
    req.workspaceDir = ws;
    req.kind = LetterKind::undangan;
    req.date = "2026-03-30";
    SECTION("a meeting date that is not a date takes no number")
    {
        req.meetingDate = "2026-04-31";
        try {
            produceLetter(req, reg);
            FAIL("a bad meeting date accepted");
        } catch (const Error& e) {
            CHECK(e.problems().front().field == "meeting-date");
        }
        CHECK(reg.list().empty());
    }
    SECTION("written")
    {
        req.meetingDate = "2026-04-02";
        req.meetingPlace = "Aula Lantai 2";
        const LetterResult r = produceLetter(req, reg);
        CHECK(r.entry.number == "000.7.5/1/DPMPTSP/2026");
        const std::string xml = contentXml(r.file);
        // Signed by the Kepala Dinas, who convenes the meeting; he is not among those it invites.
        for (const char* s :
             {"Kamis, 2 April 2026", "Aula Lantai 2", "1. Sekretaris",
              "2. Kepala Bidang Perencanaan dan Promosi Penanaman Modal", "Kepala Dinas,",
              "Dr. Ir. Hendra Wijaya, M.Si.", "Pembina Utama Muda (IV/c)", "Pangkalpinang, 30 Maret 2026",
              "000.7.5/1/DPMPTSP/2026", "Pembahasan Evaluasi Kinerja Triwulan I Tahun 2026",
              "Laman dpmptsp.example.go.id Pos-el dpmptsp@example.go.id"})
            CHECK(xml.find(s) != std::string::npos);
        CHECK(xml.find("a.n. Kepala Dinas") == std::string::npos);
        CHECK(xml.find("1. Kepala Dinas") == std::string::npos);
        CHECK(r.warnings.empty());
        CHECK(xml.find("{") == std::string::npos);
        validate(r.file);
    }
}

// A 40x48 PNG: enough for the kop's frame to take the emblem's proportions.
std::string tinyPng()
{
    static const unsigned char bytes[] = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D,
                                          0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x30,
                                          0x08, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                          0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

TEST_CASE("the kop carries the lambang daerah set in the profile, embedded in the package", "[letter]")
{
    RegisterFixture fx;
    const auto ws = fx.tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    Profile p = loadProfile(ws / "profil.json");
    p.lambang = "lambang-babel.png";
    saveProfile(p, ws / "profil.json");
    Register reg = fx.open();
    LetterRequest req;
    req.workspaceDir = ws;
    req.date = "2026-04-08";
    SECTION("a missing image is named and takes no number")
    {
        try {
            produceLetter(req, reg);
            FAIL("a missing emblem accepted");
        } catch (const Error& e) {
            CHECK(e.problems().front().field == "office.lambang");
            CHECK(e.render(Lang::id).find("lambang-babel.png") != std::string::npos);
        }
        CHECK(reg.list().empty());
    }
    SECTION("embedded")
    {
        writeFileAtomically(ws / "lambang-babel.png", tinyPng());
        const LetterResult r = produceLetter(req, reg);
        const std::string bytes = readFile(r.file);
        ZipReader zip(bytes, r.file.filename().u8string());
        CHECK(zip.read("Pictures/lambang.png", 1u << 20) == tinyPng());
        CHECK(zip.read("META-INF/manifest.xml", 1u << 20).find("Pictures/lambang.png") != std::string::npos);
        const std::string xml = contentXml(r.file);
        CHECK(xml.find("xlink:href=\"Pictures/lambang.png\"") != std::string::npos);
        CHECK(xml.find("svg:height=\"2.20cm\"") != std::string::npos);
        CHECK(xml.find("svg:width=\"1.83cm\"") != std::string::npos);   // 40:48
        CHECK(xml.find(p.kopLines.front()) != std::string::npos);
        validate(r.file);
    }
}

TEST_CASE("a profil.json from before the kop, pangkat and BAPPEDA city fields still reads", "[letter][profile]")
{
    evakin::test::TempDir tmp;
    const auto file = tmp.path / "profil.json";
    writeFileAtomically(file, R"({"format": 1, "office": {"name": "Dinas Contoh", "shortName": "DC",
        "kop": ["PEMERINTAH PROVINSI CONTOH"], "address": "Jl. Contoh 1, Sungailiat 33215", "city": "Sungailiat"},
        "head": {"jabatan": "Kepala Dinas", "nama": "Budi", "nip": ""},
        "units": [{"code": "SEKR", "name": "Sekretariat", "head": {"jabatan": "Sekretaris", "nama": "Sri", "nip": ""}}],
        "bappeda": {"jabatan": "Kepala BAPPEDA", "nama": "", "nip": "", "address": "Jl. Merdeka 2, Pangkalpinang 33149"}})");
    const Profile p = loadProfile(file);
    CHECK(p.head.pangkat.empty());
    CHECK(p.lambang.empty());
    CHECK(p.email.empty());
    CHECK(p.bappedaCity.empty());
    // "di ..." is BAPPEDA's place, not the office's own city.
    LetterRequest r;
    const LetterRequest c = completeLetterRequest(r, p, Period{2026, 1, "2026-04-10"}, RegisterSettings{});
    CHECK(c.addresseePlace == "Pangkalpinang");
}

TEST_CASE("bad letter input takes no number and writes nothing", "[letter]")
{
    RegisterFixture fx;
    const auto ws = fx.tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    Register reg = fx.open();
    LetterRequest req;
    req.workspaceDir = ws;
    req.subject = "";
    req.classification = "123.4";
    try {
        produceLetter(req, reg);
        FAIL("bad input accepted");
    } catch (const Error& e) {
        std::vector<std::string> fields;
        for (const auto& p : e.problems()) fields.push_back(p.field);
        CHECK(fields == std::vector<std::string>{"subject", "klasifikasi"});
        CHECK(e.render(Lang::en).find("Unknown classification code \"123.4\"") != std::string::npos);
    }
    CHECK_THROWS_AS(letterKindFromString("memo"), Error);
    CHECK(reg.list().empty());
    CHECK(odtFiles(ws / "hasil") == 0);
}

TEST_CASE("a failure while producing voids the reserved number with the reason", "[letter]")
{
    RegisterFixture fx;
    const auto ws = fx.tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    Register reg = fx.open();
    LetterRequest req;
    req.workspaceDir = ws;
    req.date = "2026-04-08";
    // The results folder disappears (a file takes its place) after the number is taken.
    req.afterReserve = [&](const RegisterEntry&) {
        std::filesystem::remove_all(ws / "hasil");
        std::ofstream(ws / "hasil") << "bukan folder";
    };
    try {
        produceLetter(req, reg);
        FAIL("letter written into a file");
    } catch (const Error& e) {
        CHECK(e.render(Lang::en).find("000.7.5/1/DPMPTSP/2026 could not be produced") != std::string::npos);
        CHECK(e.render(Lang::en).find("VOID") != std::string::npos);
    }
    const auto entries = reg.list(2026);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == "void");
    CHECK(entries[0].voidReason.find("Gagal membuat surat") == 0);

    // The next letter takes the next number; the void one is never reused.
    std::filesystem::remove(ws / "hasil");
    req.afterReserve = nullptr;
    CHECK(produceLetter(req, reg).entry.seq == 2);
}

TEST_CASE("a locked register gives a clear error and no letter", "[letter]")
{
    RegisterFixture fx;
    const auto ws = fx.tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    RegisterSettings quick;
    quick.busyTimeoutMs = 300;
    Register reg = fx.open(quick);
    // Another writer holds the register.
    Poco::Data::Session other(fx.location.kind == RegisterLocation::Kind::sqlite ? "sqlite" : "postgresql",
                              fx.location.target);
    if (fx.location.kind == RegisterLocation::Kind::sqlite) {
        other << "BEGIN EXCLUSIVE", Poco::Data::Keywords::now;
    } else {
        other.begin();
        other << "LOCK TABLE letter_counter IN ACCESS EXCLUSIVE MODE", Poco::Data::Keywords::now;
    }
    LetterRequest req;
    req.workspaceDir = ws;
    try {
        produceLetter(req, reg);
        FAIL("letter produced while the register was locked");
    } catch (const Error& e) {
        CHECK(e.render(Lang::en).find("locked by another user") != std::string::npos);
    }
    CHECK(odtFiles(ws / "hasil") == 0);
    if (fx.location.kind == RegisterLocation::Kind::sqlite)
        other << "ROLLBACK", Poco::Data::Keywords::now;
    else
        other.rollback();
    CHECK(reg.list().empty());
    CHECK(produceLetter(req, reg).entry.seq == 1);   // usable again once released
}
