// Text pasted from elsewhere (Word's vertical tab, an ESC sequence, bytes that
// are not UTF-8) must not break a document: the ODF writer makes every part
// well-formed XML 1.0, in one place.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "collect/test_collect_support.hpp"
#include "io/odf_document.hpp"

using namespace evakin;
using namespace evakin::test;

TEST_CASE("control characters and broken UTF-8 in text become well-formed XML", "[odf][faults]")
{
    OdfDocument doc = OdfDocument::fromFlat(loadTemplate("surat-pengantar.fodt"), "surat-pengantar.fodt");
    const std::string pasted = std::string("Laporan\vEvaluasi\x1b[31m merah\f") + "\xff\xfe" + " Kinerja \xe2\x82";
    pugi::xml_node p = doc.content().append_child("text:p");
    p.text().set(pasted.c_str());
    p.append_attribute("text:style-name") = pasted.c_str();
    doc.setTitle(pasted);
    doc.setUserProperty("evakin.unit", "DSI\x01");
    doc.addPart("Object 1/content.xml", "<?xml version=\"1.0\"?><x>a\vb</x>");
    const Entries parts = unzip(doc.toPackage(Poco::DateTime(2026, 4, 1)));
    for (const auto& [name, xml] : parts) {
        if (name == "mimetype") continue;
        INFO(name);
        pugi::xml_document parsed;
        CHECK(parsed.load_buffer(xml.data(), xml.size()));   // pugixml accepts &#11;: check the bytes too
        CHECK(xml.find("&#11;") == std::string::npos);
        CHECK(xml.find("&#27;") == std::string::npos);
        CHECK(xml.find('\v') == std::string::npos);
        CHECK(xml.find('\x1b') == std::string::npos);
        CHECK(xml.find('\xff') == std::string::npos);
    }
    std::string content;
    for (const auto& [name, xml] : parts)
        if (name == "content.xml") content = xml;
    CHECK(content.find("Laporan Evaluasi [31m merah \xef\xbf\xbd\xef\xbf\xbd Kinerja \xef\xbf\xbd\xef\xbf\xbd") !=
          std::string::npos);
}

TEST_CASE("clean text passes the writer unchanged", "[odf]")
{
    OdfDocument doc = OdfDocument::fromFlat(loadTemplate("surat-pengantar.fodt"), "surat-pengantar.fodt");
    const std::string text = "Dinas Penanaman Modal \xe2\x80\x94 Rp 1.500.000 \xf0\x9f\x93\x84 \"a\" & <b>\ttab";
    doc.content().append_child("text:p").text().set(text.c_str());
    std::string content;
    for (const auto& [name, xml] : unzip(doc.toPackage(Poco::DateTime(2026, 4, 1))))
        if (name == "content.xml") content = xml;
    CHECK(content.find("Dinas Penanaman Modal \xe2\x80\x94 Rp 1.500.000 \xf0\x9f\x93\x84 \"a\" &amp; &lt;b&gt;\ttab") !=
          std::string::npos);
}
