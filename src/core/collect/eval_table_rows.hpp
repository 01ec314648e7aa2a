// The rows of the Permendagri 86/2017 evaluation table ("Evaluasi terhadap
// Hasil Renja Perangkat Daerah"), one model for every document that prints
// it: hasil/tabel-evaluasi.ods (eval_table.cpp) and the report's Lampiran
// (report_lampiran.cpp). The header layout (columns numbered 1-18, each value
// column with K and Rp: 29 cells a row) and the cells of one indicator row
// live here, so both documents show the same columns and the same values;
// each only decides how to write a cell (a Calc number, Writer text).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "collect/evaluation_json.hpp"
#include "collect/merge.hpp"

namespace evakin {

constexpr int kEvalTableColumns = 29;
constexpr int kEvalTableHeaderRows = 4;
// 0-based cells of a row: 1 Sasaran, 2 Kode, 27 Unit Penanggung Jawab, 28 Keterangan; 5-26 the values.
constexpr int kEvalSasaranCell = 1, kEvalCodeCell = 2, kEvalUnitCell = 27, kEvalNoteCell = 28;
constexpr int kEvalFirstValueCell = 5, kEvalLastValueCell = 26;

// Receives the header cells row by row (0-3, top to bottom), left to right.
class EvalHeaderSink {
public:
    virtual ~EvalHeaderSink() = default;
    virtual void cell(int row, const std::string& text, int cols, int rows) = 0;
    virtual void covered(int row, int n) = 0;
};
void evaluationTableHeader(EvalHeaderSink& sink);

struct EvalCell {
    // number: `value`; text: `text`; notComputed: `text` says why ("-": no data yet); empty: not applicable.
    enum class Kind { empty, number, text, notComputed };
    Kind kind = Kind::empty;
    double value = 0;
    std::string text;
    bool late = false;   // a quarter's value reported after its quarter
};

// The 29 cells of one indicator row, numbered `number`, of unit `unitName`.
// Sasaran (with its tujuan) and the unit are always filled: the caller
// decides whether to merge them down over equal rows.
std::vector<EvalCell> evaluationTableCells(const EvaluationRow& row, std::size_t number, const std::string& unitName);

// The rows under the indicators, worded as the form words them. Per unit and
// for the office: a label over cells 0-20, rata-rata capaian in cell 21 (14 K),
// penyerapan anggaran in 22 (14 Rp), the predikat over the rest.
constexpr int kEvalCapaianCell = 21;
std::string evalUnitTitle(const std::string& name, const std::string& code, UnitStatus status, const std::string& file);
std::string evalSummaryLabel(const std::string& name);
std::string evalPredikatText(const std::string& predikat, std::size_t skipped);   // predikat "" or "-": none

// Then the office's faktor pendorong, faktor penghambat, tindak lanjut triwulan
// berikutnya and Renja berikutnya, each joined from what the units wrote: a
// label over cells 0-4, the text over the rest ("-" when empty).
struct EvalUnitTexts {
    std::string name, pendorong, penghambat, tindakLanjut;
};
struct EvalTextRow {
    std::string label, text;
};
std::vector<EvalTextRow> evalOfficeTextRows(const std::vector<EvalUnitTexts>& units);
constexpr int kEvalTextLabelCells = 5;

// A merged row as evaluasi.json carries it, so collect builds its table from the same model.
EvaluationRow evaluationRow(const MergedRow& row);

// The sasaran's text in the form's column 2 (which has no tujuan column: the sasaran names its tujuan).
std::string sasaranText(const std::string& tujuan, const std::string& sasaran);

}   // namespace evakin
