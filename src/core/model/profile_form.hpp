// The office profile as the fields of the "Profil Kantor" dialog: plain
// lines of text, so the dialog (UNO) only shows and returns strings and all
// the reading and checking is here. The letterhead takes one line per kop
// line; the units one line per unit: "KODE; Nama unit; Jabatan kepala; Nama
// kepala; NIP; e-mail; pangkat" (the rank may be left out). Field keys are the profil.json paths ("office.name"),
// so a problem names the same field in the dialog and in the file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "text/error.hpp"
#include "model/profile.hpp"

namespace evakin {

struct ProfileFormField {
    std::string key;   // "office.name", ..., "units"
    Text label;        // as shown beside the field
    bool multiline;    // several lines (kop, units)
};

// The dialog's fields, in order.
const std::vector<ProfileFormField>& profileFormFields();

// Field key -> text, for every field of profileFormFields().
std::map<std::string, std::string> profileFormValues(const Profile& profile);

// The profile the fields describe. Throws Error listing every problem (unit
// lines named by their number, other fields by their label), nothing saved.
// Keys that are absent keep the value of `base`.
Profile profileFromForm(const std::map<std::string, std::string>& values, const Profile& base,
                        const std::string& sourceName);

}   // namespace evakin
