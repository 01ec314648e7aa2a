// hasil/pengiriman.json: one entry per message sent (a form, or a reminder:
// "jenis"), kept so that a form is never sent twice by accident, nor a
// reminder twice in a day, and so staff can tell a unit when and to which
// address its form went. Entries written before reminders existed have no
// "jenis" and read as forms.
#include "mail/mail.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "io/files.hpp"
#include "io/json.hpp"

namespace evakin {

std::filesystem::path sendRecordFile(const std::filesystem::path& workspaceDir)
{
    return workspaceDir / "hasil" / "pengiriman.json";
}

std::vector<SentMail> loadSendRecord(const std::filesystem::path& workspaceDir)
{
    const std::filesystem::path file = sendRecordFile(workspaceDir);
    std::vector<SentMail> out;
    if (!std::filesystem::exists(file)) return out;
    const std::string name = "hasil/pengiriman.json";
    const auto root = parseJsonObject(readFile(file), name, [](const Text&) {
        return Text{"catatan pengiriman rusak (bukan JSON yang sah); perbaiki atau hapus berkas ini (tanpa catatan, "
                    "semua unit dianggap belum dikirimi)",
                    "the sending record is damaged (not valid JSON); fix or delete this file (without it, no unit "
                    "counts as sent)"};
    });
    const auto list = root->getArray("pengiriman");
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto o = list->getObject(static_cast<unsigned>(i));
        if (!o) continue;
        SentMail m;
        m.kind = o->optValue<std::string>("jenis", kKindForm);
        m.unitCode = o->optValue<std::string>("unit", "");
        m.address = o->optValue<std::string>("alamat", "");
        m.file = o->optValue<std::string>("berkas", "");
        m.messageId = o->optValue<std::string>("idPesan", "");
        m.time = o->optValue<std::string>("waktu", "");
        m.reason = o->optValue<std::string>("alasan", "");
        if (!m.unitCode.empty()) out.push_back(m);
    }
    return out;
}

void saveSendRecord(const std::filesystem::path& workspaceDir, const std::vector<SentMail>& record)
{
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const SentMail& m : record) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("jenis", m.kind);
        o->set("unit", m.unitCode);
        o->set("alamat", m.address);
        o->set("berkas", m.file);
        o->set("idPesan", m.messageId);
        o->set("waktu", m.time);
        if (!m.reason.empty()) o->set("alasan", m.reason);
        list->add(o);
    }
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("pengiriman", list);
    std::ostringstream s;
    root.stringify(s, 2);
    s << '\n';
    writeFileAtomically(sendRecordFile(workspaceDir), s.str());
}

}   // namespace evakin
