#include "passwords.hxx"

#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/task/InteractionHandler.hpp>
#include <com/sun/star/task/PasswordContainer.hpp>
#include <com/sun/star/task/XPasswordContainer2.hpp>

#include <mutex>

#include "convert.hxx"
#include "settings/office_settings.hpp"
#include "settings/settings_form.hpp"
#include "text/tech_log.hpp"

namespace evakin::uno
{

namespace
{

std::mutex officeContextMutex;
css::uno::Reference<css::uno::XComponentContext> officeContext;

css::uno::Reference<css::task::XInteractionHandler>
handlerOver(const css::uno::Reference<css::uno::XComponentContext>& context,
            const css::uno::Reference<css::awt::XWindow>& parent)
{
    return css::uno::Reference<css::task::XInteractionHandler>(
        css::task::InteractionHandler::createWithParent(context, parent), css::uno::UNO_QUERY);
}

} // namespace

rtl::OUString storedPassword(const css::uno::Reference<css::uno::XComponentContext>& context,
                             const std::string& key, const std::string& user) noexcept
{
    try
    {
        const css::uno::Reference<css::task::XPasswordContainer2> container =
            css::task::PasswordContainer::create(context);
        const css::task::UrlRecord record = container->findForName(
            toOUString(key), toOUString(user), handlerOver(context, nullptr));
        for (const css::task::UserRecord& u : record.UserList)
            if (u.UserName == toOUString(user) && u.Passwords.getLength() > 0)
                return u.Passwords[0];
    }
    catch (const css::uno::Exception& e)
    {
        evakin::logTechnicalDetail("storedPassword " + key, toUtf8(e.Message));
    }
    return rtl::OUString();
}

bool storePassword(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const css::uno::Reference<css::awt::XWindow>& parent, const std::string& key,
                   const std::string& user, const rtl::OUString& password) noexcept
{
    try
    {
        const css::uno::Reference<css::task::XPasswordContainer2> container =
            css::task::PasswordContainer::create(context);
        const css::uno::Reference<css::task::XInteractionHandler> handler =
            handlerOver(context, parent);
        if (password.isEmpty())
        {
            if (!storedPassword(context, key, user).isEmpty())
                container->removePersistent(toOUString(key), toOUString(user));
            return true;
        }
        // What the Security page does when "persistently save passwords" is ticked without a
        // master password: storing allowed, then the default master password (which LibreOffice
        // sets only while storing is allowed).
        if (!container->isPersistentStoringAllowed())
        {
            container->allowPersistentStoring(true);
            if (!container->hasMasterPassword() && !container->useDefaultMasterPassword(handler))
            {
                container->allowPersistentStoring(false); // nothing was stored before
                return false;
            }
        }
        container->addPersistent(toOUString(key), toOUString(user),
                                 css::uno::Sequence<rtl::OUString>(&password, 1), handler);
        return true;
    }
    catch (const css::uno::Exception& e)
    {
        evakin::logTechnicalDetail("storePassword " + key, toUtf8(e.Message));
        return false;
    }
}

void rememberOfficeContext(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept
{
    const std::lock_guard<std::mutex> lock(officeContextMutex);
    if (!officeContext.is())
        officeContext = context;
}

evakin::RegisterLocation registerLocationForUno(const std::string& spec)
{
    const evakin::RegisterLocation location = evakin::officeRegisterLocation(spec);
    const evakin::RegisterLogin login = evakin::registerLogin(location);
    css::uno::Reference<css::uno::XComponentContext> context;
    {
        const std::lock_guard<std::mutex> lock(officeContextMutex);
        context = officeContext;
    }
    if (!login.needsPassword || !context.is())
        return location;
    return evakin::withRegisterPassword(location, toUtf8(storedPassword(context, login.key, login.user)));
}

} // namespace evakin::uno
