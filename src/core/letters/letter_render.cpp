// Turns a letter template (.fodt) and decided content into a zipped ODF text document.
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

}   // namespace

std::string renderLetter(const LetterContent& content)
{
    OdfDocument doc = OdfDocument::fromFlat(content.templateXml, content.templateName);
    pugi::xml_node body = doc.content();
    if (!body || std::string(body.name()) != "office:text")
        throw Error(content.templateName, Text{"Templat surat bukan dokumen Writer (.fodt).",
                                               "The letter template is not a Writer document (.fodt)."});
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
    doc.setTitle(content.title);
    const auto number = content.fields.find("nomor");
    if (number != content.fields.end()) doc.setUserProperty("Evakin Nomor Surat", number->second);
    doc.setUserProperty("Evakin Jenis Surat", letterKindName(content.kind));
    return doc.toPackage();
}

}   // namespace evakin
