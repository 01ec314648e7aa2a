// Orchestration of "Rekap Kiriman": list the inbox, read and identify every
// file, pick the newest return per unit, check it, merge the year, write the
// three results. One bad file never stops the others: every per-file failure
// becomes problems in the result.
#include "collect/collect.hpp"

#include <Poco/DateTimeFormatter.h>
#include <Poco/File.h>
#include <Poco/LocalDateTime.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <atomic>
#include <tuple>
#include <sstream>

#include "collect/collect_output.hpp"
#include "collect/collect_return.hpp"
#include "collect/evaluation_json.hpp"
#include "io/files.hpp"
#include "collect/merge.hpp"
#include "io/parallel.hpp"

namespace evakin {

using namespace collect_detail;

const char* returnStatusCode(ReturnStatus s)
{
    switch (s) {
        case ReturnStatus::accepted: return "accepted";
        case ReturnStatus::invalid: return "invalid";
        case ReturnStatus::superseded: return "superseded";
        case ReturnStatus::rejected: return "rejected";
        case ReturnStatus::unreadable: return "unreadable";
    }
    return "";
}

const UnitStatusWords& unitStatusWords(UnitStatus s)
{
    static const UnitStatusWords valid{"valid", "Diterima, sah", "kiriman sah", "data sah"};
    static const UnitStatusWords invalid{
        "invalid", "Diterima, tidak sah",
        "KIRIMAN TIDAK SAH: realisasi triwulan ini belum dimasukkan (lihat rekap-pengumpulan.ods)", "data tidak sah"};
    static const UnitStatusWords missing{"missing", "Belum mengirim",
                                         "BELUM MENGIRIM: realisasi triwulan ini belum dimasukkan",
                                         "belum menyampaikan data"};
    return s == UnitStatus::valid ? valid : s == UnitStatus::invalid ? invalid : missing;
}

const char* unitStatusCode(UnitStatus s) { return unitStatusWords(s).code; }

UnitStatus unitStatusFromCode(const std::string& code)
{
    if (code == "valid") return UnitStatus::valid;
    if (code == "invalid") return UnitStatus::invalid;
    return UnitStatus::missing;
}

bool isIgnoredInboxName(const std::string& name)
{
    const auto endsWith = [&name](const std::string& s) {
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    return name.empty() || name[0] == '.' || name[0] == '~' || endsWith(".tmp") || endsWith(".TMP") || endsWith("~") ||
           endsWith(".part") || endsWith(".crdownload") || name == "Thumbs.db" || name == "desktop.ini";
}

bool CollectResult::complete() const
{
    return std::all_of(units.begin(), units.end(), [](const UnitCollect& u) { return u.status == UnitStatus::valid; });
}

namespace {

struct Candidate {
    ReturnFile info;
    ReadOutcome outcome;
    std::optional<CheckedReturn> checked;   // kept only for the newest return of its unit
    bool identified = false;
};

const std::vector<const PlanRow*> noRows;

// Returns read while the plan is being read are held in memory until it is:
// at most this many cells of them (about 70 bytes each, 40 MB in all), so
// that a pile of huge returns cannot fill the memory.
constexpr std::size_t kReadAheadCells = 600'000;

std::size_t cellsHeld(const ReadOutcome& outcome)
{
    std::size_t cells = 0;
    if (outcome.content)
        for (const Sheet& sheet : outcome.content->book.sheets)
            for (const auto& row : sheet.rows) cells += row.size();
    return cells;
}

[[noreturn]] void inboxUnusable(const Workspace& ws, bool missing)
{
    const std::string dir = displayName(ws.dir);
    if (missing)
        throw Error(Problem{"inbox/",
                            {},
                            {},
                            {},
                            {"Folder inbox/ tidak ada di ruang kerja " + dir +
                                 ". Buat folder inbox/ di sana, taruh berkas kiriman unit di dalamnya, lalu ulangi "
                                 "Rekap Kiriman. Hasil sebelumnya tidak diubah.",
                             "There is no inbox/ folder in the workspace " + dir +
                                 ". Create inbox/ there, put the units' returned files in it and run Rekap Kiriman "
                                 "again. The earlier results are unchanged."}});
    throw Error(Problem{"inbox/",
                        {},
                        {},
                        {},
                        {"Folder inbox/ di ruang kerja " + dir +
                             " tidak dapat dibaca. Periksa izin akses folder itu (harus boleh dibaca dan dibuka), "
                             "lalu ulangi Rekap Kiriman. Hasil sebelumnya tidak diubah.",
                         "The inbox/ folder in the workspace " + dir +
                             " cannot be read. Check its permissions (it must be readable and searchable) and run "
                             "Rekap Kiriman again. The earlier results are unchanged."}});
}

// An inbox entry that is not a plain file: named, never opened (a fifo would block the read).
CollectProblem skippedEntry(const std::string& name, std::filesystem::file_type type)
{
    using std::filesystem::file_type;
    Text why = type == file_type::symlink
                   ? Text{"Ini tautan (symlink), bukan berkas; tidak dibaca. Salin berkas aslinya ke inbox/.",
                          "This is a link (symlink), not a file; it is not read. Copy the file itself into inbox/."}
               : type == file_type::directory
                   ? Text{"Ini folder; isinya tidak dibaca. Pindahkan berkas kiriman di dalamnya langsung ke inbox/.",
                          "This is a folder; its contents are not read. Move the returned files in it straight into "
                          "inbox/."}
                   : Text{"Ini bukan berkas biasa (mis. fifo atau perangkat); tidak dibaca. Hapus dari inbox/ dan "
                          "taruh berkas kiriman yang sebenarnya.",
                          "This is not a regular file (e.g. a fifo or a device); it is not read. Remove it from "
                          "inbox/ and put the real returned file there."};
    return CollectProblem{Problem{name, {}, {}, {}, std::move(why)}, Severity::warning, {}};
}

// The inbox's files. A missing or unreadable inbox/ is refused, not taken as "nobody sent": the earlier
// results stay. Folders, links and special files are named in `skipped`.
std::vector<std::filesystem::path> inboxFiles(const Workspace& ws, std::vector<std::string>& ignored,
                                              std::vector<CollectProblem>& skipped)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    const fs::file_status inbox = fs::status(ws.inbox(), ec);
    if (!fs::is_directory(inbox)) inboxUnusable(ws, inbox.type() == fs::file_type::not_found);
    fs::directory_iterator it(ws.inbox(), ec);
    if (ec) inboxUnusable(ws, false);
    std::vector<std::pair<std::string, fs::file_type>> others;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) inboxUnusable(ws, false);
        const std::string name = displayName(it->path().filename());
        const fs::file_status st = it->symlink_status(ec);
        if (ec) inboxUnusable(ws, false);   // listed but not searchable: no file could be opened
        if (isIgnoredInboxName(name))
            ignored.push_back(name);
        else if (fs::is_regular_file(st))
            files.push_back(it->path());
        else
            others.emplace_back(name, st.type());
    }
    if (ec) inboxUnusable(ws, false);
    std::sort(files.begin(), files.end());
    std::sort(ignored.begin(), ignored.end());
    std::sort(others.begin(), others.end());
    for (const auto& [name, type] : others) skipped.push_back(skippedEntry(name, type));
    return files;
}

void fileTime(const std::filesystem::path& file, ReturnFile& info)
{
    try {
        const Poco::Timestamp t = Poco::File(file.string()).getLastModified();
        info.modifiedUs = t.epochMicroseconds();
        info.modified = Poco::DateTimeFormatter::format(Poco::LocalDateTime(Poco::DateTime(t)), "%Y-%m-%d %H:%M");
    } catch (const std::exception&) {
        info.modified = "-";
    }
}

}   // namespace

CollectResult collect(const std::filesystem::path& workspaceDir, const CollectOptions& options)
{
    const Workspace ws = openWorkspace(workspaceDir);
    const Profile profile = loadProfile(ws.profileFile());
    const YearRealisations accepted = loadRealisations(ws);
    const EvaluationConfig config = loadEvaluationConfig(ws.dir);
    const std::vector<Correction> corrections = loadCorrections(ws);

    CollectResult result;
    result.workspace = ws.dir;
    result.results = ws.results();
    result.recapFile = ws.recapFile();
    result.period = ws.period.label();
    std::vector<CollectProblem> skipped;
    const auto files = inboxFiles(ws, result.ignored, skipped);

    // Every file is read, identified and checked on a few threads: files
    // share only read-only inputs. A workbook is dropped as soon as it is
    // checked, so memory holds about one workbook per thread and one small
    // result per file.
    std::vector<Candidate> candidates(files.size());
    const auto read = [&](std::size_t i) {
        Candidate& c = candidates[i];
        c.info.file = files[i];
        c.info.name = displayName(files[i].filename());
        fileTime(files[i], c.info);
        c.outcome = readReturn(files[i], profile, ws.period, options.limits);
        c.info.status = c.outcome.status;
        if (c.outcome.status == ReturnStatus::rejected && !c.outcome.problems.empty())
            c.info.unitCode = c.outcome.problems.front().unitCode;
        if (!c.outcome.content) return;
        c.info.unitCode = c.outcome.content->id.unitCode;
        c.info.identifiedByHeader = c.outcome.content->id.byHeader;
        c.identified = true;
    };
    // The plan is as large as all the returns together; while it is read, a
    // helper reads the first returns, which need no plan yet.
    Plan plan;
    std::size_t readAhead = 0;
    const unsigned threads = workerCount(files.size() + 1, options.threads);
    std::atomic<bool> planRead{false};
    bothParallel(
        threads,
        [&] {
            plan = loadPlan(ws.planFile(), profile);
            planRead = true;
        },
        [&] {
            for (std::size_t held = 0; threads > 1 && !planRead && readAhead < files.size() && held < kReadAheadCells;
                 ++readAhead) {
                read(readAhead);
                held += cellsHeld(candidates[readAhead].outcome);
            }
        });

    static const UnitRealisations none;
    const auto rowsByUnit = planRowsByUnit(plan);
    const auto examine = [&](std::size_t i) {
        Candidate& c = candidates[i];
        if (i >= readAhead) read(i);
        if (!c.outcome.content) return;
        const std::string& unit = c.info.unitCode;
        const auto rows = rowsByUnit.find(unit);
        const auto acc = accepted.find(unit);
        c.checked = checkReturn(*c.outcome.content, UnitContext{*profile.unit(unit), ws.period,
                                                                rows == rowsByUnit.end() ? noRows : rows->second,
                                                                acc == accepted.end() ? none : acc->second, config});
        c.outcome.content.reset();
    };
    const auto taken = [&](std::size_t i) {
        if (options.progress) options.progress(i, files.size(), displayName(files[i].filename()));
    };
    forEachParallel(files.size(), threads, examine, taken);

    // The newest identified return of each unit (modification time, then name); only its check counts.
    std::map<std::string, std::size_t> newest;   // unit -> candidate index
    const auto later = [](const ReturnFile& a, const ReturnFile& b) {
        return std::tie(a.modifiedUs, a.name) > std::tie(b.modifiedUs, b.name);
    };
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].identified) continue;
        const auto best = newest.find(candidates[i].info.unitCode);
        if (best == newest.end())
            newest[candidates[i].info.unitCode] = i;
        else if (later(candidates[i].info, candidates[best->second].info))
            best->second = i;
    }
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (candidates[i].identified && newest[candidates[i].info.unitCode] != i) candidates[i].checked.reset();

    // Per unit: the newest identified return wins (modification time, then name); the others are superseded.
    std::map<std::string, UnitInput> inputs;
    for (const Unit& unit : profile.units) {
        UnitCollect uc{unit.code, unit.name, UnitStatus::missing, -1, 0, 0};
        const auto best = newest.find(unit.code);
        if (best != newest.end()) {
            const std::size_t winner = best->second;
            Candidate& w = candidates[winner];
            const bool bad = w.checked->hasErrors() ||
                             std::any_of(w.outcome.problems.begin(), w.outcome.problems.end(),
                                         [](const CollectProblem& p) { return p.severity == Severity::error; });
            w.info.status = bad ? ReturnStatus::invalid : ReturnStatus::accepted;
            w.info.lateValues = w.checked->lateValues;
            uc.status = bad ? UnitStatus::invalid : UnitStatus::valid;
            uc.file = static_cast<int>(winner);
            inputs[unit.code] = UnitInput{uc.status, w.info.name, bad ? nullptr : &*w.checked};
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                Candidate& c = candidates[i];
                if (!c.identified || c.info.unitCode != unit.code) continue;
                ++uc.returns;
                if (i == winner) continue;
                c.info.status = ReturnStatus::superseded;
                c.outcome.problems.push_back(
                    CollectProblem{Problem{c.info.name,
                                           {},
                                           {},
                                           {},
                                           {"Unit " + unit.code +
                                                " mengirim lebih dari satu berkas; yang dipakai adalah yang terbaru (" +
                                                w.info.name + ", " + w.info.modified + "). Berkas ini diabaikan.",
                                            "Unit " + unit.code + " sent more than one file; the newest is used (" +
                                                w.info.name + ", " + w.info.modified + "). This file is ignored."}},
                                   Severity::warning, unit.code});
            }
        }
        result.units.push_back(uc);
    }

    // Problems in file order; counts per file and per unit.
    for (Candidate& c : candidates) {
        std::vector<CollectProblem> all = c.outcome.problems;
        if (c.checked) all.insert(all.end(), c.checked->problems.begin(), c.checked->problems.end());
        for (const CollectProblem& p : all) (p.severity == Severity::error ? c.info.errors : c.info.warnings)++;
        result.problems.insert(result.problems.end(), all.begin(), all.end());
        result.files.push_back(c.info);
    }
    result.problems.insert(result.problems.end(), skipped.begin(), skipped.end());
    for (UnitCollect& u : result.units)
        if (u.file >= 0)
            u.problems = result.files[static_cast<std::size_t>(u.file)].errors +
                         result.files[static_cast<std::size_t>(u.file)].warnings;

    if (options.write) {
        // Package time and "as of": the newest inbox file, so the same inbox gives the same bytes.
        std::int64_t newestTime = 0;
        for (const ReturnFile& f : result.files) newestTime = std::max(newestTime, f.modifiedUs);
        Poco::DateTime packageTime(ws.period.year, 1, 1);
        std::string asOf = "-";
        if (newestTime > 0) {
            const Poco::LocalDateTime local{Poco::DateTime(Poco::Timestamp(newestTime))};
            packageTime =
                Poco::DateTime(local.year(), local.month(), local.day(), local.hour(), local.minute(), local.second());
            asOf = Poco::DateTimeFormatter::format(local, "%Y-%m-%d %H:%M");
        }
        const OutputContext ctx{profile, ws, packageTime, asOf};
        const MergedYear year = mergeYear(profile, plan, ws.period, accepted, inputs, config, corrections);
        // The table is most of the work (compressing it); the other two are made meanwhile.
        std::string recap, table, json;
        bothParallel(
            threads, [&] { table = evaluationTablePackage(year, ctx); },
            [&] {
                recap = recapPackage(result, ctx);
                json = evaluationJson(year);
            });
        for (const auto& [file, bytes] : {std::pair<std::filesystem::path, const std::string*>{ws.recapFile(), &recap},
                                          {ws.evalTableFile(), &table},
                                          {ws.evaluasiJsonFile(), &json}}) {
            writeFileAtomically(file, *bytes);
            result.written.push_back(file);
        }
    }
    if (options.progress) options.progress(files.size(), files.size(), {});
    return result;
}

}   // namespace evakin
