#include "io/files.hpp"

#include <Poco/UUIDGenerator.h>

#include <fstream>
#include <sstream>
#include <system_error>

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

}   // namespace evakin
