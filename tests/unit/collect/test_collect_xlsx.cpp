// Returns saved by the real LibreOffice: as .xlsx (Excel 2007-365 filter) and
// as .ods. The stamped identity must survive (docProps/custom.xml in .xlsx)
// and collect must identify and merge them. Skipped when soffice is absent.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "collect/collect.hpp"
#include "io/files.hpp"
#include "collect/test_collect_support.hpp"
#include "test_support.hpp"
#include "io/zip_reader.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

bool haveSoffice() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

// soffice --convert-to with its own profile; returns the exit status.
int convert(const std::filesystem::path& profile, const std::string& filter, const std::filesystem::path& outDir,
            const std::filesystem::path& file)
{
    const std::string cmd = "soffice --headless --norestore -env:UserInstallation=file://" + profile.string() +
                            " --convert-to '" + filter + "' --outdir '" + outDir.string() + "' '" + file.string() +
                            "' >/dev/null 2>&1";
    return std::system(cmd.c_str());
}

}   // namespace

TEST_CASE("returns saved by LibreOffice as .xlsx and .ods keep their identity and are merged", "[collect][soffice]")
{
    if (!haveSoffice()) {
        WARN("soffice not found: LibreOffice round trip skipped");
        return;
    }
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    const auto filled = tmp.path / "filled";
    writeBytes(filled / "ppi.ods", makeReturn(ws, "PPI", typicalValue, [](pugi::xml_node table, std::size_t) {
                   setText(odfCell(table, formLabelRow(table, "Faktor Penghambat"), 3), "Sistem OSS sempat terganggu");
               }));
    writeBytes(filled / "sekr.ods", makeReturn(ws, "SEKR", typicalValue));
    const auto lo = tmp.path / "lo";
    REQUIRE(convert(tmp.path / "profile", "xlsx:Calc MS Excel 2007 XML", lo, filled / "ppi.ods") == 0);
    REQUIRE(convert(tmp.path / "profile", "ods", lo, filled / "sekr.ods") == 0);
    REQUIRE(std::filesystem::exists(lo / "ppi.xlsx"));
    REQUIRE(std::filesystem::exists(lo / "sekr.ods"));

    // The stamped properties are in docProps/custom.xml of the .xlsx.
    const std::string xlsx = readFile(lo / "ppi.xlsx");
    const ZipReader zip(xlsx, "ppi.xlsx");
    REQUIRE(zip.has("docProps/custom.xml"));
    const std::string custom = zip.read("docProps/custom.xml", 1 << 20);
    CHECK(custom.find("evakin.unit") != std::string::npos);
    CHECK(custom.find("evakin.digest") != std::string::npos);

    std::filesystem::copy_file(lo / "ppi.xlsx", ws / "inbox" / "Laporan TW1 Perizinan.xlsx");
    std::filesystem::copy_file(lo / "sekr.ods", ws / "inbox" / "sekretariat.ods");
    const CollectResult r = collect(ws);
    INFO(r.summary(Lang::en));
    REQUIRE(r.files.size() == 2);
    for (const ReturnFile& f : r.files) {
        CHECK_FALSE(f.identifiedByHeader);
        CHECK(f.errors == 0);
    }
    CHECK(r.units[0].status == UnitStatus::valid);   // SEKR
    CHECK(r.units[2].status == UnitStatus::valid);   // PPI
    const std::string json = readFile(ws / "hasil" / "evaluasi.json");
    CHECK(json.find("Sistem OSS sempat terganggu") != std::string::npos);
    // 2.18.04.2.01.0001: 0.3 x 4.200 izin in triwulan I.
    CHECK(json.find("\"k\":1260") != std::string::npos);
}
