"""What the mail tests share: a real SMTP server (aiosmtpd) on 127.0.0.1 that
requires AUTH, stores what it accepts and rejects one recipient; free ports;
running evakin; checks that are counted."""
import email
import email.policy
import os
import socket
import subprocess

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

USER, PASSWORD = "perencanaan", "rahasia-123"
REJECTED = "data@dpmptsp.example.go.id"
FROM = "perencanaan@dpmptsp.example.go.id"


class Store:
    def __init__(self):
        self.messages = []   # (envelope recipients, parsed message)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == REJECTED:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = getattr(auth_data, "login", None) == USER.encode() and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def smtp_server(store, port):
    controller = Controller(store, hostname="127.0.0.1", port=port, authenticator=authenticator,
                            auth_required=True, auth_require_tls=False)
    controller.start()
    return controller


failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def runner(evakin, env):
    def run(*args, code=None, stdin=None):
        p = subprocess.run([evakin, *args], capture_output=True, text=True, env=env, input=stdin)
        if code is not None and p.returncode != code:
            print("exit %d (expected %d)" % (p.returncode, code), p.stdout, p.stderr)
        return p
    return run


def finish():
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


def exit_now(code):
    import sys
    sys.stdout.flush()
    sys.stderr.flush()
    # aiosmtpd's loop leaves a worker thread that interpreter shutdown waits a minute for.
    os._exit(code)
