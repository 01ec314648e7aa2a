#!/usr/bin/python3
"""The step dialogs' commands in a real headless LibreOffice: Koreksi Data
(org.evakin:Correct) dispatched with Silent=true records exactly what
`evakin correct` records; Bagikan Format writes the units asked for only;
every step dialog opened headless (where LibreOffice cancels it at once)
writes nothing; `evakin init --from` without a folder takes the sibling named
after the next period, as the toolbar does.

    /usr/bin/python3 test_dialogs.py --oxt build/evakin.oxt --cli build/src/cli/evakin
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import office  # noqa: E402


def collected_sample(parent, triwulan=2):
    """A sample workspace of 2026 triwulan `triwulan`, collected once (no returns yet)."""
    ws = os.path.join(parent, "2026-tw%d" % triwulan)
    office.run_cli("init", "--sample", ws, "--year", "2026", "--triwulan", str(triwulan))
    office.run_cli("collect", ws, check=False)      # exit 4: every return missing, still a result
    return ws


def first_row_key(ws, unit):
    evaluation = office.read_json(os.path.join(ws, "hasil", "evaluasi.json"))
    return next(u for u in evaluation["units"] if u["code"] == unit)["rows"][0]["key"]


def without_time(correction):
    return {k: v for k, v in correction.items() if k != "at"}


class StepDialogs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lo = office.shared_office()
        cls.tmp = tempfile.mkdtemp(prefix="evakin-dialogs-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def folder(self, name):
        path = os.path.join(self.tmp, name)
        os.makedirs(path)
        return path

    def test_correct_by_dispatch_records_as_the_cli(self):
        by_dispatch = collected_sample(self.folder("dispatch"))
        by_cli = collected_sample(self.folder("cli"))
        key = first_row_key(by_dispatch, "SEKR")
        frame = self.lo.new_frame("scalc")
        try:
            outcome = self.lo.dispatch(frame, "org.evakin:Correct", Workspace=by_dispatch, Silent=True,
                                       Unit="SEKR", Row=key, Triwulan=1, K="12,5", Rp="1.250.000",
                                       Reason="Salah ketik pada laporan triwulan I", By="perencanaan")
            self.assertTrue(outcome.ok, outcome.result)
            cli = office.run_cli("correct", by_cli, "--unit", "SEKR", "--row", key, "--triwulan", "1",
                                 "--k", "12,5", "--rp", "1.250.000",
                                 "--reason", "Salah ketik pada laporan triwulan I", "--by", "perencanaan", "--json")
            self.assertEqual(without_time(json.loads(outcome.result)), without_time(json.loads(cli.stdout)))
            recorded = [office.read_json(os.path.join(ws, "koreksi.json")) for ws in (by_dispatch, by_cli)]
            for r in recorded:
                r["corrections"] = [without_time(c) for c in r["corrections"]]
            self.assertEqual(recorded[0], recorded[1])
            self.assertEqual(recorded[0]["corrections"][0]["newK"], 12.5)
            self.assertEqual(recorded[0]["corrections"][0]["newRp"], 1250000)

            # A macro may pass the numbers as numbers; a second correction sees the first as the old value.
            again = self.lo.dispatch(frame, "org.evakin:Correct", Workspace=by_dispatch, Silent=True,
                                     Unit="SEKR", Row=key, Triwulan=1, K=13.0, Reason="Dicek ulang")
            self.assertTrue(again.ok, again.result)
            self.assertEqual(json.loads(again.result)["oldK"], 12.5)
            self.assertEqual(json.loads(again.result)["newK"], 13.0)

            # Problems name the field and record nothing.
            before = office.hash_tree(by_dispatch)
            bad = self.lo.dispatch(frame, "org.evakin:Correct", Workspace=by_dispatch, Silent=True,
                                   Unit="SEKR", Row=key, Triwulan=1, K="dua belas", Reason="x")
            self.assertFalse(bad.ok)
            self.assertIn("dua belas", bad.result)
            no_reason = self.lo.dispatch(frame, "org.evakin:Correct", Workspace=by_dispatch, Silent=True,
                                         Unit="SEKR", Row=key, Triwulan=1, K="12")
            self.assertFalse(no_reason.ok)
            self.assertTrue("Alasan" in no_reason.result or "reason" in no_reason.result, no_reason.result)
            self.assertEqual(office.hash_tree(by_dispatch), before)
        finally:
            self.lo.close(frame.getController().getModel())

    def test_distribute_writes_the_chosen_units_only(self):
        ws = collected_sample(self.folder("units"), triwulan=1)
        frame = self.lo.new_frame("scalc")
        try:
            outcome = self.lo.dispatch(frame, "org.evakin:Distribute", Workspace=ws, Silent=True, Units="SEKR, PPI")
            self.assertTrue(outcome.ok, outcome.result)
            self.assertEqual([f["unit"] for f in json.loads(outcome.result)["forms"]], ["SEKR", "PPI"])
            self.assertEqual(sorted(os.listdir(os.path.join(ws, "outbox"))),
                             ["evaluasi-2026-tw1-PPI.ods", "evaluasi-2026-tw1-SEKR.ods"])
            before = office.hash_tree(ws)
            unknown = self.lo.dispatch(frame, "org.evakin:Distribute", Workspace=ws, Silent=True, Units="SEKR,NOPE")
            self.assertFalse(unknown.ok)
            self.assertIn("NOPE", unknown.result)
            self.assertEqual(office.hash_tree(ws), before)
        finally:
            self.lo.close(frame.getController().getModel())

    def test_cancelled_dialogs_write_nothing(self):
        """Headless LibreOffice cancels a dialog at once: each step ends as cancelled, nothing written."""
        parent = self.folder("cancelled")
        ws = collected_sample(parent, triwulan=1)
        frame = self.lo.new_frame("swriter", hidden=False)
        try:
            before = office.hash_tree(parent)
            for command in ("Distribute", "Report", "Correct", "NextPeriod"):
                with self.subTest(command=command):
                    outcome = self.lo.dispatch(frame, "org.evakin:" + command, Workspace=ws)
                    self.assertFalse(outcome.ok, outcome.result)
                    self.assertTrue("Dibatalkan" in outcome.result or "Cancelled" in outcome.result, outcome.result)
                    self.assertEqual(office.hash_tree(parent), before)
            self.assertEqual(os.listdir(parent), ["2026-tw1"])      # no 2026-tw2 made
        finally:
            self.lo.close(frame.getController().getModel())

    def test_cli_next_period_takes_the_proposed_sibling(self):
        parent = self.folder("cli-next")
        ws = collected_sample(parent, triwulan=4)
        res = office.run_cli("init", "--from", ws, "--json")
        self.assertEqual(os.path.realpath(json.loads(res.stdout)["workspace"]),
                         os.path.realpath(os.path.join(parent, "2027-tw1")))
        self.assertTrue(os.path.isfile(os.path.join(parent, "2027-tw1", "periode.json")))


if __name__ == "__main__":
    office.run_tests()
