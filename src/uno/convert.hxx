// Conversions at the UNO boundary: rtl::OUString <-> UTF-8 std::string, and
// workspace arguments (system path or file:// URL) <-> std::filesystem::path.
#pragma once

#include <filesystem>
#include <string>

#include <rtl/ustring.hxx>

namespace evakin::uno
{

rtl::OUString toOUString(const std::string& utf8);
std::string toUtf8(const rtl::OUString& text);

// Accepts a file:// URL or a system path; empty when a URL cannot be converted.
std::filesystem::path toPath(const rtl::OUString& urlOrSystemPath);

// The file:// URL of a path (made absolute first); empty when it cannot be converted.
rtl::OUString toFileUrl(const std::filesystem::path& path);

} // namespace evakin::uno
