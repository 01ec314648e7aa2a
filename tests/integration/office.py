"""A real headless LibreOffice with the built evakin.oxt installed, for tests.

A test file (see test_extension.py):

    import office

    class Forms(unittest.TestCase):
        def test_something(self):
            lo = office.shared_office()                 # one office per test file
            office.run_cli("init", "--sample", ws)      # the `evakin` CLI (--cli)
            doc = lo.load("/path/form.ods")             # hidden; closed on exit
            frame = lo.new_frame("scalc")                # frame of an empty Calc document
            outcome = lo.dispatch(frame, "org.evakin:Distribute", Workspace=ws, Silent=True)
            assert outcome.ok, outcome.result           # result: JSON summary or message
            evakin = lo.service("org.evakin.Evakin")    # our own UNO types work too
            summary = evakin.distribute(ws, True)

    if __name__ == "__main__":
        office.run_tests()      # --oxt PATH --cli PATH [-k PATTERN]; prints "N passed, M failed"

or on its own: `with office.Office(oxt_path) as lo: ...`.

Scripts, benchmarks and tests that only load, convert and save documents use
the same harness without the extension (scripts/headless_office.py re-exports it):

    with office.HeadlessOffice("evakin-demo") as lo:
        doc = lo.load("form.ods")                 # hidden unless Hidden=False
        doc.storeToURL(office.file_url(path), office.props(FilterName="calc8"))

Stopping an office asserts how soffice ended: after desktop.terminate() it must
exit with 0 by itself; a crash, a hang (killed) or another code raises OfficeError.

Each Office makes a fresh user profile in a temp dir, installs the .oxt into
it with `unopkg add`, starts `soffice.bin --headless` on a private pipe,
reconnects until org.evakin.Evakin can be instantiated (the first start on a
fresh profile may restart itself), and always kills the soffice it started:
on exit, on failure, and from a watchdog when a call hangs.

soffice and unopkg refuse to run as root with a per-user profile, so
`run_tests()` (the runner of every test file here) re-executes the whole test
as the unprivileged user `evakin` (created by scripts/setup-deps.sh) when it
is started as root, staging the inputs where that user can read them.

Run with Debian's /usr/bin/python3: python3-uno does not work with other
interpreters. `uno` is imported lazily, after URE_MORE_TYPES names our types
rdb, so test files must not import uno themselves before creating an Office
(use `office.uno()` and `office.props()`).
"""

import atexit
import collections
import ctypes
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import unittest
import zipfile

LO_PROGRAM = "/usr/lib/libreoffice/program"
SOFFICE_BIN = os.path.join(LO_PROGRAM, "soffice.bin")
UNOPKG = os.path.join(LO_PROGRAM, "unopkg")
SYSTEM_PYTHON = "/usr/bin/python3"
TEST_USER = "evakin"
EVAKIN_SERVICE = "org.evakin.Evakin"
TOOLBAR = "private:resource/toolbar/addon_org.evakin.Toolbar"
RESTART_EXIT_CODE = 81      # soffice.bin asks its launcher to start it again

# Filled by run_tests() from the command line: {"oxt": ..., "cli": ..., "source_dir": ...}.
# source_dir is the test file's folder in the source tree (as root, the test runs
# from a staged copy; the source tree itself must then be world-readable).
CONFIG = {}

_uno = None
_client_rdb = None   # our types for this client process, shared by every Office


def uno():
    """The uno module, imported once our types are on URE_MORE_TYPES."""
    global _uno
    if _uno is None:
        import uno as module  # noqa: PLC0415 (deliberately late)
        _uno = module
    return _uno


def props(**values):
    """PropertyValue tuple from keyword arguments: props(Hidden=True)."""
    pv_type = uno().getClass("com.sun.star.beans.PropertyValue")
    out = []
    for name, value in values.items():
        pv = pv_type()
        pv.Name = name
        pv.Value = value
        out.append(pv)
    return tuple(out)


def pv(name, value):
    """One PropertyValue: pv("FilterName", "calc8")."""
    return props(**{name: value})[0]


def file_url(path):
    return uno().systemPathToFileUrl(os.path.abspath(path))


DispatchOutcome = collections.namedtuple("DispatchOutcome", "ok state result")


try:
    _libc = ctypes.CDLL("libc.so.6", use_errno=True)
except OSError:
    _libc = None


def _die_with_parent():
    """preexec_fn: the child gets SIGKILL when the test process dies (PR_SET_PDEATHSIG)."""
    if _libc is not None:
        _libc.prctl(1, signal.SIGKILL)


class OfficeError(RuntimeError):
    pass


class Office:
    def __init__(self, oxt=None, *, extension=True, name="evakin", start_timeout=180, timeout=600,
                 keep_profile=False):
        """start_timeout: seconds for unopkg and for soffice to come up; timeout: seconds the
        office may live after that (then a watchdog kills it); EVAKIN_KEEP_PROFILE=1 keeps the
        profile and soffice.log for debugging. extension=False: a plain office (HeadlessOffice)."""
        self.extension = extension
        self.name = name
        self.oxt = os.path.abspath(oxt or CONFIG["oxt"]) if extension else None
        self.start_timeout = start_timeout
        self.timeout = timeout
        self.keep_profile = keep_profile or bool(os.environ.get("EVAKIN_KEEP_PROFILE"))
        self.tmp = None
        self.proc = None
        self.ctx = None
        self.smgr = None
        self.desktop = None
        self._docs = []
        self._watchdog = None
        self._launches = 0
        self.exit_code = None      # how soffice ended: 0 after a clean terminate, negative when killed
        self._killed = False

    # ---- lifecycle -------------------------------------------------------

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, exc_type=None, *exc):
        # A failing block's own exception matters more than how soffice ended.
        self.stop(check_exit=exc_type is None)
        return False

    def start(self):
        if self.extension and os.geteuid() == 0:
            raise OfficeError("soffice must not run as root: use office.run_tests(), which re-runs as user "
                              + TEST_USER)
        self.tmp = tempfile.mkdtemp(prefix="%s-office-" % self.name)
        self.profile_url = "file://" + os.path.join(self.tmp, "profile")
        self.pipe = "%s_%d_%d" % (self.name.replace("-", "_"), os.getpid(), int(time.time() * 1000) % 1000000)
        self.log_path = os.path.join(self.tmp, "soffice.log")
        try:
            if self.extension:
                self._client_types()
                self.install_extension()
            self._arm_watchdog(self.start_timeout + 60)
            self._launch()
            self._connect()
        except BaseException:
            self.stop()
            raise
        self._arm_watchdog(self.timeout)

    def stop(self, check_exit=True):
        """Closes the documents, terminates soffice and removes the profile; raises OfficeError
        (after cleaning up) when soffice did not exit with 0 by itself and check_exit is set."""
        started = self.proc is not None
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        for doc in reversed(self._docs):
            self._close_quietly(doc)
        self._docs = []
        if self.desktop is not None and self.proc is not None and self.proc.poll() is None:
            try:
                self.desktop.terminate()
            except Exception:   # the bridge goes away while terminating
                pass
        self.desktop = self.smgr = self.ctx = None
        self._kill()
        log = self.log_tail() if started and (self.exit_code != 0 or self._killed) else ""
        if self.tmp and not self.keep_profile:
            shutil.rmtree(self.tmp, ignore_errors=True)
        elif self.tmp:
            print("office: profile kept in", self.tmp, file=sys.stderr)
        self.tmp = None
        if check_exit and started and (self._killed or self.exit_code != 0):
            raise OfficeError("soffice did not end cleanly (exit %s%s); log:\n%s"
                              % (self.exit_code, ", killed" if self._killed else "", log))

    def _kill(self):
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            try:
                proc.wait(timeout=10)     # after desktop.terminate()
            except subprocess.TimeoutExpired:
                pass
        if proc.poll() is None:
            self._killed = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)   # its own process group (start_new_session)
            except ProcessLookupError:
                pass
            proc.wait(timeout=30)
        self.exit_code = proc.returncode

    def _arm_watchdog(self, seconds):
        """Kills soffice when a start or a call hangs, so the blocked call fails instead of hanging ctest."""
        if self._watchdog is not None:
            self._watchdog.cancel()

        def fire():
            print("office: watchdog fired after %ds, killing soffice" % seconds, file=sys.stderr)
            proc = self.proc
            if proc is not None and proc.poll() is None:
                self._killed = True
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

        self._watchdog = threading.Timer(seconds, fire)
        self._watchdog.daemon = True
        self._watchdog.start()

    # ---- start-up --------------------------------------------------------

    def _client_types(self):
        """This client needs our IDL types too: the rdb from the .oxt goes on URE_MORE_TYPES."""
        global _client_rdb
        if _client_rdb is None:
            folder = tempfile.mkdtemp(prefix="evakin-types-")
            atexit.register(shutil.rmtree, folder, True)
            _client_rdb = os.path.join(folder, "evakin.rdb")
            with zipfile.ZipFile(self.oxt) as z, open(_client_rdb, "wb") as out:
                out.write(z.read("evakin.rdb"))
            if _uno is not None:
                raise OfficeError("import uno only through office.uno(), after an Office has started")
            os.environ["URE_MORE_TYPES"] = "<file://%s/types>* file://%s" % (LO_PROGRAM, _client_rdb)

    def install_extension(self):
        cmd = [UNOPKG, "add", "--suppress-license", "-env:UserInstallation=" + self.profile_url, self.oxt]
        started = time.monotonic()
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             timeout=self.start_timeout, preexec_fn=_die_with_parent)
        if res.returncode != 0:
            raise OfficeError("unopkg add failed (%d):\n%s" % (res.returncode, res.stdout))
        self.install_seconds = time.monotonic() - started

    def _launch(self):
        self._launches += 1
        cmd = [SOFFICE_BIN, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
               "--nolockcheck", "-env:UserInstallation=" + self.profile_url,
               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe]
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                     start_new_session=True, preexec_fn=_die_with_parent)
        log.close()

    def _connect(self):
        u = uno()
        from com.sun.star.connection import NoConnectException  # noqa: PLC0415
        local = u.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe
        deadline = time.monotonic() + self.start_timeout
        last_error = None
        while time.monotonic() < deadline:
            code = self.proc.poll()
            if code is not None:
                # Exit 81: a fresh profile asked for a restart (the launcher's job, which is us).
                if self._launches >= 4:
                    raise OfficeError("soffice exited with %d (launched %d times); log:\n%s"
                                      % (code, self._launches, self.log_tail()))
                self._launch()
            try:
                ctx = resolver.resolve(url)
                smgr = ctx.ServiceManager
                # With the extension: up only once our service answers (the first start may restart).
                probe = smgr.createInstanceWithContext(EVAKIN_SERVICE, ctx) if self.extension else smgr
                if probe is not None:
                    self.ctx, self.smgr = ctx, smgr
                    self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
                    return
                last_error = "%s not available yet" % EVAKIN_SERVICE
            except NoConnectException as e:
                last_error = e
            except Exception as e:   # DisposedException / RuntimeException while it restarts
                last_error = e
            time.sleep(0.5)
        raise OfficeError("could not reach soffice%s within %ds (last: %s); log:\n%s"
                          % (" with " + EVAKIN_SERVICE if self.extension else "", self.start_timeout, last_error,
                             self.log_tail()))

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no log)"

    # ---- conveniences ----------------------------------------------------

    def service(self, name):
        obj = self.smgr.createInstanceWithContext(name, self.ctx)
        if obj is None:
            raise OfficeError("cannot create " + name)
        return obj

    def load(self, path_or_url, hidden=True, **more):
        url = path_or_url if "://" in path_or_url or path_or_url.startswith("private:") else file_url(path_or_url)
        doc = self.desktop.loadComponentFromURL(url, "_blank", 0, props(Hidden=hidden, **more))
        if doc is None:
            raise OfficeError("LibreOffice could not load " + path_or_url)
        self._docs.append(doc)
        return doc

    def new_frame(self, factory="scalc", hidden=True):
        """The frame of a new, empty document: factory is swriter or scalc."""
        doc = self.load("private:factory/" + factory, hidden=hidden)
        return doc.getCurrentController().getFrame()

    def close(self, doc):
        if doc in self._docs:
            self._docs.remove(doc)
        self._close_quietly(doc)

    @staticmethod
    def _close_quietly(doc):
        try:
            doc.close(True)
        except Exception:
            try:
                doc.dispose()
            except Exception:
                pass

    @staticmethod
    def ui_elements(frame):
        """Resource URLs of the frame's toolbars and bars (private:resource/toolbar/...)."""
        return [e.ResourceURL for e in frame.LayoutManager.getElements()]

    def dispatch(self, frame, command, **arguments):
        """Dispatches command (e.g. org.evakin:Distribute) on frame and waits for its result."""
        u = uno()
        import unohelper  # noqa: PLC0415
        from com.sun.star.frame import XDispatchResultListener  # noqa: PLC0415
        from com.sun.star.frame.DispatchResultState import SUCCESS  # noqa: PLC0415

        class Listener(unohelper.Base, XDispatchResultListener):
            def __init__(self):
                self.done = threading.Event()
                self.event = None

            def dispatchFinished(self, event):
                self.event = event
                self.done.set()

            def disposing(self, source):
                pass

        url = u.createUnoStruct("com.sun.star.util.URL")
        url.Complete = command
        transformer = self.service("com.sun.star.util.URLTransformer")
        _, url = transformer.parseStrict(url)
        dispatcher = frame.queryDispatch(url, "_self", 0)
        if dispatcher is None:
            raise OfficeError("no dispatcher for " + command)
        listener = Listener()
        dispatcher.dispatchWithNotification(url, props(**arguments), listener)
        if not listener.done.wait(self.timeout):
            raise OfficeError(command + ": no result")
        ev = listener.event
        return DispatchOutcome(ev.State == SUCCESS, ev.State, ev.Result)


class HeadlessOffice(Office):
    """A headless LibreOffice without the extension, for scripts, benchmarks and tests that only load,
    convert and save documents; may run as root (only unopkg refuses to)."""

    def __init__(self, name="evakin", start_timeout=120, timeout=3600):
        super().__init__(extension=False, name=name, start_timeout=start_timeout, timeout=timeout)

    def load(self, path_or_url, **more):
        """Loads a document hidden (unless Hidden=False is given); raises when LibreOffice returns nothing."""
        hidden = more.pop("Hidden", True)
        return super().load(path_or_url, hidden=hidden, **more)


# ---- runner ---------------------------------------------------------------

_shared = None
_shared_error = None


def shared_office():
    """One Office for all tests of a run (started on first use, stopped by run_tests).
    When it cannot start, every later call fails at once with the same error."""
    global _shared, _shared_error
    if _shared_error is not None:
        raise OfficeError("the office did not start: %s" % _shared_error)
    if _shared is None:
        candidate = Office()
        try:
            candidate.start()
        except BaseException as e:
            _shared_error = e
            raise
        _shared = candidate
    return _shared


def run_cli(*args, check=True, timeout=120):
    """Runs the `evakin` command-line tool; returns the CompletedProcess."""
    res = subprocess.run([CONFIG["cli"], *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, timeout=timeout)
    if check and res.returncode != 0:
        raise AssertionError("evakin %s failed (%d):\n%s%s" % (" ".join(args), res.returncode, res.stdout, res.stderr))
    return res


def _reexec_as_test_user(argv, options):
    """As root: stage inputs where the test user can read them and run this test again as that user."""
    import pwd  # noqa: PLC0415
    try:
        user = pwd.getpwnam(TEST_USER)
    except KeyError:
        sys.exit("running as root needs the user '%s': run scripts/setup-deps.sh" % TEST_USER)
    stage = tempfile.mkdtemp(prefix="evakin-itest-")
    here = os.path.dirname(os.path.abspath(argv[0]))
    tests = os.path.join(stage, "tests")
    shutil.copytree(here, tests, ignore=shutil.ignore_patterns("__pycache__"))
    new_args = []
    for key, value in options.items():
        if key == "rest" or value is None:
            continue
        if key in ("oxt", "cli") and os.path.exists(value):
            dest = os.path.join(stage, os.path.basename(value))
            shutil.copy2(value, dest)
            value = dest
        new_args += ["--" + key, value]
    for root, dirs, files in os.walk(stage):
        for name in dirs + files:
            os.chown(os.path.join(root, name), user.pw_uid, user.pw_gid)
    os.chown(stage, user.pw_uid, user.pw_gid)
    script = os.path.join(tests, os.path.basename(argv[0]))
    env = dict(os.environ, HOME=user.pw_dir, USER=TEST_USER, LOGNAME=TEST_USER, EVAKIN_ITEST_STAGE=stage,
               EVAKIN_ITEST_SOURCE=here)
    os.chdir(stage)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execvpe("runuser", ["runuser", "-u", TEST_USER, "--", SYSTEM_PYTHON, script, *new_args, *options["rest"]],
               env)


def _parse(argv):
    options = {"oxt": None, "cli": None, "rest": []}
    i = 1
    while i < len(argv):
        arg = argv[i]
        if arg.startswith("--") and arg[2:] in options and arg[2:] != "rest" and i + 1 < len(argv):
            options[arg[2:]] = argv[i + 1]
            i += 2
        else:
            options["rest"].append(arg)
            i += 1
    return options


def run_tests(module_name="__main__", argv=None):
    """Runs the unittest cases of a test file: `--oxt PATH --cli PATH [-k PATTERN]`.

    Prints a final line "N passed, M failed" and exits non-zero on failure.
    """
    argv = list(sys.argv if argv is None else argv)
    options = _parse(argv)
    if os.geteuid() == 0:
        _reexec_as_test_user(argv, options)
    CONFIG.update({k: v for k, v in options.items() if k != "rest" and v is not None})
    CONFIG["source_dir"] = os.environ.get("EVAKIN_ITEST_SOURCE") or os.path.dirname(os.path.abspath(argv[0]))
    for key in ("oxt", "cli"):
        if not CONFIG.get(key) or not os.path.exists(CONFIG[key]):
            sys.exit("missing --%s (got %r)" % (key, CONFIG.get(key)))
    pattern = None
    if "-k" in options["rest"]:
        pattern = options["rest"][options["rest"].index("-k") + 1]

    loader = unittest.TestLoader()
    if pattern:
        loader.testNamePatterns = ["*%s*" % pattern]
    suite = loader.loadTestsFromModule(sys.modules[module_name])
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    global _shared
    office_failed = False
    try:
        if _shared is not None:
            shared, _shared = _shared, None
            shared.stop()
    except Exception:
        traceback.print_exc()
        office_failed = True   # soffice crashed or hung on the way out: the run fails
    stage = os.environ.get("EVAKIN_ITEST_STAGE")
    if stage and os.path.isdir(stage):
        shutil.rmtree(stage, ignore_errors=True)
    # A test with several failing subtests counts once.
    failing = {getattr(t, "test_case", t).id() for t, _ in result.failures + result.errors}
    failed = len(failing) + len(getattr(result, "unexpectedSuccesses", [])) + office_failed
    passed = result.testsRun - failed - len(result.skipped)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed or result.testsRun == 0 else 0)


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ---- helpers for tests that make returns the way staff do -------------------

XLSX_FILTER = "Calc MS Excel 2007 XML"


def hash_tree(folder):
    """{relative path: sha256} of every file under folder: proves a folder was not modified."""
    hashes = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                hashes[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
    return hashes


def named_cell(doc, name):
    """The first cell of a named range of a form (e.g. evakin_faktor_pendorong)."""
    return doc.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0)


def data_rows(doc):
    """First and last sheet row (0-based) of a form's table body (the named range evakin_data): the indicator
    rows and the urusan and bidang urusan rows above them."""
    area = doc.NamedRanges.getByName("evakin_data").getReferredCells().RangeAddress
    return area.StartRow, area.EndRow


def indicator_rows(doc):
    """The sheet rows (0-based) of a form's indicator rows, in order: the table body's rows with a number in
    "No" (an urusan or bidang urusan row has none)."""
    first, last = data_rows(doc)
    sheet = doc.Sheets.getByName("Evaluasi")
    return [r for r in range(first, last + 1) if sheet.getCellByPosition(0, r).String]


def heading_rows(doc):
    """The sheet rows (0-based) of a form's urusan and bidang urusan rows."""
    first, last = data_rows(doc)
    numbered = set(indicator_rows(doc))
    return [r for r in range(first, last + 1) if r not in numbered]


def save_copy(doc, path, xlsx=False):
    """Saves a copy of doc as .ods, or as .xlsx with Excel's filter (as a unit would to send it back)."""
    extra = {"FilterName": XLSX_FILTER} if xlsx else {"FilterName": "calc8"}
    doc.storeToURL(file_url(path), props(Overwrite=True, **extra))


def a1(col, row):
    """A1 address of a 0-based column and row: a1(10, 14) == "K15"."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return "%s%d" % (letters, row + 1)
