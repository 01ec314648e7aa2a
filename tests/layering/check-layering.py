#!/usr/bin/env python3
"""Fails when an include in src/ points the wrong way.

The core is layered: text (messages, text helpers) at the bottom, then io
(zip, sheets, ODF, numbers, files), then model (workspace, profile, plan,
evaluation arithmetic), then the capabilities (distribute, collect, report,
letters, period). A layer includes only itself and the layers below it; the
core never includes the doors (src/uno, src/cli) nor a UNO header; the doors
include the core only through its folders ("collect/collect.hpp").

Usage: check-layering.py SRC_DIR     (exit 0: clean, 1: wrong arrows, listed)
"""
import pathlib
import re
import sys

LAYERS = {"text": 0, "io": 1, "model": 2}
CAPABILITY = 3  # distribute, collect, report, letters, period
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
SOURCE_SUFFIXES = {".cpp", ".hpp", ".cxx", ".hxx", ".h"}


def rank(folder):
    return LAYERS.get(folder, CAPABILITY)


def main(src):
    core = src / "core"
    folders = {p.name for p in core.iterdir() if p.is_dir()}
    problems = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in SOURCE_SUFFIXES or not path.is_file():
            continue
        rel = path.relative_to(src)
        text = path.read_text(encoding="utf-8")
        for match in INCLUDE.finditer(text):
            quote, target = match.groups()
            line = text.count("\n", 0, match.start()) + 1
            where = f"{rel}:{line}: #include {quote}{target}"
            in_core = rel.parts[0] == "core"
            if in_core and (target.startswith("com/sun/star/") or target.startswith("cppu")
                            or target.startswith("rtl/") or target.startswith("uno/")):
                problems.append(f"{where}: the core includes a UNO header")
                continue
            if quote != '"':
                continue
            head = target.split("/")[0]
            if in_core:
                if len(rel.parts) < 3:
                    problems.append(f"{where}: a core file outside a capability folder")
                    continue
                if "/" not in target or head not in folders:
                    problems.append(f"{where}: the core includes something outside src/core's folders")
                    continue
                own = rel.parts[1]
                if rank(head) > rank(own) or (rank(own) < CAPABILITY and head != own and rank(head) == rank(own)):
                    problems.append(f"{where}: {own}/ may not include {head}/ (a layer includes only itself and those below)")
            elif "/" in target and head not in folders:
                problems.append(f"{where}: no such core folder")
    for problem in problems:
        print(problem)
    print(f"layering: {len(problems)} wrong arrow(s)" if problems else "layering: every include points down")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src")))
