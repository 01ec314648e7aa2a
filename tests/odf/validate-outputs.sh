#!/usr/bin/env bash
# Every kind of ODF document Evakin writes must be valid ODF 1.3 (strict):
# make each kind with the CLI, then check it with shared/tools/odf-validate.
# Usage: validate-outputs.sh EVAKIN_BINARY ODF_VALIDATE
set -euo pipefail
evakin=$1
validate=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$evakin" init --sample "$work/tw1" --year 2026 --triwulan 1 >/dev/null
"$evakin" distribute "$work/tw1" >/dev/null
"$evakin" collect "$work/tw1" >/dev/null || [ $? -eq 4 ]   # 4: returns missing, which is a result
"$evakin" init "$work/empty" --year 2026 --triwulan 3 >/dev/null

reg="$work/register.sqlite"
"$evakin" letter "$work/tw1" --kind pengantar --date 2026-04-08 --register "$reg" >/dev/null
"$evakin" letter "$work/tw1" --kind undangan --date 2026-03-30 --meeting-date 2026-04-02 --register "$reg" >/dev/null
"$evakin" register export "$work/tw1" --year 2026 --register "$reg" >/dev/null

rc=0; "$evakin" report "$work/tw1" --date 2026-04-15 >/dev/null || rc=$?
[ "$rc" -eq 4 ] || { echo "evakin report: exit $rc (expected 4: no returns)"; exit 1; }

files=("$work/tw1/rencana-kerja.ods" "$work/empty/rencana-kerja.ods" "$work"/tw1/outbox/*.ods "$work"/tw1/hasil/*.ods "$work"/tw1/hasil/*.odt)
echo "validating ${#files[@]} documents: plan workbooks, forms, recap, evaluation table, letters, buku agenda, report"
"$validate" "${files[@]}"
echo "${#files[@]} passed, 0 failed"
