// Failures of the operating system (a folder that cannot be made, a full
// disk, a file without permission) worded for staff: what happened, to which
// path, and what to do, instead of the C++ library's English
// ("filesystem error: cannot create directories: Permission denied [...]").
// The doors (UNO, CLI) turn any std::exception that escapes the core into
// one of these messages.
#pragma once

#include <exception>
#include <filesystem>
#include <system_error>

#include "text/error.hpp"

namespace evakin {

// The message for an operating-system error code on `path` (empty path: not named).
Text systemErrorText(const std::error_code& code, const std::filesystem::path& path);

// An exception that is not an evakin::Error as an Error naming its path and what to do:
// std::filesystem::filesystem_error and std::system_error by their error code, std::bad_alloc
// as lack of memory, anything else as an unexpected error without library text.
Error errorFromException(const std::exception& e);

}   // namespace evakin
