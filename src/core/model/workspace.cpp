#include "model/workspace.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "text/error.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "io/iso_date.hpp"
#include "io/json.hpp"

namespace evakin {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

const char* const kPeriodFile = "periode.json";

Object::Ptr parseJsonFile(const std::filesystem::path& file)
{
    return parseJsonObject(readFile(file), displayName(file), [](const Text& why) {
        return Text{"Berkas ini tidak dapat dibaca: " + why.id + ". Perbaiki dengan editor teks.",
                    "This file cannot be read: " + why.en + ". Correct it in a text editor."};
    });
}

void writeJsonFile(const std::filesystem::path& file, const Object::Ptr& root)
{
    std::ostringstream out;
    root->stringify(out, 2);
    out << '\n';
    writeFileAtomically(file, out.str());
}

}   // namespace

std::string Period::romanTriwulan() const { return romanNumeral(triwulan); }

std::string Period::label() const { return "Triwulan " + romanTriwulan() + " Tahun " + std::to_string(year); }

std::string Period::reportTitle() const
{
    return triwulan == 4 ? "Laporan Evaluasi Kinerja Tahun " + std::to_string(year)
                         : "Laporan Evaluasi Kinerja " + label();
}

bool isWorkspace(const std::filesystem::path& dir)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / kPeriodFile, ec);
}

Workspace openWorkspace(const std::filesystem::path& dir)
{
    const auto file = dir / kPeriodFile;
    if (!isWorkspace(dir))
        throw Error(dir.u8string(), Text{"Folder ini bukan ruang kerja Evakin (tidak ada periode.json). Buat dengan "
                                         "\"evakin init\" atau pilih folder lain.",
                                         "This folder is not an Evakin workspace (no periode.json). Create one with "
                                         "\"evakin init\" or choose another folder."});
    const Object::Ptr root = parseJsonFile(file);
    const JsonFile periodFile{displayName(file),
                              {"Perbaiki periode.json dengan editor teks, atau buat ruang kerja ini lagi.",
                               "Correct periode.json in a text editor, or create this workspace again."}};
    const int format =
        static_cast<int>(optionalNumber(periodFile, root, "format",
                                        {"format", {"versi format (\"format\")", "format version"}}, {0, 1e6, true})
                             .value_or(0));
    if (format > kWorkspaceFormat)
        throw Error(displayName(file), Text{"Ruang kerja ini dibuat oleh Evakin yang lebih baru (format " +
                                                std::to_string(format) + "). Perbarui Evakin.",
                                            "This workspace was made by a newer Evakin (format " +
                                                std::to_string(format) + "). Update Evakin."});
    if (format < 1)
        throw Error(displayName(file),
                    Text{"Versi format ruang kerja tidak dikenal. Buat ulang dengan \"evakin init\".",
                         "Unknown workspace format version. Recreate it with \"evakin init\"."});
    Workspace ws;
    ws.dir = dir;
    // Whole numbers only: 2026.7 or "2026" are refused, never truncated or converted.
    ws.period.year = static_cast<int>(
        requiredNumber(periodFile, root, "year", {"year", {"tahun (\"year\")", "year"}}, {2000, 2100, true}));
    ws.period.triwulan = static_cast<int>(
        requiredNumber(periodFile, root, "triwulan", {"triwulan", {"triwulan", "triwulan (quarter)"}}, {1, 4, true}));
    const Poco::Dynamic::Var deadline = root->get("deadline");
    ws.period.deadline = deadline.isString() ? deadline.toString() : std::string();
    if ((!deadline.isEmpty() && !deadline.isString()) ||
        (!ws.period.deadline.empty() && !parseIsoDate(std::string_view(ws.period.deadline))))
        throw Error(Problem{displayName(file),
                            {},
                            {},
                            "deadline",
                            Text{"Batas waktu \"" + ws.period.deadline +
                                     "\" bukan tanggal yang ada (TTTT-BB-HH, mis. 2026-04-10). Perbaiki periode.json.",
                                 "The deadline \"" + ws.period.deadline +
                                     "\" is not a real date (YYYY-MM-DD, e.g. 2026-04-10). Correct periode.json."}});
    return ws;
}

void createWorkspace(const std::filesystem::path& dir, const Period& period)
{
    Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("format", kWorkspaceFormat);
    root->set("year", period.year);
    root->set("triwulan", period.triwulan);
    root->set("deadline", period.deadline);
    writeJsonFile(dir / kPeriodFile, root);
    for (const char* sub : {"outbox", "inbox", "hasil"}) std::filesystem::create_directories(dir / sub);
}

YearRealisations loadRealisations(const Workspace& ws)
{
    YearRealisations out;
    const auto file = ws.realisationsFile();
    if (!std::filesystem::exists(file)) return out;
    const Object::Ptr root = parseJsonFile(file);
    // Written by Periode Baru from the finished period's results: a wrong value is repaired there, not here.
    const JsonFile realisations{displayName(file),
                                {"Buat periode ini lagi dengan Periode Baru dari periode sebelumnya.",
                                 "Create this period again with Periode Baru from the previous period."}};
    const Object::Ptr units = root->getObject("units");
    if (!units) return out;
    for (const auto& unitName : units->getNames()) {
        const Object::Ptr rows = units->getObject(unitName);
        for (const auto& rowKey : rows ? rows->getNames() : std::vector<std::string>{}) {
            const Array::Ptr quarters = rows->getArray(rowKey);
            auto& values = out[unitName][rowKey];
            for (unsigned q = 0; quarters && q < 4 && q < quarters->size(); ++q) {
                const Object::Ptr v = quarters->getObject(q);
                if (!v) continue;
                const std::string path = "units." + unitName + "." + rowKey + "[" + std::to_string(q) + "].";
                const auto member = [&](const char* key, const char* id, const char* en) {
                    const std::string tw = romanNumeral(static_cast<int>(q) + 1);
                    return JsonMember{path + key,
                                      {"unit " + unitName + ", baris " + rowKey + ", triwulan " + tw + ", " + id,
                                       "unit " + unitName + ", row " + rowKey + ", triwulan " + tw + ", " + en}};
                };
                values[q].k = optionalNumber(realisations, v, "k", member("k", "K", "K"), {0, 1e15});
                values[q].rp = optionalNumber(realisations, v, "rp", member("rp", "Rp", "Rp"), {0, 1e15});
                values[q].late = optionalBool(realisations, v, "late", member("late", "terlambat", "late"), false);
            }
        }
    }
    return out;
}

void saveRealisations(const Workspace& ws, const YearRealisations& values)
{
    Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("format", kWorkspaceFormat);
    Object::Ptr units = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [unit, rows] : values) {
        Object::Ptr r = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        for (const auto& [key, quarters] : rows) {
            Array::Ptr a = new Array;
            for (const auto& q : quarters) {
                if (!q.reported()) {
                    a->add(Poco::Dynamic::Var());
                    continue;
                }
                Object::Ptr v = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
                if (q.k) v->set("k", *q.k);
                if (q.rp) v->set("rp", *q.rp);
                if (q.late) v->set("late", true);
                a->add(v);
            }
            r->set(key, a);
        }
        units->set(unit, r);
    }
    root->set("units", units);
    writeJsonFile(ws.realisationsFile(), root);
}

}   // namespace evakin
