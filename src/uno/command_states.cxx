#include "command_states.hxx"

#include <mutex>

#include "command_support.hxx"
#include "convert.hxx"
#include "settings.hxx"
#include "text/tech_log.hpp"
#include "workspace_events.hxx"

namespace evakin::uno
{

namespace
{

// The last states read: a toolbar asks for each of its buttons in turn, every frame for its own.
struct Cache
{
    std::mutex mutex;
    bool valid = false;
    unsigned long generation = 0;
    std::filesystem::path workspace;
    evakin::Lang lang = evakin::Lang::id;
    std::vector<evakin::CommandState> commands;
};

Cache& cache()
{
    static Cache instance;
    return instance;
}

std::filesystem::path
currentWorkspace(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame)
{
    std::filesystem::path dir = frame.is() ? documentWorkspace(frame) : std::filesystem::path();
    if (dir.empty())
    {
        const rtl::OUString last = lastWorkspace(context);
        if (!last.isEmpty())
            dir = toPath(last);
    }
    return dir.empty() || !isWorkspaceDir(dir) ? std::filesystem::path() : dir;
}

std::vector<evakin::CommandState> readStates(const std::filesystem::path& dir, evakin::Lang lang)
{
    if (dir.empty())
        return evakin::commandsWithoutWorkspace(lang);
    try
    {
        return evakin::sopStatus(dir, lang).commands;
    }
    catch (const std::exception& e)
    {
        evakin::logTechnicalDetail("command states: " + dir.u8string(), e.what());
        return {}; // unknown: every command stays enabled and says itself what is wrong
    }
}

} // namespace

evakin::CommandState commandState(const css::uno::Reference<css::uno::XComponentContext>& context,
                                  const css::uno::Reference<css::frame::XFrame>& frame,
                                  const rtl::OUString& url) noexcept
{
    evakin::CommandState state;
    try
    {
        state.command = toUtf8(url);
        const std::filesystem::path dir = currentWorkspace(context, frame);
        const evakin::Lang lang = uiLanguage(context);
        Cache& c = cache();
        std::lock_guard<std::mutex> lock(c.mutex);
        const unsigned long generation = workspaceGeneration();
        if (!c.valid || c.generation != generation || c.workspace != dir || c.lang != lang)
        {
            c.commands = readStates(dir, lang);
            c.valid = true;
            c.generation = generation;
            c.workspace = dir;
            c.lang = lang;
        }
        for (const evakin::CommandState& known : c.commands)
            if (known.command == state.command)
                return known;
    }
    catch (...)
    {
    }
    return state;
}

} // namespace evakin::uno
