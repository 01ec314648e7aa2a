// The one way a JSON settings or state file becomes an object tree, and the
// one reading of an optional number in it. Every reader (periode.json,
// profil.json, penilaian.json, register.json, koreksi.json, laporan.json,
// hasil/evaluasi.json) words its own message, because only it knows what the
// file is for and what staff should do about it.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin {

// How a reader words "this file cannot be parsed": `why` says in staff words what is wrong ("a number is too
// long to read", "a comma, quote or bracket is wrong or missing"); the parser's own words go to the tech log.
using JsonDamaged = std::function<Text(const Text& why)>;

// Parses `json`, which must hold an object; throws Error(sourceName, damaged(why)) when it is not JSON or not
// an object. Poco's text ("Syntax error", "JSON Exception") never reaches the message.
Poco::JSON::Object::Ptr parseJsonObject(const std::string& json, const std::string& sourceName,
                                        const JsonDamaged& damaged);

// The file a reader reads, for its messages about a wrong member: its name and what staff should do about it
// ("Jalankan Rekap Kiriman lagi.", "Perbaiki periode.json dengan editor teks.").
struct JsonFile {
    std::string name;
    Text todo;
};

// One member of that file: its path for programs ("units[0].rows[2].quarters[1].k", Problem::field) and what
// staff call it ({"unit ke-1, baris 3, triwulan II, K", ...}, Problem::place); empty words show the path.
struct JsonMember {
    std::string path;
    Text words;
};

// What a number member may hold. Always finite and short of kLargestReadableNumber (number_parse.hpp).
struct NumberRule {
    double min = -1e15;
    double max = 1e15;
    bool whole = false;   // a year, a triwulan, a format version, a count, milliseconds
};

// A number member of `o`: absent when `o` or the member is missing or null. A member that is there but is not a
// number the rule allows (the text "12", true, an object, 1e300, 2026.7 where a whole number must be, a value
// out of range) ends the reader: Error naming the file and the member in staff words, what it must hold and
// the file's todo. Never a silent 0 or a silent gap.
std::optional<double> optionalNumber(const JsonFile& file, const Poco::JSON::Object::Ptr& o, const std::string& key,
                                     const JsonMember& member, const NumberRule& rule = {});
// The same for a member that must be there.
double requiredNumber(const JsonFile& file, const Poco::JSON::Object::Ptr& o, const std::string& key,
                      const JsonMember& member, const NumberRule& rule = {});
// A true/false member; `fallback` when absent or null, an Error as above when it holds anything else.
bool optionalBool(const JsonFile& file, const Poco::JSON::Object::Ptr& o, const std::string& key,
                  const JsonMember& member, bool fallback);

// A text member that must be there and not be empty; an Error as above otherwise.
std::string requiredText(const JsonFile& file, const Poco::JSON::Object::Ptr& o, const std::string& key,
                         const JsonMember& member);

// Ends a reader: `member` of `file` holds what it cannot use (`why`); the message adds the file's todo.
[[noreturn]] void failJsonField(const JsonFile& file, const JsonMember& member, const Text& why);

// Warnings or notes in a command's JSON result: [{"id": .., "en": ..}, ...].
Poco::JSON::Array textsToJson(const std::vector<Text>& texts);

}   // namespace evakin
