#!/usr/bin/python3
"""The numbered letters in the real headless LibreOffice: the Surat Pengantar
and the Undangan Rapat written by `evakin letter --pdf` open without a repair
prompt, and pdftotext of their PDFs finds the number, the addressee and the
signer; two letters never share a number.

    /usr/bin/python3 tests/report/test_letters_office.py --cli build/src/cli/evakin
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from office import HeadlessOffice  # noqa: E402

CLI = None


def evakin(*args):
    res = subprocess.run([CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=600)
    if res.returncode != 0:
        raise AssertionError("evakin %s -> %d\n%s%s" % (" ".join(args), res.returncode, res.stdout, res.stderr))
    return json.loads(res.stdout)


def pdf_text(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], stdout=subprocess.PIPE, text=True, check=True).stdout
    return " ".join(text.split())   # lines wrap differently from the document: compare words


class Letters(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="evakin-letters-test-")
        cls.ws = os.path.join(cls.tmp, "ws")
        register = os.path.join(cls.tmp, "register.sqlite")
        subprocess.run([CLI, "init", "--sample", cls.ws], check=True, stdout=subprocess.DEVNULL)
        cls.profile = json.load(open(os.path.join(cls.ws, "profil.json"), encoding="utf-8"))
        cls.undangan = evakin("letter", cls.ws, "--kind", "undangan", "--date", "2026-04-01", "--meeting-date", "2026-04-03",
                              "--register", register, "--pdf", "--json")
        cls.pengantar = evakin("letter", cls.ws, "--kind", "pengantar", "--date", "2026-04-20",
                               "--register", register, "--pdf", "--json")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_numbers_are_distinct_and_from_the_register(self):
        # Permendagri 83/2022: 000.7.5 (pemantauan, evaluasi dan pelaporan perencanaan pembangunan).
        self.assertEqual(self.undangan["number"], "000.7.5/1/DPMPTSP/2026")
        self.assertEqual(self.pengantar["number"], "000.7.5/2/DPMPTSP/2026")

    def test_open_without_repair(self):
        with HeadlessOffice("evakin-letters") as lo:
            for letter in (self.undangan, self.pengantar):
                doc = lo.load(letter["file"], RepairPackage=False)
                self.assertIn(letter["number"], self.all_text(doc))
                if letter is self.pengantar:
                    self.assertIn("Laporan Evaluasi Kinerja Triwulan I Tahun 2026", self.all_text(doc))
                doc.close(True)

    @staticmethod
    def all_text(doc):
        """Body text and every table cell (the number may sit in a layout table)."""
        parts = [doc.Text.String]
        for i in range(doc.TextTables.Count):
            table = doc.TextTables.getByIndex(i)
            parts += [table.getCellByName(name).String for name in table.CellNames]
        return " ".join(parts)

    def test_pengantar_pdf_names_number_addressee_and_signer(self):
        text = pdf_text(self.pengantar["pdf"])
        self.assertIn("SURAT PENGANTAR", text)
        self.assertIn(self.pengantar["number"], text)
        self.assertIn("Kepala Badan Perencanaan", text)                  # BAPPEDA, the addressee
        self.assertIn(" ".join(self.profile["bappeda"]["nama"].split()), text)
        self.assertIn(" ".join(self.profile["head"]["nama"].split()), text)   # the sender signs
        self.assertIn(self.profile["head"]["nip"], text)
        self.assertIn(self.profile["head"]["pangkat"], text)               # pangkat under the signer's name
        self.assertIn("Pangkalpinang", text)                               # "di ..." BAPPEDA's city
        self.assertIn("Laman " + self.profile["office"]["website"], text)  # the kop's laman and pos-el
        self.assertIn("Laporan Evaluasi Kinerja Triwulan I", text)        # the item (its cell wraps in the PDF)

    def test_undangan_pdf_names_number_invitees_and_signer(self):
        text = pdf_text(self.undangan["pdf"])
        self.assertIn(self.undangan["number"], text)
        self.assertIn("Kepala Dinas", text)
        for unit in self.profile["units"]:                                # each echelon III official is invited
            self.assertIn(unit["head"]["jabatan"], text)
            if unit["name"].startswith("Bidang"):
                self.assertIn("Kepala " + unit["name"], text)
        self.assertIn("3 April 2026", text)
        # The Kepala Dinas convenes the meeting and signs; he is not among the invitees, nobody signs a.n.
        self.assertIn(" ".join(self.profile["head"]["nama"].split()), text)
        self.assertIn(self.profile["head"]["pangkat"], text)
        self.assertNotIn("a.n.", text)
        self.assertNotIn("1. Kepala Dinas", text)


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) < 2 or args[0] != "--cli":
        sys.exit("usage: test_letters_office.py --cli PATH/evakin")
    CLI = args[1]
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(unittest.TestLoader().loadTestsFromTestCase(Letters))
    failed = len(result.failures) + len(result.errors)
    print("%d passed, %d failed" % (result.testsRun - failed, failed))
    sys.exit(1 if failed or not result.testsRun else 0)
