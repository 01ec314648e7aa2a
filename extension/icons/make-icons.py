#!/usr/bin/env python3
"""Draws the extension's icons as PNG files (standard library only).

    make-icons.py OUTDIR

writes <command>_16.png and <command>_26.png for each toolbar button
(Addons.xcu) and evakin_42.png (Extension Manager, description.xml). Each icon
is a few flat shapes that read at 16 pixels: distribute = a form with a green
arrow going out; collect = an orange arrow coming into a tray of forms;
workspace = a folder holding a form; report = a page of text with a bar chart; letter = an envelope; invitation =
an envelope with a clock; register = a bound book; nextperiod = a calendar
with a plus; profile = an office building with a flag; steps (the sidebar deck) = a clipboard
with green ticks before its lines. Run at build time.
"""
import os
import struct
import sys
import zlib

WHITE = (255, 255, 255, 255)
BORDER = (70, 78, 90, 255)
HEADER = (47, 109, 181, 255)
GRID = (150, 172, 200, 255)
ARROW = (38, 150, 66, 255)
ORANGE = (222, 120, 20, 255)
RED = (196, 48, 43, 255)
PAPER = (250, 246, 232, 255)
GRID_DARK = (110, 118, 130, 255)
BOOK = (120, 40, 40, 255)
BOOK_SPINE = (80, 24, 24, 255)
FOLDER = (232, 178, 48, 255)
FOLDER_DARK = (176, 124, 20, 255)


def inside_polygon(x, y, pts):
    result = False
    j = len(pts) - 1
    for i in range(len(pts)):
        xi, yi = pts[i]
        xj, yj = pts[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            result = not result
        j = i
    return result


def rect(x0, y0, x1, y1):
    return lambda x, y: x0 <= x < x1 and y0 <= y < y1


def segment(x0, y0, x1, y1, width):
    """A stroke from (x0, y0) to (x1, y1)."""
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy

    def hit(x, y):
        t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / length2))
        px, py = x0 + t * dx - x, y0 + t * dy - y
        return px * px + py * py <= (width / 2) ** 2
    return hit


def circle(cx, cy, r):
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def polygon(pts):
    return lambda x, y: inside_polygon(x, y, pts)


def haloed(pts, colour):
    """A polygon with a white outline, so it stands out over what is below."""
    cx = sum(p[0] for p in pts) / len(pts)
    cy = sum(p[1] for p in pts) / len(pts)
    halo = [(cx + (x - cx) * 1.18, cy + (y - cy) * 1.25) for x, y in pts]
    return [(WHITE, polygon(halo)), (colour, polygon(pts))]


def form(size, left=0.08, top=0.04, right=0.70, bottom=0.96):
    """The spreadsheet form: a bordered sheet with a blue header and a grid."""
    line = max(1.0 / size, 0.05)       # strokes stay at least one pixel wide
    out = [
        (BORDER, rect(left, top, right, bottom)),
        (WHITE, rect(left + line, top + line, right - line, bottom - line)),
        (HEADER, rect(left + line, top + line, right - line, top + 0.24)),
    ]
    for gy in (0.44, 0.62, 0.80):
        out.append((GRID, rect(left + line, gy, right - line, gy + line)))
    out.append((GRID, rect(0.36, top + 0.24, 0.36 + line, bottom - line)))
    return out


def distribute(size):
    arrow = [(0.42, 0.58), (0.70, 0.58), (0.70, 0.44), (0.98, 0.68),
             (0.70, 0.92), (0.70, 0.78), (0.42, 0.78)]
    return form(size) + haloed(arrow, ARROW)


def collect(size):
    arrow = [(0.98, 0.58), (0.70, 0.58), (0.70, 0.44), (0.42, 0.68),
             (0.70, 0.92), (0.70, 0.78), (0.98, 0.78)]
    return form(size, 0.02, 0.04, 0.64, 0.96) + haloed(arrow, ORANGE)


def workspace(size):
    """The period's folder: a yellow folder with a form sticking out of it."""
    line = max(1.0 / size, 0.05)
    return [(FOLDER_DARK, polygon([(0.04, 0.20), (0.36, 0.20), (0.44, 0.30), (0.96, 0.30), (0.96, 0.90),
                                   (0.04, 0.90)])),
            (BORDER, rect(0.22, 0.08, 0.80, 0.60)), (WHITE, rect(0.22 + line, 0.08 + line, 0.80 - line, 0.60)),
            (HEADER, rect(0.22 + line, 0.08 + line, 0.80 - line, 0.24)),
            (GRID, rect(0.30, 0.34, 0.72, 0.34 + line)),
            (FOLDER, polygon([(0.02, 0.42), (0.98, 0.42), (0.92, 0.92), (0.08, 0.92)]))]


def report(size):
    line = max(1.0 / size, 0.05)
    out = [(BORDER, rect(0.14, 0.02, 0.86, 0.98)), (WHITE, rect(0.14 + line, 0.02 + line, 0.86 - line, 0.98 - line))]
    for y in (0.14, 0.26, 0.38):
        out.append((GRID_DARK, rect(0.24, y, 0.76, y + max(line, 0.06))))
    for x0, top, colour in ((0.26, 0.70, HEADER), (0.44, 0.56, ARROW), (0.62, 0.48, ORANGE)):
        out.append((colour, rect(x0, top, x0 + 0.14, 0.88)))
    return out


def envelope(top=0.18, bottom=0.82):
    width = 0.08
    return [
        (BORDER, rect(0.04, top, 0.96, bottom)),
        (PAPER, rect(0.04 + width / 2, top + width / 2, 0.96 - width / 2, bottom - width / 2)),
        (BORDER, segment(0.06, top + 0.04, 0.50, (top + bottom) / 2 + 0.06, width)),
        (BORDER, segment(0.94, top + 0.04, 0.50, (top + bottom) / 2 + 0.06, width)),
    ]


def letter(size):
    return envelope()


def invitation(size):
    return envelope(0.08, 0.66) + [
        (WHITE, circle(0.70, 0.70, 0.29)),
        (RED, circle(0.70, 0.70, 0.25)),
        (WHITE, circle(0.70, 0.70, 0.18)),
        (BORDER, segment(0.70, 0.70, 0.70, 0.56, 0.07)),
        (BORDER, segment(0.70, 0.70, 0.81, 0.70, 0.07)),
    ]


def register(size):
    out = [(BOOK, rect(0.14, 0.04, 0.86, 0.96)), (BOOK_SPINE, rect(0.14, 0.04, 0.30, 0.96)),
           (PAPER, rect(0.38, 0.18, 0.78, 0.40))]
    for y in (0.24, 0.32):
        out.append((GRID_DARK, rect(0.44, y, 0.72, y + 0.04)))
    return out


def nextperiod(size):
    line = max(1.0 / size, 0.05)
    out = [(BORDER, rect(0.04, 0.10, 0.84, 0.94)), (WHITE, rect(0.04 + line, 0.10 + line, 0.84 - line, 0.94 - line)),
           (RED, rect(0.04 + line, 0.10 + line, 0.84 - line, 0.32)),
           (BORDER, rect(0.20, 0.02, 0.28, 0.18)), (BORDER, rect(0.60, 0.02, 0.68, 0.18))]
    for gx in (0.28, 0.48, 0.68):
        for gy in (0.44, 0.62, 0.80):
            out.append((GRID, rect(gx - 0.14, gy - 0.05, gx - 0.04, gy + 0.05)))
    plus = [(0.66, 0.48), (0.78, 0.48), (0.78, 0.62), (0.92, 0.62), (0.92, 0.74), (0.78, 0.74),
            (0.78, 0.88), (0.66, 0.88), (0.66, 0.74), (0.52, 0.74), (0.52, 0.62), (0.66, 0.62)]
    return out + haloed(plus, ARROW)


def profile(size):
    """The office: a building with a pediment, columns and a flag."""
    out = [(BORDER, polygon([(0.06, 0.36), (0.50, 0.14), (0.94, 0.36)])),
           (BORDER, rect(0.06, 0.36, 0.94, 0.44)), (BORDER, rect(0.04, 0.86, 0.96, 0.96)),
           (BORDER, rect(0.48, 0.02, 0.53, 0.16)), (RED, rect(0.53, 0.02, 0.70, 0.09))]
    for x in (0.14, 0.34, 0.56, 0.76):
        out.append((HEADER, rect(x, 0.46, x + 0.10, 0.84)))
    return out


def steps(size):
    """The SOP's steps: a clipboard whose lines each start with a tick."""
    line = max(1.0 / size, 0.05)
    out = [(BORDER, rect(0.10, 0.08, 0.90, 0.98)), (PAPER, rect(0.10 + line, 0.08 + line, 0.90 - line, 0.98 - line)),
           (BORDER, rect(0.32, 0.02, 0.68, 0.16))]
    for y in (0.30, 0.54, 0.78):
        out.append((ARROW, segment(0.20, y, 0.28, y + 0.08, 0.09)))
        out.append((ARROW, segment(0.28, y + 0.08, 0.42, y - 0.07, 0.09)))
        out.append((GRID_DARK, rect(0.50, y - 0.02, 0.82, y + 0.05)))
    return out


ICONS = {"workspace": workspace, "distribute": distribute, "collect": collect, "report": report, "letter": letter,
         "invitation": invitation, "register": register, "nextperiod": nextperiod, "profile": profile,
         "steps": steps}


def render(size, draw, samples=4):
    layers = draw(size)
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) / size
                    y = (py + (sy + 0.5) / samples) / size
                    colour = (0, 0, 0, 0)
                    for c, hit in layers:
                        if hit(x, y):
                            colour = c
                    for k in range(3):
                        acc[k] += colour[k] * colour[3]
                    acc[3] += colour[3]
            alpha = acc[3] / (samples * samples)
            if acc[3]:
                row += bytes(round(acc[k] / acc[3]) for k in range(3))
            else:
                row += b"\0\0\0"
            row.append(round(alpha))
        rows.append(bytes(row))
    return rows


HALO = (242, 244, 247)


def with_halo(size, rows, strength=0.8):
    """A one-pixel light rim under every edge, so dark strokes (the roof, the book) stay
    visible on a dark toolbar; on a light toolbar the rim is the toolbar's own colour."""
    alpha = [[rows[y][4 * x + 3] / 255 for x in range(size)] for y in range(size)]
    out = []
    for y in range(size):
        row = bytearray(rows[y])
        for x in range(size):
            a = alpha[y][x]
            if a >= 1:
                continue
            near = max(alpha[j][i] for j in range(max(0, y - 1), min(size, y + 2))
                       for i in range(max(0, x - 1), min(size, x + 2)))
            h = near * strength * (1 - a)
            if h <= 0:
                continue
            total = a + h
            for k in range(3):
                row[4 * x + k] = round((row[4 * x + k] * a + HALO[k] * h) / total)
            row[4 * x + 3] = round(total * 255)
        out.append(bytes(row))
    return out


def png(size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    raw = b"".join(b"\0" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    files = [("evakin_42.png", 42, distribute)]
    for name, draw in ICONS.items():
        files += [("%s_16.png" % name, 16, draw), ("%s_26.png" % name, 26, draw)]
    for name, size, draw in files:
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(png(size, with_halo(size, render(size, draw))))


if __name__ == "__main__":
    main()
