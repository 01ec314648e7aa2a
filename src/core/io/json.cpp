#include "io/json.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

namespace evakin {

Poco::JSON::Object::Ptr parseJsonObject(const std::string& json, const std::string& sourceName,
                                        const JsonDamaged& damaged)
{
    std::string detail;
    try {
        Poco::JSON::Object::Ptr root = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
        if (root) return root;
        detail = "null";
    } catch (const Poco::Exception& e) {
        // displayText(): what() is only the exception's class name ("JSON Exception").
        detail = e.displayText();
    } catch (const std::exception& e) {
        detail = e.what();
    }
    throw Error(sourceName, damaged(detail));
}

std::optional<double> optionalNumber(const Poco::JSON::Object::Ptr& o, const std::string& key)
{
    if (!o || !o->has(key) || o->isNull(key)) return std::nullopt;
    const Poco::Dynamic::Var v = o->get(key);
    if (!v.isNumeric()) return std::nullopt;
    return v.convert<double>();
}

void failJsonField(const std::string& file, const std::string& field, const std::string& id, const std::string& en)
{
    Problem p;
    p.file = file;
    p.field = field;
    p.message = Text{id, en};
    throw Error(p);
}

Poco::JSON::Array textsToJson(const std::vector<Text>& texts)
{
    Poco::JSON::Array list;
    for (const Text& t : texts) {
        Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
        item.set("id", t.id);
        item.set("en", t.en);
        list.add(item);
    }
    return list;
}

}   // namespace evakin
