#!/usr/bin/python3
"""GUI test of the sidebar's "Evaluasi Kinerja" deck (issue 16): a visible
LibreOffice under Xvfb with the built evakin.oxt, a workspace driven through
the SOP's first steps, and the deck in Calc and in Writer checked against the
core's own account of the period (`evakin status DIR --json`).

    create the workspace (Ruang Kerja, Silent) -> Calc: the deck shows every step as the core
        does; its next-step button, clicked through the X server, opens that step's dialog
    Bagikan Format (Silent) -> the open deck follows at once (workspace changed)
    returns copied into inbox/ -> Writer: the deck shows them when it opens
    Rekap Kiriman (Silent) -> the deck follows; step 6 is no longer "todo"; the next-step
        button opens the next step's dialog

The deck is opened with its command (.uno:SidebarDeck.EvakinDeck); the panel's
texts are read through the window's accessibility tree, as a screen reader
reads them (the sidebar's UNO API for panels was unreliable in LibreOffice 7.4). With
--docs, screenshots of the deck at each stage go there (sidebar-<app>-<stage>-<lang>.png).

    /usr/bin/python3 tests/gui/test_sidebar.py --oxt build/evakin.oxt --cli build/src/cli/evakin \
        [--shots DIR] [--docs docs/screenshots] [--runs gen:en,gtk3:id]

Exit code 77 (ctest SKIP_RETURN_CODE) when Xvfb, xdotool or ImageMagick is missing.
"""
import glob
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gui  # noqa: E402  (puts tests/integration on sys.path)
import office  # noqa: E402
import test_gui  # noqa: E402  (the dialogs' titles per command, the minimal .odt)

SKIP = 77
OFFICE_SECONDS = int(os.environ.get("EVAKIN_GUI_OFFICE_SECONDS", "300"))
DECK, PANEL = "EvakinDeck", "EvakinStatusPanel"
# The sign before each step per state (src/uno/status_view.cxx).
MARKERS = {"done": "\u2713", "partial": "\u25d0", "warning": "\u26a0", "manual": "\u2022", "todo": "\u25cb"}
OPTIONS = {"shots": None, "docs": None, "runs": None}
# gen (plain X11) in English by default. Under gtk3 the deck works (the README's Indonesian
# screenshots are from gtk3 runs) but its panel is not in LibreOffice's accessibility tree, and the
# sidebar's UNO API lost the panel after a command and crashed soffice on the way out in about half
# of the runs (LibreOffice 7.4.7): --runs gtk3:id runs it there, not reliably.
RUNS = [("gen", "en")]


def control_text(dialog, name):
    """The text of the panel's control `name` (see panel_controls); None when it has none."""
    entry = dialog.get(name)
    return None if entry is None else entry[0]


def _find_panel(context, depth=0):
    """The accessible of the panel's window: the one with the Panduan/Guide button among its children.
    Big containers (a sheet's cells) are not walked."""
    from com.sun.star.accessibility.AccessibleRole import MENU_BAR, PUSH_BUTTON, TABLE, TOOL_BAR  # noqa: PLC0415
    if context is None or depth > 14 or context.getAccessibleRole() in (MENU_BAR, TABLE, TOOL_BAR):
        return None
    count = context.getAccessibleChildCount()
    if count > 300:
        return None
    children = [context.getAccessibleChild(i).getAccessibleContext() for i in range(count)]
    if any(c is not None and c.getAccessibleRole() == PUSH_BUTTON and c.getAccessibleName() in ("Panduan", "Guide")
           for c in children):
        return context
    for child in children:
        found = _find_panel(child, depth + 1)
        if found is not None:
            return found
    return None


def panel_controls(frame):
    """{control name: (text, accessible)} of the panel, read through the window's accessibility tree
    (the sidebar's own UNO API named the panel unreliably and crashed LibreOffice 7.4 now and then).
    The children come in the order status_view.cxx inserts them: Folder, Period, NextStep (or a
    message), Help, then per step its marker, title ("N. ...") and detail line, and the scroll bar."""
    office.uno()
    panel = _find_panel(frame.getContainerWindow().getAccessibleContext())
    if panel is None:
        return None
    items = [panel.getAccessibleChild(i).getAccessibleContext() for i in range(panel.getAccessibleChildCount())]
    items = [c for c in items if c is not None]
    names = [c.getAccessibleName() for c in items]
    controls = {}
    help_at = next(i for i, n in enumerate(names) if n in ("Panduan", "Guide"))
    head = ["Folder", "Period", "NextStep"][:help_at]
    if help_at == 2:        # no workspace: the message and Ruang Kerja
        head = ["Message", "Workspace"]
    for key, i in zip(head, range(help_at)):
        controls[key] = (names[i], items[i])
    controls["Help"] = (names[help_at], items[help_at])
    i = help_at + 1
    while i + 1 < len(items):
        m = re.match(r"(\d+)\. ", names[i + 1])
        if len(names[i]) != 1 or not m:
            break
        n = int(m.group(1))
        controls["Step%dTitleMarker" % n] = (names[i], items[i])
        controls["Step%dTitle" % n] = (names[i + 1], items[i + 1])
        i += 2
        if i < len(items) and len(names[i]) > 1 and not re.match(r"\d+\. ", names[i]):
            controls["Step%dDetail" % n] = (names[i], items[i])
            i += 1
    return controls


class Deck:
    """The deck in one document window, read through the sidebar's UNO API."""

    def __init__(self, lo, frame):
        self.lo, self.frame = lo, frame
        self.sidebar = frame.getController().getSidebar()
        self.window = None

    def open(self):
        """As View > Sidebar and its deck button do: the sidebar shown, the deck chosen by its command
        (again after 5 s when a sidebar still restoring its last deck switched back)."""
        self.sidebar.setVisible(True)
        time.sleep(1.5)
        helper = self.lo.service("com.sun.star.frame.DispatchHelper")
        deadline = time.monotonic() + 40
        again = time.monotonic()
        active_since = None
        while time.monotonic() < deadline:
            # Read once the deck has been active for 3 s (the sidebar may still switch back).
            if not self.active():
                active_since = None
            elif active_since is None:
                active_since = time.monotonic()
            elif time.monotonic() - active_since > 3 and self.dialog(0) is not None:
                time.sleep(0.5)
                return True
            if time.monotonic() >= again and not self.active():
                # Not XDeck.activate(): LibreOffice 7.4 (gtk3) crashed in it while the deck was built.
                helper.executeDispatch(self.frame, ".uno:SidebarDeck." + DECK, "", 0, ())
                again = time.monotonic() + 5
            time.sleep(0.3)
        try:
            why = "active %s" % self.sidebar.getDecks().getByName(DECK).isActive()
        except Exception as e:
            why = "%s: %s" % (type(e).__name__, e)
        print("sidebar: %s did not open: %s" % (DECK, why), flush=True)
        return False

    def active(self):
        try:
            return self.sidebar.getDecks().getByName(DECK).isActive()
        except Exception:       # NoSuchElementException: not (yet) in the current context
            return False

    def dialog(self, timeout=10):
        """The panel's controls (panel_controls); None when they are not there within timeout s."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                controls = panel_controls(self.frame) or self.controls_by_uno()
                if controls:
                    return controls
            except Exception:       # a window torn down while it was read
                pass
            if time.monotonic() > deadline:
                return None
            time.sleep(0.3)

    def controls_by_uno(self):
        """The same through the sidebar's UNO API (deck > panel > getDialog(), the controls by name):
        under gtk3 the sidebar's panels are native widgets outside LibreOffice's own accessibility
        tree. Asked only of the active deck (LibreOffice 7.4 crashed asked for a deck being built)."""
        if not self.active():
            return None
        window = self.sidebar.getDecks().getByName(DECK).getPanels().getByName(PANEL).getDialog()
        names = ["Folder", "Period", "NextStep", "Help", "Message", "Workspace"]
        for n in range(1, 15):
            names += ["Step%dTitleMarker" % n, "Step%dTitle" % n, "Step%dDetail" % n]
        controls = {}
        for name in names:
            control = window.getControl(name)
            if control is not None and control.getModel() is not None:
                controls[name] = (control.getModel().Label, control.getAccessibleContext())
        return controls

    def differences(self, status):
        """What the panel shows differently from `evakin status --json`; empty when it agrees."""
        dialog = self.dialog()
        if dialog is None:
            return ["no panel %s in the deck" % PANEL]
        wrong = []
        if control_text(dialog, "Period") != status["period"]:
            wrong.append("period %r, expected %r" % (control_text(dialog, "Period"), status["period"]))
        if control_text(dialog, "Folder") != os.path.basename(status["workspace"].rstrip("/")):
            wrong.append("folder %r" % control_text(dialog, "Folder"))
        for step in status["steps"]:
            n = step["number"]
            marker = control_text(dialog, "Step%dTitleMarker" % n)
            title = control_text(dialog, "Step%dTitle" % n) or ""
            detail = control_text(dialog, "Step%dDetail" % n) or ""
            if marker != MARKERS[step["state"]]:
                wrong.append("step %d: marker %r, state %s" % (n, marker, step["state"]))
            if step["title"] not in title:
                wrong.append("step %d: title %r" % (n, title))
            for part in (step["timeStandard"], step["detail"]):
                if part and part not in detail:
                    wrong.append("step %d: %r not in %r" % (n, part, detail))
        # The next step: a button when it has a command, else named in a line of its own.
        next_step = dialog.get("NextStep")
        if status["nextStep"]:
            if next_step is None:
                wrong.append("no next step %d shown" % status["nextStep"])
            elif not re.search(r"\b%d\b" % status["nextStep"], control_text(dialog, "NextStep") or ""):
                wrong.append("next step %r, expected %d" % (control_text(dialog, "NextStep"), status["nextStep"]))
        if dialog.get("Help") is None:
            wrong.append("no Panduan button")
        return wrong

    def click(self, name):
        """A click on the panel's control `name` through the X server at its accessible place; where
        that place is not on the screen (gtk3 leaves the native menu bar out of it, see
        gui.toolbar_origin) and nothing opens, it is pressed as a screen reader presses it."""
        context = self.dialog()[name][1]
        pos, size = context.getLocationOnScreen(), context.getSize()
        before = set(gui.visible_windows())
        gui.click(pos.X + size.Width // 2, pos.Y + size.Height // 2)
        gui.xdotool("mousemove", 1, 1, check=False)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if set(gui.visible_windows()) - before:
                return True
            time.sleep(0.2)
        print("sidebar: a click at %d,%d opened nothing; %s's accessible action instead"
              % (pos.X + size.Width // 2, pos.Y + size.Height // 2, name), flush=True)
        return context.doAccessibleAction(0)


class SidebarRun:
    def __init__(self, case, plugin, lang):
        self.case, self.plugin, self.lang = case, plugin, lang
        self.tmp = tempfile.mkdtemp(prefix="evakin-sidebar-")
        self.ws = os.path.join(self.tmp, "2026-tw3")
        self.display = gui.Display().start()
        self.lo = gui.VisibleOffice(office.CONFIG["oxt"], plugin, lang, timeout=OFFICE_SECONDS)
        self.lo.start()
        self.doc = None

    def stop(self):
        try:
            for w, name in gui.visible_windows().items():
                if not test_gui.DOCUMENT.search(name) and not test_gui.GENERIC.match(name):
                    gui.key("Escape", wid=w)
            if self.doc is not None:
                self.lo.close(self.doc)
            self.lo.stop()
        finally:
            self.display.stop()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def status(self):
        res = office.run_cli("status", self.ws, "--json", "--lang", self.lang)
        return json.loads(res.stdout)

    def open(self, path):
        if self.doc is not None:
            self.lo.close(self.doc)
        self.doc, frame, self.wid = self.lo.open_window(path)
        self.case.assertIsNotNone(self.wid, "no window for " + path)
        deck = Deck(self.lo, frame)
        self.case.assertTrue(deck.open(), "the deck %s did not open in %s" % (DECK, path))
        return deck

    def agrees(self, deck, stage, timeout=20):
        """Waits until the deck shows what the core says (it refreshes on a command's change)."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.status()
            wrong = deck.differences(status)
            if not wrong or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        self.case.assertFalse(wrong, "%s [%s/%s]: the deck differs from evakin status:\n  %s"
                              % (stage, self.plugin, self.lang, "\n  ".join(wrong)))
        return status

    def shot(self, name):
        time.sleep(0.5)
        geometry = gui.framed(gui.window_geometry(self.wid))
        if OPTIONS["shots"]:
            gui.screenshot(os.path.join(OPTIONS["shots"], "%s-%s-%s.png" % (self.plugin, self.lang, name)))
        if OPTIONS["docs"] and geometry:
            # The right half of the window: the end of the document and the whole deck.
            x, y, w, h = geometry
            target = os.path.join(OPTIONS["docs"], "%s-%s.png" % (name, self.lang))
            gui.screenshot(target, crop=(x + w // 2, y, w - w // 2, h))
            gui.shrink_png(target)

    def press_next(self, deck, status):
        """The next-step button opens the dialog of that step's command."""
        step = next(s for s in status["steps"] if s["number"] == status["nextStep"])
        spec = test_gui.COMMANDS.get(step["command"])
        self.case.assertIsNotNone(spec, "no expected dialog for %s" % step["command"])
        before = set(gui.visible_windows())
        self.case.assertTrue(deck.click("NextStep"), "the pointer never reached the next-step button")
        expected = "|".join(t[self.lang] for t in spec["expect"])
        wid, name = gui.wait_for_window(expected, timeout=20, exclude=before)
        self.case.assertIsNotNone(wid, "next step %d (%s): no window like %r" % (step["number"], step["command"],
                                                                                  expected))
        time.sleep(0.4)
        if OPTIONS["shots"]:
            gui.screenshot(os.path.join(OPTIONS["shots"], "%s-%s-next-%d.png" % (self.plugin, self.lang,
                                                                                step["number"])))
        gui.key("Escape", wid=wid)
        self.case.assertTrue(gui.wait_gone(wid, 10), "the dialog %r did not close" % name)
        # A command that goes on to open its result (Rekap Kiriman's summary): closed as a person does.
        if spec.get("result"):
            other, title = gui.wait_for_window(test_gui.DOCUMENT.pattern, timeout=8, exclude=before | {self.wid})
            if other is not None:
                gui.key("ctrl+w", wid=other)
                self.case.assertTrue(gui.wait_gone(other, 10), "%r did not close" % title)
        ok, why = self.lo.alive()
        self.case.assertTrue(ok, why)

    def run(self):
        office.run_cli("init", "--sample", self.ws, "--year", "2026", "--triwulan", "3")
        # Ruang Kerja makes it the current workspace, as a person choosing it in its dialog.
        frame = self.lo.new_frame("scalc")
        outcome = self.lo.dispatch(frame, "org.evakin:Workspace", Workspace=self.ws, Silent=True)
        self.case.assertTrue(outcome.ok, outcome.result)
        self.lo.close(frame.getController().getModel())

        deck = self.open(os.path.join(self.ws, "rencana-kerja.ods"))
        status = self.agrees(deck, "new workspace, Calc")
        self.shot("sidebar-calc-baru")
        self.press_next(deck, status)

        outcome = self.lo.dispatch(deck.frame, "org.evakin:Distribute", Workspace=self.ws, Silent=True)
        self.case.assertTrue(outcome.ok, outcome.result)
        status = self.agrees(deck, "distributed, Calc")
        self.case.assertEqual(next(s for s in status["steps"] if s["number"] == 2)["state"], "done")
        self.shot("sidebar-calc-dibagikan")

        # The units' returns arrive: all forms but one, copied into inbox/ as staff save the e-mails.
        forms = sorted(glob.glob(os.path.join(self.ws, "outbox", "*")))
        self.case.assertTrue(len(forms) >= 2, "outbox: %s" % forms)
        for form in forms[:-1]:
            shutil.copy(form, os.path.join(self.ws, "inbox"))
        notes = os.path.join(self.ws, "catatan-rapat.odt")
        test_gui.write_odt(notes, "Catatan rapat evaluasi kinerja triwulan III")
        deck = self.open(notes)
        self.agrees(deck, "returns in inbox, Writer")
        self.shot("sidebar-writer-kiriman")

        outcome = self.lo.dispatch(deck.frame, "org.evakin:Collect", Workspace=self.ws, Silent=True)
        self.case.assertTrue(outcome.ok, outcome.result)
        status = self.agrees(deck, "collected, Writer")
        self.case.assertNotEqual(next(s for s in status["steps"] if s["number"] == 6)["state"], "todo")
        self.shot("sidebar-writer-direkap")
        step = next((s for s in status["steps"] if s["number"] == status["nextStep"]), None)
        if step and step["command"]:
            self.press_next(deck, status)


class SidebarTest(unittest.TestCase):
    def run_once(self, plugin, lang):
        run = SidebarRun(self, plugin, lang)
        failure = None
        try:
            run.run()
        except AssertionError as e:
            failure = str(e)
        except Exception as e:
            failure = "%s: %s\n%s" % (type(e).__name__, e, run.lo.log_tail())
        try:
            run.stop()
        except Exception as e:
            failure = (failure or "") + "\nstop: %s: %s" % (type(e).__name__, e)
        # As text: a UNO exception breaks unittest's traceback handling (and the next run).
        if failure:
            self.fail("%s/%s: %s" % (plugin, lang, failure))


def main():
    if gui.XVFB is None or shutil.which("xdotool") is None or shutil.which("import") is None:
        print("SKIP: Xvfb, xdotool or ImageMagick missing (scripts/setup-deps.sh installs them)")
        sys.exit(SKIP)
    argv = sys.argv
    for name in OPTIONS:
        value = test_gui._take_option(argv, name)
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
        for name, value in OPTIONS.items():
            if value is not None:
                argv += ["--" + name, value]
    runs = RUNS if not OPTIONS["runs"] else [tuple(r.split(":")) for r in OPTIONS["runs"].split(",")]
    for plugin, lang in runs:
        setattr(SidebarTest, "test_%s_%s" % (plugin, lang),
                lambda self, plugin=plugin, lang=lang: self.run_once(plugin, lang))
    office.run_tests(argv=argv)


if __name__ == "__main__":
    main()
