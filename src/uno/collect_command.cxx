// org.evakin:Collect ("Rekap Kiriman") and org.evakin:NextPeriod ("Periode
// Baru"): the two steps that close one quarter and open the next.
#include <filesystem>
#include <optional>
#include <system_error>

#include "actions.hxx"
#include "collect/collect.hpp"
#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "period/next_period.hpp"
#include "period/returns_status.hpp"
#include "settings/office_settings.hpp"
#include "mail_steps.hxx"
#include "settings.hxx"
#include "step_dialogs.hxx"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

// The new period's plan, opened in a new window when asked: the next thing staff check.
void openNewPeriod(const CommandScope& scope, const evakin::NextPeriodResult& result)
{
    openResult(scope, evakin::Workspace{result.workspace, result.period}.planFile());
}

} // namespace

EVAKIN_UNO_COMMAND(collectCommand)
{
    return runWorkspaceCommand(
        context, frame, arguments, texts::collectTitle,
        [&](const CommandScope& scope, const CommandArguments& args,
            const std::filesystem::path& dir)
        {
            // "Ambil dari surel": the replies in the office's mailbox into inbox/ first (asked when
            // a mailbox is set in the office settings; FetchMail=true without asking).
            if (args.flag("FetchMail") ||
                (!scope.silent && mailboxConfigured() &&
                 scope.ask(scope.text(texts::fetchFromMailbox) +
                           toOUString(evakin::loadOfficeSettings().pop3.host) +
                           scope.text(texts::fetchFromMailboxEnd))))
                fetchFromMail(scope, dir);
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
            // Reminders to the late units, offered when an SMTP server is set (RemindMail=true:
            // without asking).
            if (!result.complete() &&
                (args.flag("RemindMail") || (!scope.silent && smtpConfigured() &&
                                             scope.ask(scope.text(texts::remindQuestion)))))
                remindByMail(scope, dir);
            // The table is what the report is built from: offered, not forced on screen. Asked
            // before the recap opens, so the question never waits behind a new window.
            const std::filesystem::path table = evakin::Workspace{dir, {}}.evalTableFile();
            std::error_code ec;
            const bool openTable =
                std::filesystem::is_regular_file(table, ec) &&
                scope.ask(scope.text(texts::openEvalTable) + toOUString(table.u8string()));
            openResult(scope, result.recapFile);
            if (openTable)
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
            std::optional<evakin::NextPeriodResult> result;
            bool open = false;
            if (scope.silent)
            {
                result = evakin::createNextWorkspace(
                    dir, target.isEmpty() ? evakin::proposedNextWorkspace(dir)
                                          : workspaceArgument(target, scope.lang, nullptr));
            }
            else
            {
                // Proposed: the sibling named after the next period; the dialog warns when
                // this period's returns are not all in and valid (only those are carried).
                const evakin::Workspace ws = evakin::openWorkspace(dir);
                const evakin::ReturnsStatus returns = evakin::returnsStatus(dir);
                NextPeriodChoice choice{
                    target.isEmpty() ? toOUString(evakin::proposedNextWorkspace(dir).u8string())
                                     : toOUString(toPath(target).u8string()),
                    true};
                while (!result)
                {
                    const std::optional<NextPeriodChoice> typed = nextPeriodDialog(
                        scope, ws, returns.complete() ? std::string() : returns.warning(scope.lang),
                        choice);
                    if (!typed)
                        throw CommandStopped{scope.text(texts::nextPeriodNotCreated)};
                    choice = *typed;
                    try
                    {
                        result = evakin::createNextWorkspace(
                            dir, workspaceArgument(choice.target, scope.lang, nullptr));
                    }
                    catch (const css::lang::IllegalArgumentException& e)
                    {
                        scope.message(MessageKind::error, e.Message);
                    }
                    catch (const evakin::Error& e)
                    {
                        scope.message(MessageKind::error, toOUString(e.render(scope.lang)));
                    }
                }
                open = choice.open;
            }
            rememberWorkspace(
                context, toFileUrl(result->workspace)); // the next command works on the new period
            scope.message(MessageKind::info, toOUString(result->summary(scope.lang)));
            if (open)
                openNewPeriod(scope, *result);
            return toOUString(result->toJson());
        });
}

} // namespace evakin::uno
