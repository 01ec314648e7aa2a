// The office's own settings: what belongs to the office rather than to a
// period workspace, kept in one file, pengaturan.json, in the same folder as
// the register's default (<Poco::Path::dataHome()>/evakin/; env
// EVAKIN_SETTINGS names another file). Written by the Tools › Options page,
// read by every door. Keys are Indonesian, like register.json's:
//   {
//     "format": 1,
//     "register": "",                 // register spec (register.hpp); empty = the default SQLite file
//     "nama_petugas": "Siti Aminah",  // "Dibuat oleh" of the register entries; empty = the login name
//     "folder_ruang_kerja": "",       // where new workspaces go; empty = the documents folder
//     "surel": {"server": "mail.dinas.go.id", "port": 587, "keamanan": "starttls",
//               "pengguna": "perencanaan", "nama_pengirim": "", "alamat_pengirim": "perencanaan@dinas.go.id"},
//     "pop3":  {"server": "mail.dinas.go.id", "port": 995, "keamanan": "ssl",
//               "pengguna": "perencanaan", "hapus_dari_server": false}
//   }
// Passwords are never in this file: the extension keeps them in LibreOffice's
// password container, the CLI takes them from an environment variable, and a
// PostgreSQL register spec with a password is refused.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "letters/register.hpp"
#include "mail/mail.hpp"
#include "text/error.hpp"

namespace evakin {

struct OfficeSettings {
    std::string registerSpec;      // "register"
    std::string staffName;         // "nama_petugas"
    std::string workspaceFolder;   // "folder_ruang_kerja" (UTF-8 absolute path)
    MailSettings smtp;             // "surel" (its password is never read nor written here)
    Pop3Settings pop3;             // "pop3" (likewise)

    // Every wrong field, each named ("surel.port") with what to do; none when all are usable.
    std::vector<Problem> problems(const std::string& sourceName) const;
    // Throws Error carrying problems(sourceName) when there is any.
    void check(const std::string& sourceName) const;
};

// env EVAKIN_SETTINGS, else <Poco::Path::dataHome()>/evakin/pengaturan.json.
std::filesystem::path officeSettingsFile();

// The defaults when the file is absent. Throws Error naming the file and each
// wrong field (unknown key, value of the wrong kind, unusable value).
OfficeSettings loadOfficeSettings(const std::filesystem::path& file);
OfficeSettings loadOfficeSettings();   // officeSettingsFile()

// Checks everything first (nothing written when a field is wrong), then writes
// atomically. Passwords are left out.
void saveOfficeSettings(const OfficeSettings& settings, const std::filesystem::path& file);
void saveOfficeSettings(const OfficeSettings& settings);   // officeSettingsFile()

// Where the register is: `given` (--register, the UNO argument) wins, else env
// EVAKIN_REGISTER, else the settings' "register", else the default file.
// Reads pengaturan.json only when neither is given.
RegisterLocation officeRegisterLocation(const std::string& given = {});

// Who made a register entry: `given` (--by) wins, else "nama_petugas"; empty
// when neither (completeLetterRequest then uses the login name).
std::string officeStaffName(const std::string& given = {});

// The keys under which the extension keeps the mail passwords in LibreOffice's password
// container (with the user name): "smtp://host:port", "pop3://host:port".
std::string smtpPasswordKey(const MailSettings& smtp);
std::string pop3PasswordKey(const Pop3Settings& pop3);

}   // namespace evakin
