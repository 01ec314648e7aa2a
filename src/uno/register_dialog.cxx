#include "register_dialog.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>

#include "convert.hxx"
#include "dialog_builder.hxx"
#include "io/format_id.hpp"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

constexpr sal_Int32 kMargin = kDialogMargin, kRowHeight = kDialogRowHeight,
                    kRowStep = kDialogRowStep;
constexpr sal_Int32 kWidth = 420, kLabelWidth = 80, kListHeight = 130;
constexpr sal_Int32 kWideButton = 80;

// Codes the dialog ends with besides OK (1) and Cancel (0).
constexpr sal_Int16 kVoid = 2, kExport = 3, kShow = 4;

// "050/1/DPMPTSP/2026 · 8 Juli 2026 · terbit · Laporan ... · Kepala BAPPEDA ...": the status
// before the long texts, so a void number shows without scrolling.
rtl::OUString entryLine(const evakin::RegisterEntry& e, evakin::Lang lang)
{
    const std::string sep = "  ·  ";
    return toOUString(e.number + sep + evakin::formatDateId(e.date) + sep + e.statusText(lang) +
                      sep + e.subject + sep + e.addressee);
}

} // namespace

RegisterDialogChoice registerDialog(const CommandScope& scope, const RegisterDialogState& state)
{
    DialogBuilder b(scope.context);
    sal_Int32 y = kMargin;
    b.label("heading", state.heading, kMargin, y, kWidth - 2 * kMargin, 2);
    y += 2 * kRowHeight + 2;

    b.label("yearLabel", scope.text(texts::registerYear), kMargin, y, kLabelWidth);
    b.edit("year", rtl::OUString::number(state.year), kMargin + kLabelWidth + 4, y, 40);
    b.button("show", scope.text(texts::registerShow), kMargin + kLabelWidth + 50, y,
             css::awt::PushButtonType_STANDARD);
    y += kRowStep + 2;

    b.label("listLabel", scope.text(texts::registerNumbers), kMargin, y, kWidth - 2 * kMargin);
    y += kRowHeight;
    css::uno::Sequence<rtl::OUString> lines(static_cast<sal_Int32>(state.entries.size()));
    for (std::size_t i = 0; i < state.entries.size(); ++i)
        lines[static_cast<sal_Int32>(i)] = entryLine(state.entries[i], scope.lang);
    if (state.entries.empty())
    {
        const rtl::OUString empty = scope.text(texts::registerEmpty);
        lines = css::uno::Sequence<rtl::OUString>(&empty, 1);
    }
    const auto list = b.add("com.sun.star.awt.UnoControlListBoxModel", "entries", kMargin, y,
                            kWidth - 2 * kMargin, kListHeight);
    list->setPropertyValue("Dropdown", css::uno::Any(false));
    list->setPropertyValue("StringItemList", css::uno::Any(lines));
    if (state.chosen >= 0 && static_cast<std::size_t>(state.chosen) < state.entries.size())
        list->setPropertyValue("SelectedItems",
                               css::uno::Any(css::uno::Sequence<sal_Int16>(&state.chosen, 1)));
    y += kListHeight + 4;

    b.label("reasonLabel", scope.text(texts::registerVoidReason), kMargin, y, kLabelWidth);
    b.edit("reason", toOUString(state.reason), kMargin + kLabelWidth + 4, y,
           kWidth - 2 * kMargin - kLabelWidth - 8 - kWideButton);
    const auto voidButton =
        b.add("com.sun.star.awt.UnoControlButtonModel", "void", kWidth - kMargin - kWideButton,
              y - 1, kWideButton, kDialogButtonHeight);
    voidButton->setPropertyValue("Label", css::uno::Any(scope.text(texts::registerVoidButton)));
    y += kRowStep + 2;

    if (!state.status.isEmpty())
    {
        b.label("status", state.status, kMargin, y, kWidth - 2 * kMargin, 2);
        y += 2 * kRowHeight;
    }
    y += 4;
    const auto exportButton = b.add("com.sun.star.awt.UnoControlButtonModel", "export", kMargin, y,
                                    kWideButton + 10, kDialogButtonHeight);
    exportButton->setPropertyValue("Label", css::uno::Any(scope.text(texts::registerExportButton)));
    b.button("close", scope.text(texts::closeButton), kWidth - kMargin - kDialogButtonWidth, y,
             css::awt::PushButtonType_CANCEL);
    b.frame(scope.title, kWidth, y + kDialogButtonHeight + kMargin);

    RunningDialog dialog(scope.context, scope.frame, b);
    dialog.endOnPress("void", kVoid);
    dialog.endOnPress("export", kExport);
    dialog.endOnPress("show", kShow);
    const sal_Int16 result = dialog.run(); // headless: 0 at once

    RegisterDialogChoice choice;
    choice.action = result == kVoid     ? RegisterDialogChoice::voidNumber
                    : result == kExport ? RegisterDialogChoice::exportAgenda
                    : result == kShow   ? RegisterDialogChoice::showYear
                                        : RegisterDialogChoice::close;
    if (choice.action == RegisterDialogChoice::close)
        return choice;
    choice.year = dialog.text("year").trim().toInt32();
    const sal_Int16 chosen = dialog.selected("entries");
    choice.entry =
        chosen >= 0 && static_cast<std::size_t>(chosen) < state.entries.size() ? chosen : -1;
    choice.reason = toUtf8(dialog.text("reason"));
    return choice;
}

} // namespace evakin::uno
