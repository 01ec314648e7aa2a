// Collect benchmark, direct route and floor.
//   bench_collect prepare ROOT [OFFICES] [UNITS] [ROWS]  -> ROOT/office-N workspaces, one filled return per unit in
//   inbox/ bench_collect collect ROOT [THREADS] -> "wall_s files peak_rss_kb valid cpu_s": collect+merge+outputs of
//   every office (THREADS 0: as collect chooses) bench_collect floor ROOT     -> "wall_s files peak_rss_kb cpu_s": only
//   read, inflate + parse each return's content.xml bench_collect floor-with-plans ROOT -> the same, and each office's
//   plan (rencana-kerja.ods) as well
// CPU seconds are printed beside wall time: on a shared machine wall time
// also measures the neighbours.
// 1,000 returns x 200 rows is 10 offices x 100 units: one office's plan of
// 1,000 x 200 rows would exceed the plan reader's 100,000-row limit.
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <pugixml.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "collect/collect.hpp"
#include "io/files.hpp"
#include "distribute/form.hpp"
#include "model/form_layout.hpp"
#include "io/odf_document.hpp"
#include "model/sample.hpp"
#include "../process_stats.hpp"
#include "../synthetic_office.hpp"

using namespace evakin;
namespace fs = std::filesystem;

static std::vector<fs::path> offices(const fs::path& root)
{
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(root))
        if (isWorkspace(e.path())) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

static int prepare(const fs::path& root, int count, int units, int rows)
{
    const std::string tpl = loadTemplate(form::kTemplate);
    for (int o = 0; o < count; ++o) {
        const fs::path dir = root / ("office-" + std::to_string(o + 1));
        const bench::SyntheticOffice office = bench::syntheticOffice(units, rows);
        const Profile& p = office.profile;
        const std::vector<PlanRow>& plan = office.rows;
        const Period period{2026, 1, defaultDeadline(2026, 1)};
        const std::vector<PlanHeading> headings = samplePlanHeadings();   // as writeSyntheticWorkspace writes them
        bench::writeSyntheticWorkspace(dir, office, period);
        // Each return: the distributed form with the current quarter typed in (K at 30% of target, Rp at 20% of pagu).
        for (const Unit& unit : p.units) {
            std::vector<const PlanRow*> mine;
            UnitRealisations filled;
            for (const PlanRow& r : plan)
                if (r.unitCode == unit.code) {
                    mine.push_back(&r);
                    filled[r.key][0] = QuarterValue{
                        r.targetK * 0.3, r.paguRp ? std::optional<double>(*r.paguRp * 0.2) : std::nullopt, false};
                }
            const std::string form =
                buildForm(FormRequest{p, unit, period, mine, headings, filled, tpl, form::kTemplate});
            writeFileAtomically(dir / "inbox" / ("kiriman-" + unit.code + ".ods"), form);
        }
    }
    return 0;
}

static int timeCollect(const fs::path& root, unsigned threads)
{
    CollectOptions options;
    options.threads = threads;
    std::size_t files = 0, valid = 0;
    const double c0 = bench::cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    for (const fs::path& dir : offices(root)) {
        const CollectResult r = collect(dir, options);
        files += r.files.size();
        for (const auto& u : r.units) valid += u.status == UnitStatus::valid;
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%.4f %zu %ld %zu %.4f\n", s, files, bench::peakRssKb(), valid, bench::cpuSeconds() - c0);
    return 0;
}

// Reads one package, inflates its content.xml and parses it: the least any reader does.
static bool inflateAndParse(const fs::path& file)
{
    const std::string bytes = readFile(file);
    std::istringstream in(bytes);
    Poco::Zip::ZipArchive archive(in);
    const auto header = archive.findHeader("content.xml");
    in.clear();
    Poco::Zip::ZipInputStream zin(in, header->second);
    std::string xml((std::istreambuf_iterator<char>(zin)), std::istreambuf_iterator<char>());
    pugi::xml_document doc;
    doc.load_buffer_inplace(xml.data(), xml.size());
    return doc.document_element();
}

// The floor: every return's content.xml; with `withPlans`, also each office's
// plan, which collect must read too (it is as large as all its returns).
static int timeFloor(const fs::path& root, bool withPlans)
{
    std::size_t files = 0, nodes = 0;
    const double c0 = bench::cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    for (const fs::path& dir : offices(root)) {
        if (withPlans && !inflateAndParse(dir / "rencana-kerja.ods")) return 1;
        for (const auto& e : fs::directory_iterator(dir / "inbox")) {
            nodes += inflateAndParse(e.path()) ? 1 : 0;
            ++files;
        }
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%.4f %zu %ld %.4f\n", s, files, bench::peakRssKb(), bench::cpuSeconds() - c0);
    return nodes == files ? 0 : 1;
}

int main(int argc, char** argv)
{
    try {
        const std::string cmd = argc > 1 ? argv[1] : "";
        if (argc >= 3 && cmd == "prepare")
            return prepare(argv[2], argc > 3 ? std::stoi(argv[3]) : 10, argc > 4 ? std::stoi(argv[4]) : 100,
                           argc > 5 ? std::stoi(argv[5]) : 200);
        if (argc >= 3 && cmd == "collect")
            return timeCollect(argv[2], argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 0);
        if (argc >= 3 && cmd == "floor") return timeFloor(argv[2], false);
        if (argc >= 3 && cmd == "floor-with-plans") return timeFloor(argv[2], true);
    } catch (const Error& e) {
        std::cerr << e.render(Lang::en) << '\n';
        return 1;
    }
    std::cerr << "usage: bench_collect prepare ROOT [OFFICES] [UNITS] [ROWS] | collect ROOT [THREADS] | floor ROOT | "
                 "floor-with-plans ROOT\n";
    return 2;
}
