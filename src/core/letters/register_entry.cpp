// Register location resolution and the JSON / text views of entries.
#include <Poco/Environment.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Path.h>

#include <sstream>

#include "letters/register.hpp"

namespace evakin {

namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

Poco::JSON::Object::Ptr entryObject(const RegisterEntry& e)
{
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", static_cast<Poco::Int64>(e.id));
    o->set("year", e.year);
    o->set("seq", e.seq);
    o->set("number", e.number);
    o->set("classification", e.classification);
    o->set("kind", e.kind);
    o->set("date", e.date);
    o->set("addressee", e.addressee);
    o->set("subject", e.subject);
    o->set("attachments", e.attachments);
    o->set("createdBy", e.createdBy);
    o->set("createdAt", e.createdAt);
    o->set("status", e.status);
    o->set("voidReason", e.voidReason);
    o->set("voidAt", e.voidAt);
    o->set("path", e.path);
    o->set("sha256", e.sha256);
    return o;
}

}   // namespace

std::string RegisterLocation::display() const
{
    if (kind == Kind::sqlite) return target;
    // Connection strings may carry a password: show only the harmless keys.
    std::istringstream in(target);
    std::string word, out;
    while (in >> word)
        if (!startsWith(word, "password")) out += (out.empty() ? "" : " ") + word;
    return "postgresql:" + out;
}

RegisterLocation resolveRegisterLocation(const std::string& spec)
{
    std::string s = spec.empty() ? Poco::Environment::get("EVAKIN_REGISTER", "") : spec;
    const std::filesystem::path dataDir = std::filesystem::u8path(Poco::Path::dataHome()) / "evakin";
    RegisterLocation loc;
    if (startsWith(s, "postgresql:") || startsWith(s, "postgres:")) {
        loc.kind = RegisterLocation::Kind::postgresql;
        loc.target = s.substr(s.find(':') + 1);
        loc.settingsFile = dataDir / "register.json";
    } else {
        if (startsWith(s, "sqlite:")) s = s.substr(7);
        const std::filesystem::path file =
            s.empty() ? dataDir / "register.sqlite" : std::filesystem::absolute(std::filesystem::u8path(s));
        loc.target = file.u8string();
        loc.settingsFile = file.parent_path() / "register.json";
    }
    const std::string own = Poco::Environment::get("EVAKIN_REGISTER_SETTINGS", "");
    if (!own.empty()) loc.settingsFile = std::filesystem::u8path(own);
    return loc;
}

std::string RegisterEntry::toJson() const
{
    std::ostringstream out;
    entryObject(*this)->stringify(out);
    return out.str();
}

std::string RegisterEntry::statusText(Lang lang) const
{
    const bool en = lang == Lang::en;
    if (status == "issued") return en ? "issued" : "terbit";
    if (status == "reserved")
        return en ? "reserved, letter not finished (void it if the letter was not sent)"
                  : "dipesan, surat belum selesai (batalkan bila surat tidak dikirim)";
    return (en ? "VOID: " : "BATAL: ") + voidReason;
}

std::string entriesToJson(const std::vector<RegisterEntry>& entries)
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", true);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& e : entries) list->add(entryObject(e));
    root.set("entries", list);
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

}   // namespace evakin
