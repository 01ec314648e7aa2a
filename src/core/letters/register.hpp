// The office's outgoing-letter register ("buku agenda surat keluar"): every
// outgoing letter takes the next number of its sequence here. It belongs to
// the office, not to a period workspace.
//
// Storage: Poco::Data with an embedded SQLite file by default (one file in
// the office's data folder), or a PostgreSQL server shared by several PCs.
// The same SQL runs on both ($1-style parameters are also valid SQLite).
//
// A number is never issued twice, never reused and never lost:
//   * reserve() takes the next number in ONE transaction (SQLite: BEGIN
//     IMMEDIATE with a busy timeout; PostgreSQL: the year's counter row is
//     locked by UPDATE until commit) and records the entry as "reserved";
//   * the caller produces the letter, then complete() marks it "issued" with
//     the document's path and SHA-256; if producing fails, voidEntry() keeps
//     the number, marked void with the reason;
//   * a process that dies between the two leaves a visible "reserved" entry
//     (staff void it), never a hole in the sequence.
// Settings (number pattern, sequence scope, known classification codes) are
// in register_settings.hpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "text/error.hpp"
#include "letters/register_settings.hpp"

namespace evakin {

// Where the register lives. `spec` is a file path ("sqlite:" prefix optional)
// or "postgresql:<libpq connection string>".
struct RegisterLocation {
    enum class Kind { sqlite, postgresql };
    Kind kind = Kind::sqlite;
    std::string target;                   // SQLite file (UTF-8) or libpq connection string
    std::filesystem::path settingsFile;   // register.json (see register_settings.hpp)
    std::string display() const;          // for messages; never shows a password
};

// The spec given (CLI --register / UNO setting) wins, else env EVAKIN_REGISTER,
// else <Poco::Path::dataHome()>/evakin/register.sqlite. The settings file is
// env EVAKIN_REGISTER_SETTINGS, else register.json beside the SQLite file, or
// <dataHome>/evakin/register.json for PostgreSQL.
RegisterLocation resolveRegisterLocation(const std::string& spec = {});

// What the caller knows about a new letter; the register adds year, sequence and number.
struct NewEntry {
    std::string classification;   // archive classification code, e.g. "050"
    std::string kind;             // "pengantar", "undangan", "lain"
    std::string date;             // ISO letter date; its year selects the sequence
    std::string unitCode;         // {kode_unit}
    std::string addressee;
    std::string subject;
    std::string attachments;
    std::string createdBy;
};

struct RegisterEntry {
    std::int64_t id = 0;   // insertion order
    int year = 0;
    std::string scope;   // "*" (one sequence) or the classification code
    int seq = 0;
    std::string number;
    std::string classification, kind, date, addressee, subject, attachments, createdBy;
    std::string createdAt;   // UTC ISO time of reservation
    std::string status;      // "reserved", "issued", "void"
    std::string voidReason, voidAt;
    std::string path, sha256;   // the generated document (archive copy), when any
    std::string toJson() const;
    std::string statusText(Lang lang) const;   // "terbit", "BATAL: <reason>", ...
};

std::string entriesToJson(const std::vector<RegisterEntry>& entries);

class Register {
public:
    // Opens (and creates or migrates) the register. Throws Error when the data
    // folder cannot be written, the server cannot be reached or the database is locked.
    static Register open(const RegisterLocation& location);
    static Register open(const RegisterLocation& location, RegisterSettings settings);
    Register(Register&&) noexcept;
    Register& operator=(Register&&) noexcept;
    ~Register();

    const RegisterSettings& settings() const;
    const RegisterLocation& location() const;

    // Checks the entry (classification known, date valid) without touching the database.
    void check(const NewEntry& e) const;
    // The number reserve(e) would take now, without taking it (a dialog shows it before OK;
    // another writer may take it first, so the letter then gets the next one).
    std::string peekNumber(const NewEntry& e) const;
    RegisterEntry reserve(const NewEntry& e);   // status "reserved"
    RegisterEntry issue(const NewEntry& e);     // status "issued" at once (a letter made outside Evakin)
    RegisterEntry complete(std::int64_t id, const std::string& path, const std::string& sha256);
    RegisterEntry voidEntry(std::int64_t id, const std::string& reason);
    // By full number; year 0 = any year (Error when the number exists in several years).
    RegisterEntry voidNumber(const std::string& number, int year, const std::string& reason);
    std::vector<RegisterEntry> list(int year = 0) const;   // in issuing order; year 0 = all

private:
    struct Impl;
    explicit Register(std::unique_ptr<Impl> impl);
    RegisterEntry take(const NewEntry& e, const char* status);
    std::unique_ptr<Impl> impl_;
};

// "Buku Agenda Surat Keluar" for one year as a Calc workbook (templates/buku-agenda.fods).
struct ExportResult {
    std::filesystem::path file;
    int year = 0;
    std::size_t entries = 0;
    std::size_t voided = 0;
    std::string toJson() const;
    std::string summary(Lang lang) const;
};
// "buku-agenda-surat-keluar-2026.ods": the file name of a year's Buku Agenda (into a workspace's
// hasil/, or the current folder from the CLI without one).
std::string bukuAgendaFileName(int year);
ExportResult exportBukuAgenda(const Register& reg, int year, const std::filesystem::path& file,
                              const std::string& officeName = {}, const std::string& workspaceDir = {});

}   // namespace evakin
