#include "command_support.hxx"

#include <exception>

#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include "actions.hxx"
#include "convert.hxx"
#include "settings.hxx"
#include "texts.hxx"
#include "model/workspace.hpp"

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
        if (arguments_[i].Name.equalsAscii(name))
            arguments_[i].Value >>= value;
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
    if (!silent)
        showMessage(context, frame, kind, title, message);
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
        const rtl::OUString last = lastWorkspace(scope.context);
        if (dir.empty() && !last.isEmpty() && isWorkspaceDir(toPath(last)))
            dir = toPath(last);
        if (dir.empty() && !scope.silent)
        {
            const rtl::OUString chosen =
                pickFolder(scope.context, scope.text(texts::chooseWorkspace), last);
            if (!chosen.isEmpty())
                dir = toPath(chosen);
        }
    }
    if (isWorkspaceDir(dir))
        rememberWorkspace(scope.context, toFileUrl(dir));
    return dir;
}

CommandOutcome runWorkspaceCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   const css::uno::Reference<css::frame::XFrame>& frame,
                                   const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                                   const evakin::Text& title, const CommandBody& body)
{
    const CommandArguments args(arguments);
    const CommandScope scope(context, frame, args, title);
    CommandOutcome outcome;
    try
    {
        const std::filesystem::path dir = commandWorkspace(scope, args);
        if (dir.empty()) // cancelled, or nothing to work on when silent
            throw CommandStopped{scope.text(texts::missingWorkspaceArgument)};
        outcome.result = body(scope, args, dir);
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
    catch (const evakin::Error& e)
    {
        outcome.result = toOUString(e.render(scope.lang));
    }
    catch (const std::exception& e)
    {
        outcome.result = scope.text(texts::unexpectedError) + toOUString(e.what());
    }
    scope.message(MessageKind::error, outcome.result);
    return outcome;
}

void openResult(const CommandScope& scope, const std::filesystem::path& document)
{
    if (scope.silent)
        return;
    try
    {
        load(scope.context, document, false);
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
