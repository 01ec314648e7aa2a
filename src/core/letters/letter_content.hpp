// Internal to letters: everything a template needs, decided before a number is taken.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "letters/letter.hpp"
#include "model/profile.hpp"

namespace evakin {

// The lambang daerah for the kop, read before a number is taken.
struct LetterPicture {
    std::string bytes;
    std::string mediaType;              // "image/png", "image/jpeg"
    std::string extension;              // ".png", ".jpg"
    double widthCm = 0, heightCm = 0;   // as printed: 2.2 cm high, width from the image's proportions
};

// Reads a PNG or JPEG file; Error naming the file when it is missing or not such an image.
LetterPicture loadLambang(const std::filesystem::path& file);

struct LetterContent {
    LetterKind kind = LetterKind::pengantar;
    std::string templateName;
    std::string templateXml;
    std::string title;
    std::map<std::string, std::string> fields;               // {placeholder} -> text; {nomor} is added after reserving
    std::map<std::string, std::vector<std::string>> lists;   // paragraph-only placeholders -> one paragraph per line
    std::vector<LetterItem> items;                           // pengantar table rows
    std::optional<LetterPicture> lambang;                    // at the left of the kop, when the profile has one
};

// The register entry of a completed request (completeLetterRequest): kind, code, date, unit code, ...
NewEntry letterEntry(const LetterRequest& completed, const Profile& profile, const RegisterSettings& settings);

// The zipped ODF text document; Error naming the template when it lacks what the kind needs.
std::string renderLetter(const LetterContent& content);

}   // namespace evakin
