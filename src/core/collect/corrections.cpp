#include "collect/corrections.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Environment.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "collect/correction_json.hpp"
#include "collect/evaluation_json.hpp"
#include "io/files.hpp"
#include "io/json.hpp"
#include "io/format_id.hpp"
#include "io/number_parse.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "text/tech_log.hpp"
#include "text/text_util.hpp"

namespace evakin {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr toObject(const Correction& c)
{
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("unit", c.unitCode);
    o->set("row", c.rowKey);
    o->set("triwulan", c.triwulan);
    const auto put = [&o](const char* key, const std::optional<double>& v) {
        o->set(key, v ? Poco::Dynamic::Var(*v) : Poco::Dynamic::Var());
    };
    if (c.setsK) {
        put("oldK", c.oldK);
        put("newK", c.newK);
    }
    if (c.setsRp) {
        put("oldRp", c.oldRp);
        put("newRp", c.newRp);
    }
    o->set("reason", c.reason);
    o->set("by", c.by);
    o->set("at", c.at);
    return o;
}

// The current quarter's merged values, from hasil/evaluasi.json, when collect has run.
QuarterValue mergedValue(const Workspace& ws, const std::string& unit, const std::string& key, int triwulan)
{
    if (!std::filesystem::exists(ws.evaluasiJsonFile()) || triwulan < 1 || triwulan > 4) return {};
    try {
        for (const EvaluationUnit& u : readEvaluationJson(ws).units)
            if (u.code == unit)
                for (const EvaluationRow& r : u.rows)
                    if (r.key == key) {
                        const QuarterValue& q = r.quarters[static_cast<std::size_t>(triwulan - 1)];
                        return QuarterValue{q.k, q.rp, false};
                    }
    } catch (const Error&) {
        // A damaged recap only means the old value is unknown; the correction is still recorded.
    }
    return {};
}

// The value as it stands now: accepted quarters, then earlier corrections; the current quarter from the merged
// table.
QuarterValue currentValue(const Workspace& ws, const std::vector<Correction>& existing, const std::string& unit,
                          const std::string& key, int triwulan)
{
    if (triwulan < 1 || triwulan > 4) return {};
    QuarterValue value;
    if (triwulan == ws.period.triwulan) {
        value = mergedValue(ws, unit, key, triwulan);
    } else {
        YearRealisations accepted = loadRealisations(ws);
        value = accepted[unit][key][static_cast<std::size_t>(triwulan - 1)];
    }
    for (const Correction& c : existing)
        if (c.unitCode == unit && c.rowKey == key && c.triwulan == triwulan) {
            if (c.setsK) value.k = c.newK;
            if (c.setsRp) value.rp = c.newRp;
        }
    return value;
}

}   // namespace

QuarterValue currentValue(const Workspace& ws, const std::string& unitCode, const std::string& rowKey, int triwulan)
{
    return currentValue(ws, loadCorrections(ws), unitCode, rowKey, triwulan);
}

Correction correctionFromJson(const JsonFile& file, const Object::Ptr& o, const std::string& path, std::size_t index)
{
    const std::string n = std::to_string(index + 1);
    const auto member = [&](const char* key, const std::string& id, const std::string& en) {
        return JsonMember{path + "." + key, {"koreksi ke-" + n + ", " + id, "correction " + n + ", " + en}};
    };
    if (!o) failJsonField(file, {path, {"koreksi ke-" + n, "correction " + n}}, {"harus { ... }.", "must be { ... }."});
    Correction c;
    c.unitCode = requiredText(file, o, "unit", member("unit", "unit", "unit"));
    c.rowKey = requiredText(file, o, "row", member("row", "baris", "row"));
    c.triwulan =
        static_cast<int>(requiredNumber(file, o, "triwulan", member("triwulan", "triwulan", "triwulan"), {1, 4, true}));
    c.setsK = o->has("oldK") || o->has("newK");
    c.setsRp = o->has("oldRp") || o->has("newRp");
    const NumberRule amount{0, 1e15};
    c.oldK = optionalNumber(file, o, "oldK", member("oldK", "K lama", "old K"), amount);
    c.newK = optionalNumber(file, o, "newK", member("newK", "K baru", "new K"), amount);
    c.oldRp = optionalNumber(file, o, "oldRp", member("oldRp", "Rp lama", "old Rp"), amount);
    c.newRp = optionalNumber(file, o, "newRp", member("newRp", "Rp baru", "new Rp"), amount);
    c.reason = o->optValue<std::string>("reason", "");
    c.by = o->optValue<std::string>("by", "");
    c.at = o->optValue<std::string>("at", "");
    return c;
}

std::vector<Correction> loadCorrections(const Workspace& ws)
{
    std::vector<Correction> out;
    const auto file = ws.dir / kCorrectionsFile;
    if (!std::filesystem::exists(file)) return out;
    const auto damaged = [](const Text& why) {
        return Text{
            "Catatan koreksi tidak dapat dibaca: " + why.id + ". Perbaiki berkasnya; koreksi tidak boleh hilang.",
            "The corrections record cannot be read: " + why.en + ". Repair the file; corrections must not be lost."};
    };
    const Object::Ptr root = parseJsonObject(readFile(file), displayName(file), damaged);
    const JsonFile record{displayName(file),
                          {"Perbaiki berkasnya dengan editor teks; koreksi tidak boleh hilang.",
                           "Repair the file in a text editor; corrections must not be lost."}};
    try {
        const Array::Ptr list = root->getArray("corrections");
        for (std::size_t i = 0; list && i < list->size(); ++i)
            out.push_back(correctionFromJson(record, list->getObject(static_cast<unsigned>(i)),
                                             "corrections[" + std::to_string(i) + "]", i));
    } catch (const Poco::Exception& e) {
        // A member of the wrong type ("corrections" not a list, "reason" an object): Poco's words to the tech log.
        logTechnicalDetail(displayName(file), e.displayText());
        throw Error(displayName(file),
                    damaged({"ada isian dengan jenis nilai yang salah", "a member holds a value of the wrong kind"}));
    }
    return out;
}

void applyCorrections(const std::vector<Correction>& corrections, YearRealisations& values)
{
    for (const Correction& c : corrections) {
        if (c.triwulan < 1 || c.triwulan > 4) continue;
        QuarterValue& v = values[c.unitCode][c.rowKey][static_cast<std::size_t>(c.triwulan - 1)];
        if (c.setsK) v.k = c.newK;
        if (c.setsRp) v.rp = c.newRp;
    }
}

Correction recordCorrection(const std::filesystem::path& workspaceDir, const CorrectionRequest& req)
{
    const Workspace ws = openWorkspace(workspaceDir);
    const Profile profile = loadProfile(ws.profileFile());
    const Plan plan = loadPlan(ws.planFile(), profile);
    const auto field = [](const char* name, Text t) { return Problem{kCorrectionsFile, {}, {}, name, std::move(t)}; };
    std::vector<Problem> problems;
    if (!profile.unit(req.unitCode))
        problems.push_back(field("unit", Text{"Unit \"" + req.unitCode + "\" tidak ada di profil kantor.",
                                              "Unit \"" + req.unitCode + "\" is not in the office profile."}));
    bool rowKnown = false;
    for (const PlanRow* r : plan.rowsOf(req.unitCode)) rowKnown |= r->key == req.rowKey;
    if (!rowKnown)
        problems.push_back(
            field("row", Text{"Baris \"" + req.rowKey + "\" tidak ada di rencana kerja unit " + req.unitCode +
                                  ". Pakai kode seperti di kolom Kode (kode#2 untuk indikator kedua).",
                              "Row \"" + req.rowKey + "\" is not in unit " + req.unitCode +
                                  "'s plan. Use the code as in the Kode column (code#2 for a second indicator)."}));
    if (req.triwulan < 1 || req.triwulan > ws.period.triwulan)
        problems.push_back(
            field("triwulan", Text{"Triwulan harus 1 sampai " + std::to_string(ws.period.triwulan) + " (periode ini).",
                                   "Triwulan must be 1 to " + std::to_string(ws.period.triwulan) + " (this period)."}));
    if (!req.k && !req.rp)
        problems.push_back(
            field("k", Text{"Isi nilai baru: --k dan/atau --rp.", "Give the new value: --k and/or --rp."}));
    for (const auto& [name, v] : {std::pair<const char*, std::optional<double>>{"k", req.k}, {"rp", req.rp}})
        if (v && *v < 0)
            problems.push_back(field(name, Text{"Nilai tidak boleh negatif.", "The value must not be negative."}));
        else if (const auto why = v ? unreadableNumber(*v) : std::nullopt)
            problems.push_back(field(name, *why));
    if (isBlank(req.reason))
        problems.push_back(
            field("reason", Text{"Alasan koreksi wajib diisi.", "The reason for the correction is required."}));
    if (!problems.empty()) throw Error(std::move(problems));

    const std::vector<Correction> existing = loadCorrections(ws);
    const QuarterValue before = currentValue(ws, existing, req.unitCode, req.rowKey, req.triwulan);

    Correction c;
    c.unitCode = req.unitCode;
    c.rowKey = req.rowKey;
    c.triwulan = req.triwulan;
    c.setsK = req.k.has_value();
    c.setsRp = req.rp.has_value();
    c.oldK = before.k;
    c.newK = req.k;
    c.oldRp = before.rp;
    c.newRp = req.rp;
    c.reason = req.reason;
    c.by = !req.by.empty() ? req.by : Poco::Environment::get("USER", Poco::Environment::get("USERNAME", "?"));
    c.at = Poco::DateTimeFormatter::format(Poco::DateTime(), Poco::DateTimeFormat::ISO8601_FORMAT);

    Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("format", 1);
    Array::Ptr list = new Array;
    for (const Correction& e : existing) list->add(toObject(e));
    list->add(toObject(c));
    root->set("corrections", list);
    std::ostringstream out;
    root->stringify(out, 2);
    out << '\n';
    writeFileAtomically(ws.dir / kCorrectionsFile, out.str());
    return c;
}

std::string correctionSummary(const Correction& c, Lang lang)
{
    const auto shown = [](const std::optional<double>& v) { return v ? formatNumberId(*v) : std::string("-"); };
    const bool en = lang == Lang::en;
    std::ostringstream out;
    out << (en ? "Correction recorded: " : "Koreksi dicatat: ") << c.unitCode << " " << c.rowKey << " triwulan "
        << c.triwulan;
    if (c.setsK) out << ", K " << shown(c.oldK) << " -> " << shown(c.newK);
    if (c.setsRp) out << ", Rp " << shown(c.oldRp) << " -> " << shown(c.newRp);
    out << " (" << c.by << ", " << c.at << ")\n"
        << (en ? "Run collect again to update the table and the report.\n"
               : "Jalankan Rekap Kiriman lagi untuk memperbarui tabel dan laporan.\n");
    return out.str();
}

std::string correctionToJson(const Correction& c)
{
    std::ostringstream out;
    toObject(c)->stringify(out);
    return out.str();
}

}   // namespace evakin
