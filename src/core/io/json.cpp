#include "io/json.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <charconv>
#include <cmath>

#include "io/number_parse.hpp"
#include "text/tech_log.hpp"

namespace evakin {

namespace {

// What went wrong in staff words, from the parser's account (which goes to the tech log, not to the message).
Text damagedWhy(const std::string& detail)
{
    if (detail.find("Not a valid") != std::string::npos)   // "... unsigned integer", "... floating-point number"
        return {"ada angka yang terlalu panjang atau terlalu besar untuk dibaca dengan tepat",
                "a number is too long or too large to be read exactly"};
    if (detail == "not an object")
        return {"isinya bukan daftar isian { ... } yang diharapkan", "it does not hold the expected { ... } list"};
    return {"isinya bukan JSON yang sah: ada koma, tanda kutip atau kurung yang salah atau kurang, atau berkasnya "
            "terpotong",
            "it is not valid JSON: a comma, quote or bracket is wrong or missing, or the file is cut short"};
}

std::string numberText(double v)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 15);
    return std::string(buf, r.ptr);
}

// "bilangan bulat 2000 sampai 2100" / "a whole number from 2000 to 2100"; no range when any size is allowed.
Text ruleText(const NumberRule& rule)
{
    const Text kind = rule.whole ? Text{"bilangan bulat", "a whole number"} : Text{"angka", "a number"};
    const bool anyMin = rule.min <= -kLargestReadableNumber, anyMax = rule.max >= kLargestReadableNumber;
    if (anyMin && anyMax) return kind;
    if (anyMax)
        return {kind.id + " " + numberText(rule.min) + " atau lebih",
                kind.en + " of " + numberText(rule.min) + " or more"};
    if (rule.min == rule.max) return {kind.id + " " + numberText(rule.min), kind.en + " " + numberText(rule.min)};
    return {kind.id + " " + numberText(rule.min) + " sampai " + numberText(rule.max),
            kind.en + " from " + numberText(rule.min) + " to " + numberText(rule.max)};
}

}   // namespace

Poco::JSON::Object::Ptr parseJsonObject(const std::string& json, const std::string& sourceName,
                                        const JsonDamaged& damaged)
{
    std::string detail;
    try {
        const Poco::Dynamic::Var v = Poco::JSON::Parser().parse(json);
        if (v.type() == typeid(Poco::JSON::Object::Ptr))
            if (Poco::JSON::Object::Ptr root = v.extract<Poco::JSON::Object::Ptr>()) return root;
        detail = "not an object";
    } catch (const Poco::Exception& e) {
        // displayText(): what() is only the exception's class name ("JSON Exception").
        detail = e.displayText();
    } catch (const std::exception& e) {
        detail = e.what();
    }
    logTechnicalDetail(sourceName, detail);
    throw Error(sourceName, damaged(damagedWhy(detail)));
}

std::optional<double> optionalNumber(const JsonFile& file, const Poco::JSON::Object::Ptr& o, const std::string& key,
                                     const JsonMember& member, const NumberRule& rule)
{
    if (!o || !o->has(key) || o->isNull(key)) return std::nullopt;
    const Poco::Dynamic::Var v = o->get(key);
    // Poco counts true/false as numbers: a stray `true` would be read as 1.
    if (v.isBoolean())
        failJsonField(file, member,
                      {"berisi " + v.toString() + ", padahal harus " + ruleText(rule).id + ".",
                       "holds " + v.toString() + " where " + ruleText(rule).en + " must be."});
    if (v.isString())
        failJsonField(file, member,
                      {"berisi teks \"" + quotedForMessage(v.toString()) + "\", padahal harus " + ruleText(rule).id +
                           " (tanpa tanda kutip).",
                       "holds the text \"" + quotedForMessage(v.toString()) + "\" where " + ruleText(rule).en +
                           " must be (without quotes)."});
    if (!v.isNumeric())
        failJsonField(file, member, {"harus " + ruleText(rule).id + ".", "must be " + ruleText(rule).en + "."});
    const double value = v.convert<double>();
    if (const auto why = unreadableNumber(value)) failJsonField(file, member, *why);
    if (rule.whole && std::floor(value) != value)
        failJsonField(file, member,
                      {"harus bilangan bulat, bukan " + numberText(value) + ".",
                       "must be a whole number, not " + numberText(value) + "."});
    if (value < rule.min || value > rule.max)
        failJsonField(file, member,
                      {"berisi " + numberText(value) + ", padahal harus " + ruleText(rule).id + ".",
                       "holds " + numberText(value) + " where " + ruleText(rule).en + " must be."});
    return value;
}

double requiredNumber(const JsonFile& file, const Poco::JSON::Object::Ptr& o, const std::string& key,
                      const JsonMember& member, const NumberRule& rule)
{
    if (const auto v = optionalNumber(file, o, key, member, rule)) return *v;
    failJsonField(file, member,
                  {"tidak ada; harus " + ruleText(rule).id + ".", "is missing; it must be " + ruleText(rule).en + "."});
}

bool optionalBool(const JsonFile& file, const Poco::JSON::Object::Ptr& o, const std::string& key,
                  const JsonMember& member, bool fallback)
{
    if (!o || !o->has(key) || o->isNull(key)) return fallback;
    const Poco::Dynamic::Var v = o->get(key);
    if (!v.isBoolean())
        failJsonField(file, member,
                      {"harus true atau false (tanpa tanda kutip).", "must be true or false (without quotes)."});
    return v.extract<bool>();
}

std::string requiredText(const JsonFile& file, const Poco::JSON::Object::Ptr& o, const std::string& key,
                         const JsonMember& member)
{
    const Poco::Dynamic::Var v = o && o->has(key) ? o->get(key) : Poco::Dynamic::Var();
    if (!v.isString() || v.toString().empty())
        failJsonField(file, member, {"harus teks yang tidak kosong.", "must be a non-empty text."});
    return v.toString();
}

void failJsonField(const JsonFile& file, const JsonMember& member, const Text& why)
{
    Problem p;
    p.file = file.name;
    p.field = member.path;
    p.place = member.words;
    const auto join = [](const std::string& a, const std::string& b) { return b.empty() ? a : a + " " + b; };
    p.message = Text{join(why.id, file.todo.id), join(why.en, file.todo.en)};
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
