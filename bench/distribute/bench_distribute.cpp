// Distribute benchmark, direct route: prepares a workspace of N units x M
// plan rows and times evakin::distribute() over several runs.
//   bench_distribute prepare DIR [UNITS] [ROWS]   -> writes the workspace
//   bench_distribute time DIR [RUNS]              -> prints "min_s median_s forms"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "distribute/distribute.hpp"
#include "model/profile.hpp"
#include "model/sample.hpp"
#include "model/workspace.hpp"
#include "../synthetic_office.hpp"

using namespace evakin;

static int prepare(const std::filesystem::path& dir, int units, int rows)
{
    bench::writeSyntheticWorkspace(dir, bench::syntheticOffice(units, rows), Period{2026, 2, defaultDeadline(2026, 2)});
    return 0;
}

static int timeRuns(const std::filesystem::path& dir, int runs)
{
    std::vector<double> seconds;
    std::size_t forms = 0;
    DistributeOptions options;
    options.overwrite = true;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        forms = distribute(dir, options).forms.size();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("%.4f %.4f %zu\n", seconds.front(), seconds[seconds.size() / 2], forms);
    return 0;
}

int main(int argc, char** argv)
{
    try {
        if (argc >= 3 && std::string(argv[1]) == "prepare")
            return prepare(argv[2], argc > 3 ? std::stoi(argv[3]) : 100, argc > 4 ? std::stoi(argv[4]) : 50);
        if (argc >= 3 && std::string(argv[1]) == "time") return timeRuns(argv[2], argc > 3 ? std::stoi(argv[3]) : 5);
    } catch (const Error& e) {
        std::cerr << e.render(Lang::en) << '\n';
        return 1;
    }
    std::cerr << "usage: bench_distribute prepare DIR [UNITS] [ROWS] | time DIR [RUNS]\n";
    return 2;
}
