// Checking one identified return against the plan and the accepted quarters:
// fixed cells (by the stamped digest, named cell by cell), rows added or
// deleted, input values (numbers as staff type them, not negative), late
// earlier quarters, and the texts below the table.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "collect/collect_return.hpp"
#include "text/text_util.hpp"
#include "model/form_layout.hpp"
#include "io/format_id.hpp"
#include "io/number_parse.hpp"

namespace evakin::collect_detail {

namespace {

using namespace form;

bool sameNumber(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

// A cell that should hold a number: its value, nothing (empty), or why not.
struct NumberCell {
    std::optional<double> value;
    bool bad = false;
    Text why;
};

NumberCell readNumber(const Cell& c)
{
    switch (c.type) {
        case Cell::Type::empty: return {};
        case Cell::Type::number:
            if (auto why = unreadableNumber(c.number)) return {std::nullopt, true, std::move(*why)};
            return {c.number, false, {}};
        case Cell::Type::text: {
            if (trimSpaces(c.text).empty()) return {};
            ParsedNumber p = parseNumberId(c.text);
            if (p.value) return {p.value, false, {}};
            return {std::nullopt, true, p.problem};
        }
        default:
            return {std::nullopt,
                    true,
                    {"Sel berisi " +
                         std::string(c.type == Cell::Type::date      ? "tanggal"
                                     : c.type == Cell::Type::boolean ? "nilai benar/salah"
                                                                     : "galat rumus") +
                         " (\"" + c.text + "\"), bukan angka. Tulis angkanya saja.",
                     "The cell holds a " +
                         std::string(c.type == Cell::Type::date      ? "date"
                                     : c.type == Cell::Type::boolean ? "true/false value"
                                                                     : "formula error") +
                         " (\"" + c.text + "\"), not a number. Type the number only."}};
    }
}

std::string shown(const std::optional<double>& v) { return v ? formatNumberId(*v, 6) : "(kosong)"; }
std::string shownEn(const std::optional<double>& v) { return v ? formatNumberId(*v, 6) : "(empty)"; }

struct Difference {
    std::size_t row, col;
    Text expected, found;   // as shown in messages, per language
};

struct Checker {
    const ReturnContent& c;
    const UnitContext& u;
    CheckedReturn& out;
    const Sheet& s = c.sheet();

    void add(Severity sev, std::size_t row, std::size_t col, Text message)
    {
        out.problems.push_back(
            CollectProblem{Problem{c.file, s.name, cellAddress(row, col), {}, std::move(message)}, sev, u.unit.code});
    }

    bool quarterAccepted(const std::string& key, int q) const
    {
        const auto it = u.accepted.find(key);
        return q < u.period.triwulan && it != u.accepted.end() &&
               it->second[static_cast<std::size_t>(q - 1)].reported();
    }

    // Compares the fixed cells of one row with the plan (and the accepted quarters); fills the row as read back.
    void compareFixed(std::size_t r, const PlanRow& plan, PlanRow& asRead, QuarterValues& acceptedAsRead,
                      std::vector<Difference>& diffs)
    {
        const auto text = [&](int col, std::string_view expected, std::string& field) {
            field = trimmedView(s.at(r, static_cast<std::size_t>(col)).text);
            if (field != trimmedView(expected)) {
                const std::string e = "\"" + std::string(expected) + "\"", f = "\"" + field + "\"";
                diffs.push_back({r, static_cast<std::size_t>(col), {e, e}, {f, f}});
            }
        };
        text(colKode, plan.code, asRead.code);
        text(colUraian, plan.uraian, asRead.uraian);
        text(colIndikator, plan.indikator, asRead.indikator);
        text(colSatuan, plan.satuan, asRead.satuan);
        std::string jenis;
        text(colJenis, indicatorTypeName(plan.type), jenis);
        asRead.type = parseIndicatorType(jenis).value_or(
            plan.type == IndicatorType::positive ? IndicatorType::negative : IndicatorType::positive);
        const auto number = [&](int col, const std::optional<double>& expected, std::optional<double>& field) {
            field = readNumber(s.at(r, static_cast<std::size_t>(col))).value;
            const bool same = field.has_value() == expected.has_value() && (!field || sameNumber(*field, *expected));
            if (!same)
                diffs.push_back({r,
                                 static_cast<std::size_t>(col),
                                 {shown(expected), shownEn(expected)},
                                 {shown(field), shownEn(field)}});
        };
        std::optional<double> renstraK, targetK;
        number(colRenstraK, plan.targetRenstraK, renstraK);
        number(colRenstraRp, plan.targetRenstraRp, asRead.targetRenstraRp);
        number(colLaluK, plan.realisasiLaluK, asRead.realisasiLaluK);
        number(colLaluRp, plan.realisasiLaluRp, asRead.realisasiLaluRp);
        number(colTargetK, plan.targetK, targetK);
        number(colPagu, plan.paguRp, asRead.paguRp);
        asRead.targetRenstraK = renstraK.value_or(std::nan(""));
        asRead.targetK = targetK.value_or(std::nan(""));
        const auto it = u.accepted.find(plan.key);
        for (int q = 1; q < u.period.triwulan; ++q) {
            if (!quarterAccepted(plan.key, q)) continue;
            const QuarterValue& acc = it->second[static_cast<std::size_t>(q - 1)];
            QuarterValue& back = acceptedAsRead[static_cast<std::size_t>(q - 1)];
            number(quarterKColumn(q), acc.k, back.k);
            if (plan.paguRp || acc.rp) number(quarterRpColumn(q), acc.rp, back.rp);
        }
    }

    // A realisation far beyond its target (more than kImplausibleFactor times) or one quarter's spending
    // above the whole year's pagu is most likely a typing slip (a lost comma, a figure in the wrong
    // unit): kept, but named, so staff check it before the table and the report use it.
    static constexpr double kImplausibleFactor = 10;
    void implausible(std::size_t r, std::size_t col, const PlanRow& plan, bool rp, double value)
    {
        if (!rp && std::isfinite(plan.targetK) && plan.targetK > 0 && value > kImplausibleFactor * plan.targetK)
            add(Severity::warning, r, col,
                {"Realisasi " + formatNumberId(value) + " jauh melebihi target tahun ini (" +
                     formatNumberId(plan.targetK) + " " + plan.satuan +
                     "). Periksa angkanya (koma yang hilang, satuan yang lain) dan perbaiki bila salah.",
                 "The realisation " + formatNumberId(value) + " is far beyond this year's target (" +
                     formatNumberId(plan.targetK) + " " + plan.satuan +
                     "). Check the figure (a lost comma, another unit) and correct it if wrong."});
        if (rp && plan.paguRp && *plan.paguRp > 0 && value > *plan.paguRp)
            add(Severity::warning, r, col,
                {"Realisasi Rp " + formatNumberId(value) + " melebihi pagu setahun (" + formatRupiah(*plan.paguRp) +
                     "). Periksa angkanya dan perbaiki bila salah.",
                 "The realisation of Rp " + formatNumberId(value) + " is above the whole year's budget (" +
                     formatRupiah(*plan.paguRp) + "). Check the figure and correct it if wrong."});
    }

    // The current quarter, and earlier ones never reported (late data).
    void readInputs(std::size_t r, const PlanRow& plan)
    {
        QuarterValues& year = out.year[plan.key];
        for (int q = 1; q <= 4; ++q) {
            const bool input = q == u.period.triwulan || (q < u.period.triwulan && !quarterAccepted(plan.key, q));
            for (bool rp : {false, true}) {
                const std::size_t col = static_cast<std::size_t>(rp ? quarterRpColumn(q) : quarterKColumn(q));
                const Cell& cell = s.at(r, col);
                const NumberCell n = readNumber(cell);
                const bool filled = n.value || n.bad;
                if (!input || (rp && !plan.paguRp)) {
                    if (filled && (q > u.period.triwulan || (rp && !plan.paguRp && input)))
                        add(Severity::warning, r, col,
                            {"Sel ini bukan isian (triwulan yang belum berjalan atau kegiatan tanpa pagu); isinya "
                             "diabaikan. Kosongkan sel ini.",
                             "This cell is not an input (a quarter not yet due, or an activity without budget); its "
                             "content is ignored. Clear the cell."});
                    continue;
                }
                if (n.bad) {
                    add(Severity::error, r, col, n.why);
                    continue;
                }
                if (!n.value) {
                    if (q == u.period.triwulan && !rp)
                        add(Severity::warning, r, col,
                            {"Realisasi triwulan " + romanNumeral(q) +
                                 " belum diisi. Isi realisasinya (0 bila memang belum ada).",
                             "The realisation for quarter " + romanNumeral(q) +
                                 " is empty. Fill it in (0 if there is none yet)."});
                    continue;
                }
                if (*n.value < 0) {
                    add(Severity::error, r, col,
                        {"Nilai negatif (" + formatNumberId(*n.value) +
                             ") tidak dapat diterima. Isi realisasi 0 atau lebih.",
                         "A negative value (" + formatNumberId(*n.value) +
                             ") is not accepted. Enter a realisation of 0 or more."});
                    continue;
                }
                implausible(r, col, plan, rp, *n.value);
                QuarterValue& v = year[static_cast<std::size_t>(q - 1)];
                (rp ? v.rp : v.k) = n.value;
                if (q < u.period.triwulan) {
                    v.late = true;   // an earlier quarter arriving now: accepted, flagged late
                    ++out.lateValues;
                }
            }
        }
    }
};

// The row holding a label in column A below the table, and its input cell (column D, merged to the right).
std::optional<std::pair<std::size_t, std::size_t>> inputCell(const Sheet& s, std::size_t from, const std::string& label)
{
    for (std::size_t r = from; r < s.rows.size() && r < from + 50; ++r)
        if (trimSpaces(s.at(r, 0).text).rfind(label, 0) == 0) return std::make_pair(r, std::size_t(3));
    return std::nullopt;
}

}   // namespace

bool CheckedReturn::hasErrors() const
{
    for (const auto& p : problems)
        if (p.severity == Severity::error) return true;
    return false;
}

CheckedReturn checkReturn(const ReturnContent& c, const UnitContext& u)
{
    CheckedReturn out;
    for (const PlanRow* row : u.rows) {
        const auto it = u.accepted.find(row->key);
        QuarterValues& y = out.year[row->key];
        if (it != u.accepted.end())
            for (int q = 1; q < u.period.triwulan; ++q)
                y[static_cast<std::size_t>(q - 1)] = it->second[static_cast<std::size_t>(q - 1)];
    }
    Checker ck{c, u, out};
    const Sheet& s = c.sheet();
    // Hashed: looked up for every row, and never iterated, so their order does not matter.
    std::unordered_map<std::string, const PlanRow*> planByKey;
    for (const PlanRow* row : u.rows) planByKey[row->key] = row;

    std::unordered_map<std::string, int> codeCount;
    std::unordered_map<std::string, std::size_t> sheetRowOfKey;
    std::vector<PlanRow> rowsAsRead;
    rowsAsRead.reserve(u.rows.size());
    UnitRealisations acceptedAsRead;
    std::vector<Difference> diffs;
    bool rowsChanged = false;
    for (std::size_t r = c.table.firstRow; r < c.table.endRow; ++r) {
        const std::string code(trimmedView(s.at(r, colKode).text));
        if (!code.empty() && isHeadingCode(code)) continue;   // an urusan or bidang urusan row: nothing to read
        const int n = ++codeCount[code];
        const std::string key = n == 1 ? code : code + "#" + std::to_string(n);
        const auto plan = planByKey.find(key);
        if (code.empty() || plan == planByKey.end() || sheetRowOfKey.count(key)) {
            rowsChanged = true;
            ck.add(Severity::error, r, colKode,
                   {"Baris ini tidak ada di format yang dibagikan (kode \"" + code +
                        "\"). Unit tidak boleh menambah baris; hapus baris ini atau laporkan kegiatan baru ke "
                        "Subbagian Perencanaan.",
                    "This row is not in the distributed form (code \"" + code +
                        "\"). Units may not add rows; delete it or report new activities to the planning staff."});
            continue;
        }
        sheetRowOfKey[key] = r;
        // The fields the digest covers are filled in by compareFixed, as read.
        PlanRow asRead;
        asRead.key = key;
        ck.compareFixed(r, *plan->second, asRead, acceptedAsRead[key], diffs);
        rowsAsRead.push_back(std::move(asRead));
        ck.readInputs(r, *plan->second);
        const std::string ket = trimSpaces(s.at(r, colKeterangan).text);
        if (!ket.empty()) out.keterangan[key] = ket;
    }
    for (const PlanRow* row : u.rows)
        if (!sheetRowOfKey.count(row->key)) {
            rowsChanged = true;
            out.problems.push_back(CollectProblem{
                Problem{c.file,
                        s.name,
                        {},
                        {},
                        {"Baris kode " + row->code + " (" + row->indikator +
                             ") dihapus dari format. Kembalikan baris itu: isi dari format asli yang dibagikan.",
                         "The row with code " + row->code + " (" + row->indikator +
                             ") was deleted from the form. Restore it: fill in the original distributed form."}},
                Severity::error, u.unit.code});
        }

    // Fixed cells: the digest says whether the unit changed them or the plan changed after distribution.
    std::vector<const PlanRow*> ptrs;
    for (const PlanRow& r : rowsAsRead) ptrs.push_back(&r);
    const bool stampMatches =
        !c.id.digest.empty() && !rowsChanged && formDigest(u.unit.code, u.period, ptrs, acceptedAsRead) == c.id.digest;
    for (const Difference& d : diffs) {
        if (stampMatches)
            ck.add(Severity::warning, d.row, d.col,
                   {"Sel ini berbeda dari rencana sekarang (" + d.expected.id +
                        "), tetapi sama dengan format yang dibagikan: rencana atau realisasi diterima berubah sesudah "
                        "format dibagikan. Tabel memakai nilai rencana sekarang.",
                    "This cell differs from the current plan (" + d.expected.en +
                        ") but matches the distributed form: the plan or the accepted values changed after "
                        "distribution. The table uses the current plan."});
        else
            ck.add(Severity::error, d.row, d.col,
                   {"Sel tetap ini diubah: seharusnya " + d.expected.id + ", tertulis " + d.found.id +
                        ". Kembalikan nilai aslinya (sel abu-abu/biru tidak boleh diubah).",
                    "This fixed cell was changed: it should be " + d.expected.en + ", it reads " + d.found.en +
                        ". Restore the original value (grey/blue cells must not be changed)."});
    }
    if (diffs.empty() && !rowsChanged && !c.id.digest.empty() && !stampMatches)
        out.problems.push_back(
            CollectProblem{Problem{c.file,
                                   s.name,
                                   {},
                                   {},
                                   {"Sidik format tidak cocok, tetapi semua sel tetap sama dengan rencana sekarang; "
                                    "nilai tetap dipakai. Bila ragu, bagikan ulang format.",
                                    "The form's fingerprint does not match, but every fixed cell equals the current "
                                    "plan; the values are used. If in doubt, distribute the form again."}},
                           Severity::warning, u.unit.code});

    bool anyCurrent = false;
    for (const auto& [key, q] : out.year) anyCurrent |= q[static_cast<std::size_t>(u.period.triwulan - 1)].reported();
    if (!anyCurrent && !sheetRowOfKey.empty())
        out.problems.push_back(CollectProblem{
            Problem{c.file,
                    s.name,
                    {},
                    {},
                    {"Format belum diisi: tidak ada satu pun realisasi triwulan " + u.period.romanTriwulan() +
                         ". Isi sel kuning lalu kirim ulang.",
                     "The form is not filled in: there is no realisation for quarter " + u.period.romanTriwulan() +
                         " at all. Fill in the yellow cells and send it again."}},
            Severity::error, u.unit.code});
    checkPercentageTrend(c, u, sheetRowOfKey, out.year, out.problems);
    checkRealisationRollup(c, u, sheetRowOfKey, out.year, out.problems);

    // Texts below the table; a shortfall must be explained.
    const auto text = [&](const char* label, std::string& field) {
        const auto at = inputCell(s, c.table.endRow, label);
        if (!at) return std::optional<std::pair<std::size_t, std::size_t>>();
        for (std::size_t col = at->second; col < kColumnCount + 4; ++col)
            if (!trimSpaces(s.at(at->first, col).text).empty()) {
                field = trimSpaces(s.at(at->first, col).text);
                break;
            }
        return at;
    };
    text("Faktor Pendorong", out.texts.pendorong);
    const auto penghambatAt = text("Faktor Penghambat", out.texts.penghambat);
    text("Tindak Lanjut", out.texts.tindakLanjut);
    std::size_t below = 0;
    for (const PlanRow* row : u.rows) {
        const Figure f = achievementSoFar(*row, out.year[row->key], u.period.triwulan, u.config);
        if (f.ok() && *f.value < u.config.goodFrom) ++below;
    }
    if (below && out.texts.penghambat.empty()) {
        const std::string n = std::to_string(below), g = formatNumberId(u.config.goodFrom);
        Text m{n + " indikator capaiannya di bawah " + g +
                   "% (target dihitung sampai triwulan ini). Isi Faktor Penghambat: apa yang menghambat dan mengapa.",
               n + " indicators are below " + g +
                   "% (target counted up to this quarter). Fill in Faktor Penghambat (hindering factors): what held "
                   "them back and why."};
        if (penghambatAt)
            ck.add(Severity::warning, penghambatAt->first, penghambatAt->second, std::move(m));
        else
            out.problems.push_back(
                CollectProblem{Problem{c.file, s.name, {}, {}, std::move(m)}, Severity::warning, u.unit.code});
    }
    return out;
}

void checkRealisationRollup(const ReturnContent& c, const UnitContext& u,
                            const std::unordered_map<std::string, std::size_t>& sheetRowOfKey,
                            const UnitRealisations& year, std::vector<CollectProblem>& problems)
{
    // The quarters this return reports (the current one, and a late one it brings): a program's Rp
    // realisation should be the sum of its kegiatan's, a kegiatan's of its sub kegiatan's, as in the plan.
    for (int q = 1; q <= u.period.triwulan; ++q) {
        std::vector<std::pair<std::string, double>> amounts;
        for (const PlanRow* row : u.rows) {
            if (row->key != row->code) continue;   // the Rp sits on a code's first indicator row
            const auto values = year.find(row->key);
            if (values == year.end()) continue;
            const QuarterValue& v = values->second[static_cast<std::size_t>(q - 1)];
            if (v.rp && (q == u.period.triwulan || v.late)) amounts.emplace_back(row->code, *v.rp);
        }
        for (const RollupMismatch& m : rollupMismatches(amounts)) {
            const auto at = sheetRowOfKey.find(m.parent);
            if (at == sheetRowOfKey.end()) continue;
            std::string rows;
            for (const std::string& child : m.children)
                if (const auto r = sheetRowOfKey.find(child); r != sheetRowOfKey.end())
                    rows += (rows.empty() ? "" : ", ") + std::to_string(r->second + 1);
            const bool program = levelFromCode(m.parent) == PlanLevel::program;
            const std::string tw = romanNumeral(q);
            problems.push_back(CollectProblem{
                Problem{c.file,
                        c.sheet().name,
                        cellAddress(at->second, static_cast<std::size_t>(quarterRpColumn(q))),
                        {},
                        {"Unit " + u.unit.code + ": realisasi anggaran triwulan " + tw + " " +
                             (program ? "program " : "kegiatan ") + m.parent + " (baris " +
                             std::to_string(at->second + 1) + ") Rp " + formatNumberId(m.parentValue) +
                             " tidak sama dengan jumlah realisasi " + (program ? "kegiatan" : "sub kegiatan") +
                             "-nya Rp " + formatNumberId(m.childrenSum) + " (baris " + rows +
                             "). Periksa angkanya bersama unit; tabel evaluasi memakai angka seperti tertulis.",
                         "Unit " + u.unit.code + ": the quarter " + tw + " budget realisation of " +
                             (program ? "program " : "kegiatan ") + m.parent + " (row " +
                             std::to_string(at->second + 1) + ") Rp " + formatNumberId(m.parentValue) +
                             " differs from the sum of its " + (program ? "kegiatan" : "sub kegiatan") + " Rp " +
                             formatNumberId(m.childrenSum) + " (rows " + rows +
                             "). Check the figures with the unit; the evaluation table uses them as written."}},
                Severity::warning, u.unit.code});
        }
    }
}

void checkPercentageTrend(const ReturnContent& c, const UnitContext& u,
                          const std::unordered_map<std::string, std::size_t>& sheetRowOfKey,
                          const UnitRealisations& year, std::vector<CollectProblem>& problems)
{
    for (const PlanRow* row : u.rows) {
        if (row->type != IndicatorType::percentage) continue;
        const auto at = sheetRowOfKey.find(row->key);
        const auto values = year.find(row->key);
        if (at == sheetRowOfKey.end() || values == year.end()) continue;
        std::optional<double> previous;
        int previousQ = 0;
        for (int q = 1; q <= u.period.triwulan; ++q) {
            const auto& v = values->second[static_cast<std::size_t>(q - 1)].k;
            if (!v) continue;
            const bool fromThisReturn = q == u.period.triwulan || values->second[static_cast<std::size_t>(q - 1)].late;
            if (previous && *v < *previous && fromThisReturn)
                problems.push_back(CollectProblem{
                    Problem{c.file,
                            c.sheet().name,
                            cellAddress(at->second, static_cast<std::size_t>(quarterKColumn(q))),
                            {},
                            {"Indikator persentase turun dari " + formatNumberId(*previous) + " (triwulan " +
                                 romanNumeral(previousQ) + ") menjadi " + formatNumberId(*v) +
                                 ". Nilai persentase tidak boleh turun: periksa angkanya, atau jelaskan di Keterangan "
                                 "dan hubungi Subbagian Perencanaan.",
                             "The percentage indicator fell from " + formatNumberId(*previous) + " (quarter " +
                                 romanNumeral(previousQ) + ") to " + formatNumberId(*v) +
                                 ". A percentage may not fall: check the figure, or explain in Keterangan and contact "
                                 "the planning staff."}},
                    Severity::warning, u.unit.code});
            previous = v;
            previousQ = q;
        }
    }
}

}   // namespace evakin::collect_detail
