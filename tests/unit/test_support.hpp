// Helpers shared by the unit tests.
#pragma once

#include <Poco/DigestStream.h>
#include <Poco/SHA2Engine.h>
#include <Poco/UUIDGenerator.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin::test {

// A fresh folder under the system temp dir, removed at scope exit.
struct TempDir {
    std::filesystem::path path;
    TempDir()
        : path(std::filesystem::temp_directory_path() /
               ("evakin-test-" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString()))
    {
        std::filesystem::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

inline std::string sha256File(const std::filesystem::path& file)
{
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    std::ifstream in(file, std::ios::binary);
    Poco::DigestOutputStream out(sha);
    out << in.rdbuf();
    out.close();
    return Poco::DigestEngine::digestToHex(sha.digest());
}

// path relative to root -> SHA-256, for "nothing was modified" checks.
inline std::map<std::string, std::string> hashTree(const std::filesystem::path& root)
{
    std::map<std::string, std::string> out;
    if (!std::filesystem::exists(root)) return out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        if (e.is_regular_file()) out[std::filesystem::relative(e.path(), root).generic_string()] = sha256File(e.path());
    return out;
}

// The names directly in `dir`, hidden ones included (a staging folder left behind would show), sorted.
inline std::set<std::string> entriesOf(const std::filesystem::path& dir)
{
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().u8string());
    return names;
}

// The problems carried by the Error `f` throws; none when it throws nothing.
template <class F> std::vector<Problem> problemsOf(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.problems();
    }
    return {};
}

}   // namespace evakin::test
