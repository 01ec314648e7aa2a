// Ruang Kerja: a new workspace from the sample office, from an earlier one or
// empty; every field checked first, and a failed creation leaves no folder.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "io/files.hpp"
#include "io/system_errors.hpp"
#include "model/new_workspace.hpp"
#include "model/sample.hpp"
#include "test_support.hpp"

using namespace evakin;

namespace {

bool names(const Error& e, const std::string& field)
{
    for (const Problem& p : e.problems())
        if (p.field == field) return true;
    return false;
}

}   // namespace

TEST_CASE("a new workspace from the sample office with the period asked for", "[workspace]")
{
    test::TempDir tmp;
    NewWorkspace r;
    r.dir = tmp.path / "evaluasi" / "2027-tw3";
    r.year = 2027;
    r.triwulan = 3;
    r.deadline = "2027-10-12";
    const NewWorkspaceResult result = createNewWorkspace(r);
    CHECK(result.workspace.period.year == 2027);
    CHECK(result.workspace.period.triwulan == 3);
    CHECK(result.workspace.period.deadline == "2027-10-12");
    CHECK(std::filesystem::is_regular_file(r.dir / "profil.json"));
    CHECK(std::filesystem::is_regular_file(r.dir / "rencana-kerja.ods"));
    CHECK(std::filesystem::is_directory(r.dir / "inbox"));
    CHECK(evakin::test::entriesOf(tmp.path / "evaluasi") == std::set<std::string>{"2027-tw3"});
    CHECK(result.toJson().find("\"source\":\"sample\"") != std::string::npos);
    CHECK(result.summary(Lang::id).find("Triwulan III Tahun 2027") != std::string::npos);
    CHECK(workspaceLabel(r.dir) == "Triwulan III Tahun 2027 \u2014 " + r.dir.u8string());
}

TEST_CASE("an empty deadline is the usual one", "[workspace]")
{
    test::TempDir tmp;
    NewWorkspace r;
    r.dir = tmp.path / "ws";
    r.year = 2026;
    r.triwulan = 4;
    r.source = WorkspaceSource::empty;
    CHECK(createNewWorkspace(r).workspace.period.deadline == defaultDeadline(2026, 4));
}

TEST_CASE("a new workspace from an earlier one takes its profile, plan and settings only", "[workspace]")
{
    test::TempDir tmp;
    const Workspace earlier = createSampleWorkspace(tmp.path / "2026-tw4", 2026, 4);
    writeFileAtomically(earlier.dir / "penilaian.json", "{}\n");
    writeFileAtomically(earlier.dir / "templates" / "surat-pengantar.fodt", "x");
    writeFileAtomically(earlier.inbox() / "return.ods", "x");
    writeFileAtomically(earlier.results() / "evaluasi.json", "{}");

    NewWorkspace r;
    r.dir = tmp.path / "2027-tw1";
    r.year = 2027;
    r.triwulan = 1;
    r.source = WorkspaceSource::earlier;
    r.from = earlier.dir;
    const NewWorkspaceResult result = createNewWorkspace(r);
    CHECK(readFile(r.dir / "profil.json") == readFile(earlier.profileFile()));
    CHECK(readFile(r.dir / "rencana-kerja.ods") == readFile(earlier.planFile()));
    CHECK(std::filesystem::exists(r.dir / "penilaian.json"));
    CHECK(std::filesystem::exists(r.dir / "templates" / "surat-pengantar.fodt"));
    CHECK(std::filesystem::is_empty(r.dir / "inbox"));
    CHECK(std::filesystem::is_empty(r.dir / "hasil"));
    CHECK(result.from == earlier.dir);
    CHECK(result.summary(Lang::en).find(earlier.dir.u8string()) != std::string::npos);
}

TEST_CASE("every field is checked before anything is written", "[workspace]")
{
    test::TempDir tmp;
    const Workspace existing = createSampleWorkspace(tmp.path / "old", 2026, 1);
    NewWorkspace r;
    r.dir = existing.dir;
    r.year = 1999;
    r.triwulan = 5;
    r.deadline = "2026-02-30";
    r.source = WorkspaceSource::earlier;
    r.from = tmp.path / "nowhere";
    try {
        createNewWorkspace(r);
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(names(e, "folder"));
        CHECK(names(e, "year"));
        CHECK(names(e, "triwulan"));
        CHECK(names(e, "deadline"));
        CHECK(names(e, "from"));
    }
    CHECK(evakin::test::entriesOf(tmp.path) == std::set<std::string>{"old"});

    writeFileAtomically(tmp.path / "busy" / "notes.txt", "x");
    NewWorkspace busy;
    busy.dir = tmp.path / "busy";
    busy.year = 2026;
    CHECK_THROWS_AS(createNewWorkspace(busy), Error);
    CHECK(evakin::test::entriesOf(busy.dir) == std::set<std::string>{"notes.txt"});
    CHECK(newWorkspaceFolderIn(busy.dir, 2026, 2) == busy.dir / "2026-tw2");
    CHECK(newWorkspaceFolderIn(tmp.path / "fresh", 2026, 2) == tmp.path / "fresh");
}

TEST_CASE("an existing empty folder becomes the workspace", "[workspace]")
{
    test::TempDir tmp;
    std::filesystem::create_directories(tmp.path / "kosong");
    NewWorkspace r;
    r.dir = tmp.path / "kosong";
    r.year = 2026;
    createNewWorkspace(r);
    CHECK(isWorkspace(tmp.path / "kosong"));
    CHECK(evakin::test::entriesOf(tmp.path) == std::set<std::string>{"kosong"});
}

TEST_CASE("a folder that cannot be made leaves nothing and says so in words", "[workspace]")
{
    if (::geteuid() == 0) return;   // root writes anywhere: no permission to be denied
    test::TempDir tmp;
    const auto locked = tmp.path / "locked";
    std::filesystem::create_directories(locked);
    ::chmod(locked.c_str(), 0555);
    NewWorkspace r;
    r.dir = locked / "evaluasi" / "2026-tw1";
    r.year = 2026;
    try {
        createNewWorkspace(r);
        FAIL("created in a read-only folder");
    } catch (const Error& e) {
        const std::string id = e.render(Lang::id);
        CHECK(id.find("izin") != std::string::npos);
        CHECK(id.find(locked.u8string()) != std::string::npos);
        CHECK(id.find("filesystem error") == std::string::npos);
    }
    ::chmod(locked.c_str(), 0755);
    CHECK(evakin::test::entriesOf(locked).empty());
}

TEST_CASE("library exceptions become messages without library text", "[workspace]")
{
    const std::filesystem::filesystem_error fs("cannot create directories", "/srv/data",
                                               std::make_error_code(std::errc::permission_denied));
    const Error e = errorFromException(fs);
    CHECK(e.render(Lang::en).find("No permission") != std::string::npos);
    CHECK(e.render(Lang::en).find("/srv/data") != std::string::npos);
    CHECK(e.render(Lang::en).find("cannot create directories") == std::string::npos);
    const Error other = errorFromException(std::runtime_error("Bad cast exception"));
    CHECK(other.render(Lang::id).find("Bad cast") == std::string::npos);
    const Error kept = errorFromException(Error("f.json", Text{"isi", "content"}));
    CHECK(kept.render(Lang::en).find("content") != std::string::npos);
}

TEST_CASE("the period proposed is the quarter that ended last, beside the last workspace", "[workspace]")
{
    CHECK(proposedPeriod(2026, 4).triwulan == 1);
    CHECK(proposedPeriod(2026, 4).year == 2026);
    CHECK(proposedPeriod(2026, 12).triwulan == 3);
    const Period january = proposedPeriod(2027, 1);
    CHECK(january.year == 2026);
    CHECK(january.triwulan == 4);
    CHECK(january.deadline == defaultDeadline(2026, 4));
    CHECK(proposedWorkspaceFolder("/data/evaluasi/2026-tw1/", january, "/home/u") == "/data/evaluasi/2026-tw4");
    CHECK(proposedWorkspaceFolder({}, january, "/home/u") == "/home/u/Evaluasi Kinerja/2026-tw4");
}
