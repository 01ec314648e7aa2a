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

// How a reader words "this file cannot be parsed": `detail` is the parser's
// own account of where and why.
using JsonDamaged = std::function<Text(const std::string& detail)>;

// Parses `json`, which must hold an object; throws Error(sourceName, damaged(detail))
// when it is not JSON or not an object.
Poco::JSON::Object::Ptr parseJsonObject(const std::string& json, const std::string& sourceName,
                                        const JsonDamaged& damaged);

// A number member, absent when the object or the member is missing, null or not
// a number ({"notComputable": ..} is not one): never a silent 0.
std::optional<double> optionalNumber(const Poco::JSON::Object::Ptr& o, const std::string& key);

// Ends a reader: the member `field` of `file` holds what it cannot use.
[[noreturn]] void failJsonField(const std::string& file, const std::string& field, const std::string& id,
                                const std::string& en);

// Warnings or notes in a command's JSON result: [{"id": .., "en": ..}, ...].
Poco::JSON::Array textsToJson(const std::vector<Text>& texts);

}   // namespace evakin
