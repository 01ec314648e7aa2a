// libFuzzer target for the settings and state files staff (or a crash, or a
// sync tool) may leave in any shape: profil.json, periode.json, penilaian.json,
// register.json, koreksi.json, realisasi.json, hasil/evaluasi.json,
// laporan.json. The first byte picks the file, the rest is its content. An
// evakin::Error is a correct answer (named, in both languages); any other
// exception would reach staff as a library's English ("Bad cast exception"),
// and a crash, sanitizer report, leak or timeout is a bug.
#include <Poco/Process.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "collect/corrections.hpp"
#if __has_include("collect/evaluation_json.hpp")   // the one evaluasi.json codec, once it is in
#include "collect/evaluation_json.hpp"
#define EVAKIN_FUZZ_EVALUATION_JSON 1
#endif
#include "letters/register_settings.hpp"
#include "model/evaluation.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"
#include "report/report_data.hpp"
#include "text/error.hpp"

namespace {

namespace fs = std::filesystem;

// A scratch workspace (in /dev/shm when there is one) with a valid periode.json.
const fs::path& scratch()
{
    static const fs::path dir = [] {
        const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        const fs::path d = base / ("evakin-fuzz-state-" + std::to_string(Poco::Process::id()));
        fs::create_directories(d / "hasil");
        return d;
    }();
    return dir;
}

void write(const fs::path& file, const std::string& bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

const char* const kValidPeriod = R"({"format": 1, "year": 2026, "triwulan": 2, "deadline": "2026-07-10"})";

void readOne(std::uint8_t kind, const std::string& content)
{
    const fs::path& ws = scratch();
    write(ws / "periode.json", kValidPeriod);
    for (const char* f : {"profil.json", "penilaian.json", "register.json", "koreksi.json", "realisasi.json",
                          "laporan.json", "hasil/evaluasi.json"})
        fs::remove(ws / f);
    switch (kind % 8) {
        case 0:
            write(ws / "profil.json", content);
            (void)evakin::loadProfile(ws / "profil.json");
            break;
        case 1:
            write(ws / "periode.json", content);
            (void)evakin::openWorkspace(ws);
            break;
        case 2:
            write(ws / "penilaian.json", content);
            (void)evakin::loadEvaluationConfig(ws);
            break;
        case 3:
            write(ws / "register.json", content);
            (void)evakin::loadRegisterSettings(ws / "register.json");
            break;
        case 4:
            write(ws / evakin::kCorrectionsFile, content);
            (void)evakin::loadCorrections(evakin::openWorkspace(ws));
            break;
        case 5:
            write(ws / "realisasi.json", content);
            (void)evakin::loadRealisations(evakin::openWorkspace(ws));
            break;
#ifdef EVAKIN_FUZZ_EVALUATION_JSON
        case 6: (void)evakin::parseEvaluationJson(content, "evaluasi.json"); break;
#endif
        default:
            write(ws / "laporan.json", content);
            (void)evakin::report::loadOptions(ws);
            break;
    }
}

}   // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0 || size > (1u << 20)) return 0;
    const std::string content(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        readOne(data[0], content);
    } catch (const evakin::Error& e) {
        // Every problem must say something, in both languages.
        for (const auto& p : e.problems())
            if (p.message.id.empty() || p.message.en.empty()) std::abort();
    } catch (const std::exception& e) {
        std::cerr << "not an evakin::Error (file kind " << int(data[0] % 8) << "): " << e.what() << '\n';
        std::abort();
    }
    return 0;
}
