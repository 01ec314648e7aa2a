// org.evakin:Profile ("Profil Kantor"): the office profile in a dialog built
// from the core's field list (profile_form.hpp): a label and a text field per
// field, the letterhead and the units as several lines. What is typed is
// checked by the core before profil.json is written; on a problem the message
// names the field (or the unit's line) and the dialog opens again with the
// text as typed, so nothing typed is lost.
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include <Poco/JSON/Object.h>

#include <com/sun/star/awt/PushButtonType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XToolkit2.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>

#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "profile_form.hpp"
#include "texts.hxx"
#include "workspace.hpp"

namespace evakin::uno {

namespace {

using FieldValues = std::map<std::string, std::string>;

// Layout in dialog units (map-appfont): labels left of one-line fields,
// above the fields of several lines.
constexpr sal_Int32 kMargin = 6, kWidth = 360, kLabelWidth = 150, kRowHeight = 12, kRowStep = 15;
constexpr sal_Int32 kKopHeight = 34, kUnitsHeight = 70, kButtonWidth = 56, kButtonHeight = 14;

class DialogBuilder {
public:
    explicit DialogBuilder(const css::uno::Reference<css::uno::XComponentContext>& context)
        : model_(context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context),
                 css::uno::UNO_QUERY_THROW),
          factory_(model_, css::uno::UNO_QUERY_THROW)
    {
    }

    css::uno::Reference<css::beans::XPropertySet> add(const char* service, const rtl::OUString& name, sal_Int32 x, sal_Int32 y,
                                                      sal_Int32 width, sal_Int32 height)
    {
        const css::uno::Reference<css::beans::XPropertySet> control(factory_->createInstance(rtl::OUString::createFromAscii(service)),
                                                                    css::uno::UNO_QUERY_THROW);
        control->setPropertyValue("PositionX", css::uno::Any(x));
        control->setPropertyValue("PositionY", css::uno::Any(y));
        control->setPropertyValue("Width", css::uno::Any(width));
        control->setPropertyValue("Height", css::uno::Any(height));
        model_->insertByName(name, css::uno::Any(control));
        return control;
    }

    // Wraps onto `rows` lines when it is longer than `width`.
    void label(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 rows = 1)
    {
        const auto l = add("com.sun.star.awt.UnoControlFixedTextModel", name, x, y + 2, width, rows * kRowHeight - 2);
        l->setPropertyValue("Label", css::uno::Any(text));
        l->setPropertyValue("MultiLine", css::uno::Any(rows > 1));
    }

    void button(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x, sal_Int32 y, css::awt::PushButtonType type)
    {
        const auto b = add("com.sun.star.awt.UnoControlButtonModel", name, x, y, kButtonWidth, kButtonHeight);
        b->setPropertyValue("Label", css::uno::Any(text));
        b->setPropertyValue("PushButtonType", css::uno::Any(static_cast<sal_Int16>(type)));
        b->setPropertyValue("DefaultButton", css::uno::Any(type == css::awt::PushButtonType_OK));
    }

    css::uno::Reference<css::beans::XPropertySet> dialogProperties() const
    {
        return css::uno::Reference<css::beans::XPropertySet>(model_, css::uno::UNO_QUERY_THROW);
    }
    css::uno::Reference<css::awt::XControlModel> model() const
    {
        return css::uno::Reference<css::awt::XControlModel>(model_, css::uno::UNO_QUERY_THROW);
    }

private:
    css::uno::Reference<css::container::XNameContainer> model_;
    css::uno::Reference<css::lang::XMultiServiceFactory> factory_;
};

rtl::OUString fieldControlName(const evakin::ProfileFormField& field) { return toOUString("field." + field.key); }

// Shows the dialog filled with `values`; the values as the user left them, or nothing when cancelled.
std::optional<FieldValues> profileDialog(const CommandScope& scope, const FieldValues& values)
{
    DialogBuilder b(scope.context);
    sal_Int32 y = kMargin;
    int n = 0;
    for (const evakin::ProfileFormField& field : evakin::profileFormFields()) {
        const rtl::OUString label = toOUString(field.label.in(scope.lang));
        const auto value = values.find(field.key);
        const rtl::OUString text = toOUString(value == values.end() ? std::string() : value->second);
        const rtl::OUString labelName = "label." + rtl::OUString::number(n++);
        if (field.multiline) {
            const sal_Int32 height = field.key == "units" ? kUnitsHeight : kKopHeight;
            b.label(labelName, label, kMargin, y, kWidth - 2 * kMargin, 2);
            y += 2 * kRowHeight;
            const auto edit = b.add("com.sun.star.awt.UnoControlEditModel", fieldControlName(field), kMargin, y, kWidth - 2 * kMargin, height);
            edit->setPropertyValue("MultiLine", css::uno::Any(true));
            edit->setPropertyValue("VScroll", css::uno::Any(true));
            edit->setPropertyValue("HScroll", css::uno::Any(true));   // no wrapping: one line on screen is one unit
            edit->setPropertyValue("Text", css::uno::Any(text));
            y += height + 4;
        } else {
            b.label(labelName, label, kMargin, y, kLabelWidth);
            b.add("com.sun.star.awt.UnoControlEditModel", fieldControlName(field), kMargin + kLabelWidth + 4, y,
                  kWidth - 2 * kMargin - kLabelWidth - 4, kRowHeight)
                ->setPropertyValue("Text", css::uno::Any(text));
            y += kRowStep;
        }
    }
    y += 4;
    b.button("save", scope.text(texts::saveButton), kWidth - kMargin - 2 * kButtonWidth - 4, y, css::awt::PushButtonType_OK);
    b.button("cancel", scope.text(texts::cancelButton), kWidth - kMargin - kButtonWidth, y, css::awt::PushButtonType_CANCEL);
    const auto dialogProps = b.dialogProperties();
    dialogProps->setPropertyValue("Title", css::uno::Any(scope.title));
    dialogProps->setPropertyValue("Width", css::uno::Any(kWidth));
    dialogProps->setPropertyValue("Height", css::uno::Any(y + kButtonHeight + kMargin));

    const css::uno::Reference<css::awt::XControl> dialog(
        scope.context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialog", scope.context),
        css::uno::UNO_QUERY_THROW);
    dialog->setModel(b.model());
    css::uno::Reference<css::awt::XWindowPeer> parent;
    if (scope.frame.is())
        parent.set(scope.frame->getContainerWindow(), css::uno::UNO_QUERY);
    dialog->createPeer(css::uno::Reference<css::awt::XToolkit>(css::awt::Toolkit::create(scope.context), css::uno::UNO_QUERY_THROW), parent);

    std::optional<FieldValues> typed;
    const css::uno::Reference<css::awt::XDialog> run(dialog, css::uno::UNO_QUERY_THROW);
    if (run->execute() == css::ui::dialogs::ExecutableDialogResults::OK) {   // Save (headless: cancelled at once)
        typed.emplace();
        const css::uno::Reference<css::awt::XControlContainer> controls(dialog, css::uno::UNO_QUERY_THROW);
        for (const evakin::ProfileFormField& field : evakin::profileFormFields()) {
            const css::uno::Reference<css::awt::XTextComponent> edit(controls->getControl(fieldControlName(field)), css::uno::UNO_QUERY_THROW);
            (*typed)[field.key] = toUtf8(edit->getText());
        }
    }
    css::uno::Reference<css::lang::XComponent>(dialog, css::uno::UNO_QUERY_THROW)->dispose();
    return typed;
}

}  // namespace

EVAKIN_UNO_COMMAND(profileCommand)
{
    return runWorkspaceCommand(context, frame, arguments, texts::profileTitle,
                               [&](const CommandScope& scope, const CommandArguments& args,
                                   const std::filesystem::path& dir) {
        const evakin::Workspace ws = evakin::openWorkspace(dir);
        const evakin::Profile current = evakin::readProfileUnchecked(ws.profileFile());
        FieldValues values = evakin::profileFormValues(current);
        for (const evakin::ProfileFormField& field : evakin::profileFormFields())
            if (args.has(field.key.c_str()))
                values[field.key] = toUtf8(args.string(field.key.c_str()));
        const std::string source = toUtf8(scope.title);

        evakin::Profile edited;
        if (scope.silent) {
            edited = evakin::profileFromForm(values, current, source);   // a problem ends the command
        } else {
            for (;;) {
                const std::optional<FieldValues> typed = profileDialog(scope, values);
                if (!typed)
                    throw CommandStopped{scope.text(texts::profileNotSaved)};
                values = *typed;
                try {
                    edited = evakin::profileFromForm(values, current, source);
                    break;
                } catch (const evakin::Error& e) {
                    scope.message(MessageKind::error, toOUString(e.render(scope.lang)));
                }
            }
        }
        evakin::saveProfile(edited, ws.profileFile());
        scope.message(MessageKind::info, toOUString(texts::profileSaved.in(scope.lang) + ws.profileFile().u8string()));
        Poco::JSON::Object result;
        result.set("saved", ws.profileFile().u8string());
        result.set("units", static_cast<int>(edited.units.size()));
        std::ostringstream out;
        result.stringify(out);
        return toOUString(out.str());
    });
}

}  // namespace evakin::uno
