// org.evakin:Distribute ("Bagikan Format"): a dialog first (which units, and
// whether to replace forms already in the outbox, naming those open in
// LibreOffice now), then the core with progress, then the summary. Nothing is
// written before the user confirms; a problem (a form that exists and is not
// to be replaced) is shown and the dialog opens again as the user left it.
#include <filesystem>
#include <optional>
#include <system_error>

#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "step_dialogs.hxx"
#include "texts.hxx"
#include "model/workspace.hpp"

namespace evakin::uno
{

namespace
{

std::filesystem::path comparable(const std::filesystem::path& file)
{
    std::error_code ec;
    const std::filesystem::path canonical = std::filesystem::weakly_canonical(file, ec);
    return ec ? file : canonical;
}

// The target forms that are open in LibreOffice now: replacing them under an
// open window would have that window save the old form over the new one.
std::vector<std::filesystem::path> openForms(const CommandScope& scope,
                                             const std::vector<evakin::FormTarget>& targets)
{
    std::vector<std::filesystem::path> out;
    const std::vector<std::filesystem::path> open = openDocumentFiles(scope.context);
    for (const evakin::FormTarget& t : targets)
        for (const std::filesystem::path& doc : open)
            if (t.exists && comparable(doc) == comparable(t.file))
                out.push_back(t.file);
    return out;
}

} // namespace

EVAKIN_UNO_COMMAND(distributeCommand)
{
    return runWorkspaceCommand(
        context, frame, arguments, texts::distributeTitle,
        [&](const CommandScope& scope, const CommandArguments& args,
            const std::filesystem::path& dir)
        {
            Progress progress(frame);
            evakin::DistributeOptions options;
            options.overwrite = args.flag("Overwrite");
            options.units = evakin::unitCodeList(toUtf8(args.string("Units")));
            options.progress = [&](std::size_t done, std::size_t total, const std::string& unitName)
            {
                progress.update(done, total,
                                toOUString(texts::writingForm.in(scope.lang) + unitName));
            };
            std::optional<evakin::DistributeResult> result;
            if (scope.silent)
            {
                result = evakin::distribute(dir, options);
            }
            else
            {
                const evakin::Workspace ws = evakin::openWorkspace(dir);
                const std::vector<evakin::FormTarget> targets = evakin::formTargets(dir);
                DistributeChoice choice{options.units, options.overwrite};
                if (choice.units.empty()) // every unit with plan rows, ticked
                    for (const evakin::FormTarget& t : targets)
                        if (t.rows > 0)
                            choice.units.push_back(t.unitCode);
                const std::vector<std::filesystem::path> open = openForms(scope, targets);
                while (!result)
                {
                    const std::optional<DistributeChoice> typed =
                        distributeDialog(scope, ws, targets, open, choice);
                    if (!typed)
                        throw CommandStopped{scope.text(texts::nothingWritten)};
                    choice = *typed;
                    if (choice.units.empty())
                    {
                        scope.message(MessageKind::error, scope.text(texts::noUnitChosen));
                        continue;
                    }
                    options.units = choice.units;
                    options.overwrite = choice.overwrite;
                    try
                    {
                        result = evakin::distribute(dir, options);
                    }
                    catch (const evakin::Error& e)
                    {
                        scope.message(MessageKind::error, toOUString(e.render(scope.lang)));
                    }
                }
            }
            scope.message(MessageKind::info, toOUString(result->summary(scope.lang)));
            return toOUString(result->toJson());
        });
}

} // namespace evakin::uno
