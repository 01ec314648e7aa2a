#include "io/zip_order.hpp"

#include <cstdint>

namespace evakin {

namespace {

std::uint32_t le(const std::string& b, std::size_t pos, int bytes)
{
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(b[pos + static_cast<std::size_t>(i)]);
    return v;
}

}   // namespace

bool moveCentralDirectoryEntryFirst(std::string& zip, const std::string& name)
{
    constexpr std::size_t kEndRecordSize = 22;     // end of central directory record, no comment
    constexpr std::size_t kRecordFixedSize = 46;   // central directory file header before its name
    if (zip.size() < kEndRecordSize) return false;
    const std::size_t end = zip.size() - kEndRecordSize;
    if (le(zip, end, 4) != 0x06054b50u) return false;
    const std::size_t cdSize = le(zip, end + 12, 4);
    const std::size_t cdOffset = le(zip, end + 16, 4);
    if (cdOffset + cdSize != end) return false;

    std::size_t pos = cdOffset;
    while (pos + kRecordFixedSize <= end && le(zip, pos, 4) == 0x02014b50u) {
        const std::size_t nameLen = le(zip, pos + 28, 2);
        const std::size_t recordLen = kRecordFixedSize + nameLen + le(zip, pos + 30, 2) + le(zip, pos + 32, 2);
        if (pos + recordLen > end) return false;
        if (zip.compare(pos + kRecordFixedSize, nameLen, name) == 0 && nameLen == name.size()) {
            const std::string record = zip.substr(pos, recordLen);
            zip.erase(pos, recordLen);
            zip.insert(cdOffset, record);
            return true;
        }
        pos += recordLen;
    }
    return false;
}

}   // namespace evakin
