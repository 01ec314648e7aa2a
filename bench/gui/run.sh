#!/usr/bin/env bash
# GUI benchmark: the time from a click on each "Evaluasi Kinerja" toolbar button
# to its first window on screen (its dialog, message or result document), in a
# visible LibreOffice under Xvfb on the sample office; median of RUNS presses.
# Usage: bench/gui/run.sh [BUILD_DIR] [RUNS] [PLUGIN:LANG]
# A benchmark, not a test: it prints a table and fails only when the office does.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
runs=${2:-3}
which=${3:-gtk3:id}
[ -f "$build/evakin.oxt" ] || cmake --build "$build" --target evakin evakin_oxt >/dev/null
# More presses than the test makes: the office may live longer than the test's 250 s.
EVAKIN_GUI_OFFICE_SECONDS=${EVAKIN_GUI_OFFICE_SECONDS:-900} exec /usr/bin/python3 "$here/../../tests/gui/test_gui.py" --oxt "$build/evakin.oxt" --cli "$build/src/cli/evakin" \
  --runs "$which" --bench "$runs"
