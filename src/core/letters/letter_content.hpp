// Internal to letters: everything a template needs, decided before a number is taken.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "letters/letter.hpp"
#include "model/profile.hpp"

namespace evakin {

struct LetterContent {
    LetterKind kind = LetterKind::pengantar;
    std::string templateName;
    std::string templateXml;
    std::string title;
    std::map<std::string, std::string> fields;               // {placeholder} -> text; {nomor} is added after reserving
    std::map<std::string, std::vector<std::string>> lists;   // paragraph-only placeholders -> one paragraph per line
    std::vector<LetterItem> items;                           // pengantar table rows
};

// The register entry of a completed request (completeLetterRequest): kind, code, date, unit code, ...
NewEntry letterEntry(const LetterRequest& completed, const Profile& profile, const RegisterSettings& settings);

// The zipped ODF text document; Error naming the template when it lacks what the kind needs.
std::string renderLetter(const LetterContent& content);

}   // namespace evakin
