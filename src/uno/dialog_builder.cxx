#include "dialog_builder.hxx"

#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialog2.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XToolkit2.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <cppuhelper/implbase1.hxx>

namespace evakin::uno
{

DialogBuilder::DialogBuilder(const css::uno::Reference<css::uno::XComponentContext>& context)
    : model_(context->getServiceManager()->createInstanceWithContext(
                 "com.sun.star.awt.UnoControlDialogModel", context),
             css::uno::UNO_QUERY_THROW),
      factory_(model_, css::uno::UNO_QUERY_THROW)
{
}

css::uno::Reference<css::beans::XPropertySet> DialogBuilder::add(const char* service,
                                                                 const rtl::OUString& name,
                                                                 sal_Int32 x, sal_Int32 y,
                                                                 sal_Int32 width, sal_Int32 height)
{
    const css::uno::Reference<css::beans::XPropertySet> control(
        factory_->createInstance(rtl::OUString::createFromAscii(service)),
        css::uno::UNO_QUERY_THROW);
    control->setPropertyValue("PositionX", css::uno::Any(x));
    control->setPropertyValue("PositionY", css::uno::Any(y));
    control->setPropertyValue("Width", css::uno::Any(width));
    control->setPropertyValue("Height", css::uno::Any(height));
    model_->insertByName(name, css::uno::Any(control));
    return control;
}

void DialogBuilder::label(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x,
                          sal_Int32 y, sal_Int32 width, sal_Int32 rows)
{
    const auto l = add("com.sun.star.awt.UnoControlFixedTextModel", name, x, y + 2, width,
                       rows * kDialogRowHeight - 2);
    l->setPropertyValue("Label", css::uno::Any(text));
    l->setPropertyValue("MultiLine", css::uno::Any(rows > 1));
}

css::uno::Reference<css::beans::XPropertySet>
DialogBuilder::edit(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x, sal_Int32 y,
                    sal_Int32 width, sal_Int32 height)
{
    const auto e = add("com.sun.star.awt.UnoControlEditModel", name, x, y, width, height);
    e->setPropertyValue("Text", css::uno::Any(text));
    if (height > kDialogRowHeight)
    {
        e->setPropertyValue("MultiLine", css::uno::Any(true));
        e->setPropertyValue("VScroll", css::uno::Any(true));
    }
    return e;
}

void DialogBuilder::listBox(const rtl::OUString& name,
                            const css::uno::Sequence<rtl::OUString>& items, sal_Int16 selected,
                            sal_Int32 x, sal_Int32 y, sal_Int32 width)
{
    const auto l =
        add("com.sun.star.awt.UnoControlListBoxModel", name, x, y, width, kDialogRowHeight);
    l->setPropertyValue("Dropdown", css::uno::Any(true));
    l->setPropertyValue("LineCount", css::uno::Any(static_cast<sal_Int16>(12)));
    l->setPropertyValue("StringItemList", css::uno::Any(items));
    if (selected >= 0 && selected < items.getLength())
        l->setPropertyValue("SelectedItems",
                            css::uno::Any(css::uno::Sequence<sal_Int16>(&selected, 1)));
}

void DialogBuilder::checkBox(const rtl::OUString& name, const rtl::OUString& label, bool checked,
                             sal_Int32 x, sal_Int32 y, sal_Int32 width, bool enabled)
{
    const auto c =
        add("com.sun.star.awt.UnoControlCheckBoxModel", name, x, y, width, kDialogRowHeight);
    c->setPropertyValue("Label", css::uno::Any(label));
    c->setPropertyValue("State", css::uno::Any(static_cast<sal_Int16>(checked ? 1 : 0)));
    c->setPropertyValue("Enabled", css::uno::Any(enabled));
}

void DialogBuilder::button(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x,
                           sal_Int32 y, css::awt::PushButtonType type)
{
    const auto b = add("com.sun.star.awt.UnoControlButtonModel", name, x, y, kDialogButtonWidth,
                       kDialogButtonHeight);
    b->setPropertyValue("Label", css::uno::Any(text));
    b->setPropertyValue("PushButtonType", css::uno::Any(static_cast<sal_Int16>(type)));
    b->setPropertyValue("DefaultButton", css::uno::Any(type == css::awt::PushButtonType_OK));
}

void DialogBuilder::frame(const rtl::OUString& title, sal_Int32 width, sal_Int32 height)
{
    const css::uno::Reference<css::beans::XPropertySet> props(model_, css::uno::UNO_QUERY_THROW);
    props->setPropertyValue("Title", css::uno::Any(title));
    props->setPropertyValue("Width", css::uno::Any(width));
    props->setPropertyValue("Height", css::uno::Any(height));
}

css::uno::Reference<css::awt::XControlModel> DialogBuilder::model() const
{
    return css::uno::Reference<css::awt::XControlModel>(model_, css::uno::UNO_QUERY_THROW);
}

css::uno::Reference<css::awt::XControl>
createDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
             const css::uno::Reference<css::frame::XFrame>& frame, const DialogBuilder& builder)
{
    const css::uno::Reference<css::awt::XControl> dialog(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialog",
                                                                context),
        css::uno::UNO_QUERY_THROW);
    dialog->setModel(builder.model());
    css::uno::Reference<css::awt::XWindowPeer> parent;
    if (frame.is())
        parent.set(frame->getContainerWindow(), css::uno::UNO_QUERY);
    dialog->createPeer(css::uno::Reference<css::awt::XToolkit>(css::awt::Toolkit::create(context),
                                                               css::uno::UNO_QUERY_THROW),
                       parent);
    return dialog;
}

RunningDialog::RunningDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
                             const css::uno::Reference<css::frame::XFrame>& frame,
                             const DialogBuilder& builder)
    : dialog_(createDialog(context, frame, builder))
{
}

RunningDialog::~RunningDialog()
{
    try
    {
        css::uno::Reference<css::lang::XComponent>(dialog_, css::uno::UNO_QUERY_THROW)->dispose();
    }
    catch (const css::uno::Exception&)
    {
        // Disposing a dialog whose office is going away: nothing left to free.
    }
}

namespace
{

// Ends a dialog with a result of its own when a push button is pressed.
class EndDialogOnPress : public cppu::WeakImplHelper1<css::awt::XActionListener>
{
public:
    EndDialogOnPress(const css::uno::Reference<css::awt::XDialog2>& dialog, sal_Int16 result)
        : dialog_(dialog), result_(result)
    {
    }
    void SAL_CALL actionPerformed(const css::awt::ActionEvent& /*event*/) override
    {
        dialog_->endDialog(result_);
    }
    void SAL_CALL disposing(const css::lang::EventObject& /*source*/) override
    {
        dialog_.clear();
    }

private:
    css::uno::Reference<css::awt::XDialog2> dialog_; // released when the dialog is disposed
    sal_Int16 result_;
};

} // namespace

sal_Int16 RunningDialog::run()
{
    const css::uno::Reference<css::awt::XDialog> dialog(dialog_, css::uno::UNO_QUERY_THROW);
    return dialog->execute();
}

void RunningDialog::endOnPress(const rtl::OUString& name, sal_Int16 result)
{
    const css::uno::Reference<css::awt::XButton> button(controls()->getControl(name),
                                                        css::uno::UNO_QUERY_THROW);
    button->addActionListener(new EndDialogOnPress(
        css::uno::Reference<css::awt::XDialog2>(dialog_, css::uno::UNO_QUERY_THROW), result));
}

bool RunningDialog::execute()
{
    const css::uno::Reference<css::awt::XDialog> run(dialog_, css::uno::UNO_QUERY_THROW);
    return run->execute() == css::ui::dialogs::ExecutableDialogResults::OK;
}

css::uno::Reference<css::awt::XControlContainer> RunningDialog::controls() const
{
    return css::uno::Reference<css::awt::XControlContainer>(dialog_, css::uno::UNO_QUERY_THROW);
}

rtl::OUString RunningDialog::text(const rtl::OUString& name) const
{
    const css::uno::Reference<css::awt::XTextComponent> edit(controls()->getControl(name),
                                                             css::uno::UNO_QUERY_THROW);
    return edit->getText();
}

sal_Int16 RunningDialog::selected(const rtl::OUString& name) const
{
    const css::uno::Reference<css::awt::XListBox> list(controls()->getControl(name),
                                                       css::uno::UNO_QUERY_THROW);
    return list->getSelectedItemPos();
}

bool RunningDialog::checked(const rtl::OUString& name) const
{
    const css::uno::Reference<css::awt::XCheckBox> box(controls()->getControl(name),
                                                       css::uno::UNO_QUERY_THROW);
    return box->getState() == 1;
}

} // namespace evakin::uno
