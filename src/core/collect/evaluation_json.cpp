// hasil/evaluasi.json (layout in evaluation_json.hpp). Written as a stream: a
// large office has tens of thousands of rows, and a Poco::JSON object tree of
// them costs far more time and memory than the text. Read back with Poco::JSON:
// readers need the whole file anyway, and reading is not on collect's path.
#include <charconv>
#include <cmath>
#include <string_view>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "collect/correction_json.hpp"
#include "collect/evaluation_json.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "io/json.hpp"
#include "text/tech_log.hpp"

namespace evakin {

namespace {

class JsonOut {
public:
    std::string text;

    JsonOut& raw(const char* s)
    {
        text += s;
        return *this;
    }
    JsonOut& key(const char* k)
    {
        comma();
        escaped(k);
        text += ':';
        fresh_ = true;
        return *this;
    }
    JsonOut& string(std::string_view s)
    {
        comma();
        escaped(s);
        return *this;
    }

private:
    // A string_view, not a std::string: keys are literals, and a string made per key is an allocation per value
    // written.
    void escaped(std::string_view s)
    {
        text += '"';
        std::size_t plain = 0;   // start of the run of characters copied as they are, appended in one go
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;   // UTF-8 passes through
            text.append(s, plain, i - plain);
            plain = i + 1;
            switch (c) {
                case '"': text += "\\\""; break;
                case '\\': text += "\\\\"; break;
                case '\n': text += "\\n"; break;
                case '\r': text += "\\r"; break;
                case '\t': text += "\\t"; break;
                default: {
                    static const char hex[] = "0123456789abcdef";
                    text += "\\u00";
                    text += hex[c >> 4];
                    text += hex[c & 15];
                }
            }
        }
        text.append(s, plain, std::string_view::npos);
        text += '"';
    }

public:
    JsonOut& number(double v)
    {
        if (!std::isfinite(v)) return null();
        comma();
        char buf[32];
        const auto res = std::to_chars(buf, buf + sizeof buf, v);   // shortest round trip, locale-free
        text.append(buf, res.ptr);
        return *this;
    }
    JsonOut& number(std::size_t v) { return number(static_cast<double>(v)); }
    JsonOut& boolean(bool v)
    {
        comma();
        text += v ? "true" : "false";
        return *this;
    }
    JsonOut& null()
    {
        comma();
        text += "null";
        return *this;
    }
    JsonOut& open(char bracket)
    {
        comma();
        text += bracket;
        fresh_ = true;
        return *this;
    }
    JsonOut& close(char bracket)
    {
        text += bracket;
        fresh_ = false;
        return *this;
    }
    JsonOut& optional(const std::optional<double>& v) { return v ? number(*v) : null(); }

private:
    // A separator before every value but the first of an object or array (and none after a key).
    void comma()
    {
        if (!fresh_) text += ',';
        fresh_ = false;
    }
    bool fresh_ = true;
};

void figure(JsonOut& j, const Figure& f)
{
    if (f.ok()) {
        j.number(*f.value);
        return;
    }
    j.open('{').key("notComputable").string(notComputableCode(f.why)).close('}');
}

void pair(JsonOut& j, const char* name, const Figure& k, const Figure& rp)
{
    j.key(name).open('{');
    j.key("k");
    figure(j, k);
    j.key("rp");
    figure(j, rp);
    j.close('}');
}

void optionalPair(JsonOut& j, const char* name, const std::optional<double>& k, const std::optional<double>& rp)
{
    j.key(name).open('{').key("k").optional(k).key("rp").optional(rp).close('}');
}

void summary(JsonOut& j, const Rating& r, const Figure& absorption)
{
    j.key("summary").open('{');
    j.key("rataRataCapaian");
    figure(j, r.average);
    j.key("indikatorDihitung").number(r.counted).key("indikatorTidakDihitung").number(r.skipped);
    j.key("predikat");
    r.band ? j.string(r.band->label) : j.null();
    j.key("penyerapanAnggaran");
    figure(j, absorption);
    j.close('}');
}

void row(JsonOut& j, const MergedRow& r)
{
    const PlanRow& p = *r.plan;
    j.open('{').key("key").string(p.key).key("code").string(p.code).key("indikator").string(p.indikator);
    j.key("type").string(indicatorTypeName(p.type));
    // The plan fields, so evaluasi.json alone is enough for the report and the next quarter.
    j.key("plan")
        .open('{')
        .key("tujuan")
        .string(p.tujuan)
        .key("sasaran")
        .string(p.sasaran)
        .key("uraian")
        .string(p.uraian)
        .key("satuan")
        .string(p.satuan);
    optionalPair(j, "targetRenstra", p.targetRenstraK, p.targetRenstraRp);
    optionalPair(j, "realisasiLalu", p.realisasiLaluK, p.realisasiLaluRp);
    optionalPair(j, "target", p.targetK, p.paguRp);
    j.close('}');
    j.key("quarters").open('[');
    for (const QuarterValue& q : r.quarters) {
        if (!q.reported()) {
            j.null();
            continue;
        }
        j.open('{').key("k").optional(q.k).key("rp").optional(q.rp).key("late").boolean(q.late).close('}');
    }
    j.close(']');
    pair(j, "realisasi", r.figures.realisasiK, r.figures.realisasiRp);
    pair(j, "capaianRenja", r.figures.capaianK, r.figures.capaianRp);
    pair(j, "realisasiRenstra", r.figures.renstraK, r.figures.renstraRp);
    pair(j, "capaianRenstra", r.figures.capaianRenstraK, r.figures.capaianRenstraRp);
    j.key("keterangan").string(r.keterangan).close('}');
}

}   // namespace

std::string evaluationJson(const MergedYear& year)
{
    JsonOut j;
    std::size_t rows = 0;
    for (const MergedUnit& mu : year.units) rows += mu.rows.size();
    j.text.reserve(4096 + rows * 768);   // about 700 bytes a row: the text is not copied as it grows
    j.open('{').key("format").number(1.0).key("year").number(static_cast<double>(year.period.year));
    j.key("triwulan").number(static_cast<double>(year.period.triwulan)).key("period").string(year.period.label());
    j.key("office")
        .string(year.officeName)
        .key("negativeFormula")
        .string(year.config.negative == NegativeFormula::ratio ? "ratio" : "inverse");
    summary(j, year.rating, year.absorption);
    j.key("headings").open('[');
    for (const PlanHeading& h : year.headings) j.open('{').key("code").string(h.code).key("uraian").string(h.uraian).close('}');
    j.close(']');
    j.key("units").open('[');
    for (const MergedUnit& mu : year.units) {
        j.raw("\n").open('{').key("code").string(mu.unit->code).key("name").string(mu.unit->name);
        j.key("status").string(unitStatusCode(mu.status)).key("file").string(mu.file);
        j.key("faktorPendorong").string(mu.texts.pendorong).key("faktorPenghambat").string(mu.texts.penghambat);
        j.key("tindakLanjut").string(mu.texts.tindakLanjut);
        summary(j, mu.rating, mu.absorption);
        j.key("capaianByQuarter").open('[');
        for (const Figure& f : mu.capaianByQuarter) figure(j, f);
        j.close(']');
        j.key("rows").open('[');
        for (const MergedRow& r : mu.rows) {
            j.raw("\n");
            row(j, r);
        }
        j.close(']').close('}');
    }
    j.raw("\n").close(']');
    // Every correction applied, for the report's list and the audit trail.
    j.key("corrections").open('[');
    for (const Correction& c : year.corrections) {
        j.open('{')
            .key("unit")
            .string(c.unitCode)
            .key("row")
            .string(c.rowKey)
            .key("triwulan")
            .number(static_cast<double>(c.triwulan));
        if (c.setsK) j.key("oldK").optional(c.oldK).key("newK").optional(c.newK);
        if (c.setsRp) j.key("oldRp").optional(c.oldRp).key("newRp").optional(c.newRp);
        j.key("reason").string(c.reason).key("by").string(c.by).key("at").string(c.at).close('}');
    }
    j.close(']').close('}').raw("\n");
    return std::move(j.text);
}

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

NotComputable reasonFromCode(const std::string& code)
{
    if (code == "no-target") return NotComputable::noTarget;
    if (code == "zero-target") return NotComputable::zeroTarget;
    if (code == "zero-realisation") return NotComputable::zeroRealisation;
    return NotComputable::noData;
}

// The file is collect's own output: a wrong member is repaired by collecting again, never by hand.
struct Reader {
    JsonFile file;

    // A member of unit `u` (from 0; none: the office's), row `r` (from 0, or none), in staff words.
    static JsonMember at(const std::string& path, const Text& what, std::optional<std::size_t> u,
                         std::optional<std::size_t> r = {})
    {
        if (!u) return JsonMember{path, what};
        const std::string unit = std::to_string(*u + 1);
        const std::string row = r ? std::to_string(*r + 1) : std::string();
        return JsonMember{path,
                          {"unit ke-" + unit + (r ? ", baris ke-" + row : "") + ", " + what.id,
                           "unit " + unit + (r ? ", row " + row : "") + ", " + what.en}};
    }

    // A number, or {"notComputable": code}; absent is "no data", never 0; anything else a damaged file.
    Figure figure(const Poco::Dynamic::Var& v, const JsonMember& m) const
    {
        if (v.isEmpty()) return Figure::none(NotComputable::noData);
        // A computed figure (capaian of a tiny target) may be large, but is always a number: true is not one.
        if (v.isNumeric() && !v.isBoolean()) return Figure::of(v.convert<double>());
        if (v.type() == typeid(Object::Ptr)) {
            const auto c = v.extract<Object::Ptr>();
            return Figure::none(reasonFromCode(c->optValue<std::string>("notComputable", "no-data")));
        }
        failJsonField(file, m,
                      {"harus angka atau {\"notComputable\": ...}.", "must be a number or {\"notComputable\": ...}."});
    }

    EvaluationPair pair(const Object::Ptr& row, const char* name, const std::string& path, std::size_t u,
                        std::size_t r) const
    {
        const Object::Ptr o = row->getObject(name);
        if (!o) return {};
        const std::string p = path + "." + name + ".";
        return EvaluationPair{
            figure(o->get("k"), at(p + "k", {std::string(name) + " K", std::string(name) + " K"}, u, r)),
            figure(o->get("rp"), at(p + "rp", {std::string(name) + " Rp", std::string(name) + " Rp"}, u, r))};
    }

    QuarterValue quarter(const Poco::Dynamic::Var& v, const std::string& path, std::size_t u, std::size_t r,
                         std::size_t q) const
    {
        QuarterValue value;
        if (v.isEmpty() || v.type() != typeid(Object::Ptr)) return value;
        const auto o = v.extract<Object::Ptr>();
        const std::string tw = "triwulan " + romanNumeral(static_cast<int>(q) + 1);
        const NumberRule amount{0, 1e15};
        value.k = optionalNumber(file, o, "k", at(path + ".k", {tw + " K", tw + " K"}, u, r), amount);
        value.rp = optionalNumber(file, o, "rp", at(path + ".rp", {tw + " Rp", tw + " Rp"}, u, r), amount);
        value.late = optionalBool(file, o, "late", at(path + ".late", {tw + " terlambat", tw + " late"}, u, r), false);
        return value;
    }

    EvaluationSummary summary(const Object::Ptr& o, const std::string& path, std::optional<std::size_t> u) const
    {
        EvaluationSummary s;
        if (!o) return s;
        const auto m = [&](const char* key, const char* id, const char* en) {
            return at(path + "." + key, {id, en}, u);
        };
        s.average = figure(o->get("rataRataCapaian"), m("rataRataCapaian", "rata-rata capaian", "average"));
        const NumberRule count{0, 1e9, true};
        s.counted = static_cast<std::size_t>(
            optionalNumber(file, o, "indikatorDihitung",
                           m("indikatorDihitung", "indikator dihitung", "indicators counted"), count)
                .value_or(0));
        s.skipped = static_cast<std::size_t>(
            optionalNumber(file, o, "indikatorTidakDihitung",
                           m("indikatorTidakDihitung", "indikator tidak dihitung", "indicators not counted"), count)
                .value_or(0));
        const Poco::Dynamic::Var p = o->get("predikat");
        if (!p.isEmpty()) s.predikat = p.toString();
        s.absorption =
            figure(o->get("penyerapanAnggaran"), m("penyerapanAnggaran", "penyerapan anggaran", "absorption"));
        return s;
    }

    EvaluationRow row(const Object::Ptr& ro, const std::string& path, std::size_t u, std::size_t j) const
    {
        EvaluationRow r;
        r.key = ro->optValue<std::string>("key", "");
        r.code = ro->optValue<std::string>("code", "");
        r.indikator = ro->optValue<std::string>("indikator", "");
        r.type = ro->optValue<std::string>("type", "");
        r.level = levelFromCode(r.code);
        if (const Object::Ptr o = ro->getObject("plan")) {
            r.hasPlan = true;
            r.tujuan = o->optValue<std::string>("tujuan", "");
            r.sasaran = o->optValue<std::string>("sasaran", "");
            r.uraian = o->optValue<std::string>("uraian", "");
            r.satuan = o->optValue<std::string>("satuan", "");
            const NumberRule amount{0, 1e15};
            const auto planned = [&](const char* group, const char* key, const Text& what) {
                const std::string p = path + ".plan." + group + "." + key;
                return optionalNumber(file, o->getObject(group), key, at(p, what, u, j), amount);
            };
            r.renstraK = planned("targetRenstra", "k", {"target Renstra K", "Renstra target K"});
            r.renstraRp = planned("targetRenstra", "rp", {"target Renstra Rp", "Renstra target Rp"});
            r.laluK = planned("realisasiLalu", "k", {"realisasi s/d tahun lalu K", "realisation to last year K"});
            r.laluRp = planned("realisasiLalu", "rp", {"realisasi s/d tahun lalu Rp", "realisation to last year Rp"});
            r.targetK = planned("target", "k", {"target K", "target K"});
            r.paguRp = planned("target", "rp", {"pagu Rp", "budget Rp"});
        }
        if (const Array::Ptr qs = ro->getArray("quarters"))
            for (std::size_t q = 0; q < 4 && q < qs->size(); ++q)
                r.quarters[q] =
                    quarter(qs->get(static_cast<unsigned>(q)), path + ".quarters[" + std::to_string(q) + "]", u, j, q);
        r.realisasi = pair(ro, "realisasi", path, u, j);
        r.capaian = pair(ro, "capaianRenja", path, u, j);
        r.renstra = pair(ro, "realisasiRenstra", path, u, j);
        r.capaianRenstra = pair(ro, "capaianRenstra", path, u, j);
        r.keterangan = ro->optValue<std::string>("keterangan", "");
        return r;
    }

    EvaluationUnit unit(const Object::Ptr& o, std::size_t i) const
    {
        const std::string path = "units[" + std::to_string(i) + "]";
        EvaluationUnit u;
        u.code = o->optValue<std::string>("code", "");
        u.name = o->optValue<std::string>("name", u.code);
        u.file = o->optValue<std::string>("file", "");
        u.status = unitStatusFromCode(o->optValue<std::string>("status", "missing"));
        u.pendorong = o->optValue<std::string>("faktorPendorong", "");
        u.penghambat = o->optValue<std::string>("faktorPenghambat", "");
        u.tindakLanjut = o->optValue<std::string>("tindakLanjut", "");
        u.summary = summary(o->getObject("summary"), path + ".summary", i);
        if (const Array::Ptr qs = o->getArray("capaianByQuarter"))
            for (std::size_t q = 0; q < 4 && q < qs->size(); ++q) {
                const std::string tw = romanNumeral(static_cast<int>(q) + 1);
                u.capaianByQuarter[q] = figure(qs->get(static_cast<unsigned>(q)),
                                               at(path + ".capaianByQuarter[" + std::to_string(q) + "]",
                                                  {"capaian triwulan " + tw, "capaian triwulan " + tw}, i));
            }
        if (const Array::Ptr rows = o->getArray("rows"))
            for (std::size_t j = 0; j < rows->size(); ++j)
                if (const Object::Ptr ro = rows->getObject(static_cast<unsigned>(j)))
                    u.rows.push_back(row(ro, path + ".rows[" + std::to_string(j) + "]", i, j));
        return u;
    }
};

}   // namespace

EvaluationRecord parseEvaluationJson(const std::string& json, const std::string& sourceName)
{
    const Object::Ptr root = parseJsonObject(json, sourceName, [](const Text& why) {
        return Text{"Berkas hasil evaluasi tidak dapat dibaca: " + why.id + ". Jalankan Rekap Kiriman lagi.",
                    "The evaluation results file cannot be read: " + why.en + ". Run Collect again."};
    });
    const Reader read{JsonFile{sourceName, {"Jalankan Rekap Kiriman lagi.", "Run Collect again."}}};
    try {
        if (optionalNumber(read.file, root, "format", {"format", {"versi format", "format version"}}, {0, 1e6, true})
                .value_or(0) != 1)
            failJsonField(read.file, {"format", {"versi format", "format version"}},
                          {"Format berkas hasil evaluasi tidak dikenal (Evakin ini membaca format 1).",
                           "Unknown format of the evaluation results (this Evakin reads format 1)."});
        EvaluationRecord d;
        d.period.year =
            static_cast<int>(requiredNumber(read.file, root, "year", {"year", {"tahun", "year"}}, {1900, 9999, true}));
        d.period.triwulan = static_cast<int>(
            requiredNumber(read.file, root, "triwulan", {"triwulan", {"triwulan", "triwulan"}}, {1, 4, true}));
        d.office = root->optValue<std::string>("office", "");
        d.summary = read.summary(root->getObject("summary"), "summary", std::nullopt);
        const Array::Ptr units = root->getArray("units");
        if (!units)
            failJsonField(read.file, {"units", {"daftar unit", "unit list"}},
                          {"Daftar unit tidak ada.", "The unit list is missing."});
        for (std::size_t i = 0; i < units->size(); ++i)
            if (const Object::Ptr o = units->getObject(static_cast<unsigned>(i))) d.units.push_back(read.unit(o, i));
        if (const Array::Ptr hs = root->getArray("headings"))
            for (std::size_t i = 0; i < hs->size(); ++i)
                if (const Object::Ptr h = hs->getObject(static_cast<unsigned>(i)))
                    d.headings.push_back(
                        PlanHeading{h->optValue<std::string>("code", ""), h->optValue<std::string>("uraian", ""), 0});
        if (const Array::Ptr cs = root->getArray("corrections"))
            for (std::size_t i = 0; i < cs->size(); ++i)
                d.corrections.push_back(correctionFromJson(read.file, cs->getObject(static_cast<unsigned>(i)),
                                                           "corrections[" + std::to_string(i) + "]", i));
        return d;
    } catch (const Poco::Exception& e) {
        // A member of the wrong type: the file was not written by collect. Poco's words go to the tech log.
        logTechnicalDetail(sourceName, e.displayText());
        failJsonField(read.file, {},
                      {"Berkas hasil evaluasi rusak (ada isian dengan jenis nilai yang salah).",
                       "The evaluation results file is damaged (a member holds a value of the wrong "
                       "kind)."});
    }
}

EvaluationRecord readEvaluationJson(const Workspace& ws)
{
    const auto file = ws.evaluasiJsonFile();
    return parseEvaluationJson(readFile(file), displayName(file));
}

}   // namespace evakin
