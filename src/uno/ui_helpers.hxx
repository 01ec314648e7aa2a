// The few dialogs the toolbar commands show, parented to the frame's window:
// message boxes (XMessageBoxFactory), the folder picker, and progress through
// the frame's status indicator.
#pragma once

#include <cstddef>
#include <string>

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace evakin::uno
{

enum class MessageKind
{
    info,
    error,
    warning
};

void showMessage(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame, MessageKind kind,
                 const rtl::OUString& title, const rtl::OUString& message);

// The same over another window (an Options page, which has no frame of its own).
void showMessageOver(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const css::uno::Reference<css::awt::XWindow>& window, MessageKind kind,
                     const rtl::OUString& title, const rtl::OUString& message);

// A Yes/No question; true for Yes.
bool askYesNo(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
              const rtl::OUString& question);

// A folder chosen by the user as a file:// URL; empty when cancelled. The picker is
// parented to `parent` (a dialog's or the frame's window), else to the desktop's current
// frame: a GTK3 picker without a parent aborted LibreOffice when closed.
rtl::OUString pickFolder(const css::uno::Reference<css::uno::XComponentContext>& context,
                         const rtl::OUString& title, const rtl::OUString& startUrl,
                         const css::uno::Reference<css::awt::XWindow>& parent = nullptr);

// Progress in the frame's status bar; does nothing without a frame. Ends on destruction.
class Progress
{
public:
    explicit Progress(const css::uno::Reference<css::frame::XFrame>& frame);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void update(std::size_t done, std::size_t total, const rtl::OUString& text) noexcept;

private:
    css::uno::Reference<css::task::XStatusIndicator> indicator_;
    bool started_ = false;
};

} // namespace evakin::uno
