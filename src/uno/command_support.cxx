#include "command_support.hxx"

#include <exception>

#include <com/sun/star/awt/XTopWindow.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/util/XRefreshable.hpp>

#include "actions.hxx"
#include "convert.hxx"
#include "settings.hxx"
#include "texts.hxx"
#include "io/system_errors.hpp"
#include "model/new_workspace.hpp"
#include "model/workspace.hpp"
#include "workspace_dialog.hxx"

namespace evakin::uno
{

namespace
{

// The folder of the frame's document, or its nearest parent, when it is a workspace.
std::filesystem::path workspaceOfDocument(const css::uno::Reference<css::frame::XFrame>& frame)
{
    if (!frame.is())
        return {};
    const css::uno::Reference<css::frame::XController> controller = frame->getController();
    if (!controller.is())
        return {};
    const css::uno::Reference<css::frame::XModel> model = controller->getModel();
    if (!model.is() || model->getURL().isEmpty())
        return {};
    const std::filesystem::path document = toPath(model->getURL());
    for (std::filesystem::path dir = document.parent_path(); !dir.empty(); dir = dir.parent_path())
    {
        if (isWorkspaceDir(dir))
            return dir;
        if (dir == dir.parent_path())
            break;
    }
    return {};
}

// The frame showing `document` when it is open in this office, else none.
css::uno::Reference<css::frame::XFrame>
frameShowing(const css::uno::Reference<css::uno::XComponentContext>& context,
             const std::filesystem::path& document)
{
    std::error_code ec;
    const std::filesystem::path wanted = std::filesystem::weakly_canonical(document, ec);
    const css::uno::Reference<css::container::XEnumeration> open =
        css::frame::Desktop::create(context)->getComponents()->createEnumeration();
    while (open->hasMoreElements())
    {
        const css::uno::Reference<css::frame::XModel> model(open->nextElement(),
                                                            css::uno::UNO_QUERY);
        if (!model.is() || !model->getURL().startsWithIgnoreAsciiCase("file:"))
            continue;
        const std::filesystem::path path = toPath(model->getURL());
        if (std::filesystem::weakly_canonical(path, ec) != wanted)
            continue;
        const css::uno::Reference<css::frame::XController> controller =
            model->getCurrentController();
        if (controller.is() && controller->getFrame().is())
            return controller->getFrame();
    }
    return nullptr;
}

// Brings the frame's window to the front and reloads its document from disk (File >
// Reload: LibreOffice itself asks before dropping unsaved changes).
void showAgain(const css::uno::Reference<css::uno::XComponentContext>& context,
               const css::uno::Reference<css::frame::XFrame>& frame)
{
    const css::uno::Reference<css::frame::XDispatchHelper> helper =
        css::frame::DispatchHelper::create(context);
    helper->executeDispatch(
        css::uno::Reference<css::frame::XDispatchProvider>(frame, css::uno::UNO_QUERY_THROW),
        ".uno:Reload", "_self", 0, css::uno::Sequence<css::beans::PropertyValue>());
    // Reload may have replaced the window's document, never the frame: raise the frame.
    const css::uno::Reference<css::awt::XWindow> window = frame->getContainerWindow();
    if (window.is())
        window->setVisible(true);
    const css::uno::Reference<css::awt::XTopWindow> top(window, css::uno::UNO_QUERY);
    if (top.is())
        top->toFront();
    frame->activate();
}

css::uno::Sequence<css::beans::PropertyValue> loadArguments(bool hidden)
{
    css::beans::PropertyValue args[2];
    args[0].Name = "Hidden";
    args[0].Value <<= hidden;
    args[1].Name = "ReadOnly"; // a hidden export must not lock or change the file
    args[1].Value <<= hidden;
    return css::uno::Sequence<css::beans::PropertyValue>(args, hidden ? 2 : 1);
}

css::uno::Reference<css::lang::XComponent>
load(const css::uno::Reference<css::uno::XComponentContext>& context,
     const std::filesystem::path& document, bool hidden)
{
    const css::uno::Reference<css::frame::XDesktop2> desktop = css::frame::Desktop::create(context);
    return desktop->loadComponentFromURL(toFileUrl(document), "_blank", 0, loadArguments(hidden));
}

} // namespace

rtl::OUString CommandArguments::string(const char* name) const
{
    rtl::OUString value;
    for (sal_Int32 i = 0; i < arguments_.getLength(); ++i)
        if (arguments_[i].Name.equalsAscii(name))
            arguments_[i].Value >>= value;
    return value;
}

bool CommandArguments::flag(const char* name) const
{
    bool value = false;
    for (sal_Int32 i = 0; i < arguments_.getLength(); ++i)
    {
        if (!arguments_[i].Name.equalsAscii(name))
            continue;
        rtl::OUString text; // from the URL's query ("?Silent=true")
        if (arguments_[i].Value >>= text)
            value = text.trim().equalsIgnoreAsciiCase("true") || text.trim() == "1";
        else
            arguments_[i].Value >>= value;
    }
    return value;
}

sal_Int32 CommandArguments::integer(const char* name) const
{
    sal_Int32 value = 0;
    for (sal_Int32 i = 0; i < arguments_.getLength(); ++i)
    {
        if (!arguments_[i].Name.equalsAscii(name))
            continue;
        rtl::OUString text;
        if (arguments_[i].Value >>= text)
            value = text.trim().toInt32();
        else
            arguments_[i].Value >>= value;
    }
    return value;
}

bool CommandArguments::has(const char* name) const
{
    for (sal_Int32 i = 0; i < arguments_.getLength(); ++i)
        if (arguments_[i].Name.equalsAscii(name))
            return true;
    return false;
}

CommandScope::CommandScope(const css::uno::Reference<css::uno::XComponentContext>& context_,
                           const css::uno::Reference<css::frame::XFrame>& frame_,
                           const CommandArguments& arguments, const evakin::Text& title_)
    : context(context_),
      frame(frame_),
      lang(uiLanguage(context_)),
      silent(arguments.flag("Silent")),
      title(toOUString(title_.in(lang)))
{
}

rtl::OUString CommandScope::text(const evakin::Text& t) const
{
    return toOUString(t.in(lang));
}

void CommandScope::message(MessageKind kind, const rtl::OUString& message) const
{
    if (silent)
        return;
    if (workspace.empty())
        showMessage(context, frame, kind, title, message);
    else
        showMessage(context, frame, kind, title,
                    message + "\n\n" + text(texts::actsOnWorkspace) +
                        toOUString(evakin::workspaceLabel(workspace)));
}

bool CommandScope::ask(const rtl::OUString& question) const
{
    return !silent && askYesNo(context, frame, title, question);
}

bool isWorkspaceDir(const std::filesystem::path& dir) noexcept
{
    try
    {
        return !dir.empty() && evakin::isWorkspace(dir);
    }
    catch (...)
    {
        return false;
    }
}

std::filesystem::path documentWorkspace(const css::uno::Reference<css::frame::XFrame>& frame)
{
    try
    {
        return workspaceOfDocument(frame);
    }
    catch (const css::uno::Exception&)
    {
        return {}; // a frame closing meanwhile has no document
    }
}

std::filesystem::path commandWorkspace(const CommandScope& scope, const CommandArguments& arguments)
{
    const rtl::OUString given = arguments.string("Workspace");
    std::filesystem::path dir;
    if (!given.isEmpty())
    {
        dir = workspaceArgument(given, scope.lang, nullptr);
    }
    else
    {
        dir = workspaceOfDocument(scope.frame);
        // Outside every workspace the last one is only proposed: acting on it unasked
        // wrote into another period from an Untitled document.
        if (dir.empty() && !scope.silent)
        {
            const rtl::OUString last = lastWorkspace(scope.context);
            dir = askWorkspace(scope, last.isEmpty() ? std::filesystem::path() : toPath(last));
        }
    }
    if (isWorkspaceDir(dir))
        rememberWorkspace(scope.context, toFileUrl(dir));
    return dir;
}

CommandOutcome runGuarded(const CommandScope& scope, const std::function<rtl::OUString()>& body)
{
    CommandOutcome outcome;
    try
    {
        outcome.result = body();
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
        // An evakin::Error as it is; a filesystem_error and the like worded for staff.
        outcome.result = toOUString(evakin::errorFromException(e).render(scope.lang));
    }
    scope.message(MessageKind::error, outcome.result);
    return outcome;
}

CommandOutcome runWorkspaceCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   const css::uno::Reference<css::frame::XFrame>& frame,
                                   const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                                   const evakin::Text& title, const CommandBody& body)
{
    const CommandArguments args(arguments);
    CommandScope scope(context, frame, args, title);
    const auto work = [&]() -> rtl::OUString
    {
        const std::filesystem::path dir = commandWorkspace(scope, args);
        if (dir.empty()) // cancelled, or nothing to work on when silent
            throw CommandStopped{scope.text(scope.silent ? texts::silentNeedsWorkspace
                                                         : texts::missingWorkspaceArgument)};
        scope.workspace = dir;
        return body(scope, args, dir);
    };
    return runGuarded(scope, work);
}

// Writer shows a page reference's text as the file stores it until its fields
// are updated: the report's Daftar Isi would read page 1 for every entry. The
// fields are updated as Writer lays the document out, which leaves it unmodified.
static void updateLaidOutFields(const css::uno::Reference<css::lang::XComponent>& document)
{
    const css::uno::Reference<css::text::XTextFieldsSupplier> fields(document, css::uno::UNO_QUERY);
    if (!fields.is())
        return;
    const css::uno::Reference<css::util::XRefreshable> refresh(fields->getTextFields(),
                                                               css::uno::UNO_QUERY);
    if (refresh.is())
        refresh->refresh();
    const css::uno::Reference<css::util::XModifiable> modifiable(document, css::uno::UNO_QUERY);
    if (modifiable.is())
        modifiable->setModified(false);
}

void openResult(const CommandScope& scope, const std::filesystem::path& document)
{
    if (scope.silent)
        return;
    try
    {
        const css::uno::Reference<css::frame::XFrame> open = frameShowing(scope.context, document);
        if (open.is())
        {
            showAgain(scope.context, open);
            const css::uno::Reference<css::frame::XController> reloaded = open->getController();
            if (reloaded.is())
                updateLaidOutFields(css::uno::Reference<css::lang::XComponent>(
                    reloaded->getModel(), css::uno::UNO_QUERY));
        }
        else
        {
            updateLaidOutFields(load(scope.context, document, false));
        }
    }
    catch (const css::uno::Exception& e)
    {
        scope.message(MessageKind::warning, scope.text(texts::cannotOpen) +
                                                toOUString(document.u8string()) + "\n" + e.Message);
    }
}

css::uno::Reference<css::lang::XComponent>
loadHidden(const css::uno::Reference<css::uno::XComponentContext>& context,
           const std::filesystem::path& document)
{
    return load(context, document, true);
}

void closeDocument(const css::uno::Reference<css::lang::XComponent>& document) noexcept
{
    try
    {
        const css::uno::Reference<css::util::XCloseable> closeable(document, css::uno::UNO_QUERY);
        if (closeable.is())
            closeable->close(true);
        else if (document.is())
            document->dispose();
    }
    catch (...)
    {
        // Already closed or vetoed: nothing left to release for us.
    }
}

} // namespace evakin::uno
