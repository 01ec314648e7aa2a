#!/usr/bin/python3
"""The draft report in the real LibreOffice (issue 4, "Tests and proof").

A triwulan I cycle on the sample office with returns typed by LibreOffice
itself (outbox forms opened over UNO, quarter K/Rp cells and the text cells
filled, saved into inbox/; one unit does not return), then `evakin report
--pdf`. LibreOffice must open the .odt without repair (RepairPackage=false),
re-save it with the text intact, and the PDF must hold the units, the numbers
and the predikat, with one landscape page per unit at least, and the Lampiran table with its
header rows repeated, on a landscape page style.

usage: test_report_office.py --cli PATH/evakin [--keep DIR]   (Debian's /usr/bin/python3)
Prints "N passed, M failed"; exit 1 on failure. soffice runs with a private
profile in a temp dir and is always killed at the end.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

from office import HeadlessOffice, pv  # noqa: E402
import uno  # noqa: E402

ARGS = {"cli": None, "keep": None}
MISSING_UNIT = "DSI"


def run(*args, ok=(0,)):
    res = subprocess.run([ARGS["cli"], *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=600)
    if res.returncode not in ok:
        raise AssertionError("evakin %s -> %d\n%s%s" % (" ".join(args), res.returncode, res.stdout, res.stderr))
    return res


def fill_return(lo, form, target):
    """Types triwulan I values into a distributed form as a unit would, and saves it to inbox/."""
    doc = lo.load(form)
    try:
        data = doc.NamedRanges.getByName("evakin_data").ReferredCells
        sheet, addr = data.Spreadsheet, data.RangeAddress
        for row in range(addr.StartRow, addr.EndRow + 1):
            if not sheet.getCellByPosition(addr.StartColumn, row).String:
                continue                      # an urusan or bidang urusan row: nothing to fill in
            target_k = sheet.getCellByPosition(addr.StartColumn + 10, row).Value
            pagu = sheet.getCellByPosition(addr.StartColumn + 11, row)
            sheet.getCellByPosition(addr.StartColumn + 12, row).Value = round(target_k * 0.3, 2)
            if pagu.String:
                sheet.getCellByPosition(addr.StartColumn + 13, row).Value = round(pagu.Value * 0.2)
        for name, text in (("faktor_pendorong", "Dukungan pimpinan dan koordinasi yang baik"),
                           ("faktor_penghambat", "Keterlambatan pencairan anggaran"),
                           ("tindak_lanjut", "Percepatan pelaksanaan kegiatan pada triwulan II")):
            if doc.NamedRanges.hasByName("evakin_" + name):
                doc.NamedRanges.getByName("evakin_" + name).ReferredCells.getCellByPosition(0, 0).String = text
        doc.storeToURL(uno.systemPathToFileUrl(target), (pv("FilterName", "calc8"),))
    finally:
        doc.close(True)


def document_text(doc):
    """Body text plus every table cell (Writer's Text.String leaves tables out)."""
    parts = [doc.Text.String]
    tables = doc.TextTables
    for i in range(tables.Count):
        t = tables.getByIndex(i)
        parts += [t.getCellByName(n).String for n in t.CellNames]
    return "\n".join(parts)


class Report(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="evakin-report-test-")
        cls.ws = os.path.join(cls.tmp, "ws")
        run("init", "--sample", cls.ws, "--year", "2026", "--triwulan", "1")
        run("distribute", cls.ws)
        cls.lo = HeadlessOffice("evakin-report").__enter__()
        inbox = os.path.join(cls.ws, "inbox")
        for name in sorted(os.listdir(os.path.join(cls.ws, "outbox"))):
            if MISSING_UNIT.lower() in name.lower():
                continue
            fill_return(cls.lo, os.path.join(cls.ws, "outbox", name), os.path.join(inbox, name))
        started = time.time()
        res = run("report", cls.ws, "--pdf", "--date", "2026-04-15", "--json", ok=(4,))   # 4: a unit is missing
        cls.pdf_seconds = time.time() - started
        cls.result = json.loads(res.stdout)
        cls.evaluation = json.load(open(os.path.join(cls.ws, "hasil", "evaluasi.json"), encoding="utf-8"))

    @classmethod
    def tearDownClass(cls):
        cls.lo.__exit__()
        if ARGS["keep"]:
            shutil.rmtree(ARGS["keep"], ignore_errors=True)
            shutil.copytree(cls.ws, ARGS["keep"])
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def expected_texts(self):
        """Unit names, predikat and a few numbers in Indonesian notation, from evaluasi.json."""
        texts = [u["name"] for u in self.evaluation["units"]]
        texts += [u["summary"]["predikat"] for u in self.evaluation["units"] if u["summary"]["predikat"]]
        texts += ["belum menyampaikan data", "8.450.000.000", "LAPORAN EVALUASI KINERJA", "TRIWULAN I TAHUN 2026",
                  "15 April 2026", "196805121994031007"]
        return texts

    def test_result(self):
        self.assertTrue(self.result["file"].endswith("laporan-evaluasi-2026-tw1.odt"))
        self.assertEqual(self.result["missing"], 1)
        self.assertEqual(self.result["valid"], 4)
        self.assertTrue(os.path.isfile(self.result["pdf"]))

    def test_opens_without_repair_and_round_trips(self):
        doc = self.lo.load(self.result["file"], RepairPackage=False)
        self.assertIsNotNone(doc, "LibreOffice could not load the report")
        try:
            text = document_text(doc)
            for t in self.expected_texts():
                self.assertIn(t, text)
            self.assertEqual(doc.DocumentIndexes.Count, 1)          # the table of contents
            self.assertEqual(doc.EmbeddedObjects.Count, 1)          # the chart
            chart = doc.EmbeddedObjects.getByIndex(0).Model     # the chart document
            self.assertTrue(chart.supportsService("com.sun.star.chart2.ChartDocument"))
            rows = chart.getData().getRowDescriptions()
            self.assertEqual(rows[0], self.evaluation["units"][0]["name"])
            # The Lampiran: the office's table, its 4 header rows repeated on each page, on a landscape page style.
            lampiran = doc.TextTables.getByName("Lampiran_Tabel_Evaluasi")
            self.assertTrue(lampiran.RepeatHeadline)
            self.assertEqual(lampiran.HeaderRowCount, 4)
            cursor = lampiran.getCellByName("A1").createTextCursor()
            page = doc.StyleFamilies.getByName("PageStyles").getByName(cursor.PageStyleName)
            self.assertTrue(page.IsLandscape, cursor.PageStyleName)
            self.assertGreater(page.Width, page.Height)
            copy = os.path.join(self.tmp, "roundtrip.odt")
            doc.storeToURL(uno.systemPathToFileUrl(copy), (pv("FilterName", "writer8"),))
        finally:
            doc.close(True)
        again = self.lo.load(copy, RepairPackage=False)
        try:
            self.assertEqual(document_text(again), text)
            self.assertEqual(again.EmbeddedObjects.Count, 1)
        finally:
            again.close(True)

    def test_pdf(self):
        pdf = self.result["pdf"]
        out = subprocess.run(["pdftotext", "-layout", pdf, "-"], stdout=subprocess.PIPE, text=True, check=True).stdout
        flat = re.sub(r"\s+", " ", out)
        for t in self.expected_texts():
            self.assertIn(t, flat)
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "1000", pdf], stdout=subprocess.PIPE, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)
        landscape = sum(1 for w, h in sizes if float(w) > float(h))
        units = len(self.evaluation["units"])
        # cover + contents + Bab I (2) + one landscape page per unit + Bab III (>= 2) + Bab IV
        self.assertGreaterEqual(pages, 2 + 2 + units + 2 + 1)
        self.assertLessEqual(pages, 30)
        self.assertGreaterEqual(landscape, units)
        # The table of contents carries laid-out page numbers, not placeholders.
        self.assertRegex(flat, r"BAB II HASIL EVALUASI\.{5,} ?\d+")

    def test_pdfa(self):
        res = run("report", self.ws, "--pdfa", "--date", "2026-04-15", "--json", ok=(4,))
        pdf = json.loads(res.stdout)["pdf"]
        meta = subprocess.run(["pdfinfo", "-meta", pdf], stdout=subprocess.PIPE, text=True, check=True).stdout
        self.assertIn("pdfaid:part", meta)


def main():
    argv = sys.argv[1:]
    rest = []
    while argv:
        a = argv.pop(0)
        if a.startswith("--") and a[2:] in ARGS and argv:
            ARGS[a[2:]] = argv.pop(0)
        else:
            rest.append(a)
    if not ARGS["cli"] or not os.path.exists(ARGS["cli"]):
        sys.exit("usage: test_report_office.py --cli PATH/evakin [--keep DIR]")
    suite = unittest.TestLoader().loadTestsFromTestCase(Report)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    print("%d passed, %d failed" % (result.testsRun - failed, failed))
    sys.exit(1 if failed or not result.testsRun else 0)


if __name__ == "__main__":
    main()
