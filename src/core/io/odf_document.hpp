// An ODF document built in memory from a flat ODF template (.fods / .fodt:
// a real document staff can open and edit in LibreOffice) and written out as
// a zipped ODF 1.3 package with Poco::Zip. The template supplies styles, page
// layout and wording; Evakin adds the data to the body.
#pragma once

#include <Poco/DateTime.h>
#include <pugixml.hpp>

#include <functional>
#include <string>
#include <vector>

namespace evakin {

class OdfDocument {
public:
    // Parses a flat ODF document; `sourceName` names it in errors.
    static OdfDocument fromFlat(const std::string& flatXml, const std::string& sourceName);

    OdfDocument(OdfDocument&&) = default;
    OdfDocument& operator=(OdfDocument&&) = default;

    pugi::xml_node root() const { return doc_.document_element(); }
    pugi::xml_node content() const;           // office:body/office:spreadsheet or office:text
    pugi::xml_node automaticStyles() const;   // office:automatic-styles (created when absent)
    const std::string& mimetype() const { return mimetype_; }

    void setTitle(const std::string& title);
    // A custom document property (meta:user-defined), kept by LibreOffice in .ods and .xlsx.
    void setUserProperty(const std::string& name, const std::string& value);
    void setCreationDate(const std::string& isoDateTime);

    // An extra package entry written after the main parts, e.g. an embedded
    // chart's "Object 1/content.xml"; listed in the manifest with its media type.
    void addPart(const std::string& path, const std::string& data, const std::string& mediaType = "text/xml");
    // A manifest entry without data: the folder of an embedded object ("Object 1/"),
    // whose media type tells LibreOffice what kind of sub-document it is.
    void addManifestEntry(const std::string& path, const std::string& mediaType);

    // Appends the next piece of XML to its argument; false when there is none left.
    using PieceSource = std::function<bool(std::string& piece)>;
    // When the package is written, the one table row of the content holding the text `token`
    // is replaced by what `rows` makes, piece after piece, straight into the deflater: the
    // evaluation table of a large office is tens of MB of rows, made as text (OdsTextRow) and
    // never held whole, nor as a pugixml tree. The package is then compressed at the fastest
    // level, which keeps collect's time on large offices. Throws Error when no row holds it.
    void streamRows(const std::string& token, PieceSource rows);

    // The zipped package: mimetype first and stored, then content, styles, meta, settings, manifest.
    // Entries carry `entriesTime`; pass a fixed time where reruns must give identical bytes.
    std::string toPackage(const Poco::DateTime& entriesTime = Poco::DateTime()) const;

private:
    OdfDocument() = default;
    pugi::xml_node meta() const;
    struct ExtraEntry {
        std::string path, data, mediaType;
        bool hasData = true;
    };
    std::string manifestXml() const;
    pugi::xml_document doc_;
    std::string mimetype_;
    std::string sourceName_;
    std::vector<ExtraEntry> extra_;
    std::string rowsToken_;
    PieceSource rows_;
};

// Replaces "{name}" placeholders in every text node below `node`.
template <class Lookup> void replacePlaceholders(pugi::xml_node node, const Lookup& lookup);

// Fetches a template by file name: the workspace's own templates/ folder wins
// (staff-customised), else the copy compiled into Evakin.
std::string loadTemplate(const std::string& fileName, const std::string& workspaceDir = {});

}   // namespace evakin

#include "io/odf_document_impl.hpp"
