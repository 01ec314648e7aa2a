// org.evakin:Workspace ("Ruang Kerja"): one dialog to choose the current
// workspace or create a new one (folder, year, triwulan, deadline; profile and
// plan from an earlier workspace, the sample office or empty), and the small
// dialog every command shows when its document is outside every workspace.
// What is typed is checked by the core (createNewWorkspace); a problem is
// shown and the dialog opens again with the text as typed.
#include "workspace_dialog.hxx"

#include <algorithm>
#include <functional>
#include <optional>
#include <sstream>
#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/Path.h>

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XRadioButton.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <cppuhelper/implbase1.hxx>

#include "actions.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "dialog_builder.hxx"
#include "io/system_errors.hpp"
#include "model/new_workspace.hpp"
#include "model/sample.hpp"
#include "model/workspace.hpp"
#include "settings.hxx"
#include "settings/office_settings.hpp"
#include "text/tech_log.hpp"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

constexpr sal_Int32 kMargin = kDialogMargin, kRowHeight = kDialogRowHeight;
constexpr sal_Int32 kButtonWidth = kDialogButtonWidth, kButtonHeight = kDialogButtonHeight;

// A push button's action as a function (Telusuri… next to a folder field).
class ButtonAction : public cppu::WeakImplHelper1<css::awt::XActionListener>
{
public:
    explicit ButtonAction(std::function<void()> action) : action_(std::move(action)) {}
    void SAL_CALL actionPerformed(const css::awt::ActionEvent& /*event*/) override
    {
        try
        {
            action_();
        }
        catch (...)
        {
            // A picker that failed leaves the field as it was; the dialog stays usable.
        }
    }
    void SAL_CALL disposing(const css::lang::EventObject& /*source*/) override
    {
        action_ = nullptr;
    }

private:
    std::function<void()> action_;
};

rtl::OUString systemPath(const std::filesystem::path& dir)
{
    return dir.empty() ? rtl::OUString() : toOUString(dir.u8string());
}

// The typed text as a folder: a system path or a file:// URL; empty stays empty.
std::filesystem::path typedFolder(const rtl::OUString& text)
{
    const rtl::OUString trimmed = text.trim();
    if (trimmed.isEmpty())
        return {};
    return trimmed.startsWithIgnoreAsciiCase("file:") ? toPath(trimmed)
                                                      : std::filesystem::u8path(toUtf8(trimmed));
}

// Inserts controls in tab order (radio buttons of one group must follow each other).
class Layout
{
public:
    explicit Layout(DialogBuilder& b) : b_(b) {}
    css::uno::Reference<css::beans::XPropertySet> next(const char* service,
                                                       const rtl::OUString& name, sal_Int32 x,
                                                       sal_Int32 y, sal_Int32 w, sal_Int32 h)
    {
        const auto control = b_.add(service, name, x, y, w, h);
        control->setPropertyValue("TabIndex", css::uno::Any(tab_++));
        return control;
    }
    void label(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x, sal_Int32 y,
               sal_Int32 w, sal_Int32 rows = 1)
    {
        const auto l = next("com.sun.star.awt.UnoControlFixedTextModel", name, x, y + 2, w,
                            rows * kRowHeight - 2);
        l->setPropertyValue("Label", css::uno::Any(text));
        l->setPropertyValue("MultiLine", css::uno::Any(rows > 1));
    }
    void edit(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x, sal_Int32 y,
              sal_Int32 w)
    {
        next("com.sun.star.awt.UnoControlEditModel", name, x, y, w, kRowHeight)
            ->setPropertyValue("Text", css::uno::Any(text));
    }
    void radio(const rtl::OUString& name, const rtl::OUString& text, bool on, sal_Int32 x,
               sal_Int32 y, sal_Int32 w)
    {
        const auto r =
            next("com.sun.star.awt.UnoControlRadioButtonModel", name, x, y, w, kRowHeight);
        r->setPropertyValue("Label", css::uno::Any(text));
        r->setPropertyValue("State", css::uno::Any(static_cast<sal_Int16>(on ? 1 : 0)));
    }
    void button(const rtl::OUString& name, const rtl::OUString& text, sal_Int32 x, sal_Int32 y,
                css::awt::PushButtonType type)
    {
        const auto btn =
            next("com.sun.star.awt.UnoControlButtonModel", name, x, y, kButtonWidth, kButtonHeight);
        btn->setPropertyValue("Label", css::uno::Any(text));
        btn->setPropertyValue("PushButtonType", css::uno::Any(static_cast<sal_Int16>(type)));
        btn->setPropertyValue("DefaultButton", css::uno::Any(type == css::awt::PushButtonType_OK));
    }
    void listBox(const rtl::OUString& name, const css::uno::Sequence<rtl::OUString>& items,
                 sal_Int16 selected, sal_Int32 x, sal_Int32 y, sal_Int32 w)
    {
        const auto l = next("com.sun.star.awt.UnoControlListBoxModel", name, x, y, w, kRowHeight);
        l->setPropertyValue("Dropdown", css::uno::Any(true));
        l->setPropertyValue("StringItemList", css::uno::Any(items));
        const css::uno::Sequence<sal_Int16> chosen(&selected, 1);
        l->setPropertyValue("SelectedItems", css::uno::Any(chosen));
    }

private:
    DialogBuilder& b_;
    sal_Int16 tab_ = 0;
};

css::uno::Reference<css::awt::XWindow> dialogWindow(const RunningDialog& dialog)
{
    const css::uno::Reference<css::awt::XControl> control(dialog.controls(),
                                                          css::uno::UNO_QUERY_THROW);
    return css::uno::Reference<css::awt::XWindow>(control->getPeer(), css::uno::UNO_QUERY);
}

void setText(const RunningDialog& dialog, const rtl::OUString& name, const rtl::OUString& text)
{
    css::uno::Reference<css::awt::XTextComponent>(dialog.controls()->getControl(name),
                                                  css::uno::UNO_QUERY_THROW)
        ->setText(text);
}

sal_Int16 listChoice(const RunningDialog& dialog, const rtl::OUString& name)
{
    return css::uno::Reference<css::awt::XListBox>(dialog.controls()->getControl(name),
                                                   css::uno::UNO_QUERY_THROW)
        ->getSelectedItemPos();
}

bool radioOn(const RunningDialog& dialog, const rtl::OUString& name)
{
    return css::uno::Reference<css::awt::XRadioButton>(dialog.controls()->getControl(name),
                                                       css::uno::UNO_QUERY_THROW)
        ->getState();
}

// Telusuri… next to the field `field`: a folder picker parented to the dialog, starting at
// the typed folder; `adjust` turns the chosen folder into the field's text.
void browseInto(const CommandScope& scope, RunningDialog& dialog, const rtl::OUString& button,
                const rtl::OUString& field,
                std::function<std::filesystem::path(const std::filesystem::path&)> adjust)
{
    const css::uno::Reference<css::awt::XButton> control(dialog.controls()->getControl(button),
                                                         css::uno::UNO_QUERY_THROW);
    RunningDialog* running = &dialog; // the listener is only called while the dialog runs
    control->addActionListener(new ButtonAction(
        [&scope, running, field, adjust]
        {
            const std::filesystem::path typed = typedFolder(running->text(field));
            std::error_code ec;
            std::filesystem::path start = typed;
            while (!start.empty() && !std::filesystem::is_directory(start, ec) &&
                   start != start.parent_path())
                start = start.parent_path();
            const rtl::OUString chosen = pickFolder(
                scope.context, scope.text(texts::chooseWorkspace),
                start.empty() ? rtl::OUString() : toFileUrl(start), dialogWindow(*running));
            if (!chosen.isEmpty())
                setText(*running, field, systemPath(adjust(toPath(chosen))));
        }));
}

// What the Ruang Kerja dialog shows and returns.
struct WorkspaceForm
{
    bool create = false;
    rtl::OUString existing, folder, year, deadline, from;
    sal_Int16 triwulan = 0; // 0..3
    int source = 0;         // 0 earlier, 1 sample, 2 empty
};

std::optional<WorkspaceForm> workspaceDialog(const CommandScope& scope, const WorkspaceForm& form,
                                             const std::filesystem::path& current)
{
    constexpr sal_Int32 kWidth = 320, kIndent = 18, kField = 82, kBrowse = kButtonWidth;
    const sal_Int32 fieldWidth = kWidth - kMargin - kBrowse - 4 - kField;
    DialogBuilder b(scope.context);
    Layout l(b);
    sal_Int32 y = kMargin;
    l.label("currentLabel", scope.text(texts::currentWorkspace), kMargin, y, 80);
    l.label("current",
            current.empty() ? scope.text(texts::noWorkspaceYet)
                            : toOUString(evakin::workspaceLabel(current)),
            kMargin + 82, y, kWidth - 2 * kMargin - 82, 2);
    y += 2 * kRowHeight + 4;
    l.radio("useExisting", scope.text(texts::useExisting), !form.create, kMargin, y,
            kWidth - 2 * kMargin);
    l.radio("createNew", scope.text(texts::createNew), form.create, kMargin, y + kRowHeight + 20,
            kWidth - 2 * kMargin);
    y += kRowHeight + 2;
    l.label("existingLabel", scope.text(texts::folderLabel), kIndent, y, kField - kIndent);
    l.edit("existing", form.existing, kField, y, fieldWidth);
    l.button("browseExisting", scope.text(texts::browseFolder), kWidth - kMargin - kBrowse, y - 1,
             css::awt::PushButtonType_STANDARD);
    y += kRowHeight + 20; // the createNew radio sits here
    l.label("folderLabel", scope.text(texts::newFolderLabel), kIndent, y, kField - kIndent);
    l.edit("folder", form.folder, kField, y, fieldWidth);
    l.button("browseFolder", scope.text(texts::browseFolder), kWidth - kMargin - kBrowse, y - 1,
             css::awt::PushButtonType_STANDARD);
    y += kRowHeight + 4;
    l.label("yearLabel", scope.text(texts::yearLabel), kIndent, y, kField - kIndent);
    l.edit("year", form.year, kField, y, 32);
    l.label("triwulanLabel", scope.text(texts::triwulanLabel), kField + 40, y, 44);
    const rtl::OUString quarters[] = {"I", "II", "III", "IV"};
    l.listBox("triwulan", css::uno::Sequence<rtl::OUString>(quarters, 4), form.triwulan,
              kField + 86, y, 40);
    y += kRowHeight + 4;
    l.label("deadlineLabel", scope.text(texts::deadlineLabel), kIndent, y, 120);
    l.edit("deadline", form.deadline, kIndent + 122, y, 56);
    y += kRowHeight + 6;
    l.label("contentLabel", scope.text(texts::contentLabel), kIndent, y, kWidth - kIndent);
    y += kRowHeight;
    l.radio("fromEarlier", scope.text(texts::fromEarlier), form.source == 0, kIndent + 8, y,
            kWidth - kIndent - 8 - kMargin);
    l.radio("fromSample", scope.text(texts::fromSample), form.source == 1, kIndent + 8,
            y + 2 * kRowHeight + 6, kWidth - kIndent - 8 - kMargin);
    l.radio("fromEmpty", scope.text(texts::fromEmpty), form.source == 2, kIndent + 8,
            y + 3 * kRowHeight + 8, kWidth - kIndent - 8 - kMargin);
    y += kRowHeight + 2;
    l.edit("from", form.from, kField, y, fieldWidth);
    l.button("browseFrom", scope.text(texts::browseFolder), kWidth - kMargin - kBrowse, y - 1,
             css::awt::PushButtonType_STANDARD);
    y += 3 * kRowHeight + 14;
    l.button("ok", scope.text(texts::okButton), kWidth - kMargin - 2 * kButtonWidth - 4, y,
             css::awt::PushButtonType_OK);
    l.button("cancel", scope.text(texts::cancelButton), kWidth - kMargin - kButtonWidth, y,
             css::awt::PushButtonType_CANCEL);
    b.frame(scope.title, kWidth, y + kButtonHeight + kMargin);

    RunningDialog dialog(scope.context, scope.frame, b);
    const auto asIs = [](const std::filesystem::path& p) { return p; };
    browseInto(scope, dialog, "browseExisting", "existing", asIs);
    browseInto(scope, dialog, "browseFrom", "from", asIs);
    RunningDialog* running = &dialog;
    browseInto(scope, dialog, "browseFolder", "folder",
               [running](const std::filesystem::path& chosen)
               {
                   const sal_Int16 q = listChoice(*running, "triwulan");
                   return evakin::newWorkspaceFolderIn(
                       chosen, running->text("year").trim().toInt32(), q < 0 ? 1 : q + 1);
               });
    if (!dialog.execute())
        return std::nullopt;
    WorkspaceForm typed;
    typed.create = radioOn(dialog, "createNew");
    typed.existing = dialog.text("existing");
    typed.folder = dialog.text("folder");
    typed.year = dialog.text("year");
    typed.triwulan = std::max<sal_Int16>(0, listChoice(dialog, "triwulan"));
    typed.deadline = dialog.text("deadline");
    typed.from = dialog.text("from");
    typed.source = radioOn(dialog, "fromSample") ? 1 : radioOn(dialog, "fromEmpty") ? 2 : 0;
    return typed;
}

// An existing workspace chosen: checked, remembered, named in the result.
rtl::OUString chooseExisting(const CommandScope& scope, const std::filesystem::path& dir)
{
    const evakin::Workspace ws = evakin::openWorkspace(dir); // Error naming the folder
    rememberWorkspace(scope.context, toFileUrl(ws.dir));
    scope.message(MessageKind::info,
                  scope.text(texts::workspaceChosen) + toOUString(evakin::workspaceLabel(ws.dir)));
    Poco::JSON::Object result(Poco::JSON_PRESERVE_KEY_ORDER);
    result.set("ok", true);
    result.set("workspace", ws.dir.u8string());
    result.set("period", ws.period.label());
    result.set("created", false);
    std::ostringstream out;
    result.stringify(out);
    return toOUString(out.str());
}

rtl::OUString createFromForm(const CommandScope& scope, const WorkspaceForm& form,
                             const evakin::Period& proposed)
{
    evakin::NewWorkspace request;
    request.dir = typedFolder(form.folder);
    request.year = form.year.trim().isEmpty() ? 0 : form.year.trim().toInt32();
    request.triwulan = form.triwulan + 1;
    request.deadline = toUtf8(form.deadline.trim());
    // The proposed deadline left as it was follows a changed period.
    if (request.deadline == proposed.deadline)
        request.deadline.clear();
    request.source = form.source == 1   ? evakin::WorkspaceSource::sample
                     : form.source == 2 ? evakin::WorkspaceSource::empty
                                        : evakin::WorkspaceSource::earlier;
    request.from = typedFolder(form.from);
    const evakin::NewWorkspaceResult result = evakin::createNewWorkspace(request);
    rememberWorkspace(scope.context, toFileUrl(result.workspace.dir));
    scope.message(MessageKind::info, toOUString(result.summary(scope.lang)));
    return toOUString(result.toJson());
}

// Silent=true: the dispatch arguments say everything.
rtl::OUString silentWorkspace(const CommandScope& scope, const CommandArguments& args)
{
    const evakin::Period proposed = evakin::proposedPeriodToday();
    if (!args.has("Folder"))
    {
        if (!args.has("Workspace"))
            throw CommandStopped{scope.text(texts::missingWorkspaceArgument)};
        return chooseExisting(scope,
                              workspaceArgument(args.string("Workspace"), scope.lang, nullptr));
    }
    evakin::NewWorkspace request;
    request.dir = typedFolder(args.string("Folder"));
    request.year = args.has("Year") ? args.integer("Year") : proposed.year;
    request.triwulan = args.has("Triwulan") ? args.integer("Triwulan") : proposed.triwulan;
    request.deadline = toUtf8(args.string("Deadline").trim());
    if (args.has("From"))
    {
        request.source = evakin::WorkspaceSource::earlier;
        request.from = typedFolder(args.string("From"));
    }
    else
    {
        request.source =
            args.flag("Sample") ? evakin::WorkspaceSource::sample : evakin::WorkspaceSource::empty;
    }
    const evakin::NewWorkspaceResult result = evakin::createNewWorkspace(request);
    rememberWorkspace(scope.context, toFileUrl(result.workspace.dir));
    return toOUString(result.toJson());
}

// Where a new workspace is proposed: in the office's folder for workspaces (Tools › Options ›
// Evaluasi Kinerja › Umum & Surel) when one is set, else beside the last one.
std::filesystem::path proposedFolder(const std::filesystem::path& last, const evakin::Period& period)
{
    std::string office;
    try
    {
        office = evakin::loadOfficeSettings().workspaceFolder;
    }
    catch (const evakin::Error& e)
    {
        // Only a proposal: the Options page names what is wrong with the settings.
        evakin::logTechnicalDetail("workspace dialog", e.render(evakin::Lang::en));
    }
    if (!office.empty())
        return std::filesystem::u8path(office) / evakin::periodFolderName(period.year, period.triwulan);
    return evakin::proposedWorkspaceFolder(last, period, std::filesystem::u8path(Poco::Path::home()));
}

rtl::OUString interactiveWorkspace(const CommandScope& scope, const CommandArguments& args)
{
    // The current one: the document's workspace, else the one used last.
    std::filesystem::path last = documentWorkspace(scope.frame);
    if (last.empty())
    {
        const rtl::OUString lastUrl = lastWorkspace(scope.context);
        last = lastUrl.isEmpty() ? std::filesystem::path() : toPath(lastUrl);
    }
    if (!isWorkspaceDir(last))
        last.clear();
    const evakin::Period proposed = evakin::proposedPeriodToday();
    WorkspaceForm form;
    form.create = last.empty() || args.has("Folder");
    form.existing = args.has("Workspace") ? args.string("Workspace") : systemPath(last);
    form.folder = args.has("Folder")
                      ? args.string("Folder")
                      : systemPath(proposedFolder(last, proposed));
    form.year = rtl::OUString::number(args.has("Year") ? args.integer("Year") : proposed.year);
    const sal_Int32 triwulan = args.has("Triwulan") ? args.integer("Triwulan") : proposed.triwulan;
    form.triwulan = static_cast<sal_Int16>(triwulan >= 1 && triwulan <= 4 ? triwulan - 1 : 0);
    form.deadline = args.has("Deadline") ? args.string("Deadline") : toOUString(proposed.deadline);
    form.from = args.has("From") ? args.string("From") : systemPath(last);
    form.source = args.flag("Sample") || (last.empty() && !args.has("From")) ? 1 : 0;
    for (;;)
    {
        const std::optional<WorkspaceForm> typed = workspaceDialog(scope, form, last);
        if (!typed)
            throw CommandStopped{scope.text(texts::workspaceUnchanged)};
        form = *typed;
        try
        {
            return form.create ? createFromForm(scope, form, proposed)
                               : chooseExisting(scope, typedFolder(form.existing));
        }
        catch (const evakin::Error& e)
        {
            scope.message(MessageKind::error, toOUString(e.render(scope.lang)));
        }
    }
}

} // namespace

std::filesystem::path askWorkspace(const CommandScope& scope, const std::filesystem::path& proposed)
{
    constexpr sal_Int32 kWidth = 300;
    rtl::OUString typed = systemPath(isWorkspaceDir(proposed) ? proposed : std::filesystem::path());
    for (;;)
    {
        DialogBuilder b(scope.context);
        Layout l(b);
        sal_Int32 y = kMargin;
        l.label("intro", scope.text(texts::askWorkspaceIntro), kMargin, y, kWidth - 2 * kMargin, 2);
        y += 2 * kRowHeight + 2;
        l.label("folderLabel", scope.text(texts::folderLabel), kMargin, y, 40);
        l.edit("folder", typed, kMargin + 42, y, kWidth - 2 * kMargin - 42 - kButtonWidth - 4);
        l.button("browse", scope.text(texts::browseFolder), kWidth - kMargin - kButtonWidth, y - 1,
                 css::awt::PushButtonType_STANDARD);
        y += kRowHeight + 2;
        const std::filesystem::path shown = typedFolder(typed);
        l.label("period",
                isWorkspaceDir(shown) ? toOUString(evakin::openWorkspace(shown).period.label())
                                      : rtl::OUString(),
                kMargin + 42, y, kWidth - 2 * kMargin - 42);
        y += kRowHeight + 8;
        l.button("ok", scope.text(texts::okButton), kWidth - kMargin - 2 * kButtonWidth - 4, y,
                 css::awt::PushButtonType_OK);
        l.button("cancel", scope.text(texts::cancelButton), kWidth - kMargin - kButtonWidth, y,
                 css::awt::PushButtonType_CANCEL);
        b.frame(scope.title, kWidth, y + kButtonHeight + kMargin);
        RunningDialog dialog(scope.context, scope.frame, b);
        browseInto(scope, dialog, "browse", "folder",
                   [](const std::filesystem::path& p) { return p; });
        if (!dialog.execute())
            return {};
        typed = dialog.text("folder");
        const std::filesystem::path dir = typedFolder(typed);
        if (isWorkspaceDir(dir))
            return dir;
        showMessage(scope.context, scope.frame, MessageKind::error, scope.title,
                    scope.text(texts::notAWorkspace) + "\n" + typed);
    }
}

EVAKIN_UNO_COMMAND(workspaceCommand)
{
    const CommandArguments args(arguments);
    const CommandScope scope(context, frame, args, texts::workspaceTitle);
    CommandOutcome outcome;
    try
    {
        outcome.result =
            scope.silent ? silentWorkspace(scope, args) : interactiveWorkspace(scope, args);
        outcome.success = true;
        return outcome;
    }
    catch (const CommandStopped& stop)
    {
        outcome.result = stop.message;
        return outcome;
    }
    catch (const css::uno::Exception& e)
    {
        outcome.result = e.Message;
    }
    catch (const std::exception& e)
    {
        outcome.result = toOUString(evakin::errorFromException(e).render(scope.lang));
    }
    scope.message(MessageKind::error, outcome.result);
    return outcome;
}

} // namespace evakin::uno
