#!/usr/bin/env bash
# The main job (README): a whole year of evaluation on the bundled sample
# office. For each triwulan: distribute the forms, let a real headless
# LibreOffice play the units (typing values, saving .ods or .xlsx returns;
# one unit misses triwulan I and reports it late in triwulan II), collect and
# merge, write the draft report (and its PDF) with the numbered cover letter
# to BAPPEDA, then start the next triwulan from the merged one. Triwulan IV
# ends with the annual report and its cover letter.
# Usage: scripts/demo.sh [OUTPUT_DIR]   (default: out/demo, replaced on each run)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"${EVAKIN_JOBS:-2}"

out=${1:-out/demo}
rm -rf "$out"
evakin=build/src/cli/evakin
year=2026
register="$out/register.sqlite"   # the office's letter register (buku agenda surat keluar)
step() { printf '\n== %s ==\n' "$*"; }

step "Ruang kerja contoh / sample workspace: $out/$year-tw1"
"$evakin" init --sample "$out/$year-tw1" --year "$year" --triwulan 1
for tw in 1 2 3 4; do
  ws="$out/$year-tw$tw"
  # Letters are dated in the month after the quarter (January of the next year after triwulan IV), on
  # working days: the 6th and 8th, 15th and 20th of those months are none of hari-libur.json's days off.
  month=$((tw * 3 + 1)); lyear=$year
  [ "$month" -gt 12 ] && { month=1; lyear=$((year + 1)); }
  ym="$lyear-$(printf %02d "$month")"
  step "Triwulan $tw: Undangan Rapat / meeting invitation (numbered)"
  "$evakin" letter "$ws" --kind undangan --date "$ym-06" --meeting-date "$ym-08" --register "$register"
  step "Triwulan $tw: Bagikan Format / distribute"
  "$evakin" distribute "$ws"
  step "Triwulan $tw: units fill in and return their forms (real LibreOffice)"
  skip=()
  [ "$tw" -eq 1 ] && skip=(--skip PDPM)   # reports triwulan I late, in triwulan II
  /usr/bin/python3 scripts/fill_returns.py "$ws" "${skip[@]}"
  step "Triwulan $tw: Rekap Kiriman / collect and merge"
  "$evakin" collect "$ws" || [ $? -eq 4 ]   # 4: some units missing, a result
  step "Triwulan $tw: Susun Draf Laporan / draft report and PDF"
  "$evakin" report "$ws" --pdf --date "$ym-15" || [ $? -eq 4 ]
  step "Triwulan $tw: Surat Pengantar / cover letter to BAPPEDA (numbered)"
  "$evakin" letter "$ws" --kind pengantar --date "$ym-20" --register "$register"
  if [ "$tw" -lt 4 ]; then
    step "Periode Baru / next triwulan"
    "$evakin" init --from "$ws" "$out/$year-tw$((tw + 1))"
  fi
done

step "Register Surat / buku agenda surat keluar"
for y in "$year" $((year + 1)); do
  "$evakin" register list --year "$y" --register "$register"
done
"$evakin" register export "$out/$year-tw4" --year "$year" --register "$register"
step "Hasil / results of triwulan IV (the annual evaluation)"
ls -l "$out/$year-tw4/hasil"
echo
echo "Extension package: $(ls build/evakin.oxt 2>/dev/null || echo 'build/evakin.oxt not built')"
