#!/usr/bin/python3
"""`evakin remind` against a real SMTP server (aiosmtpd) on 127.0.0.1.

A workspace whose inbox holds one valid return (PPI, a real form filled in),
one unfilled form (SEKR: invalid) and nothing from the others. Asserts: only
the units without a valid return are reminded; SEKR's message names the error
collect found in its return, the missing units get their form again
(byte-identical); the wording before and after the deadline; the record in
hasil/pengiriman.json (kind "pengingat") beside an old record without kinds,
which send still reads; no second reminder the same day without --again (and
a question on a terminal); a rejected address fails only its unit.

Usage: test_remind.py EVAKIN
"""
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile

from forms import fill_form
from mailtest import FROM, PASSWORD, REJECTED, USER, Store, check, exit_now, finish, free_port, runner, smtp_server


def set_deadline(ws, iso):
    path = os.path.join(ws, "periode.json")
    period = json.load(open(path, encoding="utf-8"))
    period["deadline"] = iso
    with open(path, "w", encoding="utf-8") as f:
        json.dump(period, f, indent=2)


def main():
    evakin = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="evakin-remind-")
    store = Store()
    port = free_port()
    controller = smtp_server(store, port)
    try:
        ws = os.path.join(tmp, "2026-tw1")
        settings_file = os.path.join(tmp, "pengaturan.json")
        env = dict(os.environ, EVAKIN_LANG="id", SMTP_PASSWORD=PASSWORD, EVAKIN_SETTINGS=settings_file)
        run = runner(evakin, env)
        check(run("init", "--sample", ws).returncode == 0, "init --sample")
        check(run("distribute", ws).returncode == 0, "distribute")
        profile = json.load(open(os.path.join(ws, "profil.json"), encoding="utf-8"))
        units = {u["code"]: u for u in profile["units"]}
        outbox = lambda code: os.path.join(ws, "outbox", "evaluasi-2026-tw1-%s.ods" % code)
        fill_form(outbox("PPI"), os.path.join(ws, "inbox", "balasan PPI.ods"), 1000000)
        shutil.copy(outbox("SEKR"), os.path.join(ws, "inbox", "sekretariat.ods"))
        # A record written before reminders existed: entries without "jenis".
        record_file = os.path.join(ws, "hasil", "pengiriman.json")
        os.makedirs(os.path.dirname(record_file), exist_ok=True)
        old = {"pengiriman": [{"unit": "PPM", "alamat": units["PPM"]["email"], "berkas": "evaluasi-2026-tw1-PPM.ods",
                               "idPesan": "<old@x>", "waktu": "2026-03-30T09:00:00"}]}
        with open(record_file, "w", encoding="utf-8") as f:
            json.dump(old, f)
        set_deadline(ws, "2099-12-31")
        base = ["remind", ws, "--smtp", "127.0.0.1:%d" % port, "--from", FROM, "--user", USER,
                "--password-env", "SMTP_PASSWORD"]

        p = run(*base, "--json", code=4)
        out = json.loads(p.stdout)
        reminded = {m["unit"]: m for m in out["reminded"]}
        check(p.returncode == 4, "remind: exit 4 (DSI's address rejected)")
        check(sorted(reminded) == ["PDPM", "PPM", "SEKR"], "reminded: SEKR, PDPM, PPM: %s" % sorted(reminded))
        check("PPI" in out["upToDate"] and "PPI" not in reminded, "PPI's valid return: no reminder")
        check(reminded.get("SEKR", {}).get("reason") == "invalid" and reminded.get("PDPM", {}).get("reason") == "missing",
              "reasons: SEKR invalid, PDPM missing")
        check(len(out["problems"]) == 1 and REJECTED in out["problems"][0], "DSI named: %s" % out["problems"])
        check(not out["afterDeadline"], "before the deadline")
        by_unit = {next(c for c, u in units.items() if u["email"] == r[0]): m for r, m in store.messages}
        check(sorted(by_unit) == ["PDPM", "PPM", "SEKR"], "server received SEKR, PDPM, PPM")
        for code, msg in by_unit.items():
            subject = str(msg["subject"])
            body = msg.get_body(preferencelist=("plain",)).get_content()
            check(subject.startswith("Pengingat") and units[code]["name"] in subject, code + ": subject " + subject)
            check("ditunggu paling lambat 31 Desember 2099" in body and "telah lewat" not in body and "{" not in body,
                  code + ": wording before the deadline")
            atts = list(msg.iter_attachments())
            if code == "SEKR":
                check("sekretariat.ods" in body and "Format belum diisi" in body and "lembar Evaluasi" in body,
                      "SEKR: the error of its return named: " + body)
                check(not atts, "SEKR: no attachment (it has its form)")
            else:
                check("belum menerima" in body, code + ": told no return came")
                check(len(atts) == 1 and atts[0].get_content() == open(outbox(code), "rb").read(),
                      code + ": its form attached again, byte-identical")
        record = json.load(open(record_file, encoding="utf-8"))["pengiriman"]
        check(record[0]["unit"] == "PPM" and record[0]["idPesan"] == "<old@x>", "old record kept")
        reminders = [r for r in record if r.get("jenis") == "pengingat"]
        check(sorted(r["unit"] for r in reminders) == ["PDPM", "PPM", "SEKR"], "record: three reminders")

        # The same day again: nothing sent, the units listed.
        before = len(store.messages)
        p = run(*base, "--json", code=4)
        out = json.loads(p.stdout)
        check(not out["reminded"] and len(out["remindedToday"]) == 3 and len(store.messages) == before,
              "second run the same day: nothing sent, three listed")
        # On a terminal it asks; "n" sends nothing.
        master, slave = pty.openpty()
        proc = subprocess.Popen([evakin, *base], stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=env)
        os.write(master, b"n\n")
        stdout, stderr = proc.communicate(timeout=30)
        os.close(master)
        os.close(slave)
        check("Ingatkan lagi sekarang?" in stderr and len(store.messages) == before,
              "terminal: asked, 'n' sends nothing: " + stderr.strip())

        # --again after the deadline: the other wording, recorded again.
        set_deadline(ws, "2026-01-02")
        p = run(*base, "--again", "--units", "PDPM", "--json", code=0)
        out = json.loads(p.stdout)
        check(p.returncode == 0 and [m["unit"] for m in out["reminded"]] == ["PDPM"] and out["afterDeadline"],
              "--again --units PDPM after the deadline: reminded")
        body = store.messages[-1][1].get_body(preferencelist=("plain",)).get_content()
        check("telah lewat" in body and "2 Januari 2026" in body, "wording after the deadline")
        record = json.load(open(record_file, encoding="utf-8"))["pengiriman"]
        check([r["unit"] for r in record if r.get("jenis") == "pengingat"].count("PDPM") == 2, "record: PDPM twice")

        # The server, user and sender from the office settings ("surel") when no flag gives them.
        with open(settings_file, "w", encoding="utf-8") as f:
            json.dump({"format": 1, "surel": {"server": "127.0.0.1", "port": port, "keamanan": "none",
                                              "pengguna": USER, "alamat_pengirim": FROM}}, f)
        before = len(store.messages)
        p = run("remind", ws, "--password-env", "SMTP_PASSWORD", "--units", "PPM", "--again", "--json", code=0)
        check(p.returncode == 0 and len(store.messages) == before + 1, "remind with the server from pengaturan.json")
        os.remove(settings_file)
        # send still reads the old entry as a form sent, and the reminders as no form sent.
        p = run("send", ws, "--smtp", "127.0.0.1:%d" % port, "--from", FROM, "--user", USER,
                "--password-env", "SMTP_PASSWORD", "--units", "PPM,SEKR", "--json", code=0)
        out = json.loads(p.stdout)
        check([m["unit"] for m in out.get("alreadySent", [])] == ["PPM"] and
              [m["unit"] for m in out.get("sent", [])] == ["SEKR"], "send: PPM already sent (old record), SEKR sent")
    finally:
        controller.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    exit_now(main())
