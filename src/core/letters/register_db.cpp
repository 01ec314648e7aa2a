#include "letters/register_db.hpp"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Statement.h>

#include <filesystem>
#include <mutex>
#include <string>

#include "text/tech_log.hpp"

namespace evakin {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {

// Where staff choose the register: the options page inside LibreOffice, or the CLI's flag. The
// messages below reach both doors, so they name both.
const std::string kWhereId = "Alat › Opsi › Evaluasi Kinerja › Register Surat, atau --register";
const std::string kWhereEn = "Tools › Options › Evaluasi Kinerja › Letter Register, or --register";

void registerConnectors()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

// The same tables on both engines; only the id column differs.
std::vector<std::string> schema(bool pg)
{
    return {
        "CREATE TABLE IF NOT EXISTS register_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        // One row per (year, sequence): the last number taken. The sequence restarts
        // each year because a new year is a new row.
        "CREATE TABLE IF NOT EXISTS letter_counter (year INTEGER NOT NULL, scope TEXT NOT NULL, last_seq INTEGER NOT "
        "NULL, "
        "PRIMARY KEY (year, scope))",
        std::string("CREATE TABLE IF NOT EXISTS letter_register (") +
            (pg ? "id BIGSERIAL PRIMARY KEY, " : "id INTEGER PRIMARY KEY AUTOINCREMENT, ") +
            "year INTEGER NOT NULL, scope TEXT NOT NULL, seq INTEGER NOT NULL, number TEXT NOT NULL, "
            "classification TEXT NOT NULL, kind TEXT NOT NULL, letter_date TEXT NOT NULL, addressee TEXT NOT NULL, "
            "subject TEXT NOT NULL, attachments TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, "
            "status TEXT NOT NULL CHECK (status IN ('reserved', 'issued', 'void')), "
            "void_reason TEXT NOT NULL DEFAULT '', void_at TEXT NOT NULL DEFAULT '', "
            "doc_path TEXT NOT NULL DEFAULT '', doc_sha256 TEXT NOT NULL DEFAULT '', "
            // A duplicate is refused by the database itself, whatever a client believes.
            "UNIQUE (year, scope, seq), UNIQUE (year, number))",
        "CREATE INDEX IF NOT EXISTS letter_register_number ON letter_register (number)",
    };
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

}   // namespace

void Register::Impl::connect()
{
    registerConnectors();
    const int timeout = settings.busyTimeoutMs;
    try {
        if (!pg()) {
            const std::filesystem::path file = std::filesystem::u8path(location.target);
            std::error_code ec;
            std::filesystem::create_directories(file.parent_path(), ec);
            if (ec || !std::filesystem::is_directory(file.parent_path()))
                throw Error(Problem{file.parent_path().u8string(),
                                    {},
                                    {},
                                    "register",
                                    Text{"Folder data register tidak dapat dibuat atau ditulis. Pilih folder lain (" + kWhereId +
                                             ") atau perbaiki hak aksesnya.",
                                         "The register's data folder cannot be created or written. Choose another "
                                         "folder (" + kWhereEn + ") or fix its permissions."}});
            session = std::make_unique<Session>(Poco::Data::SQLite::Connector::KEY, location.target);
            int applied = 0;
            // Waiting writers retry inside SQLite for up to this long, then get a clear "locked" error.
            *session << "PRAGMA busy_timeout = " + std::to_string(timeout), into(applied), now;
        } else {
            std::string conn = location.target;
            if (!contains(conn, "connect_timeout"))
                conn += " connect_timeout=" + std::to_string(std::max(1, timeout / 1000));
            session = std::make_unique<Session>(Poco::Data::PostgreSQL::Connector::KEY, conn);
            // A writer waiting for the counter row gives up after the same time as on SQLite.
            *session << "SET lock_timeout = " + std::to_string(timeout), now;
            *session << "SET client_min_messages = warning", now;   // no "already exists, skipping" notices on stderr
        }
    } catch (const Poco::Exception& e) {
        throw translate(e);
    }
}

void Register::Impl::migrate()
{
    transaction([&](Session& s) {
        if (pg()) {
            int locked = 0;
            // CREATE TABLE IF NOT EXISTS races between PostgreSQL sessions: serialise it.
            s << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(7365676179)) AS l", into(locked), now;
        }
        for (const auto& sql : schema(pg())) s << sql, now;
        std::vector<std::string> version;
        s << "SELECT value FROM register_meta WHERE key = 'schema_version'", into(version), now;
        if (version.empty()) {
            std::string v = std::to_string(kRegisterSchemaVersion);
            s << "INSERT INTO register_meta (key, value) VALUES ('schema_version', $1)", use(v), now;
        } else if (std::stoi(version.front()) > kRegisterSchemaVersion) {
            throw Error(location.display(), Text{"Register ini dibuat oleh Evakin yang lebih baru (skema " +
                                                     version.front() + "). Perbarui Evakin.",
                                                 "This register was made by a newer Evakin (schema " + version.front() +
                                                     "). Update Evakin."});
        }
        // Later schema versions add their ALTER TABLE steps here, keyed on `version`.
        return 0;
    });
}

void Register::Impl::begin()
{
    if (pg())
        session->begin();
    else
        *session << "BEGIN IMMEDIATE", now;   // take the write lock now, not at the first write (no upgrade deadlock)
}

void Register::Impl::commit()
{
    if (pg())
        session->commit();
    else
        *session << "COMMIT", now;
}

void Register::Impl::rollback() noexcept
{
    try {
        if (pg())
            session->rollback();
        else
            *session << "ROLLBACK", now;
    } catch (...) {
        // The transaction is already gone (failed BEGIN, lost connection): nothing to undo.
    }
}

Error Register::Impl::translate(const Poco::Exception& e) const
{
    const std::string src = location.display();
    // libpq messages span lines and end with a newline: one line reads better in a log.
    std::string what;
    for (char c : e.displayText()) what += (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
    while (!what.empty() && what.back() == ' ') what.pop_back();
    // SQLite's and libpq's English ("attempt to write a readonly database") tells staff nothing: the
    // messages say what happened and what to do; the words themselves go to the technical log.
    logTechnicalDetail("register " + src, what);
    const auto problem = [&src](const char* field, Text t) { return Error(Problem{src, {}, {}, field, std::move(t)}); };
    const double seconds = settings.busyTimeoutMs / 1000.0;
    const std::string wait = std::to_string(static_cast<int>(seconds + 0.5));
    if (dynamic_cast<const Poco::Data::SQLite::DBLockedException*>(&e) ||
        dynamic_cast<const Poco::Data::SQLite::TableLockedException*>(&e) || contains(what, "database is locked") ||
        contains(what, "lock timeout") || contains(what, "canceling statement due to lock"))
        return problem("register", Text{"Register sedang dikunci oleh pengguna atau proses lain (sudah ditunggu " +
                                            wait + " detik). Tidak ada nomor yang diambil; coba lagi sebentar lagi.",
                                        "The register is locked by another user or process (waited " + wait +
                                            " s). No number was taken; try again shortly."});
    if (contains(what, "password authentication failed") || contains(what, "no pg_hba.conf entry") ||
        contains(what, "role \"") || (contains(what, "database \"") && contains(what, "does not exist")))
        return problem("register",
                       Text{"Server register menolak sambungan: nama pengguna, kata sandi atau nama basis data "
                            "salah, atau komputer ini belum diizinkan. Periksa tempat register (" + kWhereId +
                                "), lalu minta pengelola server memeriksa aksesnya. Tidak ada nomor yang diambil.",
                            "The register server refused the connection: wrong user, password or database name, "
                            "or this computer is not allowed yet. Check where the register is (" + kWhereEn +
                                "), then ask the server's administrator to check the access. No number was taken."});
    if (dynamic_cast<const Poco::Data::PostgreSQL::ConnectionException*>(&e) ||
        dynamic_cast<const Poco::Data::ConnectionFailedException*>(&e) || contains(what, "could not connect") ||
        contains(what, "Connection refused") || contains(what, "could not translate host name") ||
        contains(what, "server closed the connection"))
        return problem("register",
                       Text{"Server register tidak dapat dihubungi. Periksa jaringan, bahwa server menyala, dan "
                            "alamat server (" + kWhereId + "). Tidak ada nomor yang diambil.",
                            "The register server cannot be reached. Check the network, that the server is running, "
                            "and the server address (" + kWhereEn + "). No number was taken."});
    if (dynamic_cast<const Poco::Data::SQLite::CorruptImageException*>(&e) || contains(what, "not a database") ||
        contains(what, "malformed"))
        return problem("register",
                       Text{"Berkas register rusak atau bukan register Evakin. Jangan hapus atau timpa berkas itu: "
                            "pulihkan dari cadangan, atau pakai berkas register lain (" + kWhereId +
                                "). Tidak ada nomor yang diambil.",
                            "The register file is damaged or is not an Evakin register. Do not delete or overwrite "
                            "it: restore it from a backup, or use another register file (" + kWhereEn +
                                "). No number was taken."});
    if (dynamic_cast<const Poco::Data::SQLite::DatabaseFullException*>(&e) || contains(what, "disk is full") ||
        contains(what, "No space left"))
        return problem("register",
                       Text{"Disk tempat register penuh. Kosongkan ruang disk lalu ulangi. Tidak ada nomor yang "
                            "diambil.",
                            "The disk holding the register is full. Free some space and try again. No number was "
                            "taken."});
    if (dynamic_cast<const Poco::Data::SQLite::CantOpenDBFileException*>(&e) ||
        dynamic_cast<const Poco::Data::SQLite::ReadOnlyException*>(&e) ||
        dynamic_cast<const Poco::Data::SQLite::DBAccessDeniedException*>(&e) ||
        dynamic_cast<const Poco::Data::SQLite::IOErrorException*>(&e) || contains(what, "readonly database") ||
        contains(what, "unable to open"))
        return problem("register",
                       Text{"Berkas register tidak dapat dibuka untuk ditulis. Periksa bahwa folder datanya ada dan "
                            "boleh ditulis oleh pengguna ini. Tidak ada nomor yang diambil.",
                            "The register file cannot be opened for writing. Check that its data folder exists and "
                            "is writable by this user. No number was taken."});
    if (contains(what, "UNIQUE") || contains(what, "duplicate key"))
        return problem("pola_nomor",
                       Text{"Nomor yang dihasilkan sudah ada di register; tidak ada nomor ganda yang dibuat. "
                            "Samakan register.json (pola dan urutan) di semua komputer.",
                            "The generated number already exists in the register; no duplicate was made. Use the "
                            "same register.json (pattern and sequences) on every PC."});
    return problem("register", Text{"Register tidak dapat dipakai saat ini; tidak ada nomor yang diambil. Ulangi "
                                    "sebentar lagi; bila tetap gagal, jalankan dengan --verbose dan kirim catatannya "
                                    "ke pengelola aplikasi.",
                                    "The register cannot be used right now; no number was taken. Try again shortly; "
                                    "if it keeps failing, run with --verbose and send the output to the application's "
                                    "administrator."});
}

}   // namespace evakin
