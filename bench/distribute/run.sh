#!/usr/bin/env bash
# Distribute benchmark: 100 units x 50 plan rows, Evakin's direct ODF route
# against LibreOffice building the same workbooks over UNO, in one run.
# Usage: bench/distribute/run.sh [BUILD_DIR] [UNITS] [ROWS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
units=${2:-100}
rows=${3:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$build/bench/bench_distribute" ] || cmake --build "$build" --target bench_distribute >/dev/null

"$build/bench/bench_distribute" prepare "$work/ws" "$units" "$rows"
read -r direct_min direct_median forms < <("$build/bench/bench_distribute" time "$work/ws" 5)
# LibreOffice works on a copy: a lock file it leaves must never land in templates/.
cp "$here/../../templates/format-pengumpulan.fods" "$work/template.fods"
read -r uno_s uno_forms < <(/usr/bin/python3 "$here/uno_route.py" "$work/ws" "$work/template.fods" "$work/uno")

python3 - "$units" "$rows" "$direct_min" "$direct_median" "$forms" "$uno_s" "$uno_forms" <<'PY'
import sys
units, rows, dmin, dmed, forms, uno, uforms = sys.argv[1:]
dmin, dmed, uno = float(dmin), float(dmed), float(uno)
print(f"Bagikan Format: {units} units x {rows} rows (same machine, same run)")
print(f"| route                                     | forms | total (s) | per form (ms) | vs direct |")
print(f"|-------------------------------------------|-------|-----------|---------------|-----------|")
print(f"| Evakin direct ODF (median of 5)           | {forms:>5} | {dmed:9.3f} | {dmed/int(forms)*1000:13.2f} | {1:9.1f}x |")
print(f"| Evakin direct ODF (best of 5)             | {forms:>5} | {dmin:9.3f} | {dmin/int(forms)*1000:13.2f} | {dmin/dmed:9.2f}x |")
print(f"| LibreOffice over UNO (template,fill,store) | {uforms:>5} | {uno:9.3f} | {uno/int(uforms)*1000:13.2f} | {uno/dmed:9.1f}x |")
print(f"target: direct < 0.5 s for 100 units -> {'met' if dmed < 0.5 else 'NOT met'}; "
      f">= 20x faster than UNO -> {'met' if uno/dmed >= 20 else 'NOT met'} ({uno/dmed:.0f}x)")
PY
