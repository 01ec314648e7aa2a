#!/usr/bin/python3
"""The distributed forms, read back by the real LibreOffice: every pre-filled
value matches the plan, only the input cells are unlocked, the numeric input
cells carry a decimal validation, and a triwulan II form shows triwulan I
accepted values locked and unreported ones open as late data.

    /usr/bin/python3 test_forms.py --oxt build/evakin.oxt --cli build/src/cli/evakin
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
KODE, URAIAN, INDIKATOR, SATUAN, JENIS = 1, 2, 3, 4, 5
RENSTRA_K, TARGET_K, PAGU = 6, 10, 11
TW_K = {1: 12, 2: 14, 3: 16, 4: 18}
KETERANGAN = 20
# Columns of the plan sheet "Rencana" (src/core/plan.cpp).
P_UNIT, P_KODE, P_INDIKATOR, P_JENIS, P_RENSTRA_K, P_TARGET_K, P_PAGU = 0, 3, 5, 7, 8, 12, 13


class FormsInOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lo = office.shared_office()
        cls.tmp = tempfile.mkdtemp(prefix="evakin-forms-")
        cls.ws = os.path.join(cls.tmp, "2026-tw2")
        office.run_cli("init", "--sample", cls.ws, "--year", "2026", "--triwulan", "2")
        cls.plan = cls.read_plan()
        # Triwulan I accepted for the first row of each unit only: the other rows are late data.
        accepted = {}
        for unit, rows in cls.plan.items():
            accepted[unit] = {rows[0][P_KODE]: [{"k": 7.0, "rp": 123456789.0}, None, None, None]}
        with open(os.path.join(cls.ws, "realisasi.json"), "w", encoding="utf-8") as f:
            json.dump({"format": 1, "units": accepted}, f)
        frame = cls.lo.new_frame("scalc")
        outcome = cls.lo.dispatch(frame, "org.evakin:Distribute", Workspace=cls.ws, Silent=True)
        assert outcome.ok, outcome.result
        cls.forms = sorted(os.path.join(cls.ws, "outbox", f) for f in os.listdir(os.path.join(cls.ws, "outbox")))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def read_plan(cls):
        doc = cls.lo.load(os.path.join(cls.ws, "rencana-kerja.ods"))
        sheet = doc.Sheets.getByName("Rencana")
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        rows = sheet.getCellRangeByPosition(0, 1, 13, cursor.RangeAddress.EndRow).DataArray
        cls.lo.close(doc)
        by_unit = {}
        for r in rows:
            if len(r[P_KODE].split(".")) > 2:   # not an urusan or bidang urusan row
                by_unit.setdefault(r[P_UNIT], []).append(r)
        cls.headings = [(r[P_KODE], r[4]) for r in rows if r[P_KODE] and len(r[P_KODE].split(".")) <= 2]
        return by_unit

    def each_form(self):
        for path in self.forms:
            doc = self.lo.load(path)
            try:
                unit = doc.DocumentProperties.UserDefinedProperties.getPropertyValue("evakin.unit")
                yield path, unit, doc, doc.Sheets.getByName("Evaluasi")
            finally:
                self.lo.close(doc)

    def test_one_form_per_unit_with_plan_rows(self):
        self.assertEqual(len(self.forms), len(self.plan))

    def test_prefilled_values_match_the_plan(self):
        for path, unit, doc, sheet in self.each_form():
            with self.subTest(form=os.path.basename(path)):
                first, _ = office.data_rows(doc)
                rows = self.plan[unit]
                indicator_rows = office.indicator_rows(doc)
                self.assertEqual(len(indicator_rows), len(rows))
                # The sample's programs all sit under urusan 2, bidang 2.18: those two rows head the table.
                self.assertEqual(office.heading_rows(doc), [first, first + 1])
                self.assertEqual([(sheet.getCellByPosition(KODE, r).String, sheet.getCellByPosition(URAIAN, r).String)
                                  for r in office.heading_rows(doc)], self.headings)
                for row, plan_row in zip(indicator_rows, rows):
                    cell = lambda col: sheet.getCellByPosition(col, row)  # noqa: E731
                    self.assertEqual(cell(KODE).String, plan_row[P_KODE])
                    self.assertEqual(cell(INDIKATOR).String, plan_row[P_INDIKATOR])
                    self.assertEqual(cell(JENIS).String, plan_row[P_JENIS])
                    self.assertAlmostEqual(cell(RENSTRA_K).Value, plan_row[P_RENSTRA_K])
                    self.assertAlmostEqual(cell(TARGET_K).Value, plan_row[P_TARGET_K])
                    if plan_row[P_PAGU] != "":
                        self.assertAlmostEqual(cell(PAGU).Value, plan_row[P_PAGU])
                header = " ".join(sheet.getCellByPosition(0, r).String for r in range(first))
                self.assertIn("Triwulan II Tahun 2026", header)
                self.assertIn("10 Juli 2026", header)

    def test_protection_and_input_cells(self):
        from_uno = office.uno()  # noqa: F841 (types for the enum below)
        from com.sun.star.sheet.ValidationType import DECIMAL
        for path, unit, doc, sheet in self.each_form():
            with self.subTest(form=os.path.basename(path)):
                self.assertTrue(sheet.isProtected())
                for row in office.heading_rows(doc):   # urusan and bidang urusan: nothing to fill in
                    for col in range(KETERANGAN + 1):
                        self.assertTrue(sheet.getCellByPosition(col, row).CellProtection.IsLocked,
                                        "column %d row %d should be locked" % (col, row + 1))
                for row in office.indicator_rows(doc):
                    locked = lambda col: sheet.getCellByPosition(col, row).CellProtection.IsLocked  # noqa: E731
                    for col in (KODE, URAIAN, INDIKATOR, SATUAN, JENIS, RENSTRA_K, TARGET_K, PAGU, TW_K[3], TW_K[4]):
                        self.assertTrue(locked(col), "column %d row %d should be locked" % (col, row + 1))
                    self.assertFalse(locked(TW_K[2]), "current quarter K must be input (row %d)" % (row + 1))
                    self.assertFalse(locked(KETERANGAN))
                    self.assertEqual(sheet.getCellByPosition(TW_K[2], row).Validation.Type, DECIMAL)
                for name in ("evakin_faktor_pendorong", "evakin_faktor_penghambat", "evakin_tindak_lanjut"):
                    cell = doc.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0)
                    self.assertFalse(cell.CellProtection.IsLocked, name)

    def test_earlier_quarter_locked_when_accepted_open_when_late(self):
        for path, unit, doc, sheet in self.each_form():
            with self.subTest(form=os.path.basename(path)):
                rows = office.indicator_rows(doc)
                accepted = sheet.getCellByPosition(TW_K[1], rows[0])
                self.assertAlmostEqual(accepted.Value, 7.0)
                self.assertTrue(accepted.CellProtection.IsLocked)
                self.assertEqual(accepted.CellStyle, "Evakin Diterima Angka")  # display name of Evakin_Diterima_Angka
                for row in rows[1:]:
                    late = sheet.getCellByPosition(TW_K[1], row)
                    self.assertEqual(late.String, "")
                    self.assertFalse(late.CellProtection.IsLocked)
                    self.assertEqual(late.CellStyle, "Evakin Terlambat Angka")


if __name__ == "__main__":
    office.run_tests()
