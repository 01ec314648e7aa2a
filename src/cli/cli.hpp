// Shared pieces of the `evakin` command line: parsed arguments, usage errors,
// and the table of subcommands. Each subcommand lives in its own cmd_*.cpp
// and registers itself with EVAKIN_COMMAND, so adding one touches no other file.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin::cli {

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;   // --name value, or --flag -> "1"
    bool has(const std::string& o) const { return options.count(o) > 0; }
    std::string get(const std::string& o, const std::string& dflt = {}) const;
    int getInt(const std::string& o, int dflt) const;   // UsageError when not a number
    std::filesystem::path onlyDir() const;              // exactly one positional folder
};

// Wrong usage, said in the user's language (the English text is also what()).
class UsageError : public std::runtime_error {
public:
    explicit UsageError(Text text) : std::runtime_error(text.en), text_(std::move(text)) {}
    // Only for text that reads the same in both languages (an option name, a file name).
    explicit UsageError(const std::string& same) : UsageError(Text{same, same}) {}
    const Text& text() const { return text_; }

private:
    Text text_;
};

struct Command {
    std::string name;
    std::string usage;                           // one or more lines for the help text
    std::map<std::string, bool> options;         // option name -> takes a value
    std::function<int(const Args&, Lang)> run;   // returns the exit code
};

std::vector<Command>& commands();

// --pdf / --pdfa shared by the commands that write Writer documents: exports
// `document` to PDF through LibreOffice when asked. Returns the PDF's path, or
// an empty path (nothing asked, or the export failed: the message is printed
// and `exitCode` set to 5, the document itself stays written).
std::filesystem::path exportPdfIfAsked(const Args& a, Lang lang, const std::filesystem::path& document, int& exitCode);

struct Registrar {
    explicit Registrar(Command c) { commands().push_back(std::move(c)); }
};

#define EVAKIN_CONCAT2(a, b) a##b
#define EVAKIN_CONCAT(a, b) EVAKIN_CONCAT2(a, b)
#define EVAKIN_COMMAND(...)                                                                                            \
    static const ::evakin::cli::Registrar EVAKIN_CONCAT(evakinCommand, __LINE__)                                       \
    {                                                                                                                  \
        ::evakin::cli::Command { __VA_ARGS__ }                                                                         \
    }

}   // namespace evakin::cli
