#!/usr/bin/env bash
# Collect benchmark: 1,000 returned workbooks x 200 rows (10 offices x 100
# units), Evakin's collect+merge against (a) LibreOffice loading each file over
# UNO and reading its cells (a subset, extrapolated per file) and (b) the floor,
# only inflating and parsing each content.xml (of the returns; and, as (b+),
# also of each office's plan, which collect reads as well), in one run on one
# machine. Wall and CPU time are both shown: Evakin reads on several threads.
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
# Warm the page cache for every route alike, then time; each direct route runs
# twice, interleaved, and its best run counts.
cat "$work"/root/office-*/inbox/* "$work"/root/office-*/rencana-kerja.ods >/dev/null
best() {  # best() NAME CMD...: runs CMD twice, keeps the line with the lower first field (wall seconds)
    local name=$1; shift
    local a b; a=$("$@"); b=$("$@")
    if awk -v x="${a%% *}" -v y="${b%% *}" 'BEGIN { exit !(x <= y) }'; then echo "$a"; else echo "$b"; fi >"$work/$name"
}
best floor "$bench" floor "$work/root"
best floor_plans "$bench" floor-with-plans "$work/root"
best direct "$bench" collect "$work/root"
best direct1 "$bench" collect "$work/root" 1
peak_kb=$( { /usr/bin/time -v "$bench" collect "$work/root" >/dev/null; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}')
/usr/bin/python3 "$here/uno_read.py" "$work/root" "$uno_files" >"$work/uno"

python3 - "$work" "$rows" "$peak_kb" "$(nproc)" <<'PY'
import sys
work, rows, peak, cores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def fields(name): return open(f"{work}/{name}").read().split()
floor, floor_plans, direct, direct1, uno = (fields(n) for n in ("floor", "floor_plans", "direct", "direct1", "uno"))
files, valid = int(direct[1]), int(direct[3])
routes = [  # name, files timed, wall s, cpu s
    (f"Evakin collect + merge + 3 outputs ({cores} cores)", files, float(direct[0]), float(direct[4])),
    ("Evakin collect + merge + 3 outputs, one thread", files, float(direct1[0]), float(direct1[4])),
    ("(b) floor: inflate + parse each return's content.xml", int(floor[1]), float(floor[0]), float(floor[3])),
    ("(b+) floor with each office's plan content.xml too", int(floor_plans[1]), float(floor_plans[0]), float(floor_plans[3])),
    (f"(a) LibreOffice over UNO: load, read cells, close", int(uno[1]), float(uno[0]), float(uno[2])),
]
print(f"Rekap Kiriman: {files} returned workbooks x {rows} rows ({valid} valid), one machine, one run; best of 2 for the direct routes")
print("| route | files timed | wall (s) | wall per return (ms) | CPU per return (ms) |")
print("|---|---|---|---|---|")
per = []   # (wall ms, CPU ms) per return, in the order of `routes`
for name, n, wall, cpu in routes:
    per.append((wall / n * 1000, cpu / n * 1000))
    print(f"| {name} | {n} | {wall:.2f} | {wall / n * 1000:.2f} | {cpu / n * 1000:.2f} |")
(ev_wall, _), (_, one_cpu), (fl_wall, fl_cpu), (fp_wall, fp_cpu), (lo_wall, lo_cpu) = per
print(f"(a) reads {routes[4][1]} files; its per-return times stand for all {files}.")
print(f"peak memory of the collect run (/usr/bin/time -v): {peak / 1024:.0f} MB")
print()
print("| comparison | wall | CPU |")
print("|---|---|---|")
print(f"| (a) LibreOffice / Evakin | {lo_wall / ev_wall:.1f}x | {lo_cpu / one_cpu:.1f}x |")
print(f"| Evakin / (b) floor, returns only | {ev_wall / fl_wall:.2f}x | {one_cpu / fl_cpu:.2f}x |")
print(f"| Evakin / (b+) floor with the plans | {ev_wall / fp_wall:.2f}x | {one_cpu / fp_cpu:.2f}x |")
print("(CPU: Evakin on one thread against single-threaded floors; wall: Evakin as it runs.)")
print()
print(f"targets: >= 20x faster than (a): {'met' if lo_wall / ev_wall >= 20 else 'NOT met'} ({lo_wall / ev_wall:.1f}x wall); "
      f"within 2x of (b): returns only {'met' if one_cpu / fl_cpu <= 2 else 'NOT met'} ({one_cpu / fl_cpu:.2f}x CPU), "
      f"with the plans {'met' if one_cpu / fp_cpu <= 2 else 'NOT met'} ({one_cpu / fp_cpu:.2f}x CPU); "
      f"peak < 256 MB: {'met' if peak < 256 * 1024 else 'NOT met'}")
PY
