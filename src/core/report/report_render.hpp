// Internal parts of the report renderer (report_*.cpp): each fills one kind
// of placeholder of the template with generated content.
#pragma once

#include <string>

#include "io/odf_document.hpp"
#include "model/profile.hpp"
#include "report/report_data.hpp"
#include "report/report_xml.hpp"

namespace evakin::report {

// Everything a section needs to render itself.
struct Context {
    const Data& data;
    const Profile& profile;
    StyleSet& styles;
};

// Bab II: per unit a heading (2.N name), its data status and its
// Permendagri 86/2017 table (columns 0-17, a K row and an Rp row per indicator).
void unitSections(const Cursor& at, const Context& c);
// Bab III: summary table per unit and for the office.
void summaryTable(const Cursor& at, const Context& c);
// Bab III: faktor pendorong / penghambat / tindak lanjut of every unit.
enum class UnitText { pendorong, penghambat, tindakLanjut };
void unitTexts(const Cursor& at, const Context& c, UnitText which);
// Bab III: late data and corrections.
void notes(const Cursor& at, const Context& c);
// Bab III: an embedded ODF chart of capaian and penyerapan per unit (adds the chart sub-document to `doc`).
void chart(const Cursor& at, const Context& c, OdfDocument& doc);

// Lampiran: the office's Permendagri 86/2017 table (columns 1-18, K and Rp), as tabel-evaluasi.ods.
void lampiran(const Cursor& at, const Context& c);

// Renders the whole report package from a template.
std::string render(const Data& data, const Profile& profile, const Options& options, const std::string& isoDate,
                   const std::string& templateXml, const std::string& templateName, const Poco::DateTime& packageTime);

}   // namespace evakin::report
