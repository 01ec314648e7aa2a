#include "ui_helpers.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XToolkit2.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FolderPicker.hpp>
#include <com/sun/star/ui/dialogs/XFolderPicker2.hpp>

namespace evakin::uno
{

namespace
{

sal_Int16 runMessageBox(const css::uno::Reference<css::uno::XComponentContext>& context,
                        const css::uno::Reference<css::awt::XWindowPeer>& window,
                        css::awt::MessageBoxType type, sal_Int32 buttons,
                        const rtl::OUString& title, const rtl::OUString& message)
{
    css::uno::Reference<css::awt::XWindowPeer> parent = window;
    if (!parent.is()) // no window, or the frame closed meanwhile: the window in front
    {
        const css::uno::Reference<css::frame::XFrame> current =
            css::frame::Desktop::create(context)->getCurrentFrame();
        if (current.is())
            parent.set(current->getContainerWindow(), css::uno::UNO_QUERY);
    }
    const css::uno::Reference<css::awt::XToolkit2> toolkit = css::awt::Toolkit::create(context);
    const css::uno::Reference<css::awt::XMessageBox> box =
        toolkit->createMessageBox(parent, type, buttons, title, message);
    if (!box.is())
        return css::awt::MessageBoxResults::CANCEL;
    const sal_Int16 result = box->execute();
    css::uno::Reference<css::lang::XComponent> component(box, css::uno::UNO_QUERY);
    if (component.is())
        component->dispose();
    return result;
}

css::uno::Reference<css::awt::XWindowPeer>
peerOf(const css::uno::Reference<css::frame::XFrame>& frame)
{
    return frame.is() ? css::uno::Reference<css::awt::XWindowPeer>(frame->getContainerWindow(),
                                                                   css::uno::UNO_QUERY)
                      : nullptr;
}

css::awt::MessageBoxType boxType(MessageKind kind)
{
    if (kind == MessageKind::error)
        return css::awt::MessageBoxType_ERRORBOX;
    if (kind == MessageKind::warning)
        return css::awt::MessageBoxType_WARNINGBOX;
    return css::awt::MessageBoxType_INFOBOX;
}

} // namespace

void showMessage(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame, MessageKind kind,
                 const rtl::OUString& title, const rtl::OUString& message)
{
    runMessageBox(context, peerOf(frame), boxType(kind), css::awt::MessageBoxButtons::BUTTONS_OK,
                  title, message);
}

void showMessageOver(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const css::uno::Reference<css::awt::XWindow>& window, MessageKind kind,
                     const rtl::OUString& title, const rtl::OUString& message)
{
    runMessageBox(context, css::uno::Reference<css::awt::XWindowPeer>(window, css::uno::UNO_QUERY),
                  boxType(kind), css::awt::MessageBoxButtons::BUTTONS_OK, title, message);
}

bool askYesNo(const css::uno::Reference<css::uno::XComponentContext>& context,
              const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
              const rtl::OUString& question)
{
    const sal_Int32 buttons = css::awt::MessageBoxButtons::BUTTONS_YES_NO |
                              css::awt::MessageBoxButtons::DEFAULT_BUTTON_NO;
    return runMessageBox(context, peerOf(frame), css::awt::MessageBoxType_QUERYBOX, buttons, title,
                         question) == css::awt::MessageBoxResults::YES;
}

rtl::OUString pickFolder(const css::uno::Reference<css::uno::XComponentContext>& context,
                         const rtl::OUString& title, const rtl::OUString& startUrl,
                         const css::uno::Reference<css::awt::XWindow>& parent)
{
    const css::uno::Reference<css::ui::dialogs::XFolderPicker2> picker =
        css::ui::dialogs::FolderPicker::create(context);
    css::uno::Reference<css::awt::XWindow> owner = parent;
    if (!owner.is())
    {
        try
        {
            const css::uno::Reference<css::frame::XFrame> current =
                css::frame::Desktop::create(context)->getCurrentFrame();
            if (current.is())
                owner = current->getContainerWindow();
        }
        catch (const css::uno::Exception&)
        {
        }
    }
    // The pickers take their parent as the second initialize() argument (the first is the
    // file picker's template, unused by the folder picker).
    const css::uno::Reference<css::lang::XInitialization> init(picker, css::uno::UNO_QUERY);
    if (init.is() && owner.is())
    {
        try
        {
            const css::uno::Any args[2] = {css::uno::Any(), css::uno::Any(owner)};
            init->initialize(css::uno::Sequence<css::uno::Any>(args, 2));
        }
        catch (const css::uno::Exception&)
        {
            // A picker that takes no parent still works, only not kept above its window.
        }
    }
    picker->setTitle(title);
    if (!startUrl.isEmpty())
    {
        try
        {
            picker->setDisplayDirectory(startUrl);
        }
        catch (const css::uno::Exception&)
        {
            // A folder that no longer exists: start wherever the picker likes.
        }
    }
    if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
        return rtl::OUString();
    return picker->getDirectory();
}

Progress::Progress(const css::uno::Reference<css::frame::XFrame>& frame)
{
    const css::uno::Reference<css::task::XStatusIndicatorFactory> factory(frame,
                                                                          css::uno::UNO_QUERY);
    if (factory.is())
        indicator_ = factory->createStatusIndicator();
}

Progress::~Progress()
{
    if (indicator_.is() && started_)
    {
        try
        {
            indicator_->end();
        }
        catch (...)
        {
        }
    }
}

void Progress::update(std::size_t done, std::size_t total, const rtl::OUString& text) noexcept
{
    if (!indicator_.is())
        return;
    try
    {
        if (!started_)
        {
            indicator_->start(text, static_cast<sal_Int32>(total));
            started_ = true;
        }
        else
        {
            indicator_->setText(text);
        }
        indicator_->setValue(static_cast<sal_Int32>(done));
    }
    catch (...)
    {
        indicator_.clear(); // a closed frame must not stop the work
    }
}

} // namespace evakin::uno
