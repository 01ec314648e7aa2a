#!/usr/bin/python3
"""The built evakin.oxt in a real headless LibreOffice: it installs, its
toolbar is in Writer and Calc, "Bagikan Format" (org.evakin:Distribute) and
the org.evakin.Evakin service write one workbook per unit, and LibreOffice
opens every workbook protected with input cells unlocked. Also: the unpacked
.oxt is self-contained.

    /usr/bin/python3 test_extension.py --oxt build/evakin.oxt --cli build/src/cli/evakin
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import office  # noqa: E402


def sample_workspace(parent):
    ws = os.path.join(parent, "ws")
    office.run_cli("init", "--sample", ws)
    return ws


def profile_units(ws):
    return office.read_json(os.path.join(ws, "profil.json"))["units"]


def outbox_forms(ws):
    outbox = os.path.join(ws, "outbox")
    return sorted(f for f in os.listdir(outbox) if f.endswith(".ods")) if os.path.isdir(outbox) else []


class ExtensionInOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lo = office.shared_office()
        cls.tmp = tempfile.mkdtemp(prefix="evakin-ws-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def check_summary(self, ws, summary):
        """The JSON summary names one form per unit with plan rows, each file in the outbox."""
        data = json.loads(summary)
        units = profile_units(ws)
        self.assertTrue(data["forms"], summary)
        codes = {f["unit"] for f in data["forms"]}
        skipped = set(data.get("skippedUnits", []))
        for unit in units:
            self.assertTrue(unit["code"] in codes or unit["code"] in skipped or unit.get("name") in skipped,
                            "unit %s has no form: %s" % (unit["code"], summary))
        for form in data["forms"]:
            self.assertTrue(os.path.isfile(form["file"]), form["file"])
            self.assertEqual(os.path.dirname(os.path.realpath(form["file"])),
                             os.path.realpath(os.path.join(ws, "outbox")))
        self.assertEqual(len(outbox_forms(ws)), len(data["forms"]), outbox_forms(ws))
        return data

    def toolbar_items(self, frame):
        """(title, enabled) of each item of our toolbar, read through its accessibility tree."""
        office.uno()
        from com.sun.star.accessibility.AccessibleStateType import ENABLED
        element = frame.LayoutManager.getElement(office.TOOLBAR)
        self.assertIsNotNone(element, "%s not among %s" % (office.TOOLBAR, self.lo.ui_elements(frame)))
        context = element.getRealInterface().getAccessibleContext()
        self.assertEqual(context.getAccessibleName(), "Evaluasi Kinerja")
        items = []
        for i in range(context.getAccessibleChildCount()):
            child = context.getAccessibleChild(i).getAccessibleContext()
            items.append((child.getAccessibleName(), child.getAccessibleStateSet().contains(ENABLED)))
        return items

    def test_toolbar_in_writer_and_calc(self):
        # A shown Calc frame crashes LibreOffice 7.4 --headless (even without
        # the extension), so Calc is checked hidden and visibility in Writer.
        for factory, hidden in (("swriter", True), ("swriter", False), ("scalc", True)):
            with self.subTest(factory=factory, hidden=hidden):
                frame = self.lo.new_frame(factory, hidden=hidden)
                items = self.toolbar_items(frame)
                # Short titles in the office's UI language (Indonesian, English): never both.
                expected = (("Ruang Kerja", "Workspace"), ("Bagikan Format", "Distribute"),
                            ("Rekap Kiriman", "Collect"), ("Susun Draf Laporan", "Report"),
                            ("Surat Pengantar", "Cover Letter"), ("Undangan Rapat", "Invitation"),
                            ("Register Surat", "Register"), ("Periode Baru", "New Period"),
                            ("Profil Kantor", "Profile"))
                self.assertEqual(len(items), len(expected), items)
                for name in expected:
                    found = [enabled for title, enabled in items if title in name]
                    self.assertTrue(found, "%s not on the toolbar: %s" % (name[0], items))
                    # The others are enabled only where they make sense for the current workspace
                    # (test_collect.py compares them with `evakin status`).
                    if name[0] in ("Ruang Kerja", "Register Surat", "Profil Kantor"):
                        self.assertTrue(found[0], "the %s button is disabled: %s" % (name[0], items))
                self.assertTrue(frame.LayoutManager.isElementDocked(office.TOOLBAR))
                if not hidden:
                    self.assertTrue(frame.LayoutManager.isElementVisible(office.TOOLBAR))
                self.lo.close(frame.getController().getModel())

    def test_toolbar_icons_exist(self):
        """The Addons.xcu image URLs (%origin%/...) expand to PNG files of the installed extension."""
        provider = self.lo.service("com.sun.star.configuration.ConfigurationProvider")
        node = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            office.props(nodepath="/org.openoffice.Office.Addons/AddonUI/Images/org.evakin.image.Distribute/"
                                  "UserDefinedImages"))
        expander = self.lo.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
        for prop, size in (("ImageSmallURL", 16), ("ImageBigURL", 26)):
            url = node.getPropertyValue(prop)
            self.assertTrue(url.startswith("vnd.sun.star.expand:"), url)
            office.uno()
            from urllib.parse import unquote
            expanded = expander.expandMacros(unquote(url[len("vnd.sun.star.expand:"):]))
            path = os.path.normpath(office.uno().fileUrlToSystemPath(expanded))
            with open(path, "rb") as f:
                head = f.read(24)
            self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n", path)
            self.assertEqual(int.from_bytes(head[16:20], "big"), size, path)

    def test_distribute_by_dispatch_then_open_every_form(self):
        ws = sample_workspace(os.path.join(self.tmp, "dispatch"))
        frame = self.lo.new_frame("scalc")
        outcome = self.lo.dispatch(frame, "org.evakin:Distribute", Workspace=ws, Silent=True)
        self.assertTrue(outcome.ok, outcome.result)
        data = self.check_summary(ws, outcome.result)

        for form in data["forms"]:
            with self.subTest(form=os.path.basename(form["file"])):
                doc = self.lo.load(form["file"])
                self.assertTrue(doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"))
                sheet = doc.Sheets.getByIndex(0)
                self.assertTrue(sheet.isProtected(), "sheet not protected")
                ranges = sheet.getCellFormatRanges()
                unlocked = [ranges.getByIndex(i).AbsoluteName for i in range(ranges.getCount())
                            if not ranges.getByIndex(i).CellProtection.IsLocked]
                self.assertTrue(unlocked, "no unlocked input cell")
                self.lo.close(doc)

        # A second run must not silently replace the forms.
        before = {f: os.path.getmtime(os.path.join(ws, "outbox", f)) for f in outbox_forms(ws)}
        again = self.lo.dispatch(frame, "org.evakin:Distribute", Workspace=ws, Overwrite=False, Silent=True)
        self.assertFalse(again.ok, "existing forms were overwritten: %s" % again.result)
        self.assertTrue(again.result, "no message for the refusal")
        after = {f: os.path.getmtime(os.path.join(ws, "outbox", f)) for f in outbox_forms(ws)}
        self.assertEqual(before, after)

        replaced = self.lo.dispatch(frame, "org.evakin:Distribute", Workspace=office.file_url(ws),
                                    Overwrite=True, Silent=True)
        self.assertTrue(replaced.ok, replaced.result)
        self.lo.close(frame.getController().getModel())

    def test_untitled_document_never_acts_on_the_last_workspace_unasked(self):
        """An Untitled document is outside every workspace: the last one used is only
        proposed in a dialog (headless cancels it), and Silent fails naming Workspace."""
        ws = sample_workspace(os.path.join(self.tmp, "remembered"))
        frame = self.lo.new_frame("swriter", hidden=False)
        first = self.lo.dispatch(frame, "org.evakin:Distribute", Workspace=ws, Silent=True)
        self.assertTrue(first.ok, first.result)
        shutil.rmtree(os.path.join(ws, "outbox"))
        os.mkdir(os.path.join(ws, "outbox"))
        silent = self.lo.dispatch(frame, "org.evakin:Distribute", Silent=True)
        self.assertFalse(silent.ok, silent.result)
        self.assertIn("Workspace=", silent.result)
        asked = self.lo.dispatch(frame, "org.evakin:Collect")
        self.assertFalse(asked.ok, asked.result)
        self.assertEqual(outbox_forms(ws), [])
        self.assertFalse(os.path.exists(os.path.join(ws, "hasil", "rekap-pengumpulan.ods")))
        self.lo.close(frame.getController().getModel())

    def test_workspace_created_silently(self):
        """Ruang Kerja (org.evakin:Workspace) with Silent=true: from the sample office, from an
        earlier workspace, refused with every field named and no folder left behind, and an
        existing one chosen as the current one."""
        frame = self.lo.new_frame("swriter")
        parent = os.path.join(self.tmp, "ruang-kerja")
        sample = os.path.join(parent, "2026-tw1")
        made = self.lo.dispatch(frame, "org.evakin:Workspace", Silent=True, Folder=sample, Year=2026,
                                Triwulan=1, Deadline="2026-04-13", Sample=True)
        self.assertTrue(made.ok, made.result)
        data = json.loads(made.result)
        self.assertEqual((data["year"], data["triwulan"], data["deadline"], data["source"]),
                         (2026, 1, "2026-04-13", "sample"))
        self.assertEqual(office.read_json(os.path.join(sample, "periode.json"))["deadline"], "2026-04-13")
        self.assertTrue(os.path.isfile(os.path.join(sample, "rencana-kerja.ods")))

        later = os.path.join(parent, "2027-tw1")
        copied = self.lo.dispatch(frame, "org.evakin:Workspace?Silent=true&Year=2027&Triwulan=1",
                                  Folder=office.file_url(later), From=sample)
        self.assertTrue(copied.ok, copied.result)
        self.assertEqual(json.loads(copied.result)["source"], "earlier")
        with open(os.path.join(sample, "profil.json"), "rb") as a, open(os.path.join(later, "profil.json"), "rb") as b:
            self.assertEqual(a.read(), b.read())
        # The 10th is a Saturday in April 2027: the proposed deadline is the next working day (issue 15).
        self.assertEqual(office.read_json(os.path.join(later, "periode.json"))["deadline"], "2027-04-12")

        before = sorted(os.listdir(parent))
        bad = self.lo.dispatch(frame, "org.evakin:Workspace", Silent=True,
                               Folder=os.path.join(parent, "baru", "2026-tw9"), Year=1999, Triwulan=9,
                               Deadline="2026-02-30", From=os.path.join(parent, "nowhere"))
        self.assertFalse(bad.ok)
        for field in ("year", "triwulan", "deadline", "from"):
            self.assertIn(field, bad.result)
        self.assertEqual(sorted(os.listdir(parent)), before, "a refused workspace left a folder behind")

        chosen = self.lo.dispatch(frame, "org.evakin:Workspace", Silent=True, Workspace=sample)
        self.assertTrue(chosen.ok, chosen.result)
        self.assertFalse(json.loads(chosen.result)["created"])
        provider = self.lo.service("com.sun.star.configuration.ConfigurationProvider")
        node = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                    office.props(nodepath="/org.evakin.Settings/Workspace"))
        self.assertEqual(os.path.realpath(office.uno().fileUrlToSystemPath(node.getPropertyValue("LastWorkspace"))),
                         os.path.realpath(sample))
        cancelled = self.lo.dispatch(frame, "org.evakin:Workspace")   # the dialog; headless cancels it
        self.assertFalse(cancelled.ok, cancelled.result)
        self.lo.close(frame.getController().getModel())

    def test_dispatch_helper_gets_the_result_before_it_returns(self):
        """Basic macros use DispatchHelper, which waits for the result on the calling thread
        (SynchronMode=true): the command must run before the dispatch returns."""
        frame = self.lo.new_frame("swriter")
        helper = self.lo.service("com.sun.star.frame.DispatchHelper")
        folder = os.path.join(self.tmp, "helper", "2026-tw2")
        result = helper.executeDispatch(frame, "org.evakin:Workspace", "", 0,
                                        office.props(Silent=True, Folder=folder, Year=2026, Triwulan=2))
        self.assertTrue(os.path.isfile(os.path.join(folder, "periode.json")))
        self.assertIn("2026", result.Result)
        # With its dialog (cancelled headless) the outcome still comes back through the helper.
        asked = helper.executeDispatch(frame, "org.evakin:Workspace", "", 0, office.props(Workspace=folder))
        self.assertTrue("tidak diubah" in asked.Result or "not changed" in asked.Result, asked.Result)
        self.lo.close(frame.getController().getModel())

    def test_menu_lists_every_command_in_sop_order(self):
        """The "Evaluasi Kinerja" menu (Addons.xcu OfficeMenuBar) as the office reads it, and short,
        undoubled toolbar titles in both languages."""
        provider = self.lo.service("com.sun.star.configuration.ConfigurationProvider")
        menu = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            office.props(nodepath="/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.evakin.Menu"))
        self.assertIn("Evaluasi", menu.getPropertyValue("Title").replace("~", ""))   # "~" marks the mnemonic
        submenu = menu.getByName("Submenu")
        urls = [submenu.getByName(n).getPropertyValue("URL") for n in sorted(submenu.getElementNames())]
        commands = [u for u in urls if u != "private:separator"]
        self.assertEqual(commands, ["org.evakin:Workspace", "org.evakin:Distribute", "org.evakin:Collect",
                                    "org.evakin:Correct", "org.evakin:Report", "org.evakin:Letter?Kind=pengantar",
                                    "org.evakin:Letter?Kind=undangan", "org.evakin:Register",
                                    "org.evakin:NextPeriod", "org.evakin:Profile", "org.evakin:Help"])
        for name in submenu.getElementNames():
            item = submenu.getByName(name)
            if item.getPropertyValue("URL") != "private:separator":
                self.assertIn("~", item.getPropertyValue("Title"), "no mnemonic: " + item.getPropertyValue("URL"))
        import xml.etree.ElementTree as ET
        with zipfile.ZipFile(office.CONFIG["oxt"]) as z:
            xcu = ET.fromstring(z.read("registry/Addons.xcu"))
        lang = "{http://www.w3.org/XML/1998/namespace}lang"
        toolbar = [n for n in xcu.iter("node") if n.get("{http://openoffice.org/2001/registry}name")
                   == "org.evakin.Toolbar"][0]
        titles = [v.text for v in toolbar.iter("value") if v.get(lang) in ("id", "en")]
        self.assertEqual(len(titles), 18, titles)
        for title in titles:
            self.assertNotIn("(", title)
            self.assertLessEqual(len(title), 18, title)

    def set_last_workspace(self, url):
        provider = self.lo.service("com.sun.star.configuration.ConfigurationProvider")
        node = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                    office.props(nodepath="/org.evakin.Settings/Workspace"))
        node.setPropertyValue("LastWorkspace", url)
        node.commitChanges()

    def test_distribute_without_workspace_uses_the_documents_workspace(self):
        remembered = sample_workspace(os.path.join(self.tmp, "remembered-other"))
        current = sample_workspace(os.path.join(self.tmp, "current-document"))
        self.set_last_workspace(office.file_url(remembered))
        doc = self.lo.load(os.path.join(current, "rencana-kerja.ods"))
        outcome = self.lo.dispatch(doc.getCurrentController().getFrame(), "org.evakin:Distribute", Silent=True)
        self.assertTrue(outcome.ok, outcome.result)
        self.check_summary(current, outcome.result)
        self.assertEqual(outbox_forms(remembered), [])
        self.lo.close(doc)

    def test_silent_distribute_without_any_workspace_fails(self):
        self.set_last_workspace("")
        frame = self.lo.new_frame("swriter")
        outcome = self.lo.dispatch(frame, "org.evakin:Distribute", Silent=True)
        self.assertFalse(outcome.ok)
        self.assertTrue(outcome.result)
        self.lo.close(frame.getController().getModel())

    def test_distribute_with_dialogs_does_not_block_headless(self):
        """Without Silent the command shows its dialog first; headless cancels it at once,
        so nothing is written (test_dialogs.py covers the other step dialogs)."""
        ws = sample_workspace(os.path.join(self.tmp, "dialogs"))
        frame = self.lo.new_frame("swriter", hidden=False)
        first = self.lo.dispatch(frame, "org.evakin:Distribute", Workspace=ws)
        self.assertFalse(first.ok, "wrote forms without the dialog: " + first.result)
        self.assertEqual(outbox_forms(ws), [])
        failed = self.lo.dispatch(frame, "org.evakin:Distribute", Workspace=os.path.join(self.tmp, "nowhere"))
        self.assertFalse(failed.ok)
        self.assertTrue(failed.result)
        self.lo.close(frame.getController().getModel())

    def test_profile_dialog_saves_checked_fields_only(self):
        """Profil Kantor (org.evakin:Profile): fields given as arguments (what the dialog
        returns) are checked and saved; a problem names the unit line and changes nothing;
        the dialog itself opens headless, where LibreOffice cancels it at once."""
        ws = sample_workspace(os.path.join(self.tmp, "profile"))
        path = os.path.join(ws, "profil.json")
        frame = self.lo.new_frame("swriter", hidden=False)
        saved = self.lo.dispatch(frame, "org.evakin:Profile", Workspace=ws, Silent=True,
                                 **{"office.city": "Sungailiat",
                                    "units": "SEKR; Sekretariat; Sekretaris; Drs. A; 196801011990031001; "
                                             "sekr@example.go.id\n"
                                             "PP; Bidang Pelayanan Perizinan; Kepala Bidang; B; "
                                             "197001011995032001; pp@example.go.id"})
        self.assertTrue(saved.ok, saved.result)
        profile = office.read_json(path)
        self.assertEqual(profile["office"]["city"], "Sungailiat")
        self.assertEqual([u["code"] for u in profile["units"]], ["SEKR", "PP"])
        self.assertEqual(profile["units"][0]["email"], "sekr@example.go.id")
        self.assertEqual(json.loads(saved.result)["units"], 2)

        before = office.hash_tree(ws)
        bad = self.lo.dispatch(frame, "org.evakin:Profile", Workspace=ws, Silent=True,
                               units="SEKR; Sekretariat\nSEKR; Bidang Kedua")
        self.assertFalse(bad.ok)
        self.assertTrue("Unit baris 2" in bad.result or "Unit line 2" in bad.result, bad.result)   # either UI language
        self.assertIn("SEKR", bad.result)
        cancelled = self.lo.dispatch(frame, "org.evakin:Profile", Workspace=ws)
        self.assertFalse(cancelled.ok, cancelled.result)
        self.assertTrue("tidak diubah" in cancelled.result or "not changed" in cancelled.result, cancelled.result)
        self.assertEqual(office.hash_tree(ws), before)
        self.lo.close(frame.getController().getModel())

    def set_ui_locale(self, locale):
        provider = self.lo.service("com.sun.star.configuration.ConfigurationProvider")
        node = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                    office.props(nodepath="/org.openoffice.Setup/L10N"))
        previous = node.getPropertyValue("ooLocale")
        node.setPropertyValue("ooLocale", locale)
        node.commitChanges()
        return previous

    def test_messages_follow_the_ui_language(self):
        office.uno()
        from com.sun.star.lang import IllegalArgumentException
        evakin = self.lo.service(office.EVAKIN_SERVICE)
        messages = {}
        previous = self.set_ui_locale("id-ID")
        try:
            for locale in ("id-ID", "en-US", "de-DE"):
                self.set_ui_locale(locale)
                with self.assertRaises(IllegalArgumentException) as caught:
                    evakin.distribute("", False)
                messages[locale] = caught.exception.Message
        finally:
            self.set_ui_locale(previous)
        self.assertNotEqual(messages["id-ID"], messages["en-US"], messages)
        self.assertEqual(messages["de-DE"], messages["id-ID"], "Indonesian is the default")

    def test_service_distribute(self):
        ws = sample_workspace(os.path.join(self.tmp, "service"))
        evakin = self.lo.service(office.EVAKIN_SERVICE)
        self.check_summary(ws, evakin.distribute(ws, True))
        self.check_summary(ws, evakin.distribute(office.file_url(ws), True))

    def test_service_bad_workspace(self):
        office.uno()
        from com.sun.star.lang import IllegalArgumentException
        evakin = self.lo.service(office.EVAKIN_SERVICE)
        missing = os.path.join(self.tmp, "no-such-workspace")
        with self.assertRaises(IllegalArgumentException) as caught:
            evakin.distribute(missing, False)
        self.assertTrue(caught.exception.Message.strip(), "the exception carries no message")
        with self.assertRaises(IllegalArgumentException):
            evakin.distribute("", False)
        self.assertFalse(os.path.exists(missing))


class SelfContainedOxt(unittest.TestCase):
    """Everything the component links that a stock LibreOffice lacks is inside the .oxt."""

    SYSTEM = re.compile(r"^(libc|libm|libdl|librt|libpthread|libstdc\+\+|libgcc_s|ld-linux[-\w]*)\.so")

    @staticmethod
    def ldd(path):
        env = dict(os.environ, LD_LIBRARY_PATH=office.LO_PROGRAM)   # as inside soffice
        out = subprocess.run(["ldd", path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             env=env, check=True).stdout
        deps = {}
        for line in out.splitlines():
            m = re.match(r"\s*(\S+) => (not found|\S+)", line)
            if m:
                deps[m.group(1)] = m.group(2)
        return deps

    @staticmethod
    def runpath(path):
        out = subprocess.run(["readelf", "-d", path], stdout=subprocess.PIPE, text=True, check=True).stdout
        m = re.search(r"\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]*)\]", out)
        return m.group(1).split(":") if m else []

    def test_component_resolves_from_the_unpacked_oxt(self):
        unpacked = tempfile.mkdtemp(prefix="evakin-oxt-")
        try:
            with zipfile.ZipFile(office.CONFIG["oxt"]) as z:
                z.extractall(unpacked)
            component = os.path.join(unpacked, "evakin.uno.so")
            self.assertIn("$ORIGIN", self.runpath(component))
            stock = set()
            for lib in ("soffice.bin", "libmergedlo.so"):
                stock |= set(self.ldd(os.path.join(office.LO_PROGRAM, lib)))
            deps = self.ldd(component)
            self.assertTrue(any(name.startswith("libPoco") for name in deps), deps)
            inside = []
            for name, path in sorted(deps.items()):
                with self.subTest(lib=name):
                    self.assertNotEqual(path, "not found")
                    real = os.path.realpath(path)
                    if real.startswith(os.path.realpath(unpacked) + os.sep):
                        inside.append(name)
                        self.assertIn("$ORIGIN", self.runpath(real), name + " lacks RUNPATH $ORIGIN")
                    elif not (real.startswith(office.LO_PROGRAM + os.sep) or self.SYSTEM.match(name)
                              or name in stock):
                        self.fail("%s resolves outside the extension: %s" % (name, path))
                    if name.startswith("libPoco") or name.startswith("libpugixml"):
                        self.assertIn(name, inside, "%s must come from the .oxt" % name)
            print("  bundled and resolved inside the .oxt:", " ".join(inside))
        finally:
            shutil.rmtree(unpacked, ignore_errors=True)

    def test_package_contents(self):
        with zipfile.ZipFile(office.CONFIG["oxt"]) as z:
            names = set(z.namelist())
            for required in ("description.xml", "META-INF/manifest.xml", "evakin.components", "evakin.rdb",
                             "evakin.uno.so", "registry/Addons.xcu", "registry/ProtocolHandler.xcu",
                             "registry/WriterWindowState.xcu", "registry/CalcWindowState.xcu",
                             "registry/Settings.xcs", "registry/Settings.xcu",
                             "icons/distribute_16.png", "icons/distribute_26.png"):
                self.assertIn(required, names)
            manifest = z.read("META-INF/manifest.xml").decode()
            for path in re.findall(r'full-path="([^"]+)"', manifest):
                self.assertIn(path, names, "manifest names a missing file")
            description = z.read("description.xml").decode()
            self.assertRegex(description, r'<version value="\d+\.\d+\.\d+"/>')


if __name__ == "__main__":
    office.run_tests()
