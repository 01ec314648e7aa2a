#!/usr/bin/python3
"""Tools › Options › Evaluasi Kinerja as a person meets it (issues 16 and 17).

A visible LibreOffice under Xvfb with the built .oxt; the office's settings
file (EVAKIN_SETTINGS) and data folder (XDG_DATA_HOME) are the test's own, and
the last-used workspace is a sample workspace made with the CLI. For each run
(VCL plugin and UI language) the test opens Tools › Options (.uno:OptionsTreeDialog),
goes to each Evaluasi Kinerja page with the keyboard, types every field as a
person would (xdotool), presses OK, and reads what was saved back through the
core: the files it reads and the CLI (a letter numbered by the saved pattern,
unit code and staff name in the saved register), and LibreOffice's password
container for the passwords (never in a file). A wrong field shows its message
and saves nothing. The page is opened again to show what was saved. The
Register page is filled once more for PostgreSQL, on a private server on
127.0.0.1 that asks for a password (tests/register/pg-server.sh start-password):
Uji koneksi with a wrong password, then the right one (the page's status line
read through its accessibility tree), OK, the password in LibreOffice's
container and in no file, and a letter numbered by the CLI (PGPASSWORD) in the
server's register (psql). The Extension Manager's Options button opens these
pages because each Leaf's Id is the extension's identifier: checked against the
installed extension through the deployment API and the configuration
LibreOffice merged, and pressed: Tools › Extension Manager, our entry selected,
Options (its mnemonic) opens our page.

    /usr/bin/python3 tests/gui/test_options.py --oxt build/evakin.oxt --cli build/src/cli/evakin \
        [--shots DIR] [--docs docs/screenshots] [--runs gen:en,gtk3:id]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gui  # noqa: E402  (puts tests/integration on sys.path)
import office  # noqa: E402

SKIP = 77
EXTENSION_ID = "org.evakin.extension"
OPTIONS = {"shots": None, "docs": None, "runs": None}
RUNS = [("gen", "en"), ("gtk3", "id")]

# The tree's last three rows are our pages (once our node is expanded): End selects the last one, Up the
# ones before.
PAGES = {"register": 2, "evaluation": 1, "general": 0}
TITLE = {"id": r"^(Pilihan|Opsi|Options)", "en": r"^Options"}
DOC_SHOTS = {"general", "register", "register-test", "register-postgresql-test", "evaluation", "wrong-field",
             "from-extension-manager"}   # for the README
PAGE_TITLES = {"register": {"id": "Register Surat", "en": "Letter Register"},
               "evaluation": {"id": "Penilaian & Laporan", "en": "Ratings & Report"},
               "general": {"id": "Umum & Surel", "en": "General & E-mail"}}
MESSAGE = {"id": r"^Evaluasi Kinerja — Pengaturan", "en": r"^Evaluasi Kinerja — Settings"}
# Tools › Extension Manager and its Options button (LibreOffice's own words, dkt.mo).
EXTENSION_MANAGER = {"id": (r"^Manajer Ekstensi", "alt+p"), "en": (r"^Extension Manager", "alt+o")}
# The private PostgreSQL server (initdb in a temporary folder, 127.0.0.1 only).
PG_SERVER = os.path.join(os.path.dirname(gui.SOURCE_DIR), "register", "pg-server.sh")
# The PostgreSQL password: a quote and a backslash, which the connection string must quote; no space
# (the connection string goes through Poco, which splits it at every space).
PG_PASSWORD = "Sandi'PG\\uji-7"
PG_WRONG_PASSWORD = "bukan-sandinya-3"
# The Register page's status line after Uji koneksi (options_page.cxx, testConnection).
CONNECTION_LINE = {"id": r"^Uji koneksi: ", "en": r"^Test connection: "}
REFUSED = {"id": "Server register menolak sambungan: nama pengguna, kata sandi atau nama basis data salah",
           "en": "The register server refused the connection: wrong user, password or database name"}
# Words of libpq, Poco or PostgreSQL that must stay in the technical log, never on the page.
LIBRARY_WORDS = ("FATAL", "authentication failed", "Connection Error", "Connection attempt", "libpq", "Poco",
                 "PostgreSQL]", "SCRAM", "fe_sendauth", "pg_hba")


def T(id_text, en_text):
    return {"id": id_text, "en": en_text}


class Run:
    def __init__(self, case, plugin, lang):
        self.case, self.plugin, self.lang = case, plugin, lang
        self.tmp = gui.new_tempdir("evakin-options-")
        self.settings = os.path.join(self.tmp, "pengaturan.json")
        self.data = os.path.join(self.tmp, "data")
        self.workspace = os.path.join(self.tmp, "ruang-kerja", "2026-tw1")
        self.env = dict(os.environ, EVAKIN_SETTINGS=self.settings, XDG_DATA_HOME=self.data)
        self.env.pop("EVAKIN_REGISTER", None)
        self.cli("init", "--sample", self.workspace, "--year", "2026", "--triwulan", "1")
        self.display = gui.Display().start()
        self.lo = OptionsOffice(office.CONFIG["oxt"], plugin, lang, workspace=self.workspace,
                                env={"EVAKIN_REGISTER": None, "EVAKIN_SETTINGS": self.settings,
                                     "XDG_DATA_HOME": self.data})
        self.lo.start()
        _, self.frame, self.wid = self.lo.open_window("private:factory/swriter")

    def stop(self):
        try:
            self.lo.stop(check_exit=False)
        finally:
            self.display.stop()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def cli(self, *args, check=True, env=None):
        """`env`: more for the CLI's environment; a value None removes the variable."""
        full = dict(self.env)
        for name, value in (env or {}).items():
            if value is None:
                full.pop(name, None)
            else:
                full[name] = value
        res = subprocess.run([office.CONFIG["cli"], *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, timeout=120, env=full)
        if check and res.returncode != 0:
            raise AssertionError("evakin %s failed (%d): %s%s" % (" ".join(args), res.returncode, res.stdout,
                                                                   res.stderr))
        return res

    # ---- the dialog -----------------------------------------------------

    def open_dialog(self, url, title, what):
        """Dispatches a command that opens a modal dialog (from a thread: the call returns only when
        the dialog closes) and returns the new window whose name matches `title`."""
        def dispatch():
            try:
                self.lo.service("com.sun.star.frame.DispatchHelper").executeDispatch(self.frame, url, "", 0, ())
            except Exception as e:   # the bridge may be closed under a still-open dialog at the end
                print("%s dispatch ended: %s" % (url, e), flush=True)
        before = set(gui.visible_windows())
        threading.Thread(target=dispatch, daemon=True).start()
        wid, _ = gui.wait_for_window(title, 40, exclude=before)
        self.case.assertIsNotNone(wid, "%s did not open; windows: %s" % (what, gui.visible_windows()))
        return wid

    def open_page(self, page):
        """Opens Tools › Options on one of our pages; returns the dialog's window id."""
        wid = self.open_dialog(".uno:OptionsTreeDialog", TITLE[self.lang], "Tools › Options")
        time.sleep(1.0)
        # gtk3 shows our node collapsed at the tree's end, gen expanded: End, expand (shift+Right:
        # "+" would open GTK's type-ahead search), End again selects the last page either way.
        gui.key("End", wid=wid)
        time.sleep(0.3)
        gui.key("shift+Right", "End")
        for _ in range(PAGES[page]):
            time.sleep(0.4)
            gui.key("Up")
        time.sleep(1.2)     # the page is created and initialized
        # The dialog's title names the page shown: typing into another page would be no test.
        title = gui.window_name(wid)
        if PAGE_TITLES[page][self.lang] not in title:
            shot = self.shot(wid, "wrong-page")
            self.case.fail("Options shows %r, not the %s page (%s)" % (title, page, shot))
        # Every label of the page whole on the screen (the Register page's last line once was not).
        clipped = [(text, how) for text, how in self.page_labels(with_clipping=True) if how]
        if clipped:
            shot = self.shot(wid, "clipped-%s" % page)
            self.case.fail("the %s page cuts off %s (%s)" % (page, clipped, shot))
        return wid

    def fill(self, wid, actions):
        """Tab from the tree into the page, then one action per tab stop (disabled controls are no
        stop): text to type (replacing what is there), None to leave it, ("choose", n) for the n-th
        item of a list, "toggle" for a check box. Focus stays on the last one."""
        gui.key("Tab", wid=wid)
        for i, action in enumerate(actions):
            if i:
                gui.key("Tab")
            time.sleep(0.15)
            if action == "toggle":
                gui.key("space")
            elif isinstance(action, str):
                gui.key("ctrl+a", "BackSpace")
                if action:
                    gui.xdotool("type", "--delay", "20", action)
            elif isinstance(action, tuple) and action[0] == "choose":
                gui.key("Home", *(["Down"] * action[1]))

    def ok(self, wid, back=0):
        """OK is the dialog's default button: Return in a one-line field presses it (`back` tab
        stops before the focused one)."""
        gui.key(*(["shift+Tab"] * back), "Return")
        if not gui.wait_gone(wid, 15):
            shot = self.shot(wid, "not-closed")
            self.case.fail("the Options dialog did not close on OK (%s)" % shot)

    def shot(self, wid, name):
        path = os.path.join(OPTIONS["shots"] or self.tmp, "%s-%s-%s.png" % (self.plugin, self.lang, name))
        geometry = gui.framed(gui.window_geometry(wid))
        gui.screenshot(path, geometry)
        if OPTIONS["docs"] and name in DOC_SHOTS:
            docs = os.path.join(OPTIONS["docs"], "options-%s-%s.png" % (name, self.lang))
            shutil.copy(path, docs)
            gui.shrink_png(docs)
        return path

    def close(self, wid):
        gui.key("Escape", wid=wid)
        if not gui.wait_gone(wid, 10):
            gui.key("Escape", wid=wid)

    def message_after(self, before, timeout=15):
        """The message box that appeared since `before`, once drawn (gtk3 maps it before it paints)."""
        wid, name = gui.wait_for_window(MESSAGE[self.lang], timeout, exclude=before)
        time.sleep(1.5)
        return wid, name

    def close_message(self, wid):
        """OK on a message box; it must go."""
        for keys in (["Return"], ["Escape"], ["space"]):
            gui.key(*keys, wid=wid)
            if gui.wait_gone(wid, 5):
                return
        self.case.fail("the message box did not close")

    # ---- UNO reads of what LibreOffice holds ------------------------------

    def stored_password(self, key, user):
        container = self.lo.service("com.sun.star.task.PasswordContainer")
        handler = self.lo.service("com.sun.star.task.InteractionHandler")
        record = container.findForName(key, user, handler)
        for u in record.UserList:
            if u.UserName == user and u.Passwords:
                return u.Passwords[0]
        return ""

    def page_labels(self, with_clipping=False):
        """gui.window_labels of this office: the page's labels, and with `with_clipping` how each is cut off."""
        return gui.window_labels(self.lo, with_clipping)

    def connection_line(self, before=None, timeout=30):
        """The Register page's status line once Uji koneksi has written it (and it differs from
        `before`); None when it did not within `timeout` s."""
        regex = re.compile(CONNECTION_LINE[self.lang])
        deadline = time.monotonic() + timeout
        while True:
            lines = [(t, clipped) for t, clipped in self.page_labels(with_clipping=True) if regex.search(t)]
            if lines and lines[0][0] != before:
                text, clipped = lines[0]
                if clipped:
                    raise AssertionError("the page's status line is cut off by the page's edge (%s): %s" %
                                         (clipped, text))
                return text
            if time.monotonic() > deadline:
                return None
            time.sleep(0.5)

    def leaf_ids(self):
        provider = self.lo.service("com.sun.star.configuration.ConfigurationProvider")
        arg = office.uno().createUnoStruct("com.sun.star.beans.PropertyValue")
        arg.Name, arg.Value = "nodepath", "/org.openoffice.Office.OptionsDialog/Nodes/org.evakin.Options/Leaves"
        leaves = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (arg,))
        return {name: leaves.getByName(name).Id for name in leaves.getElementNames()}

    def installed_identifier(self):
        manager = self.lo.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        for package in manager.getDeployedExtensions("user", None, None):
            if package.getIdentifier().Value == EXTENSION_ID:
                return package.getIdentifier().Value
        return None


class OptionsOffice(gui.VisibleOffice):
    """A visible office whose last-used workspace (Settings.xcs) is the test's sample workspace."""

    def __init__(self, oxt, plugin, lang, workspace, **kw):
        super().__init__(oxt, plugin, lang, **kw)
        self.workspace = workspace

    def install_extension(self):
        super().install_extension()
        path = os.path.join(self.profile_url[len("file://"):], "user", "registrymodifications.xcu")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        item = ('<item oor:path="/org.evakin.Settings/Workspace"><prop oor:name="LastWorkspace" oor:op="fuse">'
                '<value>file://%s</value></prop></item>\n' % self.workspace)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("</oor:items>", item + "</oor:items>"))


def file_hash(path):
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return f.read()


class OptionsTest(unittest.TestCase):
    def run_once(self, plugin, lang):
        run = Run(self, plugin, lang)
        try:
            self.leaf_carries_extension_id(run)
            self.extension_manager_options(run)
            self.general_page(run)
            self.register_page(run)
            self.register_postgresql(run)
            self.evaluation_page(run)
            self.wrong_field_saves_nothing(run)
            ok, why = run.lo.alive()
            self.assertTrue(ok, why)
        except Exception as e:
            if isinstance(e, AssertionError):
                raise
            # UNO exceptions break unittest's traceback handling: report them as text.
            raise AssertionError("%s/%s: %s: %s\n%s" % (plugin, lang, type(e).__name__, e,
                                                        run.lo.log_tail())) from None
        finally:
            run.stop()

    def leaf_carries_extension_id(self, run):
        self.assertEqual(run.installed_identifier(), EXTENSION_ID)
        ids = run.leaf_ids()
        self.assertEqual(sorted(ids), ["org.evakin.Options.Evaluation", "org.evakin.Options.General",
                                       "org.evakin.Options.Register"])
        for leaf, value in ids.items():
            self.assertEqual(value, EXTENSION_ID, leaf)

    def extension_manager_options(self, run):
        """Tools › Extension Manager, our extension (the only one installed) selected, its Options
        button pressed: LibreOffice opens its Options dialog on our first page."""
        title, options_key = EXTENSION_MANAGER[run.lang]

        manager = run.open_dialog("service:com.sun.star.deployment.ui.PackageManagerDialog", title,
                                  "the Extension Manager")
        time.sleep(2.0)
        # A click on the list's first (and only) entry, just under the search field, selects it,
        # which enables Options.
        x, y, w, h = gui.window_geometry(manager)
        gui.click(x + w // 2, y + h * 24 // 100)
        time.sleep(0.8)
        run.shot(manager, "extension-manager")
        before = set(gui.visible_windows())
        gui.key(options_key, wid=manager)
        options, _ = gui.wait_for_window(TITLE[run.lang], 30, exclude=before)
        if options is None:
            shot = run.shot(manager, "no-options")
            self.fail("the Extension Manager's Options button opened nothing (%s): %s" %
                      (shot, gui.visible_windows()))
        time.sleep(1.5)
        run.shot(options, "from-extension-manager")
        self.assertIn(PAGE_TITLES["register"][run.lang], gui.window_name(options))
        run.close(options)
        self.assertTrue(gui.wait_gone(options, 10), "the Options dialog did not close")
        run.close(manager)
        if not gui.wait_gone(manager, 10):
            gui.key("alt+F4", wid=manager)
            self.assertTrue(gui.wait_gone(manager, 10), "the Extension Manager did not close")

    def general_page(self, run):
        wid = run.open_page("general")
        folder = os.path.join(run.tmp, "Evaluasi Kinerja")
        run.fill(wid, ["Siti Aminah", folder, None,
                       "mail.dinas.go.id", "", ("choose", 1), "perencanaan", "sandi-smtp-1",
                       "Subbag Perencanaan", "perencanaan@dinas.go.id",
                       "pop.dinas.go.id", "1995", ("choose", 1), "balasan", "sandi-pop3-2", "toggle"])
        run.ok(wid, back=1)
        with open(run.settings, encoding="utf-8") as f:
            saved = json.load(f)
        self.assertEqual(saved["nama_petugas"], "Siti Aminah")
        self.assertEqual(saved["folder_ruang_kerja"], folder)
        self.assertEqual(saved["surel"], {"server": "mail.dinas.go.id", "port": 587, "keamanan": "starttls",
                                          "pengguna": "perencanaan", "nama_pengirim": "Subbag Perencanaan",
                                          "alamat_pengirim": "perencanaan@dinas.go.id"})
        self.assertEqual(saved["pop3"], {"server": "pop.dinas.go.id", "port": 1995, "keamanan": "starttls",
                                         "pengguna": "balasan", "hapus_dari_server": True})
        with open(run.settings, encoding="utf-8") as f:
            self.assertNotIn("sandi-", f.read())
        self.assertEqual(run.stored_password("smtp://mail.dinas.go.id:587", "perencanaan"), "sandi-smtp-1")
        self.assertEqual(run.stored_password("pop3://pop.dinas.go.id:1995", "balasan"), "sandi-pop3-2")
        # Opened again, the page shows what was saved.
        wid = run.open_page("general")
        run.shot(wid, "general")
        run.close(wid)

    def register_page(self, run):
        register = os.path.join(run.tmp, "kantor", "register.sqlite")
        os.makedirs(os.path.dirname(register))
        wid = run.open_page("register")
        # SQLite: the PostgreSQL fields are disabled, no tab stops.
        run.fill(wid, [("choose", 0), register, None, None,
                       "{klasifikasi}/{urut}/{kode_unit}/{bulan_romawi}/{tahun}", "toggle", "DPMPTSP",
                       "000.8.3.3, 005, 050, 070", "070", "005"])
        run.ok(wid)
        with open(os.path.join(run.tmp, "kantor", "register.json"), encoding="utf-8") as f:
            numbering = json.load(f)
        self.assertEqual(numbering["pola_nomor"], "{klasifikasi}/{urut}/{kode_unit}/{bulan_romawi}/{tahun}")
        self.assertTrue(numbering["urutan_per_klasifikasi"])
        self.assertEqual(numbering["klasifikasi"], ["000.8.3.3", "005", "050", "070"])
        self.assertEqual(numbering["klasifikasi_bawaan"], {"pengantar": "070", "undangan": "005"})
        # The core takes the register, the pattern and "Dibuat oleh" from what was saved.
        letter = json.loads(run.cli("letter", run.workspace, "--kind", "pengantar", "--date", "2026-04-06",
                                    "--json").stdout)
        self.assertEqual(letter["number"], "070/1/DPMPTSP/IV/2026")
        entries = json.loads(run.cli("register", "list", "--json").stdout)
        self.assertEqual(entries["entries"][0]["createdBy"], "Siti Aminah")
        self.assertTrue(os.path.exists(register))
        # Opened again it shows what was saved; Uji koneksi opens the register and says so on the
        # page's last line (the screenshot).
        wid = run.open_page("register")
        run.shot(wid, "register")
        run.fill(wid, [None, None, None, None])   # kind, file, browse, Uji koneksi
        gui.key("space")
        line = run.connection_line()
        shot = run.shot(wid, "register-test")
        self.assertIsNotNone(line, "Uji koneksi wrote nothing on the page (%s)" % shot)
        self.assertIn({"id": "register dapat dibuka (", "en": "the register opens ("}[run.lang] + register, line, shot)
        run.close(wid)

    def register_postgresql(self, run):
        """The Register page with PostgreSQL on a server that wants a password: Uji koneksi with a
        wrong one says what is wrong in the page's words, with the right one the register opens; OK
        keeps the server in pengaturan.json and the password in LibreOffice's container only, and the
        CLI numbers a letter in the server's register."""
        if shutil.which("psql") is None:
            print("%s/%s: PostgreSQL part skipped: psql not installed (apt-get install postgresql)" %
                  (run.plugin, run.lang), flush=True)
            return
        res = subprocess.run(["bash", PG_SERVER, "start-password", PG_PASSWORD], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, timeout=180)
        if res.returncode == SKIP:
            print("%s/%s: PostgreSQL part skipped: %s" % (run.plugin, run.lang, res.stderr.strip()), flush=True)
            return
        self.assertEqual(res.returncode, 0, "pg-server.sh start-password failed: %s%s" % (res.stdout, res.stderr))
        server = dict(re.findall(r"(PG_\w+)=('[^']*'|\S+)", res.stdout))
        pg_dir, port = server["PG_DIR"], int(server["PG_PORT"])
        try:
            self._register_postgresql(run, port)
        finally:
            subprocess.run(["bash", PG_SERVER, "stop", pg_dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=120)

    def _register_postgresql(self, run, port):
        conn = "host=127.0.0.1 port=%d dbname=evakin user=evakin" % port
        no_pgpass = {"PGPASSWORD": None, "PGPASSFILE": os.path.join(run.tmp, "no-pgpass")}

        def psql(sql):
            res = subprocess.run(["psql", "-X", "-h", "127.0.0.1", "-p", str(port), "-U", "evakin", "-At", "-F", "|",
                                  "-c", sql, "evakin"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 timeout=60, env=dict(os.environ, PGPASSWORD=PG_PASSWORD))
            self.assertEqual(res.returncode, 0, "psql %s: %s" % (sql, res.stderr))
            return res.stdout.strip()

        wid = run.open_page("register")
        # PostgreSQL chosen: the SQLite file and its button are disabled (no tab stops), the server's
        # fields enabled. Focus ends on Uji koneksi.
        run.fill(wid, [("choose", 1), "127.0.0.1", str(port), "evakin", "evakin", PG_WRONG_PASSWORD, None])
        gui.key("space")
        wrong = run.connection_line()
        shot = run.shot(wid, "register-postgresql-wrong")
        self.assertIsNotNone(wrong, "Uji koneksi with a wrong password wrote nothing on the page (%s): %s" %
                             (shot, run.page_labels()))
        self.assertIn(REFUSED[run.lang], wrong, shot)
        self.assertIn("user=evakin", wrong, "the line names the server it tried (%s)" % shot)
        for word in LIBRARY_WORDS + (PG_WRONG_PASSWORD, "password="):
            self.assertNotIn(word, wrong, "Uji koneksi shows %r (%s): %s" % (word, shot, wrong))
        # The right password, Uji koneksi again: the register opens (and is made on the server).
        gui.key("shift+Tab", "ctrl+a", "BackSpace")
        gui.xdotool("type", "--delay", "20", PG_PASSWORD)
        gui.key("Tab", "space")
        right = run.connection_line(before=wrong)
        shot = run.shot(wid, "register-postgresql-test")
        self.assertIsNotNone(right, "Uji koneksi with the right password changed nothing on the page (%s)" % shot)
        self.assertRegex(right, {"id": r"register dapat dibuka \(postgresql:%s\); nomor tercatat tahun ini: 0\.",
                                 "en": r"the register opens \(postgresql:%s\); numbers taken this year: 0\."
                                 }[run.lang] % re.escape(conn), shot)
        for word in ("password=", PG_PASSWORD, "PG\\", "uji-7"):
            self.assertNotIn(word, right, "Uji koneksi shows %r (%s): %s" % (word, shot, right))
        # It reached the server: the register's tables are there.
        self.assertNotEqual(psql("select value from register_meta where key = 'schema_version'"), "")
        run.ok(wid, back=1)    # from Uji koneksi back to the password field

        # The server in pengaturan.json, without the password; the numbering typed before kept, now
        # in the data folder's register.json (the one of a PostgreSQL register).
        with open(run.settings, encoding="utf-8") as f:
            saved = json.load(f)
        self.assertEqual(saved["register"], "postgresql:" + conn)
        with open(os.path.join(run.data, "evakin", "register.json"), encoding="utf-8") as f:
            numbering = json.load(f)
        self.assertEqual(numbering["pola_nomor"], "{klasifikasi}/{urut}/{kode_unit}/{bulan_romawi}/{tahun}")
        self.assertEqual(numbering["klasifikasi_bawaan"], {"pengantar": "070", "undangan": "005"})
        self.assertEqual(run.stored_password("postgresql://127.0.0.1:%d/evakin" % port, "evakin"), PG_PASSWORD)

        # The CLI takes the server from pengaturan.json and the password from PGPASSWORD: without it the
        # server refuses and no number is taken; with it the letter's number is the server's.
        refused = run.cli("letter", run.workspace, "--kind", "pengantar", "--date", "2026-04-07", "--json",
                          check=False, env=no_pgpass)
        self.assertNotEqual(refused.returncode, 0, refused.stdout)
        self.assertRegex(refused.stdout, "Tidak ada nomor yang diambil|No number was taken")
        self.assertEqual(psql("select count(*) from letter_register"), "0")
        letter = json.loads(run.cli("letter", run.workspace, "--kind", "pengantar", "--date", "2026-04-07", "--json",
                                    env=dict(no_pgpass, PGPASSWORD=PG_PASSWORD)).stdout)
        self.assertEqual(letter["number"], "070/1/DPMPTSP/IV/2026")
        self.assertEqual(psql("select number, kind, created_by, status from letter_register"),
                         "070/1/DPMPTSP/IV/2026|pengantar|Siti Aminah|issued")

        # The password is in no file: not the test's (settings, register.json, workspace, letter),
        # not the office's (profile, soffice.log).
        for top in (run.tmp, run.lo.tmp):
            for root, _, files in os.walk(top):
                for name in files:
                    path = os.path.join(root, name)
                    if os.path.islink(path) or not os.path.isfile(path):
                        continue
                    try:
                        with open(path, "rb") as f:
                            data = f.read()
                    except OSError:
                        continue
                    for secret in (PG_PASSWORD, PG_WRONG_PASSWORD):
                        self.assertNotIn(secret.encode("utf-8"), data, "the password is in %s" % path)

        # Opened again, the page shows the server and the password from the container (as dots).
        wid = run.open_page("register")
        run.shot(wid, "register-postgresql")
        run.close(wid)

    def evaluation_page(self, run):
        wid = run.open_page("evaluation")
        run.fill(wid, ["90", "Sangat Baik", "Very good", "75", "Baik", "Good", "60", "Cukup", "Fair",
                       "0", "Kurang", "Poor", "", "", "", "75", ("choose", 1), "Pangkalpinang",
                       "Peraturan Gubernur Nomor 1 Tahun 2026;"])
        run.ok(wid, back=1)    # from the multi-line field back to the city
        with open(os.path.join(run.workspace, "penilaian.json"), encoding="utf-8") as f:
            rating = json.load(f)
        self.assertEqual([(b["min"], b["label"], b["labelEn"]) for b in rating["bands"]],
                         [(90, "Sangat Baik", "Very good"), (75, "Baik", "Good"), (60, "Cukup", "Fair"),
                          (0, "Kurang", "Poor")])
        self.assertEqual(rating["goodFrom"], 75)
        self.assertEqual(rating["negativeFormula"], "inverse")
        with open(os.path.join(run.workspace, "laporan.json"), encoding="utf-8") as f:
            report = json.load(f)
        self.assertEqual(report["kota"], "Pangkalpinang")
        self.assertEqual(report["dasarHukum"], ["Peraturan Gubernur Nomor 1 Tahun 2026;"])
        wid = run.open_page("evaluation")
        run.shot(wid, "evaluation")
        run.close(wid)

    def wrong_field_saves_nothing(self, run):
        before_file = file_hash(run.settings)
        wid = run.open_page("general")
        run.fill(wid, [None, None, None, None, "58x"])     # the SMTP port
        before = set(gui.visible_windows())
        gui.key("Return")
        # The dialog closes; the message naming the field follows.
        box, name = run.message_after(before)
        self.assertIsNotNone(box, "a wrong port showed no message")
        run.shot(box, "wrong-field")
        run.close_message(box)
        self.assertEqual(file_hash(run.settings), before_file, "a wrong field changed pengaturan.json")


def _add_runs():
    runs = RUNS
    if OPTIONS["runs"]:
        runs = [tuple(r.split(":")) for r in OPTIONS["runs"].split(",")]
    for plugin, lang in runs:
        def test(self, plugin=plugin, lang=lang):
            self.run_once(plugin, lang)
        setattr(OptionsTest, "test_%s_%s" % (plugin, lang), test)


def _take_option(argv, name):
    if "--" + name in argv:
        i = argv.index("--" + name)
        value = argv[i + 1]
        del argv[i:i + 2]
        return value
    return None


def main():
    if gui.XVFB is None or shutil.which("xdotool") is None or shutil.which("import") is None:
        print("SKIP: Xvfb, xdotool or ImageMagick missing (scripts/setup-deps.sh installs them)")
        sys.exit(SKIP)
    argv = sys.argv
    for name in OPTIONS:
        value = _take_option(argv, name)
        if value is not None:
            OPTIONS[name] = os.path.abspath(value) if name in ("shots", "docs") else value
    if os.geteuid() == 0:
        import pwd  # noqa: PLC0415
        user = pwd.getpwnam(office.TEST_USER)
        for name in ("shots", "docs"):
            if OPTIONS[name]:
                os.makedirs(OPTIONS[name], exist_ok=True)
                os.chown(OPTIONS[name], user.pw_uid, user.pw_gid)
        for name, value in OPTIONS.items():
            if value is not None:
                argv += ["--" + name, value]
    _add_runs()
    office.run_tests(argv=argv)


if __name__ == "__main__":
    main()
