// Register storage with Poco::Data (SQLite or PostgreSQL, same SQL).
#include "letters/register.hpp"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timestamp.h>

#include <mutex>

#include "io/files.hpp"
#include "letters/register_db.hpp"
#include "text/text_util.hpp"

namespace evakin {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace {

std::string nowUtc() { return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"); }

const char* const kColumns =
    "id, year, scope, seq, number, classification, kind, letter_date, addressee, subject, attachments, "
    "created_by, created_at, status, void_reason, void_at, doc_path, doc_sha256";

// Rows of letter_register matching `condition` (which uses $1 only, possibly twice).
std::vector<RegisterEntry> query(Session& s, const std::string& condition, Poco::Int64 param)
{
    std::vector<Poco::Int64> id;
    std::vector<int> year, seq;
    std::vector<std::string> scope, number, cls, kind, date, addr, subj, att, by, at, status, reason, voidAt, path, sha;
    // Vectors per column, not RecordSet: every connector extracts text into std::string the same way.
    s << "SELECT " + std::string(kColumns) + " FROM letter_register WHERE " + condition + " ORDER BY id", use(param),
        into(id), into(year), into(scope), into(seq), into(number), into(cls), into(kind), into(date), into(addr),
        into(subj), into(att), into(by), into(at), into(status), into(reason), into(voidAt), into(path), into(sha), now;
    std::vector<RegisterEntry> out(id.size());
    for (std::size_t i = 0; i < id.size(); ++i)
        out[i] = RegisterEntry{id[i],   year[i], scope[i], seq[i], number[i], cls[i],    kind[i],   date[i], addr[i],
                               subj[i], att[i],  by[i],    at[i],  status[i], reason[i], voidAt[i], path[i], sha[i]};
    return out;
}

RegisterEntry byId(Session& s, Poco::Int64 id, const RegisterLocation& loc)
{
    auto rows = query(s, "id = $1", id);
    if (rows.empty())
        throw Error(loc.display(), Text{"Entri register #" + std::to_string(id) + " tidak ada.",
                                        "Register entry #" + std::to_string(id) + " does not exist."});
    return rows.front();
}

}   // namespace

Register::Register(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Register::Register(Register&&) noexcept = default;
Register& Register::operator=(Register&&) noexcept = default;
Register::~Register() = default;

const RegisterSettings& Register::settings() const { return impl_->settings; }
const RegisterLocation& Register::location() const { return impl_->location; }

Register Register::open(const RegisterLocation& location)
{
    return open(location, loadRegisterSettings(location.settingsFile));
}

Register Register::open(const RegisterLocation& location, RegisterSettings settings)
{
    settings.check(location.settingsFile.empty() ? "register.json" : displayName(location.settingsFile));
    auto impl = std::make_unique<Impl>();
    impl->location = location;
    impl->settings = std::move(settings);
    impl->connect();
    impl->migrate();
    return Register(std::move(impl));
}

// From 2000 (no office numbers letters into the last century) to a year from today.
static bool saneLetterDate(int y, int m, int d)
{
    const Poco::LocalDateTime today;
    return y >= 2000 && y * 10000 + m * 100 + d <= (today.year() + 1) * 10000 + today.month() * 100 + today.day();
}

void Register::check(const NewEntry& e) const
{
    std::vector<Problem> problems;
    const std::string src = impl_->location.display();
    const auto add = [&](const char* field, Text t) { problems.push_back(Problem{src, {}, {}, field, std::move(t)}); };
    std::string known;
    for (const auto& c : impl_->settings.classifications) known += (known.empty() ? "" : ", ") + c;
    if (e.classification.empty())
        add("klasifikasi", Text{"Kode klasifikasi wajib diisi (dikenal: " + known + ").",
                                "The classification code is required (known: " + known + ")."});
    else if (!impl_->settings.knowsClassification(e.classification))
        add("klasifikasi", Text{"Kode klasifikasi \"" + e.classification + "\" tidak dikenal. Pakai salah satu dari: " +
                                    known + ", atau tambahkan di register.json.",
                                "Unknown classification code \"" + e.classification + "\". Use one of: " + known +
                                    ", or add it in register.json."});
    int y = 0, m = 0, d = 0;
    if (!parseIsoDate(e.date, y, m, d))
        add("tanggal", Text{"Tanggal surat \"" + e.date + "\" bukan tanggal TTTT-BB-HH yang sah.",
                            "Letter date \"" + e.date + "\" is not a valid YYYY-MM-DD date."});
    else if (!saneLetterDate(y, m, d))
        // The date's year picks the sequence: a slip (1999, 9999) would number a letter in a year that is not.
        add("tanggal", Text{"Tanggal surat " + e.date + " di luar rentang yang masuk akal (tahun 2000 sampai " +
                                "setahun dari hari ini). Periksa tanggalnya.",
                            "The letter date " + e.date +
                                " is outside a sane range (from the year 2000 to a year "
                                "from today). Check the date."});
    if (isBlank(e.subject))
        add("perihal", Text{"Perihal (hal) surat wajib diisi.", "The letter's subject is required."});
    if (e.kind.empty()) add("jenis", Text{"Jenis surat wajib diisi.", "The letter kind is required."});
    if (!problems.empty()) throw Error(std::move(problems));
}

RegisterEntry Register::reserve(const NewEntry& e) { return take(e, "reserved"); }
RegisterEntry Register::issue(const NewEntry& e) { return take(e, "issued"); }

std::string Register::peekNumber(const NewEntry& e) const
{
    check(e);
    int year = 0, month = 1, day = 1;
    parseIsoDate(e.date, year, month, day);
    std::string scope = impl_->settings.perClassification ? e.classification : "*";
    // A plain read: no transaction, no lock, nothing reserved.
    std::vector<int> last;
    impl_->read([&](Session& s) {
        s << "SELECT last_seq FROM letter_counter WHERE year = $1 AND scope = $2", use(year), use(scope), into(last),
            now;
        return 0;
    });
    const int seq = (last.empty() ? 0 : last.front()) + 1;
    return formatLetterNumber(impl_->settings.pattern, NumberParts{e.classification, seq, e.unitCode, year, month});
}

RegisterEntry Register::take(const NewEntry& e, const char* status)
{
    check(e);
    int month = 1, day = 1;
    RegisterEntry r;
    parseIsoDate(e.date, r.year, month, day);
    r.scope = impl_->settings.perClassification ? e.classification : "*";
    r.classification = e.classification;
    r.kind = e.kind;
    r.date = e.date;
    r.addressee = e.addressee;
    r.subject = e.subject;
    r.attachments = e.attachments;
    r.createdBy = e.createdBy;
    r.createdAt = nowUtc();
    r.status = status;
    const std::string pattern = impl_->settings.pattern;
    return impl_->transaction([&](Session& s) {
        // Counter row first: it is the lock that serialises writers of this sequence
        // (SQLite already holds the write lock from BEGIN IMMEDIATE; PostgreSQL locks
        // the row at UPDATE until commit, so a second writer waits and then sees the new value).
        s << "INSERT INTO letter_counter (year, scope, last_seq) VALUES ($1, $2, 0) ON CONFLICT (year, scope) DO "
             "NOTHING",
            use(r.year), use(r.scope), now;
        s << "UPDATE letter_counter SET last_seq = last_seq + 1 WHERE year = $1 AND scope = $2", use(r.year),
            use(r.scope), now;
        s << "SELECT last_seq FROM letter_counter WHERE year = $1 AND scope = $2", use(r.year), use(r.scope),
            into(r.seq), now;
        r.number = formatLetterNumber(pattern, NumberParts{r.classification, r.seq, e.unitCode, r.year, month});
        s << "INSERT INTO letter_register (year, scope, seq, number, classification, kind, letter_date, addressee, "
             "subject, attachments, "
             "created_by, created_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            use(r.year), use(r.scope), use(r.seq), use(r.number), use(r.classification), use(r.kind), use(r.date),
            use(r.addressee), use(r.subject), use(r.attachments), use(r.createdBy), use(r.createdAt), use(r.status),
            now;
        Poco::Int64 id = 0;
        s << "SELECT id FROM letter_register WHERE year = $1 AND scope = $2 AND seq = $3", use(r.year), use(r.scope),
            use(r.seq), into(id), now;
        r.id = id;
        return r;
    });
}

RegisterEntry Register::complete(std::int64_t id, const std::string& path, const std::string& sha256)
{
    return impl_->transaction([&](Session& s) {
        RegisterEntry r = byId(s, id, impl_->location);
        if (r.status != "reserved")
            throw Error(impl_->location.display(),
                        Text{"Nomor " + r.number + " tidak lagi berstatus dipesan (" + r.statusText(Lang::id) +
                                 "); dokumen tidak dicatat.",
                             "Number " + r.number + " is no longer reserved (" + r.statusText(Lang::en) +
                                 "); the document was not recorded."});
        r.status = "issued";
        r.path = path;
        r.sha256 = sha256;
        Poco::Int64 key = id;
        s << "UPDATE letter_register SET status = $1, doc_path = $2, doc_sha256 = $3 WHERE id = $4", use(r.status),
            use(r.path), use(r.sha256), use(key), now;
        return r;
    });
}

RegisterEntry Register::voidEntry(std::int64_t id, const std::string& reason)
{
    if (isBlank(reason))
        throw Error(Problem{impl_->location.display(),
                            {},
                            {},
                            "alasan",
                            Text{"Alasan pembatalan wajib diisi.", "A reason for voiding is required."}});
    return impl_->transaction([&](Session& s) {
        RegisterEntry r = byId(s, id, impl_->location);
        if (r.status == "void")
            throw Error(impl_->location.display(),
                        Text{"Nomor " + r.number + " sudah batal (" + r.voidReason + ").",
                             "Number " + r.number + " is already void (" + r.voidReason + ")."});
        r.status = "void";
        r.voidReason = reason;
        r.voidAt = nowUtc();
        Poco::Int64 key = id;
        s << "UPDATE letter_register SET status = $1, void_reason = $2, void_at = $3 WHERE id = $4", use(r.status),
            use(r.voidReason), use(r.voidAt), use(key), now;
        return r;
    });
}

RegisterEntry Register::voidNumber(const std::string& number, int year, const std::string& reason)
{
    std::vector<Poco::Int64> ids;
    std::vector<int> years;
    impl_->read([&](Session& s) {
        std::string n = number;
        Poco::Int64 y = year;
        s << "SELECT id, year FROM letter_register WHERE number = $1 AND ($2 = 0 OR year = $2)", use(n), use(y),
            into(ids), into(years), now;
        return 0;
    });
    const std::string src = impl_->location.display();
    if (ids.empty())
        throw Error(Problem{src,
                            {},
                            {},
                            "nomor",
                            Text{"Nomor \"" + number + "\" tidak ada di register" +
                                     (year ? " tahun " + std::to_string(year) : "") + ".",
                                 "Number \"" + number + "\" is not in the register" +
                                     (year ? " for " + std::to_string(year) : "") + "."}});
    if (ids.size() > 1)
        throw Error(Problem{src,
                            {},
                            {},
                            "tahun",
                            Text{"Nomor \"" + number + "\" ada di beberapa tahun; sebutkan tahunnya (--year).",
                                 "Number \"" + number + "\" exists in several years; give the year (--year)."}});
    return voidEntry(ids.front(), reason);
}

std::vector<RegisterEntry> Register::list(int year) const
{
    return impl_->read([&](Session& s) { return query(s, "($1 = 0 OR year = $1)", year); });
}

}   // namespace evakin
