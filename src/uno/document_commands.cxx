// The command that drafts the report from a collected period:
// org.evakin:Report ("Susun Draf Laporan"). The letters and the register are
// in letter_command.cxx.
#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timespan.h>

#include <filesystem>
#include <optional>

#include <com/sun/star/uno/RuntimeException.hpp>

#include "actions.hxx"
#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "report/report.hpp"
#include "step_dialogs.hxx"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

} // namespace

EVAKIN_UNO_COMMAND(reportCommand)
{
    return runWorkspaceCommand(
        context, frame, arguments, texts::reportTitle,
        [&](const CommandScope& scope, const CommandArguments& args,
            const std::filesystem::path& dir)
        {
            ReportChoice choice{args.string("Date"), args.flag("Pdf"), args.flag("PdfA"), true};
            std::optional<evakin::ReportResult> written;
            evakin::ReportOptions options;
            if (scope.silent)
            {
                options.date = toUtf8(choice.date);
                written = evakin::writeReport(dir, options); // collects first when needed
            }
            else
            {
                // The dialog proposes today; the core checks the date before writing anything.
                const evakin::Workspace ws = evakin::openWorkspace(dir);
                if (choice.date.isEmpty())
                    choice.date = toOUString(
                        Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%d"));
                while (!written)
                {
                    const std::optional<ReportChoice> typed = reportDialog(scope, ws, choice);
                    if (!typed)
                        throw CommandStopped{scope.text(texts::reportNotWritten)};
                    choice = *typed;
                    options.date = toUtf8(choice.date);
                    try
                    {
                        written = evakin::writeReport(dir, options);
                    }
                    catch (const evakin::Error& e)
                    {
                        scope.message(MessageKind::error, toOUString(e.render(scope.lang)));
                    }
                }
            }
            evakin::ReportResult& result = *written;
            const auto show = [&] {
                if (choice.open)
                    openResult(scope, result.file);
            };
            if (choice.pdf || choice.pdfa)
            {
                try
                {
                    result.pdf = exportPdf(context, result.file, choice.pdfa);
                }
                catch (const css::uno::Exception& e)
                {
                    show(); // the draft itself is fine: show it anyway
                    throw css::uno::RuntimeException(scope.text(texts::pdfFailed) + e.Message);
                }
            }
            scope.message(result.complete() ? MessageKind::info : MessageKind::warning,
                          toOUString(result.summary(scope.lang)));
            show();
            return toOUString(result.toJson());
        });
}

} // namespace evakin::uno
