#include "status_view.hxx"

#include <algorithm>
#include <exception>

#include <com/sun/star/awt/AdjustmentEvent.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/ScrollBarOrientation.hpp>
#include <com/sun/star/awt/XScrollBar.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XUnitConversion.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/MeasureUnit.hpp>

#include <cppuhelper/implbase1.hxx>

#include "convert.hxx"
#include "text/tech_log.hpp"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

// The deck's own texts (the steps' come translated from the core).
const evakin::Text kNoWorkspace{
    "Belum ada ruang kerja yang dipilih. Pilih atau buat ruang kerja periode ini dengan tombol "
    "Ruang Kerja.",
    "No workspace has been chosen yet. Choose or create this period's workspace with the "
    "Workspace button."};
const evakin::Text kUnreadable{"Status ruang kerja tidak dapat dibaca: ",
                               "The workspace's status cannot be read: "};
const evakin::Text kNextStep{"Langkah ", "Step "};
const evakin::Text kNextStepHelp{"Langkah berikutnya menurut SOP: ", "The next step of the SOP: "};
const evakin::Text kAllDone{"Semua langkah yang dikerjakan Evakin sudah selesai untuk periode ini.",
                            "Every step Evakin does is done for this period."};
const evakin::Text kHelp{"Panduan", "Guide"};
const evakin::Text kHelpHelp{"Panduan SOP: langkah-langkahnya dan perintah untuk masing-masing",
                             "Guide to the SOP: its steps and the command for each"};
const evakin::Text kExecutor{"Pelaksana: ", "Done by: "};
const evakin::Text kStateManual{"dikerjakan di luar Evakin", "done outside Evakin"};
const evakin::Text kStateTodo{"belum dikerjakan", "not done yet"};
const evakin::Text kStatePartial{"sebagian", "in progress"};
const evakin::Text kStateDone{"selesai", "done"};
const evakin::Text kStateWarning{"selesai, perlu diperiksa", "done, needs a look"};

// Dialog units (map-appfont: 1/4 of a character's width, 1/8 of its height).
constexpr sal_Int32 kMargin = 4, kIndent = 10, kButtonHeight = 14, kMarkerHeight = 10;
constexpr sal_Int32 kMinimalWidth = 100; // ~25 characters: a step title wraps, never clips
constexpr sal_Int32 kStepGap = 3, kScrollBarWidth = 8;
const char kScrollBar[] = "Scroll";
const char kDot[] = " \xC2\xB7 "; // " · " between the parts of a line

struct Marker
{
    const char* sign;
    sal_Int32 color;
    const evakin::Text* name;
};

// Colours that read on light and dark sidebars alike.
Marker markerOf(evakin::StepState state)
{
    switch (state)
    {
        case evakin::StepState::done:
            return {"\xE2\x9C\x93", 0x2E8B3E, &kStateDone}; // ✓
        case evakin::StepState::partial:
            return {"\xE2\x97\x90", 0xD87A10, &kStatePartial}; // ◐
        case evakin::StepState::warning:
            return {"\xE2\x9A\xA0", 0xD0402F, &kStateWarning}; // ⚠
        case evakin::StepState::manual:
            return {"\xE2\x80\xA2", 0x808890, &kStateManual}; // •
        case evakin::StepState::todo:
            break;
    }
    return {"\xE2\x97\x8B", 0x808890, &kStateTodo}; // ○
}

// The toolbar's name of a command ("Rekap Kiriman"); empty when it has none of its own.
rtl::OUString commandTitle(const std::string& command, evakin::Lang lang)
{
    struct Entry
    {
        const char* command;
        const evakin::Text* title;
    };
    static const Entry entries[] = {
        {"org.evakin:Distribute", &texts::distributeTitle},
        {"org.evakin:Collect", &texts::collectTitle},
        {"org.evakin:Report", &texts::reportTitle},
        {"org.evakin:Letter?Kind=undangan", &texts::invitationTitle},
        {"org.evakin:Letter?Kind=pengantar", &texts::coverLetterTitle},
        {"org.evakin:Letter", &texts::coverLetterTitle},
        {"org.evakin:Register", &texts::registerTitle},
        {"org.evakin:NextPeriod", &texts::nextPeriodTitle},
        {"org.evakin:Workspace", &texts::workspaceTitle},
    };
    for (const Entry& entry : entries)
        if (command == entry.command)
            return toOUString(entry.title->in(lang));
    return rtl::OUString();
}

rtl::OUString text(const evakin::Text& t, evakin::Lang lang)
{
    return toOUString(t.in(lang));
}

StatusLine button(const char* name, const rtl::OUString& label, const rtl::OUString& help,
                  const rtl::OUString& command, sal_Int32 gapBefore)
{
    StatusLine line;
    line.name = rtl::OUString::createFromAscii(name);
    line.text = label;
    line.helpText = help;
    line.command = command;
    line.gapBefore = gapBefore;
    return line;
}

StatusLine message(const rtl::OUString& text)
{
    StatusLine line;
    line.name = "Message";
    line.text = text;
    line.gapBefore = kStepGap;
    return line;
}

void stepLines(const evakin::SopStep& step, bool next, evakin::Lang lang,
               std::vector<StatusLine>& lines)
{
    const Marker marker = markerOf(step.state);
    const rtl::OUString number = rtl::OUString::number(step.number);
    StatusLine title;
    title.name = "Step" + number + "Title";
    title.text = number + ". " + toOUString(step.title);
    title.marker = toOUString(marker.sign);
    title.markerColor = marker.color;
    title.helpText = text(*marker.name, lang);
    if (!step.executor.empty())
        title.helpText += toOUString(kDot) + text(kExecutor, lang) + toOUString(step.executor);
    title.bold = next;
    title.gapBefore = kStepGap;
    lines.push_back(title);

    StatusLine detail;
    detail.name = "Step" + number + "Detail";
    detail.text = toOUString(step.timeStandard);
    if (!step.detail.empty())
        detail.text +=
            (detail.text.isEmpty() ? rtl::OUString() : toOUString(kDot)) + toOUString(step.detail);
    detail.indented = true;
    if (!detail.text.isEmpty())
        lines.push_back(detail);
}

} // namespace

std::vector<StatusLine> statusLines(const rtl::OUString& workspaceUrl, evakin::Lang lang)
{
    std::vector<StatusLine> lines;
    const StatusLine help =
        button("Help", text(kHelp, lang), text(kHelpHelp, lang), "org.evakin:Help", kStepGap);
    const StatusLine chooseWorkspace =
        button("Workspace", text(texts::workspaceTitle, lang), text(texts::chooseWorkspace, lang),
               "org.evakin:Workspace", kStepGap);
    if (workspaceUrl.isEmpty())
    {
        lines.push_back(message(text(kNoWorkspace, lang)));
        lines.push_back(chooseWorkspace);
        lines.push_back(help);
        return lines;
    }
    const std::filesystem::path dir = toPath(workspaceUrl);
    evakin::SopStatus status;
    try
    {
        status = evakin::sopStatus(dir, lang);
    }
    catch (const evakin::Error& e)
    {
        lines.push_back(message(toOUString(e.render(lang))));
        lines.push_back(chooseWorkspace);
        lines.push_back(help);
        return lines;
    }
    catch (const std::exception& e)
    {
        evakin::logTechnicalDetail("sidebar: " + dir.u8string(), e.what());
        lines.push_back(message(text(kUnreadable, lang) + toOUString(dir.u8string())));
        lines.push_back(chooseWorkspace);
        lines.push_back(help);
        return lines;
    }

    StatusLine folder;
    folder.name = "Folder";
    folder.text = toOUString(dir.filename().u8string());
    folder.helpText = toOUString(dir.u8string());
    folder.bold = true;
    lines.push_back(folder);
    StatusLine period;
    period.name = "Period";
    period.text = toOUString(status.period);
    lines.push_back(period);

    const evakin::SopStep* next = nullptr;
    for (const evakin::SopStep& step : status.steps)
        if (step.number == status.nextStep)
            next = &step;
    if (next && !next->command.empty())
    {
        rtl::OUString what = commandTitle(next->command, lang);
        if (what.isEmpty())
            what = toOUString(next->title);
        lines.push_back(button(
            "NextStep", text(kNextStep, lang) + rtl::OUString::number(next->number) + ": " + what,
            text(kNextStepHelp, lang) + toOUString(next->title), toOUString(next->command),
            kStepGap));
    }
    else if (next)
    {
        // A step Evakin has no command for (sending the forms by e-mail): named, not pressed.
        StatusLine line = message(text(kNextStepHelp, lang) + rtl::OUString::number(next->number) +
                                  ". " + toOUString(next->detail));
        line.name = "NextStep";
        line.bold = true;
        lines.push_back(line);
    }
    else
        lines.push_back(message(text(kAllDone, lang)));
    lines.push_back(help);
    for (const evakin::SopStep& step : status.steps)
        stepLines(step, &step == next, lang, lines);
    return lines;
}

// The scroll bar moves the view; forgotten when the view goes first.
class StatusView::ScrollListener : public cppu::WeakImplHelper1<css::awt::XAdjustmentListener>
{
public:
    explicit ScrollListener(StatusView* view) : view_(view) {}
    void forget()
    {
        view_ = nullptr;
    }
    void SAL_CALL adjustmentValueChanged(const css::awt::AdjustmentEvent& event) override
    {
        if (view_)
            view_->scrollTo(event.Value);
    }
    void SAL_CALL disposing(const css::lang::EventObject& /*event*/) override {}

private:
    StatusView* view_;
};

StatusView::StatusView(const css::uno::Reference<css::uno::XComponentContext>& context,
                       const css::uno::Reference<css::awt::XWindow>& parent,
                       const css::uno::Reference<css::awt::XActionListener>& buttons)
    : context_(context), buttons_(buttons), scrolled_(new ScrollListener(this))
{
    const css::uno::Reference<css::beans::XPropertySet> model(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.awt.UnoControlDialogModel", context),
        css::uno::UNO_QUERY_THROW);
    // Without decoration a dialog control is a plain child window (a tab page), not a dialog.
    model->setPropertyValue("Decoration", css::uno::Any(false));
    model->setPropertyValue("Width", css::uno::Any(sal_Int32(kMinimalWidth)));
    model->setPropertyValue("Height", css::uno::Any(sal_Int32(100)));
    dialog_.set(context->getServiceManager()->createInstanceWithContext(
                    "com.sun.star.awt.UnoControlDialog", context),
                css::uno::UNO_QUERY_THROW);
    dialog_->setModel(
        css::uno::Reference<css::awt::XControlModel>(model, css::uno::UNO_QUERY_THROW));
    dialog_->createPeer(
        css::uno::Reference<css::awt::XToolkit>(css::awt::Toolkit::create(context),
                                                css::uno::UNO_QUERY_THROW),
        css::uno::Reference<css::awt::XWindowPeer>(parent, css::uno::UNO_QUERY_THROW));
    window()->setVisible(true);
}

css::uno::Reference<css::awt::XWindow> StatusView::window() const
{
    return css::uno::Reference<css::awt::XWindow>(dialog_, css::uno::UNO_QUERY);
}

void StatusView::show(const std::vector<StatusLine>& lines)
{
    if (!dialog_.is())
        return;
    const css::uno::Reference<css::container::XNameContainer> model(dialog_->getModel(),
                                                                    css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::lang::XMultiServiceFactory> factory(model,
                                                                       css::uno::UNO_QUERY_THROW);
    for (const rtl::OUString& name : model->getElementNames())
        model->removeByName(name);
    lines_ = lines;
    const css::uno::Reference<css::awt::XControlContainer> controls(dialog_,
                                                                    css::uno::UNO_QUERY_THROW);
    auto insert = [&](const char* service)
    {
        const css::uno::Reference<css::beans::XPropertySet> control(
            factory->createInstance(rtl::OUString::createFromAscii(service)),
            css::uno::UNO_QUERY_THROW);
        control->setPropertyValue("PositionX", css::uno::Any(kMargin));
        control->setPropertyValue("PositionY", css::uno::Any(kMargin));
        control->setPropertyValue("Width", css::uno::Any(kMinimalWidth));
        control->setPropertyValue("Height", css::uno::Any(kButtonHeight));
        return control;
    };
    for (const StatusLine& line : lines_)
    {
        if (!line.marker.isEmpty())
        {
            const auto marker = insert("com.sun.star.awt.UnoControlFixedTextModel");
            marker->setPropertyValue("Label", css::uno::Any(line.marker));
            marker->setPropertyValue("TextColor", css::uno::Any(line.markerColor));
            marker->setPropertyValue("FontWeight", css::uno::Any(css::awt::FontWeight::BOLD));
            marker->setPropertyValue("HelpText", css::uno::Any(line.helpText));
            model->insertByName(line.name + "Marker", css::uno::Any(marker));
        }
        if (!line.command.isEmpty())
        {
            const auto b = insert("com.sun.star.awt.UnoControlButtonModel");
            b->setPropertyValue("Label", css::uno::Any(line.text));
            b->setPropertyValue("HelpText", css::uno::Any(line.helpText));
            model->insertByName(line.name, css::uno::Any(b));
            const css::uno::Reference<css::awt::XButton> control(controls->getControl(line.name),
                                                                 css::uno::UNO_QUERY_THROW);
            control->setActionCommand(line.command);
            control->addActionListener(buttons_);
            continue;
        }
        const auto label = insert("com.sun.star.awt.UnoControlFixedTextModel");
        label->setPropertyValue("Label", css::uno::Any(line.text));
        label->setPropertyValue("MultiLine", css::uno::Any(true));
        label->setPropertyValue("NoLabel", css::uno::Any(true)); // a "~" in a title stays a "~"
        label->setPropertyValue("HelpText", css::uno::Any(line.helpText));
        if (line.bold)
            label->setPropertyValue("FontWeight", css::uno::Any(css::awt::FontWeight::BOLD));
        if (line.textColor >= 0)
            label->setPropertyValue("TextColor", css::uno::Any(line.textColor));
        model->insertByName(line.name, css::uno::Any(label));
    }
    // The scroll bar, shown by layout() when the content is taller than the panel.
    const auto bar = insert("com.sun.star.awt.UnoControlScrollBarModel");
    bar->setPropertyValue("Orientation",
                          css::uno::Any(sal_Int32(css::awt::ScrollBarOrientation::VERTICAL)));
    bar->setPropertyValue("LineIncrement", css::uno::Any(sal_Int32(12)));
    model->insertByName(kScrollBar, css::uno::Any(bar));
    const css::uno::Reference<css::awt::XScrollBar> scrollBar(controls->getControl(kScrollBar),
                                                              css::uno::UNO_QUERY_THROW);
    scrollBar->addAdjustmentListener(scrolled_);
    css::uno::Reference<css::awt::XWindow>(scrollBar, css::uno::UNO_QUERY_THROW)->setVisible(false);
    if (width_ > 0)
        layout(width_);
}

namespace
{

void setGeometry(const css::uno::Reference<css::container::XNameContainer>& model,
                 const rtl::OUString& name, sal_Int32 x, sal_Int32 y, sal_Int32 width,
                 sal_Int32 height)
{
    const css::uno::Reference<css::beans::XPropertySet> control(model->getByName(name),
                                                                css::uno::UNO_QUERY_THROW);
    // Only what changed: every set repaints, and the sidebar lays out often.
    const std::pair<const char*, sal_Int32> values[] = {
        {"PositionX", x}, {"PositionY", y}, {"Width", width}, {"Height", height}};
    for (const auto& [property, value] : values)
    {
        sal_Int32 current = 0;
        control->getPropertyValue(rtl::OUString::createFromAscii(property)) >>= current;
        if (current != value)
            control->setPropertyValue(rtl::OUString::createFromAscii(property),
                                      css::uno::Any(value));
    }
}

sal_Int32 indentOf(const StatusLine& line)
{
    return kMargin + (line.indented || !line.marker.isEmpty() ? kIndent : 0);
}

} // namespace

sal_Int32 StatusView::measure(sal_Int32 widthAu)
{
    const css::uno::Reference<css::awt::XUnitConversion> units(dialog_->getPeer(),
                                                               css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::awt::XControlContainer> controls(dialog_,
                                                                    css::uno::UNO_QUERY_THROW);
    const sal_Int16 appfont = css::util::MeasureUnit::APPFONT;
    tops_.clear();
    heights_.clear();
    sal_Int32 y = kMargin;
    for (const StatusLine& line : lines_)
    {
        y += line.gapBefore;
        sal_Int32 h = kButtonHeight;
        if (line.command.isEmpty())
        {
            // The text's height when wrapped at this width (VCL's FixedText measures it).
            const css::uno::Reference<css::awt::XLayoutConstrains> text(
                controls->getControl(line.name), css::uno::UNO_QUERY_THROW);
            const sal_Int32 w = widthAu - indentOf(line) - kMargin;
            const sal_Int32 pixels = units->convertSizeToPixel(css::awt::Size(w, 0), appfont).Width;
            const sal_Int32 textHeight = text->calcAdjustedSize(css::awt::Size(pixels, 0)).Height;
            h = units->convertSizeToLogic(css::awt::Size(0, textHeight), appfont).Height + 1;
        }
        tops_.push_back(y);
        heights_.push_back(h);
        y += h + 1;
    }
    return y + kMargin;
}

sal_Int32 StatusView::layout(sal_Int32 width)
{
    if (!dialog_.is())
        return 0;
    width_ = width;
    const css::uno::Reference<css::awt::XUnitConversion> units(dialog_->getPeer(),
                                                               css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::container::XNameContainer> model(dialog_->getModel(),
                                                                    css::uno::UNO_QUERY_THROW);
    const sal_Int16 appfont = css::util::MeasureUnit::APPFONT;
    const sal_Int32 widthAu =
        std::max(kMinimalWidth, units->convertSizeToLogic(css::awt::Size(width, 0), appfont).Width);
    content_ = measure(widthAu);
    const sal_Int32 viewport =
        viewport_ > 0 ? units->convertSizeToLogic(css::awt::Size(0, viewport_), appfont).Height
                      : content_;
    const bool scrolls = content_ > viewport;
    if (scrolls)
        content_ = measure(widthAu - kScrollBarWidth);
    top_ = std::clamp(top_, sal_Int32(0), std::max(sal_Int32(0), content_ - viewport));
    const sal_Int32 textWidth = widthAu - (scrolls ? kScrollBarWidth : 0);
    for (std::size_t i = 0; i < lines_.size(); ++i)
    {
        const StatusLine& line = lines_[i];
        const sal_Int32 x = indentOf(line);
        setGeometry(model, line.name, x, tops_[i] - top_, textWidth - x - kMargin, heights_[i]);
        if (!line.marker.isEmpty())
            setGeometry(model, line.name + "Marker", kMargin, tops_[i] - top_, kIndent - 1,
                        kMarkerHeight);
    }
    if (model->hasByName(kScrollBar))
    {
        setGeometry(model, kScrollBar, widthAu - kScrollBarWidth, 0, kScrollBarWidth, viewport);
        const css::uno::Reference<css::beans::XPropertySet> bar(model->getByName(kScrollBar),
                                                                css::uno::UNO_QUERY_THROW);
        bar->setPropertyValue("ScrollValueMax", css::uno::Any(content_));
        bar->setPropertyValue("VisibleSize", css::uno::Any(viewport));
        bar->setPropertyValue("BlockIncrement",
                              css::uno::Any(std::max(sal_Int32(1), viewport - 20)));
        bar->setPropertyValue("ScrollValue", css::uno::Any(top_));
        const css::uno::Reference<css::awt::XWindow> control(
            css::uno::Reference<css::awt::XControlContainer>(dialog_, css::uno::UNO_QUERY_THROW)
                ->getControl(kScrollBar),
            css::uno::UNO_QUERY_THROW);
        control->setVisible(scrolls);
    }
    return units->convertSizeToPixel(css::awt::Size(0, content_), appfont).Height;
}

void StatusView::fit(sal_Int32 width, sal_Int32 height)
{
    if (!dialog_.is() || width <= 0)
        return;
    viewport_ = height;
    window()->setPosSize(0, 0, width, height, css::awt::PosSize::POSSIZE);
    layout(width);
}

void StatusView::scrollTo(sal_Int32 top)
{
    if (top == top_)
        return;
    top_ = top;
    layout(width_);
}

sal_Int32 StatusView::minimalWidth() const
{
    if (!dialog_.is())
        return 0;
    const css::uno::Reference<css::awt::XUnitConversion> units(dialog_->getPeer(),
                                                               css::uno::UNO_QUERY);
    if (!units.is())
        return 0;
    return units
        ->convertSizeToPixel(css::awt::Size(kMinimalWidth, 0), css::util::MeasureUnit::APPFONT)
        .Width;
}

void StatusView::dispose() noexcept
{
    try
    {
        const css::uno::Reference<css::lang::XComponent> component(dialog_, css::uno::UNO_QUERY);
        dialog_.clear();
        buttons_.clear();
        static_cast<ScrollListener*>(scrolled_.get())->forget();
        if (component.is())
            component->dispose();
    }
    catch (const css::uno::Exception&)
    {
        // An office shutting down has disposed the windows already.
    }
}

} // namespace evakin::uno
