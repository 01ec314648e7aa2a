// The commands that produce documents from a collected period:
// org.evakin:Report ("Susun Draf Laporan"), org.evakin:Letter ("Surat
// Pengantar" / "Undangan Rapat", argument Kind) and org.evakin:Register
// ("Register Surat": the Buku Agenda Surat Keluar in Calc).
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

// The toolbar has no date field: an invitation made from it is set a week
// ahead, and its summary tells staff to adjust the date in Writer.
std::string defaultMeetingDate()
{
    const Poco::LocalDateTime inAWeek = Poco::LocalDateTime() + Poco::Timespan(7, 0, 0, 0, 0);
    return Poco::DateTimeFormatter::format(inAWeek, "%Y-%m-%d");
}

bool isInvitation(const CommandArguments& args)
{
    return args.string("Kind").equalsIgnoreAsciiCase("undangan");
}

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

EVAKIN_UNO_COMMAND(letterCommand)
{
    const evakin::Text& title = isInvitation(CommandArguments(arguments)) ? texts::invitationTitle
                                                                          : texts::coverLetterTitle;
    return runWorkspaceCommand(
        context, frame, arguments, title,
        [&](const CommandScope& scope, const CommandArguments& args,
            const std::filesystem::path& dir)
        {
            evakin::LetterRequest request =
                letterRequest(dir, toUtf8(args.string("Kind")),
                              [&](const char* name) { return args.string(name); });
            if (request.kind == evakin::LetterKind::undangan && request.meetingDate.empty())
                request.meetingDate = defaultMeetingDate();
            evakin::LetterResult result = produceLetterForUno(request, args.string("Register"));
            rtl::OUString json = toOUString(result.toJson());
            if (args.flag("Pdf") || args.flag("PdfA"))
                exportPdf(context, result.file,
                          args.flag("PdfA")); // beside the letter, like the report's
            scope.message(MessageKind::info, toOUString(result.summary(scope.lang)));
            openResult(scope, result.file);
            return json;
        });
}

EVAKIN_UNO_COMMAND(registerCommand)
{
    return runWorkspaceCommand(
        context, frame, arguments, texts::registerTitle,
        [&](const CommandScope& scope, const CommandArguments& args,
            const std::filesystem::path& dir)
        {
            const evakin::ExportResult result =
                exportRegisterForUno(dir, args.integer("Year"), args.string("Register"));
            openResult(scope, result.file); // the register is its own message: no box first
            return toOUString(result.toJson());
        });
}

} // namespace evakin::uno
