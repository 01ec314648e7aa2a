#!/usr/bin/env bash
# The main job (README): a full evaluation cycle on the bundled sample office,
# as far as Evakin is built today: create the sample workspace, distribute the
# data-collection forms, and show what was written.
# Usage: scripts/demo.sh [OUTPUT_DIR]   (default: out/demo, replaced on each run)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"${EVAKIN_JOBS:-2}"

out=${1:-out/demo}
rm -rf "$out"
evakin=build/src/cli/evakin
echo "== 1. Ruang kerja contoh / sample workspace =="
"$evakin" init --sample "$out/2026-tw1" --year 2026 --triwulan 1
echo "== 2. Bagikan Format / distribute the forms =="
"$evakin" distribute "$out/2026-tw1"
echo
echo "Extension package: $(ls build/evakin.oxt 2>/dev/null || echo 'build/evakin.oxt not built')"
