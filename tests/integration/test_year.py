#!/usr/bin/python3
"""A year of quarters in the real LibreOffice (issue 8): triwulan I returns
typed in LibreOffice and collected; "Periode Baru" (org.evakin:NextPeriod)
opens triwulan II beside it; the triwulan II forms show the triwulan I values
locked at their rows and columns, and a unit that missed triwulan I gets those
cells open as late data; a return that changes a triwulan I value is named as
tampered; the late values land in the year table flagged late; a correction
through the API is recorded and used. The finished triwulan I workspace is
byte-identical before and after the whole triwulan II cycle.

    /usr/bin/python3 test_year.py --oxt build/evakin.oxt --cli build/src/cli/evakin
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import office  # noqa: E402

TW_K = {1: 12, 2: 14}           # K column of a quarter (src/core/form_layout.hpp); Rp is the next one
KODE = 1
LATE_UNIT = "PDPM"              # returns nothing in triwulan I, reports it late in triwulan II
TAMPERING_UNIT = "PPM"          # changes an accepted triwulan I value in its triwulan II return


def value_for(unit, row_index, triwulan):
    return 10.0 * triwulan + len(unit) + row_index / 2.0


class YearInOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lo = office.shared_office()
        cls.tmp = tempfile.mkdtemp(prefix="evakin-year-")
        cls.tw1 = os.path.join(cls.tmp, "2026-tw1")
        office.run_cli("init", "--sample", cls.tw1, "--year", "2026", "--triwulan", "1")
        cls.frame = cls.lo.new_frame("scalc")
        # Triwulan I: every unit but LATE_UNIT returns its form.
        cls.tw1_values = {}     # unit -> [(row code, k, rp or None)]
        for unit, form in cls.distribute(cls.tw1).items():
            if unit != LATE_UNIT:
                cls.tw1_values[unit] = cls.fill(form, cls.tw1, unit, {1})
        cls.tw1_collect = cls.run_command("org.evakin:Collect", Workspace=cls.tw1)
        cls.tw1_hashes = office.hash_tree(cls.tw1)
        # Triwulan II from it, in the proposed sibling folder (no Target given).
        cls.next_period = cls.run_command("org.evakin:NextPeriod", Workspace=cls.tw1)
        cls.tw2 = json.loads(cls.next_period)["workspace"]
        cls.tw2_forms = cls.distribute(cls.tw2)
        cls.locked_check = {unit: cls.read_quarter(form, 1) for unit, form in cls.tw2_forms.items()}
        for unit, form in cls.tw2_forms.items():
            cls.fill(form, cls.tw2, unit, {1, 2} if unit == LATE_UNIT else {2}, tamper=unit == TAMPERING_UNIT)
        cls.tw2_collect = json.loads(cls.run_command("org.evakin:Collect", Workspace=cls.tw2))

    @classmethod
    def tearDownClass(cls):
        cls.lo.close(cls.frame.getController().getModel())
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def run_command(cls, command, **arguments):
        outcome = cls.lo.dispatch(cls.frame, command, Silent=True, **arguments)
        assert outcome.ok, "%s: %s" % (command, outcome.result)
        return outcome.result

    @classmethod
    def distribute(cls, ws):
        result = json.loads(cls.run_command("org.evakin:Distribute", Workspace=ws))
        return {f["unit"]: f["file"] for f in result["forms"]}

    @classmethod
    def fill(cls, form, ws, unit, quarters, tamper=False):
        """Types this unit's values into the open cells of `quarters`, saves the return into inbox/."""
        doc = cls.lo.load(form)
        sheet = doc.Sheets.getByName("Evaluasi")
        rows = office.indicator_rows(doc)
        first = rows[0]
        typed = []
        for i, row in enumerate(rows):
            for tw in sorted(quarters):
                k_cell, rp_cell = sheet.getCellByPosition(TW_K[tw], row), sheet.getCellByPosition(TW_K[tw] + 1, row)
                k = value_for(unit, i, tw)
                k_cell.setValue(k)
                rp = None if rp_cell.CellProtection.IsLocked else k * 1000000
                if rp is not None:
                    rp_cell.setValue(rp)
                if tw == min(quarters):
                    typed.append((sheet.getCellByPosition(KODE, row).String, k, rp))
        office.named_cell(doc, "evakin_faktor_pendorong").setString("Koordinasi lintas bidang")
        office.named_cell(doc, "evakin_faktor_penghambat").setString("Keterlambatan pengadaan")
        if tamper:                      # "corrects" triwulan I in its own return
            sheet.unprotect("")
            cell = sheet.getCellByPosition(TW_K[1], first)
            cell.setValue(cell.Value + 3)
            cls.tampered_cell = office.a1(TW_K[1], first)
        name = "%s-kembali-%s.ods" % (unit.lower(), os.path.basename(ws))
        office.save_copy(doc, os.path.join(ws, "inbox", name))
        cls.lo.close(doc)
        return typed

    @classmethod
    def read_quarter(cls, form, tw):
        """[(row code, K value or None, K locked, Rp value or None, Rp locked)] of a quarter in a form."""
        doc = cls.lo.load(form)
        sheet = doc.Sheets.getByName("Evaluasi")
        out = []
        for row in office.indicator_rows(doc):
            k, rp = sheet.getCellByPosition(TW_K[tw], row), sheet.getCellByPosition(TW_K[tw] + 1, row)
            out.append((sheet.getCellByPosition(KODE, row).String,
                        k.Value if k.String else None, k.CellProtection.IsLocked,
                        rp.Value if rp.String else None, rp.CellProtection.IsLocked))
        cls.lo.close(doc)
        return out

    def units_tw2(self):
        return {u["code"]: u for u in office.read_json(os.path.join(self.tw2, "hasil", "evaluasi.json"))["units"]}

    def test_next_period_is_the_sibling_tw2(self):
        self.assertEqual(os.path.realpath(self.tw2), os.path.realpath(os.path.join(self.tmp, "2026-tw2")))
        self.assertEqual(office.read_json(os.path.join(self.tw2, "periode.json"))["triwulan"], 2)

    def test_next_period_by_api_into_a_chosen_folder(self):
        target = os.path.join(self.tmp, "arsip", "tw2-salinan")
        evakin = self.lo.service(office.EVAKIN_SERVICE)
        made = json.loads(evakin.nextPeriod(office.file_url(self.tw1), target))
        self.assertEqual(os.path.realpath(made["workspace"]), os.path.realpath(target))
        office.uno()
        from com.sun.star.lang import IllegalArgumentException
        with self.assertRaises(IllegalArgumentException):   # never overwrites a workspace
            evakin.nextPeriod(self.tw1, target)

    def test_tw1_values_locked_in_tw2_forms(self):
        for unit, cells in self.locked_check.items():
            with self.subTest(unit=unit):
                if unit == LATE_UNIT:     # never reported: open, empty, to come as late data
                    self.assertTrue(all(k is None and not k_locked for _, k, k_locked, _, _ in cells), cells)
                    continue
                self.assertEqual([c[0] for c in cells], [t[0] for t in self.tw1_values[unit]])
                for (code, k, k_locked, rp, rp_locked), (_, k1, rp1) in zip(cells, self.tw1_values[unit]):
                    self.assertAlmostEqual(k, k1, msg=code)
                    self.assertTrue(k_locked, "%s %s: triwulan I K must be locked" % (unit, code))
                    if rp1 is not None:
                        self.assertAlmostEqual(rp, rp1, msg=code)
                        self.assertTrue(rp_locked, "%s %s: triwulan I Rp must be locked" % (unit, code))

    def test_changed_tw1_value_is_tampering(self):
        status = {u["unit"]: u["status"] for u in self.tw2_collect["units"]}
        self.assertEqual(status[TAMPERING_UNIT], "invalid", status)
        cells = [p.get("cell") for p in self.tw2_collect["problems"] if TAMPERING_UNIT.lower() in p.get("file", "")]
        self.assertIn(self.tampered_cell, cells, self.tw2_collect["problems"])
        others = {u: s for u, s in status.items() if u != TAMPERING_UNIT}
        self.assertEqual(set(others.values()), {"valid"}, status)

    def test_late_tw1_values_in_the_year_table(self):
        rows = self.units_tw2()[LATE_UNIT]["rows"]
        self.assertTrue(rows)
        for i, row in enumerate(rows):
            with self.subTest(row=row["code"]):
                q1, q2 = row["quarters"][0], row["quarters"][1]
                self.assertAlmostEqual(q1["k"], value_for(LATE_UNIT, i, 1))
                self.assertTrue(q1["late"], row)
                self.assertAlmostEqual(q2["k"], value_for(LATE_UNIT, i, 2))
                self.assertFalse(q2.get("late"), row)

    def test_year_table_carries_tw1(self):
        rows = self.units_tw2()["PPI"]["rows"]     # not SEKR: its first row gets a correction below
        self.assertEqual(len(rows), len(self.tw1_values["PPI"]))
        for (code, k1, _), row in zip(self.tw1_values["PPI"], rows):
            self.assertEqual(row["code"], code)
            self.assertAlmostEqual(row["quarters"][0]["k"], k1)
            self.assertFalse(row["quarters"][0]["late"])

    def correct_first_sekr_row(self):
        """Records (once) a correction of SEKR's first triwulan I value through the API."""
        if not hasattr(type(self), "correction"):
            code = self.tw1_values["SEKR"][0][0]
            evakin = self.lo.service(office.EVAKIN_SERVICE)
            type(self).correction = (code, json.loads(
                evakin.correct(self.tw2, "SEKR", code, 1, "12,5", "", "Salah ketik pada laporan triwulan I")))
        return type(self).correction

    def test_correction_is_recorded(self):
        code, recorded = self.correct_first_sekr_row()
        self.assertAlmostEqual(recorded["newK"] if "newK" in recorded else recorded["new"]["k"], 12.5, msg=recorded)
        saved = office.read_json(os.path.join(self.tw2, "koreksi.json"))
        text = json.dumps(saved, ensure_ascii=False)
        self.assertIn("Salah ketik", text)
        self.assertIn(code, text)
        office.uno()
        from com.sun.star.lang import IllegalArgumentException
        with self.assertRaises(IllegalArgumentException):   # not a number staff could mean
            self.lo.service(office.EVAKIN_SERVICE).correct(self.tw2, "SEKR", code, 1, "dua belas", "", "x")

    def test_correction_changes_the_year_table(self):
        code, _ = self.correct_first_sekr_row()
        self.run_command("org.evakin:Collect", Workspace=self.tw2)
        row = next(r for r in self.units_tw2()["SEKR"]["rows"] if r["code"] == code)
        self.assertAlmostEqual(row["quarters"][0]["k"], 12.5, msg=row)

    def test_zz_finished_period_untouched(self):
        """Runs last (by name): triwulan I is byte-identical after triwulan II's whole cycle."""
        self.correct_first_sekr_row()
        self.assertEqual(office.hash_tree(self.tw1), self.tw1_hashes)


if __name__ == "__main__":
    office.run_tests()
