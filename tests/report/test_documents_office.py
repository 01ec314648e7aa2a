#!/usr/bin/python3
"""Every kind of document a Kasubag signs, rendered by the real LibreOffice (issue 15, "nothing broken,
nothing hidden").

Two quarters of the sample office: triwulan I returned by LibreOffice itself, then Periode Baru and
triwulan II (so the forms carry accepted, locked quarters), one unit missing in triwulan II. Each kind
of document - the form sent to a unit, the recap, the evaluation table, the draft report, the Surat
Pengantar, the Undangan Rapat and the Buku Agenda - is exported to PDF by LibreOffice, and from
pdftotext's text:
- no Rupiah amount and no code is split: every one of the plan's codes and amounts appears whole,
  and no cell shows "###";
- the report's Daftar Isi carries true page numbers: each entry's number is printed on the page that
  holds its heading, in the PDF and in the .odt once Writer has laid it out (as Evakin opens it);
- the tables print on landscape pages; the report's Lampiran (the office's evaluation table) too, with
  the table's header rows on each of its pages.

usage: test_documents_office.py --cli PATH/evakin [--keep DIR]   (Debian's /usr/bin/python3)
Prints "N passed, M failed"; exit 1 on failure.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from headless_office import HeadlessOffice, file_url, props  # noqa: E402

ARGS = {"cli": None, "keep": None}
MISSING_UNIT = "PPM"


def run(*args, ok=(0,)):
    res = subprocess.run([ARGS["cli"], *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=600)
    if res.returncode not in ok:
        raise AssertionError("evakin %s -> %d\n%s%s" % (" ".join(args), res.returncode, res.stdout, res.stderr))
    return res


def rupiah(value):
    """8450000000 -> "8.450.000.000", as the documents write whole Rupiah."""
    return "{:,.0f}".format(value).replace(",", ".")


def pdf_pages(pdf):
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], stdout=subprocess.PIPE, text=True, check=True).stdout
    return out.split("\f")


def page_sizes(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "1000", pdf], stdout=subprocess.PIPE, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]


def whole(token, text):
    """The token with no digit, dot or letter glued on either side: "41.500.000.0" / "00" does not count."""
    return re.search(r"(?<![\w.])" + re.escape(token) + r"(?![\w]|\.\d)", text) is not None


TOC_LINE = re.compile(r"^\s*(\S.*?)\s*\.{4,}\s*(\d+)\s*$")


def toc_entries(text):
    """(title, page) of each entry; an entry wrapped over two lines is joined (only its last line has the dots)."""
    entries, pending = [], ""
    for line in text.splitlines():
        m = TOC_LINE.match(line)
        if m:
            entries.append(((pending + " " + m.group(1)).strip(), int(m.group(2))))
            pending = ""
        else:
            pending = line.strip() if line.strip() and not pending else ""
    return entries


class Documents(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="evakin-documents-test-")
        cls.register = os.path.join(cls.tmp, "register.sqlite")
        tw1, cls.ws = os.path.join(cls.tmp, "2026-tw1"), os.path.join(cls.tmp, "2026-tw2")
        run("init", "--sample", tw1, "--year", "2026", "--triwulan", "1")
        run("distribute", tw1)
        cls.fill(tw1, skip=())
        run("collect", tw1)
        run("init", "--from", tw1, cls.ws)
        run("distribute", cls.ws)
        cls.fill(cls.ws, skip=(MISSING_UNIT,))
        cls.report = json.loads(run("report", cls.ws, "--pdf", "--date", "2026-07-15", "--json", ok=(4,)).stdout)
        cls.evaluation = json.load(open(os.path.join(cls.ws, "hasil", "evaluasi.json"), encoding="utf-8"))
        cls.pengantar = json.loads(run("letter", cls.ws, "--kind", "pengantar", "--date", "2026-07-20",
                                       "--register", cls.register, "--json").stdout)
        cls.undangan = json.loads(run("letter", cls.ws, "--kind", "undangan", "--date", "2026-07-06", "--meeting-date", "2026-07-13",
                                      "--register", cls.register, "--json").stdout)
        agenda = run("register", "export", cls.ws, "--year", "2026", "--register", cls.register, "--json")
        cls.agenda = json.loads(agenda.stdout).get("file")
        cls.pdfs = {"report": cls.report["pdf"]}
        documents = {
            "form": os.path.join(cls.ws, "outbox", sorted(os.listdir(os.path.join(cls.ws, "outbox")))[0]),
            "recap": os.path.join(cls.ws, "hasil", "rekap-pengumpulan.ods"),
            "table": os.path.join(cls.ws, "hasil", "tabel-evaluasi.ods"),
            "pengantar": cls.pengantar["file"],
            "undangan": cls.undangan["file"],
            "agenda": cls.agenda,
            "report_odt": cls.report["file"],
        }
        cls.toc_as_opened = None
        with HeadlessOffice("evakin-documents") as lo:
            for kind, path in documents.items():
                doc = lo.load(path, RepairPackage=False)
                try:
                    if kind == "report_odt":
                        # What Evakin's door does on opening (command_support.cxx, updateLaidOutFields).
                        doc.TextFields.refresh()
                        cls.toc_as_opened = doc.DocumentIndexes.getByIndex(0).Anchor.String
                        continue
                    pdf = os.path.join(cls.tmp, kind + ".pdf")
                    filt = "writer_pdf_Export" if path.endswith(".odt") else "calc_pdf_Export"
                    doc.storeToURL(file_url(pdf), props(FilterName=filt))
                    cls.pdfs[kind] = pdf
                finally:
                    doc.close(True)

    @classmethod
    def fill(cls, ws, skip):
        cmd = ["/usr/bin/python3", os.path.join(HERE, "..", "..", "scripts", "fill_returns.py"), ws]
        if skip:
            cmd += ["--skip", *skip]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=900)

    @classmethod
    def tearDownClass(cls):
        if ARGS["keep"]:
            shutil.rmtree(ARGS["keep"], ignore_errors=True)
            shutil.copytree(cls.tmp, ARGS["keep"])
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def plan_tokens(self, units=None):
        """Every code and plan amount of the units' rows, as the documents write them."""
        codes, amounts = set(), set()
        for u in self.evaluation["units"]:
            if units is not None and u["code"] not in units:
                continue
            for r in u["rows"]:
                codes.add(r["code"])
                for field in ("targetRenstra", "realisasiLalu", "target"):
                    rp = (r["plan"].get(field) or {}).get("rp")
                    if rp:
                        amounts.add(rupiah(rp))
                for q in r["quarters"]:
                    if q and q.get("rp"):
                        amounts.add(rupiah(q["rp"]))
        return codes, amounts

    def assert_whole(self, kind, tokens, text):
        split = sorted(t for t in tokens if not whole(t, text))
        self.assertFalse(split, "%s: split or missing in the PDF: %s" % (kind, ", ".join(split[:10])))

    def test_amounts_and_codes_whole(self):
        for kind in ("form", "table", "report"):
            text = "\n".join(pdf_pages(self.pdfs[kind]))
            self.assertNotIn("###", text, kind)
            if kind == "form":
                unit = self.form_unit()
                codes, amounts = self.plan_tokens({unit})
                amounts = {a for a in amounts if a in self.form_amounts(unit)}
            else:
                codes, amounts = self.plan_tokens()
            self.assertTrue(codes and amounts, kind)
            self.assert_whole(kind, codes, text)
            self.assert_whole(kind, amounts, text)

    def form_unit(self):
        name = sorted(os.listdir(os.path.join(self.ws, "outbox")))[0]
        return re.search(r"-([A-Z]+)\.ods$", name).group(1)

    def form_amounts(self, unit):
        """The amounts a form shows: the plan's, and the quarters accepted before this one."""
        out = set()
        for u in self.evaluation["units"]:
            if u["code"] != unit:
                continue
            for r in u["rows"]:
                for field in ("targetRenstra", "realisasiLalu", "target"):
                    rp = (r["plan"].get(field) or {}).get("rp")
                    if rp:
                        out.add(rupiah(rp))
                first = r["quarters"][0]
                if first and first.get("rp"):
                    out.add(rupiah(first["rp"]))
        return out

    def test_every_document_renders(self):
        for kind in ("form", "recap", "table", "report", "pengantar", "undangan", "agenda"):
            pages = pdf_pages(self.pdfs[kind])
            self.assertTrue(any(p.strip() for p in pages), kind)
            self.assertNotIn("###", "\n".join(pages), kind)

    def test_tables_print_landscape_and_fit_the_width(self):
        for kind in ("form", "table"):
            sizes = page_sizes(self.pdfs[kind])
            self.assertTrue(sizes and all(w > h for w, h in sizes), kind)
            # Fitted to the width: every page shows the last column's title (Keterangan).
            pages = [p for p in pdf_pages(self.pdfs[kind]) if p.strip()]
            self.assertIn("Keterangan", pages[0], kind)
        # The table's header rows repeat on each page it runs over.
        pages = [p for p in pdf_pages(self.pdfs["table"]) if p.strip()]
        with_rows = [p for p in pages if re.search(r"^\s*\d+\s+\S", p, re.M)]
        for p in with_rows[:-1]:
            self.assertIn("Unit Penanggung", p)

    def lampiran_pages(self):
        pages = pdf_pages(self.pdfs["report"])
        start = next(i for i, p in enumerate(pages)
                     if "Lampiran: Tabel Evaluasi Hasil Renja" in p and "DAFTAR ISI" not in p)
        return start, [p for p in pages[start:] if p.strip()]

    def test_report_lampiran_landscape_with_header_rows_on_each_page(self):
        start, pages = self.lampiran_pages()
        sizes = page_sizes(self.pdfs["report"])[start:start + len(pages)]
        self.assertTrue(sizes and all(w > h for w, h in sizes), sizes)
        self.assertGreaterEqual(len(pages), 2)   # the sample office's table runs over pages
        for n, p in enumerate(pages):
            # The form's header (its column numbers and last titles) at the top of each page.
            for header in ("Penanggung", "Keterangan", "13 = 9+10+11+12", "15 = 7 + 13"):
                self.assertIn(header, p, "lampiran page %d" % (n + 1))
        text = "\n".join(pages)
        self.assertIn("Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya", text)
        # Every code and plan amount whole in the lampiran itself, as in tabel-evaluasi.ods.
        codes, amounts = self.plan_tokens()
        self.assert_whole("report lampiran", codes, text)
        self.assert_whole("report lampiran", amounts, text)
        self.assertNotIn("###", text)

    def test_contents_page_numbers_are_the_pages(self):
        pages = pdf_pages(self.pdfs["report"])
        toc_page = next(i for i, p in enumerate(pages) if "DAFTAR ISI" in p)
        entries = toc_entries(pages[toc_page])
        self.assertGreaterEqual(len(entries), 10)
        numbers = [n for _, n in entries]
        self.assertEqual(numbers, sorted(numbers))
        self.assertGreater(numbers[-1], 3)
        for title, number in entries:
            printed = None
            for p in pages[toc_page + 1:]:
                lines = [line.strip() for line in p.splitlines() if line.strip()]
                if any(line.startswith(title[:40]) for line in lines):
                    printed = next((line for line in reversed(lines) if re.fullmatch(r"\d+", line)), None)
                    break
            self.assertIsNotNone(printed, "heading not found after the contents: " + title)
            self.assertEqual(int(printed), number, title)
        # As opened by Evakin (fields laid out by Writer), the .odt shows the same numbers.
        opened = [int(n) for n in re.findall(r"\t(\d+)$", self.toc_as_opened, re.M)]
        self.assertEqual(opened, numbers)

    def test_letters_and_agenda(self):
        self.assertIn(self.pengantar["number"], " ".join("".join(pdf_pages(self.pdfs["pengantar"])).split()))
        self.assertIn(self.undangan["number"], " ".join("".join(pdf_pages(self.pdfs["agenda"])).split()))


def main():
    argv = sys.argv[1:]
    while argv:
        a = argv.pop(0)
        if a.startswith("--") and a[2:] in ARGS and argv:
            ARGS[a[2:]] = argv.pop(0)
    if not ARGS["cli"] or not os.path.exists(ARGS["cli"]):
        sys.exit("usage: test_documents_office.py --cli PATH/evakin [--keep DIR]")
    suite = unittest.TestLoader().loadTestsFromTestCase(Documents)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    print("%d passed, %d failed" % (result.testsRun - failed, failed))
    sys.exit(1 if failed or not result.testsRun else 0)


if __name__ == "__main__":
    main()
