// What the evaluation report shows, read from hasil/evaluasi.json (the
// contract between collect and report) and completed from the workspace:
// plan fields the JSON does not carry (yet) come from rencana-kerja.ods by
// unit and row key, the head of office from the profile, and the report's
// own wording options (dasar hukum, ...) from laporan.json.
//
// The report never recomputes the evaluation: figures, ratings and statuses
// are taken as collect decided them, so the table, evaluasi.json and the
// report cannot disagree.
#pragma once

#include "model/plan_changes.hpp"

#include <array>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "collect/evaluation_json.hpp"
#include "model/evaluation.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "model/workspace.hpp"

namespace evakin::report {

// The report reads hasil/evaluasi.json through collect's codec and shows its values as they are.
using Pair = EvaluationPair;
using Row = EvaluationRow;
using Summary = EvaluationSummary;
using Unit = EvaluationUnit;

// A late value: a quarter reported after its own quarter.
struct Late {
    std::string unit, row, indikator;
    int triwulan = 0;
};

struct Data : EvaluationRecord {
    std::vector<PlanChange> planChanges;   // Renja perubahan since the previous period
    std::vector<Late> late() const;
};

// Parses evaluasi.json. `plan` is asked (once, lazily: reading a large plan
// workbook costs time) for the plan fields of rows the JSON gives without a
// "plan" object; it may return null. Throws Error naming the file and the
// field when the JSON is not usable.
using PlanSource = std::function<const Plan*()>;
Data parseEvaluation(const std::string& json, const std::string& sourceName, const PlanSource& plan);

// The report's wording options: laporan.json in the workspace, else defaults.
// {"dasarHukum": ["Undang-Undang ...", ...], "kota": "..."}
struct Options {
    std::vector<std::string> dasarHukum;
    std::string city;   // empty: the profile's city
};
Options loadOptions(const std::filesystem::path& workspaceDir);
// The legal basis listed in the SOP (seed SOP of DPMPTSP Bangka Belitung), in hierarchy order.
std::vector<std::string> defaultDasarHukum();

constexpr const char* kOptionsFile = "laporan.json";

}   // namespace evakin::report
