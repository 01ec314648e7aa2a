#!/usr/bin/env python3
"""Draws the extension's icons as PNG files (standard library only).

    make-icons.py OUTDIR

writes distribute_16.png and distribute_26.png (toolbar, Addons.xcu) and
evakin_42.png (Extension Manager, description.xml): a spreadsheet form with a
blue header and a green arrow, i.e. "send a form out". Run at build time.
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


def shapes(size):
    px = 1.0 / size            # one pixel in unit coordinates
    line = max(px, 0.05)       # strokes stay at least one pixel wide
    left, top, right, bottom = 0.08, 0.04, 0.70, 0.96
    rect = lambda x0, y0, x1, y1: (lambda x, y: x0 <= x < x1 and y0 <= y < y1)
    out = [
        (BORDER, rect(left, top, right, bottom)),
        (WHITE, rect(left + line, top + line, right - line, bottom - line)),
        (HEADER, rect(left + line, top + line, right - line, top + 0.24)),
    ]
    for gy in (0.44, 0.62, 0.80):
        out.append((GRID, rect(left + line, gy, right - line, gy + line)))
    out.append((GRID, rect(0.36, top + 0.24, 0.36 + line, bottom - line)))
    arrow = [(0.42, 0.58), (0.70, 0.58), (0.70, 0.44), (0.98, 0.68),
             (0.70, 0.92), (0.70, 0.78), (0.42, 0.78)]
    cx = sum(p[0] for p in arrow) / len(arrow)
    cy = sum(p[1] for p in arrow) / len(arrow)
    halo = [(cx + (x - cx) * 1.18, cy + (y - cy) * 1.25) for x, y in arrow]
    out.append((WHITE, lambda x, y: inside_polygon(x, y, halo)))
    out.append((ARROW, lambda x, y: inside_polygon(x, y, arrow)))
    return out


def render(size, samples=4):
    layers = shapes(size)
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
    for name, size in (("distribute_16.png", 16), ("distribute_26.png", 26), ("evakin_42.png", 42)):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(png(size, render(size)))


if __name__ == "__main__":
    main()
