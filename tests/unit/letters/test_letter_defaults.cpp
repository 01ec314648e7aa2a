#include <catch2/catch.hpp>

#include "io/files.hpp"
#include "io/zip_reader.hpp"
#include "letters/letter_defaults.hpp"
#include "letters/test_register_support.hpp"
#include "model/sample.hpp"
#include "report/report.hpp"

using namespace evakin;
using evakin::test::RegisterFixture;

namespace {

std::string contentXml(const std::filesystem::path& file)
{
    const std::string bytes = readFile(file);
    ZipReader zip(bytes, file.filename().u8string());
    return zip.read("content.xml", 16u << 20);
}

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

}   // namespace

TEST_CASE("the letter defaults are decided once for every door", "[letter][defaults]")
{
    const Profile p = sampleProfile();
    const Period period{2026, 2, "2026-07-10"};
    const RegisterSettings settings;

    SECTION("cover letter")
    {
        LetterRequest r;
        r.date = "2026-07-08";
        r.extraItems = {LetterItem{"Rekapitulasi", "2 eksemplar", ""}};
        const LetterRequest c = completeLetterRequest(r, p, period, settings);
        CHECK(c.classification == "000.7.5");
        CHECK(*c.subject == "Laporan Evaluasi Kinerja Triwulan II Tahun 2026");
        REQUIRE(c.items);
        REQUIRE(c.items->size() == 2);
        CHECK(c.items->front().naskah == "Laporan Evaluasi Kinerja Triwulan II Tahun 2026");
        CHECK(c.items->front().banyaknya == "1 (satu) berkas");
        CHECK(c.items->back().naskah == "Rekapitulasi");
        CHECK(c.extraItems.empty());   // folded into the table: never added twice
        CHECK(c.addressee == p.bappeda.jabatan);
        CHECK(c.addresseePlace == "Pangkalpinang");
        CHECK(c.lampiran == "2 berkas");
        CHECK(c.sifat == "Biasa");
        CHECK(!c.createdBy.empty());
        // Completing twice changes nothing: a dialog's request goes through it again.
        const LetterRequest again = completeLetterRequest(c, p, period, settings);
        CHECK(again.items->size() == 2);
        CHECK(again.lampiran == c.lampiran);
    }
    SECTION("invitation")
    {
        LetterRequest r;
        r.kind = LetterKind::undangan;
        r.date = "2026-03-30";
        const LetterRequest c = completeLetterRequest(r, p, period, settings);
        CHECK(c.classification == "000.7.5");
        CHECK(c.meetingDate == "2026-04-06");   // a week after the letter
        CHECK(c.meetingTime == "09.00 WIB s.d. selesai");
        CHECK(c.meetingPlace == "Ruang Rapat DPMPTSP");
        CHECK(c.agenda == "Pembahasan Evaluasi Kinerja Triwulan II Tahun 2026");
        CHECK(c.lampiran == "-");
        REQUIRE(c.invitees);
        // The Kepala Dinas signs and invites every unit head; he is not invited by his own letter.
        CHECK(c.signatory == "kepala");
        CHECK(*c.invitees == defaultInvitees(p, "kepala"));
        CHECK(c.invitees->size() == p.units.size());
        CHECK(c.invitees->front() == "Sekretaris");
        CHECK(signatoryWarnings(c, p).empty());
        // Signed by the Sekretaris on his behalf: she does not invite herself, nor him.
        r.signatory = "sekretaris";
        const LetterRequest an = completeLetterRequest(r, p, period, settings);
        CHECK(an.invitees->size() == p.units.size() - 1);
        CHECK(an.invitees->front() == "Kepala Bidang Perencanaan dan Promosi Penanaman Modal");
        CHECK(signatoryWarnings(an, p).empty());
        // The signer switched after the invitees were ticked for the Kepala Dinas: the Sekretaris would
        // invite herself.
        LetterRequest switched = c;
        switched.signatory = "sekretaris";
        REQUIRE(signatoryWarnings(switched, p).size() == 1);
        CHECK(signatoryWarnings(switched, p).front().id.find("mengundang Sekretaris") != std::string::npos);
        // Ticking the Kepala Dinas anyway is allowed, with a warning that says what practice is.
        r.invitees = possibleInvitees(p);
        const std::vector<Text> w = signatoryWarnings(completeLetterRequest(r, p, period, settings), p);
        REQUIRE(w.size() == 2);   // (signed by the Sekretaris, who is ticked too)
        CHECK(w.front().id.find("nota dinas") != std::string::npos);
    }
    SECTION("given values are kept")
    {
        LetterRequest r;
        r.kind = LetterKind::undangan;
        r.date = "2026-03-30";
        r.meetingDate = "2026-04-02";
        r.invitees = std::vector<std::string>{"Sekretaris"};
        r.signatory = "kepala";
        const LetterRequest c = completeLetterRequest(r, p, period, settings);
        CHECK(c.meetingDate == "2026-04-02");
        CHECK(*c.invitees == std::vector<std::string>{"Sekretaris"});
        CHECK(c.signatory == "kepala");
    }
}

TEST_CASE("the addressee's place comes from its address", "[letter][defaults]")
{
    CHECK(placeOfAddress("Kompleks Perkantoran Gubernur, Pangkalpinang", "X") == "Pangkalpinang");
    CHECK(placeOfAddress("Jl. Jenderal Sudirman No. 1, Sungailiat 33215", "X") == "Sungailiat");
    CHECK(placeOfAddress("Pangkalpinang", "X") == "Pangkalpinang");
    CHECK(placeOfAddress("", "Sungailiat") == "Sungailiat");
    CHECK(placeOfAddress("Jl. Merdeka, 33149", "Sungailiat") == "Sungailiat");
}

TEST_CASE("naskah rows and invitees typed on one line", "[letter][defaults]")
{
    const auto items = parseLetterItems("Laporan|2 eksemplar|asli|bertanda tangan; Rekap||;\n");
    REQUIRE(items.size() == 2);
    CHECK(items[0].naskah == "Laporan");
    CHECK(items[0].banyaknya == "2 eksemplar");
    CHECK(items[0].keterangan == "asli|bertanda tangan");
    CHECK(items[1].banyaknya == "1 (satu) berkas");
    try {
        parseLetterItems("|2 eksemplar", "Naskah");
        FAIL("a row without naskah accepted");
    } catch (const Error& e) {
        CHECK(e.problems().front().field == "Naskah");
    }
    CHECK(parseLetterList("Sekretaris; ;Kepala Bidang A\nKepala Bidang B") ==
          std::vector<std::string>{"Sekretaris", "Kepala Bidang A", "Kepala Bidang B"});
}

TEST_CASE("a proposal shows the number it will take without taking it", "[letter][defaults]")
{
    RegisterFixture fx;
    const auto ws = fx.tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    Register reg = fx.open();
    LetterRequest req;
    req.workspaceDir = ws;
    req.date = "2026-04-08";

    LetterProposal p = proposeLetter(req, reg);
    CHECK(p.number == "000.7.5/1/DPMPTSP/2026");
    CHECK(p.periodLabel == "Triwulan I Tahun 2026");
    CHECK(p.classifications == reg.settings().classifications);
    CHECK_FALSE(p.reportDrafted);   // no draft report in a fresh workspace
    CHECK(p.reportFile.filename() == reportFileName(2026, 1));
    CHECK(proposeLetter(req, reg).number == "000.7.5/1/DPMPTSP/2026");   // peeking twice takes nothing
    CHECK(reg.list().empty());

    SECTION("checking takes no number either")
    {
        checkLetter(p.request, reg);
        CHECK(reg.list().empty());
        LetterRequest bad = p.request;
        bad.items = std::vector<LetterItem>{};
        CHECK_THROWS_AS(checkLetter(bad, reg), Error);
        CHECK(reg.list().empty());
    }
    SECTION("the proposal as shown is the letter written")
    {
        writeFileAtomically(p.reportFile, "draft");
        CHECK(proposeLetter(req, reg).reportDrafted);
        const LetterResult r = produceLetter(p.request, reg);
        CHECK(r.entry.number == p.number);
        CHECK(proposeLetter(req, reg).number == "000.7.5/2/DPMPTSP/2026");
        LetterRequest invitation = req;
        invitation.kind = LetterKind::undangan;
        const LetterProposal u = proposeLetter(invitation, reg);
        CHECK(u.number == "000.7.5/2/DPMPTSP/2026");   // one sequence for all codes by default
        CHECK(u.invitees.size() == sampleProfile().units.size() + 1);
        REQUIRE(u.signatories.size() == 2);
        CHECK(u.signatories.front().key == "kepala");   // the default signer comes first
    }
}

TEST_CASE("an invitation to the chosen invitees, signed by the chosen signatory", "[letter][defaults]")
{
    RegisterFixture fx;
    const auto ws = fx.tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    Register reg = fx.open();
    const Profile p = sampleProfile();
    LetterRequest req;
    req.workspaceDir = ws;
    req.kind = LetterKind::undangan;
    req.date = "2026-03-30";

    SECTION("no invitee takes no number")
    {
        req.invitees = std::vector<std::string>{};
        try {
            produceLetter(req, reg);
            FAIL("an invitation to nobody accepted");
        } catch (const Error& e) {
            CHECK(e.problems().front().field == "invitees");
        }
        CHECK(reg.list().empty());
    }
    SECTION("an unknown signatory takes no number")
    {
        req.signatory = "bupati";
        CHECK_THROWS_AS(produceLetter(req, reg), Error);
        CHECK(reg.list().empty());
    }
    SECTION("written as chosen")
    {
        req.invitees = std::vector<std::string>{"Kepala Bidang Promosi", "Sekretaris"};
        req.signatory = "kepala";
        const LetterResult r = produceLetter(req, reg);
        const std::string xml = contentXml(r.file);
        CHECK(contains(xml, "1. " + req.invitees->front()));
        CHECK(contains(xml, "2. Sekretaris"));
        CHECK_FALSE(contains(xml, "3. "));
        CHECK_FALSE(contains(xml, "a.n. "));
        CHECK(contains(xml, p.head.nama));
        CHECK(contains(xml, "Senin, 6 April 2026"));   // the default meeting, a week after the letter
        CHECK(r.entry.addressee == req.invitees->front() + "; Sekretaris");
    }
}

TEST_CASE("a cover letter with its own table and addressee", "[letter][defaults]")
{
    RegisterFixture fx;
    const auto ws = fx.tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    Register reg = fx.open();
    LetterRequest req;
    req.workspaceDir = ws;
    req.date = "2026-04-08";
    req.addressee = "Kepala Biro Organisasi";
    req.addresseePlace = "Sungailiat";
    req.items =
        std::vector<LetterItem>{{"Laporan A", "2 (dua) eksemplar", "asli"}, {"Laporan B", "1 (satu) berkas", ""}};
    const LetterResult r = produceLetter(req, reg);
    const std::string xml = contentXml(r.file);
    for (const char* s : {"Yth. Kepala Biro Organisasi", "Sungailiat", "Laporan A", "2 (dua) eksemplar", "Laporan B"})
        CHECK(contains(xml, s));
    CHECK_FALSE(contains(xml, "Dikirim dengan hormat"));        // the proposed report row was replaced
    CHECK_FALSE(contains(xml, sampleProfile().bappeda.nama));   // the receipt names BAPPEDA's head only for BAPPEDA
    CHECK(r.entry.addressee == "Kepala Biro Organisasi");
    CHECK(r.entry.attachments == "2 berkas");
}
