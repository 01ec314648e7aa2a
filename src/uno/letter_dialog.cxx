#include "letter_dialog.hxx"

#include <algorithm>
#include <string>
#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>

#include "convert.hxx"
#include "dialog_builder.hxx"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

// Layout in dialog units: a label column, then the fields.
constexpr sal_Int32 kMargin = kDialogMargin, kRowHeight = kDialogRowHeight,
                    kRowStep = kDialogRowStep;
constexpr sal_Int32 kWidth = 360, kLabelWidth = 120;
constexpr sal_Int32 kFieldX = kMargin + kLabelWidth + 4, kFieldWidth = kWidth - kMargin - kFieldX;
// The naskah table: naskah, banyaknya, keterangan.
constexpr sal_Int32 kNaskahWidth = 170, kBanyaknyaWidth = 60;
constexpr sal_Int32 kCheckStep = 13;
constexpr sal_Int32 kWarningColor = 0xA00000;

rtl::OUString indexed(const char* stem, std::size_t i)
{
    return rtl::OUString::createFromAscii(stem) + rtl::OUString::number(static_cast<sal_Int64>(i));
}

css::uno::Sequence<rtl::OUString> sequence(const std::vector<std::string>& items)
{
    css::uno::Sequence<rtl::OUString> out(static_cast<sal_Int32>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i)
        out[static_cast<sal_Int32>(i)] = toOUString(items[i]);
    return out;
}

sal_Int16 indexOf(const std::vector<std::string>& items, const std::string& item)
{
    const auto it = std::find(items.begin(), items.end(), item);
    return it == items.end() ? -1 : static_cast<sal_Int16>(it - items.begin());
}

class LetterForm
{
public:
    explicit LetterForm(const CommandScope& scope) : scope_(scope), b_(scope.context) {}

    DialogBuilder& builder()
    {
        return b_;
    }
    sal_Int32& y()
    {
        return y_;
    }

    // A label of the full width, wrapping onto `rows` lines; a warning in dark red.
    void note(const rtl::OUString& text, sal_Int32 rows = 1, bool warning = false)
    {
        const auto l =
            b_.add("com.sun.star.awt.UnoControlFixedTextModel", indexed("note.", notes_++), kMargin,
                   y_ + 2, kWidth - 2 * kMargin, rows * kRowHeight - 2);
        l->setPropertyValue("Label", css::uno::Any(text));
        l->setPropertyValue("MultiLine", css::uno::Any(rows > 1));
        if (warning)
            l->setPropertyValue("TextColor", css::uno::Any(kWarningColor));
        y_ += rows * kRowHeight + 3;
    }

    // A label (with its mnemonic) and a one-line field: the label comes first in the
    // tab order, so its mnemonic moves the focus into the field.
    void field(const char* name, const evakin::Text& label, const std::string& value)
    {
        labelled(label);
        b_.edit(rtl::OUString::createFromAscii(name), toOUString(value), kFieldX, y_, kFieldWidth);
        y_ += kRowStep;
    }

    void list(const char* name, const evakin::Text& label, const std::vector<std::string>& items,
              sal_Int16 selected)
    {
        labelled(label);
        b_.listBox(rtl::OUString::createFromAscii(name), sequence(items), selected, kFieldX, y_,
                   kFieldWidth);
        y_ += kRowStep;
    }

    void labelled(const evakin::Text& label)
    {
        b_.label(indexed("label.", labels_++), scope_.text(label), kMargin, y_, kLabelWidth);
    }

    void buttons()
    {
        y_ += 4;
        b_.button("ok", scope_.text(texts::makeLetterButton),
                  kWidth - kMargin - 2 * kDialogButtonWidth - 4, y_, css::awt::PushButtonType_OK);
        b_.button("cancel", scope_.text(texts::cancelButton), kWidth - kMargin - kDialogButtonWidth,
                  y_, css::awt::PushButtonType_CANCEL);
        b_.frame(scope_.title, kWidth, y_ + kDialogButtonHeight + kMargin);
    }

private:
    const CommandScope& scope_;
    DialogBuilder b_;
    sal_Int32 y_ = kMargin;
    std::size_t notes_ = 0, labels_ = 0;
};

} // namespace

std::optional<evakin::LetterRequest> letterDialog(const CommandScope& scope,
                                                  const evakin::LetterProposal& proposal,
                                                  const std::filesystem::path& workspace)
{
    const evakin::LetterRequest& r = proposal.request;
    const bool pengantar = r.kind == evakin::LetterKind::pengantar;
    LetterForm form(scope);
    DialogBuilder& b = form.builder();
    sal_Int32& y = form.y();

    form.note(scope.text(texts::workspaceHeading) + toOUString(proposal.periodLabel + " — ") +
              toOUString(workspace.u8string()));
    form.note(scope.text(texts::letterNumberPreview) + (proposal.number.empty()
                                                            ? scope.text(texts::letterNumberUnknown)
                                                            : toOUString(proposal.number)));
    for (const evakin::Text& warning : proposal.dateWarnings)
        form.note(toOUString(warning.in(scope.lang)), 2, true);
    if (pengantar && !proposal.reportDrafted)
        form.note(scope.text(texts::reportNotDrafted) +
                      toOUString(proposal.reportFile.filename().u8string()) +
                      scope.text(texts::reportNotDraftedEnd),
                  2, true);

    std::vector<std::string> codes = proposal.classifications;
    if (indexOf(codes, r.classification) < 0 && !r.classification.empty())
        codes.push_back(r.classification); // a code given by a macro: shown, refused on OK
    const std::vector<LetterItem> items =
        pengantar && r.items ? *r.items : std::vector<LetterItem>{};
    const std::size_t naskahRows =
        std::min<std::size_t>(8, std::max<std::size_t>(3, items.size() + 2));

    if (pengantar)
    {
        form.field("to", texts::letterTo, r.addressee);
        form.field("toPlace", texts::letterToPlace, r.addresseePlace);
    }
    form.field("date", texts::letterDate, r.date);
    form.field("subject", texts::letterSubject, r.subject ? *r.subject : std::string());
    form.field("sifat", texts::letterSifat, r.sifat);
    form.field("lampiran", texts::letterLampiran, r.lampiran);
    form.list("classification", texts::letterClassification, codes,
              indexOf(codes, r.classification));
    if (pengantar)
    {
        y += 3;
        const sal_Int32 x2 = kMargin + kNaskahWidth + 3, x3 = x2 + kBanyaknyaWidth + 3;
        const sal_Int32 w3 = kWidth - kMargin - x3;
        b.label("naskah.head", scope.text(texts::letterNaskah), kMargin, y, kNaskahWidth);
        b.label("banyaknya.head", scope.text(texts::letterBanyaknya), x2, y, kBanyaknyaWidth);
        b.label("keterangan.head", scope.text(texts::letterKeterangan), x3, y, w3);
        y += kRowHeight + 1;
        for (std::size_t i = 0; i < naskahRows; ++i)
        {
            const LetterItem item = i < items.size() ? items[i] : LetterItem{};
            b.edit(indexed("naskah.", i), toOUString(item.naskah), kMargin, y, kNaskahWidth);
            b.edit(indexed("banyaknya.", i), toOUString(item.banyaknya), x2, y, kBanyaknyaWidth);
            b.edit(indexed("keterangan.", i), toOUString(item.keterangan), x3, y, w3);
            y += kRowHeight + 2;
        }
    }
    else
    {
        y += 3;
        form.field("meetingDate", texts::meetingDate, r.meetingDate);
        form.field("time", texts::meetingTime, r.meetingTime);
        form.field("place", texts::meetingPlace, r.meetingPlace);
        form.field("agenda", texts::meetingAgenda, r.agenda);
        const std::vector<std::string> invited =
            r.invitees ? *r.invitees : std::vector<std::string>{};
        form.labelled(texts::meetingInvitees);
        for (std::size_t i = 0; i < proposal.invitees.size(); ++i)
        {
            const bool ticked = indexOf(invited, proposal.invitees[i]) >= 0;
            b.checkBox(indexed("invitee.", i), toOUString(proposal.invitees[i]), ticked, kFieldX, y,
                       kFieldWidth);
            y += kCheckStep;
        }
        std::string others;
        for (const std::string& who : invited)
            if (indexOf(proposal.invitees, who) < 0)
                others += (others.empty() ? "" : "; ") + who;
        y += 2;
        form.field("otherInvitees", texts::otherInvitees, others);
        std::vector<std::string> signers;
        sal_Int16 signer = 0;
        for (const evakin::LetterSignatory& s : proposal.signatories)
        {
            if (s.key == r.signatory)
                signer = static_cast<sal_Int16>(signers.size());
            signers.push_back(s.label);
        }
        form.list("signatory", texts::letterSignatory, signers, signer);
    }
    form.buttons();

    RunningDialog dialog(scope.context, scope.frame, b);
    if (!dialog.execute()) // headless: cancelled at once
        return std::nullopt;

    evakin::LetterRequest typed = r;
    const auto read = [&](const char* name)
    { return toUtf8(dialog.text(rtl::OUString::createFromAscii(name))); };
    typed.date = read("date");
    typed.subject = read("subject");
    typed.sifat = read("sifat");
    typed.lampiran = read("lampiran");
    const sal_Int16 code = dialog.selected("classification");
    typed.classification = code >= 0 && code < static_cast<sal_Int16>(codes.size())
                               ? codes[static_cast<std::size_t>(code)]
                               : std::string();
    if (pengantar)
    {
        typed.addressee = read("to");
        typed.addresseePlace = read("toPlace");
        std::vector<LetterItem> rows;
        for (std::size_t i = 0; i < naskahRows; ++i)
        {
            LetterItem item{toUtf8(dialog.text(indexed("naskah.", i))),
                            toUtf8(dialog.text(indexed("banyaknya.", i))),
                            toUtf8(dialog.text(indexed("keterangan.", i)))};
            if (!(item.naskah + item.banyaknya + item.keterangan).empty())
                rows.push_back(item); // a row with only a quantity is refused by the core, named
        }
        typed.items = rows;
    }
    else
    {
        typed.meetingDate = read("meetingDate");
        typed.meetingTime = read("time");
        typed.meetingPlace = read("place");
        typed.agenda = read("agenda");
        std::vector<std::string> invited;
        for (std::size_t i = 0; i < proposal.invitees.size(); ++i)
            if (dialog.checked(indexed("invitee.", i)))
                invited.push_back(proposal.invitees[i]);
        for (const std::string& who : evakin::parseLetterList(read("otherInvitees")))
            invited.push_back(who);
        typed.invitees = invited;
        const sal_Int16 signer = dialog.selected("signatory");
        if (signer >= 0 && signer < static_cast<sal_Int16>(proposal.signatories.size()))
            typed.signatory = proposal.signatories[static_cast<std::size_t>(signer)].key;
    }
    return typed;
}

} // namespace evakin::uno
