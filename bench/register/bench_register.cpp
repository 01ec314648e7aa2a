// Register benchmark: letter numbers per second for 1 and 8 concurrent
// writers (separate OS processes, as staff on separate PCs), on SQLite and,
// when a connection string is given, on PostgreSQL. Two ways of taking a
// number: "issue" (one transaction) and "letter" (reserve + complete: the two
// transactions `evakin letter` makes around writing the document).
//   bench_register [--pg CONN] [--count N] [--dir DIR]
//   bench_register worker --register SPEC --count N --mode issue|letter   (internal)
#include <Poco/Path.h>
#include <Poco/Process.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <vector>

#include "letters/register.hpp"

using namespace evakin;

namespace {

RegisterSettings settings()
{
    RegisterSettings s;
    s.busyTimeoutMs = 60000;
    return s;
}

NewEntry entry()
{
    NewEntry e;
    e.classification = "050";
    e.kind = "lain";
    e.date = "2026-06-15";
    e.unitCode = "BENCH";
    e.subject = "Uji kecepatan";
    e.createdBy = "bench";
    return e;
}

int worker(const std::string& spec, int count, const std::string& mode)
{
    Register reg = Register::open(resolveRegisterLocation(spec), settings());
    for (int i = 0; i < count; ++i) {
        if (mode == "letter")
            reg.complete(reg.reserve(entry()).id, "/arsip/bench.odt", std::string(64, '0'));
        else
            reg.issue(entry());
    }
    return 0;
}

void fresh(const std::string& spec)
{
    const RegisterLocation loc = resolveRegisterLocation(spec);
    // SQLite starts from an empty file; on PostgreSQL the sequence simply continues
    // (the cost of taking a number does not depend on its value).
    if (loc.kind == RegisterLocation::Kind::sqlite)
        for (const char* suffix : {"", "-journal"})
            std::filesystem::remove(std::filesystem::u8path(loc.target + suffix));
}

struct Row {
    std::string backend, mode;
    int writers, numbers;
    double seconds;
};

Row measure(const std::string& self, const std::string& backend, const std::string& spec, int writers, int total,
            const std::string& mode)
{
    fresh(spec);
    Register::open(resolveRegisterLocation(spec), settings());   // schema first, outside the timing
    const int each = total / writers;
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<Poco::ProcessHandle> children;
    for (int i = 0; i < writers; ++i)
        children.push_back(Poco::Process::launch(
            self, {"worker", "--register", spec, "--count", std::to_string(each), "--mode", mode}));
    for (auto& c : children)
        if (c.wait() != 0) throw std::runtime_error("a writer failed on " + backend);
    return Row{backend, mode, writers, each * writers,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};
}

}   // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> o;
    const std::string first = argc > 1 ? argv[1] : "";
    for (int i = first == "worker" ? 2 : 1; i + 1 < argc; i += 2) o[std::string(argv[i]).substr(2)] = argv[i + 1];
    try {
        if (first == "worker") return worker(o["register"], std::stoi(o["count"]), o["mode"]);
        const std::string self = Poco::Path(argv[0]).absolute().toString();
        const int total = o.count("count") ? std::stoi(o["count"]) : 2000;
        const std::filesystem::path dir = o.count("dir")
                                              ? std::filesystem::u8path(o["dir"])
                                              : std::filesystem::temp_directory_path() / "evakin-bench-register";
        std::filesystem::create_directories(dir);
        std::vector<std::pair<std::string, std::string>> backends{
            {"SQLite (file, rollback journal, synchronous=FULL)", (dir / "bench.sqlite").u8string()}};
        if (o.count("pg")) backends.push_back({"PostgreSQL 15 (127.0.0.1, fsync on)", "postgresql:" + o["pg"]});
        std::vector<Row> rows;
        for (const auto& [name, spec] : backends)
            for (const char* mode : {"issue", "letter"})
                for (int writers : {1, 8}) rows.push_back(measure(self, name, spec, writers, total, mode));
        std::printf("%-52s %-7s %7s %8s %9s %12s\n", "backend", "mode", "writers", "numbers", "seconds", "numbers/s");
        for (const auto& r : rows)
            std::printf("%-52s %-7s %7d %8d %9.2f %12.0f\n", r.backend.c_str(), r.mode.c_str(), r.writers, r.numbers,
                        r.seconds, r.numbers / r.seconds);
        std::printf("issue = one transaction per number; letter = reserve + complete (two transactions), as `evakin "
                    "letter` does.\n");
    } catch (const Error& e) {
        std::cerr << e.render(Lang::en) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
