#include "workspace_events.hxx"

#include <atomic>
#include <map>
#include <mutex>
#include <vector>

namespace evakin::uno
{

namespace
{

struct Listeners
{
    std::mutex mutex;
    WorkspaceListenerId next = 1;
    std::map<WorkspaceListenerId, std::function<void()>> byId;
};

std::atomic<unsigned long> generation{0};

Listeners& listeners()
{
    static Listeners instance;
    return instance;
}

} // namespace

WorkspaceListenerId onWorkspaceChanged(std::function<void()> listener)
{
    Listeners& all = listeners();
    std::lock_guard<std::mutex> lock(all.mutex);
    const WorkspaceListenerId id = all.next++;
    all.byId.emplace(id, std::move(listener));
    return id;
}

void removeWorkspaceListener(WorkspaceListenerId id) noexcept
{
    Listeners& all = listeners();
    std::lock_guard<std::mutex> lock(all.mutex);
    all.byId.erase(id);
}

void notifyWorkspaceChanged() noexcept
{
    ++generation;
    // Copied first: a listener may add or remove listeners (a panel closing).
    std::vector<std::function<void()>> toCall;
    {
        Listeners& all = listeners();
        std::lock_guard<std::mutex> lock(all.mutex);
        for (const auto& entry : all.byId)
            toCall.push_back(entry.second);
    }
    for (const auto& call : toCall)
    {
        try
        {
            call();
        }
        catch (...)
        {
        }
    }
}

unsigned long workspaceGeneration() noexcept { return generation.load(); }

} // namespace evakin::uno
