// org.evakin:Distribute ("Bagikan Format"): a dialog first (which units, and
// whether to replace forms already in the outbox, naming those open in
// LibreOffice now), then the core with progress, then the summary. Nothing is
// written before the user confirms; a problem (a form that exists and is not
// to be replaced) is shown and the dialog opens again as the user left it.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>

#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "mail_steps.hxx"
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

// Whether every unit in `units` already has its form in outbox/.
bool allFormsExist(const std::vector<evakin::FormTarget>& targets,
                   const std::vector<std::string>& units)
{
    for (const std::string& code : units)
    {
        const auto t =
            std::find_if(targets.begin(), targets.end(),
                         [&](const evakin::FormTarget& f) { return f.unitCode == code; });
        if (t == targets.end() || !t->exists)
            return false;
    }
    return true;
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
            bool sendMail = args.flag("SendMail");
            if (scope.silent)
            {
                result = evakin::distribute(dir, options);
            }
            else
            {
                const evakin::Workspace ws = evakin::openWorkspace(dir);
                const std::vector<evakin::FormTarget> targets = evakin::formTargets(dir);
                DistributeChoice choice{options.units, options.overwrite, sendMail};
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
                    sendMail = choice.sendMail;
                    // Sending forms already in outbox/ (nothing to replace): they go as they are.
                    if (sendMail && !choice.overwrite && allFormsExist(targets, choice.units))
                        break;
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
            if (result)
                scope.message(MessageKind::info, toOUString(result->summary(scope.lang)));
            if (sendMail)
                sendFormsByMail(scope, dir, options.units);
            return toOUString(result ? result->toJson()
                                     : std::string("{\"ok\":true,\"forms\":[]}"));
        });
}

} // namespace evakin::uno
