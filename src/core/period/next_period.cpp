#include "period/next_period.hpp"

#include <Poco/JSON/Object.h>

#include <sstream>

#include "collect/evaluation_json.hpp"
#include "io/files.hpp"
#include "model/plan.hpp"
#include "model/plan_changes.hpp"
#include "model/profile.hpp"
#include "model/sample.hpp"

namespace evakin {

namespace {

EvaluationRecord readEvaluation(const Workspace& prev)
{
    const auto file = prev.evaluasiJsonFile();
    if (!std::filesystem::exists(file))
        throw Error(prev.dir.u8string(), Text{"Periode ini belum direkap (tidak ada hasil/evaluasi.json). Jalankan "
                                              "Rekap Kiriman dulu, lalu buat periode baru.",
                                              "This period has not been collected yet (no hasil/evaluasi.json). Run "
                                              "Rekap Kiriman first, then start the new period."});
    EvaluationRecord evaluation = readEvaluationJson(prev);
    if (evaluation.period.year != prev.period.year || evaluation.period.triwulan != prev.period.triwulan)
        throw Error(displayName(file),
                    Text{"Rekap ini bukan untuk " + prev.period.label() + ". Jalankan Rekap Kiriman lagi.",
                         "This recap is not for " + prev.period.label() + ". Run Rekap Kiriman again."});
    return evaluation;
}

// Every reported quarter of the year, by unit and row key.
YearRealisations quartersOf(const EvaluationRecord& evaluation, int upToTriwulan, std::size_t& values)
{
    YearRealisations out;
    for (const EvaluationUnit& unit : evaluation.units)
        for (const EvaluationRow& row : unit.rows) {
            auto& target = out[unit.code][row.key];
            for (std::size_t q = 0; q < 4 && q < static_cast<std::size_t>(upToTriwulan); ++q) {
                target[q] = row.quarters[q];
                values += target[q].k.has_value() + target[q].rp.has_value();
            }
        }
    return out;
}

// Renstra realisation up to the closed year (column 14) per unit and row key.
std::map<std::pair<std::string, std::string>, std::pair<std::optional<double>, std::optional<double>>>
renstraOf(const EvaluationRecord& evaluation)
{
    std::map<std::pair<std::string, std::string>, std::pair<std::optional<double>, std::optional<double>>> out;
    for (const EvaluationUnit& unit : evaluation.units)
        for (const EvaluationRow& row : unit.rows)
            out[{unit.code, row.key}] = {row.renstra.k.value, row.renstra.rp.value};
    return out;
}

}   // namespace

NextPeriodStep nextPeriodOf(const Period& current)
{
    NextPeriodStep step;
    step.newYear = current.triwulan >= 4;
    const int year = step.newYear ? current.year + 1 : current.year;
    const int triwulan = step.newYear ? 1 : current.triwulan + 1;
    step.period = Period{year, triwulan, defaultDeadline(year, triwulan)};
    step.folderName = std::to_string(year) + "-tw" + std::to_string(triwulan);
    return step;
}

std::filesystem::path proposedNextWorkspace(const std::filesystem::path& workspaceDir)
{
    const Workspace ws = openWorkspace(workspaceDir);
    const std::filesystem::path absolute = std::filesystem::absolute(workspaceDir).lexically_normal();
    // "ws/" normalises to "ws/" + "": its parent is then "ws" itself.
    const std::filesystem::path self = absolute.has_filename() ? absolute : absolute.parent_path();
    return self.parent_path() / nextPeriodOf(ws.period).folderName;
}

std::filesystem::path nextWorkspaceIn(const std::filesystem::path& chosenDir, const Period& current)
{
    std::error_code ec;
    const bool usable = !std::filesystem::exists(chosenDir, ec) ||
                        (std::filesystem::is_directory(chosenDir, ec) && std::filesystem::is_empty(chosenDir, ec));
    return usable ? chosenDir : chosenDir / nextPeriodOf(current).folderName;
}

NextPeriodResult createNextWorkspace(const std::filesystem::path& previousDir, const std::filesystem::path& newDir)
{
    const Workspace prev = openWorkspace(previousDir);
    if (isWorkspace(newDir))
        throw Error(newDir.u8string(),
                    Text{"Folder ini sudah berisi ruang kerja Evakin; tidak ditimpa. Pilih folder baru.",
                         "This folder already holds an Evakin workspace; it is not overwritten. Choose a new folder."});
    std::error_code ec;
    if (std::filesystem::exists(newDir, ec) &&
        !(std::filesystem::is_directory(newDir, ec) && std::filesystem::is_empty(newDir, ec)))
        throw Error(newDir.u8string(), Text{"Folder ini sudah berisi berkas lain. Pilih folder baru atau kosong.",
                                            "This folder already holds other files. Choose a new or empty folder."});
    const EvaluationRecord evaluation = readEvaluation(prev);
    const Profile profile = loadProfile(prev.profileFile());
    const Plan plan = loadPlan(prev.planFile(), profile);

    NextPeriodResult result;
    result.workspace = newDir;
    result.from = prev.period;
    const NextPeriodStep step = nextPeriodOf(prev.period);
    result.newYear = step.newYear;
    result.period = step.period;

    // All or nothing: a failure half-way (an unreadable file in the finished period, a full disk) leaves no new
    // folder, so the retry is not refused.
    buildFolderAllOrNothing(newDir, [&](const std::filesystem::path& dir) {
        writeFileAtomically(dir / "profil.json", readFile(prev.profileFile()));
        copyIfPresent(prev.dir / "penilaian.json", dir / "penilaian.json");
        copyIfPresent(prev.dir / "laporan.json", dir / "laporan.json");   // dasar hukum and city, as set on the Options page
        copyIfPresent(prev.dir / "templates", dir / "templates");
        YearRealisations carried;
        if (result.newYear) {
            // The closed year's column 14 becomes next year's "realisasi s/d tahun lalu".
            const auto renstra = renstraOf(evaluation);
            std::vector<PlanRow> rows = plan.rows;
            for (PlanRow& r : rows) {
                const auto it = renstra.find({r.unitCode, r.key});
                if (it == renstra.end()) continue;
                if (it->second.first) r.realisasiLaluK = it->second.first;
                if (it->second.second) r.realisasiLaluRp = it->second.second;
            }
            writePlanWorkbook(dir / "rencana-kerja.ods", plan.headings, rows, prev.dir.u8string());
        } else {
            const std::string planBytes = readFile(prev.planFile());
            writeFileAtomically(dir / "rencana-kerja.ods", planBytes);
            // Kept as it was, so a Renja perubahan made in this period can be listed (plan_changes.hpp).
            writeFileAtomically(dir / kPreviousPlanFile, planBytes);
            carried = quartersOf(evaluation, prev.period.triwulan, result.carriedValues);
            for (const PlanRow& r : plan.rows)
                for (int q = 0; q < prev.period.triwulan; ++q)
                    if (!carried[r.unitCode][r.key][static_cast<std::size_t>(q)].reported()) ++result.lateQuarters;
        }
        createWorkspace(dir, result.period);
        if (!carried.empty()) saveRealisations(openWorkspace(dir), carried);
    });
    return result;
}

std::string NextPeriodResult::toJson() const
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", true);
    root.set("workspace", workspace.u8string());
    root.set("from", from.label());
    root.set("period", period.label());
    root.set("newYear", newYear);
    root.set("carriedValues", carriedValues);
    root.set("lateQuarters", lateQuarters);
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

std::string NextPeriodResult::summary(Lang lang) const
{
    std::ostringstream out;
    if (lang == Lang::en) {
        out << "New period " << period.label() << " started from " << from.label() << ": " << workspace.u8string()
            << '\n';
        if (newYear)
            out << "A new year: \"realisasi s/d tahun lalu\" brought forward; update this year's targets and pagu in "
                   "rencana-kerja.ods.\n";
        else
            out << carriedValues << " accepted values carried, shown locked on the forms; " << lateQuarters
                << " earlier quarter(s) not yet reported stay open as late data.\n";
    } else {
        out << "Periode baru " << period.label() << " dibuat dari " << from.label() << ": " << workspace.u8string()
            << '\n';
        if (newYear)
            out << "Tahun baru: \"realisasi s/d tahun lalu\" sudah diperbarui; perbarui target dan pagu tahun ini di "
                   "rencana-kerja.ods.\n";
        else
            out << carriedValues << " nilai yang sudah diterima dibawa dan dikunci di format; " << lateQuarters
                << " triwulan sebelumnya yang belum dilaporkan tetap terbuka sebagai data terlambat.\n";
    }
    return out.str();
}

}   // namespace evakin
