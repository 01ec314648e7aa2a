#include "report/report.hpp"

#include <Poco/File.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "collect/collect.hpp"
#include "collect/corrections.hpp"
#include "model/evaluation.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "io/iso_date.hpp"
#include "io/odf_document.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "model/plan_changes.hpp"
#include "report/report_data.hpp"
#include "report/report_render.hpp"
#include "model/workspace.hpp"

namespace evakin {

namespace {

constexpr const char* kTemplate = "laporan-evaluasi.fodt";

std::filesystem::file_time_type mtime(const std::filesystem::path& p)
{
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(p, ec);
    return ec ? std::filesystem::file_time_type::min() : t;
}

std::string checkedDate(const std::string& date)
{
    if (date.empty()) return todayIso();
    if (!parseIsoDate(std::string_view(date))) {
        Problem p;
        p.field = "date";
        p.message =
            Text{"Tanggal laporan harus berbentuk TTTT-BB-HH, misalnya 2026-04-15 (diberikan: \"" + date + "\").",
                 "The report date must be YYYY-MM-DD, e.g. 2026-04-15 (given: \"" + date + "\")."};
        throw Error(p);
    }
    return date;
}

}   // namespace

std::string reportFileName(int year, int triwulan)
{
    return "laporan-evaluasi-" + std::to_string(year) + "-tw" + std::to_string(triwulan) + ".odt";
}

bool evaluationIsStale(const std::filesystem::path& dir)
{
    const Workspace ws{dir, {}};
    const auto json = ws.evaluasiJsonFile();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(json, ec)) return true;
    // ">=": file times have a coarse tick, and an input written in the same tick
    // as evaluasi.json (a correction recorded right after collect) must count.
    const auto made = mtime(json);
    for (const auto& input : {ws.realisationsFile(), ws.planFile(), ws.profileFile(), dir / kEvaluationConfigFile,
                              dir / "periode.json", dir / kCorrectionsFile})
        if (std::filesystem::exists(input, ec) && mtime(input) >= made) return true;
    if (std::filesystem::is_directory(ws.inbox(), ec))
        for (const auto& e : std::filesystem::directory_iterator(ws.inbox(), ec)) {
            // Removing a return also changes the result: the folder's own time covers that.
            if (!isIgnoredInboxName(e.path().filename().u8string()) && mtime(e.path()) >= made) return true;
        }
    return mtime(ws.inbox()) > made;
}

ReportResult writeReport(const std::filesystem::path& dir, const ReportOptions& options)
{
    const Workspace ws = openWorkspace(dir);
    const std::string date = checkedDate(options.date);
    ReportResult result;
    if (options.collectIfNeeded && evaluationIsStale(dir)) {
        collect(dir);
        result.collected = true;
    }
    const auto jsonFile = ws.evaluasiJsonFile();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(jsonFile, ec))
        throw Error(displayName(jsonFile),
                    Text{"Hasil evaluasi belum ada. Jalankan Rekap Kiriman (evakin collect) lebih dulu.",
                         "No evaluation results yet. Run Collect (evakin collect) first."});
    const Profile profile = loadProfile(ws.profileFile());
    // The plan fills plan fields evaluasi.json does not carry; an unreadable plan is not fatal here
    // (collect already judged it), the affected cells then stay empty.
    std::optional<Plan> plan;
    const auto planSource = [&]() -> const Plan* {
        try {
            plan = loadPlan(ws.planFile(), profile);
        } catch (const Error&) {
            return nullptr;
        }
        return &*plan;
    };
    report::Data data = report::parseEvaluation(readFile(jsonFile), displayName(jsonFile), planSource);
    if (std::filesystem::exists(ws.dir / kPreviousPlanFile))
        if (const Plan* current = plan ? &*plan : planSource()) data.planChanges = planChangesOf(ws, profile, *current);
    const report::Options texts = report::loadOptions(dir);
    const Poco::DateTime packageTime =
        options.packageTime ? *options.packageTime : Poco::DateTime(Poco::File(jsonFile.string()).getLastModified());
    const std::string bytes =
        report::render(data, profile, texts, date, loadTemplate(kTemplate, dir.u8string()), kTemplate, packageTime);

    result.file = ws.results() / reportFileName(data.period.year, data.period.triwulan);
    writeFileAtomically(result.file, bytes);
    result.period = data.period.label();
    result.title = data.period.reportTitle();
    result.units = data.units.size();
    for (const report::Unit& u : data.units) {
        result.valid += u.status == UnitStatus::valid;
        result.invalid += u.status == UnitStatus::invalid;
        result.missing += u.status == UnitStatus::missing;
        result.rows += u.rows.size();
    }
    result.average = data.summary.average.ok() ? formatNumberId(*data.summary.average.value, 2) : "-";
    result.predikat = data.summary.predikat.empty() ? "-" : data.summary.predikat;
    return result;
}

std::string ReportResult::toJson() const
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", true);
    root.set("complete", complete());
    root.set("file", file.u8string());
    root.set("pdf", pdf.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(pdf.u8string()));
    root.set("period", period);
    root.set("title", title);
    root.set("collected", collected);
    root.set("units", units);
    root.set("valid", valid);
    root.set("invalid", invalid);
    root.set("missing", missing);
    root.set("rows", rows);
    root.set("rataRataCapaian", average);
    root.set("predikat", predikat);
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

std::string ReportResult::summary(Lang lang) const
{
    const bool en = lang == Lang::en;
    std::ostringstream out;
    out << title << '\n';
    if (collected)
        out << (en ? "Returns collected first (results were missing or out of date).\n"
                   : "Kiriman direkap lebih dulu (hasil belum ada atau sudah usang).\n");
    out << (en ? "Units: " : "Unit: ") << units << " (" << valid << (en ? " valid, " : " sah, ") << invalid
        << (en ? " invalid, " : " tidak sah, ") << missing << (en ? " missing" : " belum mengirim") << "), " << rows
        << (en ? " indicators\n" : " indikator\n");
    out << (en ? "Average achievement: " : "Rata-rata capaian: ") << average << (average == "-" ? "" : "%")
        << (en ? ", rating: " : ", predikat: ") << predikat << '\n';
    out << (en ? "Written: " : "Ditulis: ") << file.u8string() << '\n';
    if (!pdf.empty()) out << "PDF: " << pdf.u8string() << '\n';
    return out.str();
}

}   // namespace evakin
