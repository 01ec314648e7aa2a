#include "model/new_workspace.hpp"

#include <Poco/DateTime.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/LocalDateTime.h>

#include <cctype>
#include <sstream>
#include <system_error>
#include <vector>

#include "io/files.hpp"
#include "io/json.hpp"
#include "model/calendar.hpp"
#include "model/sample.hpp"

namespace evakin {

namespace {

bool isEmptyDirectory(const std::filesystem::path& dir)
{
    std::error_code ec;
    return std::filesystem::is_directory(dir, ec) && std::filesystem::is_empty(dir, ec) && !ec;
}

bool isIsoDate(const std::string& s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return Poco::DateTime::isValid(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2)));
}

Problem fieldProblem(const char* field, Text message) { return Problem{{}, {}, {}, field, std::move(message)}; }

std::vector<Problem> check(const NewWorkspace& r)
{
    std::vector<Problem> problems;
    std::error_code ec;
    if (r.dir.empty())
        problems.push_back(fieldProblem("folder", {"Folder ruang kerja belum diisi. Isi atau pilih folder baru.",
                                                   "No workspace folder given. Enter or choose a new folder."}));
    else if (isWorkspace(r.dir))
        problems.push_back(Problem{r.dir.u8string(),
                                   {},
                                   {},
                                   "folder",
                                   {"Folder ini sudah berisi ruang kerja Evakin; tidak ditimpa. Pilih folder baru.",
                                    "This folder already holds an Evakin workspace; it is not overwritten. Choose "
                                    "a new folder."}});
    else if (std::filesystem::exists(r.dir, ec) && !isEmptyDirectory(r.dir))
        problems.push_back(Problem{r.dir.u8string(),
                                   {},
                                   {},
                                   "folder",
                                   {"Folder ini sudah berisi berkas lain. Pilih folder baru atau kosong.",
                                    "This folder already holds other files. Choose a new or empty folder."}});
    if (r.year < 2000 || r.year > 2100)
        problems.push_back(fieldProblem("year", {"Tahun tidak sah. Isi tahun anggaran, mis. 2026.",
                                                 "Invalid year. Enter the budget year, e.g. 2026."}));
    if (r.triwulan < 1 || r.triwulan > 4)
        problems.push_back(
            fieldProblem("triwulan", {"Triwulan harus 1 sampai 4.", "Triwulan (quarter) must be 1 to 4."}));
    if (!r.deadline.empty() && !isIsoDate(r.deadline))
        problems.push_back(fieldProblem("deadline", {"Batas waktu bukan tanggal yang sah. Tulis TTTT-BB-HH, mis. "
                                                     "2026-04-10.",
                                                     "The deadline is not a valid date. Write YYYY-MM-DD, e.g. "
                                                     "2026-04-10."}));
    if (r.source == WorkspaceSource::earlier) {
        if (r.from.empty() || !isWorkspace(r.from))
            problems.push_back(Problem{r.from.u8string(),
                                       {},
                                       {},
                                       "from",
                                       {"Ruang kerja sebelumnya tidak ditemukan (tidak ada periode.json). Pilih folder "
                                        "ruang kerja yang sudah ada, atau pakai contoh kantor.",
                                        "The earlier workspace was not found (no periode.json). Choose an existing "
                                        "workspace folder, or use the sample office."}});
        else if (!r.dir.empty() &&
                 std::filesystem::weakly_canonical(r.from, ec) == std::filesystem::weakly_canonical(r.dir, ec))
            problems.push_back(fieldProblem("from", {"Ruang kerja sebelumnya harus folder lain.",
                                                     "The earlier workspace must be another folder."}));
    }
    return problems;
}

// The contents of the new workspace, built in `dir` (the hidden staging folder).
void build(const NewWorkspace& r, const std::filesystem::path& dir, const Period& period)
{
    switch (r.source) {
        case WorkspaceSource::sample: createSampleWorkspace(dir, period.year, period.triwulan); break;
        case WorkspaceSource::empty: createEmptyWorkspace(dir, period.year, period.triwulan); break;
        case WorkspaceSource::earlier: {
            const Workspace earlier = openWorkspace(r.from);
            std::filesystem::create_directories(dir);
            writeFileAtomically(dir / "profil.json", readFile(earlier.profileFile()));
            writeFileAtomically(dir / "rencana-kerja.ods", readFile(earlier.planFile()));
            for (const char* name : {"penilaian.json", "laporan.json", "templates"})
                copyIfPresent(earlier.dir / name, dir / name);
            break;
        }
    }
    createWorkspace(dir, period);   // periode.json with the deadline asked for
}

const char* sourceName(WorkspaceSource s)
{
    return s == WorkspaceSource::sample ? "sample" : s == WorkspaceSource::earlier ? "earlier" : "empty";
}

}   // namespace

Period proposedPeriod(int year, int month)
{
    const int quarter = (month - 1) / 3 + 1;   // the calendar quarter we are in
    Period p;
    p.year = quarter == 1 ? year - 1 : year;
    p.triwulan = quarter == 1 ? 4 : quarter - 1;
    p.deadline = defaultDeadline(p.year, p.triwulan);
    return p;
}

Period proposedPeriodToday()
{
    const Poco::LocalDateTime now;
    return proposedPeriod(now.year(), now.month());
}

std::filesystem::path proposedWorkspaceFolder(const std::filesystem::path& last, const Period& period,
                                              const std::filesystem::path& home)
{
    const std::string name = periodFolderName(period.year, period.triwulan);
    if (!last.empty()) {
        const std::filesystem::path absolute = std::filesystem::absolute(last).lexically_normal();
        const std::filesystem::path self = absolute.has_filename() ? absolute : absolute.parent_path();
        return self.parent_path() / name;
    }
    return home / "Evaluasi Kinerja" / name;
}

std::string periodFolderName(int year, int triwulan) { return std::to_string(year) + "-tw" + std::to_string(triwulan); }

std::filesystem::path newWorkspaceFolderIn(const std::filesystem::path& chosen, int year, int triwulan)
{
    std::error_code ec;
    if (!std::filesystem::exists(chosen, ec) || isEmptyDirectory(chosen)) return chosen;
    return chosen / periodFolderName(year, triwulan);
}

std::string workspaceLabel(const std::filesystem::path& dir)
{
    try {
        return openWorkspace(dir).period.label() + " \u2014 " + dir.u8string();
    } catch (...) {
        return dir.u8string();
    }
}

NewWorkspaceResult createNewWorkspace(const NewWorkspace& request)
{
    NewWorkspace r = request;
    if (!r.dir.empty()) r.dir = std::filesystem::absolute(r.dir).lexically_normal();
    if (!r.dir.empty() && !r.dir.has_filename()) r.dir = r.dir.parent_path();   // "ws/" is "ws"
    if (const std::vector<Problem> problems = check(r); !problems.empty()) throw Error(problems);
    const Period period{r.year, r.triwulan, r.deadline.empty() ? defaultDeadline(r.year, r.triwulan) : r.deadline};

    buildFolderAllOrNothing(r.dir, [&](const std::filesystem::path& staging) { build(r, staging, period); });
    NewWorkspaceResult result;
    result.workspace = openWorkspace(r.dir);
    result.source = r.source;
    if (r.source == WorkspaceSource::earlier) result.from = r.from;
    // A deadline staff chose is kept as chosen, with a warning when the units cannot deliver on it.
    if (!r.deadline.empty())
        if (auto w = dateWarning(loadWorkCalendar(r.dir), r.deadline, Text{"Batas waktu", "The deadline"}))
            result.warnings.push_back(*w);
    return result;
}

std::string NewWorkspaceResult::toJson() const
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", true);
    root.set("workspace", workspace.dir.u8string());
    root.set("period", workspace.period.label());
    root.set("year", workspace.period.year);
    root.set("triwulan", workspace.period.triwulan);
    root.set("deadline", workspace.period.deadline);
    root.set("source", sourceName(source));
    if (!from.empty()) root.set("from", from.u8string());
    root.set("warnings", textsToJson(warnings));
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

std::string NewWorkspaceResult::summary(Lang lang) const
{
    const std::string label = workspace.period.label() + " \u2014 " + workspace.dir.u8string();
    std::ostringstream out;
    if (lang == Lang::en) {
        out << "Workspace created: " << label << "\nDeadline for the units: " << workspace.period.deadline << '\n';
        if (source == WorkspaceSource::sample)
            out << "Office profile and plan: the sample office (replace them with your own in Profil Kantor and "
                   "rencana-kerja.ods).\n";
        else if (source == WorkspaceSource::earlier)
            out << "Office profile, plan and settings copied from " << from.u8string() << ".\n";
        else
            out << "Fill in the office profile (Profil Kantor) and the plan rencana-kerja.ods next.\n";
    } else {
        out << "Ruang kerja dibuat: " << label << "\nBatas waktu pengiriman unit: " << workspace.period.deadline
            << '\n';
        if (source == WorkspaceSource::sample)
            out << "Profil kantor dan rencana kerja: contoh kantor (ganti dengan milik kantor Anda di Profil Kantor "
                   "dan rencana-kerja.ods).\n";
        else if (source == WorkspaceSource::earlier)
            out << "Profil kantor, rencana kerja dan pengaturan disalin dari " << from.u8string() << ".\n";
        else
            out << "Berikutnya isi profil kantor (Profil Kantor) dan rencana kerja rencana-kerja.ods.\n";
    }
    for (const Text& w : warnings) out << (lang == Lang::en ? "Warning: " : "Peringatan: ") << w.in(lang) << '\n';
    return out.str();
}

}   // namespace evakin
