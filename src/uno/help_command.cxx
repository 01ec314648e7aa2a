// org.evakin:Help ("Panduan"): the guide shipped in the extension
// (help/panduan-id.html, help/panduan-en.html; the UI language picks one),
// opened read-only in a LibreOffice window, so it works on a PC without a
// browser set up and stays beside the document being worked on.
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>

#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"

namespace evakin::uno
{

namespace
{

const char kExtensionId[] = "org.evakin.extension"; // description.xml's identifier

} // namespace

EVAKIN_UNO_COMMAND(helpCommand)
{
    const CommandArguments args(arguments);
    const CommandScope scope(context, frame, args, evakin::Text{"Panduan", "Guide"});
    CommandOutcome outcome;
    try
    {
        const rtl::OUString location =
            css::deployment::PackageInformationProvider::get(context)->getPackageLocation(
                rtl::OUString(kExtensionId));
        const std::filesystem::path guide =
            toPath(location) / "help" /
            (scope.lang == evakin::Lang::en ? "panduan-en.html" : "panduan-id.html");
        std::error_code ec;
        if (location.isEmpty() || !std::filesystem::is_regular_file(guide, ec))
        {
            outcome.result =
                scope.text(evakin::Text{"Panduan tidak ditemukan di paket ekstensi (" +
                                            guide.u8string() + "). Pasang ulang evakin.oxt.",
                                        "The guide is missing from the extension package (" +
                                            guide.u8string() + "). Reinstall evakin.oxt."});
            scope.message(MessageKind::error, outcome.result);
            return outcome;
        }
        openResult(scope, guide);
        outcome.success = true;
        outcome.result = "{\"ok\":true,\"file\":\"" + toFileUrl(guide) + "\"}";
    }
    catch (const css::uno::Exception& e)
    {
        outcome.result = e.Message;
        scope.message(MessageKind::error, outcome.result);
    }
    return outcome;
}

} // namespace evakin::uno
