#!/usr/bin/python3
"""Commands enabled only where they make sense, and Panduan, as a person meets them:
a visible Calc (Xvfb, the built .oxt) on a fresh sample workspace's plan shows
"Rekap Kiriman" (Collect) and "Surat Pengantar" disabled; after Bagikan Format
(dispatched as the toolbar does) Rekap Kiriman is enabled, read from the
toolbar's accessibility tree and seen in screenshots. Then the menu's Panduan
opens the guide in the UI language.

    /usr/bin/python3 tests/gui/test_command_states.py --oxt build/evakin.oxt --cli build/src/cli/evakin \
        [--shots DIR] [--docs docs/screenshots] [--runs gtk3:id,gen:en]

Exit code 77 when Xvfb, xdotool or ImageMagick are missing.
"""
import os
import shutil
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gui  # noqa: E402  (puts tests/integration on sys.path)
import office  # noqa: E402

SKIP = 77
OPTIONS = {"shots": None, "docs": None, "runs": "gtk3:id,gen:en"}
TITLES = {  # toolbar titles (Addons.xcu) and the guide's window, per UI language
    "id": {"collect": "Rekap Kiriman", "cover": "Surat Pengantar", "distribute": "Bagikan Format",
           "guide": r"^panduan-id\.html - LibreOffice Writer", "menu": ["alt+u", "a"], "lang": "id"},
    "en": {"collect": "Collect", "cover": "Cover Letter", "distribute": "Distribute",
           "guide": r"^panduan-en\.html - LibreOffice Writer", "menu": ["alt+u", "u"], "lang": "en"},
}


def wait_until(predicate, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return predicate()


class CommandStates(unittest.TestCase):
    @staticmethod
    def docs_shot(name):
        """The top of the screen (menu bar and toolbar) into --docs, when asked."""
        if OPTIONS["docs"]:
            path = gui.screenshot(os.path.join(OPTIONS["docs"], name), crop=(0, 0, 1366, 84))
            gui.shrink_png(path)

    def check_tooltip(self, frame, words):
        """The disabled Surat Pengantar says why in its tooltip. LibreOffice keeps a button's quick
        help out of the accessibility tree, so the test rests the pointer on the button and sees the
        tooltip window open, wide enough for the sentence (the title alone is under 120 px), and
        keeps the screenshot (docs/screenshots/tooltip-disabled-*.png shows the text)."""
        buttons, bar = gui.toolbar_buttons(frame)
        rect = [b[1] for b in buttons if b[0] == words["cover"]][0]
        origin = gui.toolbar_origin(frame)
        self.assertIsNotNone(rect, "Surat Pengantar is not on screen: %s" % buttons)
        self.assertIsNotNone(origin, "the pointer never reached the toolbar")
        x = origin[0] + rect[0] - bar[0] + rect[2] // 2
        y = origin[1] + rect[1] - bar[1] + rect[3] // 2
        before = set(gui.top_windows())
        gui.xdotool("mousemove", "--sync", x - 3, y)
        gui.xdotool("mousemove", "--sync", x, y)
        tip = None
        deadline = time.monotonic() + 8
        while tip is None and time.monotonic() < deadline:
            time.sleep(0.5)
            tip = next((g for w, g in gui.top_windows().items() if w not in before and g[2] > 20), None)
        time.sleep(0.5)     # drawn
        shot = gui.screenshot(os.path.join(OPTIONS["shots"] or tempfile.gettempdir(),
                                           "tooltip-disabled-%s.png" % words["lang"]), crop=(0, 0, 1366, 160))
        gui.xdotool("mousemove", "--sync", 1, 1, check=False)
        self.assertIsNotNone(tip, "no tooltip on the disabled %s (%s)" % (words["cover"], shot))
        self.assertGreaterEqual(tip[2], 250, "the tooltip holds the title only: %s (%s)" % (tip, shot))
        if OPTIONS["docs"]:
            target = os.path.join(OPTIONS["docs"], os.path.basename(shot))
            shutil.copyfile(shot, target)
            gui.shrink_png(target)

    def run_once(self, plugin, lang):
        words = TITLES[lang]
        tmp = tempfile.mkdtemp(prefix="evakin-states-")
        ws = os.path.join(tmp, "2026-tw1")
        office.run_cli("init", "--sample", ws)
        shots = OPTIONS["shots"] or os.path.join(tmp, "shots")
        os.makedirs(shots, exist_ok=True)
        display = gui.Display().start()
        lo = gui.VisibleOffice(office.CONFIG["oxt"], plugin, lang, timeout=240)
        try:
            lo.start()
            doc, frame, wid = lo.open_window(os.path.join(ws, "rencana-kerja.ods"))
            self.assertIsNotNone(wid, "no Calc window")
            time.sleep(2)

            def enabled():
                buttons, _ = gui.toolbar_buttons(frame)
                return {title: on for title, _, on in buttons}

            states = enabled()
            gui.screenshot(os.path.join(shots, "%s-%s-before-distribute.png" % (plugin, lang)))
            self.docs_shot("toolbar-before-distribute-%s.png" % lang)
            self.assertIn(words["collect"], states, states)
            self.assertFalse(states[words["collect"]], "Collect enabled before any form was distributed")
            self.assertFalse(states[words["cover"]], "Cover letter enabled before any report")
            self.assertTrue(states[words["distribute"]])
            self.check_tooltip(frame, words)

            outcome = lo.dispatch(frame, "org.evakin:Distribute", Workspace=ws, Silent=True)
            self.assertTrue(outcome[0], outcome)
            self.assertTrue(wait_until(lambda: enabled()[words["collect"]]),
                            "Collect still disabled after Distribute: %s" % enabled())
            self.assertFalse(enabled()[words["cover"]])
            gui.screenshot(os.path.join(shots, "%s-%s-after-distribute.png" % (plugin, lang)))
            self.docs_shot("toolbar-after-distribute-%s.png" % lang)

            # Panduan from the menu (Alt+U, then its mnemonic).
            before = set(gui.visible_windows())
            gui.key(words["menu"][0], wid=wid)
            time.sleep(0.8)
            gui.key(words["menu"][1])
            guide, _ = gui.wait_for_window(words["guide"], timeout=30, exclude=before)
            self.assertIsNotNone(guide, "the guide did not open: %s" % gui.visible_windows())
            time.sleep(2)
            gui.xdotool("windowmove", guide, 0, 0, check=False)
            gui.xdotool("windowsize", "--sync", guide, 1366, 746, check=False)
            time.sleep(1.5)
            shot = os.path.join(shots, "%s-%s-panduan.png" % (plugin, lang))
            gui.screenshot(shot)
            if OPTIONS["docs"]:
                target = os.path.join(OPTIONS["docs"], "panduan-%s.png" % lang)
                shutil.copyfile(shot, target)
                gui.shrink_png(target)
            ok, why = lo.alive()
            self.assertTrue(ok, why)
        finally:
            try:
                lo.stop(check_exit=False)
            finally:
                display.stop()


def _add_runs():
    for run in OPTIONS["runs"].split(","):
        plugin, lang = run.split(":")

        def test(self, plugin=plugin, lang=lang):
            self.run_once(plugin, lang)
        setattr(CommandStates, "test_%s_%s" % (plugin, lang), test)


def main():
    if gui.XVFB is None or shutil.which("xdotool") is None or shutil.which("import") is None:
        print("SKIP: Xvfb, xdotool or ImageMagick missing (scripts/setup-deps.sh installs them)")
        sys.exit(SKIP)
    argv = sys.argv
    for name in OPTIONS:
        if "--" + name in argv:
            i = argv.index("--" + name)
            OPTIONS[name] = os.path.abspath(argv[i + 1]) if name in ("shots", "docs") else argv[i + 1]
            del argv[i:i + 2]
    if os.geteuid() == 0:
        # office.run_tests re-runs this as the test user: the output folders must be theirs.
        import pwd  # noqa: PLC0415
        user = pwd.getpwnam(office.TEST_USER)
        for name in ("shots", "docs"):
            if OPTIONS[name]:
                os.makedirs(OPTIONS[name], exist_ok=True)
                os.chown(OPTIONS[name], user.pw_uid, user.pw_gid)
        for name, value in OPTIONS.items():
            if value is not None:
                argv += ["--" + name, value]
    _add_runs()
    office.run_tests(argv=argv)


if __name__ == "__main__":
    main()
