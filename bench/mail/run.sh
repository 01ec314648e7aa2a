#!/usr/bin/env bash
# Mail benchmark: sending 100 forms and fetching 100 replies against servers on
# loopback (aiosmtpd for SMTP, dovecot for POP3, as in tests/mail), one run for
# all of them side by side with one message at a time (100 separate runs).
# Usage: bench/mail/run.sh [BUILD_DIR] [UNITS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
units=${2:-100}
[ -x "$build/bench/bench_distribute" ] || cmake --build "$build" --target bench_distribute >/dev/null
[ -x "$build/src/cli/evakin" ] || cmake --build "$build" --target evakin >/dev/null
exec /usr/bin/python3 "$here/bench.py" "$build" "$units"
