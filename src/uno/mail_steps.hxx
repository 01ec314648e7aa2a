// The e-mail side of two toolbar steps: Bagikan Format's "Kirim lewat surel"
// (the forms to each unit over SMTP) and Rekap Kiriman's "Ambil dari surel"
// (the replies' spreadsheets from the POP3 mailbox into inbox/). Servers come
// from the office settings (Tools › Options › Evaluasi Kinerja); the password
// from LibreOffice's password container, asked for when it holds none and
// stored there when the user ticks "remember".
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "command_support.hxx"

namespace evakin::uno
{

// Sends the forms of `units` (empty: every unit); forms already sent are sent again only after
// the user says so. Shows the summary. Throws evakin::Error (no server set, server unreachable,
// login refused) and CommandStopped (the password dialog cancelled).
void sendFormsByMail(const CommandScope& scope, const std::filesystem::path& dir,
                     const std::vector<std::string>& units);

// Whether the office settings name an SMTP server (Rekap Kiriman offers reminders only then).
bool smtpConfigured() noexcept;

// Reminds the units whose return is missing or invalid (evakin::remindUnits); units reminded
// earlier today are reminded again only after the user says so. Shows the summary. Throws as
// sendFormsByMail.
void remindByMail(const CommandScope& scope, const std::filesystem::path& dir);

// Whether the office settings name a POP3 server (Rekap Kiriman offers to fetch only then).
bool mailboxConfigured() noexcept;

// Fetches the replies into inbox/ and shows what was saved. Throws as sendFormsByMail.
void fetchFromMail(const CommandScope& scope, const std::filesystem::path& dir);

} // namespace evakin::uno
