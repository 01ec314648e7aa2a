#include "io/files.hpp"

#include <Poco/UUIDGenerator.h>

#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "io/system_errors.hpp"
#include "text/error.hpp"

namespace evakin {

std::string displayName(const std::filesystem::path& file) { return file.filename().u8string(); }

void writeFileAtomically(const std::filesystem::path& file, const std::string& bytes)
{
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    // A unique temporary name keeps two writers (two PCs on a shared folder) from clobbering each other's half-written
    // file.
    const auto tmp = file.parent_path() / ("." + file.filename().u8string() + "." +
                                           Poco::UUIDGenerator::defaultGenerator().createRandom().toString() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            std::filesystem::remove(tmp, ec);
            throw Error(displayName(file),
                        Text{"Berkas tidak dapat ditulis. Periksa bahwa folder " + file.parent_path().u8string() +
                                 " ada, dapat ditulisi, dan disk tidak penuh.",
                             "The file cannot be written. Check that the folder " + file.parent_path().u8string() +
                                 " exists, is writable and the disk is not full."});
        }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw Error(
            displayName(file),
            Text{"Berkas tidak dapat disimpan (mungkin sedang dibuka program lain). Tutup berkas itu lalu ulangi.",
                 "The file cannot be saved (it may be open in another program). Close it and try again."});
    }
}

std::string readFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(displayName(file), Text{"Berkas tidak ditemukan atau tidak dapat dibaca: " + file.u8string(),
                                            "File not found or not readable: " + file.u8string()});
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void copyIfPresent(const std::filesystem::path& from, const std::filesystem::path& to)
{
    if (!std::filesystem::exists(from)) return;
    if (std::filesystem::is_directory(from))
        std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
    else
        writeFileAtomically(to, readFile(from));
}

namespace {

// The topmost folder on the way to `dir` that does not exist yet (removed again on failure).
std::filesystem::path firstMissing(const std::filesystem::path& dir)
{
    std::error_code ec;
    std::filesystem::path missing;
    for (std::filesystem::path p = dir; !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
        missing = p;
        if (p == p.parent_path()) break;
    }
    return missing;
}

// A writer's message names the folder it wrote to; the hidden staging folder means nothing to staff, so it is
// named as the folder they asked for.
std::vector<Problem> namedAsTarget(std::vector<Problem> problems, const std::filesystem::path& staging,
                                   const std::filesystem::path& target)
{
    const auto rename = [&](std::string& s) {
        const std::string from = staging.u8string(), to = target.u8string();
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
            s.replace(at, from.size(), to);
    };
    for (Problem& p : problems)
        for (std::string* s : {&p.file, &p.message.id, &p.message.en}) rename(*s);
    return problems;
}

}   // namespace

void buildFolderAllOrNothing(const std::filesystem::path& dir,
                             const std::function<void(const std::filesystem::path& staging)>& build)
{
    std::filesystem::path target = std::filesystem::absolute(dir).lexically_normal();
    if (!target.has_filename()) target = target.parent_path();   // "ws/" is "ws"
    const std::filesystem::path missing = firstMissing(target);
    const std::filesystem::path staging =
        target.parent_path() / ("." + target.filename().u8string() + ".evakin-" +
                                Poco::UUIDGenerator::defaultGenerator().createRandom().toString().substr(0, 8));
    const auto undo = [&] {
        std::error_code ec;
        std::filesystem::remove_all(staging, ec);
        if (!missing.empty()) std::filesystem::remove_all(missing, ec);
    };
    try {
        std::filesystem::create_directories(target.parent_path());
        build(staging);
        std::filesystem::rename(staging, target);   // replaces an empty folder; the last step
    } catch (const Error& e) {
        undo();
        throw Error(namedAsTarget(e.problems(), staging, target));
    } catch (const std::filesystem::filesystem_error& e) {
        undo();
        // The hidden folder means nothing to staff: a path inside it is named as the folder they asked for.
        const std::filesystem::path inside = e.path1().lexically_relative(staging);
        const bool staged = !inside.empty() && *inside.begin() != "..";
        throw Error(Problem{
            {}, {}, {}, {}, systemErrorText(e.code(), staged ? (target / inside).lexically_normal() : e.path1())});
    } catch (const std::exception& e) {
        undo();
        throw errorFromException(e);
    }
}

}   // namespace evakin
