// "Buku Agenda Surat Keluar": the register of one year as a Calc workbook.
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/LocalDateTime.h>

#include <sstream>

#include "io/files.hpp"
#include "io/format_id.hpp"
#include "io/odf_document.hpp"
#include "io/ods_table.hpp"
#include "letters/register.hpp"

namespace evakin {

namespace {

const char* const kTemplate = "buku-agenda.fods";

std::string kindLabel(const std::string& kind)
{
    if (kind == "pengantar") return "Surat Pengantar";
    if (kind == "undangan") return "Undangan";
    return kind;
}

}   // namespace

std::string ExportResult::toJson() const
{
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("ok", true);
    o.set("file", file.u8string());
    o.set("year", year);
    o.set("entries", static_cast<Poco::UInt64>(entries));
    o.set("void", static_cast<Poco::UInt64>(voided));
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::string ExportResult::summary(Lang lang) const
{
    const std::string n = std::to_string(entries), v = std::to_string(voided), y = std::to_string(year);
    return lang == Lang::en
               ? "Outgoing-letter register " + y + ": " + n + " numbers (" + v + " void) -> " + file.u8string() + "\n"
               : "Buku agenda surat keluar " + y + ": " + n + " nomor (" + v + " batal) -> " + file.u8string() + "\n";
}

std::string bukuAgendaFileName(int year) { return "buku-agenda-surat-keluar-" + std::to_string(year) + ".ods"; }

ExportResult exportBukuAgenda(const Register& reg, int year, const std::filesystem::path& file,
                              const std::string& officeName, const std::string& workspaceDir)
{
    const std::vector<RegisterEntry> entries = reg.list(year);
    OdfDocument doc = OdfDocument::fromFlat(loadTemplate(kTemplate, workspaceDir), kTemplate);
    pugi::xml_node table = doc.content().child("table:table");
    pugi::xml_node marker = findRowWithText(table, "{tabel}");
    if (!table || !marker)
        throw Error(
            kTemplate,
            Text{"Templat buku agenda tidak memuat baris {tabel}. Kembalikan baris itu atau pakai templat bawaan.",
                 "The register template has no {tabel} row. Restore that row or use the built-in template."});
    ExportResult result{file, year, entries.size(), 0};
    for (const auto& e : entries) result.voided += e.status == "void" ? 1 : 0;

    const std::string printed = Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%d %H:%M");
    replacePlaceholders(doc.content(), [&](const std::string& key, std::string& value) {
        if (key == "kantor")
            value = officeName;
        else if (key == "tahun")
            value = std::to_string(year);
        else if (key == "dicetak")
            value = formatDateId(printed.substr(0, 10)) + " " + printed.substr(11);
        else if (key == "jumlah")
            value = std::to_string(result.entries);
        else if (key == "batal")
            value = std::to_string(result.voided);
        else
            return false;
        return true;
    });

    OdsTableBuilder builder(table, marker);
    std::size_t no = 0;
    for (const auto& e : entries) {
        OdsRow row = builder.row();
        const bool isVoid = e.status == "void";
        // A void number keeps its row, struck through: the register must show every number taken.
        const char* text = isVoid ? "Evakin_Batal" : e.status == "reserved" ? "Evakin_Dipesan" : "Evakin_Isi";
        row.number(static_cast<double>(++no), isVoid ? "Evakin_Batal" : "Evakin_Isi_Angka");
        row.text(formatDateId(e.date), text);
        row.text(e.number, text);
        row.text(e.classification, text);
        row.number(e.seq, isVoid ? "Evakin_Batal" : "Evakin_Isi_Angka");
        row.text(kindLabel(e.kind), text);
        row.text(e.addressee, text);
        row.text(e.subject, text);
        row.text(e.attachments, text);
        row.text(e.createdBy, text);
        row.text(e.statusText(Lang::id) +
                     (isVoid && !e.voidAt.empty() ? " (" + formatDateId(e.voidAt.substr(0, 10)) + ")" : ""),
                 isVoid ? "Evakin_Batal_Keterangan" : text);
    }
    table.remove_child(marker);
    doc.setTitle("Buku Agenda Surat Keluar Tahun " + std::to_string(year));
    writeFileAtomically(file, doc.toPackage());
    return result;
}

}   // namespace evakin
