#include "report/report_data.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <map>

#include "text/error.hpp"
#include "io/files.hpp"
#include "io/json.hpp"

namespace evakin::report {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Plan fields of a row evaluasi.json gives without its "plan" object: from the plan workbook.
void planFields(Row& r, const PlanRow* p)
{
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
    Data d;
    static_cast<EvaluationRecord&>(d) = parseEvaluationJson(json, sourceName);
    std::map<std::pair<std::string, std::string>, const PlanRow*> planRows;
    bool planAsked = false;
    for (Unit& u : d.units)
        for (Row& r : u.rows) {
            if (r.hasPlan) continue;
            if (!planAsked) {
                planAsked = true;
                if (const Plan* plan = planSource ? planSource() : nullptr)
                    for (const PlanRow& p : plan->rows) planRows[{p.unitCode, p.key}] = &p;
            }
            const auto it = planRows.find({u.code, r.key});
            planFields(r, it == planRows.end() ? nullptr : it->second);
        }
    return d;
}

// The laws in force for the evaluation of a Renja (checked against the
// superseded ones the SOP's old wording cited: UU 32/2004 and 33/2004, PP 8/2008
// and Permendagri 13/2006 are repealed). An office adds its own regional
// regulations (the Pergub on its organisation) in laporan.json.
std::vector<std::string> defaultDasarHukum()
{
    return {
        "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah beberapa kali, "
        "terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
        "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang;",
        "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah;",
        "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah;",
        "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi "
        "Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang "
        "Daerah dan Rencana Pembangunan Jangka Menengah Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka "
        "Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah dan Rencana Kerja Pemerintah Daerah;",
        "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur "
        "Perencanaan Pembangunan dan Keuangan Daerah beserta pemutakhirannya;",
        "Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang Pedoman Teknis Pengelolaan Keuangan Daerah.",
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
    const Object::Ptr root = parseJsonObject(readFile(file), name, [](const Text& why) {
        return Text{"Pengaturan laporan tidak dapat dibaca: " + why.id + ". Perbaiki dengan editor teks.",
                    "The report settings cannot be read: " + why.en + ". Correct them in a text editor."};
    });
    const JsonFile options{name,
                           {"Perbaiki laporan.json dengan editor teks.", "Correct laporan.json in a text editor."}};
    if (root->has("dasarHukum")) {
        const Array::Ptr list = root->getArray("dasarHukum");
        if (!list)
            failJsonField(
                options, {"dasarHukum", {"dasar hukum (\"dasarHukum\")", "legal basis (\"dasarHukum\")"}},
                {"harus berupa daftar teks: [\"...\", \"...\"].", "must be a list of texts: [\"...\", \"...\"]."});
        o.dasarHukum.clear();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Poco::Dynamic::Var v = list->get(static_cast<unsigned>(i));
            if (!v.isString() || v.toString().empty())
                failJsonField(options,
                              {"dasarHukum[" + std::to_string(i) + "]",
                               {"dasar hukum ke-" + std::to_string(i + 1), "legal basis " + std::to_string(i + 1)}},
                              {"harus berupa teks yang tidak kosong.", "must be a non-empty text."});
            o.dasarHukum.push_back(v.toString());
        }
    }
    o.city = root->optValue<std::string>("kota", "");
    return o;
}

}   // namespace evakin::report
