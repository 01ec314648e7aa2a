// "Something in a workspace changed": sent after every command the toolbar
// runs and when the current workspace changes, so the sidebar deck and the
// commands' enabled states refresh from the files at once. In-process only;
// listeners are called on the thread that sent (the main thread for commands).
#pragma once

#include <functional>

namespace evakin::uno
{

using WorkspaceListenerId = unsigned long;

WorkspaceListenerId onWorkspaceChanged(std::function<void()> listener);
void removeWorkspaceListener(WorkspaceListenerId id) noexcept;
// Calls every listener; one that throws is skipped, never stops the others.
void notifyWorkspaceChanged() noexcept;
// How many times notifyWorkspaceChanged() ran: what was read from a workspace at one
// generation may be reused until the next (the commands' states, read once for all buttons).
unsigned long workspaceGeneration() noexcept;

} // namespace evakin::uno
