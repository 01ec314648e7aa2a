#include "step_dialogs.hxx"

#include <algorithm>

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <cppuhelper/implbase1.hxx>

#include "convert.hxx"
#include "dialog_builder.hxx"
#include "period/next_period.hpp"
#include "texts.hxx"
#include "ui_helpers.hxx"

namespace evakin::uno
{

namespace
{

// Layout in dialog units: labels left of their fields.
constexpr sal_Int32 kMargin = kDialogMargin, kRowStep = kDialogRowStep;
constexpr sal_Int32 kWidth = 300, kLabelWidth = 110;
constexpr sal_Int32 kFieldX = kMargin + kLabelWidth + 4;
constexpr sal_Int32 kFieldWidth = kWidth - kFieldX - kMargin;
constexpr sal_Int32 kFullWidth = kWidth - 2 * kMargin;

// The heading over every step dialog: which workspace and period it acts on.
sal_Int32 heading(DialogBuilder& b, const CommandScope& scope, const evakin::Workspace& ws)
{
    b.label("heading", workspaceHeading(scope, ws), kMargin, kMargin, kFullWidth, 2);
    return kMargin + 2 * kDialogRowHeight + 4;
}

// OK (named `okText`) and Cancel at the bottom right; sets the dialog's size.
void buttons(DialogBuilder& b, const CommandScope& scope, const rtl::OUString& okText, sal_Int32 y)
{
    y += 4;
    b.button("ok", okText, kWidth - kMargin - 2 * kDialogButtonWidth - 4, y,
             css::awt::PushButtonType_OK);
    b.button("cancel", scope.text(texts::cancelButton), kWidth - kMargin - kDialogButtonWidth, y,
             css::awt::PushButtonType_CANCEL);
    b.frame(scope.title, kWidth, y + kDialogButtonHeight + kMargin);
}

rtl::OUString joinedNames(const std::vector<std::filesystem::path>& files)
{
    rtl::OUString out;
    for (const std::filesystem::path& f : files)
        out += (out.isEmpty() ? rtl::OUString() : rtl::OUString(", ")) +
               toOUString(f.filename().u8string());
    return out;
}

// "Pilih..." beside a folder field: a folder picker whose choice goes into the field
// (a folder that is not empty gets the new period's folder inside it). The picker is parented to
// the dialog: a GTK3 picker without a parent aborted LibreOffice when closed.
class FolderBrowse : public cppu::WeakImplHelper1<css::awt::XActionListener>
{
public:
    FolderBrowse(const CommandScope& scope, const css::uno::Reference<css::awt::XWindow>& dialog,
                 const css::uno::Reference<css::awt::XTextComponent>& field,
                 const evakin::Period& current)
        : context_(scope.context),
          title_(scope.text(texts::chooseNextFolder)),
          dialog_(dialog),
          field_(field),
          current_(current)
    {
    }

    void SAL_CALL actionPerformed(const css::awt::ActionEvent& /*event*/) override
    {
        const std::filesystem::path typed = toPath(field_->getText());
        const rtl::OUString chosen =
            pickFolder(context_, title_, toFileUrl(typed.parent_path()), dialog_);
        if (!chosen.isEmpty())
            field_->setText(
                toOUString(evakin::nextWorkspaceIn(toPath(chosen), current_).u8string()));
    }

    void SAL_CALL disposing(const css::lang::EventObject& /*source*/) override
    {
        field_.clear();
        dialog_.clear(); // the dialog goes away: let go of it
    }

private:
    css::uno::Reference<css::uno::XComponentContext> context_;
    rtl::OUString title_;
    css::uno::Reference<css::awt::XWindow> dialog_;
    css::uno::Reference<css::awt::XTextComponent> field_;
    evakin::Period current_;
};

} // namespace

rtl::OUString workspaceHeading(const CommandScope& scope, const evakin::Workspace& ws)
{
    return scope.text(texts::workspaceHeading) + toOUString(ws.dir.u8string()) + " (" +
           toOUString(ws.period.label()) + ")";
}

std::optional<ReportChoice> reportDialog(const CommandScope& scope, const evakin::Workspace& ws,
                                         const ReportChoice& initial)
{
    DialogBuilder b(scope.context);
    sal_Int32 y = heading(b, scope, ws);
    b.label("label.date", scope.text(texts::reportDate), kMargin, y, kLabelWidth);
    b.edit("date", initial.date, kFieldX, y, 60);
    y += kRowStep;
    const rtl::OUString pdfKinds[] = {scope.text(texts::noPdf), scope.text(texts::withPdf),
                                      scope.text(texts::withPdfA)};
    b.label("label.pdf", scope.text(texts::reportPdf), kMargin, y, kLabelWidth);
    b.listBox("pdf", css::uno::Sequence<rtl::OUString>(pdfKinds, 3),
              static_cast<sal_Int16>(initial.pdfa  ? 2
                                     : initial.pdf ? 1
                                                   : 0),
              kFieldX, y, 100);
    y += kRowStep;
    b.checkBox("open", scope.text(texts::openWhenDone), initial.open, kFieldX, y, kFieldWidth);
    y += kRowStep;
    buttons(b, scope, scope.text(texts::draftButton), y);

    RunningDialog dialog(scope.context, scope.frame, b);
    if (!dialog.execute())
        return std::nullopt;
    ReportChoice choice;
    choice.date = dialog.text("date").trim();
    const sal_Int16 pdf = dialog.selected("pdf");
    choice.pdf = pdf == 1;
    choice.pdfa = pdf == 2;
    choice.open = dialog.checked("open");
    return choice;
}

std::optional<DistributeChoice> distributeDialog(const CommandScope& scope,
                                                 const evakin::Workspace& ws,
                                                 const std::vector<evakin::FormTarget>& targets,
                                                 const std::vector<std::filesystem::path>& openNow,
                                                 const DistributeChoice& initial)
{
    DialogBuilder b(scope.context);
    sal_Int32 y = heading(b, scope, ws);
    b.label("label.units", scope.text(texts::distributeUnits), kMargin, y, kFullWidth);
    y += kRowStep;
    std::vector<std::filesystem::path> existing;
    for (std::size_t i = 0; i < targets.size(); ++i)
    {
        const evakin::FormTarget& t = targets[i];
        const bool hasRows = t.rows > 0;
        const rtl::OUString rows = hasRows ? rtl::OUString::number(static_cast<sal_Int64>(t.rows)) +
                                                 scope.text(texts::planRows)
                                           : scope.text(texts::noPlanRows);
        const bool ticked = hasRows && std::find(initial.units.begin(), initial.units.end(),
                                                 t.unitCode) != initial.units.end();
        b.checkBox("unit." + rtl::OUString::number(static_cast<sal_Int64>(i)),
                   toOUString(t.unitCode + " - " + t.unitName) + " (" + rows + ")", ticked,
                   kMargin + 6, y, kFullWidth - 6, hasRows);
        y += kDialogRowHeight + 2;
        if (t.exists)
            existing.push_back(t.file);
    }
    y += 4;
    b.checkBox("overwrite", scope.text(texts::replaceForms), initial.overwrite, kMargin, y,
               kFullWidth, !existing.empty());
    y += kRowStep;
    const rtl::OUString existingText =
        existing.empty() ? scope.text(texts::noExistingForms)
                         : rtl::OUString(scope.text(texts::existingForms) + joinedNames(existing));
    b.label("label.existing", existingText, kMargin + 6, y, kFullWidth - 6, 3);
    y += 3 * kDialogRowHeight;
    if (!openNow.empty())
    {
        b.label("label.open", scope.text(texts::openForms) + joinedNames(openNow), kMargin + 6, y,
                kFullWidth - 6, 2);
        y += 2 * kDialogRowHeight;
    }
    b.checkBox("sendmail", scope.text(texts::sendByMail), initial.sendMail, kMargin, y, kFullWidth);
    y += kRowStep;
    buttons(b, scope, scope.text(texts::distributeButton), y);

    RunningDialog dialog(scope.context, scope.frame, b);
    if (!dialog.execute())
        return std::nullopt;
    DistributeChoice choice;
    for (std::size_t i = 0; i < targets.size(); ++i)
        if (dialog.checked("unit." + rtl::OUString::number(static_cast<sal_Int64>(i))))
            choice.units.push_back(targets[i].unitCode);
    choice.overwrite = dialog.checked("overwrite");
    choice.sendMail = dialog.checked("sendmail");
    return choice;
}

std::optional<NextPeriodChoice> nextPeriodDialog(const CommandScope& scope,
                                                 const evakin::Workspace& ws,
                                                 const std::string& returnsWarning,
                                                 const NextPeriodChoice& initial)
{
    DialogBuilder b(scope.context);
    sal_Int32 y = heading(b, scope, ws);
    b.label("label.next",
            scope.text(texts::nextPeriodFrom) +
                toOUString(evakin::nextPeriodOf(ws.period).period.label()),
            kMargin, y, kFullWidth);
    y += kRowStep;
    b.label("label.target", scope.text(texts::nextPeriodFolder), kMargin, y, kLabelWidth);
    b.edit("target", initial.target, kFieldX, y, kFieldWidth - kDialogButtonWidth - 4);
    b.button("browse", scope.text(texts::browseButton), kWidth - kMargin - kDialogButtonWidth,
             y - 1, css::awt::PushButtonType_STANDARD);
    y += kRowStep + 2;
    const rtl::OUString status =
        returnsWarning.empty() ? scope.text(texts::returnsComplete) : toOUString(returnsWarning);
    b.label("label.returns", status, kMargin, y, kFullWidth, 4);
    y += 4 * kDialogRowHeight + 2;
    b.checkBox("open", scope.text(texts::openNewPeriod), initial.open, kMargin, y, kFullWidth);
    y += kRowStep;
    buttons(b, scope, scope.text(texts::createButton), y);

    RunningDialog dialog(scope.context, scope.frame, b);
    const css::uno::Reference<css::awt::XTextComponent> field(
        dialog.controls()->getControl("target"), css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::awt::XButton> browse(dialog.controls()->getControl("browse"),
                                                        css::uno::UNO_QUERY_THROW);
    browse->addActionListener(new FolderBrowse(
        scope, css::uno::Reference<css::awt::XWindow>(dialog.controls(), css::uno::UNO_QUERY),
        field, ws.period));
    if (!dialog.execute())
        return std::nullopt;
    NextPeriodChoice choice;
    choice.target = dialog.text("target").trim();
    choice.open = dialog.checked("open");
    return choice;
}

std::vector<std::filesystem::path>
openDocumentFiles(const css::uno::Reference<css::uno::XComponentContext>& context)
{
    std::vector<std::filesystem::path> out;
    const css::uno::Reference<css::frame::XDesktop2> desktop = css::frame::Desktop::create(context);
    const css::uno::Reference<css::container::XEnumerationAccess> components =
        desktop->getComponents();
    if (!components.is())
        return out;
    const css::uno::Reference<css::container::XEnumeration> it = components->createEnumeration();
    while (it.is() && it->hasMoreElements())
    {
        const css::uno::Reference<css::frame::XModel> model(it->nextElement(), css::uno::UNO_QUERY);
        if (!model.is() || !model->getURL().startsWithIgnoreAsciiCase("file:"))
            continue;
        const std::filesystem::path file = toPath(model->getURL());
        if (!file.empty())
            out.push_back(file);
    }
    return out;
}

} // namespace evakin::uno
