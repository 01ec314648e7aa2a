#!/usr/bin/python3
"""Screenshots of the Evaluasi Kinerja toolbar in Calc under a light and a dark
GTK theme (GTK_THEME=Adwaita and Adwaita:dark), as staff with either desktop see it.
Complements ctest `icons` (which judges the drawn icons on both backgrounds)
with what LibreOffice really shows.

    /usr/bin/python3 tests/gui/shoot_toolbar_themes.py --oxt build/evakin.oxt --out docs/screenshots
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gui  # noqa: E402  (puts tests/integration on sys.path)
import office  # noqa: E402


def shoot(oxt, theme, out):
    display = gui.Display().start()
    os.environ["GTK_THEME"] = theme
    lo = gui.VisibleOffice(oxt, "gtk3", "id", timeout=240)
    try:
        lo.start()
        _, frame, _ = lo.open_window("private:factory/scalc")
        time.sleep(2)
        _, bar = gui.toolbar_buttons(frame)
        origin = gui.toolbar_origin(frame)
        if bar is None or origin is None:
            raise SystemExit("no Evaluasi Kinerja toolbar on screen under " + theme)
        x, y = origin
        path = os.path.join(out, "toolbar-%s.png" % ("dark" if theme.endswith(":dark") else "light"))
        gui.screenshot(path, crop=(max(0, x - 4), max(0, y - 4), bar[2] + 8, bar[3] + 8))
        print("toolbar:", path)
    finally:
        lo.stop(check_exit=False)
        display.stop()
        del os.environ["GTK_THEME"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for theme in ("Adwaita", "Adwaita:dark"):
        shoot(os.path.abspath(args.oxt), theme, args.out)


if __name__ == "__main__":
    main()
