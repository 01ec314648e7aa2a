#!/usr/bin/python3
"""E-mail in the toolbar steps as a person meets it (issue 17): Bagikan Format's
"Kirim lewat surel" and Rekap Kiriman's "Ambil dari surel", in a visible
LibreOffice under Xvfb with the built .oxt, against real servers on 127.0.0.1
(aiosmtpd, and dovecot run unprivileged: tests/mail). The servers come from the
office settings (EVAKIN_SETTINGS, the test's own pengaturan.json); the passwords
are typed into Evakin's password dialog with "remember" ticked and must then be
in LibreOffice's password container (never in a file), so the second sending
asks no password, and asks before sending twice (answered No: nothing sent).
After the recap, reminders to the late units are offered and sent.

    /usr/bin/python3 tests/gui/test_mail_gui.py --oxt build/evakin.oxt --cli build/src/cli/evakin [--shots DIR]
"""
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import unittest

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
# tests/mail's servers; a run re-executed as the test user has only this folder staged.
sys.path.insert(0, os.path.join(os.environ.get("EVAKIN_ITEST_SOURCE", here), "..", "mail"))
import gui  # noqa: E402  (puts tests/integration on sys.path)
import office  # noqa: E402

SKIP = 77
OPTIONS = {"shots": None}
SMTP_USER, SMTP_PASSWORD = "perencanaan", "rahasia-123"   # mailtest's server
POP3_USER, POP3_PASSWORD = "balasan", "sandi-pop3"
FROM = "perencanaan@dpmptsp.example.go.id"


class MailGuiTest(unittest.TestCase):
    def setUp(self):
        from mailtest import Store, free_port, smtp_server   # noqa: PLC0415 (aiosmtpd only here)
        from pop3_server import Dovecot   # noqa: PLC0415
        self.tmp = gui.new_tempdir("evakin-mail-gui-")
        os.chmod(self.tmp, 0o755)
        self.workspace = os.path.join(self.tmp, "2026-tw1")
        self.settings = os.path.join(self.tmp, "pengaturan.json")
        self.store = Store()
        self.smtp_port = free_port()
        self.smtp = smtp_server(self.store, self.smtp_port)
        self.pop3 = Dovecot(os.path.join(self.tmp, "pop3"), {POP3_USER: POP3_PASSWORD})
        os.makedirs(self.pop3.root)
        self.pop3.start()
        with open(self.settings, "w", encoding="utf-8") as f:
            json.dump({"format": 1,
                       "surel": {"server": "127.0.0.1", "port": self.smtp_port, "keamanan": "none",
                                 "pengguna": SMTP_USER, "alamat_pengirim": FROM},
                       "pop3": {"server": "127.0.0.1", "port": self.pop3.port, "keamanan": "none",
                                "pengguna": POP3_USER}}, f)
        self.env = dict(os.environ, EVAKIN_SETTINGS=self.settings)
        self.cli("init", "--sample", self.workspace)
        self.cli("distribute", self.workspace)
        self.display = gui.Display().start()
        self.lo = gui.VisibleOffice(office.CONFIG["oxt"], "gtk3", "id", env={"EVAKIN_SETTINGS": self.settings,
                                                                   "EVAKIN_VERBOSE": "1"})
        self.lo.start()
        _, self.frame, self.wid = self.lo.open_window(office.file_url(os.path.join(self.workspace,
                                                                                   "rencana-kerja.ods")))

    def tearDown(self):
        try:
            self.lo.stop(check_exit=False)
        finally:
            self.display.stop()
            self.smtp.stop()
            self.pop3.stop()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def cli(self, *args):
        res = subprocess.run([office.CONFIG["cli"], *args], capture_output=True, text=True, timeout=120, env=self.env)
        self.assertIn(res.returncode, (0, 4), res.stdout + res.stderr)
        return res

    def dispatch(self, url):
        def run():
            try:
                self.lo.service("com.sun.star.frame.DispatchHelper").executeDispatch(self.frame, url, "", 0, ())
            except Exception as e:   # the bridge may close under an open dialog at the end
                print("dispatch ended: %s" % e, flush=True)
        threading.Thread(target=run, daemon=True).start()

    def window(self, pattern, what, before, timeout=40):
        wid, name = gui.wait_for_window(pattern, timeout, exclude=before)
        if wid is None:
            # What was on screen instead: the picture and the windows' names say where it stuck.
            gui.screenshot(os.path.join(OPTIONS["shots"] or self.tmp, "mail-failed.png"))
            self.fail("%s did not appear; on screen: %s\n%s" % (what, sorted(gui.visible_windows().values()),
                                                                self.lo.log_tail()))
        time.sleep(0.8)
        return wid, name

    def dismiss(self, wid, key):
        """Presses a single key on a message box until it closes: under load a key can be lost, and
        the next window the test waits for would then never come."""
        for attempt in range(3):
            if attempt:
                print("dismiss: %s still open after %s, pressed again; on screen: %s"
                      % (wid, key, sorted(gui.visible_windows().values())), flush=True)
            gui.key(key, wid=wid)
            if gui.wait_gone(wid, 10):
                return
        self.fail("the window %s did not close on %s" % (wid, key))

    def shot(self, wid, name):
        path = os.path.join(OPTIONS["shots"] or self.tmp, "mail-%s.png" % name)
        gui.screenshot(path, gui.framed(gui.window_geometry(wid)))
        return path

    def stored_password(self, key, user):
        container = self.lo.service("com.sun.star.task.PasswordContainer")
        handler = self.lo.service("com.sun.star.task.InteractionHandler")
        record = container.findForName(key, user, handler)
        for u in (record.UserList if record else ()):
            if u.UserName == user and u.Passwords:
                return u.Passwords[0]
        return ""

    def test_send_and_fetch(self):
        try:
            self.send_by_mail()
            self.send_again_asks()
            self.fetch_in_collect()
            ok, why = self.lo.alive()
            self.assertTrue(ok, why)
        except Exception as e:
            if isinstance(e, AssertionError):
                raise
            raise AssertionError("%s: %s\n%s" % (type(e).__name__, e, self.lo.log_tail())) from None

    def send_by_mail(self):
        before = set(gui.visible_windows())
        self.dispatch("org.evakin:Distribute?SendMail=true")
        dialog, _ = self.window("^Bagikan Format", "the Bagikan Format dialog", before)
        self.shot(dialog, "distribute-dialog")
        gui.key("Return", wid=dialog)       # OK (the forms exist: they are sent as they are)
        self.assertTrue(gui.wait_gone(dialog, 15))
        # The password dialog: nothing stored yet.
        password, _ = self.window("^Bagikan Format", "the password dialog", before)
        gui.xdotool("type", "--delay", "20", SMTP_PASSWORD)
        gui.key("Tab", "space")
        self.shot(password, "password")
        gui.key("Return")
        self.assertTrue(gui.wait_gone(password, 15), "the password dialog did not close")
        box, _ = self.window("^Bagikan Format", "the sending summary", before)
        self.shot(box, "sent")
        self.dismiss(box, "Return")
        rcpts = sorted(r[0] for r, _ in self.store.messages)
        profile = json.load(open(os.path.join(self.workspace, "profil.json"), encoding="utf-8"))
        expected = sorted(u["email"] for u in profile["units"] if u["email"] != "data@dpmptsp.example.go.id")
        self.assertEqual(rcpts, expected)
        record = json.load(open(os.path.join(self.workspace, "hasil", "pengiriman.json"), encoding="utf-8"))
        self.assertEqual(len(record["pengiriman"]), len(expected))
        self.assertEqual(self.stored_password("smtp://127.0.0.1:%d" % self.smtp_port, SMTP_USER), SMTP_PASSWORD,
                         self.lo.log_tail())
        self.assertNotIn(SMTP_PASSWORD, open(self.settings, encoding="utf-8").read())

    def send_again_asks(self):
        sent = len(self.store.messages)
        before = set(gui.visible_windows())
        self.dispatch("org.evakin:Distribute?SendMail=true")
        dialog, _ = self.window("^Bagikan Format", "the Bagikan Format dialog", before)
        gui.key("Return", wid=dialog)
        self.assertTrue(gui.wait_gone(dialog, 15))
        # No password dialog now: the question comes, answered No.
        question, _ = self.window("^Bagikan Format", "the question before sending twice", before)
        self.shot(question, "send-twice")
        self.dismiss(question, "Escape")
        box, _ = self.window("^Bagikan Format", "the summary", before, timeout=15)
        self.dismiss(box, "Return")
        self.assertEqual(len(self.store.messages), sent, "sent twice without a yes")

    def fetch_in_collect(self):
        from email.message import EmailMessage   # noqa: PLC0415
        form = os.path.join(self.workspace, "outbox", "evaluasi-2026-tw1-PPI.ods")
        m = EmailMessage()
        m["From"], m["To"], m["Subject"] = "ppi@dpmptsp.example.go.id", FROM, "Balasan"
        m.set_content("Terlampir.\n")
        m.add_attachment(open(form, "rb").read(), maintype="application", subtype="octet-stream",
                         filename="balasan PPI.ods")
        self.pop3.deliver(POP3_USER, m.as_bytes())
        before = set(gui.visible_windows())
        self.dispatch("org.evakin:Collect")
        question, _ = self.window("^Rekap Kiriman", "the fetch question", before)
        self.shot(question, "fetch-question")
        gui.key("shift+Tab", "Return", wid=question)     # No has the focus: Yes is before it
        gui.wait_gone(question, 10)
        password, _ = self.window("^Rekap Kiriman", "the POP3 password dialog", before)
        gui.xdotool("type", "--delay", "20", POP3_PASSWORD)
        gui.key("Tab", "space", "Return")
        self.assertTrue(gui.wait_gone(password, 15))
        box, _ = self.window("^Rekap Kiriman", "the fetch summary", before)
        self.shot(box, "fetched")
        self.dismiss(box, "Return")
        self.assertTrue(os.path.exists(os.path.join(self.workspace, "inbox", "balasan PPI.ods")),
                        os.listdir(os.path.join(self.workspace, "inbox")))
        self.assertEqual(self.stored_password("pop3://127.0.0.1:%d" % self.pop3.port, POP3_USER), POP3_PASSWORD)
        # Then collect itself: its summary; PPI's return is an unfilled form, the others are missing.
        box, _ = self.window("^Rekap Kiriman", "the collect summary", before, timeout=30)
        self.dismiss(box, "Return")
        # Reminders offered (an SMTP server is set): Yes; the password is in the container already.
        sent = len(self.store.messages)
        question, _ = self.window("^Rekap Kiriman", "the reminder question", before)
        self.shot(question, "remind-question")
        gui.key("shift+Tab", "Return", wid=question)
        gui.wait_gone(question, 10)
        box, _ = self.window("^Rekap Kiriman", "the reminder summary", before, timeout=30)
        self.shot(box, "reminded")
        self.dismiss(box, "Return")
        reminders = [m for _, m in self.store.messages[sent:]]
        self.assertEqual(len(reminders), 4, "reminders to every unit but DSI (rejected by the server)")
        self.assertTrue(all(str(m["subject"]).startswith("Pengingat") for m in reminders))
        record = json.load(open(os.path.join(self.workspace, "hasil", "pengiriman.json"), encoding="utf-8"))
        self.assertEqual(sum(1 for r in record["pengiriman"] if r.get("jenis") == "pengingat"), 4)
        # The evaluation table is offered before the recap opens (a question never waits behind a
        # new window): not opened; then the recap comes on screen.
        question, _ = self.window("^Rekap Kiriman", "the table question", before, timeout=30)
        self.dismiss(question, "Escape")
        self.window(r"^rekap-pengumpulan\.ods - LibreOffice Calc", "the recap", before, timeout=30)
        record = json.load(open(os.path.join(self.workspace, "hasil", "penerimaan.json"), encoding="utf-8"))
        self.assertEqual(record["penerimaan"][0]["berkas"], ["balasan PPI.ods"])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not os.path.exists(
                os.path.join(self.workspace, "hasil", "rekap-pengumpulan.ods")):
            time.sleep(0.5)
        self.assertTrue(os.path.exists(os.path.join(self.workspace, "hasil", "rekap-pengumpulan.ods")))


def main():
    if gui.XVFB is None or shutil.which("xdotool") is None or shutil.which("import") is None:
        print("SKIP: Xvfb, xdotool or ImageMagick missing (scripts/setup-deps.sh installs them)")
        sys.exit(SKIP)
    argv = sys.argv
    if "--shots" in argv:
        i = argv.index("--shots")
        OPTIONS["shots"] = os.path.abspath(argv[i + 1])
        del argv[i:i + 2]
        os.makedirs(OPTIONS["shots"], exist_ok=True)
        if os.geteuid() == 0:
            import pwd  # noqa: PLC0415
            user = pwd.getpwnam(office.TEST_USER)
            os.chown(OPTIONS["shots"], user.pw_uid, user.pw_gid)
            argv += ["--shots", OPTIONS["shots"]]   # for the re-run as the test user
    office.run_tests(argv=argv)


if __name__ == "__main__":
    main()
