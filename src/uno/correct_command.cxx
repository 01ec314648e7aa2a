// org.evakin:Correct ("Koreksi Data"): a correction to a reported quarter,
// recorded exactly as `evakin correct` records it (collect/corrections.hpp):
// old and new value, who, when and why, in koreksi.json. The dialog lists
// the profile's units, the plan rows of the chosen unit and the quarters of
// the period, and shows the value of the chosen cell as it stands; a problem
// (a number that cannot be read, no reason) is shown and the dialog opens
// again with what was typed. Nothing is written before the user records.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <cppuhelper/implbase1.hxx>

#include "collect/corrections.hpp"
#include "command_support.hxx"
#include "commands.hxx"
#include "convert.hxx"
#include "dialog_builder.hxx"
#include "io/format_id.hpp"
#include "io/number_parse.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "step_dialogs.hxx"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

struct RowChoice
{
    std::string key;
    rtl::OUString label; // "1.01.02 - Persentase ..."
};

struct UnitChoice
{
    std::string code;
    rtl::OUString label;
    std::vector<RowChoice> rows;
};

// What the dialog shows and returns: positions in the lists, texts as typed.
struct CorrectForm
{
    sal_Int16 unit = 0, row = 0, triwulan = 0;
    rtl::OUString k, rp, reason;
};

const char* const kRoman[] = {"I", "II", "III", "IV"};

// The units that have plan rows, in profile order, each with its rows.
std::vector<UnitChoice> correctableUnits(const evakin::Workspace& ws)
{
    const evakin::Profile profile = evakin::loadProfile(ws.profileFile());
    const evakin::Plan plan = evakin::loadPlan(ws.planFile(), profile);
    std::vector<UnitChoice> out;
    for (const evakin::Unit& unit : profile.units)
    {
        UnitChoice u{unit.code, toOUString(unit.code + " - " + unit.name), {}};
        for (const evakin::PlanRow* r : plan.rowsOf(unit.code))
            u.rows.push_back(RowChoice{r->key, toOUString(r->key + " - " + r->indikator)});
        if (!u.rows.empty())
            out.push_back(std::move(u));
    }
    return out;
}

css::uno::Sequence<rtl::OUString> rowLabels(const UnitChoice& unit)
{
    css::uno::Sequence<rtl::OUString> out(static_cast<sal_Int32>(unit.rows.size()));
    for (std::size_t i = 0; i < unit.rows.size(); ++i)
        out[static_cast<sal_Int32>(i)] = unit.rows[i].label;
    return out;
}

rtl::OUString valueText(const CommandScope& scope, const evakin::Workspace& ws,
                        const std::vector<UnitChoice>& units, sal_Int16 unit, sal_Int16 row,
                        sal_Int16 triwulan)
{
    if (unit < 0 || unit >= static_cast<sal_Int16>(units.size()) || row < 0 ||
        row >= static_cast<sal_Int16>(units[static_cast<std::size_t>(unit)].rows.size()))
        return scope.text(texts::currentValue) + scope.text(texts::noValueYet);
    const UnitChoice& u = units[static_cast<std::size_t>(unit)];
    evakin::QuarterValue v;
    try
    {
        v = evakin::currentValue(ws, u.code, u.rows[static_cast<std::size_t>(row)].key,
                                 triwulan + 1);
    }
    catch (const evakin::Error& e)
    {
        return scope.text(texts::currentValue) + toOUString(e.render(scope.lang));
    }
    if (!v.reported())
        return scope.text(texts::currentValue) + scope.text(texts::noValueYet);
    const auto shown = [](const std::optional<double>& x)
    { return toOUString(x ? evakin::formatNumberId(*x) : std::string("-")); };
    return scope.text(texts::currentValue) + "K " + shown(v.k) + ", Rp " + shown(v.rp);
}

// Keeps the row list and the current value in step with the chosen unit, row and quarter.
class CorrectDialogLink : public cppu::WeakImplHelper1<css::awt::XItemListener>
{
public:
    CorrectDialogLink(const CommandScope& scope, const evakin::Workspace& ws,
                      const std::vector<UnitChoice>& units,
                      const css::uno::Reference<css::awt::XControlContainer>& controls)
        : scope_(scope), ws_(ws), units_(units), controls_(controls)
    {
    }

    void SAL_CALL itemStateChanged(const css::awt::ItemEvent& event) override
    {
        if (!controls_.is())
            return;
        const css::uno::Reference<css::awt::XListBox> unit(controls_->getControl("unit"),
                                                           css::uno::UNO_QUERY_THROW);
        const css::uno::Reference<css::awt::XListBox> row(controls_->getControl("row"),
                                                          css::uno::UNO_QUERY_THROW);
        const css::uno::Reference<css::awt::XListBox> triwulan(controls_->getControl("triwulan"),
                                                               css::uno::UNO_QUERY_THROW);
        const sal_Int16 u = unit->getSelectedItemPos();
        if (event.Source == unit && u >= 0 && u < static_cast<sal_Int16>(units_.size()))
        {
            row->removeItems(0, row->getItemCount());
            row->addItems(rowLabels(units_[static_cast<std::size_t>(u)]), 0);
            row->selectItemPos(0, true);
        }
        const css::uno::Reference<css::awt::XFixedText> value(controls_->getControl("value"),
                                                              css::uno::UNO_QUERY_THROW);
        value->setText(valueText(scope_, ws_, units_, u, row->getSelectedItemPos(),
                                 triwulan->getSelectedItemPos()));
    }

    void SAL_CALL disposing(const css::lang::EventObject& /*source*/) override
    {
        controls_.clear(); // the dialog goes away: let go of it
    }

private:
    const CommandScope& scope_;
    const evakin::Workspace& ws_;
    const std::vector<UnitChoice>& units_;
    css::uno::Reference<css::awt::XControlContainer> controls_;
};

std::optional<CorrectForm> correctDialog(const CommandScope& scope, const evakin::Workspace& ws,
                                         const std::vector<UnitChoice>& units,
                                         const CorrectForm& initial)
{
    constexpr sal_Int32 kMargin = kDialogMargin, kWidth = 320, kLabelWidth = 110;
    constexpr sal_Int32 kFieldX = kMargin + kLabelWidth + 4,
                        kFieldWidth = kWidth - kFieldX - kMargin;
    DialogBuilder b(scope.context);
    sal_Int32 y = kMargin;
    b.label("heading", workspaceHeading(scope, ws), kMargin, y, kWidth - 2 * kMargin, 2);
    y += 2 * kDialogRowHeight + 4;

    css::uno::Sequence<rtl::OUString> unitLabels(static_cast<sal_Int32>(units.size()));
    for (std::size_t i = 0; i < units.size(); ++i)
        unitLabels[static_cast<sal_Int32>(i)] = units[i].label;
    b.label("label.unit", scope.text(texts::correctUnit), kMargin, y, kLabelWidth);
    b.listBox("unit", unitLabels, initial.unit, kFieldX, y, kFieldWidth);
    y += kDialogRowStep;
    b.label("label.row", scope.text(texts::correctRow), kMargin, y, kLabelWidth);
    b.listBox("row", rowLabels(units[static_cast<std::size_t>(initial.unit)]), initial.row, kFieldX,
              y, kFieldWidth);
    y += kDialogRowStep;
    css::uno::Sequence<rtl::OUString> quarters(ws.period.triwulan);
    for (sal_Int32 q = 0; q < ws.period.triwulan && q < 4; ++q)
        quarters[q] = rtl::OUString::createFromAscii(kRoman[q]);
    b.label("label.triwulan", scope.text(texts::correctTriwulan), kMargin, y, kLabelWidth);
    b.listBox("triwulan", quarters, initial.triwulan, kFieldX, y, 50);
    y += kDialogRowStep;
    b.label("value", valueText(scope, ws, units, initial.unit, initial.row, initial.triwulan),
            kFieldX, y, kFieldWidth);
    y += kDialogRowStep;
    b.label("label.k", scope.text(texts::newK), kMargin, y, kLabelWidth);
    b.edit("k", initial.k, kFieldX, y, 80);
    y += kDialogRowStep;
    b.label("label.rp", scope.text(texts::newRp), kMargin, y, kLabelWidth);
    b.edit("rp", initial.rp, kFieldX, y, 80);
    y += kDialogRowStep;
    b.label("hint", scope.text(texts::correctHint), kFieldX, y, kFieldWidth, 2);
    y += 2 * kDialogRowHeight + 2;
    b.label("label.reason", scope.text(texts::correctReason), kMargin, y, kLabelWidth);
    b.edit("reason", initial.reason, kFieldX, y, kFieldWidth, 3 * kDialogRowHeight);
    y += 3 * kDialogRowHeight + 6;
    b.button("ok", scope.text(texts::recordButton), kWidth - kMargin - 2 * kDialogButtonWidth - 4,
             y, css::awt::PushButtonType_OK);
    b.button("cancel", scope.text(texts::cancelButton), kWidth - kMargin - kDialogButtonWidth, y,
             css::awt::PushButtonType_CANCEL);
    b.frame(scope.title, kWidth, y + kDialogButtonHeight + kMargin);

    RunningDialog dialog(scope.context, scope.frame, b);
    const css::uno::Reference<css::awt::XItemListener> link(
        new CorrectDialogLink(scope, ws, units, dialog.controls()));
    for (const char* name : {"unit", "row", "triwulan"})
        css::uno::Reference<css::awt::XListBox>(
            dialog.controls()->getControl(rtl::OUString::createFromAscii(name)),
            css::uno::UNO_QUERY_THROW)
            ->addItemListener(link);
    if (!dialog.execute())
        return std::nullopt;
    CorrectForm typed;
    typed.unit = std::max<sal_Int16>(0, dialog.selected("unit"));
    typed.row = std::max<sal_Int16>(0, dialog.selected("row"));
    typed.triwulan = std::max<sal_Int16>(0, dialog.selected("triwulan"));
    typed.k = dialog.text("k");
    typed.rp = dialog.text("rp");
    typed.reason = dialog.text("reason");
    return typed;
}

// A K or Rp value typed the Indonesian way ("85,5", "1.250.000"); empty: not corrected.
// A number that cannot be read is a problem naming the field, in the UI language.
std::optional<double> typedNumber(const rtl::OUString& text, const char* field)
{
    if (text.trim().isEmpty())
        return std::nullopt;
    const evakin::ParsedNumber parsed = evakin::parseNumberId(toUtf8(text.trim()));
    if (!parsed.value)
        throw evakin::Error(evakin::Problem{
            evakin::kCorrectionsFile,
            {},
            {},
            field,
            evakin::Text{texts::badNumber.id + toUtf8(text) + " (" + parsed.problem.id + ")",
                         texts::badNumber.en + toUtf8(text) + " (" + parsed.problem.en + ")"}});
    return parsed.value;
}

// A K or Rp dispatch argument: a string typed the Indonesian way, or a number from a macro.
std::optional<double> numberArgument(const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                                     const char* name, const char* field)
{
    std::optional<double> value;
    for (sal_Int32 i = 0; i < arguments.getLength(); ++i)
    {
        if (!arguments[i].Name.equalsAscii(name))
            continue;
        double number = 0;
        rtl::OUString text;
        if (arguments[i].Value >>= text)
            value = typedNumber(text, field);
        else if (arguments[i].Value >>= number)
            value = number;
    }
    return value;
}

rtl::OUString record(const CommandScope& scope, const std::filesystem::path& dir,
                     const evakin::CorrectionRequest& request)
{
    const evakin::Correction c = evakin::recordCorrection(dir, request);
    scope.message(MessageKind::info, toOUString(evakin::correctionSummary(c, scope.lang)));
    return toOUString(evakin::correctionToJson(c));
}

} // namespace

EVAKIN_UNO_COMMAND(correctCommand)
{
    return runWorkspaceCommand(
        context, frame, arguments, texts::correctTitle,
        [&](const CommandScope& scope, const CommandArguments& args,
            const std::filesystem::path& dir)
        {
            evakin::CorrectionRequest request;
            request.by = toUtf8(args.string("By"));
            if (scope.silent)
            {
                request.unitCode = toUtf8(args.string("Unit").trim());
                request.rowKey = toUtf8(args.string("Row").trim());
                request.triwulan = args.integer("Triwulan");
                request.k = numberArgument(arguments, "K", "k");
                request.rp = numberArgument(arguments, "Rp", "rp");
                request.reason = toUtf8(args.string("Reason"));
                return record(scope, dir, request);
            }

            const evakin::Workspace ws = evakin::openWorkspace(dir);
            const std::vector<UnitChoice> units = correctableUnits(ws);
            if (units.empty())
                throw evakin::Error(ws.planFile().filename().u8string(), texts::noRowsToCorrect);
            // Pre-filled from the arguments when given (a macro opening the dialog), else the first
            // unit and row of the current quarter.
            CorrectForm form;
            form.triwulan = static_cast<sal_Int16>(ws.period.triwulan - 1);
            for (std::size_t u = 0; u < units.size(); ++u)
                if (units[u].code == toUtf8(args.string("Unit").trim()))
                    form.unit = static_cast<sal_Int16>(u);
            const UnitChoice& unit = units[static_cast<std::size_t>(form.unit)];
            for (std::size_t r = 0; r < unit.rows.size(); ++r)
                if (unit.rows[r].key == toUtf8(args.string("Row").trim()))
                    form.row = static_cast<sal_Int16>(r);
            const sal_Int32 triwulan = args.integer("Triwulan");
            if (triwulan >= 1 && triwulan <= ws.period.triwulan)
                form.triwulan = static_cast<sal_Int16>(triwulan - 1);
            form.k = args.string("K");
            form.rp = args.string("Rp");
            form.reason = args.string("Reason");
            for (;;)
            {
                const std::optional<CorrectForm> typed = correctDialog(scope, ws, units, form);
                if (!typed)
                    throw CommandStopped{scope.text(texts::correctionNotRecorded)};
                form = *typed;
                try
                {
                    const UnitChoice& chosen = units[static_cast<std::size_t>(form.unit)];
                    request.unitCode = chosen.code;
                    request.rowKey =
                        chosen
                            .rows[std::min<std::size_t>(static_cast<std::size_t>(form.row),
                                                        chosen.rows.size() - 1)]
                            .key;
                    request.triwulan = form.triwulan + 1;
                    request.k = typedNumber(form.k, "k");
                    request.rp = typedNumber(form.rp, "rp");
                    request.reason = toUtf8(form.reason);
                    return record(scope, dir, request);
                }
                catch (const evakin::Error& e)
                {
                    scope.message(MessageKind::error, toOUString(e.render(scope.lang)));
                }
            }
        });
}

} // namespace evakin::uno
