// Problems and errors that users read. Every message exists in Indonesian
// (the users' language) and English, and names where the problem is: file,
// sheet, cell or field, so staff know what to fix.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace evakin {

enum class Lang { id, en };

// Parses "id"/"en" (and locale-like values such as "en-US"); anything else is Indonesian.
Lang langFromString(const std::string& s);

// One message in both languages.
struct Text {
    std::string id;
    std::string en;
    const std::string& in(Lang lang) const { return lang == Lang::en ? en : id; }
};

// One problem found in the input, with its location (empty parts are omitted).
struct Problem {
    std::string file;
    std::string sheet;
    std::string cell;    // A1 address
    std::string field;   // a named field, e.g. "units[2].nip" in profil.json
    Text message;
    // The field in staff words ("unit ke-2, kolom NIP"), shown instead of `field` when given; `field` stays the
    // key programs read (--json, the UNO API).
    Text place = {};

    // "rencana-kerja.ods, lembar Rencana, sel D7: ..." in the chosen language.
    std::string render(Lang lang) const;
};

// Thrown when input cannot be used. Carries every problem found, not only the first,
// so staff can fix a file in one pass.
class Error : public std::runtime_error {
public:
    explicit Error(std::vector<Problem> problems);
    explicit Error(Problem problem);
    Error(std::string file, Text message);
    const std::vector<Problem>& problems() const { return problems_; }
    std::string render(Lang lang) const;

private:
    std::vector<Problem> problems_;
};

}   // namespace evakin

namespace evakin {
// {"ok":false,"problems":[{"file":..,"sheet":..,"cell":..,"field":..,"message":..}]} for --json and the UNO API.
std::string problemsToJson(const std::vector<Problem>& problems, Lang lang);
}   // namespace evakin
