// Whether each org.evakin: command makes sense now, for the toolbar's and the
// menu's enabled states: the core's sopStatus of the current workspace (the
// frame's document's, else the last one used), or, without one, only the
// commands that need none. Read once per workspace change for every button.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include "status/sop_status.hpp"

namespace evakin::uno
{

// The state of the command `url` ("org.evakin:Letter?Kind=undangan"); never throws:
// a workspace that cannot be read leaves every command enabled (its own message then says why).
evakin::CommandState commandState(const css::uno::Reference<css::uno::XComponentContext>& context,
                                  const css::uno::Reference<css::frame::XFrame>& frame,
                                  const rtl::OUString& url) noexcept;

} // namespace evakin::uno
