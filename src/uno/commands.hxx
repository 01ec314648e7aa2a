// The toolbar commands behind org.evakin: URLs. Each takes the dispatch
// arguments, does its UI (unless Silent) and returns what the dispatch
// reports to a XDispatchResultListener.
#pragma once

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace evakin::uno {

struct CommandOutcome {
    bool success = false;
    rtl::OUString result;   // JSON summary on success, the rendered message on failure
};

// org.evakin:Distribute ("Bagikan Format"). Arguments:
//   Workspace (string: system path or file:// URL), Overwrite (bool), Silent (bool: no dialogs).
// Without Workspace: the current document's folder (or a parent) when it is a
// workspace, else the last one used, else a folder picker (not when Silent).
CommandOutcome distributeCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                 const css::uno::Reference<css::frame::XFrame>& frame,
                                 const css::uno::Sequence<css::beans::PropertyValue>& arguments);

}  // namespace evakin::uno
