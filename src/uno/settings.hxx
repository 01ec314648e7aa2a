// What the extension reads from and keeps in the LibreOffice configuration:
// the UI language (/org.openoffice.Setup/L10N/ooLocale) and the last-used
// workspace (/org.evakin.Settings/Workspace/LastWorkspace, schema Settings.xcs).
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include "text/error.hpp"

namespace evakin::uno
{

// English when the office UI locale starts with "en", Indonesian otherwise.
evakin::Lang uiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept;

// The last workspace used from the toolbar as a file:// URL; empty when none.
rtl::OUString
lastWorkspace(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept;
// Remembers it (best effort: a configuration failure is not the user's problem).
void rememberWorkspace(const css::uno::Reference<css::uno::XComponentContext>& context,
                       const rtl::OUString& url) noexcept;

} // namespace evakin::uno
