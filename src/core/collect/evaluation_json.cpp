// hasil/evaluasi.json, written as a stream: a large office has tens of
// thousands of rows, and a Poco::JSON object tree of them costs far more time
// and memory than the text. Keys and layout are the contract with the report
// (report_data.cpp) and the next quarter:
// {"format":1,"year":..,"triwulan":..,"period":..,"office":..,"negativeFormula":..,
//  "summary":{..},"units":[{"code","name","status","file","faktorPendorong",
//  "faktorPenghambat","tindakLanjut","summary",
//  "rows":[{"key","code","indikator","type","plan":{..},"quarters":[null|{"k","rp","late"}],
//           "realisasi","capaianRenja","realisasiRenstra","capaianRenstra":{"k","rp"},"keterangan"}]}]}
// A figure is a number or {"notComputable":"zero-target"}, never a silent 0.
#include <charconv>
#include <cmath>
#include <string_view>

#include "collect/merge.hpp"

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

}   // namespace evakin
