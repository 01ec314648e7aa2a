// Passwords the office settings never hold (pengaturan.json keeps none): the
// PostgreSQL register's, the SMTP and the POP3 server's, kept in LibreOffice's
// own password container (Tools › Options › Security › Passwords), under the
// keys of settings/office_settings.hpp and settings_form.hpp.
#pragma once

#include <string>

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace evakin::uno
{

// The password stored for `key` and `user`; empty when none (or the container cannot be read).
rtl::OUString storedPassword(const css::uno::Reference<css::uno::XComponentContext>& context,
                             const std::string& key, const std::string& user) noexcept;

// Stores it persistently (an empty password removes the stored one). LibreOffice asks for its
// master password over `parent` when one protects the container; when passwords are not kept
// at all yet, they are kept from now on with LibreOffice's default master password (what its
// Security page does when "persistently save passwords" is ticked without a master password).
// Returns false when the container refused (the user cancelled the master password).
bool storePassword(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const css::uno::Reference<css::awt::XWindow>& parent, const std::string& key,
                   const std::string& user, const rtl::OUString& password) noexcept;

} // namespace evakin::uno
