// Register settings: register.json beside the register (see register.hpp for
// where). Absent file = the defaults below. Keys are Indonesian, like the
// words staff read in the Settings dialog:
//   {
//     "format": 1,
//     "pola_nomor": "{klasifikasi}/{urut}/{kode_unit}/{tahun}",
//     "urutan_per_klasifikasi": false,       // true: one sequence per classification code
//     "kode_unit": "",                       // {kode_unit}; empty = the profile's short office name
//     "klasifikasi": ["000.8.3.3", "005", "050"],   // known codes; a letter with another code is refused
//     "klasifikasi_bawaan": {"pengantar": "050", "undangan": "005"},
//     "batas_tunggu_ms": 10000               // how long to wait for a register locked by another writer
//   }
// Pattern placeholders: {klasifikasi} {urut} {kode_unit} {tahun} {bulan} (01-12)
// {bulan_romawi} (I-XII). {urut} is required: without it every letter would get
// the same number.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "io/iso_date.hpp"   // parseIsoDate: letter and register dates

namespace evakin {

struct RegisterSettings {
    std::string pattern = "{klasifikasi}/{urut}/{kode_unit}/{tahun}";
    bool perClassification = false;
    std::string unitCode;
    std::vector<std::string> classifications = {"000.8.3.3", "005", "050"};
    std::map<std::string, std::string> defaultClassification = {{"pengantar", "050"}, {"undangan", "005"}};
    int busyTimeoutMs = 10000;

    // Throws Error (naming `sourceName` and the field) when the pattern or a code is unusable.
    void check(const std::string& sourceName) const;
    bool knowsClassification(const std::string& code) const;
};

RegisterSettings loadRegisterSettings(const std::filesystem::path& file);   // defaults when the file is absent
void saveRegisterSettings(const RegisterSettings& s, const std::filesystem::path& file);

struct NumberParts {
    std::string classification;
    int seq = 0;
    std::string unitCode;
    int year = 0;
    int month = 1;
};
std::string formatLetterNumber(const std::string& pattern, const NumberParts& parts);


}   // namespace evakin
