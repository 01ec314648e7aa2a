#!/usr/bin/python3
"""Surat Pengantar, Undangan Rapat and Register Surat from the toolbar in a real
headless LibreOffice with the built .oxt: each command opens its dialog before
anything is numbered; headless LibreOffice cancels a dialog at once, which is
exactly the case that must take no number and write nothing. With Silent=true
the dispatch arguments (old and new: Naskah, Invitees, Signatory, ...) make the
letter, and Register?Action=void voids a number as `evakin register void` does.

    /usr/bin/python3 test_letters_gui.py --oxt build/evakin.oxt --cli build/src/cli/evakin
"""
import json
import os
import shutil
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import office  # noqa: E402


def letter_xml(path):
    with zipfile.ZipFile(path) as z:
        return z.read("content.xml").decode("utf-8")


class LettersInOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lo = office.shared_office()
        cls.tmp = tempfile.mkdtemp(prefix="evakin-letters-")
        cls.ws = os.path.join(cls.tmp, "2026-tw1")
        office.run_cli("init", "--sample", cls.ws, "--year", "2026", "--triwulan", "1")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        # A private register per test: the office's real one is never touched.
        self.register = os.path.join(self.tmp, self.id().rsplit(".", 1)[-1], "register.sqlite")
        os.makedirs(os.path.dirname(self.register), exist_ok=True)
        self.frame = self.lo.new_frame("swriter", hidden=False)

    def tearDown(self):
        self.lo.close(self.frame.getController().getModel())

    def entries(self, year=2026):
        res = office.run_cli("register", "list", "--year", str(year), "--register", self.register, "--json")
        return json.loads(res.stdout)["entries"]

    def letters(self):
        results = os.path.join(self.ws, "hasil")
        return sorted(f for f in os.listdir(results) if f.endswith(".odt")) if os.path.isdir(results) else []

    def dispatch(self, command, **arguments):
        return self.lo.dispatch(self.frame, command, Workspace=self.ws, Register=self.register, **arguments)

    def test_cancelled_letter_dialogs_take_no_number(self):
        before_entries, before_letters = self.entries(), self.letters()
        for kind in ("pengantar", "undangan"):
            with self.subTest(kind=kind):
                outcome = self.dispatch("org.evakin:Letter?Kind=" + kind, Date="2026-04-08")
                self.assertFalse(outcome.ok, outcome.result)
                # The dialog was built and cancelled (not a failure before it): the cancel message.
                self.assertTrue(outcome.result.startswith(("Dibatalkan: tidak ada nomor", "Cancelled: no number")),
                                outcome.result)
                self.assertEqual(self.entries(), before_entries)
                self.assertEqual(self.letters(), before_letters)

    def test_silent_cover_letter_with_its_own_table_and_addressee(self):
        outcome = self.dispatch("org.evakin:Letter?Kind=pengantar", Silent=True, Date="2026-04-08",
                                To="Kepala Biro Organisasi", ToPlace="Sungailiat",
                                Naskah="Laporan A|2 (dua) eksemplar|asli;Laporan B||")
        self.assertTrue(outcome.ok, outcome.result)
        data = json.loads(outcome.result)
        self.assertEqual(data["entry"]["addressee"], "Kepala Biro Organisasi")
        self.assertEqual(data["entry"]["attachments"], "2 berkas")
        xml = letter_xml(data["file"])
        for text in ("Kepala Biro Organisasi", "Sungailiat", "Laporan A", "2 (dua) eksemplar", "Laporan B",
                     "1 (satu) berkas"):
            self.assertIn(text, xml)
        self.assertEqual([e["number"] for e in self.entries()], [data["number"]])

    def test_silent_invitation_with_invitees_and_signatory(self):
        outcome = self.dispatch("org.evakin:Letter?Kind=undangan", Silent=True, Date="2026-03-30",
                                Invitees="Sekretaris;Kepala Bidang Promosi", Signatory="kepala")
        self.assertTrue(outcome.ok, outcome.result)
        data = json.loads(outcome.result)
        xml = letter_xml(data["file"])
        self.assertIn("1. Sekretaris", xml)
        self.assertIn("2. Kepala Bidang Promosi", xml)
        self.assertNotIn("a.n. ", xml)
        self.assertIn("Senin, 6 April 2026", xml)   # the core's default: a week after the letter
        bad = self.dispatch("org.evakin:Letter?Kind=undangan", Silent=True, Date="2026-03-30", Signatory="bupati")
        self.assertFalse(bad.ok)
        self.assertIn("bupati", bad.result)
        self.assertEqual(len(self.entries()), 1, "a refused letter took a number")

    def test_register_void_by_dispatch(self):
        letter = self.dispatch("org.evakin:Letter?Kind=pengantar", Silent=True, Date="2026-04-08")
        self.assertTrue(letter.ok, letter.result)
        number = json.loads(letter.result)["number"]

        no_reason = self.dispatch("org.evakin:Register?Action=void&Number=" + number, Silent=True)
        self.assertFalse(no_reason.ok, no_reason.result)
        self.assertEqual(self.entries()[0]["status"], "issued")
        unknown = self.dispatch("org.evakin:Register", Action="void", Number="999/9/X/2026", Reason="uji",
                                Silent=True)
        self.assertFalse(unknown.ok)
        self.assertIn("999/9/X/2026", unknown.result)

        voided = self.dispatch("org.evakin:Register?Action=void&Number=" + number + "&Reason=salah alamat",
                               Silent=True)
        self.assertTrue(voided.ok, voided.result)
        self.assertEqual(json.loads(voided.result)["entry"]["status"], "void")
        entry = self.entries()[0]
        self.assertEqual((entry["number"], entry["status"], entry["voidReason"]), (number, "void", "salah alamat"))
        again = self.dispatch("org.evakin:Register", Action="void", Number=number, Reason="lagi", Silent=True)
        self.assertFalse(again.ok, "voided twice")

        listed = self.dispatch("org.evakin:Register", Action="list", Year=2026, Silent=True)
        self.assertTrue(listed.ok, listed.result)
        self.assertEqual([e["number"] for e in json.loads(listed.result)["entries"]], [number])
        bogus = self.dispatch("org.evakin:Register", Action="hapus", Silent=True)
        self.assertFalse(bogus.ok)
        self.assertIn("hapus", bogus.result)

    def test_cancelled_register_dialog_changes_nothing(self):
        letter = self.dispatch("org.evakin:Letter?Kind=pengantar", Silent=True, Date="2026-04-08")
        self.assertTrue(letter.ok, letter.result)
        before = self.entries()
        agenda = os.path.join(self.ws, "hasil", "buku-agenda-surat-keluar-2026.ods")
        if os.path.exists(agenda):
            os.remove(agenda)
        outcome = self.dispatch("org.evakin:Register", Year=2026)
        self.assertFalse(outcome.ok, outcome.result)
        self.assertTrue("ditutup" in outcome.result or "closed" in outcome.result, outcome.result)
        self.assertEqual(self.entries(), before)
        self.assertFalse(os.path.exists(agenda), "the cancelled dialog exported the Buku Agenda")
        exported = self.dispatch("org.evakin:Register", Year=2026, Silent=True)   # as before: export
        self.assertTrue(exported.ok, exported.result)
        self.assertEqual(json.loads(exported.result)["entries"], 1)
        self.assertTrue(os.path.isfile(agenda))

    def test_service_letter_defaults_and_void(self):
        office.uno()
        from com.sun.star.beans import NamedValue
        from com.sun.star.lang import IllegalArgumentException
        evakin = self.lo.service(office.EVAKIN_SERVICE)
        options = (NamedValue("Date", "2026-03-30"), NamedValue("Register", self.register))
        made = json.loads(evakin.issueLetter(self.ws, "undangan", options))   # no MeetingDate: the default
        self.assertIn("Senin, 6 April 2026", letter_xml(made["file"]))
        voided = json.loads(evakin.voidNumber(made["number"], 2026, "rapat ditunda", self.register))
        self.assertEqual(voided["entry"]["status"], "void")
        with self.assertRaises(IllegalArgumentException):
            evakin.voidNumber(made["number"], 2026, "lagi", self.register)
        self.assertEqual([e["status"] for e in self.entries()], ["void"])


if __name__ == "__main__":
    office.run_tests()
