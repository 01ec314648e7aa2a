// The content of the sidebar's "Evaluasi Kinerja" deck: the current workspace's
// folder and period, the SOP's fourteen steps (a marker per state, the time
// standard, what this period's files say) and the buttons for the next step,
// the Panduan and, without a workspace, Ruang Kerja. Everything shown comes from
// the core's sopStatus (status/sop_status.hpp), the same as `evakin status`.
//
// The controls live in a borderless dialog control (a child window of the
// sidebar panel), laid out in dialog units; the wrapped height of each text is
// measured for the panel's width, so nothing is clipped however narrow the
// sidebar is. Taller than the panel (a 768-pixel laptop screen), the view
// scrolls with a scroll bar of its own: the sidebar of LibreOffice 7.4 did not
// scroll an extension's panel. The controls are named (Folder, Period, StepN.Marker, StepN.Title,
// StepN.Detail, NextStep, Help, Workspace, Message), so a test or a macro can read them.
#pragma once

#include <string>
#include <vector>

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XAdjustmentListener.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include "status/sop_status.hpp"

namespace evakin::uno
{

// One line of the view: an optional marker at the left and a text or a button.
struct StatusLine
{
    rtl::OUString name; // the control's name
    rtl::OUString text;
    rtl::OUString helpText; // its tooltip
    rtl::OUString marker;   // a state's sign before the text; empty: none
    sal_Int32 markerColor = 0;
    sal_Int32 textColor = -1; // -1: the theme's
    bool bold = false;
    bool indented = false;   // under a step's title, beside its marker
    rtl::OUString command;   // a button's command URL; empty: a text
    sal_Int32 gapBefore = 0; // extra space above, in dialog units
};

// What the deck shows for a workspace URL (empty: none chosen) in `lang`. Never throws:
// a folder that is no workspace (any more) shows the core's message and Ruang Kerja.
std::vector<StatusLine> statusLines(const rtl::OUString& workspaceUrl, evakin::Lang lang);

class StatusView
{
public:
    // A borderless child window of `parent` (the panel's window from the sidebar);
    // `buttons` is told of every button press (ActionCommand: the command URL).
    StatusView(const css::uno::Reference<css::uno::XComponentContext>& context,
               const css::uno::Reference<css::awt::XWindow>& parent,
               const css::uno::Reference<css::awt::XActionListener>& buttons);

    css::uno::Reference<css::awt::XWindow> window() const;

    // Replaces the controls with `lines` and lays them out for the last width.
    void show(const std::vector<StatusLine>& lines);
    // Lays the controls out for `width` pixels; returns the height they take in pixels.
    sal_Int32 layout(sal_Int32 width);
    // The window's size in pixels: the controls are laid out for it, scrolled when taller.
    void fit(sal_Int32 width, sal_Int32 height);
    // Scrolls to `top` (dialog units from the top of the content).
    void scrollTo(sal_Int32 top);
    sal_Int32 minimalWidth() const;
    void dispose() noexcept;

private:
    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::awt::XControl> dialog_;
    css::uno::Reference<css::awt::XActionListener> buttons_;
    std::vector<StatusLine> lines_;
    class ScrollListener;
    sal_Int32 measure(sal_Int32 widthAu);

    css::uno::Reference<css::awt::XAdjustmentListener> scrolled_;
    std::vector<sal_Int32> tops_, heights_; // per line, dialog units, unscrolled
    sal_Int32 width_ = 0;                   // pixels, the last one laid out for
    sal_Int32 viewport_ = 0;                // the window's height, pixels (0: not known yet)
    sal_Int32 content_ = 0;                 // the content's height, dialog units
    sal_Int32 top_ = 0;                     // scrolled by, dialog units
};

} // namespace evakin::uno
