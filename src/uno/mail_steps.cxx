#include "mail_steps.hxx"

#include <optional>

#include <com/sun/star/awt/XWindow.hpp>

#include "convert.hxx"
#include "dialog_builder.hxx"
#include "mail/fetch.hpp"
#include "mail/mail.hpp"
#include "mail/remind.hpp"
#include "passwords.hxx"
#include "settings/office_settings.hpp"
#include "texts.hxx"

namespace evakin::uno
{

namespace
{

const evakin::Text kNoSmtp{"Server surel belum diisi: isi di Alat › Opsi › Evaluasi Kinerja › Umum "
                           "& Surel, lalu kirim lagi.",
                           "No mail server yet: fill it in at Tools › Options › Evaluasi Kinerja › "
                           "General & Mail, then send again."};
const evakin::Text kNoPop3{
    "Server surel masuk (POP3) belum diisi: isi di Alat › Opsi › Evaluasi Kinerja › "
    "Umum & Surel.",
    "No incoming mail server (POP3) yet: fill it in at Tools › Options › "
    "Evaluasi Kinerja › General & Mail."};
const evakin::Text kPasswordFor{"Kata sandi pengguna ", "Password of user "};
const evakin::Text kPasswordAt{" di server ", " on server "};
const evakin::Text kRemember{"Simpan kata sandi di LibreOffice (Alat › Opsi › Keamanan)",
                             "Remember the password in LibreOffice (Tools › Options › Security)"};
const evakin::Text kPasswordNotStored{"Kata sandi tidak tersimpan (kata sandi induk LibreOffice "
                                      "tidak diberikan); lain kali ditanyakan lagi.",
                                      "The password was not stored (LibreOffice's master password "
                                      "was not given); it will be asked again."};
const evakin::Text kResend{"Format unit berikut sudah pernah dikirim lewat surel:\n",
                           "These units' forms were already sent by e-mail:\n"};
const evakin::Text kResendQuestion{"\nKirim lagi ke unit-unit itu?", "\nSend them again?"};
const evakin::Text kNotSentAgain{"Tidak dikirim lagi.", "Not sent again."};
const evakin::Text kRemindAgain{"Unit berikut sudah diingatkan hari ini:\n",
                                "These units were already reminded today:\n"};
const evakin::Text kRemindAgainQuestion{"\nIngatkan lagi sekarang?", "\nRemind them again now?"};

struct Password
{
    std::string value;
    bool remember = false; // the user ticked it in the dialog: store after a successful login
    bool fromContainer = false;
};

// The stored password, else the user types it; nullopt when the dialog is cancelled.
std::optional<Password> passwordFor(const CommandScope& scope, const std::string& key,
                                    const std::string& user, const std::string& server)
{
    if (user.empty())
        return Password{}; // no login
    const rtl::OUString stored = storedPassword(scope.context, key, user);
    if (!stored.isEmpty())
        return Password{toUtf8(stored), false, true};
    if (scope.silent)
        return Password{}; // the server refuses the login, named
    constexpr sal_Int32 width = 240, margin = kDialogMargin;
    DialogBuilder b(scope.context);
    b.label("label.password",
            scope.text(kPasswordFor) + toOUString(user) + scope.text(kPasswordAt) +
                toOUString(server),
            margin, margin, width - 2 * margin, 2);
    const auto field =
        b.edit("password", "", margin, margin + 2 * kDialogRowHeight + 2, width - 2 * margin);
    field->setPropertyValue("EchoChar", css::uno::Any(sal_Int16('*')));
    const sal_Int32 y = margin + 3 * kDialogRowHeight + 8;
    b.checkBox("remember", scope.text(kRemember), false, margin, y, width - 2 * margin);
    const sal_Int32 by = y + kDialogRowStep + 4;
    b.button("ok", scope.text(texts::okButton), width - margin - 2 * kDialogButtonWidth - 4, by,
             css::awt::PushButtonType_OK);
    b.button("cancel", scope.text(texts::cancelButton), width - margin - kDialogButtonWidth, by,
             css::awt::PushButtonType_CANCEL);
    b.frame(scope.title, width, by + kDialogButtonHeight + margin);
    RunningDialog dialog(scope.context, scope.frame, b);
    if (!dialog.execute())
        return std::nullopt;
    return Password{toUtf8(dialog.text("password")), dialog.checked("remember"), false};
}

// After a run that logged in: keeps the typed password when asked to.
void rememberPassword(const CommandScope& scope, const Password& p, const std::string& key,
                      const std::string& user)
{
    if (!p.remember || p.value.empty())
        return;
    const css::uno::Reference<css::awt::XWindow> parent(
        scope.frame.is() ? scope.frame->getContainerWindow() : nullptr);
    if (!storePassword(scope.context, parent, key, user, toOUString(p.value)))
        scope.message(MessageKind::warning, scope.text(kPasswordNotStored));
}

// The office's SMTP server with its password (from the container, or asked for); throws when no
// server is set, CommandStopped when the password is not given.
struct SmtpLogin
{
    evakin::MailSettings smtp;
    Password password;
    std::string key;
};

SmtpLogin smtpLogin(const CommandScope& scope)
{
    SmtpLogin login{ evakin::loadOfficeSettings().smtp, {}, {} };
    evakin::MailSettings& smtp = login.smtp;
    if (smtp.host.empty())
        throw evakin::Error("pengaturan.json", kNoSmtp);
    login.key = evakin::smtpPasswordKey(smtp);
    const std::optional<Password> password =
        passwordFor(scope, login.key, smtp.user, smtp.host + ":" + std::to_string(smtp.port));
    if (!password)
        throw CommandStopped{scope.text(kNotSentAgain)};
    login.password = *password;
    smtp.password = password->value;
    return login;
}

// "  SEKR -> a@b (2026-10-06T09:00:00)" a line each, for the question before sending again.
std::string sentLines(const std::vector<evakin::SentMail>& mails)
{
    std::string lines;
    for (const evakin::SentMail& m : mails)
        lines += "  " + m.unitCode + " -> " + m.address + " (" + m.time + ")\n";
    return lines;
}

} // namespace

void sendFormsByMail(const CommandScope& scope, const std::filesystem::path& dir,
                     const std::vector<std::string>& units)
{
    const SmtpLogin login = smtpLogin(scope);
    const evakin::MailSettings& smtp = login.smtp;
    evakin::SendOptions options;
    options.units = units;
    evakin::SendResult result = evakin::sendForms(dir, smtp, options);
    rememberPassword(scope, login.password, login.key,
                     smtp.user); // the login worked: sendForms throws otherwise
    if (!result.alreadySent.empty())
    {
        const std::string names = sentLines(result.alreadySent);
        // Sending twice asks first (silent: never).
        if (scope.ask(scope.text(kResend) + toOUString(names) + scope.text(kResendQuestion)))
        {
            evakin::SendOptions again;
            again.resend = true;
            for (const evakin::SentMail& m : result.alreadySent)
                again.units.push_back(m.unitCode);
            const evakin::SendResult second = evakin::sendForms(dir, smtp, again);
            result.alreadySent.clear();
            result.sent.insert(result.sent.end(), second.sent.begin(), second.sent.end());
            result.problems.insert(result.problems.end(), second.problems.begin(),
                                   second.problems.end());
        }
    }
    scope.message(result.complete() ? MessageKind::info : MessageKind::warning,
                  toOUString(result.summary(scope.lang)));
}

bool smtpConfigured() noexcept
{
    try
    {
        return !evakin::loadOfficeSettings().smtp.host.empty();
    }
    catch (...)
    {
        return false; // a damaged settings file is named where it is edited (the Options page)
    }
}

void remindByMail(const CommandScope& scope, const std::filesystem::path& dir)
{
    const SmtpLogin login = smtpLogin(scope);
    const evakin::MailSettings& smtp = login.smtp;
    evakin::RemindResult result = evakin::remindUnits(dir, smtp);
    rememberPassword(scope, login.password, login.key, smtp.user);
    if (!result.remindedToday.empty())
    {
        const std::string names = sentLines(result.remindedToday);
        if (scope.ask(scope.text(kRemindAgain) + toOUString(names) +
                      scope.text(kRemindAgainQuestion)))
        {
            evakin::RemindOptions again;
            again.again = true;
            for (const evakin::SentMail& m : result.remindedToday)
                again.units.push_back(m.unitCode);
            const evakin::RemindResult second = evakin::remindUnits(dir, smtp, again);
            result.remindedToday.clear();
            result.reminded.insert(result.reminded.end(), second.reminded.begin(),
                                   second.reminded.end());
            result.problems.insert(result.problems.end(), second.problems.begin(),
                                   second.problems.end());
        }
    }
    scope.message(result.complete() ? MessageKind::info : MessageKind::warning,
                  toOUString(result.summary(scope.lang)));
}

bool mailboxConfigured() noexcept
{
    try
    {
        return !evakin::loadOfficeSettings().pop3.host.empty();
    }
    catch (...)
    {
        return false; // a damaged settings file is named where it is edited (the Options page)
    }
}

void fetchFromMail(const CommandScope& scope, const std::filesystem::path& dir)
{
    evakin::Pop3Settings pop3 = evakin::loadOfficeSettings().pop3;
    if (pop3.host.empty())
        throw evakin::Error("pengaturan.json", kNoPop3);
    const std::string key = evakin::pop3PasswordKey(pop3);
    const std::optional<Password> password =
        passwordFor(scope, key, pop3.user, pop3.host + ":" + std::to_string(pop3.port));
    if (!password)
        throw CommandStopped{scope.text(texts::nothingWritten)};
    pop3.password = password->value;
    const evakin::FetchResult result = evakin::fetchReturns(dir, pop3);
    rememberPassword(scope, *password, key, pop3.user);
    scope.message(result.complete() ? MessageKind::info : MessageKind::warning,
                  toOUString(result.summary(scope.lang)));
}

} // namespace evakin::uno
