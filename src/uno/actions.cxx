#include "actions.hxx"

#include <Poco/LocalDateTime.h>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>

#include "command_support.hxx"
#include "io/office_convert.hpp"
#include "letters/letter_defaults.hpp"
#include "model/profile.hpp"
#include "letters/register.hpp"
#include "settings/office_settings.hpp"
#include "model/workspace.hpp"

namespace evakin::uno
{

std::filesystem::path workspaceArgument(const rtl::OUString& workspace, evakin::Lang lang,
                                        const css::uno::Reference<css::uno::XInterface>& source)
{
    if (workspace.trim().isEmpty())
        throw css::lang::IllegalArgumentException(
            toOUString(texts::missingWorkspaceArgument.in(lang)), source, 0);
    std::filesystem::path path = toPath(workspace);
    if (path.empty())
        throw css::lang::IllegalArgumentException(
            toOUString(texts::badWorkspaceArgument.in(lang)) + workspace, source, 0);
    return path;
}

evakin::DistributeResult distributeForUno(const std::filesystem::path& workspace, bool overwrite,
                                          evakin::Lang lang, const evakin::ProgressFn& progress,
                                          const css::uno::Reference<css::uno::XInterface>& source)
{
    evakin::DistributeOptions options;
    options.overwrite = overwrite;
    options.progress = progress;
    return callCore(lang, source, [&] { return evakin::distribute(workspace, options); });
}

namespace
{

// The core's filter settings ("2", "true") as the typed values storeToURL expects.
css::uno::Sequence<css::beans::PropertyValue> pdfFilterDataForUno(bool pdfa)
{
    const auto data = evakin::pdfFilterData(pdfa);
    css::uno::Sequence<css::beans::PropertyValue> out(static_cast<sal_Int32>(data.size()));
    for (std::size_t i = 0; i < data.size(); ++i)
    {
        css::beans::PropertyValue& p = out[static_cast<sal_Int32>(i)];
        p.Name = toOUString(data[i].first);
        if (data[i].second == "true" || data[i].second == "false")
            p.Value <<= (data[i].second == "true");
        else
            p.Value <<= toOUString(data[i].second).toInt32();
    }
    return out;
}

rtl::OUString optionOr(const std::function<rtl::OUString(const char*)>& option, const char* name)
{
    return option ? option(name) : rtl::OUString();
}

} // namespace

std::filesystem::path exportPdf(const css::uno::Reference<css::uno::XComponentContext>& context,
                                const std::filesystem::path& document, bool pdfa)
{
    std::filesystem::path pdf = document;
    pdf.replace_extension(".pdf");
    const css::uno::Reference<css::lang::XComponent> doc = loadHidden(context, document);
    try
    {
        css::beans::PropertyValue args[2];
        args[0].Name = "FilterName";
        args[0].Value <<= rtl::OUString("writer_pdf_Export");
        args[1].Name = "FilterData";
        args[1].Value <<= pdfFilterDataForUno(pdfa);
        css::uno::Reference<css::frame::XStorable>(doc, css::uno::UNO_QUERY_THROW)
            ->storeToURL(toFileUrl(pdf), css::uno::Sequence<css::beans::PropertyValue>(args, 2));
    }
    catch (...)
    {
        closeDocument(doc);
        throw;
    }
    closeDocument(doc);
    return pdf;
}

evakin::LetterRequest letterRequest(const std::filesystem::path& workspace, const std::string& kind,
                                    const std::function<rtl::OUString(const char*)>& option)
{
    evakin::LetterRequest request;
    request.workspaceDir = workspace;
    request.kind = evakin::letterKindFromString(kind.empty() ? std::string("pengantar") : kind);
    const auto text = [&](const char* name) { return toUtf8(optionOr(option, name)); };
    // Only what is given: every other field keeps the core's default (completeLetterRequest).
    request.classification = text("Klasifikasi");
    request.date = text("Date");
    if (!optionOr(option, "Subject").isEmpty())
        request.subject = text("Subject");
    request.sifat = text("Sifat");
    request.lampiran = text("Lampiran");
    request.addressee = text("To");
    request.addresseePlace = text("ToPlace");
    if (!text("Naskah").empty())
        request.items = evakin::parseLetterItems(text("Naskah"), "Naskah");
    if (!text("Items").empty())
        request.extraItems = evakin::parseLetterItems(text("Items"), "Items");
    if (!text("Invitees").empty())
        request.invitees = evakin::parseLetterList(text("Invitees"));
    request.signatory = text("Signatory");
    request.meetingDate = text("MeetingDate");
    request.meetingTime = text("Time");
    request.meetingPlace = text("Place");
    request.agenda = text("Agenda");
    request.createdBy = evakin::officeStaffName(text("By"));
    return request;
}

evakin::LetterResult produceLetterForUno(const evakin::LetterRequest& request,
                                         const rtl::OUString& registerSpec)
{
    evakin::Register reg =
        evakin::Register::open(evakin::officeRegisterLocation(toUtf8(registerSpec)));
    return evakin::produceLetter(request, reg);
}

evakin::RegisterEntry voidNumberForUno(const rtl::OUString& number, sal_Int32 year,
                                       const rtl::OUString& reason,
                                       const rtl::OUString& registerSpec)
{
    evakin::Register reg =
        evakin::Register::open(evakin::officeRegisterLocation(toUtf8(registerSpec)));
    return reg.voidNumber(toUtf8(number.trim()), year, toUtf8(reason));
}

evakin::ExportResult exportRegisterForUno(const std::filesystem::path& workspace, int year,
                                          const rtl::OUString& registerSpec)
{
    const evakin::Workspace ws = evakin::openWorkspace(workspace);
    const std::string office = evakin::loadProfile(ws.profileFile()).officeName;
    if (year <= 0)
        year = Poco::LocalDateTime().year();
    const evakin::Register reg =
        evakin::Register::open(evakin::officeRegisterLocation(toUtf8(registerSpec)));
    const std::filesystem::path out = ws.results() / evakin::bukuAgendaFileName(year);
    return evakin::exportBukuAgenda(reg, year, out, office, ws.dir.u8string());
}

} // namespace evakin::uno
