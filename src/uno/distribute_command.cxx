// org.evakin:Distribute ("Bagikan Format"): find the workspace, confirm
// replacing forms already in the outbox, run the core with progress, report.
#include <exception>
#include <filesystem>
#include <system_error>

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>

#include "actions.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "settings.hxx"
#include "texts.hxx"
#include "ui_helpers.hxx"
#include "workspace.hpp"

namespace evakin::uno {

namespace {

bool isWorkspaceDir(const std::filesystem::path& dir) noexcept
{
    try {
        return !dir.empty() && evakin::isWorkspace(dir);
    } catch (...) {
        return false;
    }
}

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
    for (std::filesystem::path dir = document.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (isWorkspaceDir(dir))
            return dir;
        if (dir == dir.parent_path())
            break;
    }
    return {};
}

// Current document's workspace, else the last one used, else ask (unless silent).
std::filesystem::path findWorkspace(const css::uno::Reference<css::uno::XComponentContext>& context,
                                    const css::uno::Reference<css::frame::XFrame>& frame, evakin::Lang lang,
                                    bool silent)
{
    std::filesystem::path dir = workspaceOfDocument(frame);
    if (!dir.empty())
        return dir;
    const rtl::OUString last = lastWorkspace(context);
    if (!last.isEmpty()) {
        dir = toPath(last);
        if (isWorkspaceDir(dir))
            return dir;
    }
    if (silent)
        return {};
    const rtl::OUString chosen = pickFolder(context, toOUString(texts::chooseWorkspace.in(lang)), last);
    return chosen.isEmpty() ? std::filesystem::path() : toPath(chosen);
}

bool outboxHasFiles(const std::filesystem::path& dir)
{
    evakin::Workspace workspace;
    workspace.dir = dir;
    std::error_code ec;
    const std::filesystem::directory_iterator it(workspace.outbox(), ec);
    return !ec && it != std::filesystem::directory_iterator();
}

}  // namespace

CommandOutcome distributeCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                 const css::uno::Reference<css::frame::XFrame>& frame,
                                 const css::uno::Sequence<css::beans::PropertyValue>& arguments)
{
    rtl::OUString workspaceArg;
    bool overwrite = false;
    bool silent = false;
    for (sal_Int32 i = 0; i < arguments.getLength(); ++i) {
        const css::beans::PropertyValue& arg = arguments[i];
        if (arg.Name == "Workspace")
            arg.Value >>= workspaceArg;
        else if (arg.Name == "Overwrite")
            arg.Value >>= overwrite;
        else if (arg.Name == "Silent")
            arg.Value >>= silent;
    }

    const evakin::Lang lang = uiLanguage(context);
    const rtl::OUString title = toOUString(texts::distributeTitle.in(lang));
    CommandOutcome outcome;
    try {
        const std::filesystem::path dir = workspaceArg.isEmpty()
                                              ? findWorkspace(context, frame, lang, silent)
                                              : workspaceArgument(workspaceArg, lang, nullptr);
        if (dir.empty()) {   // cancelled, or nothing to work on when silent
            outcome.result = toOUString(texts::missingWorkspaceArgument.in(lang));
            return outcome;
        }
        if (isWorkspaceDir(dir))
            rememberWorkspace(context, toFileUrl(dir));
        if (!silent && !overwrite && outboxHasFiles(dir)) {
            if (!askYesNo(context, frame, title, toOUString(texts::outboxNotEmpty.in(lang)))) {
                outcome.result = toOUString(texts::keptExistingForms.in(lang));
                return outcome;
            }
            overwrite = true;
        }

        Progress progress(frame);
        const evakin::DistributeResult result = distributeForUno(
            dir, overwrite, lang,
            [&](std::size_t done, std::size_t total, const std::string& unitName) {
                progress.update(done, total, toOUString(texts::writingForm.in(lang) + unitName));
            },
            nullptr);
        outcome.success = true;
        outcome.result = toOUString(result.toJson());
        if (!silent)
            showMessage(context, frame, MessageKind::info, title, toOUString(result.summary(lang)));
    } catch (const css::uno::Exception& e) {
        outcome.success = false;
        outcome.result = e.Message;
        if (!silent)
            showMessage(context, frame, MessageKind::error, title, e.Message);
    } catch (const std::exception& e) {
        outcome.success = false;
        outcome.result = toOUString(texts::unexpectedError.in(lang) + e.what());
        if (!silent)
            showMessage(context, frame, MessageKind::error, title, outcome.result);
    }
    return outcome;
}

}  // namespace evakin::uno
