#include "io/odf_document.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Zip/Compress.h>

#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>
#include <streambuf>

#include "text/error.hpp"
#include "io/files.hpp"
#include "io/zip_order.hpp"

namespace evakin {

const std::map<std::string, std::string>& embeddedTemplates();   // generated at build time

namespace {

// The one place where text entering a package becomes well-formed XML 1.0, whatever staff pasted: a
// control character (Word's vertical tab, a form feed, an ESC), raw or as the character reference
// pugixml writes for it (&#11;), becomes a space; a byte that is not UTF-8 becomes U+FFFD. Without it
// LibreOffice refuses the whole file. Clean text passes through unchanged.
std::string wellFormedXml(std::string xml)
{
    const auto illegal = [](unsigned v) {
        return (v < 0x20 && v != '\t' && v != '\n' && v != '\r') || v == 0xFFFE || v == 0xFFFF;
    };
    std::string out;
    std::size_t copied = 0;   // xml[copied, i) still to be copied to `out`
    const auto replace = [&](std::size_t i, std::size_t len, const char* with) {
        out.append(xml, copied, i - copied).append(with);
        copied = i + len;
    };
    for (std::size_t i = 0; i < xml.size();) {
        const unsigned char c = static_cast<unsigned char>(xml[i]);
        if (c < 0x80) {
            if (illegal(c)) {
                replace(i, 1, " ");
            } else if (c == '&' && i + 2 < xml.size() && xml[i + 1] == '#') {
                std::size_t j = i + 2;
                unsigned v = 0;
                while (j < xml.size() && j < i + 8 && xml[j] >= '0' && xml[j] <= '9')
                    v = v * 10 + unsigned(xml[j++] - '0');
                if (j > i + 2 && j < xml.size() && xml[j] == ';' && illegal(v)) {
                    replace(i, j + 1 - i, " ");
                    i = j + 1;
                    continue;
                }
            }
            ++i;
            continue;
        }
        // A UTF-8 sequence: lead byte, then 1-3 continuation bytes; no overlong forms, surrogates or
        // values past U+10FFFF (RFC 3629).
        const std::size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                                : c >= 0xE0 && c <= 0xEF ? 3
                                : c >= 0xF0 && c <= 0xF4 ? 4
                                                         : 0;
        bool ok = len != 0 && i + len <= xml.size();
        unsigned v = len == 2 ? c & 0x1Fu : len == 3 ? c & 0x0Fu : c & 0x07u;
        for (std::size_t k = 1; ok && k < len; ++k) {
            const unsigned char cc = static_cast<unsigned char>(xml[i + k]);
            ok = (cc & 0xC0) == 0x80;
            v = (v << 6) | (cc & 0x3Fu);
        }
        ok = ok && !(len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) &&
             !(len == 4 && (v < 0x10000 || v > 0x10FFFF));
        if (!ok) {
            replace(i, 1, "\xEF\xBF\xBD");   // U+FFFD, the replacement character
            ++i;
        } else {
            if (illegal(v)) replace(i, len, " ");
            i += len;
        }
    }
    if (copied == 0) return xml;
    out.append(xml, copied, std::string::npos);
    return out;
}

std::string toXml(const pugi::xml_document& doc)
{
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return wellFormedXml(out.str());
}

// A package part's root: same namespace declarations as the flat document, so every prefix resolves.
pugi::xml_node newPart(pugi::xml_document& part, const pugi::xml_node& flatRoot, const char* rootName)
{
    pugi::xml_node root = part.append_child(rootName);
    for (pugi::xml_attribute a : flatRoot.attributes()) {
        const std::string name = a.name();
        if (name.rfind("xmlns", 0) == 0 || name == "office:version") root.append_attribute(a.name()) = a.value();
    }
    return root;
}

void addEntry(Poco::Zip::Compress& zip, const std::string& name, std::istream& in,
              Poco::Zip::ZipCommon::CompressionMethod method, Poco::Zip::ZipCommon::CompressionLevel level,
              const Poco::DateTime& when)
{
    zip.addFile(in, when, Poco::Path(name, Poco::Path::PATH_UNIX), method, level);
}

void addEntry(Poco::Zip::Compress& zip, const std::string& name, const std::string& data,
              Poco::Zip::ZipCommon::CompressionMethod method, Poco::Zip::ZipCommon::CompressionLevel level,
              const Poco::DateTime& when)
{
    std::istringstream in(data);
    addEntry(zip, name, in, method, level, when);
}

void addEntry(Poco::Zip::Compress& zip, const std::string& name, const std::string& data,
              Poco::Zip::ZipCommon::CompressionMethod method, const Poco::DateTime& when)
{
    addEntry(zip, name, data, method, Poco::Zip::ZipCommon::CL_NORMAL, when);
}

// An input stream whose bytes are made on demand, piece after piece.
class GeneratedBuf : public std::streambuf {
public:
    explicit GeneratedBuf(OdfDocument::PieceSource next) : next_(std::move(next)) {}

protected:
    int_type underflow() override
    {
        chunk_.clear();
        while (chunk_.empty())
            if (!next_(chunk_)) return traits_type::eof();
        setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
        return traits_type::to_int_type(chunk_[0]);
    }

private:
    OdfDocument::PieceSource next_;
    std::string chunk_;
};

}   // namespace

OdfDocument OdfDocument::fromFlat(const std::string& flatXml, const std::string& sourceName)
{
    OdfDocument d;
    const pugi::xml_parse_result ok =
        d.doc_.load_buffer(flatXml.data(), flatXml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!ok || std::string(d.doc_.document_element().name()) != "office:document")
        throw Error(
            sourceName,
            Text{"Templat bukan dokumen ODF datar (.fods/.fodt) yang sah: " + std::string(ok.description()),
                 "The template is not a valid flat ODF document (.fods/.fodt): " + std::string(ok.description())});
    d.mimetype_ = d.root().attribute("office:mimetype").value();
    d.sourceName_ = sourceName;
    d.root().attribute("office:version").set_value("1.3");
    return d;
}

pugi::xml_node OdfDocument::content() const
{
    pugi::xml_node body = root().child("office:body");
    pugi::xml_node sheet = body.child("office:spreadsheet");
    return sheet ? sheet : body.child("office:text");
}

pugi::xml_node OdfDocument::automaticStyles() const
{
    pugi::xml_node styles = root().child("office:automatic-styles");
    if (!styles)
        styles = root().insert_child_before("office:automatic-styles", root().child("office:master-styles")
                                                                           ? root().child("office:master-styles")
                                                                           : root().child("office:body"));
    return styles;
}

pugi::xml_node OdfDocument::meta() const
{
    pugi::xml_node m = root().child("office:meta");
    if (!m) m = root().prepend_child("office:meta");
    return m;
}

void OdfDocument::setTitle(const std::string& title)
{
    pugi::xml_node t = meta().child("dc:title");
    if (!t) t = meta().append_child("dc:title");
    t.text().set(title.c_str());
}

void OdfDocument::setCreationDate(const std::string& isoDateTime)
{
    pugi::xml_node t = meta().child("meta:creation-date");
    if (!t) t = meta().append_child("meta:creation-date");
    t.text().set(isoDateTime.c_str());
}

void OdfDocument::setUserProperty(const std::string& name, const std::string& value)
{
    for (pugi::xml_node p : meta().children("meta:user-defined"))
        if (name == p.attribute("meta:name").value()) {
            p.text().set(value.c_str());
            return;
        }
    pugi::xml_node p = meta().append_child("meta:user-defined");
    p.append_attribute("meta:name") = name.c_str();
    p.append_attribute("meta:value-type") = "string";
    p.text().set(value.c_str());
}

void OdfDocument::addPart(const std::string& path, const std::string& data, const std::string& mediaType)
{
    extra_.push_back(ExtraEntry{path, data, mediaType, true});
}

void OdfDocument::addManifestEntry(const std::string& path, const std::string& mediaType)
{
    extra_.push_back(ExtraEntry{path, {}, mediaType, false});
}

void OdfDocument::streamRows(const std::string& token, PieceSource rows)
{
    rowsToken_ = token;
    rows_ = std::move(rows);
}

std::string OdfDocument::manifestXml() const
{
    pugi::xml_document doc;
    pugi::xml_node m = doc.append_child("manifest:manifest");
    m.append_attribute("xmlns:manifest") = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    m.append_attribute("manifest:version") = "1.3";
    const auto entry = [&m](const std::string& path) {
        pugi::xml_node e = m.append_child("manifest:file-entry");
        e.append_attribute("manifest:full-path") = path.c_str();
        return e;
    };
    pugi::xml_node rootEntry = entry("/");
    rootEntry.append_attribute("manifest:version") = "1.3";
    rootEntry.append_attribute("manifest:media-type") = mimetype_.c_str();
    std::vector<std::string> parts{"content.xml", "styles.xml", "meta.xml"};
    if (root().child("office:settings")) parts.push_back("settings.xml");
    for (const std::string& part : parts) entry(part).append_attribute("manifest:media-type") = "text/xml";
    for (const ExtraEntry& x : extra_) {
        pugi::xml_node e = entry(x.path);
        e.append_attribute("manifest:media-type") = x.mediaType.c_str();
        // An embedded sub-document's folder carries its ODF version, as the package's root does.
        if (!x.hasData && x.mediaType.rfind("application/vnd.oasis.opendocument.", 0) == 0)
            e.append_attribute("manifest:version") = "1.3";
    }
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out.str();
}

std::string OdfDocument::toPackage(const Poco::DateTime& now) const
{
    const pugi::xml_node flat = root();
    // Page layouts belong to styles.xml (master pages use them); all other automatic styles to content.xml.
    pugi::xml_document content, styles, metaDoc, settings;
    pugi::xml_node c = newPart(content, flat, "office:document-content");
    pugi::xml_node s = newPart(styles, flat, "office:document-styles");
    pugi::xml_node m = newPart(metaDoc, flat, "office:document-meta");
    if (pugi::xml_node ff = flat.child("office:font-face-decls")) {
        c.append_copy(ff);
        s.append_copy(ff);
    }
    if (pugi::xml_node st = flat.child("office:styles")) s.append_copy(st);
    pugi::xml_node cAuto = c.append_child("office:automatic-styles");
    pugi::xml_node sAuto = s.append_child("office:automatic-styles");
    for (pugi::xml_node a : flat.child("office:automatic-styles").children())
        (std::string(a.name()) == "style:page-layout" ? sAuto : cAuto).append_copy(a);
    if (pugi::xml_node ms = flat.child("office:master-styles")) s.append_copy(ms);
    c.append_copy(flat.child("office:body"));
    if (pugi::xml_node md = flat.child("office:meta")) m.append_copy(md);
    const bool hasSettings = static_cast<bool>(flat.child("office:settings"));
    if (hasSettings) newPart(settings, flat, "office:document-settings").append_copy(flat.child("office:settings"));

    using Poco::Zip::ZipCommon;
    const ZipCommon::CompressionLevel level = rows_ ? ZipCommon::CL_SUPERFAST : ZipCommon::CL_NORMAL;
    std::ostringstream out;
    {
        Poco::Zip::Compress zip(out, true);
        // first and stored: ODF 1.3 part 2, 3.3
        addEntry(zip, "mimetype", mimetype_, ZipCommon::CM_STORE, level, now);
        const std::string contentXml = toXml(content);
        if (rows_) {
            // The token row's text, then the rows made on demand, then the rest.
            const std::size_t token = contentXml.find(rowsToken_);
            const bool found = token != std::string::npos;
            const std::size_t start = found ? contentXml.rfind("<table:table-row", token) : std::string::npos;
            std::size_t end = found ? contentXml.find("</table:table-row>", token) : std::string::npos;
            if (start == std::string::npos || end == std::string::npos)
                throw Error(sourceName_, Text{"Tabel tidak dapat disusun dari templat ini. Pakai templat bawaan.",
                                              "The table cannot be built from this template. Use the built-in "
                                              "template."});
            end += std::strlen("</table:table-row>");
            int stage = 0;   // before the token row, the rows, after it
            GeneratedBuf buf([&](std::string& piece) {
                if (stage == 1 && rows_(piece)) return true;
                if (stage == 1) stage = 2;
                if (stage == 3) return false;
                piece.append(contentXml, stage == 0 ? 0 : end, stage == 0 ? start : std::string::npos);
                ++stage;
                return true;
            });
            std::istream in(&buf);
            addEntry(zip, "content.xml", in, ZipCommon::CM_DEFLATE, level, now);
        } else {
            addEntry(zip, "content.xml", contentXml, ZipCommon::CM_DEFLATE, level, now);
        }
        addEntry(zip, "styles.xml", toXml(styles), ZipCommon::CM_DEFLATE, level, now);
        addEntry(zip, "meta.xml", toXml(metaDoc), ZipCommon::CM_DEFLATE, level, now);
        if (hasSettings) addEntry(zip, "settings.xml", toXml(settings), ZipCommon::CM_DEFLATE, level, now);
        for (const ExtraEntry& e : extra_)
            if (e.hasData)
                addEntry(zip, e.path, e.mediaType.find("xml") != std::string::npos ? wellFormedXml(e.data) : e.data,
                         ZipCommon::CM_DEFLATE, now);
        addEntry(zip, "META-INF/manifest.xml", manifestXml(), ZipCommon::CM_DEFLATE, level, now);
        zip.close();
    }
    std::string package = out.str();
    moveCentralDirectoryEntryFirst(package, "mimetype");
    return package;
}

std::string loadTemplate(const std::string& fileName, const std::string& workspaceDir)
{
    if (!workspaceDir.empty()) {
        const auto own = std::filesystem::u8path(workspaceDir) / "templates" / std::filesystem::u8path(fileName);
        if (std::filesystem::exists(own)) return readFile(own);
    }
    const auto& builtIn = embeddedTemplates();
    const auto it = builtIn.find(fileName);
    if (it == builtIn.end()) throw Error(fileName, Text{"Templat tidak ditemukan.", "Template not found."});
    return it->second;
}

}   // namespace evakin
