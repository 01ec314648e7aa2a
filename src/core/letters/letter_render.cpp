// Turns a letter template (.fodt) and decided content into a zipped ODF text document.
#include <iomanip>
#include <sstream>

#include "io/files.hpp"
#include "text/error.hpp"
#include "letters/letter_content.hpp"
#include "io/odf_document.hpp"

namespace evakin {

namespace {

std::string allText(pugi::xml_node n)
{
    std::string out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        out += c.type() == pugi::node_pcdata ? std::string(c.value()) : allText(c);
    return out;
}

void collectParagraphs(pugi::xml_node n, std::vector<pugi::xml_node>& out)
{
    for (pugi::xml_node c : n.children()) {
        if (std::string(c.name()) == "text:p")
            out.push_back(c);
        else
            collectParagraphs(c, out);
    }
}

// A paragraph holding only "{key}" becomes one paragraph per line (same style);
// no lines removes it, so an optional line ("a.n. Kepala Dinas") leaves no gap.
void expandLists(pugi::xml_node body, const std::map<std::string, std::vector<std::string>>& lists)
{
    std::vector<pugi::xml_node> paragraphs;
    collectParagraphs(body, paragraphs);
    for (pugi::xml_node p : paragraphs) {
        const std::string text = allText(p);
        if (text.size() < 3 || text.front() != '{' || text.back() != '}') continue;
        const auto it = lists.find(text.substr(1, text.size() - 2));
        if (it == lists.end()) continue;
        for (const auto& line : it->second) {
            pugi::xml_node copy = p.parent().insert_copy_before(p, p);
            while (copy.first_child()) copy.remove_child(copy.first_child());
            copy.append_child(pugi::node_pcdata).set_value(line.c_str());
        }
        p.parent().remove_child(p);
    }
}

pugi::xml_node findRow(pugi::xml_node n, const std::string& needle)
{
    for (pugi::xml_node c : n.children()) {
        if (std::string(c.name()) == "table:table-row" && allText(c).find(needle) != std::string::npos) return c;
        if (pugi::xml_node found = findRow(c, needle)) return found;
    }
    return {};
}

// A field holding several lines ("\n") becomes one paragraph with line breaks: the kop's address
// and its laman/pos-el line share the paragraph that carries the kop's closing rule.
void breakLines(pugi::xml_node n)
{
    for (pugi::xml_node c = n.first_child(); c;) {
        const pugi::xml_node next = c.next_sibling();
        if (c.type() == pugi::node_pcdata) {
            const std::string text = c.value();
            std::size_t nl = text.find('\n');
            if (nl != std::string::npos) {
                std::size_t start = 0;
                for (; nl != std::string::npos; start = nl + 1, nl = text.find('\n', start)) {
                    n.insert_child_before(pugi::node_pcdata, c).set_value(text.substr(start, nl - start).c_str());
                    n.insert_child_before("text:line-break", c);
                }
                c.set_value(text.substr(start).c_str());
            }
        } else {
            breakLines(c);
        }
        c = next;
    }
}

std::string cm(double v)
{
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << std::fixed << std::setprecision(2) << v << "cm";
    return out.str();
}

pugi::xml_node addStyle(pugi::xml_node styles, const char* name, const char* family)
{
    pugi::xml_node st = styles.append_child("style:style");
    st.append_attribute("style:name") = name;
    st.append_attribute("style:family") = family;
    return st;
}

// The kop with the lambang daerah (Permendagri 1/2023): the emblem at the left, the office's name and
// address centred beside it, the closing double rule under both across the page. The kop paragraphs
// `first`..`count` of the template are moved into a borderless two-column table.
void kopWithLambang(OdfDocument& doc, pugi::xml_node first, std::size_t count, const LetterPicture& pic)
{
    if (!first) return;
    pugi::xml_node root = doc.root();
    if (!root.attribute("xmlns:draw"))
        root.append_attribute("xmlns:draw") = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    if (!root.attribute("xmlns:xlink")) root.append_attribute("xmlns:xlink") = "http://www.w3.org/1999/xlink";
    const double textWidth = 16.5, emblemColumn = pic.widthCm + 0.4;
    pugi::xml_node styles = doc.automaticStyles();
    addStyle(styles, "Evakin_Kop_Tabel", "table")
        .append_child("style:table-properties")
        .append_attribute("style:width") = cm(textWidth).c_str();
    styles.last_child().child("style:table-properties").append_attribute("table:align") = "margins";
    styles.last_child().child("style:table-properties").append_attribute("fo:margin-bottom") = "0.5cm";
    const auto column = [&](const char* name, double width) {
        pugi::xml_node p = addStyle(styles, name, "table-column").append_child("style:table-column-properties");
        p.append_attribute("style:column-width") = cm(width).c_str();
        p.append_attribute("style:rel-column-width") = (std::to_string(static_cast<int>(width * 1000)) + "*").c_str();
    };
    column("Evakin_Kop_Tabel.A", emblemColumn);
    column("Evakin_Kop_Tabel.B", textWidth - emblemColumn);
    pugi::xml_node cell = addStyle(styles, "Evakin_Kop_Sel", "table-cell").append_child("style:table-cell-properties");
    cell.append_attribute("fo:padding") = "0.05cm";
    cell.append_attribute("fo:border-left") = "none";
    cell.append_attribute("fo:border-right") = "none";
    cell.append_attribute("fo:border-top") = "none";
    cell.append_attribute("fo:border-bottom") = "2.5pt double #000000";
    cell.append_attribute("style:border-line-width-bottom") = "0.05cm 0.03cm 0.05cm";
    cell.append_attribute("style:vertical-align") = "middle";
    pugi::xml_node graphic = addStyle(styles, "Evakin_Lambang", "graphic").append_child("style:graphic-properties");
    graphic.append_attribute("style:vertical-pos") = "middle";
    graphic.append_attribute("style:vertical-rel") = "line";
    graphic.append_attribute("fo:border") = "none";

    pugi::xml_node parent = first.parent();
    pugi::xml_node table = parent.insert_child_before("table:table", first);
    table.append_attribute("table:name") = "Kop";
    table.append_attribute("table:style-name") = "Evakin_Kop_Tabel";
    table.append_child("table:table-column").append_attribute("table:style-name") = "Evakin_Kop_Tabel.A";
    table.append_child("table:table-column").append_attribute("table:style-name") = "Evakin_Kop_Tabel.B";
    pugi::xml_node row = table.append_child("table:table-row");
    pugi::xml_node left = row.append_child("table:table-cell"), right = row.append_child("table:table-cell");
    for (pugi::xml_node c : {left, right}) {
        c.append_attribute("table:style-name") = "Evakin_Kop_Sel";
        c.append_attribute("office:value-type") = "string";
    }
    pugi::xml_node emblemParagraph = left.append_child("text:p");
    emblemParagraph.append_attribute("text:style-name") = first.attribute("text:style-name").value();
    pugi::xml_node frame = emblemParagraph.append_child("draw:frame");
    frame.append_attribute("draw:style-name") = "Evakin_Lambang";
    frame.append_attribute("draw:name") = "Lambang daerah";
    frame.append_attribute("text:anchor-type") = "as-char";
    frame.append_attribute("svg:width") = cm(pic.widthCm).c_str();
    frame.append_attribute("svg:height") = cm(pic.heightCm).c_str();
    frame.append_attribute("draw:z-index") = "0";
    pugi::xml_node image = frame.append_child("draw:image");
    image.append_attribute("xlink:href") = ("Pictures/lambang" + pic.extension).c_str();
    image.append_attribute("xlink:type") = "simple";
    image.append_attribute("xlink:show") = "embed";
    image.append_attribute("xlink:actuate") = "onLoad";
    doc.addPart("Pictures/lambang" + pic.extension, pic.bytes, pic.mediaType);

    // The kop lines and the address paragraph after them; the address loses its own rule and
    // spacing, which the table's cells now carry.
    pugi::xml_node p = first;
    for (std::size_t i = 0; i <= count && p && std::string(p.name()) == "text:p"; ++i) {
        const pugi::xml_node next = p.next_sibling();
        if (i == count) {
            const std::string own = p.attribute("text:style-name").value();
            pugi::xml_node st = addStyle(styles, "Evakin_Kop_Alamat_Sel", "paragraph");
            st.append_attribute("style:parent-style-name") = own.c_str();
            pugi::xml_node props = st.append_child("style:paragraph-properties");
            props.append_attribute("fo:border") = "none";
            props.append_attribute("fo:padding") = "0cm";
            props.append_attribute("fo:margin-bottom") = "0.1cm";
            p.attribute("text:style-name") = "Evakin_Kop_Alamat_Sel";
        }
        right.append_move(p);
        p = next;
    }
}

}   // namespace

LetterPicture loadLambang(const std::filesystem::path& file)
{
    const std::string name = file.u8string();
    std::string bytes;
    try {
        bytes = readFile(file);
    } catch (const Error&) {
        throw Error(name, Text{"Berkas lambang daerah tidak dapat dibaca. Periksa isian Lambang daerah di Profil "
                               "Kantor (berkas PNG atau JPG; jalur relatif terhadap folder ruang kerja).",
                               "The emblem file cannot be read. Check the Regional emblem field of the Office "
                               "Profile (a PNG or JPG file; a relative path is from the workspace folder)."});
    }
    const auto u8 = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[i])); };
    const auto be16 = [&](std::size_t i) { return u8(i) << 8 | u8(i + 1); };
    LetterPicture pic;
    unsigned width = 0, height = 0;
    if (bytes.size() > 24 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
        pic.mediaType = "image/png";
        pic.extension = ".png";
        width = be16(16) << 16 | be16(18);
        height = be16(20) << 16 | be16(22);
    } else if (bytes.size() > 4 && u8(0) == 0xFF && u8(1) == 0xD8) {
        pic.mediaType = "image/jpeg";
        pic.extension = ".jpg";
        // The frame's size comes from the first SOFn segment (not DHT C4, JPG C8, DAC CC).
        for (std::size_t i = 2; i + 9 < bytes.size() && u8(i) == 0xFF;) {
            const unsigned marker = u8(i + 1);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                height = be16(i + 5);
                width = be16(i + 7);
                break;
            }
            i += 2 + be16(i + 2);
        }
    }
    if (pic.mediaType.empty() || width == 0 || height == 0)
        throw Error(name, Text{"Berkas lambang daerah bukan gambar PNG atau JPG. Simpan lambang sebagai PNG atau JPG "
                               "lalu isi jalurnya di Profil Kantor.",
                               "The emblem file is not a PNG or JPG image. Save the emblem as PNG or JPG and give its "
                               "path in the Office Profile."});
    pic.bytes = std::move(bytes);
    pic.heightCm = 2.2;
    pic.widthCm = std::min(3.0, pic.heightCm * width / height);
    if (pic.widthCm == 3.0) pic.heightCm = 3.0 * height / width;
    return pic;
}

std::string renderLetter(const LetterContent& content)
{
    OdfDocument doc = OdfDocument::fromFlat(content.templateXml, content.templateName);
    pugi::xml_node body = doc.content();
    if (!body || std::string(body.name()) != "office:text")
        throw Error(content.templateName, Text{"Templat surat bukan dokumen Writer (.fodt).",
                                               "The letter template is not a Writer document (.fodt)."});
    // Where the kop starts: the paragraph holding only {kop}, found before it becomes the kop's lines.
    pugi::xml_node kopPrev, kopParent;
    bool hasKop = false;
    {
        std::vector<pugi::xml_node> paragraphs;
        collectParagraphs(body, paragraphs);
        for (pugi::xml_node p : paragraphs)
            if (allText(p) == "{kop}") {
                kopPrev = p.previous_sibling();
                kopParent = p.parent();
                hasKop = true;
                break;
            }
    }
    expandLists(body, content.lists);

    if (content.kind == LetterKind::pengantar) {
        pugi::xml_node row = findRow(body, "{naskah}");
        if (!row)
            throw Error(content.templateName, Text{"Templat surat pengantar tidak memuat baris tabel {naskah}. "
                                                   "Kembalikan baris itu atau pakai templat bawaan.",
                                                   "The cover-letter template has no table row with {naskah}. Restore "
                                                   "that row or use the built-in template."});
        std::size_t no = 0;
        for (const auto& item : content.items) {
            pugi::xml_node copy = row.parent().insert_copy_before(row, row);
            const std::string number = std::to_string(++no);
            replacePlaceholders(copy, [&](const std::string& key, std::string& value) {
                if (key == "no")
                    value = number;
                else if (key == "naskah")
                    value = item.naskah;
                else if (key == "banyaknya")
                    value = item.banyaknya;
                else if (key == "keterangan")
                    value = item.keterangan;
                else
                    return false;
                return true;
            });
        }
        row.parent().remove_child(row);
    }

    replacePlaceholders(body, [&](const std::string& key, std::string& value) {
        const auto it = content.fields.find(key);
        if (it == content.fields.end()) return false;   // unknown placeholders stay visible for staff to fill in
        value = it->second;
        return true;
    });
    breakLines(body);
    if (content.lambang && hasKop) {
        const auto kop = content.lists.find("kop");
        const std::size_t lines = kop == content.lists.end() ? 0 : kop->second.size();
        kopWithLambang(doc, kopPrev ? kopPrev.next_sibling() : kopParent.first_child(), lines, *content.lambang);
    }
    doc.setTitle(content.title);
    const auto number = content.fields.find("nomor");
    if (number != content.fields.end()) doc.setUserProperty("Evakin Nomor Surat", number->second);
    doc.setUserProperty("Evakin Jenis Surat", letterKindName(content.kind));
    return doc.toPackage();
}

}   // namespace evakin
