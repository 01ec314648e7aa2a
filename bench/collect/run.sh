#!/usr/bin/env bash
# Collect benchmark: 1,000 returned workbooks x 200 rows (10 offices x 100
# units), Evakin's collect+merge against (a) LibreOffice loading each file over
# UNO and reading its cells (a subset, extrapolated per file) and (b) the floor,
# only inflating and parsing each content.xml, in one run on one machine.
# Usage: bench/collect/run.sh [BUILD_DIR] [OFFICES] [UNITS] [ROWS] [UNO_FILES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
offices=${2:-10}
units=${3:-100}
rows=${4:-200}
uno_files=${5:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench="$build/bench/collect/bench_collect"
[ -x "$bench" ] || cmake --build "$build" --target bench_collect >/dev/null

"$bench" prepare "$work/root" "$offices" "$units" "$rows"
# Warm the page cache for every route alike, then time.
cat "$work"/root/office-*/inbox/* >/dev/null
read -r floor_s floor_files floor_rss floor_cpu < <("$bench" floor "$work/root")
read -r direct_s files direct_rss valid direct_cpu < <("$bench" collect "$work/root")
read -r floor2_s _ _ floor2_cpu < <("$bench" floor "$work/root")
read -r direct2_s _ _ _ direct2_cpu < <("$bench" collect "$work/root")
peak_kb=$( { /usr/bin/time -v "$bench" collect "$work/root" >/dev/null; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}')
read -r uno_s uno_n uno_cpu < <(/usr/bin/python3 "$here/uno_read.py" "$work/root" "$uno_files")

python3 - "$files" "$rows" "$valid" "$direct_s" "$direct2_s" "$floor_s" "$floor2_s" "$uno_s" "$uno_n" "$peak_kb" \
          "$direct_cpu" "$direct2_cpu" "$floor_cpu" "$floor2_cpu" "$uno_cpu" <<'PY'
import sys
a = sys.argv[1:]
files, rows, valid = int(a[0]), int(a[1]), int(a[2])
direct, floor = min(float(a[3]), float(a[4])), min(float(a[5]), float(a[6]))
uno, uno_n, peak = float(a[7]), int(a[8]), int(a[9])
dcpu, fcpu, ucpu = min(float(a[10]), float(a[11])), min(float(a[12]), float(a[13])), float(a[14])
d, f, u = direct / files * 1000, floor / files * 1000, uno / uno_n * 1000
dc, fc, uc = dcpu / files * 1000, fcpu / files * 1000, ucpu / uno_n * 1000
print(f"Rekap Kiriman: {files} returned workbooks x {rows} rows ({valid} valid), same machine, same run")
print("| route                                                 | files | wall (s) | wall/file (ms) | CPU/file (ms) | CPU vs Evakin |")
print("|-------------------------------------------------------|-------|----------|----------------|---------------|---------------|")
print(f"| Evakin collect + merge + 3 outputs (best of 2)        | {files:5d} | {direct:8.2f} | {d:14.2f} | {dc:13.2f} | {1:12.2f}x |")
print(f"| (b) floor: read, inflate, parse content.xml (best of 2)| {files:5d} | {floor:8.2f} | {f:14.2f} | {fc:13.2f} | {fc/dc:12.2f}x |")
print(f"| (a) LibreOffice over UNO: load, read cells, close      | {uno_n:5d} | {uno:8.2f} | {u:14.2f} | {uc:13.2f} | {uc/dc:12.1f}x |")
print(f"| (a) extrapolated to {files} files (x {files/uno_n:.0f})              | {files:5d} | {u*files/1000:8.1f} | {u:14.2f} | {uc:13.2f} | {uc/dc:12.1f}x |")
print(f"peak memory of the collect run (/usr/bin/time -v): {peak/1024:.0f} MB")
print(f"targets: >= 20x faster than UNO -> {'met' if u/d >= 20 else 'NOT met'} (wall {u/d:.0f}x, CPU {uc/dc:.0f}x); "
      f"within 2x of the floor -> {'met' if dc/fc <= 2 else 'NOT met'} (CPU {dc/fc:.2f}x, wall {d/f:.2f}x); "
      f"peak < 256 MB -> {'met' if peak < 256*1024 else 'NOT met'}")
PY
