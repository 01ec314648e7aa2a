#!/usr/bin/env bash
# Report benchmark: a report for 40 units x 200 plan rows, Evakin's direct ODF
# route against LibreOffice building the same document through the Writer UNO
# API, in one run. Usage: bench/report/run.sh [BUILD_DIR] [UNITS] [ROWS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
units=${2:-40}
rows=${3:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$build/bench/report/bench_report" ] || cmake --build "$build" --target bench_report >/dev/null

"$build/bench/report/bench_report" prepare "$work/ws" "$units" "$rows"
read -r dmin dmed dcpu drows dbytes < <("$build/bench/report/bench_report" time "$work/ws" 5)
read -r uno_s uno_rows < <(/usr/bin/python3 "$here/uno_route.py" "$work/ws" "$here/../../templates/laporan-evaluasi.fodt" "$work/uno.odt")

python3 - "$units" "$rows" "$dmin" "$dmed" "$dcpu" "$drows" "$dbytes" "$uno_s" "$uno_rows" <<'PY'
import sys
units, rows, dmin, dmed, dcpu, drows, dbytes, uno, urows = sys.argv[1:]
dmin, dmed, dcpu, uno = float(dmin), float(dmed), float(dcpu), float(uno)
print(f"Susun Draf Laporan: {units} units x {rows} rows = {drows} indicators (same machine, same run)")
print(f"| route                                        | total (s) | vs direct |")
print(f"|----------------------------------------------|-----------|-----------|")
print(f"| Evakin direct ODF, median of 5 (wall)        | {dmed:9.3f} | {1:8.1f}x |")
print(f"| Evakin direct ODF, best of 5 (wall)          | {dmin:9.3f} | {dmin/dmed:8.2f}x |")
print(f"| Evakin direct ODF, best of 5 (CPU)           | {dcpu:9.3f} |           |")
print(f"| Writer over UNO (template, tables, store)    | {uno:9.3f} | {uno/dmed:8.1f}x |")
print(f".odt size (direct): {int(dbytes)/1e6:.2f} MB")
print(f"target: direct < 1 s -> {'met' if dmed < 1 else 'NOT met'} (median wall); "
      f">= 20x faster than UNO -> {'met' if uno/dmed >= 20 else 'NOT met'} ({uno/dmed:.0f}x)")
PY
