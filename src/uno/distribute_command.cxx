// org.evakin:Distribute ("Bagikan Format"): find the workspace, confirm
// replacing forms already in the outbox, run the core with progress, report.
#include <filesystem>
#include <system_error>

#include "actions.hxx"
#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "texts.hxx"
#include "model/workspace.hpp"

namespace evakin::uno
{

namespace
{

bool outboxHasFiles(const std::filesystem::path& dir)
{
    evakin::Workspace workspace;
    workspace.dir = dir;
    std::error_code ec;
    const std::filesystem::directory_iterator it(workspace.outbox(), ec);
    return !ec && it != std::filesystem::directory_iterator();
}

} // namespace

EVAKIN_UNO_COMMAND(distributeCommand)
{
    return runWorkspaceCommand(
        context, frame, arguments, texts::distributeTitle,
        [&](const CommandScope& scope, const CommandArguments& args,
            const std::filesystem::path& dir)
        {
            bool overwrite = args.flag("Overwrite");
            if (!scope.silent && !overwrite && outboxHasFiles(dir))
            {
                if (!scope.ask(scope.text(texts::outboxNotEmpty)))
                    throw CommandStopped{scope.text(texts::keptExistingForms)};
                overwrite = true;
            }
            Progress progress(frame);
            const evakin::DistributeResult result = distributeForUno(
                dir, overwrite, scope.lang,
                [&](std::size_t done, std::size_t total, const std::string& unitName) {
                    progress.update(done, total,
                                    toOUString(texts::writingForm.in(scope.lang) + unitName));
                },
                nullptr);
            scope.message(MessageKind::info, toOUString(result.summary(scope.lang)));
            return toOUString(result.toJson());
        });
}

} // namespace evakin::uno
