// org.evakin.PanelFactory: the UI element factory behind the sidebar's
// "Evaluasi Kinerja" deck (extension/registry/Sidebar.xcu, Factories.xcu).
// The sidebar asks it for private:resource/toolpanel/EvakinPanelFactory/Status
// with the frame, the panel's parent window and the sidebar itself; the panel
// shows status_view.hxx for the current workspace and rebuilds it whenever a
// command reports a change (workspace_events.hxx) and whenever it is shown,
// on the main loop (AsyncCallback), whatever thread reported.
// Its buttons dispatch their command on the frame, as a toolbar button does.
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase6.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <memory>
#include <vector>

#include "convert.hxx"
#include "settings.hxx"
#include "status_view.hxx"
#include "text/tech_log.hpp"
#include "workspace_events.hxx"

namespace evakin::uno
{

namespace
{

const char kStatusPanelUrl[] = "private:resource/toolpanel/EvakinPanelFactory/Status";

// A panel's refresh waiting for the main loop; nothing when the panel went meanwhile.
class QueuedRefresh : public cppu::WeakImplHelper1<css::awt::XCallback>
{
public:
    explicit QueuedRefresh(const css::uno::WeakReference<css::ui::XUIElement>& panel)
        : panel_(panel)
    {
    }
    void SAL_CALL notify(const css::uno::Any& /*data*/) override;

private:
    css::uno::WeakReference<css::ui::XUIElement> panel_;
};

class StatusPanel
    : public cppu::WeakImplHelper6<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel,
                                   css::lang::XComponent, css::awt::XWindowListener,
                                   css::awt::XActionListener>
{
public:
    StatusPanel(const css::uno::Reference<css::uno::XComponentContext>& context,
                const css::uno::Reference<css::frame::XFrame>& frame,
                const css::uno::Reference<css::awt::XWindow>& parent,
                const css::uno::Reference<css::ui::XSidebar>& sidebar)
        : context_(context), frame_(frame), parent_(parent), sidebar_(sidebar)
    {
    }

    // After construction: what needs a reference to this object.
    void start()
    {
        view_ = std::make_unique<StatusView>(context_, parent_,
                                             static_cast<css::awt::XActionListener*>(this));
        parent_->addWindowListener(this);
        css::uno::WeakReference<css::ui::XUIElement> weak(this);
        listener_ = onWorkspaceChanged(
            [weak]
            {
                const css::uno::Reference<css::ui::XUIElement> panel(weak);
                if (panel.is())
                    static_cast<StatusPanel*>(panel.get())->scheduleRefresh();
            });
        const css::awt::Rectangle area = parent_->getPosSize();
        fit(area.Width, area.Height);
        // The sidebar lays the deck out once it has the panel: no requestLayout from inside it.
        refresh(false);
    }

    // A refresh on the main loop, once however often asked before it runs: a command may
    // report from a macro's thread, and a layout from inside a window event is re-entrant.
    void scheduleRefresh() noexcept
    {
        if (refreshQueued_ || !view_)
            return;
        try
        {
            css::awt::AsyncCallback::create(context_)->addCallback(
                new QueuedRefresh(css::uno::WeakReference<css::ui::XUIElement>(this)),
                css::uno::Any());
            refreshQueued_ = true;
        }
        catch (const css::uno::Exception&)
        {
            // No main loop any more (the office closing): nothing to refresh for.
        }
    }

    // Reads the workspace again and shows it; the sidebar then lays the deck out anew.
    void refresh(bool relayout = true) noexcept
    {
        refreshQueued_ = false;
        if (!view_)
            return;
        try
        {
            view_->show(statusLines(lastWorkspace(context_), uiLanguage(context_)));
            if (relayout && sidebar_.is())
                sidebar_->requestLayout();
        }
        catch (const css::uno::Exception& e)
        {
            // A window torn down under us (the office closing): nothing to show it in.
            evakin::logTechnicalDetail("sidebar refresh", toUtf8(e.Message));
        }
    }

    // XUIElement
    css::uno::Reference<css::frame::XFrame> SAL_CALL getFrame() override
    {
        return css::uno::Reference<css::frame::XFrame>(frame_);
    }
    rtl::OUString SAL_CALL getResourceURL() override
    {
        return kStatusPanelUrl;
    }
    sal_Int16 SAL_CALL getType() override
    {
        return css::ui::UIElementType::TOOLPANEL;
    }
    css::uno::Reference<css::uno::XInterface> SAL_CALL getRealInterface() override
    {
        return static_cast<css::ui::XToolPanel*>(this);
    }

    // XToolPanel
    css::uno::Reference<css::awt::XWindow> SAL_CALL getWindow() override
    {
        return view_ ? view_->window() : nullptr;
    }
    css::uno::Reference<css::accessibility::XAccessible> SAL_CALL createAccessible(
        const css::uno::Reference<css::accessibility::XAccessible>& /*parent*/) override
    {
        return css::uno::Reference<css::accessibility::XAccessible>(getWindow(),
                                                                    css::uno::UNO_QUERY);
    }

    // XSidebarPanel: as tall as the texts wrapped at this width, or what the deck has left
    // (the view then scrolls), but never less than the header and the next-step button.
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 width) override
    {
        const sal_Int32 height = view_ ? view_->layout(width) : 0;
        return css::ui::LayoutSize(std::min(height, view_ ? view_->minimalWidth() : 0), height,
                                   height);
    }
    sal_Int32 SAL_CALL getMinimalWidth() override
    {
        return view_ ? view_->minimalWidth() : 0;
    }

    // XComponent: the sidebar disposes its panels when the deck or the frame goes.
    void SAL_CALL dispose() override
    {
        if (!view_)
            return;
        removeWorkspaceListener(listener_);
        try
        {
            parent_->removeWindowListener(this);
        }
        catch (const css::uno::Exception&)
        {
        }
        const std::unique_ptr<StatusView> view = std::move(view_);
        view->dispose();
        css::lang::EventObject event(static_cast<cppu::OWeakObject*>(this));
        const std::vector<css::uno::Reference<css::lang::XEventListener>> listeners =
            std::move(eventListeners_);
        for (const auto& listener : listeners)
        {
            try
            {
                listener->disposing(event);
            }
            catch (const css::uno::Exception&)
            {
            }
        }
    }
    void SAL_CALL
    addEventListener(const css::uno::Reference<css::lang::XEventListener>& listener) override
    {
        if (listener.is())
            eventListeners_.push_back(listener);
    }
    void SAL_CALL
    removeEventListener(const css::uno::Reference<css::lang::XEventListener>& listener) override
    {
        eventListeners_.erase(std::remove(eventListeners_.begin(), eventListeners_.end(), listener),
                              eventListeners_.end());
    }

    // XWindowListener on the parent: the panel fills it, and reads the files again when shown.
    void SAL_CALL windowResized(const css::awt::WindowEvent& event) override
    {
        fit(event.Width, event.Height);
    }
    void SAL_CALL windowMoved(const css::awt::WindowEvent& /*event*/) override {}
    void SAL_CALL windowShown(const css::lang::EventObject& /*event*/) override
    {
        scheduleRefresh();
    }
    void SAL_CALL windowHidden(const css::lang::EventObject& /*event*/) override {}

    // XActionListener: a button's ActionCommand is its command URL.
    void SAL_CALL actionPerformed(const css::awt::ActionEvent& event) override
    {
        dispatch(event.ActionCommand);
    }
    void SAL_CALL disposing(const css::lang::EventObject& /*event*/) override {}

private:
    void fit(sal_Int32 width, sal_Int32 height)
    {
        if (view_)
            view_->fit(width, height);
    }

    // Like a toolbar button: the frame's dispatcher runs it after this handler returned. The
    // command acts on the workspace the deck shows, not on the one the document may be in.
    void dispatch(const rtl::OUString& command)
    {
        const css::uno::Reference<css::frame::XFrame> frame(frame_);
        const css::uno::Reference<css::frame::XDispatchProvider> provider(frame,
                                                                          css::uno::UNO_QUERY);
        if (!provider.is())
            return;
        css::util::URL url;
        url.Complete = command;
        css::util::URLTransformer::create(context_)->parseStrict(url);
        const css::uno::Reference<css::frame::XDispatch> dispatcher =
            provider->queryDispatch(url, "_self", 0);
        if (!dispatcher.is())
        {
            evakin::logTechnicalDetail("sidebar", "no dispatcher for " + toUtf8(command));
            return;
        }
        std::vector<css::beans::PropertyValue> arguments;
        const rtl::OUString workspace = lastWorkspace(context_);
        if (!workspace.isEmpty() && command != "org.evakin:Workspace")
        {
            css::beans::PropertyValue value;
            value.Name = "Workspace";
            value.Value <<= workspace;
            arguments.push_back(value);
        }
        dispatcher->dispatch(url, css::uno::Sequence<css::beans::PropertyValue>(
                                      arguments.data(), static_cast<sal_Int32>(arguments.size())));
    }

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::WeakReference<css::frame::XFrame> frame_;
    css::uno::Reference<css::awt::XWindow> parent_;
    css::uno::Reference<css::ui::XSidebar> sidebar_;
    std::unique_ptr<StatusView> view_;
    WorkspaceListenerId listener_ = 0;
    bool refreshQueued_ = false;
    std::vector<css::uno::Reference<css::lang::XEventListener>> eventListeners_;
};

void QueuedRefresh::notify(const css::uno::Any& /*data*/)
{
    const css::uno::Reference<css::ui::XUIElement> panel(panel_);
    if (panel.is())
        static_cast<StatusPanel*>(panel.get())->refresh();
}

class PanelFactory
    : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo>
{
public:
    explicit PanelFactory(const css::uno::Reference<css::uno::XComponentContext>& context)
        : context_(context)
    {
    }

    // XUIElementFactory
    css::uno::Reference<css::ui::XUIElement> SAL_CALL
    createUIElement(const rtl::OUString& resourceUrl,
                    const css::uno::Sequence<css::beans::PropertyValue>& arguments) override
    {
        if (resourceUrl != kStatusPanelUrl)
            throw css::container::NoSuchElementException(resourceUrl,
                                                         static_cast<cppu::OWeakObject*>(this));
        css::uno::Reference<css::frame::XFrame> frame;
        css::uno::Reference<css::awt::XWindow> parent;
        css::uno::Reference<css::ui::XSidebar> sidebar;
        for (const css::beans::PropertyValue& argument : arguments)
        {
            if (argument.Name == "Frame")
                argument.Value >>= frame;
            else if (argument.Name == "ParentWindow")
                argument.Value >>= parent;
            else if (argument.Name == "Sidebar")
                argument.Value >>= sidebar;
        }
        if (!parent.is())
            throw css::lang::IllegalArgumentException("no ParentWindow for " + resourceUrl,
                                                      static_cast<cppu::OWeakObject*>(this), 1);
        const rtl::Reference<StatusPanel> panel(new StatusPanel(context_, frame, parent, sidebar));
        panel->start();
        return css::uno::Reference<css::ui::XUIElement>(panel.get());
    }

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override
    {
        return "org.evakin.PanelFactory";
    }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        const rtl::OUString name("com.sun.star.ui.UIElementFactory");
        return css::uno::Sequence<rtl::OUString>(&name, 1);
    }

private:
    css::uno::Reference<css::uno::XComponentContext> context_;
};

} // namespace

} // namespace evakin::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_evakin_PanelFactory_get_implementation(css::uno::XComponentContext* context,
                                           const css::uno::Sequence<css::uno::Any>& /*arguments*/)
{
    return cppu::acquire(new evakin::uno::PanelFactory(context));
}
