"""A headless LibreOffice for Evakin's scripts, benchmarks and tests that do
not need the extension: a private pipe, a throw-away profile, reconnection
while the first start restarts itself, and always a clean stop.

    with HeadlessOffice() as lo:
        doc = lo.load("form.ods")                 # hidden
        doc.storeToURL(url, props(FilterName="calc8"))

Run with Debian's /usr/bin/python3 (python3-uno). The integration tests that
install the .oxt use tests/integration/office.py instead."""
import os
import shutil
import signal
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

RESTART_EXIT_CODE = 81   # soffice.bin asks its launcher to start it again


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def props(**values):
    """PropertyValue tuple from keyword arguments: props(Hidden=True)."""
    return tuple(pv(k, v) for k, v in values.items())


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


class HeadlessOffice:
    def __init__(self, name="evakin", start_timeout=120):
        self.name = name
        self.start_timeout = start_timeout
        self.desktop = None
        self.proc = None

    def __enter__(self):
        self.tmp = tempfile.mkdtemp(prefix="%s-lo-" % self.name)
        self.pipe = "%s%d" % (self.name.replace("-", ""), os.getpid())
        self.proc = subprocess.Popen(
            ["soffice", "-env:UserInstallation=" + file_url(os.path.join(self.tmp, "profile")), "--headless",
             "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
             "--accept=pipe,name=%s;urp;" % self.pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + self.start_timeout
        while True:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
                return self
            except Exception:
                died = self.proc.poll() is not None and self.proc.returncode != RESTART_EXIT_CODE
                if time.time() > deadline or died:
                    self.__exit__()
                    raise RuntimeError("LibreOffice did not start")
                time.sleep(0.5)

    def __exit__(self, *exc):
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:   # the bridge goes away while terminating
                pass
        if self.proc is not None:
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)
        return False

    def load(self, path_or_url, **more):
        """Loads a document hidden (unless Hidden=False is given); raises when LibreOffice returns nothing."""
        url = path_or_url if "://" in path_or_url or path_or_url.startswith("private:") else file_url(path_or_url)
        doc = self.desktop.loadComponentFromURL(url, "_blank", 0, props(**dict(dict(Hidden=True), **more)))
        if doc is None:
            raise RuntimeError("LibreOffice could not load " + path_or_url)
        return doc
