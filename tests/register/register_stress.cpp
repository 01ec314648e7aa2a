// register_stress: proves the register never issues a number twice, never
// leaves a gap and survives a writer killed mid-transaction. Several OS
// processes hammer one register (SQLite file or PostgreSQL), as staff on
// several PCs would.
//   register_stress issue  --register SPEC --count N [--year Y] [--print] [--two-phase]
//   register_stress verify --register SPEC [--year Y] [--expect N] [--committed FILE]
//   register_stress run    --register SPEC [--procs P] [--count N] [--year Y] [--fresh] [--two-phase]
//   register_stress kill   --register SPEC [--rounds R] [--year Y] [--fresh]
// Exit 0 = all checks passed, 1 = a check failed, 2 = usage.
#include <Poco/Data/Session.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "letters/register.hpp"

using namespace evakin;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

namespace {

std::map<std::string, std::string> opts;
std::string self;

std::string opt(const std::string& k, const std::string& d = {}) { return opts.count(k) ? opts[k] : d; }
int optInt(const std::string& k, int d) { return opts.count(k) ? std::stoi(opts[k]) : d; }

NewEntry entry(int year)
{
    NewEntry e;
    e.classification = "000.7.5";
    e.kind = "lain";
    e.date = std::to_string(year) + "-06-15";
    e.unitCode = "UJI";
    e.addressee = "Kepala BAPPEDA";
    e.subject = "Uji serentak";
    e.attachments = "-";
    e.createdBy = "stress-" + std::to_string(Poco::Process::id());
    return e;
}

RegisterSettings settings()
{
    RegisterSettings s;
    s.busyTimeoutMs = 60000;   // 8 writers queue on one lock: wait, do not fail
    return s;
}

int issue()
{
    Register reg = Register::open(resolveRegisterLocation(opt("register")), settings());
    const int count = optInt("count", 500), year = optInt("year", 2026);
    const bool print = opts.count("print"), twoPhase = opts.count("two-phase");
    for (int i = 0; i < count; ++i) {
        const RegisterEntry e = twoPhase
                                    ? reg.complete(reg.reserve(entry(year)).id, "/arsip/uji.odt", std::string(64, '0'))
                                    : reg.issue(entry(year));
        if (print) std::cout << e.seq << std::endl;   // flushed: printed means committed
    }
    return 0;
}

void freshStart(const RegisterLocation& loc)
{
    if (loc.kind == RegisterLocation::Kind::sqlite) {
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            std::filesystem::remove(std::filesystem::u8path(loc.target + suffix));
        return;
    }
    Register::open(loc, settings());
    Poco::Data::Session s("postgresql", loc.target);
    s << "DROP TABLE IF EXISTS letter_register, letter_counter, register_meta", now;
}

// Every check the brief asks for; prints what it found.
bool verify(const RegisterLocation& loc, int year, int expect, const std::set<int>& committed)
{
    bool ok = true;
    const auto fail = [&](const std::string& what) {
        std::cerr << "FAIL: " << what << '\n';
        ok = false;
    };
    Register reg = Register::open(loc, settings());
    Poco::Data::Session s(loc.kind == RegisterLocation::Kind::sqlite ? "sqlite" : "postgresql", loc.target);
    if (loc.kind == RegisterLocation::Kind::sqlite) {
        std::string integrity;
        s << "PRAGMA integrity_check", into(integrity), now;
        if (integrity != "ok") fail("PRAGMA integrity_check: " + integrity);
    }
    const auto entries = reg.list(year);
    std::set<int> seqs;
    std::set<std::string> numbers;
    for (const auto& e : entries) {
        if (!seqs.insert(e.seq).second) fail("duplicate sequence " + std::to_string(e.seq));
        if (!numbers.insert(e.number).second) fail("duplicate number " + e.number);
    }
    const int n = static_cast<int>(entries.size());
    if (expect >= 0 && n != expect) fail("expected " + std::to_string(expect) + " numbers, found " + std::to_string(n));
    if (!seqs.empty() && (*seqs.begin() != 1 || *seqs.rbegin() != n))
        fail("gap: sequences run " + std::to_string(*seqs.begin()) + ".." + std::to_string(*seqs.rbegin()) + " for " +
             std::to_string(n) + " entries");
    int last = 0;
    s << "SELECT COALESCE(MAX(last_seq), 0) FROM letter_counter WHERE year = " + std::to_string(year), into(last), now;
    if (last != n) fail("counter says " + std::to_string(last) + ", register holds " + std::to_string(n));
    for (int c : committed)
        if (!seqs.count(c)) fail("committed number " + std::to_string(c) + " is missing");
    std::cout << "verify: " << n << " numbers, " << numbers.size() << " distinct, sequences 1.."
              << (seqs.empty() ? 0 : *seqs.rbegin()) << ", committed-and-present " << committed.size()
              << (ok ? ": OK" : ": FAILED") << '\n';
    return ok;
}

Poco::Process::Args childArgs(const std::string& mode, int count, int year)
{
    Poco::Process::Args a{mode,     "--register",        opt("register"), "--count", std::to_string(count),
                          "--year", std::to_string(year)};
    if (opts.count("two-phase")) a.push_back("--two-phase");
    return a;
}

int run()
{
    const RegisterLocation loc = resolveRegisterLocation(opt("register"));
    const int procs = optInt("procs", 8), count = optInt("count", 500), year = optInt("year", 2026);
    if (opts.count("fresh")) freshStart(loc);
    Register::open(loc, settings());   // schema exists before the race starts
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<Poco::ProcessHandle> children;
    for (int i = 0; i < procs; ++i) children.push_back(Poco::Process::launch(self, childArgs("issue", count, year)));
    bool ok = true;
    for (auto& c : children) ok = c.wait() == 0 && ok;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << procs << " processes x " << count << " numbers: " << secs << " s, "
              << static_cast<int>(procs * count / secs) << " numbers/s\n";
    if (!ok) std::cerr << "FAIL: a writer process failed\n";
    return verify(loc, year, procs * count, {}) && ok ? 0 : 1;
}

// A writer killed with SIGKILL at a random moment: the register stays sound
// and holds every number the writer reported as committed.
int killTest()
{
    const RegisterLocation loc = resolveRegisterLocation(opt("register"));
    const int rounds = optInt("rounds", 3), year = optInt("year", 2026);
    if (opts.count("fresh")) freshStart(loc);
    Register::open(loc, settings());
    std::set<int> committed;
    bool ok = true;
    for (int round = 0; round < rounds; ++round) {
        Poco::Pipe out;
        Poco::Process::Args a = childArgs("issue", 1000000, year);
        a.push_back("--print");
        if (round % 2 == 1 && !opts.count("two-phase"))
            a.push_back("--two-phase");   // also kill between reserve and complete
        Poco::ProcessHandle child = Poco::Process::launch(self, a, nullptr, &out, nullptr);
        Poco::PipeInputStream in(out);
        std::string line;
        const int killAfter = 100 + 137 * round;   // different points of the loop each round
        for (int seen = 0; seen < killAfter && std::getline(in, line); ++seen) committed.insert(std::stoi(line));
        Poco::Process::kill(child);      // SIGKILL on POSIX: no chance to finish the transaction
        while (std::getline(in, line))   // lines already written before the kill were committed too
            if (!line.empty()) committed.insert(std::stoi(line));
        child.wait();
        std::cout << "round " << round + 1 << ": killed after " << committed.size() << " committed numbers\n";
        ok = verify(loc, year, -1, committed) && ok;
    }
    // After the crashes, the next number continues the sequence.
    Register reg = Register::open(loc, settings());
    const int before = static_cast<int>(reg.list(year).size());
    if (reg.issue(entry(year)).seq != before + 1) {
        std::cerr << "FAIL: the number after the crashes does not continue the sequence\n";
        ok = false;
    }
    return ok ? 0 : 1;
}

}   // namespace

int main(int argc, char** argv)
{
    self = Poco::Path(argv[0]).absolute().toString();
    if (argc < 2) {
        std::cerr << "usage: register_stress issue|verify|run|kill --register SPEC [...]\n";
        return 2;
    }
    const std::string mode = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string k = std::string(argv[i]).substr(2);
        const bool flag = i + 1 >= argc || std::string(argv[i + 1]).rfind("--", 0) == 0;
        opts[k] = flag ? "1" : argv[++i];
    }
    try {
        if (mode == "issue") return issue();
        if (mode == "run") return run();
        if (mode == "kill") return killTest();
        if (mode == "verify") {
            std::set<int> committed;
            if (opts.count("committed")) {
                std::ifstream in(opt("committed"));
                for (int v; in >> v;) committed.insert(v);
            }
            return verify(resolveRegisterLocation(opt("register")), optInt("year", 2026), optInt("expect", -1),
                          committed)
                       ? 0
                       : 1;
        }
    } catch (const Error& e) {
        std::cerr << e.render(Lang::en) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    std::cerr << "unknown mode " << mode << '\n';
    return 2;
}
