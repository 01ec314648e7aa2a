#!/usr/bin/env bash
# The register tests against a real PostgreSQL server that this script starts
# and stops itself (see pg-server.sh): the unit tests tagged [register] and
# [letter] with EVAKIN_PG_CONN set, then 8 processes x 500 numbers at once and
# writers killed with SIGKILL.
# Usage: pg-test.sh EVAKIN_UNIT_TESTS REGISTER_STRESS     (exit 77 = skipped: no postgresql)
set -euo pipefail
unit=$1
stress=$2
here=$(cd "$(dirname "$0")" && pwd)
set +e
started=$("$here/pg-server.sh" start)
rc=$?
set -e
[ $rc -eq 0 ] || exit $rc
eval "$started"
trap '"$here/pg-server.sh" stop "$PG_DIR"' EXIT
echo "PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DIR)"

EVAKIN_PG_CONN="$PG_CONN" "$unit" "[register],[letter]"
"$stress" run --register "postgresql:$PG_CONN" --procs 8 --count 500 --fresh
"$stress" run --register "postgresql:$PG_CONN" --procs 8 --count 200 --two-phase --fresh
"$stress" kill --register "postgresql:$PG_CONN" --rounds 3 --fresh
echo "PostgreSQL register tests passed"
