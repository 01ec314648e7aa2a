#!/usr/bin/python3
"""`evakin fetch` against a real POP3 server (dovecot, pop3_server.py) on 127.0.0.1.

The mailbox holds replies with real forms from distribute, filled in: SEKR's as
.ods, PPI's as .xlsx (converted by LibreOffice), PPM's inside a forwarded
message in a nested multipart, quoted-printable, named by RFC 2231; PDPM's named
by an RFC 2047 word; a name that clashes with a file already in inbox/; a path
in a file name; a message without attachment, one with only a PDF, one whose
MIME is broken. Asserts what lands in inbox/ (byte-identical), that collect then
accepts the returns and its recap shows each sender; that a second fetch saves
nothing new, over plain POP3, STLS and SSL (the test's own certificate); that
--delete removes; a refused login and an unreachable server; a mailbox of 1,000
messages.

Usage: test_fetch.py EVAKIN
"""
import email.policy
import email.utils
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from email.message import EmailMessage

from forms import fill_form
from mailtest import check, finish, runner
from pop3_server import Dovecot, free_port

USER, PASSWORD = "perencanaan", "rahasia-pop3"


def reply(sender, subject, attachments=(), cte="base64"):
    """attachments: (file name, bytes); the names are set as Python's email does (RFC 2231 when not ASCII)."""
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = sender
    m["To"] = "perencanaan@dpmptsp.example.go.id"
    m["Subject"] = subject
    m["Date"] = email.utils.formatdate(localtime=True)
    m["Message-ID"] = email.utils.make_msgid()
    m.set_content("Terlampir format yang sudah diisi.\n")
    for name, data in attachments:
        m.add_attachment(data, maintype="application", subtype="octet-stream", filename=name, cte=cte)
    return m


def main():
    evakin = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="evakin-fetch-")
    os.chmod(tmp, 0o755)
    server = Dovecot(os.path.join(tmp, "pop3"), {USER: PASSWORD, "arsip": PASSWORD})
    os.makedirs(server.root)
    try:
        ws = os.path.join(tmp, "2026-tw1")
        settings_file = os.path.join(tmp, "pengaturan.json")   # the office settings: none until written below
        env = dict(os.environ, EVAKIN_LANG="id", POP3_PASSWORD=PASSWORD, WRONG="salah", EVAKIN_SETTINGS=settings_file)
        run = runner(evakin, env)
        check(run("init", "--sample", ws).returncode == 0, "init --sample")
        check(run("distribute", ws).returncode == 0, "distribute")
        profile = json.load(open(os.path.join(ws, "profil.json"), encoding="utf-8"))
        email_of = {u["code"]: u["email"] for u in profile["units"]}
        outbox = lambda code: os.path.join(ws, "outbox", "evaluasi-2026-tw1-%s.ods" % code)
        forms = os.path.join(tmp, "forms")
        os.makedirs(forms)
        filled = {}
        for code in ("SEKR", "PPI", "PPM", "PDPM", "DSI"):
            path = os.path.join(forms, code + ".ods")
            fill_form(outbox(code), path, 1000000)
            filled[code] = open(path, "rb").read()
        lo = subprocess.run(["soffice", "-env:UserInstallation=file://%s/lo" % tmp, "--headless", "--convert-to",
                             "xlsx", "--outdir", forms, os.path.join(forms, "PPI.ods")], capture_output=True)
        ppi_xlsx = open(os.path.join(forms, "PPI.xlsx"), "rb").read()
        check(lo.returncode == 0 and zipfile.is_zipfile(os.path.join(forms, "PPI.xlsx")), "PPI's return as .xlsx")

        server.start()
        deliver = lambda m: server.deliver(USER, m if isinstance(m, bytes) else m.as_bytes())
        # 1. SEKR: a plain reply, base64 .ods.
        deliver(reply("Sekretariat <%s>" % email_of["SEKR"], "Re: Format", [("evaluasi-2026-tw1-SEKR.ods",
                                                                             filled["SEKR"])]))
        # 2. PPI: .xlsx, and a name already in inbox/ (a file staff put there by hand).
        with open(os.path.join(ws, "inbox", "balasan.xlsx"), "wb") as f:
            f.write(b"staff's own file")
        deliver(reply(email_of["PPI"], "Balasan PPI", [("balasan.xlsx", ppi_xlsx)]))
        # 3. PPM: forwarded (message/rfc822) inside multipart/mixed, the form quoted-printable, named by RFC 2231.
        inner = reply(email_of["PPM"], "Format PPM", [("Format Bidang Perencanaan – ñ.ods", filled["PPM"])],
                      cte="quoted-printable")
        outer = EmailMessage(policy=email.policy.SMTP)
        outer["From"] = "Kepala Bidang <%s>" % email_of["PPM"]
        outer["Subject"] = "Fwd: Format PPM"
        outer["Date"] = email.utils.formatdate(localtime=True)
        outer.set_content("Diteruskan.\n")
        outer.add_attachment(inner)
        raw3 = outer.as_bytes()
        check(b"filename*=" in raw3 and b"quoted-printable" in raw3 and b"message/rfc822" in raw3,
              "message 3 is RFC 2231, quoted-printable, forwarded")
        deliver(raw3)
        # 4. PDPM: the file name as an RFC 2047 word (what some mail programs send), and a path in it.
        m4 = reply(email_of["PDPM"], "=?UTF-8?B?" + "QmFsYXNhbiBQRFBN" + "?=")
        m4.add_attachment(filled["PDPM"], maintype="application", subtype="vnd.oasis.opendocument.spreadsheet")
        att = list(m4.iter_attachments())[0]
        del att["Content-Disposition"]
        att["Content-Disposition"] = 'attachment; filename="=?UTF-8?B?Li4vLi4vZXZhbHVhc2kgUERQTSDDqS5vZHM=?="'
        deliver(m4)   # "../../evaluasi PDPM é.ods"
        # 5-7. No attachment; only a PDF; broken MIME (a multipart without boundary).
        deliver(reply(email_of["DSI"], "Pertanyaan tentang format"))
        deliver(reply(email_of["DSI"], "Surat", [("surat.pdf", b"%PDF-1.4 test")]))
        deliver(b"From: x@y.z\r\nSubject: rusak\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n"
                b"--zzz\r\nContent-Type: text/plain\r\n\r\nhalo\r\n")
        # 8. DSI at last: its form with another attachment beside it.
        deliver(reply(email_of["DSI"], "Format DSI", [("evaluasi-2026-tw1-DSI.ods", filled["DSI"]),
                                                      ("catatan.txt", b"catatan")]))

        pop3 = "127.0.0.1:%d" % server.port
        base = ["fetch", ws, "--pop3", pop3, "--security", "none", "--user", USER, "--password-env", "POP3_PASSWORD"]
        p = run(*base[:-1], "WRONG", code=1)
        check(p.returncode == 1 and "menolak login" in p.stderr and pop3 in p.stderr,
              "refused login: exit 1, named: " + p.stderr.strip())
        dead = "127.0.0.1:%d" % free_port()
        p = run("fetch", ws, "--pop3", dead, "--security", "none", "--user", USER, "--password-env", "POP3_PASSWORD",
                "--lang", "en", code=1)
        check(p.returncode == 1 and "cannot be reached" in p.stderr, "unreachable: exit 1: " + p.stderr.strip())
        check(not os.path.exists(os.path.join(ws, "hasil", "penerimaan.json")), "nothing recorded yet")

        p = run(*base, "--json", code=4)
        out = json.loads(p.stdout)
        inbox = sorted(os.listdir(os.path.join(ws, "inbox")))
        print("inbox:", inbox)
        check(out["onServer"] == 8 and len(out["fetched"]) == 8, "8 messages on the server, all read")
        expected = {"evaluasi-2026-tw1-SEKR.ods": filled["SEKR"], "balasan (2).xlsx": ppi_xlsx,
                    "Format Bidang Perencanaan – ñ.ods": filled["PPM"], "evaluasi PDPM é.ods": filled["PDPM"],
                    "evaluasi-2026-tw1-DSI.ods": filled["DSI"]}
        for name, data in expected.items():
            path = os.path.join(ws, "inbox", name)
            check(os.path.exists(path) and open(path, "rb").read() == data, "inbox/%s byte-identical" % name)
        check(open(os.path.join(ws, "inbox", "balasan.xlsx"), "rb").read() == b"staff's own file",
              "the file already in inbox/ is untouched")
        check(sorted(inbox) == sorted(list(expected) + ["balasan.xlsx"]), "nothing else in inbox/ (no pdf, txt)")
        check(len(out["problems"]) == 1 and "MIME" in out["problems"][0],
              "the broken message named: %s" % out["problems"])
        notes = [m["note"] for m in out["fetched"]]
        check("tanpa lampiran" in notes and any("surat.pdf" in n for n in notes) and
              any("catatan.txt" in n for n in notes), "notes: no attachment, a pdf, another file: %s" % notes)
        record = json.load(open(os.path.join(ws, "hasil", "penerimaan.json"), encoding="utf-8"))["penerimaan"]
        check(len(record) == 8 and all(r["uidl"] and r["diambil"] for r in record), "record: 8 messages by UIDL")
        by_file = {f: r["pengirim"] for r in record for f in r["berkas"]}
        check(by_file.get("balasan (2).xlsx") == email_of["PPI"] and
              by_file.get("Format Bidang Perencanaan – ñ.ods") == email_of["PPM"].lower(),
              "record: the sender of each file")
        check(any(r["subjek"] == "Balasan PDPM" for r in record), "record: an RFC 2047 subject decoded")
        check(server.stored(USER) == 8, "nothing deleted from the server")

        # collect accepts the fetched returns; the recap shows the sender beside each.
        p = run("collect", ws, "--json")
        col = json.loads(p.stdout)
        status = {u["unit"]: u["status"] for u in col["units"]}
        check(all(status[c] == "valid" for c in ("SEKR", "PPI", "PPM", "PDPM", "DSI")),
              "collect: every fetched return valid: %s" % status)
        content = zipfile.ZipFile(os.path.join(ws, "hasil", "rekap-pengumpulan.ods")).read("content.xml").decode()
        check(email_of["PPI"] in content and email_of["SEKR"] in content, "recap: the senders shown")

        # Again: nothing new (plain, STLS, SSL with the test's certificate).
        for security, port in (("none", server.port), ("starttls", server.port), ("ssl", server.ssl_port)):
            args = ["fetch", ws, "--pop3", "127.0.0.1:%d" % port, "--security", security, "--user", USER,
                    "--password-env", "POP3_PASSWORD", "--ca-file", server.cert, "--json"]
            p = run(*args, code=0)
            out = json.loads(p.stdout) if p.stdout else {}
            check(p.returncode == 0 and out.get("alreadyFetched") == 8 and not out.get("fetched"),
                  "second fetch over %s: nothing new" % security)
        # The server from the office settings (pengaturan.json "pop3") when no flag gives it; a flag overrides.
        with open(settings_file, "w", encoding="utf-8") as f:
            json.dump({"format": 1, "pop3": {"server": "127.0.0.1", "port": server.port, "keamanan": "none",
                                             "pengguna": USER}}, f)
        p = run("fetch", ws, "--password-env", "POP3_PASSWORD", "--json", code=0)
        check(p.returncode == 0 and json.loads(p.stdout)["alreadyFetched"] == 8, "server and user from pengaturan.json")
        p = run("fetch", ws, "--password-env", "POP3_PASSWORD", "--user", "arsip", "--json", code=0)
        check(p.returncode == 0 and json.loads(p.stdout)["onServer"] == 0, "--user overrides the settings' user")
        os.remove(settings_file)
        p = run("fetch", ws, "--password-env", "POP3_PASSWORD", code=2)
        check(p.returncode == 2 and "--pop3" in p.stderr, "no server anywhere: usage, named: " + p.stderr.strip())
        # SSL without the certificate trusted: refused, named.
        p = run("fetch", ws, "--pop3", "127.0.0.1:%d" % server.ssl_port, "--security", "ssl", "--user", USER,
                "--password-env", "POP3_PASSWORD", code=1)
        check(p.returncode == 1 and "sertifikat" in p.stderr, "untrusted certificate refused: " + p.stderr.strip())

        # A new reply over SSL, then --delete empties the mailbox; nothing is fetched twice.
        deliver(reply(email_of["SEKR"], "Perbaikan", [("evaluasi-2026-tw1-SEKR.ods", filled["SEKR"])]))
        p = run("fetch", ws, "--pop3", "127.0.0.1:%d" % server.ssl_port, "--user", USER, "--password-env",
                "POP3_PASSWORD", "--ca-file", server.cert, "--delete", "--json", code=0)
        out = json.loads(p.stdout)
        check(p.returncode == 0 and [m["files"] for m in out["fetched"]] == [["evaluasi-2026-tw1-SEKR (2).ods"]],
              "ssl --delete: the new reply saved under a new name: %s" % out.get("fetched"))
        check(out["deleted"] == 9 and server.stored(USER) == 0, "--delete: the mailbox is empty")

        # A mailbox of 1,000 messages (another workspace): all read once, then none again.
        ws2 = os.path.join(tmp, "arsip")
        run("init", "--sample", ws2)
        for i in range(1000):
            attach = [("balasan-%04d.ods" % i, b"x")] if i % 100 == 0 else []
            server.deliver("arsip", reply("unit%d@example.go.id" % i, "Surat %d" % i, attach).as_bytes())
        args = ["fetch", ws2, "--pop3", pop3, "--security", "none", "--user", "arsip", "--password-env",
                "POP3_PASSWORD", "--json"]
        t = time.time()
        p = run(*args, code=0)
        first = time.time() - t
        out = json.loads(p.stdout)
        check(out["onServer"] == 1000 and len(out["fetched"]) == 1000 and
              len(os.listdir(os.path.join(ws2, "inbox"))) == 10, "1,000 messages: read, 10 files saved (%.1f s)" % first)
        t = time.time()
        p = run(*args, code=0)
        out = json.loads(p.stdout)
        check(out["alreadyFetched"] == 1000 and not out["fetched"],
              "1,000 messages again: none read (%.1f s)" % (time.time() - t))
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
