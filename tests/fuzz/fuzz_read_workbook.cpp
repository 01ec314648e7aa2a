// libFuzzer target for the spreadsheet reader (.ods, .xlsx, flat ODF, and
// everything that only pretends to be one). The reader takes a path, so each
// input goes to one scratch file (in /dev/shm when there is one). Any
// evakin::Error is a correct answer; a crash, a sanitizer report, a leak, a
// timeout or an out-of-memory is a bug.
#include <Poco/Process.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/sheet_reader.hpp"

namespace {

const std::filesystem::path& scratch()
{
    static const std::filesystem::path file = [] {
        const std::filesystem::path dir =
            std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
        return dir / ("evakin-fuzz-" + std::to_string(Poco::Process::id()) + ".bin");
    }();
    return file;
}

}   // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    {
        std::ofstream out(scratch(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    // Small limits keep each run fast and make the limit paths reachable.
    evakin::ReadLimits limits;
    limits.maxFileBytes = 4u << 20;
    limits.maxEntryBytes = 8u << 20;
    limits.maxCells = 100'000;
    limits.maxTextBytes = 8u << 20;
    try {
        const evakin::Workbook book = evakin::readWorkbook(scratch(), limits);
        std::size_t cells = 0;
        for (const auto& sheet : book.sheets)
            for (const auto& row : sheet.rows) cells += row.size();
        (void)cells;
    } catch (const evakin::Error&) {
        // a clear message for a bad file: the expected outcome
    }
    return 0;
}
