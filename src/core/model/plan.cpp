#include "model/plan.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "text/error.hpp"
#include "text/text_util.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "io/number_parse.hpp"
#include "io/sheet_reader.hpp"

namespace evakin {

const std::vector<std::string> kPlanColumns = {"Kode Unit",
                                               "Tujuan",
                                               "Sasaran",
                                               "Kode",
                                               "Program / Kegiatan / Sub Kegiatan",
                                               "Indikator Kinerja",
                                               "Satuan",
                                               "Jenis Indikator",
                                               "Target Renstra (K)",
                                               "Target Renstra (Rp)",
                                               "Realisasi s/d Tahun Lalu (K)",
                                               "Realisasi s/d Tahun Lalu (Rp)",
                                               "Target Tahun Ini (K)",
                                               "Pagu Tahun Ini (Rp)"};
const char* const kPlanSheet = "Rencana";

namespace {
enum Col {
    cUnit,
    cTujuan,
    cSasaran,
    cKode,
    cUraian,
    cIndikator,
    cSatuan,
    cJenis,
    cRenstraK,
    cRenstraRp,
    cLaluK,
    cLaluRp,
    cTargetK,
    cPagu
};

}   // namespace

const char* indicatorTypeName(IndicatorType t)
{
    switch (t) {
        case IndicatorType::positive: return "positif";
        case IndicatorType::negative: return "negatif";
        case IndicatorType::percentage: return "persentase";
        case IndicatorType::finalValue: return "nilai akhir";
    }
    return "";
}

std::optional<IndicatorType> parseIndicatorType(const std::string& s)
{
    const std::string t = lowerAscii(trimSpaces(s));
    if (t == "positif" || t == "positive" || t.empty()) return IndicatorType::positive;
    if (t == "negatif" || t == "negative") return IndicatorType::negative;
    if (t == "persentase" || t == "percentage" || t == "persen") return IndicatorType::percentage;
    if (t == "nilai akhir" || t == "final value" || t == "final") return IndicatorType::finalValue;
    return std::nullopt;
}

PlanLevel levelFromCode(const std::string& code)
{
    const auto parts = std::count(code.begin(), code.end(), '.') + 1;
    return parts <= 3 ? PlanLevel::program : parts <= 5 ? PlanLevel::kegiatan : PlanLevel::subKegiatan;
}

bool isHeadingCode(const std::string& code) { return std::count(code.begin(), code.end(), '.') <= 1; }

std::vector<std::vector<const PlanHeading*>> headingsAbove(const std::vector<PlanHeading>& headings,
                                                           const std::vector<std::string>& codes)
{
    const auto under = [](const std::string& code, const std::string& heading) {
        return code.size() > heading.size() && code.compare(0, heading.size(), heading) == 0 &&
               code[heading.size()] == '.';
    };
    std::vector<std::vector<const PlanHeading*>> out(codes.size());
    std::vector<const PlanHeading*> previous;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        std::vector<const PlanHeading*> chain;
        for (const PlanHeading& h : headings)
            if (under(codes[i], h.code)) chain.push_back(&h);
        std::stable_sort(chain.begin(), chain.end(),
                         [](const PlanHeading* a, const PlanHeading* b) { return a->code.size() < b->code.size(); });
        for (const PlanHeading* h : chain)
            if (std::find(previous.begin(), previous.end(), h) == previous.end()) out[i].push_back(h);
        previous = std::move(chain);
    }
    return out;
}

namespace {

// The code's first `parts` parts ("2.18" of "2.18.01.1.01"); empty when it has no more than that.
std::string leadingParts(const std::string& code, int parts)
{
    std::size_t end = 0;
    for (int found = 0; found < parts && end != std::string::npos; ++found) end = code.find('.', end ? end + 1 : 0);
    return end == std::string::npos ? std::string() : code.substr(0, end);
}

}   // namespace

std::string parentCode(const std::string& code)
{
    const PlanLevel level = levelFromCode(code);
    if (level == PlanLevel::program) return {};
    return leadingParts(code, level == PlanLevel::subKegiatan ? 5 : 3);
}

std::vector<RollupMismatch> rollupMismatches(const std::vector<std::pair<std::string, double>>& amounts)
{
    std::vector<RollupMismatch> out;
    for (const auto& [parent, value] : amounts) {
        RollupMismatch m{parent, value, 0, {}};
        for (const auto& [child, childValue] : amounts)
            if (parentCode(child) == parent) {
                m.childrenSum += childValue;
                m.children.push_back(child);
            }
        if (!m.children.empty() && std::fabs(m.childrenSum - value) >= 1) out.push_back(std::move(m));
    }
    return out;
}

namespace {

// The regulation's own words, in both languages.
const char* levelWord(PlanLevel l)
{
    return l == PlanLevel::program ? "program" : l == PlanLevel::kegiatan ? "kegiatan" : "sub kegiatan";
}

std::string rowList(const std::vector<std::size_t>& rows)
{
    std::string out;
    for (std::size_t r : rows) out += (out.empty() ? "" : ", ") + std::to_string(r);
    return out;
}

}   // namespace

std::vector<Problem> planRollupWarnings(const Plan& plan, const std::string& fileName)
{
    // One amount per code: the pagu sits on a code's first indicator row (the others leave it empty),
    // summed over the units that share the code.
    std::vector<std::pair<std::string, double>> amounts;
    std::map<std::string, std::vector<std::size_t>> rowsOfCode;   // sheet rows (1-based) per code
    for (const PlanRow& r : plan.rows) {
        rowsOfCode[r.code].push_back(r.sourceRow + 1);
        if (r.key != r.code || !r.paguRp) continue;
        const auto it = std::find_if(amounts.begin(), amounts.end(), [&](const auto& a) { return a.first == r.code; });
        if (it == amounts.end())
            amounts.emplace_back(r.code, *r.paguRp);
        else
            it->second += *r.paguRp;
    }
    std::vector<Problem> out;
    const auto warn = [&](std::size_t row, Text t) {
        out.push_back(Problem{fileName, kPlanSheet, cellAddress(row - 1, cPagu), {}, std::move(t)});
    };
    for (const RollupMismatch& m : rollupMismatches(amounts)) {
        const PlanLevel level = levelFromCode(m.parent);
        const PlanLevel childLevel = level == PlanLevel::program ? PlanLevel::kegiatan : PlanLevel::subKegiatan;
        std::vector<std::size_t> childRows;
        for (const std::string& c : m.children)
            for (std::size_t r : rowsOfCode[c]) childRows.push_back(r);
        std::sort(childRows.begin(), childRows.end());
        warn(rowsOfCode[m.parent].front(),
             Text{"Pagu " + std::string(levelWord(level)) + " " + m.parent + " (baris " +
                      rowList(rowsOfCode[m.parent]) + ") Rp " + formatNumberId(m.parentValue) +
                      " tidak sama dengan jumlah pagu " + levelWord(childLevel) + "-nya Rp " +
                      formatNumberId(m.childrenSum) + " (baris " + rowList(childRows) +
                      "). Periksa pagu di baris-baris itu.",
                  "The budget of " + std::string(levelWord(level)) + " " + m.parent + " (row " +
                      rowList(rowsOfCode[m.parent]) + ") Rp " + formatNumberId(m.parentValue) +
                      " differs from the sum of its " + levelWord(childLevel) + " Rp " + formatNumberId(m.childrenSum) +
                      " (rows " + rowList(childRows) + "). Check the budgets on those rows."});
    }
    // A program whose urusan or bidang urusan has no row: the form's column 4 would lack that heading.
    std::set<std::string> headingCodes;
    for (const PlanHeading& h : plan.headings) headingCodes.insert(h.code);
    std::map<std::string, std::vector<std::size_t>> programRowsOfMissing;   // "2" or "2.18" -> sheet rows
    for (const PlanRow& r : plan.rows) {
        if (r.level != PlanLevel::program) continue;
        for (int parts = 1; parts <= 2; ++parts) {
            const std::string heading = leadingParts(r.code, parts);
            const bool numbered = !heading.empty() && heading.find_first_not_of("0123456789.") == std::string::npos;
            if (numbered && !headingCodes.count(heading)) programRowsOfMissing[heading].push_back(r.sourceRow + 1);
        }
    }
    for (const auto& [heading, rows] : programRowsOfMissing) {
        const char* what = heading.find('.') == std::string::npos ? "urusan" : "bidang urusan";
        out.push_back(Problem{
            fileName, kPlanSheet, cellAddress(rows.front() - 1, cKode), {},
            Text{"Program di baris " + rowList(rows) + " berada di bawah " + what + " " + heading +
                     ", yang tidak punya baris di rencana kerja. Tambahkan baris berkode " + heading +
                     " dengan nama " + what + "-nya saja, tanpa indikator dan target: format dan tabel evaluasi "
                     "menampilkannya sebagai judul di atas programnya (Permendagri 86/2017).",
                 "The programs on rows " + rowList(rows) + " fall under " + what + " " + heading +
                     ", which has no row in the plan. Add a row coded " + heading + " with only the " + what +
                     "'s name, no indicator or target: the forms and the evaluation table show it as a heading "
                     "above its programs (Permendagri 86/2017)."}});
    }
    std::set<std::string> reported;
    for (const PlanRow& r : plan.rows) {
        const std::string parent = parentCode(r.code);
        if (parent.empty() || rowsOfCode.count(parent) || !reported.insert(r.code).second) continue;
        const PlanLevel level = levelFromCode(r.code);
        const PlanLevel parentLevel = level == PlanLevel::subKegiatan ? PlanLevel::kegiatan : PlanLevel::program;
        warn(r.sourceRow + 1,
             Text{"Baris " + std::string(levelWord(level)) + " " + r.code + " (baris " + rowList(rowsOfCode[r.code]) +
                      ") tidak punya baris " + levelWord(parentLevel) + " " + parent + " di atasnya. Tambahkan baris " +
                      levelWord(parentLevel) + " itu beserta indikator dan pagunya (Permendagri 90/2019).",
                  "The " + std::string(levelWord(level)) + " " + r.code + " (row " + rowList(rowsOfCode[r.code]) +
                      ") has no row of its " + levelWord(parentLevel) + " " + parent +
                      ". Add that row with its indicator and budget (Permendagri 90/2019)."});
    }
    return out;
}

std::vector<const PlanRow*> Plan::rowsOf(const std::string& unitCode) const
{
    std::vector<const PlanRow*> out;
    for (const auto& r : rows)
        if (r.unitCode == unitCode) out.push_back(&r);
    return out;
}

Plan loadPlan(const std::filesystem::path& file, const Profile& profile)
{
    const std::string name = displayName(file);
    Workbook wb = readWorkbook(file);
    const auto found =
        std::find_if(wb.sheets.begin(), wb.sheets.end(), [](const Sheet& s) { return s.name == kPlanSheet; });
    Sheet* sheet = found == wb.sheets.end() ? nullptr : &*found;
    if (!sheet)
        throw Error(name, Text{std::string("Lembar \"") + kPlanSheet +
                                   "\" tidak ada. Pakai templat rencana-kerja dan jangan ganti nama lembarnya.",
                               std::string("There is no sheet \"") + kPlanSheet +
                                   "\". Use the rencana-kerja template and keep its sheet name."});
    std::vector<Problem> problems;
    auto problem = [&](std::size_t row, std::size_t col, Text text) {
        problems.push_back(Problem{name, kPlanSheet, cellAddress(row, col), {}, std::move(text)});
    };
    // The header row is checked so that a shifted column is caught instead of read as the wrong field.
    for (std::size_t c = 0; c < kPlanColumns.size(); ++c)
        if (lowerAscii(trimSpaces(sheet->at(0, c).text)) != lowerAscii(kPlanColumns[c]))
            problem(
                0, c,
                Text{"Judul kolom seharusnya \"" + kPlanColumns[c] + "\". Jangan menyisipkan atau memindahkan kolom.",
                     "The column title should be \"" + kPlanColumns[c] + "\". Do not insert or move columns."});
    if (!problems.empty()) throw Error(std::move(problems));

    auto number = [&](std::size_t r, std::size_t c, bool required, const char* what_id,
                      const char* what_en) -> std::optional<double> {
        const Cell& cell = sheet->at(r, c);
        if (cell.type == Cell::Type::number) {
            if (auto why = unreadableNumber(cell.number)) {
                problem(r, c, Text{std::string(what_id) + ": " + why->id, std::string(what_en) + ": " + why->en});
                return std::nullopt;
            }
            return cell.number;
        }
        if (cell.empty() || trimSpaces(cell.text).empty()) {
            if (required)
                problem(r, c,
                        Text{std::string(what_id) + " kosong. Isi dengan angka.",
                             std::string(what_en) + " is empty. Enter a number."});
            return std::nullopt;
        }
        const ParsedNumber parsed = parseNumberId(cell.text);
        if (!parsed.value)
            problem(
                r, c,
                Text{std::string(what_id) + ": " + parsed.problem.id, std::string(what_en) + ": " + parsed.problem.en});
        return parsed.value;
    };

    Plan plan;
    plan.rows.reserve(sheet->rows.size());
    // An urusan or bidang urusan row only names the heading: its indicator, type and figures are
    // the programs' below it, so a value there would be silently lost.
    const auto readHeading = [&](std::size_t r, const std::string& code, const std::string& uraian) {
        if (uraian.empty())
            problem(r, cUraian,
                    Text{"Nama urusan/bidang urusan " + code + " kosong. Isi namanya, mis. \"Urusan Pemerintahan "
                                                               "Bidang Penanaman Modal\".",
                         "The name of urusan/bidang urusan " + code + " is empty. Enter its name."});
        for (std::size_t c = cIndikator; c <= cPagu; ++c)
            if (!isBlank(sheet->at(r, c).text) || sheet->at(r, c).type == Cell::Type::number) {
                problem(r, c,
                        Text{"Baris urusan/bidang urusan " + code +
                                 " tidak memakai indikator, jenis, target atau pagu. Kosongkan sel ini; isi "
                                 "indikator dan target di baris program, kegiatan dan sub kegiatan di bawahnya.",
                             "The urusan/bidang urusan row " + code +
                                 " takes no indicator, type, target or budget. Empty this cell; enter indicators "
                                 "and targets on the program, kegiatan and sub kegiatan rows below it."});
                break;
            }
        const auto same = std::find_if(plan.headings.begin(), plan.headings.end(),
                                       [&](const PlanHeading& h) { return h.code == code; });
        if (same != plan.headings.end())
            problem(r, cKode,
                    Text{"Kode urusan/bidang urusan " + code + " sudah ada di baris " +
                             std::to_string(same->sourceRow + 1) + ". Hapus baris ganda.",
                         "The urusan/bidang urusan code " + code + " already appears on row " +
                             std::to_string(same->sourceRow + 1) + ". Remove the duplicate."});
        else
            plan.headings.push_back(PlanHeading{code, uraian, r});
    };
    // Hashed, never iterated; the keys join the fields with a separator no cell text holds.
    std::unordered_map<std::string, int> codeCount;   // unit + code -> rows so far
    std::unordered_set<std::string> seenIndicators;   // unit + code + indicator
    for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
        const auto text = [&](std::size_t c) { return trimSpaces(sheet->at(r, c).text); };
        bool blank = true;
        for (std::size_t c = 0; c < kPlanColumns.size() && blank; ++c) blank = isBlank(sheet->at(r, c).text);
        if (blank) continue;
        // Texts are moved from the sheet into the plan row, not copied: twenty
        // thousand rows of them, and the sheet is dropped afterwards.
        std::vector<Cell>& cells = sheet->rows[r];
        const auto take = [&cells](std::size_t c) -> std::string {
            if (c >= cells.size()) return {};
            std::string& t = cells[c].text;
            const std::string_view trimmed = trimmedView(t);
            return trimmed.size() == t.size() ? std::move(t) : std::string(trimmed);
        };

        if (const std::string code = text(cKode); !code.empty() && isHeadingCode(code)) {
            readHeading(r, code, text(cUraian));
            continue;
        }

        PlanRow row;
        row.sourceRow = r;
        row.unitCode = take(cUnit);
        row.tujuan = take(cTujuan);
        row.sasaran = take(cSasaran);
        row.code = take(cKode);
        row.uraian = take(cUraian);
        row.indikator = take(cIndikator);
        row.satuan = take(cSatuan);
        if (!profile.unit(row.unitCode))
            problem(r, cUnit,
                    Text{"Kode unit \"" + row.unitCode +
                             "\" tidak ada di profil kantor (profil.json). Pakai salah satu kode unit dari profil itu.",
                         "Unit code \"" + row.unitCode +
                             "\" is not in the office profile (profil.json). Use one of the unit codes listed there."});
        if (row.code.empty())
            problem(r, cKode, Text{"Kode program/kegiatan kosong.", "The program/activity code is empty."});
        if (row.uraian.empty())
            problem(r, cUraian, Text{"Nama program/kegiatan kosong.", "The program/activity name is empty."});
        if (row.indikator.empty())
            problem(r, cIndikator, Text{"Indikator kinerja kosong.", "The performance indicator is empty."});
        if (auto t = parseIndicatorType(text(cJenis)))
            row.type = *t;
        else
            problem(r, cJenis,
                    Text{"Jenis indikator \"" + text(cJenis) +
                             "\" tidak dikenal. Pakai positif, negatif, persentase, atau nilai akhir.",
                         "Unknown indicator type \"" + text(cJenis) +
                             "\". Use positif, negatif, persentase or nilai akhir."});
        row.level = levelFromCode(row.code);
        row.targetRenstraK = number(r, cRenstraK, true, "Target Renstra (K)", "Renstra target (K)").value_or(0);
        row.targetRenstraRp = number(r, cRenstraRp, false, "Target Renstra (Rp)", "Renstra target (Rp)");
        row.realisasiLaluK =
            number(r, cLaluK, false, "Realisasi s/d tahun lalu (K)", "Realisation up to last year (K)");
        row.realisasiLaluRp =
            number(r, cLaluRp, false, "Realisasi s/d tahun lalu (Rp)", "Realisation up to last year (Rp)");
        row.targetK = number(r, cTargetK, true, "Target tahun ini (K)", "This year's target (K)").value_or(0);
        row.paguRp = number(r, cPagu, false, "Pagu tahun ini (Rp)", "This year's budget (Rp)");

        // A negative budget or target has no meaning (a capaian of Rp -18% was the result): refused at its cell.
        for (const auto& [col, value] : {std::pair<std::size_t, std::optional<double>>{cRenstraK, row.targetRenstraK},
                                         {cRenstraRp, row.targetRenstraRp},
                                         {cLaluK, row.realisasiLaluK},
                                         {cLaluRp, row.realisasiLaluRp},
                                         {cTargetK, row.targetK},
                                         {cPagu, row.paguRp}})
            if (value && *value < 0)
                problem(r, col,
                        Text{"Nilai negatif (" + formatNumberId(*value) +
                                 ") tidak dapat dipakai di rencana kerja. Isi 0 atau lebih.",
                             "A negative value (" + formatNumberId(*value) +
                                 ") cannot be used in the plan. Enter 0 or more."});
        const std::string unitAndCode = row.unitCode + '\x1f' + row.code;
        // The same indicator twice under one code, however its spaces and capitals differ, is a copied row.
        std::string sameIndicator;
        for (const char c : lowerAscii(row.indikator))
            if (c != ' ' || (!sameIndicator.empty() && sameIndicator.back() != ' ')) sameIndicator += c;
        if (!seenIndicators.insert(unitAndCode + '\x1f' + sameIndicator).second)
            problem(r, cKode,
                    Text{"Kode \"" + row.code + "\" dengan indikator yang sama sudah ada di baris lain unit " +
                             row.unitCode + ". Hapus baris ganda.",
                         "Code \"" + row.code + "\" with the same indicator already appears on another row of unit " +
                             row.unitCode + ". Remove the duplicate."});
        const int n = ++codeCount[unitAndCode];
        row.key = n == 1 ? row.code : row.code + "#" + std::to_string(n);
        plan.rows.push_back(std::move(row));
    }
    if (plan.rows.empty() && problems.empty())
        problems.push_back(Problem{name,
                                   kPlanSheet,
                                   {},
                                   {},
                                   Text{"Rencana kerja masih kosong. Isi baris program/kegiatan mulai baris 2.",
                                        "The plan is empty. Fill in program/activity rows from row 2."}});
    if (!problems.empty()) throw Error(std::move(problems));
    return plan;
}

}   // namespace evakin
