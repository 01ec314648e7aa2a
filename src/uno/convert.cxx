#include "convert.hxx"

#include <system_error>

#include <osl/file.hxx>
#include <rtl/string.hxx>
#include <rtl/textenc.h>

namespace evakin::uno
{

rtl::OUString toOUString(const std::string& utf8)
{
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

std::string toUtf8(const rtl::OUString& text)
{
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

std::filesystem::path toPath(const rtl::OUString& urlOrSystemPath)
{
    const rtl::OUString trimmed = urlOrSystemPath.trim();
    if (!trimmed.startsWithIgnoreAsciiCase("file:"))
        return std::filesystem::path(toUtf8(trimmed));
    rtl::OUString systemPath;
    if (osl::FileBase::getSystemPathFromFileURL(trimmed, systemPath) != osl::FileBase::E_None)
        return {};
    return std::filesystem::path(toUtf8(systemPath));
}

rtl::OUString toFileUrl(const std::filesystem::path& path)
{
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    if (ec)
        return rtl::OUString();
    rtl::OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(toOUString(absolute.string()), url) !=
        osl::FileBase::E_None)
        return rtl::OUString();
    return url;
}

} // namespace evakin::uno
