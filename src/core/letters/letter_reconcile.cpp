#include "letters/letter_reconcile.hpp"

#include <Poco/DateTimeParser.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <Poco/Timestamp.h>

#include <chrono>

#include "io/files.hpp"
#include "io/zip_reader.hpp"

namespace evakin {

namespace {

bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Whether `bytes` is a whole ODF package (a truncated zip has no central directory) whose text holds `number`.
bool completeLetter(const std::string& bytes, const std::string& number, const std::string& name)
{
    try {
        const ZipReader zip(bytes, name);
        return zip.has("content.xml") && zip.read("content.xml", 64ull << 20).find(number) != std::string::npos;
    } catch (const std::exception&) {
        return false;
    }
}

std::string sha256(const std::string& bytes)
{
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(bytes);
    return Poco::DigestEngine::digestToHex(sha.digest());
}

}   // namespace

std::vector<RegisterEntry> reconcileLetters(const std::filesystem::path& results, Register& reg,
                                            const std::function<std::string(const RegisterEntry&)>& stem,
                                            int settleSeconds)
{
    namespace fs = std::filesystem;
    std::vector<RegisterEntry> done;
    std::error_code ec;
    const auto settled = fs::file_time_type::clock::now() - std::chrono::seconds(settleSeconds);
    for (fs::directory_iterator it(results, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().u8string();
        if (name.size() > 1 && name[0] == '.' && endsWith(name, ".tmp") && name.find(".odt.") != std::string::npos &&
            it->is_regular_file(ec) && fs::last_write_time(it->path(), ec) < settled)
            fs::remove(it->path(), ec);
    }
    try {
        const Poco::Timestamp cutoff = Poco::Timestamp() - Poco::Timestamp::TimeDiff(settleSeconds) * 1'000'000;
        for (const RegisterEntry& e : reg.list(0)) {
            if (e.status != "reserved") continue;
            Poco::DateTime at;
            int tz = 0;
            if (!Poco::DateTimeParser::tryParse(e.createdAt, at, tz) || at.timestamp() > cutoff) continue;
            for (int n = 1; n <= 9; ++n) {
                const fs::path file = results / (stem(e) + (n == 1 ? std::string() : "-" + std::to_string(n)) + ".odt");
                if (!fs::is_regular_file(file, ec)) continue;
                const std::string bytes = readFile(file);
                if (!completeLetter(bytes, e.number, displayName(file))) continue;
                done.push_back(reg.complete(e.id, fs::absolute(file).u8string(), sha256(bytes)));
                break;
            }
        }
    } catch (const std::exception&) {   // a register that cannot be read now: the letter run itself will say so
    }
    return done;
}

}   // namespace evakin
