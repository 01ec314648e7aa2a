#include "io/zip_reader.hpp"

#include <Poco/Checksum.h>
#include <Poco/InflatingStream.h>
#include <Poco/MemoryStream.h>
#include <Poco/Zip/ZipArchive.h>

#include <algorithm>
#include <iterator>
#include <istream>
#include <streambuf>
#include <unordered_map>

namespace evakin {

namespace {

// A read-only, seekable stream buffer over bytes already in memory, for
// ZipArchive. Poco's MemoryInputStream cannot seek to an absolute position,
// which ZipArchive needs; std::istringstream would copy the whole package.
class MemoryBuf : public std::streambuf {
public:
    explicit MemoryBuf(std::string_view bytes)
    {
        char* begin = const_cast<char*>(bytes.data());   // never written: no put area, no pbackfail override
        setg(begin, begin, begin + bytes.size());
    }

protected:
    pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode) override
    {
        const off_type size = egptr() - eback();
        const off_type base = dir == std::ios_base::beg ? 0 : dir == std::ios_base::cur ? gptr() - eback() : size;
        // Refuse positions outside the data, so a header that claims more data
        // than the file has makes Poco fail instead of reading past the end.
        if (off > size || off < -size || base + off < 0 || base + off > size) return pos_type(off_type(-1));
        setg(eback(), eback() + (base + off), egptr());
        return pos_type(base + off);
    }
    pos_type seekpos(pos_type pos, std::ios_base::openmode which) override
    {
        return seekoff(off_type(pos), std::ios_base::beg, which);
    }
};

// How often a 4-byte zip signature occurs anywhere in the package: an upper
// bound on the headers Poco will parse and keep.
std::size_t countSignature(std::string_view bytes, const char (&sig)[5])
{
    std::size_t count = 0;
    for (std::size_t pos = bytes.find(sig, 0, 4); pos != std::string_view::npos; pos = bytes.find(sig, pos + 4, 4))
        ++count;
    return count;
}

std::uint64_t mulSat(std::uint64_t a, std::uint64_t b) { return (a != 0 && b > UINT64_MAX / a) ? UINT64_MAX : a * b; }

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}   // namespace

Text ZipReader::encryptedText()
{
    return {"Berkas dilindungi kata sandi (terenkripsi). Buka dengan kata sandinya di LibreOffice atau Excel, "
            "hapus kata sandinya, lalu simpan ulang.",
            "The file is password-protected (encrypted). Open it with its password in LibreOffice or Excel, "
            "remove the password, and save it again."};
}

struct ZipReader::Impl {
    explicit Impl(std::string_view data) : bytes(data), buf(data), in(&buf) {}
    std::string_view bytes;
    MemoryBuf buf;
    std::istream in;
    std::unique_ptr<Poco::Zip::ZipArchive> archive;
    std::string file;
    std::unordered_map<std::string, const std::string*> lowerNames;   // built on the first inexact lookup
};

Text ZipReader::damagedText()
{
    return {"Berkas rusak atau tidak lengkap (mungkin terpotong saat diunduh atau dikirim). Minta pengirim "
            "mengirim ulang berkasnya, atau buka di LibreOffice lalu simpan ulang.",
            "The file is damaged or incomplete (it may have been cut off while downloading or sending). Ask the "
            "sender to send it again, or open it in LibreOffice and save it again."};
}

std::string ZipReader::sizeText(std::uint64_t bytes)
{
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= (1u << 20)) {
        const std::uint64_t tenths = bytes / ((1u << 20) / 10);
        return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
    }
    if (bytes >= 1024) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " B";
}

std::string ZipReader::displayName(std::string_view name)
{
    std::string out(name.substr(0, 120));
    for (char& c : out)
        if ((c >= 0 && c < 0x20) || c == 0x7F) c = '?';
    if (name.size() > 120) out += "...";
    return out;
}

ZipReader::ZipReader(std::string_view bytes, std::string fileName) : impl_(std::make_unique<Impl>(bytes))
{
    impl_->file = std::move(fileName);
    if (countSignature(bytes, "PK\x03\x04") > maxEntries || countSignature(bytes, "PK\x01\x02") > maxEntries) {
        const std::string n = std::to_string(maxEntries);
        throw Error(impl_->file,
                    {"Berkas berisi lebih dari " + n +
                         " bagian internal, jauh lebih banyak daripada lembar kerja "
                         "biasa; kemungkinan rusak atau sengaja dibuat berbahaya. Minta berkas yang benar.",
                     "The file contains more than " + n +
                         " internal parts, far more than any normal spreadsheet; "
                         "it is probably damaged or malicious. Ask for a proper file."});
    }
    try {
        impl_->archive = std::make_unique<Poco::Zip::ZipArchive>(impl_->in);
    } catch (const std::exception&) {   // Poco::Exception derives from std::exception
        throw Error(impl_->file, damagedText());
    }
    // Poco reads the entries front to back and accepts a package cut off in
    // its central directory. Such a file is still damaged (other programs
    // refuse it), so require the end record and a directory entry for every
    // entry.
    const std::size_t end = bytes.rfind(std::string_view("PK\x05\x06", 4));
    const auto& ar = *impl_->archive;
    if (end == std::string_view::npos || bytes.size() - end < 22 ||
        std::distance(ar.headerBegin(), ar.headerEnd()) != std::distance(ar.fileInfoBegin(), ar.fileInfoEnd()))
        throw Error(impl_->file, damagedText());
}

ZipReader::~ZipReader() = default;

const std::string* ZipReader::find(std::string_view name) const
{
    const auto& ar = *impl_->archive;
    const auto it = ar.findHeader(std::string(name));
    if (it != ar.headerEnd()) return &it->first;
    auto& lower = impl_->lowerNames;
    if (lower.empty())
        for (auto h = ar.headerBegin(); h != ar.headerEnd(); ++h) lower.emplace(asciiLower(h->first), &h->first);
    const auto found = lower.find(asciiLower(name));
    return found == lower.end() ? nullptr : found->second;
}

std::vector<std::string> ZipReader::names() const
{
    std::vector<std::string> out;
    for (auto h = impl_->archive->fileInfoBegin(); h != impl_->archive->fileInfoEnd(); ++h)
        out.push_back(h->second.getFileName());
    return out;
}

std::string ZipReader::read(const std::string& name, std::uint64_t maxBytes) const
{
    const auto it = impl_->archive->findHeader(name);
    if (it == impl_->archive->headerEnd()) throw Error(impl_->file, damagedText());
    const Poco::Zip::ZipLocalFileHeader& header = it->second;
    if (header.isEncrypted()) throw Error(impl_->file, encryptedText());
    const std::string shown = displayName(name);
    if (!header.hasSupportedCompressionMethod()) {
        throw Error(impl_->file, {"Bagian " + shown +
                                      " dipadatkan dengan metode yang tidak didukung. Buka berkas di LibreOffice "
                                      "atau Excel lalu simpan ulang sebagai .ods atau .xlsx.",
                                  "The part " + shown +
                                      " is compressed with an unsupported method. Open the file in LibreOffice "
                                      "or Excel and save it again as .ods or .xlsx."});
    }
    maxBytes = std::min<std::uint64_t>(maxBytes, 1ull << 40);   // so that maxBytes + 1 cannot wrap
    auto tooLarge = [&] {
        const std::string limit = sizeText(maxBytes);
        return Error(impl_->file, {"Bagian " + shown + " dalam berkas ini lebih dari " + limit +
                                       " setelah dibuka. Hapus data, "
                                       "gambar, atau lembar yang tidak perlu lalu simpan ulang.",
                                   "The part " + shown + " in this file is larger than " + limit +
                                       " once uncompressed. Remove "
                                       "data, images or sheets that are not needed and save it again."});
    };
    // Poco::Zip locates the entry's data; it is inflated straight from the
    // package in memory. (ZipInputStream would read entries that have a data
    // descriptor byte by byte through three stream layers: twice as slow.)
    const std::uint64_t start = static_cast<std::uint64_t>(header.getDataStartPos());
    const std::uint64_t compressed = header.getCompressedSize();
    const std::string_view bytes = impl_->bytes;
    if (header.getDataStartPos() < 0 || start > bytes.size() || compressed > bytes.size() - start)
        throw Error(impl_->file, damagedText());
    const std::string_view data = bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(compressed));

    std::string out;
    if (header.getCompressionMethod() == Poco::Zip::ZipCommon::CM_STORE) {
        if (data.size() > maxBytes) throw tooLarge();
        out.assign(data);
    } else {
        try {
            Poco::MemoryInputStream raw(data.data(), static_cast<std::streamsize>(data.size()));
            Poco::InflatingInputStream inflater(raw, -15);   // zlib window bits: raw deflate, as in zip entries
            // The header's size is only a hint for the first allocation: it
            // may lie, so it is capped by what deflate can expand to (1032:1)
            // and by the limit. Growth is bounded by maxBytes + 1 (one byte
            // more proves the entry is over the limit), checked while inflating.
            const std::uint64_t cap = maxBytes + 1;
            const std::uint64_t hint =
                std::min({header.getUncompressedSize(), mulSat(compressed, 1032) + 1024, maxBytes});
            out.resize(static_cast<std::size_t>(hint + 1));
            std::size_t size = 0;
            for (;;) {
                if (size == out.size()) {
                    if (size >= cap) throw tooLarge();
                    const std::uint64_t grown = std::max<std::uint64_t>(std::uint64_t(size) * 2, 4096);
                    out.resize(static_cast<std::size_t>(std::min(grown, cap)));
                }
                inflater.read(&out[size], static_cast<std::streamsize>(out.size() - size));
                size += static_cast<std::size_t>(inflater.gcount());
                if (size > maxBytes) throw tooLarge();
                if (!inflater) break;
            }
            // Inflate errors are thrown inside the stream buffer, which
            // std::istream turns into badbit.
            if (inflater.bad()) throw Error(impl_->file, damagedText());
            out.resize(size);
        } catch (const Error&) {
            throw;
        } catch (const std::exception&) {
            throw Error(impl_->file, damagedText());
        }
    }
    // Truncated or altered data shows here.
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    for (std::size_t done = 0; done < out.size(); done += 1u << 30)
        crc.update(out.data() + done, static_cast<unsigned>(std::min<std::size_t>(out.size() - done, 1u << 30)));
    if (crc.checksum() != header.getCRC()) throw Error(impl_->file, damagedText());
    return out;
}

}   // namespace evakin
