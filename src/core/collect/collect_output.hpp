// Internal: the Calc workbooks collect writes to hasil/, built from flat
// templates (templates/rekap-pengumpulan.fods, templates/tabel-evaluasi.fods)
// that staff may copy into the workspace's templates/ and restyle.
#pragma once

#include <Poco/DateTime.h>

#include <string>

#include "collect/collect.hpp"
#include "collect/merge.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"

namespace evakin::collect_detail {

constexpr const char* kRecapTemplate = "rekap-pengumpulan.fods";
constexpr const char* kTableTemplate = "tabel-evaluasi.fods";

struct OutputContext {
    const Profile& profile;
    const Workspace& ws;
    Poco::DateTime packageTime;   // fixed: the newest inbox file's time, so reruns are byte-identical
    std::string dataAsOf;         // the same time as shown to staff
};

// Workspace::recapFile(): sheet "Rekap" (one row per unit, then other inbox files) and sheet "Masalah" (every problem).
std::string recapPackage(const CollectResult& result, const OutputContext& ctx);

// Workspace::evalTableFile(): the merged Permendagri 86/2017 table.
std::string evaluationTablePackage(const MergedYear& year, const OutputContext& ctx);

}   // namespace evakin::collect_detail
