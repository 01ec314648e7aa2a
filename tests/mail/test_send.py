#!/usr/bin/python3
"""`evakin send` against a real SMTP server (aiosmtpd) on 127.0.0.1.

The server requires AUTH (LOGIN/PLAIN, without TLS on loopback), stores every
message it accepts and rejects one recipient. Asserts: recipients, subjects,
attachments byte-identical to the outbox forms, the record in
hasil/pengiriman.json; a refused login and an unreachable server send and
record nothing; a rejected recipient and a unit without e-mail fail alone; a
second run sends nothing again unless --resend.

Usage: test_send.py EVAKIN
"""
import json
import os
import shutil
import sys
import tempfile

from mailtest import FROM, PASSWORD, REJECTED, USER, Store, check, exit_now, finish, free_port, runner, smtp_server


def main():
    evakin = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="evakin-mail-")
    store = Store()
    port = free_port()
    controller = smtp_server(store, port)
    try:
        ws = os.path.join(tmp, "2026-tw1")
        env = dict(os.environ, EVAKIN_LANG="id", SMTP_PASSWORD=PASSWORD, WRONG_PASSWORD="salah",
                   EVAKIN_SETTINGS=os.path.join(tmp, "pengaturan.json"))   # no office settings: flags only

        run = runner(evakin, env)
        check(run("init", "--sample", ws).returncode == 0, "init --sample")
        check(run("distribute", ws).returncode == 0, "distribute")
        profile = json.load(open(os.path.join(ws, "profil.json"), encoding="utf-8"))
        units = {u["code"]: u for u in profile["units"]}
        record_file = os.path.join(ws, "hasil", "pengiriman.json")
        smtp = "127.0.0.1:%d" % port
        base = ["send", ws, "--smtp", smtp, "--from", FROM, "--user", USER]

        # A refused login: nothing sent, nothing recorded, the server and the user named.
        p = run(*base, "--password-env", "WRONG_PASSWORD", code=1)
        check(p.returncode == 1, "refused login: exit 1")
        check("menolak login" in p.stderr and USER in p.stderr and smtp in p.stderr,
              "refused login: named in Indonesian: " + p.stderr.strip())
        check(not store.messages and not os.path.exists(record_file), "refused login: nothing sent or recorded")

        # Without a login the server (auth_required) refuses the mail itself: every unit fails, none recorded.
        # An unreachable server: a port nobody listens on.
        dead = "127.0.0.1:%d" % free_port()
        p = run("send", ws, "--smtp", dead, "--from", FROM, "--lang", "en", code=1)
        check(p.returncode == 1 and "cannot be reached" in p.stderr and dead in p.stderr,
              "unreachable server: exit 1, named in English: " + p.stderr.strip())
        check(not os.path.exists(record_file), "unreachable server: nothing recorded")

        # The real run: DSI's address is rejected by the server, the other four are sent.
        p = run(*base, "--password-env", "SMTP_PASSWORD", "--json", code=4)
        check(p.returncode == 4, "send: exit 4 (one unit not sent)")
        out = json.loads(p.stdout)
        check(sorted(m["unit"] for m in out["sent"]) == ["PDPM", "PPI", "PPM", "SEKR"] or
              sorted(m["unit"] for m in out["sent"]) == sorted(c for c in units if c != "DSI"),
              "send: every unit but DSI sent: %s" % [m["unit"] for m in out["sent"]])
        check(len(out["problems"]) == 1 and REJECTED in out["problems"][0] and "unit ke-" in out["problems"][0],
              "rejected recipient named with its field: %s" % out["problems"])
        check(len(store.messages) == len(units) - 1, "server received %d messages" % len(store.messages))
        for rcpts, msg in store.messages:
            code = next(c for c, u in units.items() if u["email"] == rcpts[0])
            form = "evaluasi-2026-tw1-%s.ods" % code
            check(rcpts == [units[code]["email"]], code + ": one recipient, the unit's address")
            subject = str(msg["subject"])
            check("Triwulan I Tahun 2026" in subject and units[code]["name"] in subject,
                  code + ": subject names period and unit: " + subject)
            body = msg.get_body(preferencelist=("plain",)).get_content()
            check(units[code]["name"] in body and profile["office"]["name"] in body and "{" not in body,
                  code + ": body filled in")
            atts = list(msg.iter_attachments())
            check(len(atts) == 1 and atts[0].get_filename() == form, code + ": one attachment " + form)
            data = open(os.path.join(ws, "outbox", form), "rb").read()
            check(atts and atts[0].get_content() == data, code + ": attachment byte-identical to the outbox form")
            check(msg["message-id"] in [m["messageId"] for m in out["sent"]], code + ": message id reported")
        record = json.load(open(record_file, encoding="utf-8"))["pengiriman"]
        check(sorted(r["unit"] for r in record) == sorted(m["unit"] for m in out["sent"]),
              "record: the sent units only")
        check(all(r["alamat"] and r["berkas"] and r["idPesan"] and r["waktu"] for r in record), "record: complete")

        # Again: nothing is sent twice; DSI (still rejected) and a unit without e-mail are named.
        profile["units"][3]["email"] = ""
        with open(os.path.join(ws, "profil.json"), "w", encoding="utf-8") as f:
            json.dump(profile, f, ensure_ascii=False, indent=2)
        before = len(store.messages)
        p = run(*base, "--password-env", "SMTP_PASSWORD", "--json", code=4)
        out = json.loads(p.stdout)
        check(p.returncode == 4 and not out["sent"] and len(store.messages) == before,
              "second run: nothing sent again")
        check(len(out["alreadySent"]) == len(record) - 1, "second run: the others already sent, listed")
        check(any("unit ke-4, kolom e-mail" in x and "tidak memiliki alamat" in x for x in out["problems"]),
              "unit without e-mail named: %s" % out["problems"])

        # --resend for one unit sends it again and records it again.
        p = run(*base, "--password-env", "SMTP_PASSWORD", "--units", "SEKR", "--resend", code=0)
        check(p.returncode == 0 and len(store.messages) == before + 1, "--resend --units SEKR: sent again")
        record = json.load(open(record_file, encoding="utf-8"))["pengiriman"]
        check([r["unit"] for r in record].count("SEKR") == 2, "record: SEKR twice")
    finally:
        controller.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    exit_now(main())
