// Dialogs built in code (UnoControlDialogModel), so each command's dialog is
// laid out from the core's data (fields, units, plan rows) rather than a
// fixed .xdl file. Positions and sizes are in dialog units (map-appfont),
// which scale with the UI font, so a dialog stays legible in any theme.
#pragma once

#include <com/sun/star/awt/PushButtonType.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace evakin::uno
{

// Common sizes, in dialog units.
constexpr sal_Int32 kDialogMargin = 6, kDialogRowHeight = 12, kDialogRowStep = 15;
constexpr sal_Int32 kDialogButtonWidth = 56, kDialogButtonHeight = 14;

class DialogBuilder
{
public:
    explicit DialogBuilder(const css::uno::Reference<css::uno::XComponentContext>& context);

    // A control model of `service` (e.g. "com.sun.star.awt.UnoControlEditModel") named `name`.
    css::uno::Reference<css::beans::XPropertySet> add(const char* service,
                                                      const rtl::OUString& name, sal_Int32 x,
                                                      sal_Int32 y, sal_Int32 width,
                                                      sal_Int32 height);

    // A fixed text; wraps onto `rows` lines when it is longer than `width`.
    void label(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x, sal_Int32 y,
               sal_Int32 width, sal_Int32 rows = 1);

    // A one-line text field (taller and several lines when height > kDialogRowHeight).
    css::uno::Reference<css::beans::XPropertySet> edit(const rtl::OUString& name,
                                                       const rtl::OUString& text, sal_Int32 x,
                                                       sal_Int32 y, sal_Int32 width,
                                                       sal_Int32 height = kDialogRowHeight);

    // A drop-down list of `items` with `selected` chosen (-1: none).
    void listBox(const rtl::OUString& name, const css::uno::Sequence<rtl::OUString>& items,
                 sal_Int16 selected, sal_Int32 x, sal_Int32 y, sal_Int32 width);

    // A tick box; `enabled` false greys it out (kept unticked by the caller).
    void checkBox(const rtl::OUString& name, const rtl::OUString& label, bool checked,
                  sal_Int32 x, sal_Int32 y, sal_Int32 width, bool enabled = true);

    // An OK / Cancel (or plain) push button of the standard size; OK is the default button.
    void button(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x, sal_Int32 y,
                css::awt::PushButtonType type);

    // Title and size of the dialog itself.
    void frame(const rtl::OUString& title, sal_Int32 width, sal_Int32 height);

    css::uno::Reference<css::awt::XControlModel> model() const;

private:
    css::uno::Reference<css::container::XNameContainer> model_;
    css::uno::Reference<css::lang::XMultiServiceFactory> factory_;
};

// The dialog's control with a window peer, parented to the frame's container
// window (no frame: the desktop), ready for XDialog::execute. The caller
// disposes it (RunningDialog does).
css::uno::Reference<css::awt::XControl>
createDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
             const css::uno::Reference<css::frame::XFrame>& frame, const DialogBuilder& builder);

// A dialog shown modally and disposed when it goes out of scope.
class RunningDialog
{
public:
    RunningDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
                  const css::uno::Reference<css::frame::XFrame>& frame,
                  const DialogBuilder& builder);
    ~RunningDialog();
    RunningDialog(const RunningDialog&) = delete;
    RunningDialog& operator=(const RunningDialog&) = delete;

    // True when closed with OK (a headless office cancels at once).
    bool execute();
    // Shows the dialog; the result is 0 (cancelled), 1 (OK) or the code of a button given to
    // endOnPress. For dialogs with more than one way out (Register Surat: void, export).
    sal_Int16 run();
    // Pressing the push button `name` closes the dialog with `result`.
    void endOnPress(const rtl::OUString& name, sal_Int16 result);
    css::uno::Reference<css::awt::XControlContainer> controls() const;
    // The text of an edit control by name.
    rtl::OUString text(const rtl::OUString& name) const;
    // The position chosen in a list box (-1: none) and whether a tick box is ticked.
    sal_Int16 selected(const rtl::OUString& name) const;
    bool checked(const rtl::OUString& name) const;

private:
    css::uno::Reference<css::awt::XControl> dialog_;
};

} // namespace evakin::uno
