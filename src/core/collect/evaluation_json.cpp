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
#include "io/json.hpp"

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

// A number, or {"notComputable": code}; anything else counts as "no data", never as 0.
Figure readFigure(const Poco::Dynamic::Var& v)
{
    if (v.isEmpty()) return Figure::none(NotComputable::noData);
    if (v.isNumeric()) return Figure::of(v.convert<double>());
    if (v.type() == typeid(Object::Ptr)) {
        const auto o = v.extract<Object::Ptr>();
        return Figure::none(reasonFromCode(o->optValue<std::string>("notComputable", "no-data")));
    }
    return Figure::none(NotComputable::noData);
}

EvaluationPair readPair(const Object::Ptr& row, const char* name)
{
    const Object::Ptr o = row->getObject(name);
    if (!o) return {};
    return EvaluationPair{readFigure(o->get("k")), readFigure(o->get("rp"))};
}

QuarterValue readQuarter(const Poco::Dynamic::Var& v)
{
    QuarterValue q;
    if (v.isEmpty() || v.type() != typeid(Object::Ptr)) return q;
    const auto o = v.extract<Object::Ptr>();
    q.k = optionalNumber(o, "k");
    q.rp = optionalNumber(o, "rp");
    q.late = o->optValue<bool>("late", false);
    return q;
}

EvaluationSummary readSummary(const Object::Ptr& o)
{
    EvaluationSummary s;
    if (!o) return s;
    s.average = readFigure(o->get("rataRataCapaian"));
    s.counted = o->optValue<std::size_t>("indikatorDihitung", 0);
    s.skipped = o->optValue<std::size_t>("indikatorTidakDihitung", 0);
    const Poco::Dynamic::Var p = o->get("predikat");
    if (!p.isEmpty()) s.predikat = p.toString();
    s.absorption = readFigure(o->get("penyerapanAnggaran"));
    return s;
}

EvaluationRow readRow(const Object::Ptr& ro)
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
        r.renstraK = optionalNumber(o->getObject("targetRenstra"), "k");
        r.renstraRp = optionalNumber(o->getObject("targetRenstra"), "rp");
        r.laluK = optionalNumber(o->getObject("realisasiLalu"), "k");
        r.laluRp = optionalNumber(o->getObject("realisasiLalu"), "rp");
        r.targetK = optionalNumber(o->getObject("target"), "k");
        r.paguRp = optionalNumber(o->getObject("target"), "rp");
    }
    if (const Array::Ptr qs = ro->getArray("quarters"))
        for (std::size_t q = 0; q < 4 && q < qs->size(); ++q)
            r.quarters[q] = readQuarter(qs->get(static_cast<unsigned>(q)));
    r.realisasi = readPair(ro, "realisasi");
    r.capaian = readPair(ro, "capaianRenja");
    r.renstra = readPair(ro, "realisasiRenstra");
    r.capaianRenstra = readPair(ro, "capaianRenstra");
    r.keterangan = ro->optValue<std::string>("keterangan", "");
    return r;
}

EvaluationUnit readUnit(const Object::Ptr& o)
{
    EvaluationUnit u;
    u.code = o->optValue<std::string>("code", "");
    u.name = o->optValue<std::string>("name", u.code);
    u.file = o->optValue<std::string>("file", "");
    u.status = unitStatusFromCode(o->optValue<std::string>("status", "missing"));
    u.pendorong = o->optValue<std::string>("faktorPendorong", "");
    u.penghambat = o->optValue<std::string>("faktorPenghambat", "");
    u.tindakLanjut = o->optValue<std::string>("tindakLanjut", "");
    u.summary = readSummary(o->getObject("summary"));
    if (const Array::Ptr qs = o->getArray("capaianByQuarter"))
        for (std::size_t q = 0; q < 4 && q < qs->size(); ++q)
            u.capaianByQuarter[q] = readFigure(qs->get(static_cast<unsigned>(q)));
    if (const Array::Ptr rows = o->getArray("rows"))
        for (std::size_t j = 0; j < rows->size(); ++j)
            if (const Object::Ptr ro = rows->getObject(static_cast<unsigned>(j))) u.rows.push_back(readRow(ro));
    return u;
}

}   // namespace

EvaluationRecord parseEvaluationJson(const std::string& json, const std::string& sourceName)
{
    const Object::Ptr root = parseJsonObject(json, sourceName, [](const std::string& detail) {
        return Text{"Berkas hasil evaluasi rusak; jalankan Rekap Kiriman lagi (" + detail + ").",
                    "The evaluation results file is damaged; run Collect again (" + detail + ")."};
    });
    try {
        if (root->optValue<int>("format", 0) != 1)
            failJsonField(sourceName, "format",
                 "Format berkas hasil evaluasi tidak dikenal; jalankan Rekap Kiriman lagi dengan Evakin versi ini.",
                 "Unknown format of the evaluation results; run Collect again with this version of Evakin.");
        EvaluationRecord d;
        d.period.year = root->optValue<int>("year", 0);
        d.period.triwulan = root->optValue<int>("triwulan", 0);
        if (d.period.year < 1900 || d.period.triwulan < 1 || d.period.triwulan > 4)
            failJsonField(sourceName, "year/triwulan", "Tahun atau triwulan tidak sah.", "Invalid year or triwulan.");
        d.office = root->optValue<std::string>("office", "");
        d.summary = readSummary(root->getObject("summary"));
        const Array::Ptr units = root->getArray("units");
        if (!units) failJsonField(sourceName, "units", "Daftar unit tidak ada.", "The unit list is missing.");
        for (std::size_t i = 0; i < units->size(); ++i)
            if (const Object::Ptr o = units->getObject(static_cast<unsigned>(i))) d.units.push_back(readUnit(o));
        if (const Array::Ptr cs = root->getArray("corrections"))
            for (std::size_t i = 0; i < cs->size(); ++i)
                if (const Object::Ptr o = cs->getObject(static_cast<unsigned>(i)))
                    d.corrections.push_back(correctionFromJson(o));
        return d;
    } catch (const Poco::Exception& e) {
        // A member of the wrong type: the file was not written by collect.
        failJsonField(sourceName, "", "Berkas hasil evaluasi rusak; jalankan Rekap Kiriman lagi (" + e.displayText() + ").",
             "The evaluation results file is damaged; run Collect again (" + e.displayText() + ").");
    }
}

EvaluationRecord readEvaluationJson(const Workspace& ws)
{
    const auto file = ws.evaluasiJsonFile();
    return parseEvaluationJson(readFile(file), displayName(file));
}

}   // namespace evakin
