// `evakin letter`: a numbered cover letter or meeting invitation into DIR/hasil/.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <iostream>

#include "cli.hpp"
#include "letters/letter.hpp"
#include "letters/register.hpp"

namespace evakin::cli {
namespace {

// "--item 'Naskah|Banyaknya|Keterangan;Naskah 2|2 eksemplar|'": rows separated by ';', fields by '|'.
std::vector<LetterItem> parseItems(const std::string& s)
{
    std::vector<LetterItem> items;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t end = std::min(s.find(';', start), s.size());
        const std::string row = s.substr(start, end - start);
        if (!row.empty()) {
            LetterItem item;
            std::string* fields[] = {&item.naskah, &item.banyaknya, &item.keterangan};
            std::size_t from = 0;
            for (std::size_t i = 0; i < 3 && from <= row.size(); ++i) {
                const std::size_t bar = i == 2 ? row.size() : std::min(row.find('|', from), row.size());
                *fields[i] = row.substr(from, bar - from);
                from = bar + 1;
            }
            if (item.naskah.empty()) throw UsageError("--item: each row needs a name before the first '|'");
            if (item.banyaknya.empty()) item.banyaknya = "1 (satu) berkas";
            items.push_back(item);
        }
        start = end + 1;
    }
    return items;
}

int runLetter(const Args& a, Lang lang)
{
    if (!a.has("kind"))
        throw UsageError(Text{"letter perlu --kind pengantar|undangan", "letter needs --kind pengantar|undangan"});
    LetterRequest req;
    req.workspaceDir = a.onlyDir();
    req.kind = letterKindFromString(a.get("kind"));
    req.classification = a.get("klasifikasi");
    req.date = a.get("date");
    if (a.has("subject")) req.subject = a.get("subject");
    if (a.has("item")) req.extraItems = parseItems(a.get("item"));
    if (a.has("sifat")) req.sifat = a.get("sifat");
    if (a.has("lampiran")) req.lampiran = a.get("lampiran");
    req.meetingDate = a.get("meeting-date");
    if (a.has("time")) req.meetingTime = a.get("time");
    req.meetingPlace = a.get("place");
    req.agenda = a.get("agenda");
    req.createdBy = a.get("by");
    Register reg = Register::open(resolveRegisterLocation(a.get("register")));
    const LetterResult r = produceLetter(req, reg);
    int code = 0;
    const std::filesystem::path pdf = exportPdfIfAsked(a, lang, r.file, code);
    if (a.has("json")) {
        Poco::JSON::Object::Ptr json = Poco::JSON::Parser().parse(r.toJson()).extract<Poco::JSON::Object::Ptr>();
        if (!pdf.empty()) json->set("pdf", pdf.u8string());
        json->stringify(std::cout);
        std::cout << '\n';
    } else {
        std::cout << r.summary(lang);
        if (!pdf.empty()) std::cout << "PDF: " << pdf.u8string() << '\n';
    }
    return code;
}

EVAKIN_COMMAND(
    "letter",
    "  evakin letter DIR --kind pengantar|undangan [--klasifikasi CODE] [--date YYYY-MM-DD] [--subject TEXT]\n"
    "        [--item \"NASKAH|BANYAKNYA|KETERANGAN;...\"] [--sifat TEXT] [--lampiran TEXT] [--by NAME]\n"
    "        [--meeting-date YYYY-MM-DD] [--time TEXT] [--place TEXT] [--agenda TEXT] [--register "
    "PATH|postgresql:CONN]\n"
    "        [--pdf|--pdfa] [--json]\n"
    "        Surat Pengantar (ke BAPPEDA) / Undangan Rapat: takes the next number from the register, writes "
    "DIR/hasil/*.odt.\n"
    "        Exit 1 (no letter written, no number taken): empty subject, unknown classification code, bad date,\n"
    "        missing --meeting-date (undangan), number pattern without {urut}, unwritable hasil/ or data folder,\n"
    "        register locked or unreachable. If writing fails after the number was taken, the number is voided (exit "
    "1).\n"
    "        Exit 5: the letter is written and numbered but its PDF export through LibreOffice failed.\n",
    {{"kind", true},
     {"klasifikasi", true},
     {"date", true},
     {"subject", true},
     {"item", true},
     {"sifat", true},
     {"lampiran", true},
     {"meeting-date", true},
     {"time", true},
     {"place", true},
     {"agenda", true},
     {"by", true},
     {"register", true},
     {"pdf", false},
     {"pdfa", false}},
    runLetter);

}   // namespace
}   // namespace evakin::cli
