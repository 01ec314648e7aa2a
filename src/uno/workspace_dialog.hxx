// "Ruang Kerja": choosing the workspace a command acts on, and the command
// org.evakin:Workspace that creates one or chooses the current one
// (workspace_dialog.cxx; the creation itself is the core's
// model/new_workspace.hpp).
#pragma once

#include <filesystem>

#include "command_support.hxx"

namespace evakin::uno
{

// Asks which workspace a command started outside every workspace acts on, `proposed`
// (the last one used) filled in; a folder that is not a workspace is refused in the dialog,
// which stays open. Empty when cancelled (a headless office cancels at once).
std::filesystem::path askWorkspace(const CommandScope& scope,
                                   const std::filesystem::path& proposed);

} // namespace evakin::uno
