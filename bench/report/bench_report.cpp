// Report benchmark, direct route: prepares a workspace of N units x M plan
// rows with hasil/evaluasi.json (two quarters reported, every unit valid) and
// times evakin::writeReport() over several runs.
//   bench_report prepare DIR [UNITS] [ROWS]   -> writes the workspace
//   bench_report time DIR [RUNS]              -> prints "min_s median_s min_cpu_s rows bytes"
// CPU time is printed too: on a shared, loaded machine wall time mostly measures the neighbours.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "collect/collect_return.hpp"
#include "io/files.hpp"
#include "collect/evaluation_json.hpp"
#include "collect/merge.hpp"
#include "report/report.hpp"
#include "model/sample.hpp"
#include "../synthetic_office.hpp"

using namespace evakin;

static int prepare(const std::filesystem::path& dir, int units, int rows)
{
    const bench::SyntheticOffice office = bench::syntheticOffice(units, rows);
    const Profile& p = office.profile;
    const Period period{2026, 2, defaultDeadline(2026, 2)};
    bench::writeSyntheticWorkspace(dir, office, period);
    const Workspace ws = openWorkspace(dir);
    const Plan plan = loadPlan(ws.planFile(), p);
    // Every unit "returned" triwulan I and II: 25% and 30% of the target, 20% of the pagu each.
    std::map<std::string, collect_detail::CheckedReturn> checked;
    for (const PlanRow& r : plan.rows) {
        auto& q = checked[r.unitCode].year[r.key];
        const auto rp = r.paguRp ? std::optional<double>(*r.paguRp * 0.2) : std::nullopt;
        q[0] = QuarterValue{r.targetK * 0.25, rp, false};
        q[1] = QuarterValue{r.targetK * 0.3, rp, false};
        checked[r.unitCode].texts = {"Dukungan pimpinan", "Keterlambatan anggaran", "Percepatan kegiatan"};
    }
    std::map<std::string, UnitInput> inputs;
    for (const auto& [code, c] : checked) inputs[code] = UnitInput{UnitStatus::valid, code + ".ods", &c};
    const MergedYear year = mergeYear(p, plan, period, {}, inputs, EvaluationConfig::defaults());
    writeFileAtomically(ws.evaluasiJsonFile(), evaluationJson(year));
    return 0;
}

static int timeRuns(const std::filesystem::path& dir, int runs)
{
    std::vector<double> seconds, cpu;
    ReportResult r;
    ReportOptions options;
    options.date = "2026-07-15";
    options.collectIfNeeded = false;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        r = writeReport(dir, options);
        cpu.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(seconds.begin(), seconds.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("%.4f %.4f %.4f %zu %ju\n", seconds.front(), seconds[seconds.size() / 2], cpu.front(), r.rows,
                static_cast<std::uintmax_t>(std::filesystem::file_size(r.file)));
    return 0;
}

int main(int argc, char** argv)
{
    try {
        if (argc >= 3 && std::string(argv[1]) == "prepare")
            return prepare(argv[2], argc > 3 ? std::stoi(argv[3]) : 40, argc > 4 ? std::stoi(argv[4]) : 200);
        if (argc >= 3 && std::string(argv[1]) == "time") return timeRuns(argv[2], argc > 3 ? std::stoi(argv[3]) : 5);
    } catch (const Error& e) {
        std::cerr << e.render(Lang::en) << '\n';
        return 1;
    }
    std::cerr << "usage: bench_report prepare DIR [UNITS] [ROWS] | time DIR [RUNS]\n";
    return 2;
}
