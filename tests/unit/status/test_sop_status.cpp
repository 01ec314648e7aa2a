// The SOP status of a workspace driven through the steps with the real core
// commands (distribute, returns as units make them, collect, report, letters,
// the next period): each step's state and detail, the next step and which
// toolbar commands make sense, read from the files only.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>

#include <fstream>

#include "collect/collect.hpp"
#include "collect/test_collect_support.hpp"
#include "distribute/distribute.hpp"
#include "letters/letter.hpp"
#include "letters/test_register_support.hpp"
#include "period/next_period.hpp"
#include "report/report.hpp"
#include "status/sop_status.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

const SopStep& step(const SopStatus& s, int n) { return s.steps.at(static_cast<std::size_t>(n - 1)); }

bool enabled(const SopStatus& s, const std::string& url)
{
    const CommandState* c = s.command(url);
    REQUIRE(c != nullptr);
    return c->enabled;
}

std::string why(const SopStatus& s, const std::string& url) { return s.command(url)->why; }

}   // namespace

TEST_CASE("a workspace walks through the SOP and its status follows every step", "[status]")
{
    RegisterFixture fx;
    const auto dir = fx.tmp.path / "2026-tw1";
    createSampleWorkspace(dir, 2026, 1);
    const auto before = hashTree(dir);

    SopStatus s = sopStatus(dir, Lang::id);
    CHECK(hashTree(dir) == before);   // status only reads
    REQUIRE(s.steps.size() == 14);
    CHECK(s.period == "Triwulan I Tahun 2026");
    CHECK(step(s, 1).state == StepState::manual);
    CHECK(step(s, 1).executor == "Kepala Dinas");
    CHECK(step(s, 1).timeStandard == "5 menit");
    CHECK(step(s, 8).timeStandard == "2 jam");
    CHECK(step(s, 2).state == StepState::todo);
    CHECK(step(s, 2).command == "org.evakin:Distribute");
    CHECK(s.nextStep == 2);
    CHECK_FALSE(enabled(s, "org.evakin:Collect"));
    CHECK(why(s, "org.evakin:Collect").find("Bagikan Format dulu") != std::string::npos);
    CHECK_FALSE(enabled(s, "org.evakin:Correct"));
    CHECK_FALSE(enabled(s, "org.evakin:NextPeriod"));
    CHECK_FALSE(enabled(s, "org.evakin:Letter?Kind=pengantar"));
    for (const char* always : {"org.evakin:Workspace", "org.evakin:Profile", "org.evakin:Register", "org.evakin:Help",
                               "org.evakin:Distribute", "org.evakin:Letter?Kind=undangan"})
        CHECK(enabled(s, always));
    // Every command says what it does; its tooltip says that and, when it is disabled, why.
    for (const CommandState& c : s.commands) {
        CHECK_FALSE(c.what.empty());
        CHECK(c.tooltip.rfind(c.what, 0) == 0);
        CHECK((c.tooltip.find("Belum bisa: " + c.why) != std::string::npos) == !c.enabled);
    }

    // Steps 2-3: the forms.
    distribute(dir);
    s = sopStatus(dir, Lang::id);
    CHECK(step(s, 2).state == StepState::done);
    CHECK(step(s, 2).detail.find("5 dari 5 format dibuat pada ") != std::string::npos);
    CHECK(step(s, 3).state == StepState::todo);
    CHECK(s.nextStep == 3);
    CHECK(enabled(s, "org.evakin:Collect"));
    CHECK_FALSE(enabled(s, "org.evakin:Correct"));

    // Step 4: the invitation, numbered from the register.
    Register reg = fx.open();
    LetterRequest inv;
    inv.workspaceDir = dir;
    inv.kind = LetterKind::undangan;
    inv.date = "2026-04-01";
    inv.createdBy = "uji";
    const LetterResult invitation = produceLetter(inv, reg);
    s = sopStatus(dir, Lang::id);
    CHECK(step(s, 4).state == StepState::done);
    CHECK(step(s, 4).detail.find("nomor " + invitation.entry.number) != std::string::npos);

    // Step 6: four of five units return, one of them with a problem.
    for (const char* unit : {"SEKR", "PPM", "PPI"})
        writeBytes(dir / "inbox" / (std::string(unit) + ".ods"), makeReturn(dir, unit, typicalValue));
    writeBytes(dir / "inbox" / "pdpm.ods",
               makeReturn(dir, "PDPM", typicalValue, [](pugi::xml_node table, std::size_t first) {
                   setText(odfCell(table, first, static_cast<std::size_t>(form::quarterKColumn(1))), "banyak");
               }));
    s = sopStatus(dir, Lang::id);
    CHECK(step(s, 3).state == StepState::done);   // returns came back: the units had their forms
    CHECK(step(s, 6).state == StepState::partial);
    CHECK(step(s, 6).detail.find("4 berkas di inbox/") != std::string::npos);
    CHECK(s.nextStep == 6);

    collect(dir);
    s = sopStatus(dir, Lang::id);
    CHECK(step(s, 6).state == StepState::warning);
    const std::string returns = step(s, 6).detail;
    CHECK(returns.find("4 dari 5 unit kembali") != std::string::npos);
    CHECK(returns.find("belum: Bidang Data, Sistem Informasi dan Pengaduan") != std::string::npos);
    CHECK(returns.find("1 kiriman bermasalah: Bidang Pengendalian Pelaksanaan Penanaman Modal") != std::string::npos);
    CHECK(step(s, 7).state == StepState::done);
    CHECK(step(s, 7).detail.find("rata-rata capaian") != std::string::npos);
    CHECK(enabled(s, "org.evakin:Correct"));
    CHECK(enabled(s, "org.evakin:NextPeriod"));
    CHECK(enabled(s, "org.evakin:Report"));
    CHECK(s.nextStep == 6);   // a return with a problem is never passed over

    SECTION("English")
    {
        const SopStatus en = sopStatus(dir, Lang::en);
        CHECK(step(en, 6).detail.find("4 of 5 units returned") != std::string::npos);
        CHECK(step(en, 1).timeStandard == "5 minutes");
        CHECK(en.summary().find("Next step: 6.") != std::string::npos);
    }

    // The problem fixed and collected again: complete.
    writeBytes(dir / "inbox" / "pdpm.ods", makeReturn(dir, "PDPM", typicalValue));
    s = sopStatus(dir, Lang::id);
    CHECK(step(s, 6).state == StepState::warning);   // the inbox changed after the collect
    CHECK(step(s, 6).detail.find("rekap lagi") != std::string::npos);
    collect(dir);
    s = sopStatus(dir, Lang::id);
    CHECK(step(s, 6).state == StepState::partial);   // only a unit missing
    CHECK(s.nextStep == 8);   // a unit still missing does not hold the period up once its table is made
    CHECK_FALSE(enabled(s, "org.evakin:Letter?Kind=pengantar"));
    CHECK(why(s, "org.evakin:Letter?Kind=pengantar").find("Susun Draf Laporan dulu") != std::string::npos);

    // Step 8: the draft report.
    ReportOptions ro;
    ro.date = "2026-04-20";
    writeReport(dir, ro);
    s = sopStatus(dir, Lang::id);
    CHECK(step(s, 8).state == StepState::done);
    CHECK(step(s, 8).detail.find("laporan-evaluasi-2026-tw1.odt disusun pada ") != std::string::npos);
    CHECK(enabled(s, "org.evakin:Letter?Kind=pengantar"));
    CHECK(step(s, 13).state == StepState::todo);

    // Step 12: the cover letter; 14 then waits for the archive copy.
    LetterRequest cover;
    cover.workspaceDir = dir;
    cover.date = "2026-04-22";
    cover.createdBy = "uji";
    const LetterResult letter = produceLetter(cover, reg);
    s = sopStatus(dir, Lang::id);
    CHECK(step(s, 12).state == StepState::done);
    CHECK(step(s, 12).detail.rfind("Surat pengantar nomor " + letter.entry.number + " dibuat pada ", 0) == 0);
    CHECK(step(s, 14).state == StepState::partial);

    // Periode Baru: the next workspace beside this one closes step 14.
    createNextWorkspace(dir, proposedNextWorkspace(dir));
    s = sopStatus(dir, Lang::id);
    CHECK(step(s, 14).state == StepState::done);
    CHECK(s.nextPeriodWorkspace == proposedNextWorkspace(dir).u8string());

    // The JSON carries the same, with stable English keys.
    const auto json = Poco::JSON::Parser().parse(s.toJson()).extract<Poco::JSON::Object::Ptr>();
    CHECK(json->getValue<int>("nextStep") == s.nextStep);
    const auto steps = json->getArray("steps");
    REQUIRE(steps->size() == 14);
    CHECK(steps->getObject(11)->getValue<std::string>("state") == "done");
    CHECK(steps->getObject(0)->getValue<std::string>("state") == "manual");
    CHECK(json->getArray("commands")->size() == s.commands.size());
}

TEST_CASE("damaged records show as a warning on their step, never as an exception", "[status]")
{
    TempDir tmp;
    const auto dir = tmp.path / "ws";
    createSampleWorkspace(dir, 2026, 2);
    distribute(dir);
    std::ofstream(dir / "hasil" / "evaluasi.json") << "{ not json";
    std::ofstream(dir / "hasil" / "pengiriman.json") << "[1, 2";
    std::ofstream(dir / "hasil" / "undangan-rapat_005-1-DPMPTSP-2026.odt") << "not a zip";
    SopStatus s;
    REQUIRE_NOTHROW(s = sopStatus(dir, Lang::id));
    CHECK(s.steps[5].state == StepState::warning);
    CHECK(s.steps[5].detail.find("evaluasi.json rusak") != std::string::npos);
    CHECK(s.steps[2].state == StepState::warning);
    CHECK(s.steps[3].state == StepState::warning);
    CHECK(s.steps[3].detail.find("Register Surat") != std::string::npos);

    SECTION("a plan that cannot be read marks the forms' step")
    {
        std::ofstream(dir / "rencana-kerja.ods") << "rusak";
        REQUIRE_NOTHROW(s = sopStatus(dir, Lang::id));
        CHECK(s.steps[1].state == StepState::warning);
        CHECK(s.steps[1].detail.find("rencana-kerja.ods") != std::string::npos);
    }
}

TEST_CASE("a folder that is not a workspace is an error; without one only four commands make sense", "[status]")
{
    TempDir tmp;
    CHECK_THROWS_AS(sopStatus(tmp.path, Lang::id), Error);
    const auto commands = commandsWithoutWorkspace(Lang::en);
    std::size_t on = 0;
    for (const CommandState& c : commands) {
        if (c.enabled)
            ++on;
        else
            CHECK(c.why == "Choose a workspace first (Workspace).");
    }
    CHECK(on == 4);
}
