// Reads the entries of a zip package (.ods, .xlsx, .odt ...) that is already
// in memory, through Poco::Zip. Built for files from outside: the package
// bytes are bounded by the caller, every entry is inflated with a hard limit
// that does not trust the sizes in the zip headers, and every failure is an
// evakin::Error naming the file, in Indonesian and English.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/error.hpp"

namespace evakin {

class ZipReader {
public:
    // `bytes` must stay alive and unchanged as long as the reader; `fileName`
    // is what messages call the file. Throws Error when `bytes` is not a zip
    // package Poco can read (damaged, truncated, too many entries).
    ZipReader(std::string_view bytes, std::string fileName);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    // The stored name of the entry `name`, matched exactly or else ignoring
    // ASCII case (OOXML part names are case-insensitive); nullptr when absent.
    const std::string* find(std::string_view name) const;
    bool has(std::string_view name) const { return find(name) != nullptr; }
    // The stored names of all entries, sorted.
    std::vector<std::string> names() const;

    // The uncompressed content of the entry `name` (which must exist). Throws
    // Error when the entry inflates to more than `maxBytes`, is damaged,
    // encrypted, or compressed with a method other than store/deflate.
    std::string read(const std::string& name, std::uint64_t maxBytes) const;

    // At most this many entries are accepted: Poco keeps every header of the
    // package in memory, so a package of tiny fake entries must not get that far.
    static constexpr std::size_t maxEntries = 10'000;

    // Messages shared with the readers built on this class.
    static Text damagedText();
    static Text encryptedText();
    // "64 MB", "12 KB", "300 B": sizes in messages (the units read the same in both languages).
    static std::string sizeText(std::uint64_t bytes);
    // An entry name fit for a message: names come from the file and may hold
    // any bytes, so control characters become '?' and it is cut at 120 bytes.
    static std::string displayName(std::string_view name);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}   // namespace evakin
