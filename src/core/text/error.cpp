#include "text/error.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace evakin {

Lang langFromString(const std::string& s)
{
    return (s.size() >= 2 && (s[0] == 'e' || s[0] == 'E') && (s[1] == 'n' || s[1] == 'N')) ? Lang::en : Lang::id;
}

std::string Problem::render(Lang lang) const
{
    const bool en = lang == Lang::en;
    std::string where;
    auto add = [&where](const std::string& part) {
        if (part.empty()) return;
        if (!where.empty()) where += ", ";
        where += part;
    };
    add(file);
    if (!sheet.empty()) add((en ? "sheet " : "lembar ") + sheet);
    if (!cell.empty()) add((en ? "cell " : "sel ") + cell);
    if (!place.in(lang).empty())
        add(place.in(lang));
    else if (!field.empty())
        add((en ? "field " : "isian ") + field);
    return where.empty() ? message.in(lang) : where + ": " + message.in(lang);
}

static std::string joinRendered(const std::vector<Problem>& problems, Lang lang)
{
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) out += '\n';
        out += p.render(lang);
    }
    return out;
}

Error::Error(std::vector<Problem> problems)
    : std::runtime_error(joinRendered(problems, Lang::id)), problems_(std::move(problems))
{
}

Error::Error(Problem problem) : Error(std::vector<Problem>{std::move(problem)}) {}

Error::Error(std::string file, Text message) : Error(Problem{std::move(file), {}, {}, {}, std::move(message)}) {}

std::string Error::render(Lang lang) const { return joinRendered(problems_, lang); }

std::string problemsToJson(const std::vector<Problem>& problems, Lang lang)
{
    Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
    root.set("ok", false);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& p : problems) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("file", p.file);
        o->set("sheet", p.sheet);
        o->set("cell", p.cell);
        o->set("field", p.field);
        if (!p.place.in(lang).empty()) o->set("place", p.place.in(lang));
        o->set("message", p.message.in(lang));
        list->add(o);
    }
    root.set("problems", list);
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

}   // namespace evakin
