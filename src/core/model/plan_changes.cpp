#include "model/plan_changes.hpp"

#include <map>

#include "text/error.hpp"
#include "io/format_id.hpp"

namespace evakin {

namespace {

std::string shown(const std::optional<double>& v) { return v ? formatNumberId(*v) : "-"; }

using RowId = std::pair<std::string, std::string>;   // unit, key

std::map<RowId, const PlanRow*> byId(const Plan& plan)
{
    std::map<RowId, const PlanRow*> out;
    for (const PlanRow& r : plan.rows) out[{r.unitCode, r.key}] = &r;
    return out;
}

}   // namespace

const char* planChangeKindText(PlanChange::Kind kind)
{
    switch (kind) {
        case PlanChange::Kind::added: return "baris baru";
        case PlanChange::Kind::removed: return "baris dihapus";
        case PlanChange::Kind::changed: return "diubah";
    }
    return "";
}

std::vector<PlanChange> diffPlans(const Plan& before, const Plan& after)
{
    std::vector<PlanChange> out;
    const auto old = byId(before);
    const auto now = byId(after);
    for (const PlanRow& r : after.rows) {
        const auto it = old.find({r.unitCode, r.key});
        if (it == old.end()) {
            out.push_back({PlanChange::Kind::added, r.unitCode, r.key, r.indikator, {}, "-", shown(r.targetK)});
            continue;
        }
        const PlanRow& o = *it->second;
        const auto field = [&](const char* name, const std::string& was, const std::string& is) {
            if (was != is) out.push_back({PlanChange::Kind::changed, r.unitCode, r.key, r.indikator, name, was, is});
        };
        field("Indikator", o.indikator, r.indikator);
        field("Satuan", o.satuan, r.satuan);
        field("Jenis indikator", indicatorTypeName(o.type), indicatorTypeName(r.type));
        field("Target Renstra (K)", shown(o.targetRenstraK), shown(r.targetRenstraK));
        field("Target tahun ini (K)", shown(o.targetK), shown(r.targetK));
        field("Pagu (Rp)", shown(o.paguRp), shown(r.paguRp));
    }
    for (const PlanRow& o : before.rows)
        if (!now.count({o.unitCode, o.key}))
            out.push_back({PlanChange::Kind::removed, o.unitCode, o.key, o.indikator, {}, shown(o.targetK), "-"});
    return out;
}

std::vector<PlanChange> planChangesOf(const Workspace& ws, const Profile& profile, const Plan& current)
{
    const auto file = ws.dir / kPreviousPlanFile;
    if (!std::filesystem::exists(file)) return {};
    try {
        return diffPlans(loadPlan(file, profile), current);
    } catch (const Error&) {
        return {};   // e.g. a unit removed from the profile since: the old plan no longer reads; no listing
    }
}

}   // namespace evakin
