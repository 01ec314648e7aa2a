// File helpers shared by every writer: outputs are written atomically (a
// temporary file in the same folder, then a rename), so a crash or a full
// disk never leaves a half-written document where a good one was expected.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace evakin {

// Writes bytes to `file` atomically; creates the parent folder. Throws Error naming the file.
void writeFileAtomically(const std::filesystem::path& file, const std::string& bytes);
// Reads a whole file; throws Error naming the file when it cannot be read.
std::string readFile(const std::filesystem::path& file);
// Copies a file (atomically) or a folder (recursively) when it exists; nothing when it does not.
void copyIfPresent(const std::filesystem::path& from, const std::filesystem::path& to);
// Makes the folder `dir` all or nothing: `build` fills a hidden sibling folder, which becomes `dir` (new, or an
// existing empty folder) only when complete. On any failure the hidden folder and every parent folder made for
// `dir` are removed again, so nothing is left and a retry is not refused; the failure is thrown as an Error
// (an operating-system failure in staff words, see system_errors.hpp).
void buildFolderAllOrNothing(const std::filesystem::path& dir,
                             const std::function<void(const std::filesystem::path& staging)>& build);
// The file name as UTF-8, for messages.
std::string displayName(const std::filesystem::path& file);

}   // namespace evakin
