#include "collect/merge.hpp"

namespace evakin {

std::map<std::string, std::vector<const PlanRow*>> planRowsByUnit(const Plan& plan)
{
    std::map<std::string, std::vector<const PlanRow*>> out;
    for (const PlanRow& r : plan.rows) out[r.unitCode].push_back(&r);
    return out;
}

Figure absorptionOf(const std::vector<const MergedRow*>& rows)
{
    bool programBudget = false;
    for (const MergedRow* r : rows)
        programBudget |= r->plan->level == PlanLevel::program && r->plan->paguRp.has_value();
    std::optional<double> pagu;
    double spent = 0;
    bool reported = false;
    for (const MergedRow* r : rows) {
        if (!r->plan->paguRp || (programBudget && r->plan->level != PlanLevel::program)) continue;
        pagu = pagu.value_or(0) + *r->plan->paguRp;
        if (r->figures.realisasiRp.ok()) {
            spent += *r->figures.realisasiRp.value;
            reported = true;
        }
    }
    if (pagu && !reported) return Figure::none(NotComputable::noData);
    return absorption(spent, pagu);
}

MergedYear mergeYear(const Profile& profile, const Plan& plan, const Period& period, const YearRealisations& accepted,
                     const std::map<std::string, UnitInput>& inputs, const EvaluationConfig& config,
                     const std::vector<Correction>& corrections)
{
    MergedYear year{period, profile.officeName, config, {}, {}, {}, corrections, plan.headings};
    std::vector<Figure> allCapaian;
    std::vector<const MergedRow*> allRows;
    const auto byUnit = planRowsByUnit(plan);
    for (const Unit& unit : profile.units) {
        const auto found = byUnit.find(unit.code);
        if (found == byUnit.end()) continue;
        const auto& rows = found->second;
        MergedUnit mu;
        mu.unit = &unit;
        const auto in = inputs.find(unit.code);
        if (in != inputs.end()) {
            mu.status = in->second.status;
            mu.file = in->second.file;
        }
        const collect_detail::CheckedReturn* checked = in != inputs.end() ? in->second.checked : nullptr;
        if (checked) mu.texts = checked->texts;
        const auto acc = accepted.find(unit.code);
        for (const PlanRow* row : rows) {
            MergedRow mr;
            mr.plan = row;
            if (checked) {
                if (const auto it = checked->year.find(row->key); it != checked->year.end()) mr.quarters = it->second;
                if (const auto it = checked->keterangan.find(row->key); it != checked->keterangan.end())
                    mr.keterangan = it->second;
            } else if (acc != accepted.end()) {
                // No valid return: only what was accepted before this quarter counts.
                if (const auto it = acc->second.find(row->key); it != acc->second.end())
                    for (int q = 1; q < period.triwulan; ++q)
                        mr.quarters[static_cast<std::size_t>(q - 1)] = it->second[static_cast<std::size_t>(q - 1)];
            }
            for (const Correction& c : corrections)
                if (c.unitCode == unit.code && c.rowKey == row->key && c.triwulan >= 1 &&
                    c.triwulan <= period.triwulan) {
                    QuarterValue& v = mr.quarters[static_cast<std::size_t>(c.triwulan - 1)];
                    if (c.setsK) v.k = c.newK;
                    if (c.setsRp) v.rp = c.newRp;
                }
            mr.figures = evaluateRow(*row, mr.quarters, config);
            mu.rows.push_back(std::move(mr));
        }
        std::vector<Figure> capaian;
        std::vector<const MergedRow*> ptrs;
        for (const MergedRow& r : mu.rows) {
            capaian.push_back(r.figures.capaianK);
            ptrs.push_back(&r);
        }
        mu.rating = rate(capaian, config);
        mu.absorption = absorptionOf(ptrs);
        if (mu.status != UnitStatus::missing)
            for (std::size_t q = 0; q < static_cast<std::size_t>(period.triwulan) && q < 4; ++q) {
                std::vector<Figure> upToQ;
                for (const MergedRow& r : mu.rows) {
                    std::array<QuarterValue, 4> upTo = r.quarters;
                    for (std::size_t later = q + 1; later < 4; ++later) upTo[later] = QuarterValue{};
                    upToQ.push_back(evaluateRow(*r.plan, upTo, config).capaianK);
                }
                mu.capaianByQuarter[q] = rate(upToQ, config).average;
            }
        allCapaian.insert(allCapaian.end(), capaian.begin(), capaian.end());
        year.units.push_back(std::move(mu));
    }
    // The office's penyerapan is over the units whose return for this period is valid: a unit
    // that sent nothing would otherwise count as spending nothing (issue 15: 14,88% instead of
    // 15,96%). The report says so.
    for (const MergedUnit& mu : year.units)
        if (mu.status == UnitStatus::valid)
            for (const MergedRow& r : mu.rows) allRows.push_back(&r);
    year.rating = rate(allCapaian, config);
    year.absorption = absorptionOf(allRows);
    return year;
}

}   // namespace evakin
