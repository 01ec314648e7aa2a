// org.evakin.ProtocolHandler: routes org.evakin:<Command> URLs to commands.hxx.
// LibreOffice creates one per frame and toolbar item, so the constructor only
// stores the context; all work happens in dispatch.
//
// A command with dialogs runs after dispatch() has returned (awt::AsyncCallback):
// a toolbar button, its overflow menu (») or a menu item dispatches from inside
// the popup's own event handling, and a modal dialog or the GTK3 folder picker
// run from there aborted LibreOffice. Silent=true (no dialogs) and
// SynchronMode=true (DispatchHelper, Basic macros: the caller waits for the
// result on the main thread, so a queued command would never run) run at once.
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/ControlCommand.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/frame/XToolbarController.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weak.hxx>
#include <cppuhelper/weakref.hxx>

#include <map>
#include <mutex>
#include <vector>

#include "command_states.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "workspace_events.hxx"
#include "passwords.hxx"

namespace evakin::uno
{

namespace
{

const char kProtocol[] = "org.evakin:";

using CommandFn = CommandOutcome (*)(const css::uno::Reference<css::uno::XComponentContext>&,
                                     const css::uno::Reference<css::frame::XFrame>&,
                                     const css::uno::Sequence<css::beans::PropertyValue>&);

struct CommandEntry
{
    const char* name;
    CommandFn run;
};

// Every command listed here works: its toolbar button (Addons.xcu) is enabled.
const CommandEntry kCommands[] = {
    {"Distribute", &distributeCommand}, {"Collect", &collectCommand},
    {"NextPeriod", &nextPeriodCommand}, {"Report", &reportCommand},
    {"Letter", &letterCommand},         {"Register", &registerCommand},
    {"Profile", &profileCommand},       {"Workspace", &workspaceCommand},
    {"Correct", &correctCommand},       {"Help", &helpCommand},
};

// "org.evakin:Letter?Kind=undangan" -> ("Letter", "Kind=undangan").
rtl::OUString commandName(const css::util::URL& url, rtl::OUString* query = nullptr)
{
    rtl::OUString name;
    if (!url.Complete.startsWithIgnoreAsciiCase(kProtocol, &name))
        return rtl::OUString();
    const sal_Int32 mark = name.indexOf('?');
    if (mark >= 0)
    {
        if (query)
            *query = name.copy(mark + 1);
        name = name.copy(0, mark);
    }
    return name;
}

CommandFn commandOf(const css::util::URL& url)
{
    const rtl::OUString name = commandName(url);
    for (const CommandEntry& entry : kCommands)
        if (name.equalsAscii(entry.name))
            return entry.run;
    return nullptr;
}

// The URL query's Name=Value pairs as string arguments, before the dispatch's
// own (which win: CommandArguments takes the last of a name).
css::uno::Sequence<css::beans::PropertyValue>
withQueryArguments(const css::util::URL& url,
                   const css::uno::Sequence<css::beans::PropertyValue>& arguments)
{
    rtl::OUString query;
    commandName(url, &query);
    std::vector<css::beans::PropertyValue> all;
    for (sal_Int32 index = 0; index >= 0 && !query.isEmpty();)
    {
        const rtl::OUString pair = query.getToken(0, '&', index);
        const sal_Int32 eq = pair.indexOf('=');
        if (eq <= 0)
            continue;
        css::beans::PropertyValue value;
        value.Name = pair.copy(0, eq);
        value.Value <<= pair.copy(eq + 1);
        all.push_back(value);
    }
    for (sal_Int32 i = 0; i < arguments.getLength(); ++i)
        all.push_back(arguments[i]);
    return css::uno::Sequence<css::beans::PropertyValue>(all.data(),
                                                         static_cast<sal_Int32>(all.size()));
}

bool flagArgument(const css::uno::Sequence<css::beans::PropertyValue>& arguments, const char* name)
{
    bool value = false;
    for (sal_Int32 i = 0; i < arguments.getLength(); ++i)
    {
        rtl::OUString text;
        if (!arguments[i].Name.equalsAscii(name))
            continue;
        if (arguments[i].Value >>= text)
            value = text.equalsIgnoreAsciiCase("true");
        else
            arguments[i].Value >>= value;
    }
    return value;
}

// Runs the command and tells the listener (if any) its outcome. Never throws: a
// failure to notify (a listener gone with its process) must not reach LibreOffice.
void runAndNotify(CommandFn run, const css::uno::Reference<css::uno::XComponentContext>& context,
                  const css::uno::Reference<css::frame::XFrame>& frame,
                  const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                  const css::uno::Reference<css::frame::XDispatchResultListener>& listener,
                  const css::uno::Reference<css::uno::XInterface>& source) noexcept
{
    CommandOutcome outcome;
    try
    {
        if (run)
            outcome = run(context, frame, arguments);
    }
    catch (const css::uno::Exception& e)
    {
        outcome.result = e.Message; // the commands catch their own; this is the last guard
    }
    catch (...)
    {
    }
    notifyWorkspaceChanged(); // whatever it wrote, the buttons' states and the deck follow
    if (!listener.is())
        return;
    try
    {
        css::frame::DispatchResultEvent event;
        event.Source = source;
        event.State = outcome.success ? css::frame::DispatchResultState::SUCCESS
                                      : css::frame::DispatchResultState::FAILURE;
        event.Result <<= outcome.result;
        listener->dispatchFinished(event);
    }
    catch (...)
    {
    }
}

// One dispatched command waiting for the main loop; holds what it needs until it ran.
class QueuedCommand : public cppu::WeakImplHelper1<css::awt::XCallback>
{
public:
    QueuedCommand(CommandFn run, const css::uno::Reference<css::uno::XComponentContext>& context,
                  const css::uno::Reference<css::frame::XFrame>& frame,
                  const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                  const css::uno::Reference<css::frame::XDispatchResultListener>& listener,
                  const css::uno::Reference<css::uno::XInterface>& handler)
        : run_(run),
          context_(context),
          frame_(frame),
          arguments_(arguments),
          listener_(listener),
          handler_(handler)
    {
    }

    void SAL_CALL notify(const css::uno::Any& /*data*/) override
    {
        // The frame may have closed meanwhile: the command then works without one.
        runAndNotify(run_, context_, css::uno::Reference<css::frame::XFrame>(frame_), arguments_,
                     listener_, handler_);
        listener_.clear();
        handler_.clear();
    }

private:
    CommandFn run_;
    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::WeakReference<css::frame::XFrame> frame_;
    css::uno::Sequence<css::beans::PropertyValue> arguments_;
    css::uno::Reference<css::frame::XDispatchResultListener> listener_;
    css::uno::Reference<css::uno::XInterface> handler_; // keeps the handler alive until it ran
};

class ProtocolHandler
    : public cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XNotifyingDispatch,
                                   css::lang::XInitialization, css::lang::XServiceInfo>
{
public:
    explicit ProtocolHandler(const css::uno::Reference<css::uno::XComponentContext>& context)
        : context_(context)
    {
        rememberOfficeContext(context);
    }

    ~ProtocolHandler() override
    {
        if (workspaceListener_ != 0)
            removeWorkspaceListener(workspaceListener_);
    }

    // XInitialization: the framework passes the frame the handler works for.
    void SAL_CALL initialize(const css::uno::Sequence<css::uno::Any>& arguments) override
    {
        for (sal_Int32 i = 0; i < arguments.getLength(); ++i)
        {
            css::uno::Reference<css::frame::XFrame> frame(arguments[i], css::uno::UNO_QUERY);
            if (frame.is())
            {
                frame_ = frame;
                break;
            }
        }
    }

    // XDispatchProvider
    css::uno::Reference<css::frame::XDispatch>
        SAL_CALL queryDispatch(const css::util::URL& url, const rtl::OUString& /*target*/,
                               sal_Int32 /*flags*/) override
    {
        if (commandOf(url) == nullptr)
            return nullptr;
        return this;
    }

    css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const css::uno::Sequence<css::frame::DispatchDescriptor>& requests) override
    {
        css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> result(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            result[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName,
                                      requests[i].SearchFlags);
        return result;
    }

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url,
                           const css::uno::Sequence<css::beans::PropertyValue>& arguments) override
    {
        dispatchWithNotification(url, arguments, nullptr);
    }

    // A button (or menu item) listens: it is told at once whether its command makes sense
    // now (the core's CommandState), and again after every workspace change.
    void SAL_CALL
    addStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                      const css::util::URL& url) override
    {
        if (!listener.is())
            return;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            listeners_[url.Complete].push_back(Listening{ listener, url });
            if (workspaceListener_ == 0)
            {
                // Weak: a handler going away must not be kept alive, nor called, by the signal.
                const css::uno::WeakReference<css::frame::XDispatch> weak(
                    static_cast<css::frame::XDispatch*>(this));
                workspaceListener_ = onWorkspaceChanged([weak] {
                    const css::uno::Reference<css::frame::XDispatch> alive(weak);
                    if (alive.is())
                        static_cast<ProtocolHandler*>(alive.get())->refresh();
                });
            }
        }
        sendState(listener, url);
    }

    void SAL_CALL
    removeStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                         const css::util::URL& url) override
    {
        std::lock_guard<std::mutex> lock(mutex_);
        tooltips_.erase(listener);
        const auto found = listeners_.find(url.Complete);
        if (found == listeners_.end())
            return;
        auto& list = found->second;
        for (auto it = list.begin(); it != list.end(); ++it)
            if (it->listener == listener)
            {
                list.erase(it);
                break;
            }
        if (list.empty())
            listeners_.erase(found);
    }

    // XNotifyingDispatch: the result (JSON summary or message) goes to the listener.
    void SAL_CALL dispatchWithNotification(
        const css::util::URL& url, const css::uno::Sequence<css::beans::PropertyValue>& arguments,
        const css::uno::Reference<css::frame::XDispatchResultListener>& listener) override
    {
        // Keep this object alive while a dialog runs, even if its frame lets go of it.
        const css::uno::Reference<css::uno::XInterface> keepAlive(
            static_cast<cppu::OWeakObject*>(this));
        const CommandFn run = commandOf(url);
        const css::uno::Sequence<css::beans::PropertyValue> all =
            withQueryArguments(url, arguments);
        const css::uno::Reference<css::frame::XFrame> frame(frame_);
        if (run && !flagArgument(all, "Silent") && !flagArgument(all, "SynchronMode"))
        {
            try
            {
                css::awt::AsyncCallback::create(context_)->addCallback(
                    new QueuedCommand(run, context_, frame, all, listener, keepAlive),
                    css::uno::Any());
                return;
            }
            catch (const css::uno::Exception&)
            {
                // No main loop to queue on (an office shutting down): run it here.
            }
        }
        runAndNotify(run, context_, frame, all, listener, keepAlive);
    }

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override
    {
        return rtl::OUString("org.evakin.ProtocolHandler");
    }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        const rtl::OUString name("com.sun.star.frame.ProtocolHandler");
        return css::uno::Sequence<rtl::OUString>(&name, 1);
    }

private:
    struct Listening
    {
        css::uno::Reference<css::frame::XStatusListener> listener;
        css::util::URL url;
    };

    // A toolbar button is also told its tooltip (what the command does and, when disabled, why)
    // as the ControlCommand "SetQuickHelpText", which LibreOffice's controller for add-on buttons
    // (framework's GenericToolbarController) turns into the item's quick help; a plain string
    // State would replace the button's label instead. Menu listeners, which are no toolbar
    // controllers, get IsEnabled only. The tooltip is sent only when its text changed for that
    // button: re-setting the quick help after every command, under a tooltip the pointer keeps
    // open, left the GTK3 office hanging on exit.
    void sendState(const css::uno::Reference<css::frame::XStatusListener>& listener,
                   const css::util::URL& url) noexcept
    {
        try
        {
            const bool known = commandOf(url) != nullptr;
            const evakin::CommandState command =
                known ? commandState(context_, css::uno::Reference<css::frame::XFrame>(frame_),
                                     url.Complete)
                      : evakin::CommandState{};
            css::frame::FeatureStateEvent state;
            state.Source = static_cast<cppu::OWeakObject*>(this);
            state.FeatureURL = url;
            state.IsEnabled = known && command.enabled;
            state.Requery = false;
            const css::uno::Reference<css::frame::XToolbarController> button(listener,
                                                                             css::uno::UNO_QUERY);
            const rtl::OUString tooltip = toOUString(command.tooltip);
            if (button.is() && !tooltip.isEmpty() && tooltipChanged(listener, tooltip))
            {
                css::frame::ControlCommand quickHelp;
                quickHelp.Command = "SetQuickHelpText";
                const css::beans::NamedValue text("HelpText", css::uno::Any(tooltip));
                quickHelp.Arguments = css::uno::Sequence<css::beans::NamedValue>(&text, 1);
                state.State <<= quickHelp;
            }
            listener->statusChanged(state);
        }
        catch (...)
        {
            // a listener gone with its toolbar
        }
    }

    // Whether `tooltip` differs from the one last sent to `listener` (and remembers it).
    bool tooltipChanged(const css::uno::Reference<css::frame::XStatusListener>& listener,
                        const rtl::OUString& tooltip)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        rtl::OUString& last = tooltips_[listener];
        if (last == tooltip)
            return false;
        last = tooltip;
        return true;
    }

    void refresh() noexcept
    {
        std::vector<Listening> all;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            for (const auto& entry : listeners_)
                all.insert(all.end(), entry.second.begin(), entry.second.end());
        }
        for (const Listening& l : all)
            sendState(l.listener, l.url);
    }

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::WeakReference<css::frame::XFrame> frame_; // the frame owns the toolbar that owns us
    std::mutex mutex_;
    std::map<rtl::OUString, std::vector<Listening>> listeners_; // by the URL listened to
    // The tooltip last sent to each toolbar button listening.
    std::map<css::uno::Reference<css::frame::XStatusListener>, rtl::OUString> tooltips_;
    WorkspaceListenerId workspaceListener_ = 0;
};

} // namespace

} // namespace evakin::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* org_evakin_ProtocolHandler_get_implementation(
    css::uno::XComponentContext* context, const css::uno::Sequence<css::uno::Any>& /*arguments*/)
{
    return cppu::acquire(new evakin::uno::ProtocolHandler(context));
}
