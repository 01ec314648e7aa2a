// `evakin letter`: a numbered cover letter or meeting invitation into DIR/hasil/.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <iostream>

#include "cli.hpp"
#include "letters/letter.hpp"
#include "letters/letter_defaults.hpp"
#include "letters/register.hpp"
#include "settings/office_settings.hpp"

namespace evakin::cli {
namespace {

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
    // Defaults for what is not given: completeLetterRequest, the same for every door.
    if (a.has("item")) req.extraItems = parseLetterItems(a.get("item"), "--item");
    req.addressee = a.get("to");
    req.addresseePlace = a.get("to-place");
    if (a.has("invitees")) req.invitees = parseLetterList(a.get("invitees"));
    req.signatory = a.get("signatory");
    req.sifat = a.get("sifat");
    req.lampiran = a.get("lampiran");
    req.meetingDate = a.get("meeting-date");
    req.meetingTime = a.get("time");
    req.meetingPlace = a.get("place");
    req.agenda = a.get("agenda");
    // --by, else the staff member named in the office settings, else the login name.
    req.createdBy = officeStaffName(a.get("by"));
    Register reg = Register::open(officeRegisterLocation(a.get("register")));
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
    "        [--item \"NASKAH|BANYAKNYA|KETERANGAN;...\"] [--to TEXT] [--to-place TEXT] [--sifat TEXT]\n"
    "        [--lampiran TEXT]\n"
    "        [--meeting-date YYYY-MM-DD] [--time TEXT] [--place TEXT] [--agenda TEXT] [--invitees \"A;B;...\"]\n"
    "        [--signatory sekretaris|kepala] [--by NAME] [--register PATH|postgresql:CONN]\n"
    "        (--by, else nama_petugas of the office settings; --register, else EVAKIN_REGISTER, else their register)\n"
    "        [--pdf|--pdfa] [--json]\n"
    "        Surat Pengantar (ke BAPPEDA) / Undangan Rapat: takes the next number from the register, writes "
    "DIR/hasil/*.odt.\n"
    "        Defaults (as in the toolbar's dialog): today; the period's report as the only row (--item adds\n"
    "        rows after it; an empty BANYAKNYA is \"1 (satu) berkas\"); --to the profile's BAPPEDA,\n"
    "        --to-place the city of its address; a meeting a week after the letter at 09.00, every unit head.\n"
    "        Exit 1 (no letter written, no number taken): empty subject, unknown classification code, bad date,\n"
    "        bad --meeting-date, no invitee, number pattern without {urut}, unwritable hasil/ or data folder,\n"
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
     {"to", true},
     {"to-place", true},
     {"invitees", true},
     {"signatory", true},
     {"by", true},
     {"register", true},
     {"pdf", false},
     {"pdfa", false}},
    runLetter);

}   // namespace
}   // namespace evakin::cli
