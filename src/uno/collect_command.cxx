// org.evakin:Collect ("Rekap Kiriman") and org.evakin:NextPeriod ("Periode
// Baru"): the two steps that close one quarter and open the next.
#include <filesystem>
#include <system_error>

#include "actions.hxx"
#include "collect/collect.hpp"
#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "period/next_period.hpp"
#include "settings.hxx"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

bool isEmptyOrAbsent(const std::filesystem::path& dir)
{
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec))
        return true;
    return std::filesystem::is_directory(dir, ec) && std::filesystem::is_empty(dir, ec);
}

// Where the next period goes when no Target was given: the proposed sibling,
// confirmed by the user; on "No" a folder picker, and a non-empty folder picked
// gets the proposed name inside it (a workspace never shares a folder).
std::filesystem::path chooseTarget(const CommandScope& scope, const std::filesystem::path& proposed)
{
    if (scope.silent ||
        scope.ask(scope.text(texts::confirmNextPeriod) + toOUString(proposed.u8string())))
        return proposed;
    const rtl::OUString chosen = pickFolder(scope.context, scope.text(texts::chooseNextFolder),
                                            toFileUrl(proposed.parent_path()));
    if (chosen.isEmpty())
        throw CommandStopped{scope.text(texts::missingWorkspaceArgument)};
    const std::filesystem::path dir = toPath(chosen);
    return isEmptyOrAbsent(dir) ? dir : dir / proposed.filename();
}

} // namespace

EVAKIN_UNO_COMMAND(collectCommand)
{
    return runWorkspaceCommand(
        context, frame, arguments, texts::collectTitle,
        [&](const CommandScope& scope, const CommandArguments& /*args*/,
            const std::filesystem::path& dir)
        {
            Progress progress(frame);
            evakin::CollectOptions options;
            options.progress = [&](std::size_t done, std::size_t total, const std::string& file) {
                progress.update(done, total,
                                toOUString(texts::readingReturn.in(scope.lang) + file));
            };
            const evakin::CollectResult result = evakin::collect(dir, options);
            // Missing or invalid returns are a result, not a failure: a warning box, then the
            // recap.
            scope.message(result.complete() ? MessageKind::info : MessageKind::warning,
                          toOUString(result.summary(scope.lang)));
            openResult(scope, result.recapFile);
            // The table is what the report is built from: offered, not forced on screen.
            const std::filesystem::path table = evakin::Workspace{dir, {}}.evalTableFile();
            std::error_code ec;
            if (std::filesystem::is_regular_file(table, ec) &&
                scope.ask(scope.text(texts::openEvalTable) + toOUString(table.u8string())))
                openResult(scope, table);
            return toOUString(result.toJson(scope.lang));
        });
}

EVAKIN_UNO_COMMAND(nextPeriodCommand)
{
    return runWorkspaceCommand(
        context, frame, arguments, texts::nextPeriodTitle,
        [&](const CommandScope& scope, const CommandArguments& args,
            const std::filesystem::path& dir)
        {
            const rtl::OUString target = args.string("Target");
            const std::filesystem::path next = target.isEmpty()
                                                   ? chooseTarget(scope, proposedNextWorkspace(dir))
                                                   : workspaceArgument(target, scope.lang, nullptr);
            const evakin::NextPeriodResult result = evakin::createNextWorkspace(dir, next);
            rememberWorkspace(
                context, toFileUrl(result.workspace)); // the next command works on the new period
            scope.message(MessageKind::info, toOUString(result.summary(scope.lang)));
            return toOUString(result.toJson());
        });
}

} // namespace evakin::uno
