#include "report/report_data.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <map>

#include "text/error.hpp"
#include "io/files.hpp"

namespace evakin::report {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

[[noreturn]] void fail(const std::string& file, const std::string& field, const std::string& id, const std::string& en)
{
    Problem p;
    p.file = file;
    p.field = field;
    p.message = Text{id, en};
    throw Error(p);
}

NotComputable reasonFromCode(const std::string& code)
{
    if (code == "no-target") return NotComputable::noTarget;
    if (code == "zero-target") return NotComputable::zeroTarget;
    if (code == "zero-realisation") return NotComputable::zeroRealisation;
    return NotComputable::noData;
}

// A number, or {"notComputable": code}; anything else counts as "no data", never as 0.
Figure figure(const Poco::Dynamic::Var& v)
{
    if (v.isEmpty()) return Figure::none(NotComputable::noData);
    if (v.isNumeric()) return Figure::of(v.convert<double>());
    if (v.type() == typeid(Object::Ptr)) {
        const auto o = v.extract<Object::Ptr>();
        return Figure::none(reasonFromCode(o->optValue<std::string>("notComputable", "no-data")));
    }
    return Figure::none(NotComputable::noData);
}

Pair pair(const Object::Ptr& row, const char* name)
{
    const Object::Ptr o = row->getObject(name);
    if (!o) return {};
    return Pair{figure(o->get("k")), figure(o->get("rp"))};
}

std::optional<double> number(const Object::Ptr& o, const char* name)
{
    if (!o || !o->has(name)) return std::nullopt;
    const Poco::Dynamic::Var v = o->get(name);
    if (!v.isNumeric()) return std::nullopt;
    return v.convert<double>();
}

QuarterValue quarter(const Poco::Dynamic::Var& v)
{
    QuarterValue q;
    if (v.isEmpty() || v.type() != typeid(Object::Ptr)) return q;
    const auto o = v.extract<Object::Ptr>();
    q.k = number(o, "k");
    q.rp = number(o, "rp");
    q.late = o->optValue<bool>("late", false);
    return q;
}

Summary summary(const Object::Ptr& o)
{
    Summary s;
    if (!o) return s;
    s.average = figure(o->get("rataRataCapaian"));
    s.counted = o->optValue<std::size_t>("indikatorDihitung", 0);
    s.skipped = o->optValue<std::size_t>("indikatorTidakDihitung", 0);
    const Poco::Dynamic::Var p = o->get("predikat");
    if (!p.isEmpty()) s.predikat = p.toString();
    s.absorption = figure(o->get("penyerapanAnggaran"));
    return s;
}

Status status(const std::string& s)
{
    if (s == "valid") return Status::valid;
    if (s == "invalid") return Status::invalid;
    return Status::missing;
}

// Plan fields: the JSON's own "plan" object wins; the plan workbook fills the rest.
void planFields(Row& r, const Object::Ptr& row, const PlanRow* p)
{
    const Object::Ptr o = row->getObject("plan");
    if (o) {
        r.tujuan = o->optValue<std::string>("tujuan", "");
        r.sasaran = o->optValue<std::string>("sasaran", "");
        r.uraian = o->optValue<std::string>("uraian", "");
        r.satuan = o->optValue<std::string>("satuan", "");
        r.renstraK = number(o->getObject("targetRenstra"), "k");
        r.renstraRp = number(o->getObject("targetRenstra"), "rp");
        r.laluK = number(o->getObject("realisasiLalu"), "k");
        r.laluRp = number(o->getObject("realisasiLalu"), "rp");
        r.targetK = number(o->getObject("target"), "k");
        r.paguRp = number(o->getObject("target"), "rp");
        r.level = levelFromCode(r.code);
        return;
    }
    r.level = levelFromCode(r.code);
    if (!p) return;
    r.tujuan = p->tujuan;
    r.sasaran = p->sasaran;
    r.uraian = p->uraian;
    r.satuan = p->satuan;
    r.level = p->level;
    r.renstraK = p->targetRenstraK;
    r.renstraRp = p->targetRenstraRp;
    r.laluK = p->realisasiLaluK;
    r.laluRp = p->realisasiLaluRp;
    r.targetK = p->targetK;
    r.paguRp = p->paguRp;
}

}   // namespace

std::vector<Late> Data::late() const
{
    std::vector<Late> out;
    for (const Unit& u : units)
        for (const Row& r : u.rows)
            for (int q = 0; q < 4; ++q)
                if (r.quarters[static_cast<std::size_t>(q)].late)
                    out.push_back(Late{u.name, r.code, r.indikator, q + 1});
    return out;
}

Data parseEvaluation(const std::string& json, const std::string& sourceName, const PlanSource& planSource)
{
    Object::Ptr root;
    try {
        root = Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
        fail(sourceName, "", "Berkas hasil evaluasi rusak; jalankan Rekap Kiriman lagi (" + e.displayText() + ").",
             "The evaluation results file is damaged; run Collect again (" + e.displayText() + ").");
    }
    if (!root || root->optValue<int>("format", 0) != 1)
        fail(sourceName, "format",
             "Format berkas hasil evaluasi tidak dikenal; jalankan Rekap Kiriman lagi dengan Evakin versi ini.",
             "Unknown format of the evaluation results; run Collect again with this version of Evakin.");
    Data d;
    d.period.year = root->optValue<int>("year", 0);
    d.period.triwulan = root->optValue<int>("triwulan", 0);
    if (d.period.year < 1900 || d.period.triwulan < 1 || d.period.triwulan > 4)
        fail(sourceName, "year/triwulan", "Tahun atau triwulan tidak sah.", "Invalid year or triwulan.");
    d.office = root->optValue<std::string>("office", "");
    d.summary = summary(root->getObject("summary"));

    std::map<std::pair<std::string, std::string>, const PlanRow*> planRows;
    bool planAsked = false;
    const auto planRow = [&](const std::string& unit, const std::string& key) -> const PlanRow* {
        if (!planAsked) {
            planAsked = true;
            if (const Plan* plan = planSource ? planSource() : nullptr)
                for (const PlanRow& p : plan->rows) planRows[{p.unitCode, p.key}] = &p;
        }
        const auto it = planRows.find({unit, key});
        return it == planRows.end() ? nullptr : it->second;
    };

    const Array::Ptr units = root->getArray("units");
    if (!units) fail(sourceName, "units", "Daftar unit tidak ada.", "The unit list is missing.");
    for (std::size_t i = 0; i < units->size(); ++i) {
        const Object::Ptr o = units->getObject(static_cast<unsigned>(i));
        if (!o) continue;
        Unit u;
        u.code = o->optValue<std::string>("code", "");
        u.name = o->optValue<std::string>("name", u.code);
        u.file = o->optValue<std::string>("file", "");
        u.status = status(o->optValue<std::string>("status", "missing"));
        u.pendorong = o->optValue<std::string>("faktorPendorong", "");
        u.penghambat = o->optValue<std::string>("faktorPenghambat", "");
        u.tindakLanjut = o->optValue<std::string>("tindakLanjut", "");
        u.summary = summary(o->getObject("summary"));
        if (const Array::Ptr rows = o->getArray("rows"))
            for (std::size_t j = 0; j < rows->size(); ++j) {
                const Object::Ptr ro = rows->getObject(static_cast<unsigned>(j));
                if (!ro) continue;
                Row r;
                r.key = ro->optValue<std::string>("key", "");
                r.code = ro->optValue<std::string>("code", "");
                r.indikator = ro->optValue<std::string>("indikator", "");
                r.type = ro->optValue<std::string>("type", "");
                planFields(r, ro, ro->has("plan") ? nullptr : planRow(u.code, r.key));
                if (const Array::Ptr qs = ro->getArray("quarters"))
                    for (std::size_t q = 0; q < 4 && q < qs->size(); ++q)
                        r.quarters[q] = quarter(qs->get(static_cast<unsigned>(q)));
                r.realisasi = pair(ro, "realisasi");
                r.capaian = pair(ro, "capaianRenja");
                r.renstra = pair(ro, "realisasiRenstra");
                r.capaianRenstra = pair(ro, "capaianRenstra");
                r.keterangan = ro->optValue<std::string>("keterangan", "");
                u.rows.push_back(std::move(r));
            }
        d.units.push_back(std::move(u));
    }
    // Corrections (issue 8, merge_json.cpp):
    // [{"unit","row","triwulan","oldK","newK","oldRp","newRp","reason","by","at"}]; oldK/newK (or oldRp/newRp) are
    // present only when the correction set that value.
    if (const Array::Ptr cs = root->getArray("corrections"))
        for (std::size_t i = 0; i < cs->size(); ++i) {
            const Object::Ptr o = cs->getObject(static_cast<unsigned>(i));
            if (!o) continue;
            Correction c;
            c.unit = o->optValue<std::string>("unit", "");
            c.row = o->optValue<std::string>("row", "");
            c.triwulan = o->optValue<int>("triwulan", 0);
            c.setsK = o->has("oldK") || o->has("newK");
            c.setsRp = o->has("oldRp") || o->has("newRp");
            c.before.k = number(o, "oldK");
            c.after.k = number(o, "newK");
            c.before.rp = number(o, "oldRp");
            c.after.rp = number(o, "newRp");
            c.reason = o->optValue<std::string>("reason", "");
            c.by = o->optValue<std::string>("by", "");
            c.at = o->optValue<std::string>("at", "");
            d.corrections.push_back(std::move(c));
        }
    return d;
}

std::vector<std::string> defaultDasarHukum()
{
    return {
        "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
        "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah sebagaimana telah diubah terakhir dengan "
        "Undang-Undang Nomor 12 Tahun 2008;",
        "Undang-Undang Nomor 33 Tahun 2004 tentang Perimbangan Keuangan antara Pemerintah Pusat dan Daerah;",
        "Peraturan Pemerintah Nomor 8 Tahun 2008 tentang Tahapan, Tatacara Penyusunan, Pengendalian dan Evaluasi "
        "Pelaksanaan Rencana Pembangunan Daerah;",
        "Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan Daerah;",
        "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi "
        "Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang "
        "Daerah dan Rencana Pembangunan Jangka Menengah Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka "
        "Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah dan Rencana Kerja Pemerintah Daerah;",
        "Peraturan Gubernur Kepulauan Bangka Belitung Nomor 58 Tahun 2016 tentang Pembentukan Organisasi dan Tata "
        "Kerja "
        "pada Dinas Daerah Provinsi Kepulauan Bangka Belitung.",
    };
}

Options loadOptions(const std::filesystem::path& workspaceDir)
{
    Options o;
    o.dasarHukum = defaultDasarHukum();
    const auto file = workspaceDir / kOptionsFile;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return o;
    const std::string name = displayName(file);
    Object::Ptr root;
    try {
        root = Poco::JSON::Parser().parse(readFile(file)).extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
        fail(name, "", "laporan.json bukan JSON yang sah: " + e.displayText(),
             "laporan.json is not valid JSON: " + e.displayText());
    }
    if (root->has("dasarHukum")) {
        const Array::Ptr list = root->getArray("dasarHukum");
        if (!list)
            fail(name, "dasarHukum", "\"dasarHukum\" harus berupa daftar teks.",
                 "\"dasarHukum\" must be a list of texts.");
        o.dasarHukum.clear();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Poco::Dynamic::Var v = list->get(static_cast<unsigned>(i));
            if (!v.isString() || v.toString().empty())
                fail(name, "dasarHukum[" + std::to_string(i) + "]",
                     "Setiap dasar hukum harus berupa teks yang tidak kosong.",
                     "Each legal basis must be a non-empty text.");
            o.dasarHukum.push_back(v.toString());
        }
    }
    o.city = root->optValue<std::string>("kota", "");
    return o;
}

void computeCapaianByQuarter(std::vector<Unit>& units, int upToTriwulan, const EvaluationConfig& config)
{
    for (Unit& u : units) {
        if (u.status == Status::missing) continue;
        for (int q = 1; q <= upToTriwulan && q <= 4; ++q) {
            std::vector<Figure> capaian;
            for (const Row& r : u.rows) {
                PlanRow plan;
                plan.type = parseIndicatorType(r.type).value_or(IndicatorType::positive);
                plan.targetRenstraK = r.renstraK.value_or(0);
                plan.targetRenstraRp = r.renstraRp;
                plan.realisasiLaluK = r.laluK;
                plan.realisasiLaluRp = r.laluRp;
                plan.targetK = r.targetK.value_or(0);
                plan.paguRp = r.paguRp;
                std::array<QuarterValue, 4> upTo = r.quarters;
                for (std::size_t later = static_cast<std::size_t>(q); later < 4; ++later) upTo[later] = QuarterValue{};
                // A row without a target has no capaian at any quarter, as in the table.
                capaian.push_back(r.targetK ? evaluateRow(plan, upTo, config).capaianK
                                            : Figure::none(NotComputable::noTarget));
            }
            u.capaianByQuarter[static_cast<std::size_t>(q - 1)] = rate(capaian, config).average;
        }
    }
}

}   // namespace evakin::report
