#!/usr/bin/python3
"""`evakin send` with the server, port, security, user and sender from the office
settings (pengaturan.json, written by Tools › Options › Evaluasi Kinerja), no
--smtp; an option still overrides its setting; a wrong setting is named.
Against the same aiosmtpd server as test_send.py on 127.0.0.1.
Usage: test_send_settings.py EVAKIN
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from aiosmtpd.controller import Controller  # noqa: E402
from mailtest import FROM, PASSWORD, USER, Store, authenticator, free_port  # noqa: E402

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def main():
    evakin = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="evakin-mail-settings-")
    store = Store()
    port = free_port()
    controller = Controller(store, hostname="127.0.0.1", port=port, authenticator=authenticator,
                            auth_required=True, auth_require_tls=False)
    controller.start()
    try:
        ws = os.path.join(tmp, "2026-tw1")
        settings = os.path.join(tmp, "pengaturan.json")
        env = dict(os.environ, EVAKIN_LANG="en", SMTP_PASSWORD=PASSWORD, EVAKIN_SETTINGS=settings)

        def run(*args):
            return subprocess.run([evakin, *args], capture_output=True, text=True, env=env)

        check(run("init", "--sample", ws).returncode == 0, "init --sample")
        check(run("distribute", ws).returncode == 0, "distribute")
        p = run("send", ws, "--password-env", "SMTP_PASSWORD")
        check(p.returncode == 2 and "Tools › Options" in p.stderr, "no server anywhere: a usage error saying where to set one")
        with open(settings, "w", encoding="utf-8") as f:
            json.dump({"format": 1, "surel": {"server": "127.0.0.1", "port": port, "keamanan": "none",
                                              "pengguna": USER, "nama_pengirim": "Subbag Perencanaan",
                                              "alamat_pengirim": FROM}}, f)
        p = run("send", ws, "--password-env", "SMTP_PASSWORD", "--units", "PPI", "--json")
        check(p.returncode == 0, "send with the settings' server, user and sender (%s)" % p.stderr.strip())
        check(len(store.messages) == 1, "one message stored")
        if store.messages:
            msg = store.messages[0][1]
            check(FROM in msg["From"] and "Subbag Perencanaan" in msg["From"], "From from the settings")
        p = run("send", ws, "--password-env", "SMTP_PASSWORD", "--units", "PPI", "--resend",
                "--from", "lain@dpmptsp.example.go.id")
        check(p.returncode == 0 and "lain@dpmptsp.example.go.id" in store.messages[-1][1]["From"],
              "--from overrides the setting")
        with open(settings, "w", encoding="utf-8") as f:
            json.dump({"format": 1, "surel": {"server": "127.0.0.1", "port": 70000}}, f)
        p = run("send", ws, "--password-env", "SMTP_PASSWORD", "--units", "PPI", "--resend")
        check(p.returncode == 1 and "pengaturan.json" in p.stderr and "surel.port" in p.stderr,
              "a wrong setting names the file and the field: %s" % p.stderr.strip())
    finally:
        controller.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failure(s)" % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
