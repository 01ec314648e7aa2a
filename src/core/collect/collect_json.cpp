// CollectResult for machines (--json, the UNO API) and for people (terminal, message box).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "collect/collect.hpp"
#include "io/files.hpp"

namespace evakin {

namespace {

Poco::JSON::Object::Ptr newObject() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

}   // namespace

std::string CollectResult::toJson(Lang lang) const
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", true);
    root.set("complete", complete());
    root.set("period", period);
    root.set("workspace", workspace.u8string());
    Poco::JSON::Array::Ptr us = new Poco::JSON::Array;
    for (const UnitCollect& u : units) {
        auto o = newObject();
        o->set("unit", u.code);
        o->set("name", u.name);
        o->set("status", std::string(unitStatusCode(u.status)));
        o->set("file",
               u.file >= 0 ? Poco::Dynamic::Var(files[static_cast<std::size_t>(u.file)].name) : Poco::Dynamic::Var());
        o->set("modified", u.file >= 0 ? Poco::Dynamic::Var(files[static_cast<std::size_t>(u.file)].modified)
                                       : Poco::Dynamic::Var());
        o->set("returns", u.returns);
        o->set("problems", u.problems);
        us->add(o);
    }
    root.set("units", us);
    Poco::JSON::Array::Ptr fs = new Poco::JSON::Array;
    for (const ReturnFile& f : files) {
        auto o = newObject();
        o->set("file", f.name);
        o->set("modified", f.modified);
        o->set("unit", f.unitCode.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(f.unitCode));
        o->set("status", std::string(returnStatusCode(f.status)));
        o->set("identifiedByHeader", f.identifiedByHeader);
        o->set("errors", f.errors);
        o->set("warnings", f.warnings);
        o->set("lateValues", f.lateValues);
        fs->add(o);
    }
    root.set("files", fs);
    Poco::JSON::Array::Ptr ig = new Poco::JSON::Array;
    for (const auto& n : ignored) ig->add(n);
    root.set("ignored", ig);
    Poco::JSON::Array::Ptr ps = new Poco::JSON::Array;
    for (const CollectProblem& p : problems) {
        auto o = newObject();
        o->set("file", p.where.file);
        o->set("unit", p.unitCode);
        o->set("sheet", p.where.sheet);
        o->set("cell", p.where.cell);
        o->set("severity", std::string(p.severity == Severity::error ? "error" : "warning"));
        o->set("message", p.where.message.in(lang));
        ps->add(o);
    }
    root.set("problems", ps);
    Poco::JSON::Array::Ptr ws = new Poco::JSON::Array;
    for (const auto& w : written) ws->add(w.u8string());
    root.set("written", ws);
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

std::string CollectResult::summary(Lang lang) const
{
    const bool en = lang == Lang::en;
    std::size_t valid = 0;
    for (const UnitCollect& u : units) valid += u.status == UnitStatus::valid;
    std::ostringstream out;
    out << (en ? "Returns for " : "Kiriman ") << period << ": " << valid << (en ? " of " : " dari ") << units.size()
        << (en ? " units valid" : " unit sah") << '\n';
    for (const UnitCollect& u : units) {
        out << "- " << u.name << ": ";
        if (u.status == UnitStatus::missing)
            out << (en ? "missing" : "belum mengirim");
        else
            out << (u.status == UnitStatus::valid ? (en ? "valid" : "sah") : (en ? "INVALID" : "TIDAK SAH")) << " ("
                << files[static_cast<std::size_t>(u.file)].name
                << (u.problems ? ", " + std::to_string(u.problems) + (en ? " problems" : " masalah") : "") << ")";
        out << '\n';
    }
    for (const ReturnFile& f : files)
        if (f.status == ReturnStatus::rejected || f.status == ReturnStatus::unreadable ||
            f.status == ReturnStatus::superseded)
            out << "- " << f.name << ": "
                << (f.status == ReturnStatus::superseded
                        ? (en ? "older return, not used" : "kiriman lama, tidak dipakai")
                    : f.status == ReturnStatus::rejected ? (en ? "rejected" : "ditolak")
                                                         : (en ? "unreadable" : "tidak dapat dibaca"))
                << '\n';
    for (const CollectProblem& p : problems)
        if (p.severity == Severity::error) out << "  ! " << p.where.render(lang) << '\n';
    if (!written.empty()) {
        out << (en ? "Written: " : "Ditulis: ");
        for (std::size_t i = 0; i < written.size(); ++i) out << (i ? ", " : "") << written[i].u8string();
        out << '\n';
    }
    return out.str();
}

}   // namespace evakin
