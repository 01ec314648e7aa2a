// org.evakin.Evakin: the public API for macros (idl/org/evakin/XEvakin.idl).
// Stateless; each method is one core call through callCore (actions.hxx),
// which turns the core's errors into IllegalArgumentException.
#include <optional>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weak.hxx>
#include <org/evakin/XEvakin.hpp>

#include "actions.hxx"
#include "collect/collect.hpp"
#include "convert.hxx"
#include "collect/corrections.hpp"
#include "period/next_period.hpp"
#include "io/number_parse.hpp"
#include "report/report.hpp"
#include "passwords.hxx"
#include "settings.hxx"

namespace evakin::uno
{

namespace
{

class EvakinService : public cppu::WeakImplHelper2<org::evakin::XEvakin, css::lang::XServiceInfo>
{
public:
    explicit EvakinService(const css::uno::Reference<css::uno::XComponentContext>& context)
        : context_(context)
    {
        rememberOfficeContext(context);
    }

    // XEvakin
    rtl::OUString SAL_CALL distribute(const rtl::OUString& workspace, sal_Bool overwrite) override
    {
        const evakin::Lang lang = uiLanguage(context_);
        const std::filesystem::path dir = workspaceArgument(workspace, lang, self());
        return toOUString(distributeForUno(dir, overwrite != 0, lang, {}, self()).toJson());
    }

    rtl::OUString SAL_CALL collect(const rtl::OUString& workspace) override
    {
        const evakin::Lang lang = uiLanguage(context_);
        const std::filesystem::path dir = workspaceArgument(workspace, lang, self());
        return callCore(lang, self(),
                        [&] { return toOUString(evakin::collect(dir).toJson(lang)); });
    }

    rtl::OUString SAL_CALL nextPeriod(const rtl::OUString& workspace,
                                      const rtl::OUString& target) override
    {
        const evakin::Lang lang = uiLanguage(context_);
        const std::filesystem::path dir = workspaceArgument(workspace, lang, self());
        return callCore(lang, self(),
                        [&]
                        {
                            const std::filesystem::path next =
                                target.trim().isEmpty() ? proposedNextWorkspace(dir)
                                                        : workspaceArgument(target, lang, self());
                            return toOUString(evakin::createNextWorkspace(dir, next).toJson());
                        });
    }

    rtl::OUString SAL_CALL correct(const rtl::OUString& workspace, const rtl::OUString& unit,
                                   const rtl::OUString& row, sal_Int16 triwulan,
                                   const rtl::OUString& k, const rtl::OUString& rp,
                                   const rtl::OUString& reason) override
    {
        const evakin::Lang lang = uiLanguage(context_);
        const std::filesystem::path dir = workspaceArgument(workspace, lang, self());
        evakin::CorrectionRequest request;
        request.unitCode = toUtf8(unit.trim());
        request.rowKey = toUtf8(row.trim());
        request.triwulan = triwulan;
        request.k = number(k, lang, 5);
        request.rp = number(rp, lang, 6);
        request.reason = toUtf8(reason);
        return callCore(lang, self(),
                        [&] {
                            return toOUString(
                                evakin::correctionToJson(evakin::recordCorrection(dir, request)));
                        });
    }

    rtl::OUString SAL_CALL report(const rtl::OUString& workspace, sal_Bool pdf,
                                  sal_Bool pdfa) override
    {
        const evakin::Lang lang = uiLanguage(context_);
        const std::filesystem::path dir = workspaceArgument(workspace, lang, self());
        return callCore(lang, self(),
                        [&]
                        {
                            evakin::ReportResult result = evakin::writeReport(dir);
                            if (pdf || pdfa)
                                result.pdf = exportPdf(context_, result.file, pdfa != 0);
                            return toOUString(result.toJson());
                        });
    }

    rtl::OUString SAL_CALL
    issueLetter(const rtl::OUString& workspace, const rtl::OUString& kind,
                const css::uno::Sequence<css::beans::NamedValue>& options) override
    {
        const evakin::Lang lang = uiLanguage(context_);
        const std::filesystem::path dir = workspaceArgument(workspace, lang, self());
        const auto option = [&](const char* name)
        {
            rtl::OUString value;
            for (sal_Int32 i = 0; i < options.getLength(); ++i)
                if (options[i].Name.equalsAscii(name))
                    options[i].Value >>= value;
            return value;
        };
        const auto flag = [&](const char* name)
        {
            bool value = false;
            for (sal_Int32 i = 0; i < options.getLength(); ++i)
                if (options[i].Name.equalsAscii(name))
                    options[i].Value >>= value;
            return value;
        };
        return callCore(lang, self(),
                        [&]
                        {
                            const evakin::LetterResult result = produceLetterForUno(
                                letterRequest(dir, toUtf8(kind), option), option("Register"));
                            if (flag("Pdf") || flag("PdfA"))
                                exportPdf(context_, result.file, flag("PdfA"));
                            return toOUString(result.toJson());
                        });
    }

    rtl::OUString SAL_CALL exportRegister(const rtl::OUString& workspace, sal_Int32 year,
                                          const rtl::OUString& registerSpec) override
    {
        const evakin::Lang lang = uiLanguage(context_);
        const std::filesystem::path dir = workspaceArgument(workspace, lang, self());
        return callCore(
            lang, self(),
            [&] { return toOUString(exportRegisterForUno(dir, year, registerSpec).toJson()); });
    }

    rtl::OUString SAL_CALL voidNumber(const rtl::OUString& number, sal_Int32 year,
                                      const rtl::OUString& reason,
                                      const rtl::OUString& registerSpec) override
    {
        const evakin::Lang lang = uiLanguage(context_);
        return callCore(lang, self(),
                        [&]
                        {
                            return toOUString(
                                "{\"ok\":true,\"entry\":" +
                                voidNumberForUno(number, year, reason, registerSpec).toJson() +
                                "}");
                        });
    }

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override
    {
        return rtl::OUString("org.evakin.EvakinImpl");
    }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        const rtl::OUString name("org.evakin.Evakin");
        return css::uno::Sequence<rtl::OUString>(&name, 1);
    }

private:
    css::uno::Reference<css::uno::XInterface> self()
    {
        return static_cast<cppu::OWeakObject*>(this);
    }

    // A K or Rp argument typed the Indonesian way; empty: not given.
    std::optional<double> number(const rtl::OUString& text, evakin::Lang lang, sal_Int16 position)
    {
        if (text.trim().isEmpty())
            return std::nullopt;
        const evakin::ParsedNumber parsed = evakin::parseNumberId(toUtf8(text));
        if (!parsed.value)
            throw css::lang::IllegalArgumentException(toOUString(texts::badNumber.in(lang)) + text +
                                                          " (" +
                                                          toOUString(parsed.problem.in(lang)) + ")",
                                                      self(), position);
        return parsed.value;
    }

    css::uno::Reference<css::uno::XComponentContext> context_;
};

} // namespace

} // namespace evakin::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_evakin_Evakin_get_implementation(css::uno::XComponentContext* context,
                                     const css::uno::Sequence<css::uno::Any>& /*arguments*/)
{
    return cppu::acquire(new evakin::uno::EvakinService(context));
}
