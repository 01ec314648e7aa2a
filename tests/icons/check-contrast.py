#!/usr/bin/env python3
"""Fails when a toolbar icon's outline fades into a light or a dark toolbar.

For each icon of extension/icons/make-icons.py at 16 and 26 px, composited on
a light (#f2f2f2, Colibre) and a dark (#2b2b2b, a dark theme) toolbar, the
rim of the icon (its opaque pixels that touch transparency) must differ from
the toolbar by a visible luminance step on at least MIN_RIM of its length:
a shape whose edge disappears reads as a blob at 16 px.

Usage: check-contrast.py [--no-halo]   (exit 0: every icon legible; 1: the weak ones listed)
--no-halo judges the icons as drawn, without the light rim make-icons.py adds.
"""
import importlib.util
import pathlib
import sys

BACKGROUNDS = {"light": (242, 242, 242), "dark": (43, 43, 43)}
MIN_STEP = 48      # luminance difference (0-255) that reads as an edge
MIN_RIM = 0.85     # share of the rim that must show that step

HERE = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("make_icons", HERE.parent.parent / "extension/icons/make-icons.py")
icons = importlib.util.module_from_spec(spec)
spec.loader.exec_module(icons)


def luminance(rgb):
    r, g, b = rgb
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def rim_share(size, shape, shown, background):
    """Share of the shape's rim (from `shape`, the icon without its halo) where what is
    shown (`shown`, with the halo) steps visibly away from the toolbar within one pixel."""
    alpha = [[shape[y][4 * x + 3] / 255 for x in range(size)] for y in range(size)]

    def step(x, y):
        a = shown[y][4 * x + 3] / 255
        rgb = tuple(shown[y][4 * x + k] * a + background[k] * (1 - a) for k in range(3))
        return abs(luminance(rgb) - luminance(background))

    def near(x, y):
        return [(i, j) for j in (y - 1, y, y + 1) for i in (x - 1, x, x + 1) if 0 <= i < size and 0 <= j < size]

    rim = visible = 0
    for y in range(size):
        for x in range(size):
            if alpha[y][x] < 0.5:
                continue
            if len(near(x, y)) == 9 and all(alpha[j][i] >= 0.1 for i, j in near(x, y)):
                continue
            rim += 1
            if max(step(i, j) for i, j in near(x, y)) >= MIN_STEP:
                visible += 1
    return visible / rim if rim else 1.0


def main():
    weak = []
    for name, draw in icons.ICONS.items():
        for size in (16, 26):
            shape = icons.render(size, draw)
            shown = shape if "--no-halo" in sys.argv else icons.with_halo(size, shape)
            for theme, background in BACKGROUNDS.items():
                share = rim_share(size, shape, shown, background)
                if share < MIN_RIM:
                    weak.append(f"{name} {size}px on {theme}: {share:.0%} of its outline visible")
    for line in weak:
        print(line)
    print(f"icons: {len(weak)} weak" if weak else f"icons: all {len(icons.ICONS)} legible at 16 and 26 px, light and dark")
    return 1 if weak else 0


if __name__ == "__main__":
    sys.exit(main())
