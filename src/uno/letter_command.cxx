// org.evakin:Letter ("Surat Pengantar" / "Undangan Rapat", argument Kind) and
// org.evakin:Register ("Register Surat"). Each shows its dialog first
// (letter_dialog.cxx, register_dialog.cxx): nothing is numbered, voided or
// written before the user confirms. Silent: the arguments alone, no dialog.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/LocalDateTime.h>

#include <sstream>

#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include "actions.hxx"
#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "letter_dialog.hxx"
#include "letters/letter_defaults.hpp"
#include "letters/register.hpp"
#include "settings/office_settings.hpp"
#include "register_dialog.hxx"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

bool isInvitation(const CommandArguments& args)
{
    return args.string("Kind").equalsIgnoreAsciiCase("undangan");
}

evakin::Register openRegister(const CommandArguments& args)
{
    return evakin::Register::open(evakin::officeRegisterLocation(toUtf8(args.string("Register"))));
}

rtl::OUString workspaceLine(const CommandScope& scope, const std::filesystem::path& dir)
{
    return scope.text(texts::workspaceHeading) + toOUString(dir.u8string());
}

// Register Surat with its dialog: list, void with a reason, export. Returns the JSON result.
rtl::OUString registerWithDialog(const CommandScope& scope, const CommandArguments& args,
                                 const std::filesystem::path& dir)
{
    evakin::Register reg = openRegister(args);
    RegisterDialogState state;
    state.year = args.integer("Year") > 0 ? args.integer("Year") : Poco::LocalDateTime().year();
    state.heading = workspaceLine(scope, dir) + "\n" + scope.text(texts::registerLocation) +
                    toOUString(reg.location().display());
    Poco::JSON::Array::Ptr voided = new Poco::JSON::Array;
    for (;;)
    {
        state.entries = reg.list(state.year);
        const RegisterDialogChoice choice = registerDialog(scope, state);
        if (choice.action == RegisterDialogChoice::close)
        {
            if (voided->size() == 0)
                throw CommandStopped{scope.text(texts::registerClosed)};
            Poco::JSON::Object result;
            result.set("ok", true);
            result.set("voided", voided);
            std::ostringstream out;
            result.stringify(out);
            return toOUString(out.str());
        }
        state.reason = choice.reason;
        state.chosen = choice.entry;
        if (choice.action == RegisterDialogChoice::showYear)
        {
            if (choice.year > 0 && choice.year != state.year)
                state.chosen = -1;
            state.year = choice.year > 0 ? choice.year : state.year;
            state.status.clear();
            continue;
        }
        if (choice.action == RegisterDialogChoice::exportAgenda)
        {
            const evakin::ExportResult result =
                exportRegisterForUno(dir, state.year, args.string("Register"));
            openResult(scope, result.file);
            return toOUString(result.toJson());
        }
        // Void: the entry chosen in the list, with the reason typed; problems stay in the dialog.
        if (choice.entry < 0)
        {
            state.status = scope.text(texts::registerChooseEntry);
            continue;
        }
        const evakin::RegisterEntry& entry = state.entries[static_cast<std::size_t>(choice.entry)];
        if (!scope.ask(scope.text(texts::registerConfirmVoid) + toOUString(entry.number + " — ") +
                       toOUString(choice.reason)))
            continue;
        try
        {
            const evakin::RegisterEntry done = reg.voidEntry(entry.id, choice.reason);
            state.status = scope.text(texts::registerVoided) + toOUString(done.number) + " (" +
                           toOUString(done.voidReason) + ")";
            state.reason.clear();
            voided->add(Poco::JSON::Parser().parse(done.toJson()));
        }
        catch (const evakin::Error& e)
        {
            state.status = toOUString(e.render(scope.lang));
        }
    }
}

} // namespace

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
            evakin::Register reg = openRegister(args);
            if (!scope.silent)
            {
                // The dialog first: no number is taken before Make Letter, and a problem
                // shows the dialog again with what was typed.
                for (;;)
                {
                    const evakin::LetterProposal proposal = evakin::proposeLetter(request, reg);
                    const std::optional<evakin::LetterRequest> typed =
                        letterDialog(scope, proposal, dir);
                    if (!typed)
                        throw CommandStopped{scope.text(texts::letterNotMade)};
                    request = *typed;
                    try
                    {
                        evakin::checkLetter(request, reg);
                        // A date changed onto a weekend or holiday is shown once more before
                        // the number is taken; OK again keeps it.
                        const bool datesShown = request.date == proposal.request.date &&
                                                request.meetingDate == proposal.request.meetingDate;
                        if (!datesShown && !evakin::letterDateWarnings(request, dir).empty())
                            continue;
                        break;
                    }
                    catch (const evakin::Error& e)
                    {
                        scope.message(MessageKind::error, toOUString(e.render(scope.lang)));
                    }
                }
            }
            const evakin::LetterResult result = evakin::produceLetter(request, reg);
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
            const rtl::OUString action = args.string("Action").trim().toAsciiLowerCase();
            if (action == "void")
            {
                const evakin::RegisterEntry entry =
                    voidNumberForUno(args.string("Number"), args.integer("Year"),
                                     args.string("Reason"), args.string("Register"));
                scope.message(MessageKind::info, scope.text(texts::registerVoided) +
                                                     toOUString(entry.number) + " (" +
                                                     toOUString(entry.voidReason) + ")");
                return toOUString("{\"ok\":true,\"entry\":" + entry.toJson() + "}");
            }
            if (action == "list")
                return toOUString(
                    evakin::entriesToJson(openRegister(args).list(args.integer("Year"))));
            if (!action.isEmpty() && action != "export")
                throw css::lang::IllegalArgumentException(
                    scope.text(texts::unknownRegisterAction) + args.string("Action"), nullptr, 0);
            if (action.isEmpty() && !scope.silent)
                return registerWithDialog(scope, args, dir);
            const evakin::ExportResult result =
                exportRegisterForUno(dir, args.integer("Year"), args.string("Register"));
            openResult(scope, result.file); // the register is its own message: no box first
            return toOUString(result.toJson());
        });
}

} // namespace evakin::uno
