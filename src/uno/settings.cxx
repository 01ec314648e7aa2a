#include "settings.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

#include "convert.hxx"
#include "workspace_events.hxx"

namespace evakin::uno
{

namespace
{

const char kSettingsNode[] = "/org.evakin.Settings/Workspace";
const char kLastWorkspace[] = "LastWorkspace";

css::uno::Reference<css::uno::XInterface>
openNode(const css::uno::Reference<css::uno::XComponentContext>& context, const rtl::OUString& path,
         bool update)
{
    const css::uno::Reference<css::lang::XMultiServiceFactory> provider =
        css::configuration::theDefaultProvider::get(context);
    const css::uno::Any arg(css::beans::NamedValue(rtl::OUString("nodepath"), css::uno::Any(path)));
    const rtl::OUString service =
        update ? rtl::OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
               : rtl::OUString("com.sun.star.configuration.ConfigurationAccess");
    return provider->createInstanceWithArguments(service,
                                                 css::uno::Sequence<css::uno::Any>(&arg, 1));
}

rtl::OUString readString(const css::uno::Reference<css::uno::XComponentContext>& context,
                         const rtl::OUString& node, const rtl::OUString& name)
{
    const css::uno::Reference<css::container::XNameAccess> access(openNode(context, node, false),
                                                                  css::uno::UNO_QUERY_THROW);
    rtl::OUString value;
    access->getByName(name) >>= value;
    css::uno::Reference<css::lang::XComponent>(access, css::uno::UNO_QUERY_THROW)->dispose();
    return value;
}

} // namespace

evakin::Lang uiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept
{
    try
    {
        return evakin::langFromString(toUtf8(readString(
            context, rtl::OUString("/org.openoffice.Setup/L10N"), rtl::OUString("ooLocale"))));
    }
    catch (...)
    {
        return evakin::Lang::id;
    }
}

rtl::OUString
lastWorkspace(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept
{
    try
    {
        return readString(context, rtl::OUString(kSettingsNode), rtl::OUString(kLastWorkspace));
    }
    catch (...)
    {
        return rtl::OUString();
    }
}

void rememberWorkspace(const css::uno::Reference<css::uno::XComponentContext>& context,
                       const rtl::OUString& url) noexcept
{
    if (lastWorkspace(context) == url)
        return;
    try
    {
        const css::uno::Reference<css::uno::XInterface> node =
            openNode(context, rtl::OUString(kSettingsNode), true);
        css::uno::Reference<css::container::XNameReplace>(node, css::uno::UNO_QUERY_THROW)
            ->replaceByName(rtl::OUString(kLastWorkspace), css::uno::Any(url));
        css::uno::Reference<css::util::XChangesBatch>(node, css::uno::UNO_QUERY_THROW)
            ->commitChanges();
        css::uno::Reference<css::lang::XComponent>(node, css::uno::UNO_QUERY_THROW)->dispose();
    }
    catch (...)
    {
    }
    notifyWorkspaceChanged(); // the current workspace changed: the commands' states follow it
}

} // namespace evakin::uno
