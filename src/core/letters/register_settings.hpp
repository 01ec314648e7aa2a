// Register settings: register.json beside the register (see register.hpp for
// where). Absent file = the defaults below. Keys are Indonesian, like the
// words staff read in the Settings dialog:
//   {
//     "format": 1,
//     "pola_nomor": "{klasifikasi}/{urut}/{kode_unit}/{tahun}",
//     "urutan_per_klasifikasi": false,       // true: one sequence per classification code
//     "kode_unit": "",                       // {kode_unit}; empty = the profile's short office name
//     "klasifikasi": ["000.7.5", "000.7.2.8", "000.7.2.10", "000.1.5", "000.8.3.3"],
//                                            // known codes; a letter with another code is refused
//     "klasifikasi_bawaan": {"pengantar": "000.7.5", "undangan": "000.7.5"},
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
    // Permendagri 83/2022 (klasifikasi arsip of Kemendagri and the regions; it replaced the form-based
    // 005 "Undangan" and 050 "Perencanaan" of the superseded scheme): 000.7.5 Pemantauan, Evaluasi,
    // Penilaian, dan Pelaporan Perencanaan Pembangunan, the matter of both the evaluation report's
    // cover letter and the invitation to the meeting that discusses it; 000.7.2.8 Laporan Berkala,
    // 000.7.2.10 Evaluasi Program, 000.1.5 Rapat Pimpinan, 000.8.3.3 Standar Operasional Prosedur.
    std::vector<std::string> classifications = {"000.7.5", "000.7.2.8", "000.7.2.10", "000.1.5", "000.8.3.3"};
    std::map<std::string, std::string> defaultClassification = {{"pengantar", "000.7.5"}, {"undangan", "000.7.5"}};
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
