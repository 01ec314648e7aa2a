// The office profile (profil.json in a workspace): who the office is, its
// units (sekretariat and bidang) and the BAPPEDA addressee. Staff edit it as
// JSON or in the Profil Kantor dialog (profile_form.hpp); every field at
// fault is named.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "text/error.hpp"

namespace evakin {

struct Person {
    std::string jabatan;   // position title, e.g. "Kepala Dinas"
    std::string nama;
    std::string nip;   // civil-servant number (18 digits)
    // "Pembina Utama Muda (IV/c)": printed under the name of a signer (Permendagri 1/2023); may be empty.
    std::string pangkat = {};
};

struct Unit {
    std::string code;   // short code used in the plan and file names, e.g. "SEKR", "PP"
    std::string name;   // "Sekretariat", "Bidang Pelayanan Perizinan"
    Person head;
    std::string email;
};

struct Profile {
    std::string officeName;              // "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
    std::string officeShortName;         // "DPMPTSP"
    std::vector<std::string> kopLines;   // letterhead lines, top to bottom
    std::string address;
    std::string city;   // place used in dates, e.g. "Pangkalpinang"
    std::string telephone;
    std::string email;     // pos-el line of the kop
    std::string website;   // laman line of the kop
    // The lambang daerah printed at the left of the kop: an image file (PNG or JPEG), absolute or
    // relative to the workspace folder; empty for a kop without it.
    std::string lambang;
    Person head;   // Kepala Dinas
    std::vector<Unit> units;
    Person bappeda;   // addressee: jabatan + nama (+ NIP if known)
    std::string bappedaAddress;
    std::string bappedaCity;   // the letter's "di ..."; empty: the place of bappedaAddress

    const Unit* unit(const std::string& code) const;   // nullptr when unknown
};

struct Problem;

// Reads and checks profil.json; throws Error naming the field at fault.
Profile loadProfile(const std::filesystem::path& file);
// Reads profil.json without checking its fields (only its JSON), so that a
// profile with a missing name can still be opened and fixed in the dialog.
Profile readProfileUnchecked(const std::filesystem::path& file);
// What is wrong with a profile, each problem naming its field ("office.name",
// "units[2].code", units counted from 0 as in the JSON) and, for staff, what
// the field is called (Problem::place); `sourceName` is the file (or dialog).
std::vector<Problem> profileProblems(const Profile& profile, const std::string& sourceName);
// What staff call a member of profil.json: "office.name" is "nama kantor" /
// "office name", "units[7].code" is "unit ke-8, kolom kode" / "unit 8, field
// code". The one mapping for messages about the profile; empty when unknown.
Text profileFieldWords(const std::string& field);
// Writes profil.json (atomically).
void saveProfile(const Profile& profile, const std::filesystem::path& file);

}   // namespace evakin
