// Numbers in the JSON state files (issue 14): every number read is checked, finite, in range, whole where it
// must be, never text or true/false taken for a number; a wrong one names the file and the member in staff
// words and says what to do. And a file that is not JSON is said so in staff words, never in Poco's.
#include <catch2/catch.hpp>

#include <fstream>

#include "collect/corrections.hpp"
#include "collect/evaluation_json.hpp"
#include "io/json.hpp"
#include "model/evaluation.hpp"
#include "model/profile.hpp"
#include "report/report_data.hpp"
#include "model/sample.hpp"
#include "model/workspace.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

void write(const std::filesystem::path& file, const std::string& json) { std::ofstream(file, std::ios::trunc) << json; }

// The one problem `f` throws, with no library text in either language.
template <class F> Problem theProblem(F&& f)
{
    const auto p = problemsOf(f);
    REQUIRE(p.size() == 1);
    for (const Lang lang : {Lang::id, Lang::en})
        for (const char* library : {"xception", "Syntax error", "Bad cast", "Not a valid", "std::"})
            CHECK(p[0].render(lang).find(library) == std::string::npos);
    return p[0];
}

}   // namespace

TEST_CASE("periode.json: year, triwulan and format must be whole numbers in range, named in staff words",
          "[json][faults]")
{
    TempDir tmp;
    const auto ws = tmp.path / "ws";
    createSampleWorkspace(ws, 2026, 1);
    const auto period = [&](const std::string& year, const std::string& triwulan, const std::string& format = "1") {
        write(ws / "periode.json", "{\"format\": " + format + ", \"year\": " + year + ", \"triwulan\": " + triwulan +
                                       ", \"deadline\": \"2026-04-10\"}");
        return theProblem([&] { openWorkspace(ws); });
    };
    Problem p = period("true", "1");
    CHECK(p.file == "periode.json");
    CHECK(p.field == "year");
    CHECK(p.render(Lang::id).find("periode.json, tahun") == 0);
    CHECK(p.message.id.find("bilangan bulat 2000 sampai 2100") != std::string::npos);
    CHECK(p.message.id.find("Perbaiki periode.json") != std::string::npos);
    p = period("\"2026\"", "1");
    CHECK(p.message.id.find("teks \"2026\"") != std::string::npos);
    CHECK(p.message.en.find("without quotes") != std::string::npos);
    p = period("2026.7", "1");
    CHECK(p.message.en.find("whole number, not 2026.7") != std::string::npos);
    p = period("2026", "5");
    CHECK(p.field == "triwulan");
    CHECK(p.message.id.find("berisi 5") != std::string::npos);
    p = period("2026", "1", "\"1\"");
    CHECK(p.field == "format");
    p = period("2026", "{}");
    CHECK(p.field == "triwulan");
    // A whole number written with a decimal point is still that number.
    write(ws / "periode.json", R"({"format": 1, "year": 2026.0, "triwulan": 2, "deadline": "2026-07-10"})");
    CHECK(openWorkspace(ws).period.year == 2026);
}

TEST_CASE("realisasi.json: a value as text, true, negative or beyond reading is named, never read as 0 or a gap",
          "[json][faults]")
{
    TempDir tmp;
    const Workspace ws = createSampleWorkspace(tmp.path / "ws", 2026, 2);
    const auto quarter = [&](const std::string& value) {
        write(ws.realisationsFile(), R"({"format": 1, "units": {"PPI": {"1.01": [)" + value + "]}}}");
        return theProblem([&] { loadRealisations(ws); });
    };
    Problem p = quarter(R"({"k": "12"})");
    CHECK(p.file == "realisasi.json");
    CHECK(p.field == "units.PPI.1.01[0].k");
    CHECK(p.render(Lang::id).find("unit PPI, baris 1.01, triwulan I, K") != std::string::npos);
    CHECK(p.message.id.find("Periode Baru") != std::string::npos);
    p = quarter(R"(null, {"rp": true})");
    CHECK(p.render(Lang::en).find("triwulan II, Rp") != std::string::npos);
    p = quarter(R"({"k": -3})");
    CHECK(p.message.id.find("0 atau lebih") != std::string::npos);
    p = quarter(R"({"k": 1e20})");
    CHECK(p.message.id.find("tidak dapat dibaca dengan tepat") != std::string::npos);
    p = quarter(R"({"k": 1, "late": "ya"})");
    CHECK(p.field == "units.PPI.1.01[0].late");
    write(ws.realisationsFile(),
          R"({"format": 1, "units": {"PPI": {"1.01": [{"k": 12, "rp": 1500.5, "late": true}]}}})");
    const auto read = loadRealisations(ws);
    CHECK(*read.at("PPI").at("1.01")[0].k == 12);
    CHECK(read.at("PPI").at("1.01")[0].late);
}

TEST_CASE("penilaian.json and koreksi.json: bounds, triwulan and values are checked where they are read",
          "[json][faults]")
{
    TempDir tmp;
    const Workspace ws = createSampleWorkspace(tmp.path / "ws", 2026, 1);
    write(ws.dir / kEvaluationConfigFile, R"({"goodFrom": true})");
    Problem p = theProblem([&] { loadEvaluationConfig(ws.dir); });
    CHECK(p.file == "penilaian.json");
    CHECK(p.render(Lang::id).find("batas capaian baik") != std::string::npos);
    write(ws.dir / kEvaluationConfigFile, R"({"bands": [{"min": 5000, "label": "Tinggi"}]})");
    p = theProblem([&] { loadEvaluationConfig(ws.dir); });
    CHECK(p.field == "bands[0].min");
    CHECK(p.render(Lang::en).find("band 1, lower bound") != std::string::npos);
    CHECK(p.message.id.find("hapus berkas ini") != std::string::npos);

    const auto correction = [&](const std::string& members) {
        write(ws.dir / kCorrectionsFile, R"({"corrections": [{"unit": "PPI", "row": "1.01", )" + members + "}]}");
        return theProblem([&] { loadCorrections(ws); });
    };
    p = correction(R"("triwulan": 2.5, "newK": 3)");
    CHECK(p.file == "koreksi.json");
    CHECK(p.field == "corrections[0].triwulan");
    CHECK(p.render(Lang::id).find("koreksi ke-1, triwulan") != std::string::npos);
    p = correction(R"("triwulan": 2, "newK": "3")");
    CHECK(p.field == "corrections[0].newK");
    p = correction(R"("triwulan": 2, "newRp": true)");
    CHECK(p.render(Lang::en).find("correction 1, new Rp") != std::string::npos);
    write(ws.dir / kCorrectionsFile, R"({"corrections": [{"row": "1.01", "triwulan": 1, "newK": 3}]})");
    p = theProblem([&] { loadCorrections(ws); });
    CHECK(p.field == "corrections[0].unit");
}

TEST_CASE("evaluasi.json: a number of the wrong kind is named, and the todo is to collect again", "[json][faults]")
{
    const auto parsed = [](const std::string& json) {
        return theProblem([&] { parseEvaluationJson(json, "evaluasi.json"); });
    };
    Problem p = parsed(R"({"format": 1, "year": "2026", "triwulan": 1, "units": []})");
    CHECK(p.field == "year");
    CHECK(p.message.id.find("Rekap Kiriman") != std::string::npos);
    p = parsed(R"({"format": 1, "year": 2026, "triwulan": 1, "units": [{"code": "PPI", "rows": [{"key": "a",
        "quarters": [{"k": true}]}]}]})");
    CHECK(p.field == "units[0].rows[0].quarters[0].k");
    CHECK(p.render(Lang::id).find("unit ke-1, baris ke-1, triwulan I K") != std::string::npos);
    p = parsed(R"({"format": 1, "year": 2026, "triwulan": 1, "units": [{"code": "PPI", "rows": [{"key": "a",
        "capaianRenja": {"k": "90"}}]}]})");
    CHECK(p.field == "units[0].rows[0].capaianRenja.k");
    p = parsed(R"({"format": 1, "year": 2026, "triwulan": 1, "units": [{"code": "PPI",
        "summary": {"indikatorDihitung": 2.5}}]})");
    CHECK(p.field == "units[0].summary.indikatorDihitung");
}

TEST_CASE("a file that is not JSON is said so in staff words; Poco's words go to the tech log only", "[json][faults]")
{
    const auto damaged = [](const Text& why) { return Text{"Rusak: " + why.id, "Damaged: " + why.en}; };
    const auto problem = [&](const std::string& json) {
        return theProblem([&] { parseJsonObject(json, "periode.json", damaged); });
    };
    Problem p = problem(R"({"year": )" + std::string(400, '1') + "}");
    CHECK(p.file == "periode.json");
    CHECK(p.message.id.find("angka yang terlalu panjang") != std::string::npos);
    p = problem(R"({"year": 1e400})");
    CHECK(p.message.en.find("too long or too large") != std::string::npos);
    p = problem(R"({"year": 2026,})");
    CHECK(p.message.id.find("bukan JSON yang sah") != std::string::npos);
    CHECK(p.message.en.find("comma, quote or bracket") != std::string::npos);
    p = problem("[1, 2]");
    CHECK(p.message.id.find("{ ... }") != std::string::npos);
    p = problem("");
    CHECK(p.message.id.find("terpotong") != std::string::npos);
}

TEST_CASE("profil.json: fields are named in staff words from one mapping, in both languages", "[json][profile][faults]")
{
    CHECK(profileFieldWords("office.name").id == "nama kantor");
    CHECK(profileFieldWords("office.name").en == "office name");
    CHECK(profileFieldWords("units[7].code").id == "unit ke-8, kolom kode");
    CHECK(profileFieldWords("units[7].code").en == "unit 8, field code");
    CHECK(profileFieldWords("units[0]").id == "unit ke-1");
    CHECK(profileFieldWords("units[2].email").id == "unit ke-3, kolom e-mail");
    CHECK(profileFieldWords("units[x].code").id.empty());
    CHECK(profileFieldWords("tidak.ada").id.empty());

    TempDir tmp;
    Profile profile = sampleProfile();
    profile.officeName.clear();
    profile.units[1].code = "kode dengan spasi";
    const auto file = tmp.path / "profil.json";
    saveProfile(profile, file);
    const auto p = problemsOf([&] { loadProfile(file); });
    REQUIRE(p.size() == 2);
    CHECK(p[0].render(Lang::id) == "profil.json, nama kantor: Nama kantor wajib diisi.");
    CHECK(p[0].render(Lang::en) == "profil.json, office name: The office name is required.");
    CHECK(p[0].field == "office.name");   // the key stays for programs (--json, the UNO API)
    CHECK(p[1].render(Lang::id).find("profil.json, unit ke-2, kolom kode: ") == 0);
    CHECK(p[1].render(Lang::en).find("profil.json, unit 2, field code: ") == 0);
    for (const Problem& problem : p) {
        CHECK(problem.render(Lang::id).find("isian") == std::string::npos);
        CHECK(problem.render(Lang::en).find("units[") == std::string::npos);
    }

    // A list where a text must be, an NIP as a number (its digits lost), the letterhead as one text: named
    // without Poco's "Bad cast exception", never printed as JSON on a letter.
    write(file, R"({"office": {"name": ["Dinas"]}, "units": []})");
    CHECK(theProblem([&] { loadProfile(file); }).message.id.find("\"name\" harus teks") != std::string::npos);
    write(file, R"({"office": {"name": "Dinas"}, "head": {"nip": 196805121994031007}, "units": []})");
    CHECK(theProblem([&] { loadProfile(file); }).message.en.find("\"nip\" must be a text") != std::string::npos);
    write(file, R"({"office": {"name": "Dinas", "kop": "PEMERINTAH"}, "units": []})");
    CHECK(theProblem([&] { loadProfile(file); }).message.id.find("Struktur profil tidak sesuai") == 0);
}

TEST_CASE("laporan.json: the legal basis list is named in staff words", "[json][report][faults]")
{
    TempDir tmp;
    write(tmp.path / "laporan.json", R"({"dasarHukum": ["UU 23/2014", 5]})");
    const Problem p = theProblem([&] { report::loadOptions(tmp.path); });
    CHECK(p.field == "dasarHukum[1]");
    CHECK(p.render(Lang::id).find("laporan.json, dasar hukum ke-2: ") == 0);
    CHECK(p.message.id.find("Perbaiki laporan.json") != std::string::npos);
}
