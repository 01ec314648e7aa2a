#!/usr/bin/python3
"""Plays the units for the demo: opens each form in a workspace's outbox with
a real headless LibreOffice, types the current quarter's realisations (and
any late earlier quarter) into the unlocked cells the way staff would, fills
faktor pendorong / penghambat / tindak lanjut, and saves the return into the
inbox: most as .ods, some as .xlsx (as if filled in Excel), under the names
units really use. Values are deterministic (seeded by unit and row).

usage: fill_returns.py WORKSPACE [--skip UNIT ...]
Run with Debian's /usr/bin/python3 (python3-uno)."""
import argparse
import json
import os
import random

from headless_office import HeadlessOffice, file_url, props

# Columns of the form (src/core/form_layout.hpp).
TARGET_K, PAGU, TW1_K = 10, 11, 12


KODE = 1


def parent(code):
    """The code a row rolls up into: sub kegiatan -> kegiatan (5 parts), kegiatan -> program (3)."""
    parts = code.split(".")
    return ".".join(parts[:5]) if len(parts) > 5 else ".".join(parts[:3]) if len(parts) > 3 else None


def roll_up(written):
    """Makes each kegiatan's Rp the sum of its sub kegiatan's and each program's the sum of its kegiatan's,
    as the unit's finance staff would: {code: cell} of the Rp cells typed in one quarter."""
    for parts in (5, 3):
        for code, cell in written.items():
            children = [c for c in written if parent(c) == code]
            if len(code.split(".")) == parts and children:
                cell.Value = sum(written[c].Value for c in children)


def fill(doc, unit, triwulan, rng):
    sheet = doc.Sheets.getByName("Evaluasi")
    area = doc.NamedRanges.getByName("evakin_data").getReferredCells().RangeAddress
    written = {}   # quarter -> {code: Rp cell typed}
    for row in range(area.StartRow, area.EndRow + 1):
        target = sheet.getCellByPosition(TARGET_K, row).Value
        pagu = sheet.getCellByPosition(PAGU, row).Value
        kind = sheet.getCellByPosition(5, row).String
        for q in range(1, triwulan + 1):
            k_cell = sheet.getCellByPosition(TW1_K + 2 * (q - 1), row)
            if k_cell.CellProtection.IsLocked or k_cell.String:
                continue                      # accepted earlier, or not an input
            share = rng.uniform(0.6, 1.15)
            if kind == "positif":
                k = target / 4 * share
            elif kind == "negatif":
                k = target * rng.uniform(0.9, 1.3)
            else:
                k = target * rng.uniform(0.75, 1.02) * (0.9 + 0.1 * q / 4)
            k = round(k, 2) if k < 100 else round(k)
            if rng.random() < 0.3:
                k_cell.setFormula(("%.2f" % k).replace(".", ",").rstrip("0").rstrip(","))  # typed with a decimal comma
            else:
                k_cell.Value = k
            rp_cell = sheet.getCellByPosition(TW1_K + 2 * (q - 1) + 1, row)
            if pagu and not rp_cell.CellProtection.IsLocked:
                rp_cell.Value = round(pagu / 4 * rng.uniform(0.55, 1.05), -3)
                written.setdefault(q, {})[sheet.getCellByPosition(KODE, row).String] = rp_cell
    # The sekretariat types every row on its own, so its program and kegiatan do not add up: the case
    # collect warns about (issue 15: program 1.204.241.000 against one sub kegiatan's 1.655.009.000).
    if unit != "SEKR":
        for cells in written.values():
            roll_up(cells)
    texts = {
        "evakin_faktor_pendorong": "Dukungan pimpinan dan koordinasi yang baik dengan perangkat daerah terkait.",
        "evakin_faktor_penghambat": "Keterlambatan pencairan anggaran pada awal triwulan dan keterbatasan SDM.",
        "evakin_tindak_lanjut": "Percepatan pelaksanaan kegiatan dan penguatan koordinasi pada triwulan berikutnya.",
    }
    for name, text in texts.items():
        doc.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0).String = text


def main():
    args = argparse.ArgumentParser()
    args.add_argument("workspace")
    args.add_argument("--skip", nargs="*", default=[], help="unit codes that do not return their form")
    opts = args.parse_args()
    with open(os.path.join(opts.workspace, "periode.json"), encoding="utf-8") as f:
        period = json.load(f)
    outbox, inbox = os.path.join(opts.workspace, "outbox"), os.path.join(opts.workspace, "inbox")
    os.makedirs(inbox, exist_ok=True)
    with HeadlessOffice("evakin-demo") as lo:
        for i, name in enumerate(sorted(os.listdir(outbox))):
            doc = lo.load(os.path.join(outbox, name))
            unit = doc.DocumentProperties.UserDefinedProperties.getPropertyValue("evakin.unit")
            if unit in opts.skip:
                doc.close(True)
                continue
            fill(doc, unit, period["triwulan"], random.Random("%s-%s-%s" % (unit, period["year"], period["triwulan"])))
            as_xlsx = i % 3 == 1
            target = os.path.join(inbox, "Kiriman %s TW%d%s" % (unit, period["triwulan"], ".xlsx" if as_xlsx else ".ods"))
            doc.storeToURL(file_url(target), props(FilterName="Calc MS Excel 2007 XML" if as_xlsx else "calc8"))
            doc.close(True)
            print("returned by %s: %s" % (unit, os.path.basename(target)))


if __name__ == "__main__":
    main()
