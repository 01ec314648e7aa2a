#include "period/returns_status.hpp"

#include <sstream>

#include "collect/evaluation_json.hpp"
#include "model/workspace.hpp"
#include "report/report.hpp"

namespace evakin {

namespace {

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

}   // namespace

ReturnsStatus returnsStatus(const std::filesystem::path& workspaceDir)
{
    ReturnsStatus status;
    const Workspace ws{workspaceDir, {}};
    std::error_code ec;
    if (!std::filesystem::is_regular_file(ws.evaluasiJsonFile(), ec)) return status;
    EvaluationRecord evaluation;
    try {
        evaluation = readEvaluationJson(ws);
    } catch (const Error&) {
        return status;   // a damaged recap counts as never collected: collect again
    }
    for (const EvaluationUnit& u : evaluation.units) {
        if (u.status == UnitStatus::missing) status.missingUnits.push_back(u.name.empty() ? u.code : u.name);
        if (u.status == UnitStatus::invalid) status.invalidUnits.push_back(u.name.empty() ? u.code : u.name);
    }
    status.collected = true;
    status.closesYear = evaluation.period.triwulan >= 4;
    status.stale = evaluationIsStale(workspaceDir);
    return status;
}

std::string ReturnsStatus::warning(Lang lang) const
{
    const bool en = lang == Lang::en;
    std::ostringstream out;
    if (!collected) {
        out << (en ? "The returns of this period have not been collected yet: run Rekap Kiriman first."
                   : "Kiriman periode ini belum direkap: jalankan Rekap Kiriman dulu.")
            << '\n';
        return out.str();
    }
    if (stale)
        out << (en ? "The inbox or the plan changed after the last Rekap Kiriman: run it again first."
                   : "Inbox atau rencana kerja berubah setelah Rekap Kiriman terakhir: jalankan lagi dulu.")
            << '\n';
    if (!missingUnits.empty())
        out << (en ? "No return yet from: " : "Belum ada kiriman dari: ") << joined(missingUnits) << '\n';
    if (!invalidUnits.empty())
        out << (en ? "Returns with errors (see hasil/rekap-pengumpulan.ods): "
                   : "Kiriman yang masih salah (lihat hasil/rekap-pengumpulan.ods): ")
            << joined(invalidUnits) << '\n';
    if ((!missingUnits.empty() || !invalidUnits.empty()) && closesYear)
        out << (en ? "Their values are missing from the year's evaluation; the new year starts without them."
                   : "Nilainya tidak masuk evaluasi tahun ini; tahun baru dimulai tanpa nilai itu.")
            << '\n';
    else if (!missingUnits.empty() || !invalidUnits.empty())
        out << (en ? "Their values are not carried into the new period; they can still come as late data."
                   : "Nilainya tidak dibawa ke periode baru; masih dapat dikirim sebagai data terlambat.")
            << '\n';
    return out.str();
}

}   // namespace evakin
