// The layout of the data-collection form ("Format Pengumpulan"), shared by
// distribute (which writes it) and collect (which reads returns). Columns of
// the indicator table follow the Permendagri 86/2017 evaluation form, with
// K (kinerja) and Rp (anggaran) side by side.
#pragma once

namespace evakin::form {

constexpr const char* kVersion = "1";
constexpr const char* kTemplate = "format-pengumpulan.fods";

enum Column {
    colNo,
    colKode,
    colUraian,
    colIndikator,
    colSatuan,
    colJenis,
    colRenstraK,
    colRenstraRp,
    colLaluK,
    colLaluRp,
    colTargetK,
    colPagu,
    colTw1K,
    colTw1Rp,
    colTw2K,
    colTw2Rp,
    colTw3K,
    colTw3Rp,
    colTw4K,
    colTw4Rp,
    colKeterangan,
    kColumnCount
};

constexpr int quarterKColumn(int triwulan) { return colTw1K + 2 * (triwulan - 1); }
constexpr int quarterRpColumn(int triwulan) { return quarterKColumn(triwulan) + 1; }

// Document properties stamped into every form (meta:user-defined; LibreOffice
// keeps them when a unit saves the return as .ods or .xlsx).
constexpr const char* kPropOffice = "evakin.office";
constexpr const char* kPropUnit = "evakin.unit";
constexpr const char* kPropYear = "evakin.year";
constexpr const char* kPropTriwulan = "evakin.triwulan";
constexpr const char* kPropVersion = "evakin.form-version";
constexpr const char* kPropDigest = "evakin.digest";   // SHA-256 of the fixed part, see formDigest()

// Named ranges: the indicator rows, and the free-text input cells ("{isian:NAME}" in the template).
constexpr const char* kRangeData = "evakin_data";
constexpr const char* kRangePrefix = "evakin_";

// Table header rows above the first indicator row.
constexpr int kHeaderRows = 2;

}   // namespace evakin::form
