// A workspace is one folder per evaluation period (a year and a triwulan):
//   periode.json        format version, year, triwulan, deadline
//   profil.json         the office profile
//   rencana-kerja.ods   the annual plan (Renja) workbook
//   realisasi.json      accepted realisations of earlier quarters (carried over)
//   outbox/             forms to send to the units (written by distribute)
//   inbox/              returned forms (read only, never modified)
//   hasil/              results: recaps, merged table (evaluasi.json), reports
// The whole year travels with each period so that triwulan II-IV forms can
// show earlier quarters locked, and the annual report can be built from IV.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "model/profile.hpp"

namespace evakin {

constexpr int kWorkspaceFormat = 1;

struct Period {
    int year = 0;
    int triwulan = 1;                    // 1..4
    std::string deadline;                // ISO date the units must return the form by
    std::string romanTriwulan() const;   // "I".."IV"
    std::string label() const;           // "Triwulan I Tahun 2026"
    // "Laporan Evaluasi Kinerja Triwulan I Tahun 2026"; for triwulan IV the annual
    // "Laporan Evaluasi Kinerja Tahun 2026". Shared by the report and its cover letter.
    std::string reportTitle() const;
};

// One quarter's accepted realisation of a plan row: kinerja (K) and anggaran (Rp).
struct QuarterValue {
    std::optional<double> k;
    std::optional<double> rp;
    bool late = false;   // reported after its own quarter
    bool reported() const { return k.has_value() || rp.has_value(); }
};

// Accepted realisations for the year so far: unit code -> row code -> quarters I..IV.
using YearRealisations = std::map<std::string, std::map<std::string, std::array<QuarterValue, 4>>>;

struct Workspace {
    std::filesystem::path dir;
    Period period;
    std::filesystem::path profileFile() const { return dir / "profil.json"; }
    std::filesystem::path planFile() const { return dir / "rencana-kerja.ods"; }
    std::filesystem::path realisationsFile() const { return dir / "realisasi.json"; }
    std::filesystem::path outbox() const { return dir / "outbox"; }
    std::filesystem::path inbox() const { return dir / "inbox"; }
    std::filesystem::path results() const { return dir / "hasil"; }
    // What collect writes into hasil/: the recap of returns, the Permendagri 86/2017 table and
    // the merged year (collect/evaluation_json.hpp), read by the report and the next period.
    std::filesystem::path recapFile() const { return results() / "rekap-pengumpulan.ods"; }
    std::filesystem::path evalTableFile() const { return results() / "tabel-evaluasi.ods"; }
    std::filesystem::path evaluasiJsonFile() const { return results() / "evaluasi.json"; }
};

bool isWorkspace(const std::filesystem::path& dir);
// Opens a workspace; throws Error when periode.json is missing, unreadable or of an unknown format.
Workspace openWorkspace(const std::filesystem::path& dir);
// Writes periode.json (atomically) and creates outbox/, inbox/, hasil/.
void createWorkspace(const std::filesystem::path& dir, const Period& period);

YearRealisations loadRealisations(const Workspace& ws);   // empty when the file is absent
void saveRealisations(const Workspace& ws, const YearRealisations& values);

}   // namespace evakin
