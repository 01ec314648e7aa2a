// The core calls as UNO callers need them: arguments converted, every failure
// turned into a UNO exception carrying the rendered, UI-language message.
// Shared by the toolbar commands and the org.evakin.Evakin service.
#pragma once

#include <exception>
#include <filesystem>
#include <functional>
#include <string>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

#include "convert.hxx"
#include "distribute/distribute.hpp"
#include "io/system_errors.hpp"
#include "letters/letter.hpp"
#include "texts.hxx"

namespace evakin::uno
{

// Runs a core call: evakin::Error becomes IllegalArgumentException (input the
// user can fix), any other std::exception a RuntimeException; UNO exceptions
// (from callbacks) pass through.
template <class F>
auto callCore(evakin::Lang lang, const css::uno::Reference<css::uno::XInterface>& source, F&& call)
    -> decltype(call())
{
    try
    {
        return call();
    }
    catch (const evakin::Error& e)
    {
        throw css::lang::IllegalArgumentException(toOUString(e.render(lang)), source, 0);
    }
    catch (const css::uno::Exception&)
    {
        throw;
    }
    catch (const std::exception& e)
    {
        // A filesystem_error and the like, worded for staff (never the library's text).
        throw css::uno::RuntimeException(toOUString(evakin::errorFromException(e).render(lang)),
                                         source);
    }
}

// A workspace argument (file:// URL or system path) as a path. Throws
// IllegalArgumentException when it is empty or not a convertible URL.
std::filesystem::path workspaceArgument(const rtl::OUString& workspace, evakin::Lang lang,
                                        const css::uno::Reference<css::uno::XInterface>& source);

// evakin::distribute through callCore.
evakin::DistributeResult distributeForUno(const std::filesystem::path& workspace, bool overwrite,
                                          evakin::Lang lang, const evakin::ProgressFn& progress,
                                          const css::uno::Reference<css::uno::XInterface>& source);

// Exports a document (the report or a letter) to PDF beside it through the
// running LibreOffice: loads it hidden, storeToURL with writer_pdf_Export and
// the core's filter settings (PDF/A-2b when pdfa), closes it. Returns the PDF.
std::filesystem::path exportPdf(const css::uno::Reference<css::uno::XComponentContext>& context,
                                const std::filesystem::path& document, bool pdfa);

// A letter request from named options (dispatch arguments or NamedValues):
// Klasifikasi, Date, Subject, Sifat, Lampiran, MeetingDate, Time, Place, Agenda, By;
// pengantar: To, ToPlace, Naskah (the whole table) or Items (rows after the report), both as
// "NASKAH|BANYAKNYA|KETERANGAN;..."; undangan: Invitees ("A;B;..."), Signatory
// (sekretaris|kepala). What is not given takes the core's default (completeLetterRequest).
evakin::LetterRequest letterRequest(const std::filesystem::path& workspace, const std::string& kind,
                                    const std::function<rtl::OUString(const char*)>& option);

// Issues the number and writes the letter; registerSpec as `evakin --register` (empty: the default
// register).
evakin::LetterResult produceLetterForUno(const evakin::LetterRequest& request,
                                         const rtl::OUString& registerSpec);

// Marks a number of the register void with the reason (as `evakin register void`); year 0: any.
evakin::RegisterEntry voidNumberForUno(const rtl::OUString& number, sal_Int32 year,
                                       const rtl::OUString& reason,
                                       const rtl::OUString& registerSpec);

// "Buku Agenda Surat Keluar" of `year` (0: this year) into the workspace's hasil/.
evakin::ExportResult exportRegisterForUno(const std::filesystem::path& workspace, int year,
                                          const rtl::OUString& registerSpec);

} // namespace evakin::uno
