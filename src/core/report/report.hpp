// "Susun Draf Laporan" (SOP step 8): the draft evaluation report, written
// directly as an ODF text document (no LibreOffice) from the report template
// (templates/laporan-evaluasi.fodt, or the workspace's own templates/ copy)
// and hasil/evaluasi.json, to hasil/laporan-evaluasi-YYYY-twN.odt.
//
// The report is a draft for the Sekretaris to correct in Writer: every
// number comes from collect's merged year, units without a valid return are
// named as such, and the template's wording stays editable.
#pragma once

#include <Poco/DateTime.h>

#include <filesystem>
#include <optional>
#include <string>

#include "text/error.hpp"

namespace evakin {

struct ReportOptions {
    std::string date;                            // ISO date of signing; empty: today
    bool collectIfNeeded = true;                 // run collect when evaluasi.json is missing or stale
    std::optional<Poco::DateTime> packageTime;   // zip entry times; unset: evaluasi.json's modification time
};

struct ReportResult {
    std::filesystem::path file;   // the .odt written
    std::filesystem::path pdf;    // set by the caller after a PDF export
    std::string period;           // "Triwulan I Tahun 2026"
    std::string title;            // "Laporan Evaluasi Kinerja Triwulan I Tahun 2026"
    bool collected = false;       // collect ran first
    std::size_t units = 0, valid = 0, invalid = 0, missing = 0;
    std::size_t rows = 0;   // indicator rows in Bab II
    std::string average;    // office-wide rata-rata capaian, Indonesian format ("87,5") or "-"
    std::string predikat;   // or "-"
    bool complete() const { return missing == 0 && invalid == 0; }
    std::string toJson() const;
    std::string summary(Lang lang) const;
};

// Throws Error (nothing written) when the workspace, evaluasi.json, the
// template or laporan.json cannot be used.
ReportResult writeReport(const std::filesystem::path& workspace, const ReportOptions& options = {});

// "laporan-evaluasi-2026-tw1.odt"
std::string reportFileName(int year, int triwulan);

// Whether hasil/evaluasi.json is missing or older than an input of collect
// (inbox files, realisasi.json, the plan, the profile, penilaian.json, koreksi.json).
bool evaluationIsStale(const std::filesystem::path& workspace);

}   // namespace evakin
