#include "distribute/distribute.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

#include "io/files.hpp"
#include "io/system_errors.hpp"
#include "distribute/form.hpp"
#include "model/form_layout.hpp"
#include "io/odf_document.hpp"
#include "model/plan.hpp"
#include "model/workspace.hpp"
#include "text/text_util.hpp"

namespace evakin {

namespace {

// Moves the forms written in `staging` into outbox/ as `targets`, all or nothing: a form it replaces
// (--overwrite) is kept aside in `staging` until every form is in, so when the k-th move fails, the forms
// already moved are taken out again and the ones they replaced put back; outbox/ is as before.
void moveIntoOutbox(const std::filesystem::path& staging, const std::vector<std::filesystem::path>& targets)
{
    namespace fs = std::filesystem;
    const fs::path aside = staging / ".lama";
    std::vector<bool> replaced(targets.size()), moved(targets.size());
    const auto undo = [&] {
        std::error_code ec;
        for (std::size_t i = targets.size(); i-- > 0;) {
            if (moved[i]) fs::remove(targets[i], ec);
            if (replaced[i]) fs::rename(aside / targets[i].filename(), targets[i], ec);
        }
        fs::remove_all(staging, ec);
    };
    std::error_code ec;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const fs::path& target = targets[i];
        // Only a file is set aside: a folder of that name stays where it is, and the move below fails on it.
        const bool isFile = fs::is_regular_file(fs::symlink_status(target, ec));
        ec.clear();
        if (isFile) {
            fs::create_directories(aside, ec);
            fs::rename(target, aside / target.filename(), ec);
            replaced[i] = !ec;
        }
        if (!ec) fs::rename(staging / target.filename(), target, ec);
        if (ec) {
            const Text why = systemErrorText(ec, target);
            undo();
            throw Error(displayName(target), Text{"Format tidak dapat dipindahkan ke outbox/: " + why.id +
                                                      " Tidak ada format yang dibagikan; outbox/ tetap seperti semula.",
                                                  "The form could not be moved into outbox/: " + why.en +
                                                      " No form was distributed; outbox/ is as it was."});
        }
        moved[i] = true;
    }
    fs::remove_all(staging, ec);
}

// "evaluasi-2026-tw1-SEKR.ods": sortable, and names the period so a form
// sent for one quarter is not mistaken for another's.
std::string formFileName(const Period& period, const Unit& unit)
{
    return "evaluasi-" + std::to_string(period.year) + "-tw" + std::to_string(period.triwulan) + "-" + unit.code +
           ".ods";
}

}   // namespace

std::string DistributeResult::toJson() const
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("period", period);
    root.set("outbox", outbox.u8string());
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& f : forms) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("unit", f.unitCode);
        o->set("name", f.unitName);
        o->set("file", f.file.u8string());
        o->set("rows", f.rows);
        list->add(o);
    }
    root.set("forms", list);
    Poco::JSON::Array::Ptr skipped = new Poco::JSON::Array;
    for (const auto& s : skippedUnits) skipped->add(s);
    root.set("skippedUnits", skipped);
    Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;
    for (const Problem& p : planWarnings) warnings->add(p.render(Lang::id));
    root.set("planWarnings", warnings);
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

std::string DistributeResult::summary(Lang lang) const
{
    const bool en = lang == Lang::en;
    std::ostringstream out;
    out << (en ? "Forms written for " : "Format ") << period << (en ? ": " : " dibuat untuk ") << forms.size()
        << (en ? " units" : " unit") << (en ? ", in " : ", di ") << outbox.u8string() << '\n';
    for (const auto& f : forms)
        out << "- " << f.unitName << ": " << f.file.filename().u8string() << " (" << f.rows
            << (en ? " rows)" : " baris)") << '\n';
    for (const auto& s : skippedUnits)
        out << (en ? "- no plan rows, no form: " : "- tidak ada baris rencana, format tidak dibuat: ") << s << '\n';
    for (const Problem& p : planWarnings) out << (en ? "Warning: " : "Peringatan: ") << p.render(lang) << '\n';
    return out.str();
}

std::vector<std::string> unitCodeList(const std::string& commaSeparated)
{
    std::vector<std::string> out;
    std::istringstream in(commaSeparated);
    for (std::string code; std::getline(in, code, ',');)
        if (!isBlank(code)) out.push_back(trimSpaces(code));
    return out;
}

std::vector<FormTarget> formTargets(const std::filesystem::path& workspaceDir)
{
    const Workspace ws = openWorkspace(workspaceDir);
    const Profile profile = loadProfile(ws.profileFile());
    const Plan plan = loadPlan(ws.planFile(), profile);
    std::vector<FormTarget> out;
    for (const Unit& unit : profile.units) {
        FormTarget t{unit.code, unit.name, ws.outbox() / formFileName(ws.period, unit), plan.rowsOf(unit.code).size()};
        std::error_code ec;
        t.exists = std::filesystem::exists(t.file, ec);
        out.push_back(std::move(t));
    }
    return out;
}

DistributeResult distribute(const std::filesystem::path& workspaceDir, const DistributeOptions& options)
{
    const Workspace ws = openWorkspace(workspaceDir);
    const Profile profile = loadProfile(ws.profileFile());
    const Plan plan = loadPlan(ws.planFile(), profile);
    const YearRealisations accepted = loadRealisations(ws);
    const std::string templateXml = loadTemplate(form::kTemplate, ws.dir.u8string());

    DistributeResult result;
    result.outbox = ws.outbox();
    result.period = ws.period.label();
    result.planWarnings = planRollupWarnings(plan, displayName(ws.planFile()));

    // Decide everything before writing anything: an existing form is never silently replaced.
    struct Job {
        const Unit* unit;
        std::vector<const PlanRow*> rows;
        std::filesystem::path file;
    };
    std::vector<Job> jobs;
    std::vector<Problem> conflicts;
    for (const std::string& code : options.units)
        if (!profile.unit(code))
            conflicts.push_back(Problem{displayName(ws.profileFile()),
                                        {},
                                        {},
                                        "units",
                                        Text{"Unit \"" + code + "\" tidak ada di profil kantor. Pilih unit dari daftar.",
                                             "Unit \"" + code + "\" is not in the office profile. Choose a unit "
                                                                "from the list."}});
    const auto chosen = [&options](const Unit& unit) {
        return options.units.empty() ||
               std::find(options.units.begin(), options.units.end(), unit.code) != options.units.end();
    };
    for (const Unit& unit : profile.units) {
        if (!chosen(unit)) continue;
        Job job{&unit, plan.rowsOf(unit.code), ws.outbox() / formFileName(ws.period, unit)};
        if (job.rows.empty()) {
            result.skippedUnits.push_back(unit.name);
            continue;
        }
        if (!options.overwrite && std::filesystem::exists(job.file))
            conflicts.push_back(Problem{displayName(job.file),
                                        {},
                                        {},
                                        {},
                                        Text{"Format ini sudah ada di outbox. Pindahkan berkas lama atau ulangi dengan "
                                             "pilihan timpa (--overwrite).",
                                             "This form is already in the outbox. Move the old file away or run again "
                                             "with overwrite (--overwrite)."}});
        jobs.push_back(std::move(job));
    }
    if (!conflicts.empty()) throw Error(std::move(conflicts));

    // Build every form in memory first, so a template problem leaves the outbox untouched.
    static const UnitRealisations noneAccepted;
    std::vector<std::string> packages;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (options.progress) options.progress(i, jobs.size(), jobs[i].unit->name);
        const auto acc = accepted.find(jobs[i].unit->code);
        packages.push_back(
            buildForm(FormRequest{profile, *jobs[i].unit, ws.period, jobs[i].rows, plan.headings,
                                  acc == accepted.end() ? noneAccepted : acc->second, templateXml, form::kTemplate}));
    }
    // All or nothing: every form is written into a folder of its own first (a full disk fails there), and
    // only then moved into outbox/, so a failed run leaves no form behind and a retry needs no --overwrite.
    const auto staging = ws.outbox() / ".evakin-sedang-ditulis";
    std::error_code ec;
    std::filesystem::remove_all(staging, ec);   // left by a run that was killed
    try {
        for (std::size_t i = 0; i < jobs.size(); ++i)
            writeFileAtomically(staging / jobs[i].file.filename(), packages[i]);
    } catch (const Error&) {
        std::filesystem::remove_all(staging, ec);
        throw;
    }
    std::vector<std::filesystem::path> targets;
    for (const Job& job : jobs) targets.push_back(job.file);
    moveIntoOutbox(staging, targets);
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        result.forms.push_back(
            DistributedForm{jobs[i].unit->code, jobs[i].unit->name, jobs[i].file, jobs[i].rows.size()});
    }
    if (options.progress) options.progress(jobs.size(), jobs.size(), {});
    return result;
}

}   // namespace evakin
