#!/usr/bin/python3
"""Distribute benchmark, LibreOffice route: builds the same forms through the
UNO API of a headless soffice (load the form template, fill header and rows,
style and protect, store as .ods), as a macro-based tool would.

usage: uno_route.py WORKSPACE TEMPLATE.fods OUTDIR   -> prints "seconds forms"
Run with /usr/bin/python3 (python3-uno)."""
import json, os, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from headless_office import HeadlessOffice, file_url, props  # noqa: E402


def plan_rows(lo, plan_path):
    doc = lo.load(plan_path)
    sheet = doc.Sheets.getByName("Rencana")
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    rows = sheet.getCellRangeByPosition(0, 1, 13, cursor.RangeAddress.EndRow).DataArray
    doc.close(True)
    by_unit = {}
    for r in rows:
        by_unit.setdefault(r[0], []).append(r)
    return by_unit


def build_form(lo, template_url, unit, profile, rows, out_path):
    doc = lo.load(template_url)
    sheet = doc.Sheets.getByIndex(0)
    for key, value in (("{kantor}", profile["office"]["name"]), ("{unit}", unit["name"]),
                       ("{periode}", "Triwulan II Tahun 2026"), ("{triwulan}", "II"), ("{tahun}", "2026"),
                       ("{batas_waktu}", "10 Juli 2026"), ("{kota}", profile["office"]["city"]),
                       ("{jabatan_kepala_unit}", unit["head"]["jabatan"]), ("{nama_kepala_unit}", unit["head"]["nama"]),
                       ("{nip_kepala_unit}", unit["head"]["nip"])):
        desc = sheet.createReplaceDescriptor()
        desc.SearchString, desc.ReplaceString = key, value
        sheet.replaceAll(desc)
    search = sheet.createSearchDescriptor()
    search.SearchString = "{tabel}"
    marker = sheet.findFirst(search).CellAddress.Row
    n = len(rows) + 2
    sheet.Rows.insertByIndex(marker, n - 1)
    header = [["No", "Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja", "Satuan", "Jenis Indikator",
               "Target Renstra", "", "Realisasi s/d Tahun Lalu", "", "Target dan Pagu Tahun 2026", "",
               "Realisasi Triwulan I", "", "Realisasi Triwulan II", "", "Realisasi Triwulan III", "",
               "Realisasi Triwulan IV", "", "Keterangan"],
              ["", "", "", "", "", "", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", ""]]
    data = [(i + 1, r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], "", "", "", "", "", "", "", "", "")
            for i, r in enumerate(rows)]
    block = sheet.getCellRangeByPosition(0, marker, 20, marker + n - 1)
    block.DataArray = tuple(tuple(r) for r in header) + tuple(data)
    sheet.getCellRangeByPosition(0, marker, 20, marker + 1).CellStyle = "Evakin_Kepala_Tabel"
    first, last = marker + 2, marker + n - 1
    sheet.getCellRangeByPosition(0, first, 5, last).CellStyle = "Evakin_Tetap"
    sheet.getCellRangeByPosition(6, first, 11, last).CellStyle = "Evakin_Tetap_Angka"
    sheet.getCellRangeByPosition(12, first, 13, last).CellStyle = "Evakin_Terlambat_Angka"
    sheet.getCellRangeByPosition(14, first, 15, last).CellStyle = "Evakin_Isian_Angka"
    sheet.getCellRangeByPosition(16, first, 19, last).CellStyle = "Evakin_Tetap"
    sheet.getCellRangeByPosition(20, first, 20, last).CellStyle = "Evakin_Isian_Teks"
    sheet.protect("")
    user_props = doc.DocumentProperties.UserDefinedProperties
    for name, value in (("evakin.unit", unit["code"]), ("evakin.year", "2026"), ("evakin.triwulan", "2")):
        user_props.addProperty(name, 0, value)
    doc.storeToURL(file_url(out_path), props(FilterName="calc8"))
    doc.close(True)


def main():
    workspace, template, outdir = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(workspace, "profil.json"), encoding="utf-8") as f:
        profile = json.load(f)
    with HeadlessOffice("evakin-bench-distribute") as lo:
        rows = plan_rows(lo, os.path.join(workspace, "rencana-kerja.ods"))
        template_url = file_url(template)
        t0 = time.perf_counter()
        for unit in profile["units"]:
            build_form(lo, template_url, unit, profile, rows.get(unit["code"], []),
                       os.path.join(outdir, "evaluasi-2026-tw2-%s.ods" % unit["code"]))
        elapsed = time.perf_counter() - t0
        print("%.4f %d" % (elapsed, len(profile["units"])))


if __name__ == "__main__":
    main()
