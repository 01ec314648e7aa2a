#!/usr/bin/python3
"""Report benchmark, LibreOffice route: builds the same report through the
Writer UNO API of a headless soffice, as a macro-based tool would: load the
report template, replace the scalar placeholders, insert per unit a heading,
a status line and its evaluation table (3 header rows + a K and an Rp row per
indicator, 19 columns, filled with DataArray, the fastest bulk call), the
summary table and the units' texts, then store as .odt.

Deliberately favourable to LibreOffice: no cell merging and no per-cell
styling (the direct route merges the indicator cells and shades Rp rows), no
chart. Time counts from loading the template to the stored file; starting
soffice is not counted.

usage: uno_route.py WORKSPACE TEMPLATE.fodt OUT.odt   -> prints "seconds rows"
Run with /usr/bin/python3 (python3-uno)."""
import json, os, shutil, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from headless_office import HeadlessOffice, file_url, props  # noqa: E402
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK  # noqa: E402


def num(v, decimals=2):
    """Indonesian notation, as the direct route writes it."""
    if v is None:
        return "-"
    if isinstance(v, dict):
        return {"no-target": "t.d.h.: target kosong", "zero-target": "t.d.h.: target 0",
                "zero-realisation": "t.d.h.: realisasi 0"}.get(v.get("notComputable"), "-")
    s = ("%." + str(decimals) + "f") % v
    whole, _, frac = s.partition(".")
    neg = whole.startswith("-")
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    frac = frac.rstrip("0")
    return ("-" if neg else "") + ".".join(groups) + ("," + frac if frac else "")


def unit_rows(unit):
    header = [["No", "Tujuan", "Sasaran", "Kode", "Program / Kegiatan / Sub Kegiatan dan Indikator Kinerja", "K / Rp",
               "Target Renstra", "Realisasi s/d Tahun Lalu", "Target Renja", "Realisasi Kinerja dan Anggaran pada Triwulan",
               "", "", "", "Realisasi Renja", "Capaian Renja (%)", "Realisasi Renstra", "Capaian Renstra (%)",
               "Unit Penanggung Jawab", "Keterangan"],
              [""] * 9 + ["I", "II", "III", "IV"] + [""] * 6,
              ["0", "1", "2", "3", "4", "", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"]]
    rows = list(header)
    for i, r in enumerate(unit["rows"]):
        q = [x or {} for x in r["quarters"]]
        k = [str(i + 1), "", "", r["code"], r["indikator"], "K", "-", "-", "-"] + [num(x.get("k")) for x in q] + \
            [num(r["realisasi"]["k"]), num(r["capaianRenja"]["k"]), num(r["realisasiRenstra"]["k"]),
             num(r["capaianRenstra"]["k"]), unit["name"], r["keterangan"]]
        rp = ["", "", "", "", "", "Rp", "-", "-", "-"] + [num(x.get("rp"), 0) for x in q] + \
             [num(r["realisasi"]["rp"], 0), num(r["capaianRenja"]["rp"]), num(r["realisasiRenstra"]["rp"], 0),
              num(r["capaianRenstra"]["rp"]), "", ""]
        rows += [k, rp]
    return rows


def build(lo, evaluation, template, out):
    doc = lo.load(template)
    text = doc.Text
    scalars = {"{kantor}": evaluation["office"], "{periode}": evaluation["period"], "{tahun}": str(evaluation["year"]),
               "{judul}": "Laporan Evaluasi Kinerja " + evaluation["period"], "{tanggal}": "15 Juli 2026"}
    for key, value in scalars.items():
        desc = doc.createReplaceDescriptor()
        desc.SearchString, desc.ReplaceString = key, value
        doc.replaceAll(desc)

    def at(marker):
        desc = doc.createSearchDescriptor()
        desc.SearchString = marker
        found = doc.findFirst(desc)
        found.String = ""
        return text.createTextCursorByRange(found)

    ui_names = {"Heading_20_2": "Heading 2", "Evakin_Catatan": "Evakin Catatan",
                "Evakin_Subjudul": "Evakin Subjudul Unit", "Evakin_Isi_Unit": "Evakin Isi Unit"}

    def para(cursor, s, style):
        cursor.ParaStyleName = ui_names[style]   # UNO takes the UI names
        text.insertString(cursor, s, False)
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)

    def table(cursor, rows, name):
        t = doc.createInstance("com.sun.star.text.TextTable")
        t.initialize(len(rows), len(rows[0]))
        t.Name = name
        text.insertTextContent(cursor, t, False)
        t.DataArray = tuple(tuple(r) for r in rows)
        t.RepeatHeadline = True
        t.HeaderRowCount = 3 if len(rows[0]) > 10 else 1
        return t

    cursor = at("{bab2_unit}")
    nrows = 0
    for n, u in enumerate(evaluation["units"]):
        para(cursor, "2.%d %s" % (n + 1, u["name"]), "Heading_20_2")
        para(cursor, "Data %s: %s" % (evaluation["period"], u["status"]), "Evakin_Catatan")
        table(cursor, unit_rows(u), "Evaluasi_" + u["code"])
        s = u["summary"]
        para(cursor, "Rata-rata capaian kinerja: %s%%. Predikat: %s." % (num(s["rataRataCapaian"]), s["predikat"] or "-"),
             "Evakin_Subjudul")
        nrows += len(u["rows"])
    cursor = at("{bab3_ringkasan}")
    summary = [["No", "Unit Kerja", "Status Data", "Indikator Dihitung", "Rata-rata Capaian Kinerja", "Predikat",
                "Penyerapan Anggaran"]]
    for n, u in enumerate(evaluation["units"]):
        s = u["summary"]
        summary.append([str(n + 1), u["name"], u["status"], str(s["indikatorDihitung"]), num(s["rataRataCapaian"]),
                        s["predikat"] or "-", num(s["penyerapanAnggaran"])])
    table(cursor, summary, "Ringkasan_Capaian")
    for marker, field in (("{bab3_pendorong}", "faktorPendorong"), ("{bab3_penghambat}", "faktorPenghambat"),
                          ("{bab3_tindak_lanjut}", "tindakLanjut")):
        cursor = at(marker)
        for u in evaluation["units"]:
            para(cursor, u["name"], "Evakin_Subjudul")
            para(cursor, u[field] or "(tidak diisi oleh unit)", "Evakin_Isi_Unit")
    doc.DocumentIndexes.getByIndex(0).update()
    doc.storeToURL(file_url(out), props(FilterName="writer8"))
    doc.close(True)
    return nrows


def main():
    ws, template, out = sys.argv[1:4]
    evaluation = json.load(open(os.path.join(ws, "hasil", "evaluasi.json"), encoding="utf-8"))
    # Work on a copy: an interrupted run must not leave a LibreOffice lock file in the source tree.
    scratch = tempfile.mkdtemp(prefix="evakin-bench-report-")
    copy = os.path.join(scratch, os.path.basename(template))
    shutil.copy(template, copy)
    try:
        with HeadlessOffice("evakin-bench-report") as lo:
            lo.load("private:factory/swriter").close(True)   # warm-up: the first document initialises Writer
            started = time.time()
            rows = build(lo, evaluation, copy, out)
            print("%.3f %d" % (time.time() - started, rows))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
