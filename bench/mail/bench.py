#!/usr/bin/python3
"""The mail benchmark's driver (run.sh): a synthetic office of N units, its forms
sent over SMTP and N replies fetched over POP3, each timed with /usr/bin/time
(wall clock and peak memory) as one run and as N runs of one message each."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "mail"))
from aiosmtpd.controller import Controller  # noqa: E402
from pop3_server import Dovecot, free_port  # noqa: E402

FROM = "perencanaan@kantor.example.go.id"


class Count:
    def __init__(self):
        self.messages = 0

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        return "250 OK"


def timed(cmd, env):
    """(wall seconds, peak RSS KB) of one command, from /usr/bin/time."""
    fmt = "%e %M"
    p = subprocess.run(["/usr/bin/time", "-f", fmt, "-o", "/dev/stdout", "-a"] + cmd, capture_output=True, text=True,
                       env=env)
    if p.returncode not in (0, 4):
        raise RuntimeError("%s: exit %d\n%s%s" % (" ".join(cmd), p.returncode, p.stdout, p.stderr))
    wall, rss = p.stdout.strip().splitlines()[-1].split()
    return float(wall), int(rss)


def series(cmds, env):
    total, peak = 0.0, 0
    for cmd in cmds:
        w, r = timed(cmd, env)
        total += w
        peak = max(peak, r)
    return total, peak


def main():
    build, units = sys.argv[1], int(sys.argv[2])
    evakin = os.path.join(build, "src", "cli", "evakin")
    tmp = tempfile.mkdtemp(prefix="evakin-bench-mail-")
    os.chmod(tmp, 0o755)
    store = Count()
    smtp_port = free_port()
    controller = Controller(store, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    pop3 = Dovecot(os.path.join(tmp, "pop3"), {"perencanaan": "bench"})
    os.makedirs(pop3.root)
    pop3.start()
    env = dict(os.environ, EVAKIN_LANG="id", POP3_PASSWORD="bench", EVAKIN_SETTINGS=os.path.join(tmp, "none.json"))
    try:
        ws = os.path.join(tmp, "ws")
        subprocess.run([os.path.join(build, "bench", "bench_distribute"), "prepare", ws, str(units), "5"], check=True)
        profile_file = os.path.join(ws, "profil.json")
        profile = json.load(open(profile_file, encoding="utf-8"))
        for u in profile["units"]:
            u["email"] = "%s@unit.example.go.id" % u["code"].lower()
        with open(profile_file, "w", encoding="utf-8") as f:
            json.dump(profile, f, ensure_ascii=False)
        subprocess.run([evakin, "distribute", ws], check=True, capture_output=True)
        codes = [u["code"] for u in profile["units"]]
        forms = sorted(os.listdir(os.path.join(ws, "outbox")))
        form_bytes = sum(os.path.getsize(os.path.join(ws, "outbox", f)) for f in forms)
        send = [evakin, "send", ws, "--smtp", "127.0.0.1:%d" % smtp_port, "--from", FROM, "--resend"]

        rows = []
        one, one_rss = series([send], env)
        sent_one = store.messages
        each, each_rss = series([send + ["--units", c] for c in codes], env)
        rows.append(("send %d forms" % len(forms), one, one_rss, each, each_rss, sent_one, store.messages - sent_one))

        # N replies, each with its unit's form attached, delivered as a mail server would.
        def deliver_reply(code):
            name = "evaluasi-2026-tw2-%s.ods" % code
            data = open(os.path.join(ws, "outbox", name), "rb").read()
            from email.message import EmailMessage
            m = EmailMessage()
            m["From"], m["To"], m["Subject"] = "%s@unit.example.go.id" % code.lower(), FROM, "Re: format " + code
            m.set_content("Terlampir.\n")
            m.add_attachment(data, maintype="application", subtype="vnd.oasis.opendocument.spreadsheet",
                             filename=name)
            pop3.deliver("perencanaan", m.as_bytes())

        fetch = [evakin, "fetch", ws, "--pop3", "127.0.0.1:%d" % pop3.port, "--security", "none", "--user",
                 "perencanaan", "--password-env", "POP3_PASSWORD", "--delete"]

        def reset_inbox():
            shutil.rmtree(os.path.join(ws, "inbox"))
            os.makedirs(os.path.join(ws, "inbox"))
            record = os.path.join(ws, "hasil", "penerimaan.json")
            if os.path.exists(record):
                os.remove(record)

        for c in codes:
            deliver_reply(c)
        one_f, one_f_rss = series([fetch], env)
        got_one = len(os.listdir(os.path.join(ws, "inbox")))
        reset_inbox()
        each_f, each_f_rss = 0.0, 0
        for c in codes:   # a reply arrives, staff fetch it, the next arrives...
            deliver_reply(c)
            w, r = timed(fetch, env)
            each_f += w
            each_f_rss = max(each_f_rss, r)
        got_each = len(os.listdir(os.path.join(ws, "inbox")))
        rows.append(("fetch %d replies" % units, one_f, one_f_rss, each_f, each_f_rss, got_one, got_each))

        print("Mail: %d units, forms %.0f KB each, servers on 127.0.0.1 (aiosmtpd, dovecot %s); wall clock by "
              "/usr/bin/time" % (units, form_bytes / len(forms) / 1024, "as " + pop3.run_as))
        print("| task | one run (s) | per message (ms) | peak RSS (MB) | %d runs of one (s) | per message (ms) | "
              "peak RSS (MB) | one at a time / one run | messages (one run / one at a time) |" % units)
        print("|---|---|---|---|---|---|---|---|---|")
        for task, a, ar, b, br, na, nb in rows:
            print("| %s | %.2f | %.1f | %.1f | %.2f | %.1f | %.1f | %.1fx | %d / %d |" % (
                task, a, a / max(na, 1) * 1000, ar / 1024, b, b / max(nb, 1) * 1000, br / 1024, b / a if a else 0,
                na, nb))
    finally:
        controller.stop()
        pop3.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
