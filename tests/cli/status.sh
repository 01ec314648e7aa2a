#!/usr/bin/env bash
# `evakin status DIR [--json]` on a workspace driven through the demo's steps at the
# command line: each step's state and the commands' enabled states follow the files,
# the workspace is only read, and a folder that is not a workspace is exit 1.
# Usage: status.sh EVAKIN
set -u
EVAKIN=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export EVAKIN_REGISTER="$TMP/register.sqlite"
export EVAKIN_LANG=id
WS="$TMP/2026-tw1"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# check NAME PYTHON-EXPRESSION: evaluated over s (the status JSON), st(n) (step n's state),
# on(url) (the command's enabled); the JSON comes from `evakin status --json`.
check() {
    local name=$1 expr=$2
    "$EVAKIN" status "$WS" --json >"$TMP/status.json" || { fail "$name: exit $?"; return; }
    /usr/bin/python3 - "$TMP/status.json" "$expr" <<'PY' || fail "$name: $expr"
import json, sys
s = json.load(open(sys.argv[1]))
st = lambda n: s["steps"][n - 1]["state"]
detail = lambda n: s["steps"][n - 1]["detail"]
on = lambda url: next(c["enabled"] for c in s["commands"] if c["command"] == url)
ok = eval("(" + sys.argv[2] + ")")
if not ok:
    print(json.dumps(s, indent=1, ensure_ascii=False)[:3000])
sys.exit(0 if ok else 1)
PY
}

"$EVAKIN" init --sample "$WS" --year 2026 --triwulan 1 >/dev/null || fail "init"
check "fresh" 'len(s["steps"]) == 14 and s["nextStep"] == 2 and st(1) == "manual" and st(2) == "todo"
    and not on("org.evakin:Collect") and on("org.evakin:Distribute") and on("org.evakin:Help")'

"$EVAKIN" distribute "$WS" >/dev/null || fail "distribute"
check "distributed" 'st(2) == "done" and "5 dari 5 format" in detail(2) and on("org.evakin:Collect")
    and not on("org.evakin:Correct") and not on("org.evakin:Letter?Kind=pengantar")'

"$EVAKIN" letter "$WS" --kind undangan --date 2026-04-01 >/dev/null || fail "undangan"
check "invited" 'st(4) == "done" and "nomor " in detail(4)'

# Two units return their forms unchanged: returned, but with problems (nothing filled in),
# which keeps step 6 the next one however far the period got.
ls "$WS/outbox" | head -2 | while read -r f; do cp "$WS/outbox/$f" "$WS/inbox/"; done
"$EVAKIN" collect "$WS" >/dev/null
check "collected" 'st(6) in ("partial", "warning") and "dari 5 unit kembali" in detail(6)
    and "belum:" in detail(6) and on("org.evakin:Correct") and on("org.evakin:NextPeriod")'

"$EVAKIN" report "$WS" --date 2026-04-20 >/dev/null
check "report" 'st(8) == "done" and on("org.evakin:Letter?Kind=pengantar")'

"$EVAKIN" letter "$WS" --kind pengantar --date 2026-04-22 >/dev/null || fail "pengantar"
before=$(cd "$WS" && find . -type f -exec sha256sum {} + | sort)
check "cover letter" 'st(12) == "done" and st(14) == "partial"
    and s["nextStep"] == 6'
after=$(cd "$WS" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || fail "status changed the workspace"

# The text form, in English.
"$EVAKIN" status "$WS" --lang en >"$TMP/out" || fail "text: exit $?"
grep -q "^12. \[done\] Write the cover letter" "$TMP/out" || { fail "text lacks step 12 done"; cat "$TMP/out"; }

# Not a workspace: exit 1 with the reason.
"$EVAKIN" status "$TMP" >"$TMP/out" 2>"$TMP/err"
[ $? = 1 ] || fail "not a workspace: exit not 1"
grep -q "periode.json" "$TMP/err" || fail "not a workspace: message lacks periode.json"

[ "$failures" = 0 ] && echo "status: all checks passed"
exit "$failures"
