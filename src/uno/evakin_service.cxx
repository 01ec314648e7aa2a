// org.evakin.Evakin: the public API for macros (idl/org/evakin/XEvakin.idl).
// Stateless; each method is one core call.
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weak.hxx>
#include <org/evakin/XEvakin.hpp>

#include "actions.hxx"
#include "convert.hxx"
#include "settings.hxx"

namespace evakin::uno {

namespace {

class EvakinService : public cppu::WeakImplHelper2<org::evakin::XEvakin, css::lang::XServiceInfo> {
public:
    explicit EvakinService(const css::uno::Reference<css::uno::XComponentContext>& context)
        : context_(context)
    {
    }

    // XEvakin
    rtl::OUString SAL_CALL distribute(const rtl::OUString& workspace, sal_Bool overwrite) override
    {
        const evakin::Lang lang = uiLanguage(context_);
        const std::filesystem::path dir = workspaceArgument(workspace, lang, self());
        return toOUString(distributeForUno(dir, overwrite != 0, lang, {}, self()).toJson());
    }

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override { return rtl::OUString("org.evakin.EvakinImpl"); }
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
    css::uno::Reference<css::uno::XInterface> self() { return static_cast<cppu::OWeakObject*>(this); }

    css::uno::Reference<css::uno::XComponentContext> context_;
};

}  // namespace

}  // namespace evakin::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* org_evakin_Evakin_get_implementation(
    css::uno::XComponentContext* context, const css::uno::Sequence<css::uno::Any>& /*arguments*/)
{
    return cppu::acquire(new evakin::uno::EvakinService(context));
}
