#!/usr/bin/python3
""""Rekap Kiriman" in the real LibreOffice, with returns made the way staff
make them: each unit's distributed form is opened in LibreOffice, values are
typed into the current quarter's input cells (some as numbers, some as the
text staff type: "85,5", "1.234.567,5"), the faktor cells are filled, and the
form is saved under a name of the unit's choosing as .ods or as .xlsx
(Excel 2007-365 filter) into inbox/. One unit never returns; one changes a
target. Then org.evakin:Collect merges them. Also: the toolbar's buttons, the
API's collect, and the documents made from a collected period (report, letter,
register) when those cores are built.

    /usr/bin/python3 test_collect.py --oxt build/evakin.oxt --cli build/src/cli/evakin
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import office  # noqa: E402

# Columns of the form (src/core/form_layout.hpp).
TARGET_K = 10
TW1_K, TW1_RP = 12, 13

# Each button's title in the office's UI language: Indonesian, or English.
TOOLBAR_TITLES = (("Bagikan Format", "Distribute"), ("Rekap Kiriman", "Collect"), ("Susun Draf Laporan", "Report"),
                  ("Surat Pengantar", "Cover Letter"), ("Undangan Rapat", "Invitation"),
                  ("Register Surat", "Register"), ("Periode Baru", "New Period"))
TOOLBAR_URLS = ("org.evakin:Distribute", "org.evakin:Collect", "org.evakin:Report", "org.evakin:Letter?Kind=pengantar",
                "org.evakin:Letter?Kind=undangan", "org.evakin:Register", "org.evakin:NextPeriod")

# How each unit returns its form: file name in inbox/, format, and how values are typed.
RETURNS = {
    "SEKR": ("Sekretariat - isian TW I (final).ods", False, "number"),
    "PPM": ("PPM_isian.xlsx", True, "text"),
    "PPI": ("laporan ppi.xlsx", True, "number"),    # also changes a target: tampered
    "PDPM": ("pdpm (1).ods", False, "text"),
}
MISSING = "DSI"


def typed_values(unit_index, row_index):
    """A realisation per row, distinct per unit and row: (K, Rp)."""
    return 5.5 + unit_index * 10 + row_index, 1234567.5 + 1000 * (unit_index * 10 + row_index)


def as_typed(value, integer_part_dots=True):
    """How staff type a number as text: "1.234.567,5"."""
    whole, _, frac = ("%.2f" % value).partition(".")
    frac = frac.rstrip("0")
    if integer_part_dots:
        whole = "{:,}".format(int(whole)).replace(",", ".")
    return whole + ("," + frac if frac else "")


class CollectInOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lo = office.shared_office()
        cls.tmp = tempfile.mkdtemp(prefix="evakin-collect-")
        cls.ws = os.path.join(cls.tmp, "2026-tw1")
        office.run_cli("init", "--sample", cls.ws)
        frame = cls.lo.new_frame("scalc")
        outcome = cls.lo.dispatch(frame, "org.evakin:Distribute", Workspace=cls.ws, Silent=True)
        assert outcome.ok, outcome.result
        cls.forms = {f["unit"]: f["file"] for f in json.loads(outcome.result)["forms"]}
        cls.expected = {}     # unit -> {row code: (k, rp)}
        cls.tampered = None   # (unit, A1 address)
        for index, (unit, (name, xlsx, how)) in enumerate(sorted(RETURNS.items())):
            cls.make_return(index, unit, name, xlsx, how)
        cls.inbox_before = office.hash_tree(os.path.join(cls.ws, "inbox"))
        cls.outcome = cls.lo.dispatch(frame, "org.evakin:Collect", Workspace=cls.ws, Silent=True)
        cls.lo.close(frame.getController().getModel())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def make_return(cls, unit_index, unit, name, xlsx, how):
        doc = cls.lo.load(cls.forms[unit])
        sheet = doc.Sheets.getByName("Evaluasi")
        cls.expected[unit] = {}
        rows = office.indicator_rows(doc)
        first = rows[0]
        for i, row in enumerate(rows):
            k, rp = typed_values(unit_index, i)
            k_cell, rp_cell = sheet.getCellByPosition(TW1_K, row), sheet.getCellByPosition(TW1_RP, row)
            if rp_cell.CellProtection.IsLocked:   # an activity without budget: no Rp to report
                rp = None
            if how == "text":       # a cell that became text: the reader must accept Indonesian notation
                k_cell.setString(as_typed(k, False))
                if rp is not None:
                    rp_cell.setString(as_typed(rp))
            else:
                k_cell.setValue(k)
                if rp is not None:
                    rp_cell.setValue(rp)
            cls.expected[unit][sheet.getCellByPosition(1, row).String] = (k, rp)
        office.named_cell(doc, "evakin_faktor_pendorong").setString("Dukungan anggaran tepat waktu")
        office.named_cell(doc, "evakin_faktor_penghambat").setString("Cuaca dan sinyal internet")
        if unit == "PPI":          # a unit that "fixes" a target it does not like
            sheet.unprotect("")
            target = sheet.getCellByPosition(TARGET_K, first)
            target.setValue(target.Value + 1)
            cls.tampered = (unit, office.a1(TARGET_K, first))
        office.save_copy(doc, os.path.join(cls.ws, "inbox", name), xlsx=xlsx)
        cls.lo.close(doc)

    def result(self):
        self.assertTrue(self.outcome.ok, self.outcome.result)
        return json.loads(self.outcome.result)

    def evaluation(self):
        return office.read_json(os.path.join(self.ws, "hasil", "evaluasi.json"))

    def test_toolbar_has_every_working_command(self):
        office.uno()
        from com.sun.star.accessibility.AccessibleStateType import ENABLED
        frame = self.lo.new_frame("swriter")
        element = frame.LayoutManager.getElement(office.TOOLBAR)
        context = element.getRealInterface().getAccessibleContext()
        items = {}
        for i in range(context.getAccessibleChildCount()):
            child = context.getAccessibleChild(i).getAccessibleContext()
            items[child.getAccessibleName()] = child.getAccessibleStateSet().contains(ENABLED)
        self.lo.close(frame.getController().getModel())
        # Enabled exactly where `evakin status` says the command makes sense: the Untitled
        # document's current workspace is the last one used, this class's.
        status = json.loads(office.run_cli("status", self.ws, "--json").stdout)
        sensible = {c["command"]: c["enabled"] for c in status["commands"]}
        for titles, url in zip(TOOLBAR_TITLES, TOOLBAR_URLS):
            with self.subTest(button=titles[0]):
                shown = [name for name in items if name in titles]
                self.assertEqual(len(shown), 1, items)
                self.assertEqual(items[shown[0]], sensible[url], (url, items, sensible))

    def test_xlsx_returns_keep_the_stamped_identity(self):
        # The form's identity travels in the document properties: LibreOffice's .xlsx
        # keeps them in docProps/custom.xml, so a renamed .xlsx return is still known.
        import zipfile
        for unit, (name, xlsx, _how) in sorted(RETURNS.items()):
            if not xlsx:
                continue
            with self.subTest(unit=unit), zipfile.ZipFile(os.path.join(self.ws, "inbox", name)) as package:
                custom = package.read("docProps/custom.xml").decode("utf-8")
                self.assertIn("evakin.unit", custom)
                self.assertIn("evakin.digest", custom)

    def test_units_status(self):
        status = {u["unit"]: u["status"] for u in self.result()["units"]}
        self.assertEqual(status, {"SEKR": "valid", "PPM": "valid", "PDPM": "valid", "PPI": "invalid",
                                  MISSING: "missing"}, self.outcome.result)

    def test_merged_numbers(self):
        units = {u["code"]: u for u in self.evaluation()["units"]}
        for unit in ("SEKR", "PPM", "PDPM"):
            rows = {r["code"]: r for r in units[unit]["rows"]}
            self.assertEqual(set(rows), set(self.expected[unit]))
            for code, (k, rp) in self.expected[unit].items():
                with self.subTest(unit=unit, row=code):
                    quarter = rows[code]["quarters"][0]
                    self.assertIsNotNone(quarter, rows[code])
                    self.assertAlmostEqual(quarter["k"], k)
                    if rp is None:
                        self.assertIsNone(quarter.get("rp"), rows[code])
                    else:
                        self.assertAlmostEqual(quarter["rp"], rp)
            self.assertEqual(units[unit]["faktorPendorong"], "Dukungan anggaran tepat waktu")
        self.assertEqual(units[MISSING]["status"], "missing")
        self.assertTrue(all(r["quarters"][0] is None for r in units[MISSING]["rows"]))

    def test_tampered_target_named_by_cell(self):
        unit, cell = self.tampered
        problems = [p for p in self.result()["problems"] if p.get("unit") == unit or p.get("unitCode") == unit
                    or os.path.basename(p.get("file", "")) == RETURNS[unit][0]]
        self.assertTrue(any(p.get("cell") == cell for p in problems),
                        "no problem at %s for %s: %s" % (cell, unit, json.dumps(problems, ensure_ascii=False)))
        # Warnings (the typed Rp do not add up as the plan's pagu do) are no verdict on the target.
        errors = [p for p in problems if p.get("severity") != "warning"]
        self.assertEqual([p["cell"] for p in errors], [cell], "only the changed target is an error")

    def test_recap_lists_the_missing_unit(self):
        doc = self.lo.load(os.path.join(self.ws, "hasil", "rekap-pengumpulan.ods"))
        sheet = doc.Sheets.getByIndex(0)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        rows = sheet.getCellRangeByPosition(0, 0, cursor.RangeAddress.EndColumn, cursor.RangeAddress.EndRow)
        text = ["\t".join(str(v) for v in row) for row in rows.DataArray]
        self.lo.close(doc)
        line = [t for t in text if MISSING in t]
        self.assertTrue(line, "\n".join(text))
        self.assertRegex(line[0].lower(), "belum|missing|tidak ada", line[0])

    def test_inbox_untouched_and_rerun_identical(self):
        self.assertEqual(office.hash_tree(os.path.join(self.ws, "inbox")), self.inbox_before)
        results = os.path.join(self.ws, "hasil")
        before = {f: h for f, h in office.hash_tree(results).items() if f.startswith(("rekap", "tabel", "evaluasi"))}
        again = self.lo.service(office.EVAKIN_SERVICE).collect(self.ws)   # the API door, same core
        self.assertEqual(json.loads(again)["units"], self.result()["units"])
        after = {f: h for f, h in office.hash_tree(results).items() if f in before}
        self.assertEqual(after, before, "a rerun on the same inbox must give the same bytes")
        self.assertEqual(office.hash_tree(os.path.join(self.ws, "inbox")), self.inbox_before)

    def test_report_letters_and_register_doors(self):
        """Susun Draf Laporan with PDF through this LibreOffice, a numbered cover letter and
        invitation, and the Buku Agenda, each by dispatch (Silent) into a private register."""
        register = os.path.join(self.tmp, "register", "register.sqlite")
        os.makedirs(os.path.dirname(register), exist_ok=True)
        frame = self.lo.new_frame("swriter")
        try:
            report = self.lo.dispatch(frame, "org.evakin:Report", Workspace=self.ws, Pdf=True, Silent=True)
            self.assertTrue(report.ok, report.result)
            data = json.loads(report.result)
            with open(data["pdf"], "rb") as f:
                self.assertEqual(f.read(5), b"%PDF-")
            self.assertEqual(data["missing"], 1)
            numbers = []
            for kind in ("pengantar", "undangan"):
                letter = self.lo.dispatch(frame, "org.evakin:Letter?Kind=" + kind, Workspace=self.ws,
                                          Register=register, Silent=True)
                self.assertTrue(letter.ok, letter.result)
                entry = json.loads(letter.result)["entry"]
                self.assertEqual(entry["status"], "issued")
                numbers.append(entry["number"])
            self.assertEqual(len(set(numbers)), 2, numbers)
            agenda = self.lo.dispatch(frame, "org.evakin:Register", Workspace=self.ws, Register=register, Silent=True)
            self.assertTrue(agenda.ok, agenda.result)
            exported = json.loads(agenda.result)
            self.assertEqual(exported["entries"], 2, agenda.result)
            evakin = self.lo.service(office.EVAKIN_SERVICE)    # the same through the API
            self.assertTrue(os.path.isfile(json.loads(evakin.report(self.ws, False, False))["file"]))
            self.assertEqual(json.loads(evakin.exportRegister(self.ws, 0, register))["entries"], 2)
            doc = self.lo.load(exported["file"])
            self.assertTrue(doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"))
            self.lo.close(doc)
        finally:
            self.lo.close(frame.getController().getModel())


if __name__ == "__main__":
    office.run_tests()
