"""A real POP3 server for the mail tests: Debian's dovecot, configured by the
test to run unprivileged on 127.0.0.1 (its own config file, base_dir and log in
a temp dir, maildir mailboxes, users from a passwd-file, SSL with a self-signed
certificate made by openssl). Dovecot's login processes refuse to run as root,
and its mail processes refuse uid 0; so as root the whole server runs as the
unprivileged test user `evakin` (scripts/setup-deps.sh creates it), otherwise
as the user running the test."""
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
import uuid

DOVECOT = "/usr/sbin/dovecot"
TEST_USER = "evakin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Dovecot:
    def __init__(self, root, users):
        """users: {name: password}. root: an empty folder the server may own."""
        self.root = root
        self.users = users
        self.port = free_port()
        self.ssl_port = free_port()
        self.run_as = TEST_USER if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self.cert = os.path.join(root, "cert.pem")
        self.log = os.path.join(root, "dovecot.log")
        self.conf = os.path.join(root, "dovecot.conf")

    def maildir(self, user):
        return os.path.join(self.root, "mail", user)

    def start(self):
        root = self.root
        key = os.path.join(root, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                        self.cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, capture_output=True)
        with open(os.path.join(root, "passwd"), "w") as f:
            for user, password in self.users.items():
                f.write("%s:{PLAIN}%s\n" % (user, password))
        for user in self.users:
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(self.maildir(user), sub), exist_ok=True)
        os.makedirs(os.path.join(root, "run"), exist_ok=True)
        u = self.run_as
        with open(self.conf, "w") as f:
            f.write(f"""base_dir = {root}/run
state_dir = {root}/run/state
log_path = {self.log}
protocols = pop3
listen = 127.0.0.1
ssl = yes
ssl_cert = <{self.cert}
ssl_key = <{key}
default_internal_user = {u}
default_internal_group = {u}
default_login_user = {u}
mail_location = maildir:{root}/mail/%u
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={u} gid={u} home={root}/home/%u
}}
service pop3-login {{
  chroot =
  inet_listener pop3 {{
    port = {self.port}
  }}
  inet_listener pop3s {{
    port = {self.ssl_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
pop3_uidl_format = %08Xu%08Xv
""")
        self.chown()
        cmd = [DOVECOT, "-c", self.conf]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", u, "--"] + cmd
        subprocess.run(cmd, check=True)
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    if s.recv(100).startswith(b"+OK"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("dovecot did not start: " + open(self.log).read())

    def chown(self):
        if os.geteuid() == 0:
            shutil.chown(self.root, self.run_as, self.run_as)
            for top, dirs, files in os.walk(self.root):
                for name in dirs + files:
                    shutil.chown(os.path.join(top, name), self.run_as, self.run_as)

    def deliver(self, user, raw):
        """Puts one message (bytes) into the user's maildir, as a delivery agent would."""
        name = "%d.%s.evakin-test" % (time.time(), uuid.uuid4().hex)
        tmp = os.path.join(self.maildir(user), "tmp", name)
        with open(tmp, "wb") as f:
            f.write(raw)
        new = os.path.join(self.maildir(user), "new", name)
        os.rename(tmp, new)
        if os.geteuid() == 0:
            shutil.chown(new, self.run_as, self.run_as)

    def stored(self, user):
        d = self.maildir(user)
        return len(os.listdir(os.path.join(d, "new"))) + len(os.listdir(os.path.join(d, "cur")))

    def stop(self):
        pid_file = os.path.join(self.root, "run", "master.pid")
        if os.path.exists(pid_file):
            pid = int(open(pid_file).read().strip())
            os.kill(pid, signal.SIGTERM)
            for _ in range(100):
                try:
                    os.kill(pid, 0)
                except OSError:
                    return
                time.sleep(0.05)
