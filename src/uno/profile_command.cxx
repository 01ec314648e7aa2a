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

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>

#include "command_support.hxx"
#include "dialog_builder.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "model/profile_form.hpp"
#include "texts.hxx"
#include "model/workspace.hpp"

namespace evakin::uno
{

namespace
{

using FieldValues = std::map<std::string, std::string>;

// Layout in dialog units (map-appfont): one-line fields two to a row, each with its label at its
// left, so that the whole profile (kop, pos-el, laman, lambang, pangkat, BAPPEDA's city) fits a
// 1366x768 laptop screen with the buttons in view; labels above the fields of several lines.
constexpr sal_Int32 kMargin = kDialogMargin, kRowHeight = kDialogRowHeight,
                    kRowStep = kDialogRowStep;
constexpr sal_Int32 kButtonWidth = kDialogButtonWidth, kButtonHeight = kDialogButtonHeight;
constexpr sal_Int32 kWidth = 560, kColumnGap = 10, kLabelWidth = 110, kKopHeight = 30,
                    kUnitsHeight = 64;
constexpr sal_Int32 kColumnWidth = (kWidth - 2 * kMargin - kColumnGap) / 2;

rtl::OUString fieldControlName(const evakin::ProfileFormField& field)
{
    return toOUString("field." + field.key);
}

// Shows the dialog filled with `values`; the values as the user left them, or nothing when
// cancelled.
std::optional<FieldValues> profileDialog(const CommandScope& scope, const FieldValues& values)
{
    DialogBuilder b(scope.context);
    sal_Int32 y = kMargin;
    int n = 0;
    int column = 0; // of the next one-line field: 0 left, 1 right
    for (const evakin::ProfileFormField& field : evakin::profileFormFields())
    {
        const rtl::OUString label = toOUString(field.label.in(scope.lang));
        const auto value = values.find(field.key);
        const rtl::OUString text =
            toOUString(value == values.end() ? std::string() : value->second);
        const rtl::OUString labelName = "label." + rtl::OUString::number(n++);
        if (field.multiline)
        {
            if (column == 1) // a one-line field alone on its row
                y += kRowStep;
            column = 0;
            const sal_Int32 height = field.key == "units" ? kUnitsHeight : kKopHeight;
            b.label(labelName, label, kMargin, y, kWidth - 2 * kMargin, 2);
            y += 2 * kRowHeight;
            const auto edit = b.add("com.sun.star.awt.UnoControlEditModel", fieldControlName(field),
                                    kMargin, y, kWidth - 2 * kMargin, height);
            edit->setPropertyValue("MultiLine", css::uno::Any(true));
            edit->setPropertyValue("VScroll", css::uno::Any(true));
            edit->setPropertyValue(
                "HScroll", css::uno::Any(true)); // no wrapping: one line on screen is one unit
            edit->setPropertyValue("Text", css::uno::Any(text));
            y += height + 4;
        }
        else
        {
            const sal_Int32 x = kMargin + column * (kColumnWidth + kColumnGap);
            b.label(labelName, label, x, y, kLabelWidth);
            b.add("com.sun.star.awt.UnoControlEditModel", fieldControlName(field),
                  x + kLabelWidth + 4, y, kColumnWidth - kLabelWidth - 4, kRowHeight)
                ->setPropertyValue("Text", css::uno::Any(text));
            column = 1 - column;
            if (column == 0)
                y += kRowStep;
        }
    }
    if (column == 1)
        y += kRowStep;
    y += 4;
    b.button("save", scope.text(texts::saveButton), kWidth - kMargin - 2 * kButtonWidth - 4, y,
             css::awt::PushButtonType_OK);
    b.button("cancel", scope.text(texts::cancelButton), kWidth - kMargin - kButtonWidth, y,
             css::awt::PushButtonType_CANCEL);
    b.frame(scope.title, kWidth, y + kButtonHeight + kMargin);

    RunningDialog dialog(scope.context, scope.frame, b);
    std::optional<FieldValues> typed;
    if (dialog.execute()) // Save (headless: cancelled at once)
    {
        typed.emplace();
        for (const evakin::ProfileFormField& field : evakin::profileFormFields())
            (*typed)[field.key] = toUtf8(dialog.text(fieldControlName(field)));
    }
    return typed;
}

} // namespace

EVAKIN_UNO_COMMAND(profileCommand)
{
    return runWorkspaceCommand(
        context, frame, arguments, texts::profileTitle,
        [&](const CommandScope& scope, const CommandArguments& args,
            const std::filesystem::path& dir)
        {
            const evakin::Workspace ws = evakin::openWorkspace(dir);
            const evakin::Profile current = evakin::readProfileUnchecked(ws.profileFile());
            FieldValues values = evakin::profileFormValues(current);
            for (const evakin::ProfileFormField& field : evakin::profileFormFields())
                if (args.has(field.key.c_str()))
                    values[field.key] = toUtf8(args.string(field.key.c_str()));
            const std::string source = toUtf8(scope.title);

            evakin::Profile edited;
            if (scope.silent)
            {
                edited =
                    evakin::profileFromForm(values, current, source); // a problem ends the command
            }
            else
            {
                for (;;)
                {
                    const std::optional<FieldValues> typed = profileDialog(scope, values);
                    if (!typed)
                        throw CommandStopped{scope.text(texts::profileNotSaved)};
                    values = *typed;
                    try
                    {
                        edited = evakin::profileFromForm(values, current, source);
                        break;
                    }
                    catch (const evakin::Error& e)
                    {
                        scope.message(MessageKind::error, toOUString(e.render(scope.lang)));
                    }
                }
            }
            evakin::saveProfile(edited, ws.profileFile());
            scope.message(MessageKind::info, toOUString(texts::profileSaved.in(scope.lang) +
                                                        ws.profileFile().u8string()));
            Poco::JSON::Object result;
            result.set("saved", ws.profileFile().u8string());
            result.set("units", static_cast<int>(edited.units.size()));
            std::ostringstream out;
            result.stringify(out);
            return toOUString(out.str());
        });
}

} // namespace evakin::uno
