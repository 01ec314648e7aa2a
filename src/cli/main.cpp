// `evakin`: the command-line door into the core, for batch work, demos and tests.
// Exit codes (also in the README):
//   0  done
//   1  the input has problems (listed; nothing was written)
//   2  wrong usage
//   3  unexpected internal error
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "distribute.hpp"
#include "error.hpp"
#include "sample.hpp"
#include "workspace.hpp"

namespace {

using evakin::Lang;

const char* const kUsage =
    "Pemakaian / usage:\n"
    "  evakin init --sample DIR [--year YYYY] [--triwulan N]   ruang kerja contoh / sample workspace\n"
    "  evakin init DIR --year YYYY --triwulan N                ruang kerja kosong / empty workspace\n"
    "  evakin distribute DIR [--overwrite] [--json]             Bagikan Format: one form per unit into DIR/outbox\n"
    "Options: --lang id|en (default: EVAKIN_LANG or id), --json (machine-readable result), --version\n"
    "Exit codes: 0 done, 1 input problems (nothing written), 2 usage, 3 internal error\n";

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;   // --name value, or --flag -> "1"
    bool has(const std::string& o) const { return options.count(o) > 0; }
    std::string get(const std::string& o, const std::string& dflt = {}) const {
        const auto it = options.find(o);
        return it == options.end() ? dflt : it->second;
    }
};

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

Args parse(int argc, char** argv) {
    static const std::map<std::string, bool> known = {{"sample", false}, {"year", true}, {"triwulan", true}, {"overwrite", false},
                                                      {"json", false},   {"lang", true}, {"version", false}};
    Args a;
    for (int i = 1; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) == 0) {
            const std::string name = s.substr(2);
            const auto k = known.find(name);
            if (k == known.end()) throw UsageError("unknown option --" + name);
            if (k->second) {
                if (i + 1 >= argc) throw UsageError("--" + name + " needs a value");
                a.options[name] = argv[++i];
            } else {
                a.options[name] = "1";
            }
        } else if (a.command.empty()) {
            a.command = s;
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

int toInt(const std::string& s, const char* what) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(s, &used);
        if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(std::string(what) + " must be a number: " + s);
}

std::filesystem::path onlyDir(const Args& a) {
    if (a.positional.size() != 1) throw UsageError(a.command + " needs exactly one folder");
    return std::filesystem::u8path(a.positional[0]);
}

int runInit(const Args& a, Lang lang) {
    const auto dir = onlyDir(a);
    const int year = a.has("year") ? toInt(a.get("year"), "--year") : 2026;
    const int triwulan = a.has("triwulan") ? toInt(a.get("triwulan"), "--triwulan") : 1;
    if (triwulan < 1 || triwulan > 4) throw UsageError("--triwulan must be 1..4");
    const evakin::Workspace ws =
        a.has("sample") ? evakin::createSampleWorkspace(dir, year, triwulan) : evakin::createEmptyWorkspace(dir, year, triwulan);
    if (a.has("json"))
        std::cout << "{\"ok\":true,\"workspace\":\"" << ws.dir.u8string() << "\",\"period\":\"" << ws.period.label() << "\"}\n";
    else
        std::cout << (lang == Lang::en ? "Workspace created: " : "Ruang kerja dibuat: ") << ws.dir.u8string() << " (" << ws.period.label() << ")\n";
    return 0;
}

int runDistribute(const Args& a, Lang lang) {
    evakin::DistributeOptions options;
    options.overwrite = a.has("overwrite");
    const evakin::DistributeResult r = evakin::distribute(onlyDir(a), options);
    if (a.has("json"))
        std::cout << r.toJson() << '\n';
    else
        std::cout << r.summary(lang);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Lang lang = evakin::langFromString(std::getenv("EVAKIN_LANG") ? std::getenv("EVAKIN_LANG") : "id");
    bool json = false;
    try {
        const Args a = parse(argc, argv);
        if (a.has("lang")) lang = evakin::langFromString(a.get("lang"));
        json = a.has("json");
        if (a.has("version")) {
            std::cout << "evakin " << EVAKIN_VERSION << '\n';
            return 0;
        }
        if (a.command == "init") return runInit(a, lang);
        if (a.command == "distribute") return runDistribute(a, lang);
        if (a.command.empty() || a.command == "help") {
            std::cout << kUsage;
            return a.command.empty() ? 2 : 0;
        }
        throw UsageError("unknown command " + a.command);
    } catch (const UsageError& e) {
        std::cerr << "evakin: " << e.what() << "\n\n" << kUsage;
        return 2;
    } catch (const evakin::Error& e) {
        if (json)
            std::cout << evakin::problemsToJson(e.problems(), lang) << '\n';
        std::cerr << e.render(lang) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "evakin: internal error: " << e.what() << '\n';
        return 3;
    }
}
