// `evakin`: the command-line door into the core, for batch work, demos and tests.
// Exit codes (also in the README):
//   0  done
//   1  the input has problems (listed; nothing was written)
//   2  wrong usage
//   3  unexpected internal error
//   4  collect or report ran, but some units' returns are missing or invalid
//   5  the report was written but its PDF export failed
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include <Poco/Environment.h>

#include "cli.hpp"

namespace evakin::cli {

std::vector<Command>& commands()
{
    static std::vector<Command> all;
    return all;
}

std::string Args::get(const std::string& o, const std::string& dflt) const
{
    const auto it = options.find(o);
    return it == options.end() ? dflt : it->second;
}

int Args::getInt(const std::string& o, int dflt) const
{
    if (!has(o)) return dflt;
    const std::string s = get(o);
    try {
        std::size_t used = 0;
        const int v = std::stoi(s, &used);
        if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(
        evakin::Text{"--" + o + " harus bilangan bulat: " + s, "--" + o + " must be a whole number: " + s});
}

std::filesystem::path Args::onlyDir() const
{
    if (positional.size() != 1)
        throw UsageError(
            evakin::Text{command + " perlu tepat satu folder ruang kerja", command + " needs exactly one folder"});
    return std::filesystem::u8path(positional[0]);
}

}   // namespace evakin::cli

namespace {

using namespace evakin::cli;

const std::map<std::string, bool> kCommonOptions = {
    {"json", false}, {"lang", true}, {"version", false}, {"verbose", false}};

void printUsage(std::ostream& out)
{
    out << "Pemakaian / usage:\n";
    std::vector<const Command*> sorted;
    for (const auto& c : commands()) sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](const Command* a, const Command* b) { return a->name < b->name; });
    for (const Command* c : sorted) out << c->usage;
    out << "Options: --lang id|en (default: EVAKIN_LANG or id), --json (machine-readable result), --version,\n"
           "         --verbose (technical detail of a failure to standard error)\n"
           "Exit codes: 0 done, 1 input problems (listed), 2 usage, 3 internal error,\n"
           "            4 collect/report ran but some returns are missing or invalid,\n"
           "            5 the report was written but its PDF export failed\n";
}

Args parse(int argc, char** argv, const Command*& command)
{
    Args a;
    command = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string s = argv[i];
        if (s.rfind("--", 0) != 0) {
            if (a.command.empty()) {
                a.command = s;
                for (const auto& c : commands())
                    if (c.name == s) command = &c;
                if (!command && s != "help")
                    throw UsageError(evakin::Text{"perintah tidak dikenal: " + s, "unknown command " + s});
            } else {
                a.positional.push_back(s);
            }
            continue;
        }
        const std::string name = s.substr(2);
        auto known = kCommonOptions.find(name);
        bool takesValue = known != kCommonOptions.end() && known->second;
        if (known == kCommonOptions.end()) {
            if (!command)
                throw UsageError(evakin::Text{"pilihan tidak dikenal: --" + name, "unknown option --" + name});
            const auto own = command->options.find(name);
            if (own == command->options.end())
                throw UsageError(evakin::Text{"pilihan --" + name + " tidak dikenal untuk " + command->name,
                                              "unknown option --" + name + " for " + command->name});
            takesValue = own->second;
        }
        if (takesValue) {
            if (i + 1 >= argc)
                throw UsageError(evakin::Text{"--" + name + " perlu nilai", "--" + name + " needs a value"});
            a.options[name] = argv[++i];
        } else {
            a.options[name] = "1";
        }
    }
    return a;
}

}   // namespace

int main(int argc, char** argv)
{
    const char* envLang = std::getenv("EVAKIN_LANG");
    evakin::Lang lang = evakin::langFromString(envLang ? envLang : "id");
    // Known before the arguments are parsed, so that a usage error is said in the chosen language.
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--lang") lang = evakin::langFromString(argv[i + 1]);
    bool json = false;
    try {
        const Command* command = nullptr;
        const Args a = parse(argc, argv, command);
        if (a.has("lang")) lang = evakin::langFromString(a.get("lang"));
        // Technical detail (a library's or server's own words) to stderr, kept out of the messages.
        if (a.has("verbose")) Poco::Environment::set("EVAKIN_VERBOSE", "1");
        json = a.has("json");
        if (a.has("version")) {
            std::cout << "evakin " << EVAKIN_VERSION << '\n';
            return 0;
        }
        if (!command) {
            printUsage(std::cout);
            return a.command == "help" ? 0 : 2;
        }
        return command->run(a, lang);
    } catch (const UsageError& e) {
        std::cerr << "evakin: " << e.text().in(lang) << "\n\n";
        printUsage(std::cerr);
        return 2;
    } catch (const evakin::Error& e) {
        if (json) std::cout << evakin::problemsToJson(e.problems(), lang) << '\n';
        std::cerr << e.render(lang) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "evakin: internal error: " << e.what() << '\n';
        return 3;
    }
}
