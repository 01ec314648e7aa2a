#!/usr/bin/python3
"""The real GUI test: a visible LibreOffice (Calc and Writer) under Xvfb with
the built evakin.oxt, driven as a person drives it.

For each run (VCL plugin and UI language, by default gtk3 in Indonesian and
gen in English) it opens the sample workspace's plan in Calc, a text document
of the workspace in Writer and an Untitled document in a narrow window, and
presses every button of the "Evaluasi Kinerja" toolbar (also from its
overflow), every item of the "Evaluasi Kinerja" menu (by its mnemonics), and
closes each window that appears (dialogs with Esc, result documents with
Ctrl+W). After each step soffice must still run and answer a UNO call, and no
crash or recovery window may be on screen. Screenshots of every step go to
--shots; --docs DIR also writes small cropped copies of the meaningful ones.

    /usr/bin/python3 tests/gui/test_gui.py --oxt build/evakin.oxt --cli build/src/cli/evakin \
        [--shots DIR] [--docs docs/screenshots] [--runs gtk3:id,gen:en] [-k gtk3]

Exit code 77 (ctest SKIP_RETURN_CODE) when Xvfb is missing. The steps are the
table STEPS below: add a row when a command lands.
"""
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gui  # noqa: E402  (puts tests/integration on sys.path)
import office  # noqa: E402

SKIP = 77
OFFICE_SECONDS = int(os.environ.get("EVAKIN_GUI_OFFICE_SECONDS", "250"))


def T(id_text, en_text):
    """A window title as Evakin shows it, per UI language (evakin::Text in src/uno/texts.hxx)."""
    return {"id": id_text, "en": en_text}


# ---- what each command shows -----------------------------------------------
# expect: titles (regex, per language) of which one must appear after pressing;
# a result document (a "... - LibreOffice Writer/Calc" window) also counts when
# result=True. answer: {title regex: keys} for windows that are confirmed
# instead of cancelled (default: Escape). An Untitled document is outside every
# workspace, so there the workspace question or folder picker comes first.
COMMANDS = {
    "org.evakin:Workspace": dict(expect=[T("^Ruang Kerja", "^Workspace")]),
    "org.evakin:Distribute": dict(expect=[T("^Bagikan Format", "^Distribute Forms")], result=True),
    "org.evakin:Collect": dict(expect=[T("^Rekap Kiriman", "^Collect Returns")], result=True),
    "org.evakin:Correct": dict(expect=[T("^Koreksi Data", "^Correct Data")]),
    "org.evakin:Report": dict(expect=[T("^Susun Draf Laporan", "^Draft Report")], result=True),
    "org.evakin:Letter?Kind=pengantar": dict(expect=[T("^Surat Pengantar", "^Cover Letter")], result=True),
    "org.evakin:Letter?Kind=undangan": dict(expect=[T("^Undangan Rapat", "^Meeting Invitation")], result=True),
    "org.evakin:Register": dict(expect=[T("^Register Surat", "^Letter Register")], result=True),
    "org.evakin:NextPeriod": dict(expect=[T("^Periode Baru", "^New Period")]),
    "org.evakin:Profile": dict(expect=[T("^Profil Kantor", "^Office Profile")]),
    "org.evakin:Help": dict(expect=[T(r"^panduan-id\.html - ", r"^panduan-en\.html - ")], result=True),
}
# Windows that show the workspace is being asked for (a document outside every workspace).
ASK_WORKSPACE = T("^Pilih folder|^Ruang Kerja|^Pilih Jalur|^Pilih", "^Choose|^Workspace|^Select Path|^Select")
CRASH = re.compile(r"Fatal|Kesalahan Fatal|Document Recovery|Pemulihan Dokumen|crash|Crash|Kerusakan", re.I)
DOCUMENT = re.compile(r" - LibreOffice (Calc|Writer(/Web)?)$")   # Writer/Web: Panduan
GENERIC = re.compile(r"^LibreOffice( \d[\d.]*)?$")   # popups and menus have no title of their own

# ---- the steps --------------------------------------------------------------
# (document, how, commands): document is "calc" (the workspace's plan), "writer"
# (a text document in the workspace) or "untitled" (a new Writer document, in a
# narrow window so that the toolbar overflows); how is "toolbar" (a click on the
# button, through the overflow when it is clipped), "overflow" (only the clipped
# buttons, through ») or "menu" (Alt + the menu's mnemonic, then the item's).
# commands: "*" for every item the toolbar/menu has, or a list of URLs.
# Extra per-command options: (url, {"answer": {title regex: keys}}).
STEPS = [
    ("calc", "toolbar", "*"),
    ("writer", "menu", "*"),
    ("untitled", "overflow", "*"),
    # The crash of issue 13: Profil Kantor from the overflow in an Untitled document,
    # the folder picker closed with OK (Return) instead of Esc.
    ("untitled", "overflow", [("org.evakin:Profile", {"answer_first": "Return"})]),
    ("untitled", "menu", ["org.evakin:Workspace", "org.evakin:Profile"]),
]


# ---- the toolbar and menu as the .oxt declares them -------------------------

OOR_NAME = "{http://openoffice.org/2001/registry}name"


def _child(node, tag, name):
    """The child <oor:node>/<prop> called name (ElementTree's paths cannot match namespaced attributes)."""
    for c in node:
        if c.tag.split("}")[-1] == tag and c.get(OOR_NAME) == name:
            return c
    return None


def _nodes(node):
    return sorted((c for c in node if c.tag.split("}")[-1] == "node"), key=lambda n: n.get(OOR_NAME))


def _title(node, lang):
    prop = _child(node, "prop", "Title")
    values = list(prop) if prop is not None else []
    chosen = None
    for v in values:
        if v.get("{http://www.w3.org/XML/1998/namespace}lang") == lang:
            chosen = v
    if chosen is None and values:
        chosen = values[0]
    return (chosen.text or "").strip() if chosen is not None else ""


def _url(node):
    prop = _child(node, "prop", "URL")
    return (prop[0].text or "").strip() if prop is not None and len(prop) else ""


def addons(oxt, lang):
    """{"toolbar": [(url, title)], "menu": (title with ~, [(url, title with ~)])} from the .oxt's Addons.xcu."""
    with zipfile.ZipFile(oxt) as z:
        name = next(n for n in z.namelist() if n.endswith("Addons.xcu"))
        root = ET.fromstring(z.read(name))
    ui = _child(root, "node", "AddonUI")
    toolbar = []
    bars = _child(ui, "node", "OfficeToolBar")
    for bar in _nodes(bars) if bars is not None else []:
        for item in _nodes(bar):
            if _url(item) and _url(item) != "private:separator":
                toolbar.append((_url(item), _title(item, lang)))
    menu = None
    menus = _child(ui, "node", "OfficeMenuBar")
    if menus is not None and _nodes(menus):
        top = _nodes(menus)[0]
        items = []
        sub = _child(top, "node", "Submenu")
        for item in _nodes(sub) if sub is not None else []:
            if _url(item) and _url(item) != "private:separator":
                items.append((_url(item), _title(item, lang)))
        menu = (_title(top, lang), items)
    return {"toolbar": toolbar, "menu": menu}


def write_odt(path, text):
    """A minimal ODF text document (what a person saves from Writer, for the Writer step)."""
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
               '<office:body><office:text><text:p>%s</text:p></office:text></office:body>'
               '</office:document-content>' % text)
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)


def mnemonic(title):
    m = re.search(r"~(\w)", title)
    return m.group(1).lower() if m else None


# ---- one run ------------------------------------------------------------------

class Run:
    """One office (plugin, language) and the documents it has open."""

    def __init__(self, case, plugin, lang, shots, docs):
        self.case, self.plugin, self.lang = case, plugin, lang
        self.shots, self.docs = shots, docs
        self.oxt = office.CONFIG["oxt"]
        self.ui = addons(self.oxt, lang)
        self.tmp = tempfile.mkdtemp(prefix="evakin-gui-")
        self.ws = os.path.join(self.tmp, "2026-tw1")
        office.run_cli("init", "--sample", self.ws)
        # Forms distributed, collected and a draft report made: every command makes sense and its
        # button is enabled (tests/gui/test_command_states.py shows them disabled before).
        office.run_cli("distribute", self.ws)
        office.run_cli("collect", self.ws, check=False)     # exit 4: no unit returned yet
        office.run_cli("report", self.ws, check=False)
        self.display = gui.Display().start()
        # Each office lives at most OFFICE_SECONDS (office.py's watchdog then kills it, and the
        # blocked call fails): a hang fails this run in time for the next one and for ctest's timeout.
        self.lo = gui.VisibleOffice(self.oxt, plugin, lang, timeout=OFFICE_SECONDS)
        self.lo.start()
        self.shot_no = 0
        self.documents = {}
        self.offsets = {}
        self.docs_written = set()
        self.timings = []
        self.menu_paths = {}
        self.first_windows = {}

    def stop(self):
        try:
            # Nothing left open (a menu, a dialog) that would keep soffice from terminating.
            for w, name in gui.visible_windows().items():
                if not DOCUMENT.search(name) and not GENERIC.match(name):
                    gui.key("Escape", wid=w)
            for doc, _, _ in self.documents.values():
                self.lo.close(doc)
            self.documents = {}
            self.lo.stop()
        finally:
            self.display.stop()
            shutil.rmtree(self.tmp, ignore_errors=True)

    # ---- evidence -----------------------------------------------------------

    def shot(self, label, wid=None, doc_name=None):
        """A screenshot of the screen into --shots; with doc_name a cropped copy into --docs."""
        self.shot_no += 1
        stem = "%s-%s-%02d-%s" % (self.plugin, self.lang, self.shot_no, re.sub(r"[^\w.-]+", "_", label)[:60])
        path = None
        if self.shots:
            path = gui.screenshot(os.path.join(self.shots, stem + ".png"))
        if self.docs and doc_name and doc_name not in self.docs_written:
            self.docs_written.add(doc_name)
            crop = gui.framed(gui.window_geometry(wid)) if wid else None
            target = os.path.join(self.docs, "%s-%s.png" % (doc_name, self.lang))
            gui.screenshot(target, crop=crop)
            gui.shrink_png(target)
        return path

    def check_alive(self, what):
        ok, why = self.lo.alive()
        self.case.assertTrue(ok, "%s [%s/%s]: %s\n%s" % (what, self.plugin, self.lang, why, self.lo.log_tail()))
        crashes = [n for n in gui.visible_windows().values() if CRASH.search(n)]
        self.case.assertFalse(crashes, "%s: crash window on screen: %s" % (what, crashes))

    # ---- documents ----------------------------------------------------------

    def document(self, kind):
        """The frame and X window of the step's document, opened (and sized) on first use."""
        if kind in self.documents:
            doc, frame, wid = self.documents[kind]
            gui.focus(wid)
            return frame, wid
        for other in list(self.documents):     # one document window at a time, as in a person's session
            self.lo.close(self.documents.pop(other)[0])
        if kind == "calc":
            path = os.path.join(self.ws, "rencana-kerja.ods")
        elif kind == "writer":
            path = os.path.join(self.ws, "catatan-rapat.odt")
            if not os.path.exists(path):
                # Written directly: a hidden Writer document made and closed through UNO in a
                # visible office crashed LibreOffice 7.4 (a clipboard state query on the closed view).
                write_odt(path, "Catatan rapat evaluasi kinerja triwulan I")
        else:
            path = "private:factory/swriter"
        doc, frame, wid = self.lo.open_window(path)
        self.case.assertIsNotNone(wid, "no window for " + path)
        if kind == "untitled":
            # Narrow, so the toolbar overflows into » (as on a small laptop screen, or in English).
            # The window manager or LibreOffice's own late layout can still undo one resize (seen
            # once in a few runs): sized again until the window is narrow and the toolbar clips.
            frame.getContainerWindow().IsMaximized = False
            for _ in range(5):
                time.sleep(0.3)
                gui.xdotool("windowsize", "--sync", wid, 640, 600, check=False)
                time.sleep(1.0)
                geometry = gui.window_geometry(wid)
                buttons, _ = gui.toolbar_buttons(frame)
                if geometry and geometry[2] <= 700 and any(b[1] is None for b in buttons):
                    break
        self.documents[kind] = (doc, frame, wid)
        self.offsets.pop(kind, None)
        time.sleep(1.0)
        self.check_alive("open " + kind)
        self.shot("open-" + kind)
        return frame, wid

    def toolbar_origin(self, kind, frame):
        """Screen position of the toolbar's window, measured with the mouse (see gui.calibrate)."""
        if kind not in self.offsets:
            origin = gui.toolbar_origin(frame)
            self.case.assertIsNotNone(origin, "the pointer never reached the Evaluasi Kinerja toolbar")
            self.offsets[kind] = origin
        return self.offsets[kind]

    # ---- pressing -----------------------------------------------------------

    def press_toolbar(self, kind, frame, wid, url, title, via_overflow):
        buttons, bar = gui.toolbar_buttons(frame)
        self.case.assertTrue(buttons, "no Evaluasi Kinerja toolbar in " + kind)
        names = [b[0] for b in buttons]
        self.case.assertIn(title, names, "toolbar of %s has no %r: %s" % (kind, title, names))
        index = names.index(title)
        name, rect, enabled = buttons[index]
        self.case.assertTrue(enabled, "%s is disabled" % title)
        ox, oy = self.toolbar_origin(kind, frame)
        if rect is not None and not via_overflow:
            gui.click(ox + rect[0] - bar[0] + rect[2] // 2, oy + rect[1] - bar[1] + rect[3] // 2)
            return
        self.case.assertIsNone(rect, "%s is not clipped, nothing to press in the overflow" % title)
        clipped = [b[0] for b in buttons if b[1] is None]
        before = set(gui.top_windows())
        gui.click(ox + bar[2] - 9, oy + bar[3] // 2)        # », at the toolbar's end
        popup = None
        deadline = time.monotonic() + 5
        while popup is None and time.monotonic() < deadline:
            for w, geometry in gui.top_windows().items():
                if w not in before and geometry[2] > 20 and geometry[3] > 20:
                    popup, popup_geometry = w, geometry
            time.sleep(0.1)
        self.case.assertIsNotNone(popup, "the toolbar's overflow » did not open")
        time.sleep(0.3)
        self.shot("overflow-open", wid, doc_name="toolbar-overflow")
        time.sleep(0.2)
        gx, gy, gw, gh = gui.top_windows().get(popup, popup_geometry)
        # The popup lays the clipped buttons out in a grid of square-ish icon buttons, row by row.
        size = max(rect_h for rect_h in [bar[3] - 4, 30])
        cols = max(1, round(gw / size))
        rows = max(1, -(-len(clipped) // cols))
        i = clipped.index(title)
        col, row = i % cols, i // cols
        gui.click(gx + (col + 0.5) * gw / cols, gy + (row + 0.5) * gh / rows)

    def menu_keys(self, kind, frame):
        """The keys that open the Evaluasi Kinerja menu: Alt + its mnemonic when no other menu of the
        menu bar has that letter (checked once per document kind, a failure of its own), otherwise
        F10 and Left three times (add-on menus sit before Window and Help)."""
        if kind in self.menu_paths:
            return self.menu_paths[kind]
        menu = self.ui["menu"]
        key = mnemonic(menu[0])
        titles, urls = gui.menubar_titles(self.lo, frame)
        after = urls.index(".uno:ToolsMenu") + 1 if ".uno:ToolsMenu" in urls else len(titles) - 2
        titles.insert(after, menu[0])
        others = [t for t in titles if mnemonic(t) == key and t.replace("~", "") != menu[0].replace("~", "")]
        with self.case.subTest(check="menu mnemonic", document=kind):
            self.case.assertTrue(key, "no mnemonic in the menu title %r" % menu[0])
            self.case.assertFalse(others, "Alt+%s opens %s before %r in the %s menu bar (%s)"
                                  % (key, others, menu[0], self.lang, titles))
        ours = [i for i, t in enumerate(titles) if t.replace("~", "") == menu[0].replace("~", "")]
        with self.case.subTest(check="menu in menu bar", document=kind):
            self.case.assertTrue(ours, "no %r in the menu bar %s" % (menu[0], titles))
        if key and not others:
            path = ("keys", ["alt+" + key])
        else:
            # A person clicks the menu title instead: it sits right above the toolbar.
            x = gui.menubar_item_center_x(frame, menu[0])
            self.case.assertIsNotNone(x, "no %r in the menu bar's accessibility tree" % menu[0])
            path = ("click", (x, self.toolbar_origin(kind, frame)[1] - 10))
        self.menu_paths[kind] = path
        return path

    def press_menu(self, kind, frame, wid, url, title):
        menu = self.ui["menu"]
        self.case.assertIsNotNone(menu, "the .oxt has no OfficeMenuBar")
        item_key = mnemonic(title)
        self.case.assertTrue(item_key, "no mnemonic in %r" % title)
        keys = [mnemonic(t) for _, t in menu[1]]
        self.case.assertEqual(keys.count(item_key), 1, "mnemonic %r of %r is not unique in %s" % (item_key, title, menu))
        # A command nobody dispatches is disabled in the menu: fail at once rather than wait for a window.
        enabled = [u for u, _ in menu[1] if self.dispatchable(frame, u)]
        self.case.assertIn(url, enabled, "%s is disabled (no dispatcher for %s)" % (title, url))
        how, what = self.menu_keys(kind, frame)
        if how == "keys":
            gui.key(*what, wid=wid)
        else:
            gui.click(*what)
        time.sleep(0.6)
        self.shot("menu-open", wid, doc_name="menu")
        if how == "keys":
            gui.key(item_key)
        else:
            # Opened with the mouse, a GTK menu takes arrows, not letters; disabled items are skipped.
            gui.key(*(["Down"] * (enabled.index(url) + 1) + ["Return"]))

    def dispatchable(self, frame, url):
        parsed = office.uno().createUnoStruct("com.sun.star.util.URL")
        parsed.Complete = url
        _, parsed = self.lo.service("com.sun.star.util.URLTransformer").parseStrict(parsed)
        return frame.queryDispatch(parsed, "_self", 0) is not None

    # ---- one press and what follows ----------------------------------------

    def step(self, kind, how, url, options):
        frame, wid = self.document(kind)
        spec = COMMANDS.get(url, {"expect": []})
        label = "%s %s %s" % (kind, how, url.split(":", 1)[1])
        if how == "menu":
            title = dict(self.ui["menu"][1]).get(url)
        else:
            title = dict(self.ui["toolbar"]).get(url)
        self.case.assertIsNotNone(title, "%s: %s is not in the .oxt's %s" % (label, url, how))
        before = set(gui.visible_windows())
        started = time.monotonic()
        if how == "menu":
            self.press_menu(kind, frame, wid, url, title)
        else:
            self.press_toolbar(kind, frame, wid, url, title, how == "overflow")
        seen = self.handle_windows(label, before, spec, options, started)
        expected = [re.compile(t[self.lang]) for t in spec["expect"]]
        if kind == "untitled":
            expected.append(re.compile(ASK_WORKSPACE[self.lang]))
        if spec.get("result"):
            expected.append(DOCUMENT)
        matched = [n for n in seen if any(r.search(n) for r in expected)]
        self.case.assertTrue(matched or not expected,
                             "%s: expected a window like %s, saw %s" % (label, [r.pattern for r in expected], seen))
        self.check_alive(label)

    def handle_windows(self, label, before, spec, options, started, first_timeout=20):
        """Closes every window the press opened, one after the other (a picker, then a message...),
        screenshotting each; returns their names. The first must appear within first_timeout s."""
        seen = []
        answer_first = options.get("answer_first")
        deadline = time.monotonic() + first_timeout
        quiet_since = None
        while True:
            now = time.monotonic()
            current = gui.visible_windows()
            new = {w: n for w, n in current.items() if w not in before and not GENERIC.match(n)}
            if not new:
                if seen and quiet_since is None:
                    quiet_since = now
                if (seen and now - quiet_since > 0.8) or (not seen and now > deadline):
                    return seen
                ok, why = self.lo.alive()
                self.case.assertTrue(ok, "%s: %s\n%s" % (label, why, self.lo.log_tail()))
                time.sleep(0.2)
                continue
            quiet_since = None
            wid, name = sorted(new.items())[-1]
            if not seen:
                self.timings.append((label, now - started))
                self.first_windows.setdefault(label, name)
            time.sleep(0.4)     # drawn completely before the screenshot
            seen.append(name)
            doc_name = self.doc_name_for(name)
            self.shot("%s - %s" % (label, name), wid, doc_name=doc_name)
            self.check_alive("%s: %s" % (label, name))
            if DOCUMENT.search(name):
                keys = ["ctrl+w"]
            else:
                clipped = [(text, how) for text, how in gui.window_labels(self.lo, True, title=name) if how]
                self.case.assertFalse(clipped, "%s: the window %r cuts off %s" % (label, name, clipped))
                keys = ["Escape"]
                if answer_first and len(seen) == 1:
                    keys = [answer_first]
                else:
                    for pattern, answer in options.get("answer", {}).items():
                        if re.search(pattern, name):
                            keys = [answer]
            gui.key(*keys, wid=wid)
            if not gui.wait_gone(wid, 8):
                gui.key("Escape", wid=wid)      # a second dialog on top, or a slow close
                if not gui.wait_gone(wid, 5):
                    self.case.fail("%s: the window %r did not close with %s" % (label, name, keys))
            before = set(before) | {wid}

    def doc_name_for(self, name):
        """The docs/screenshots file stem for a window worth showing in the README (first of its kind)."""
        for url, spec in COMMANDS.items():
            for t in spec["expect"]:
                if re.search(t[self.lang], name):
                    return "dialog-" + re.sub(r"\W+", "-", url.split(":", 1)[1].lower()).strip("-")
        if re.search(ASK_WORKSPACE[self.lang], name):
            return "ask-workspace"
        return None

    def run_steps(self, steps):
        for kind, how, commands in steps:
            if commands == "*":
                source = self.ui["menu"][1] if how == "menu" and self.ui["menu"] else self.ui["toolbar"]
                commands = [url for url, _ in source]
                if how == "overflow":
                    frame, _ = self.document(kind)
                    buttons, _ = gui.toolbar_buttons(frame)
                    clipped = {b[0] for b in buttons if b[1] is None}
                    commands = [url for url, title in self.ui["toolbar"] if title in clipped]
                    self.case.assertTrue(commands, "nothing is clipped in the narrow %s window" % kind)
            for entry in commands:
                url, options = entry if isinstance(entry, tuple) else (entry, {})
                ok, why = self.lo.alive()
                if not ok:      # every later step would only repeat this
                    self.case.fail("before %s %s %s: %s\n%s" % (kind, how, url, why, self.lo.log_tail()))
                with self.case.subTest(document=kind, how=how, command=url):
                    try:
                        self.step(kind, how, url, options)
                    except AssertionError:
                        raise
                    except Exception as e:
                        # UNO exceptions break unittest's traceback handling: report them as text.
                        raise AssertionError("%s %s %s: %s: %s\n%s" % (kind, how, url, type(e).__name__, e,
                                                                     self.lo.log_tail())) from None


RUNS = [("gtk3", "id"), ("gen", "en")]
OPTIONS = {"shots": None, "docs": None, "runs": None, "bench": None}


class GuiTest(unittest.TestCase):
    def run_once(self, plugin, lang):
        run = Run(self, plugin, lang, OPTIONS["shots"], OPTIONS["docs"])
        if OPTIONS["bench"]:
            try:
                self.bench(run, int(OPTIONS["bench"]))
            finally:
                run.stop()
            return
        try:
            # All buttons visible at 1366 px (issue 13): nothing of our toolbar in the overflow.
            frame, wid = run.document("calc")
            buttons, _ = gui.toolbar_buttons(frame)
            clipped = [b[0] for b in buttons if b[1] is None]
            with self.subTest(check="toolbar fits at 1366 px"):
                self.assertFalse(clipped, "clipped at 1366 px: %s" % clipped)
            run.run_steps(STEPS)
        finally:
            for label, seconds in run.timings:
                print("  %-55s %6.2f s" % (label, seconds))
            try:
                run.stop()
            except Exception as e:
                # A UNO exception breaks unittest's traceback handling: report it as text.
                raise AssertionError("%s/%s: %s: %s" % (plugin, lang, type(e).__name__, e)) from None


    def bench(self, run, repeats):
        """bench/gui/run.sh: every toolbar button of the workspace's Calc window pressed `repeats`
        times; a table of the median time from the click to the first window of its result."""
        run.run_steps([("calc", "toolbar", "*")] * repeats)
        by_command = {}
        for label, seconds in run.timings:
            by_command.setdefault(label, []).append(seconds)
        print()
        print("Time from a click on the toolbar to its window on screen, sample office (%s, %s UI), "
              "median of %d" % (run.plugin, run.lang, repeats))
        print("| %-34s | %-40s | median (s) | min (s) | max (s) |" % ("button", "first window"))
        print("|%s|%s|------------|---------|---------|" % ("-" * 36, "-" * 42))
        for url, title in run.ui["toolbar"]:
            label = "calc toolbar " + url.split(":", 1)[1]
            times = by_command.get(label)
            first = run.first_windows.get(label, "(none)")
            if times:
                print("| %-34s | %-40s | %10.2f | %7.2f | %7.2f |"
                      % (title, first[:40], statistics.median(times), min(times), max(times)))
            else:
                print("| %-34s | %-40s | %10s | %7s | %7s |" % (title, first[:40], "-", "-", "-"))
        print()


def _add_runs():
    runs = RUNS
    if OPTIONS["runs"]:
        runs = [tuple(r.split(":")) for r in OPTIONS["runs"].split(",")]
    for plugin, lang in runs:
        def test(self, plugin=plugin, lang=lang):
            self.run_once(plugin, lang)
        setattr(GuiTest, "test_%s_%s" % (plugin, lang), test)


def _take_option(argv, name):
    if "--" + name in argv:
        i = argv.index("--" + name)
        value = argv[i + 1]
        del argv[i:i + 2]
        return value
    return None


def main():
    if gui.XVFB is None or shutil.which("xdotool") is None or shutil.which("import") is None:
        print("SKIP: Xvfb, xdotool or ImageMagick missing (scripts/setup-deps.sh installs them)")
        sys.exit(SKIP)
    argv = sys.argv
    for name in OPTIONS:
        value = _take_option(argv, name)
        if value is not None:
            OPTIONS[name] = os.path.abspath(value) if name in ("shots", "docs") else value
    if os.geteuid() == 0:
        # office.run_tests re-runs this as the user evakin: the output folders must be theirs.
        import pwd  # noqa: PLC0415
        user = pwd.getpwnam(office.TEST_USER)
        for name in ("shots", "docs"):
            if OPTIONS[name]:
                os.makedirs(OPTIONS[name], exist_ok=True)
                os.chown(OPTIONS[name], user.pw_uid, user.pw_gid)
        extra = []
        for name, value in OPTIONS.items():
            if value is not None:
                extra += ["--" + name, value]
        argv += extra
    _add_runs()
    office.run_tests(argv=argv)


if __name__ == "__main__":
    main()
