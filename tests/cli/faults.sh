#!/usr/bin/env bash
# Bad input and faults at the `evakin` command line (issue 14): each case is
# refused or named, in the user's language, with nothing written and no number
# taken. Usage: faults.sh EVAKIN [ODF_VALIDATE]
set -u
EVAKIN=$1
VALIDATE=${2:-}
TMP=$(mktemp -d)
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
export EVAKIN_REGISTER="$TMP/register.sqlite"
export EVAKIN_LANG=id
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect CODE NAME -- command...: runs it, stdout/stderr into $TMP/out, $TMP/err.
expect() {
    local code=$1 name=$2
    shift 3
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    if [ "$got" != "$code" ]; then
        fail "$name: exit $got, expected $code"
        sed 's/^/    /' "$TMP/err" | head -5
    fi
}
# The message names what to fix: stderr holds TEXT.
says() {
    grep -qF -- "$2" "$TMP/err" || { fail "$1: stderr lacks '$2'"; sed 's/^/    /' "$TMP/err" | head -5; }
}
# No library English reaches the user.
no_library_text() {
    if grep -qiE 'exception|filesystem error|syntax error|bad cast|std::' "$TMP/err" "$TMP/out"; then
        fail "$1: library text in the message"
        sed 's/^/    /' "$TMP/err" | head -5
    fi
}

WS="$TMP/ws"
expect 0 "init sample" -- "$EVAKIN" init --sample "$WS"

# 1. Numbers that cannot be read exactly: refused at the field, nothing recorded.
expect 1 "correct --k 400 digits" -- "$EVAKIN" correct "$WS" --unit DSI --row X --triwulan 1 \
    --k "$(printf '1%.0s' $(seq 400))" --reason "salah ketik"
says "correct --k 400 digits" "--k"
says "correct --k 400 digits" "tidak dapat dibaca dengan tepat"
no_library_text "correct --k 400 digits"
[ -e "$WS/koreksi.json" ] && fail "correct --k 400 digits: koreksi.json written"
expect 1 "correct --k 85 5" -- "$EVAKIN" correct "$WS" --unit DSI --row X --triwulan 1 --k "85 5" --reason x
says "correct --k 85 5" "spasi"

# 2. A missing or unreadable inbox/ is refused, the earlier results kept.
expect 4 "collect empty inbox" -- "$EVAKIN" collect "$WS"
cp "$WS/hasil/rekap-pengumpulan.ods" "$TMP/rekap-before.ods"
mv "$WS/inbox" "$WS/inbox-moved"
expect 1 "collect without inbox" -- "$EVAKIN" collect "$WS"
says "collect without inbox" "inbox/"
no_library_text "collect without inbox"
cmp -s "$WS/hasil/rekap-pengumpulan.ods" "$TMP/rekap-before.ods" || fail "collect without inbox: results replaced"
mv "$WS/inbox-moved" "$WS/inbox"
if [ "$(id -u)" != 0 ]; then
    chmod 000 "$WS/inbox"
    expect 1 "collect unreadable inbox" -- "$EVAKIN" collect "$WS"
    says "collect unreadable inbox" "tidak dapat dibaca"
    chmod 755 "$WS/inbox"
    cmp -s "$WS/hasil/rekap-pengumpulan.ods" "$TMP/rekap-before.ods" || fail "unreadable inbox: results replaced"
fi

# 3. Broken documents: a pasted vertical tab or ESC makes a valid letter, and the register lists no raw ESC.
expect 0 "letter with control characters" -- "$EVAKIN" letter "$WS" --kind pengantar \
    --subject "$(printf 'Laporan\vEvaluasi \033[31mmerah\033[0m')"
LETTER=$(ls "$WS"/hasil/surat-pengantar_*.odt 2>/dev/null | head -1)
[ -n "$LETTER" ] || fail "letter with control characters: no letter written"
if [ -n "$LETTER" ] && [ -n "$VALIDATE" ] && [ -x "$VALIDATE" ]; then
    if ! "$VALIDATE" "$LETTER" >"$TMP/validate" 2>&1; then
        fail "letter with control characters: not valid ODF"
        head -5 "$TMP/validate"
    fi
fi
expect 0 "register list" -- "$EVAKIN" register list
if LC_ALL=C grep -q "$(printf '\033')" "$TMP/out"; then fail "register list: raw ESC printed"; fi
if LC_ALL=C grep -q "$(printf '\v')" "$TMP/out"; then fail "register list: raw vertical tab printed"; fi

# 4. Half-written: init with an impossible year leaves no folder, and the retry works.
expect 1 "init --year 0" -- "$EVAKIN" init --sample "$TMP/nol" --year 0
[ -e "$TMP/nol" ] && fail "init --year 0: a folder was left"
ls -A "$TMP" | grep -q evakin-baru && fail "init --year 0: a staging folder was left"
expect 0 "init retry" -- "$EVAKIN" init --sample "$TMP/nol" --year 2026

# A full disk during distribute (a file size limit of 4 KB: every form is larger) leaves no form; the retry needs
# no --overwrite.
WS2="$TMP/ws2"
expect 0 "init ws2" -- "$EVAKIN" init --sample "$WS2"
( trap '' XFSZ; ulimit -f "${FORM_LIMIT_KB:-4}"; exec "$EVAKIN" distribute "$WS2" ) >"$TMP/out" 2>"$TMP/err"
code=$?
[ "$code" = 1 ] || fail "distribute on a full disk: exit $code, expected 1"
no_library_text "distribute on a full disk"
forms=$(ls "$WS2/outbox" | wc -l)
[ "$forms" = 0 ] || fail "distribute on a full disk: $forms form(s) left in outbox/"
ls -A "$WS2/outbox" | grep -q . && fail "distribute on a full disk: something left in outbox/: $(ls -A "$WS2/outbox")"
expect 0 "distribute retry without --overwrite" -- "$EVAKIN" distribute "$WS2"
# A form that cannot be moved into outbox/ (a folder of its name is in the way): the forms moved before it are
# taken out again and the ones they replaced put back.
THIRD=$(ls "$WS2/outbox" | sed -n 3p)
rm "$WS2/outbox/$THIRD" && mkdir "$WS2/outbox/$THIRD"
echo "format lama" >"$WS2/outbox/$(ls "$WS2/outbox" | sed -n 1p)"
before=$(cd "$WS2/outbox" && find . -type f -exec sha256sum {} + | sort; ls -A)
expect 1 "distribute with a folder in the way" -- "$EVAKIN" distribute "$WS2" --overwrite
says "distribute with a folder in the way" "$THIRD"
says "distribute with a folder in the way" "tetap seperti semula"
no_library_text "distribute with a folder in the way"
after=$(cd "$WS2/outbox" && find . -type f -exec sha256sum {} + | sort; ls -A)
[ "$before" = "$after" ] || fail "distribute with a folder in the way: outbox/ changed"
rmdir "$WS2/outbox/$THIRD"

# A new period (init --from) that fails half-way leaves no folder, and the retry works: a full disk, a file where a
# folder must go, a read-only parent folder.
( trap '' XFSZ; ulimit -f 4; exec "$EVAKIN" init --from "$WS" "$TMP/next/tw2" ) >"$TMP/out" 2>"$TMP/err"
code=$?
[ "$code" = 1 ] || fail "init --from on a full disk: exit $code, expected 1"
no_library_text "init --from on a full disk"
grep -q 'evakin-' "$TMP/err" && fail "init --from on a full disk: the message names the hidden staging folder"
[ -e "$TMP/next" ] && fail "init --from on a full disk: left $(ls -A "$TMP/next")"
echo x >"$TMP/berkas"
expect 1 "init --from under a file" -- "$EVAKIN" init --from "$WS" "$TMP/berkas/tw2"
says "init --from under a file" "berkas"
no_library_text "init --from under a file"
if [ "$(id -u)" != 0 ]; then
    mkdir "$TMP/readonly" && chmod 555 "$TMP/readonly"
    expect 1 "init --from in a read-only folder" -- "$EVAKIN" init --from "$WS" "$TMP/readonly/tw2"
    says "init --from in a read-only folder" "izin"
    [ -z "$(ls -A "$TMP/readonly")" ] || fail "init --from in a read-only folder: left $(ls -A "$TMP/readonly")"
    chmod 755 "$TMP/readonly"
fi
expect 0 "init --from retry" -- "$EVAKIN" init --from "$WS" "$TMP/next/tw2"
[ -f "$TMP/next/tw2/periode.json" ] || fail "init --from retry: no workspace"
ls -A "$TMP/next" | grep -q evakin- && fail "init --from retry: a staging folder was left"

# 5. Impossible values refused with a named message.
cp "$WS/periode.json" "$TMP/periode.json"
sed -i 's/"deadline" *: *"[^"]*"/"deadline": "2026-02-30"/' "$WS/periode.json"
expect 1 "deadline 2026-02-30" -- "$EVAKIN" distribute "$WS" --overwrite
says "deadline 2026-02-30" "periode.json"
says "deadline 2026-02-30" "2026-02-30"
sed -i 's/"year" *: *2026/"year": 2026.7/' "$TMP/periode.json" && cp "$TMP/periode.json" "$WS/periode.json"
sed -i 's/"deadline" *: *"[^"]*"/"deadline": "2026-04-10"/' "$WS/periode.json"
expect 1 "year 2026.7 in periode.json" -- "$EVAKIN" distribute "$WS" --overwrite
says "year 2026.7 in periode.json" "year"
sed -i 's/"year" *: *2026.7/"year": 2026/' "$WS/periode.json"
# Numbers in the state files: true, text or 400 digits where a number must be are named in staff words.
cp "$WS/periode.json" "$TMP/periode-good.json"
sed -i 's/"year" *: *2026/"year": true/' "$WS/periode.json"
expect 1 "year true in periode.json" -- "$EVAKIN" distribute "$WS" --overwrite
says "year true in periode.json" "periode.json, tahun"
says "year true in periode.json" "bilangan bulat 2000 sampai 2100"
cp "$TMP/periode-good.json" "$WS/periode.json"
sed -i "s/\"year\" *: *2026/\"year\": $(printf '1%.0s' $(seq 400))/" "$WS/periode.json"
expect 1 "year of 400 digits in periode.json" -- "$EVAKIN" distribute "$WS" --overwrite
says "year of 400 digits in periode.json" "terlalu panjang"
no_library_text "year of 400 digits in periode.json"
grep -q "Not a valid" "$TMP/err" && fail "year of 400 digits in periode.json: Poco's words in the message"
cp "$TMP/periode-good.json" "$WS/periode.json"
expect 2 "init --year 2026.7" -- "$EVAKIN" init "$TMP/pecahan" --year 2026.7
says "init --year 2026.7" "harus bilangan bulat"
[ -e "$TMP/pecahan" ] && fail "init --year 2026.7: a folder was left"

before=$("$EVAKIN" register list --json | grep -o '"number"' | wc -l)
expect 1 "letter dated 1999" -- "$EVAKIN" letter "$WS" --kind pengantar --date 1999-06-01
says "letter dated 1999" "1999-06-01"
expect 1 "letter dated 9999" -- "$EVAKIN" letter "$WS" --kind pengantar --date 9999-06-01
after=$("$EVAKIN" register list --json | grep -o '"number"' | wc -l)
[ "$before" = "$after" ] || fail "letters with impossible dates took a number ($before -> $after)"

SETTINGS="$(dirname "$EVAKIN_REGISTER")/register.json"
echo '{"format": 99}' >"$SETTINGS"
expect 1 "register.json format 99" -- "$EVAKIN" register list
says "register.json format 99" "register.json"
echo '{"format": 1, "pola_nmor": "{urut}"}' >"$SETTINGS"
expect 1 "register.json unknown key" -- "$EVAKIN" register list
says "register.json unknown key" "pola_nmor"
rm -f "$SETTINGS"

# Profile fields in staff words, not as JSON keys ("isian office.name", "units[1].code").
cp "$WS/profil.json" "$TMP/profil-good.json"
python3 - "$WS/profil.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
p["office"]["name"] = ""
p["units"][1]["code"] = "kode spasi"
json.dump(p, open(sys.argv[1], "w", encoding="utf-8"))
PY
expect 1 "profile fields in staff words" -- "$EVAKIN" distribute "$WS" --overwrite
says "profile fields in staff words" "profil.json, nama kantor: Nama kantor wajib diisi."
says "profile fields in staff words" "profil.json, unit ke-2, kolom kode:"
grep -q "isian \|units\[" "$TMP/err" && fail "profile fields in staff words: a JSON key in the message"
expect 1 "profile fields in English" -- "$EVAKIN" --lang en distribute "$WS" --overwrite
says "profile fields in English" "profil.json, unit 2, field code:"
cp "$TMP/profil-good.json" "$WS/profil.json"

# 7. Library text never reaches staff; usage errors in the user's language.
expect 2 "unknown command" -- "$EVAKIN" bagikan "$WS"
says "unknown command" "perintah tidak dikenal"
expect 2 "unknown command in English" -- "$EVAKIN" --lang en bagikan "$WS"
says "unknown command in English" "unknown command"
echo "this is not a database, just text that is long enough to be read as a header" >"$TMP/rusak.sqlite"
expect 1 "corrupt register" -- "$EVAKIN" register list --register "$TMP/rusak.sqlite"
says "corrupt register" "rusak"
no_library_text "corrupt register"
grep -qi "not a database\|file is encrypted" "$TMP/err" && fail "corrupt register: SQLite's English in the message"
EVAKIN_VERBOSE=1 "$EVAKIN" register list --register "$TMP/rusak.sqlite" >/dev/null 2>"$TMP/err"
grep -qi "database" "$TMP/err" || fail "corrupt register: --verbose does not show the technical detail"

if [ "$failures" != 0 ]; then
    echo "faults: $failures failure(s)"
    exit 1
fi
echo "faults: every bad input refused or named"
