#!/usr/bin/env bash
# Register benchmark: numbers per second for 1 and 8 concurrent writer
# processes on SQLite and on a PostgreSQL server started here (see
# tests/register/pg-server.sh; skipped when postgresql is not installed).
# Usage: bench/register/run.sh [BUILD_DIR] [NUMBERS_PER_RUN]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
count=${2:-2000}
[ -x "$build/bench/register/bench_register" ] || cmake --build "$build" --target bench_register -j2 >/dev/null
work=$(mktemp -d)
pg_args=()
set +e
started=$("$here/../../tests/register/pg-server.sh" start)
rc=$?
set -e
if [ $rc -eq 0 ]; then
  eval "$started"
  trap '"$here/../../tests/register/pg-server.sh" stop "$PG_DIR"; rm -rf "$work"' EXIT
  pg_args=(--pg "$PG_CONN")
else
  trap 'rm -rf "$work"' EXIT
  echo "(PostgreSQL not available: SQLite only)"
fi
"$build/bench/register/bench_register" --count "$count" --dir "$work" "${pg_args[@]}"
