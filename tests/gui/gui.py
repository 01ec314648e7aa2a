"""A visible LibreOffice under Xvfb, driven the way a person drives it.

The office itself comes from tests/integration/office.py (fresh profile, the
.oxt installed with unopkg, reconnect until org.evakin.Evakin answers, always
killed); VisibleOffice only starts it with a window on an Xvfb display and a
chosen VCL plugin and UI language. Input goes through the X server (xdotool:
clicks and keys, as a person types them); what is on screen is read from the
X server too (window names, `import -window root` screenshots), so the test
sees the dialogs the user sees, native GTK ones included. Only where the
pixel position of a toolbar button is needed does it ask LibreOffice, through
the toolbar's accessibility tree (the same tree a screen reader reads).
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# As root, office.run_tests re-runs this file from a staged copy of tests/gui;
# EVAKIN_ITEST_SOURCE then names the source folder, beside which office.py lives.
SOURCE_DIR = os.environ.get("EVAKIN_ITEST_SOURCE") or HERE
sys.path.insert(0, os.path.join(os.path.dirname(SOURCE_DIR), "integration"))
import office  # noqa: E402

XVFB = shutil.which("Xvfb")
OPENBOX = shutil.which("openbox")


def _run(cmd, timeout=20, check=True, env=None):
    try:
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout,
                             env=env)
    except subprocess.TimeoutExpired:
        if check:
            raise
        return ""       # e.g. windowactivate --sync on a window the window manager will not activate
    if check and res.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), res.returncode, res.stderr.strip()))
    return res.stdout


class Display:
    """An Xvfb server on a free display number, killed on stop()."""

    def __init__(self, width=1366, height=768):
        self.width, self.height = width, height
        self.proc = None
        self.name = None

    def start(self):
        for number in range(90, 140):
            if os.path.exists("/tmp/.X11-unix/X%d" % number) or os.path.exists("/tmp/.X%d-lock" % number):
                continue
            proc = subprocess.Popen([XVFB, ":%d" % number, "-screen", "0", "%dx%dx24" % (self.width, self.height),
                                     "-nolisten", "tcp", "-noreset"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    start_new_session=True, preexec_fn=office._die_with_parent)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and proc.poll() is None:
                if os.path.exists("/tmp/.X11-unix/X%d" % number):
                    self.proc, self.name = proc, ":%d" % number
                    os.environ["DISPLAY"] = self.name
                    print("gui: DISPLAY=%s" % self.name, flush=True)
                    self._start_window_manager()
                    return self
                time.sleep(0.1)
            if proc.poll() is None:
                proc.kill()
        raise RuntimeError("no Xvfb display could be started")

    def _start_window_manager(self):
        """openbox, as on a desktop: GTK sizes, maps and focuses windows and dialogs only with one."""
        self.wm = None
        if OPENBOX is None:
            return
        self.wm = subprocess.Popen([OPENBOX, "--sm-disable"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True, preexec_fn=office._die_with_parent)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if "_NET_SUPPORTING_WM_CHECK" in _run(["xprop", "-root"], check=False):
                return
            time.sleep(0.1)

    def stop(self):
        wm = getattr(self, "wm", None)
        if wm is not None and wm.poll() is None:
            wm.kill()
            wm.wait(timeout=5)
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc = None


# ---- X windows ------------------------------------------------------------

def xdotool(*args, timeout=20, check=True):
    return _run(["xdotool", *[str(a) for a in args]], timeout=timeout, check=check)


def window_name(wid):
    out = _run(["xdotool", "getwindowname", str(wid)], check=False)
    return out.strip()


def window_geometry(wid):
    """(x, y, width, height) of a window's inside on the screen (xwininfo's absolute position:
    xdotool's adds the window manager's frame once more)."""
    out = _run(["xwininfo", "-id", str(wid)], check=False)
    values = {}
    for key, name in (("x", "Absolute upper-left X"), ("y", "Absolute upper-left Y"), ("w", "Width"),
                      ("h", "Height")):
        m = re.search(r"%s:\s+(-?\d+)" % name, out)
        if not m:
            return None
        values[key] = int(m.group(1))
    return values["x"], values["y"], values["w"], values["h"]


def framed(geometry, title_bar=22):
    """A window's rectangle with the window manager's title bar above it (for a screenshot)."""
    if geometry is None:
        return None
    x, y, w, h = geometry
    top = max(0, y - title_bar)
    return x, top, w, h + (y - top)


def visible_windows():
    """{window id: name} of every mapped window that has a name (top-level windows, dialogs, menus).
    Two xdotool calls whatever the number of windows (one per window is slow on a loaded machine);
    they list the windows in the same order, and are repeated if a window came or went between."""
    for _ in range(5):
        ids = _run(["xdotool", "search", "--onlyvisible", "--name", "."], check=False).split()
        if not ids:
            return {}
        out = _run(["xdotool", "search", "--onlyvisible", "--name", ".", "getwindowname", "%@"], check=False)
        names = out.split("\n")
        if names and names[-1] == "":
            names.pop()
        if len(names) == len(ids):
            return {int(i): n for i, n in zip(ids, names) if n}
    return {int(i): window_name(i) for i in ids}


def top_windows():
    """{id: (x, y, w, h)} of every top-level window, named or not (a gen popup has neither name nor
    class, so xdotool's search does not see it)."""
    out = _run(["xwininfo", "-root", "-children"], check=False)
    windows = {}
    for m in re.finditer(r"^\s+(0x[0-9a-f]+) .*?\s(\d+)x(\d+)\+(-?\d+)\+(-?\d+)\s", out, re.M):
        windows[int(m.group(1), 16)] = (int(m.group(4)), int(m.group(5)), int(m.group(2)), int(m.group(3)))
    return windows


def wait_for_window(pattern, timeout=20, exclude=()):
    """The id and name of a visible window whose name matches the regex pattern, waiting up to timeout s."""
    regex = re.compile(pattern)
    deadline = time.monotonic() + timeout
    while True:
        for wid, name in visible_windows().items():
            if wid not in exclude and regex.search(name):
                return wid, name
        if time.monotonic() > deadline:
            return None, None
        time.sleep(0.2)


def wait_gone(wid, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if wid not in visible_windows():
            return True
        time.sleep(0.2)
    return False


def focus(wid):
    # A GTK dialog takes key events only after the X focus is on it (DESIGN.md section 4).
    # No --sync on activate: under gtk3 it can wait for an answer that never comes (seconds per press).
    xdotool("windowactivate", wid, check=False, timeout=2)
    xdotool("windowfocus", "--sync", wid, check=False, timeout=2)


def key(*keys, wid=None):
    if wid is not None:
        focus(wid)
    for k in keys:
        xdotool("key", "--clearmodifiers", k)
        time.sleep(0.15)


def click(x, y):
    # No --sync: xdotool waits forever for a move when the pointer already is there (the menu
    # title is clicked at the same place step after step).
    xdotool("mousemove", int(x), int(y))
    time.sleep(0.2)
    xdotool("click", "1")


def screenshot(path, crop=None):
    """The whole screen as PNG (ImageMagick's import on the Xvfb root), cropped to (x, y, w, h) if given."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    cmd = ["import", "-window", "root", "-quality", "10"]     # PNG zlib level 1: fast on a busy machine
    if crop:
        x, y, w, h = crop
        cmd += ["-crop", "%dx%d+%d+%d" % (w, h, max(x, 0), max(y, 0)), "+repage"]
    _run(cmd + [path], timeout=30)
    return path


# ---- the office -----------------------------------------------------------

def _profile_settings(profile_dir, lang):
    """The UI language in the fresh profile, as Tools > Options > Language Settings stores it."""
    user = os.path.join(profile_dir, "user")
    os.makedirs(user, exist_ok=True)
    path = os.path.join(user, "registrymodifications.xcu")
    items = ('<item oor:path="/org.openoffice.Office.Linguistic/General">'
             '<prop oor:name="UILocale" oor:op="fuse"><value>%s</value></prop></item>\n'
             # No first-start wizard, tip of the day or "what's new" bar over the window.
             '<item oor:path="/org.openoffice.Office.Common/Misc">'
             '<prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>\n'
             '<item oor:path="/org.openoffice.Setup/Product">'
             '<prop oor:name="LastTimeWhatsNewShown" oor:op="fuse"><value>99999999</value></prop></item>\n'
             '<item oor:path="/org.openoffice.Setup/Office">'
             '<prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>\n' % lang)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("</oor:items>", items + "</oor:items>")
    else:
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' + items + "</oor:items>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class VisibleOffice(office.Office):
    """office.Office with a window: same profile, install and connection, no --headless."""

    def __init__(self, oxt, plugin, lang, screen=(1366, 768), env=None, **kw):
        super().__init__(oxt, **kw)
        self.plugin, self.lang, self.screen = plugin, lang, screen
        self.env = env or {}     # more for soffice's environment; a value None removes the variable

    def install_extension(self):
        super().install_extension()
        _profile_settings(self.profile_url[len("file://"):], self.lang)

    def _launch(self):
        self._launches += 1
        env = dict(os.environ, SAL_USE_VCLPLUGIN=self.plugin, LANGUAGE=self.lang,
                   # No accessibility bus under Xvfb: without this GTK waits for it.
                   NO_AT_BRIDGE="1", GTK_A11Y="none",
                   # No session bus for dconf either: GTK keeps its settings in memory.
                   GSETTINGS_BACKEND="memory",
                   # A register of its own: a confirmed letter must not take a number in the user's.
                   EVAKIN_REGISTER=os.path.join(self.tmp, "register.sqlite"))
        for name, value in self.env.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        cmd = [office.SOFFICE_BIN, "--norestore", "--nologo", "--nodefault", "--nolockcheck",
               "-env:UserInstallation=" + self.profile_url,
               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe]
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env,
                                     start_new_session=True, preexec_fn=office._die_with_parent)
        log.close()

    def alive(self):
        """soffice runs and answers a trivial UNO call."""
        if self.proc is None or self.proc.poll() is not None:
            return False, "soffice exited (%s)" % (None if self.proc is None else self.proc.returncode)
        try:
            self.desktop.getComponents().createEnumeration().hasMoreElements()
            return True, ""
        except Exception as e:   # the bridge is gone: soffice hangs or died
            return False, "soffice does not answer: %s" % e

    def open_window(self, path_or_factory):
        """A document in a shown window (as a double click opens it), its frame and the X window id."""
        before = set(visible_windows())
        doc = self.load(path_or_factory, hidden=False)
        frame = doc.getCurrentController().getFrame()
        deadline = time.monotonic() + 30
        wid = None
        while time.monotonic() < deadline and wid is None:
            for w, name in visible_windows().items():
                if w not in before and "LibreOffice" in name:
                    wid = w
            time.sleep(0.3)
        if wid is not None:
            # The whole screen, as staff work maximised; sized through the X server, not with a UNO
            # setPosSize from this client while the view is still being built (gtk3 once hung so).
            xdotool("windowmove", wid, 0, 0, check=False)
            xdotool("windowsize", "--sync", wid, self.screen[0], self.screen[1] - 22, check=False)
            time.sleep(0.5)
        return doc, frame, wid


def window_labels(lo, with_clipping=False, title=None):
    """The texts of every label LibreOffice shows in its windows but the documents' (a dialog, an
    options page: under gtk3 the page is a top window of its own, under gen inside the dialog's), read
    through the accessibility tree a screen reader reads. With `with_clipping`, pairs of (text,
    clipped): clipped says how the label reaches past the bottom or right edge of a window around
    it, so a person would not see all of it (the tree still holds it); empty when it does not.
    `title`: only the top windows so named (a dialog's title)."""
    office.uno()
    from com.sun.star.accessibility.AccessibleRole import (  # noqa: PLC0415
        DOCUMENT, DOCUMENT_TEXT, LABEL, MENU_BAR, SCROLL_BAR, TOOL_BAR)
    skip = {DOCUMENT, DOCUMENT_TEXT, MENU_BAR, SCROLL_BAR, TOOL_BAR}
    toolkit = lo.service("com.sun.star.awt.Toolkit")
    labels = []

    def screen_box(context):
        at, size = context.getLocationOnScreen(), context.getSize()
        return at.X, at.Y, at.X + size.Width, at.Y + size.Height

    def walk(context, depth, around):
        role = context.getAccessibleRole()
        if role == LABEL:
            box = screen_box(context)
            clipped = [edge for edge in around if box[3] > edge[3] or box[2] > edge[2]]
            labels.append((context.getAccessibleName(), "label %s past the window %s" % (box, clipped[0])
                           if clipped else ""))
        if role in skip or depth > 10:
            return
        # A window of a pixel or two is a holder that does not clip (gen puts the page in one).
        box = screen_box(context)
        inner = around + [box] if box[2] - box[0] > 8 and box[3] - box[1] > 8 else around
        for i in range(context.getAccessibleChildCount()):
            child = context.getAccessibleChild(i)
            child = child.getAccessibleContext() if child is not None else None
            if child is not None:
                walk(child, depth + 1, inner)

    for i in range(toolkit.getTopWindowCount()):
        window = toolkit.getTopWindow(i)
        context = window.getAccessibleContext() if window is not None else None
        if context is not None and (title is None or context.getAccessibleName() == title):
            walk(context, 0, [])
    return labels if with_clipping else [text for text, _ in labels]


def toolbar_buttons(frame, resource=office.TOOLBAR):
    """[(title, (x, y, w, h) on screen or None when clipped into the overflow, enabled)] of a toolbar,
    plus the toolbar's own screen rectangle. Read from its accessibility tree."""
    office.uno()
    from com.sun.star.accessibility.AccessibleStateType import ENABLED, SHOWING  # noqa: PLC0415
    element = frame.LayoutManager.getElement(resource)
    if element is None:
        return [], None
    context = element.getRealInterface().getAccessibleContext()
    bar = context.getLocationOnScreen(), context.getSize()
    bar_rect = (bar[0].X, bar[0].Y, bar[1].Width, bar[1].Height)
    buttons = []
    for i in range(context.getAccessibleChildCount()):
        child = context.getAccessibleChild(i).getAccessibleContext()
        states = child.getAccessibleStateSet()
        rect = None
        if states.contains(SHOWING):
            pos, size = child.getLocationOnScreen(), child.getSize()
            if size.Width > 0 and pos.X + size.Width <= bar_rect[0] + bar_rect[2] + 1:
                rect = (pos.X, pos.Y, size.Width, size.Height)
        buttons.append((child.getAccessibleName(), rect, states.contains(ENABLED)))
    return buttons, bar_rect


def new_tempdir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


def toolbar_origin(frame, resource=office.TOOLBAR):
    """The toolbar window's top-left corner on the screen, measured with the pointer.

    The accessibility tree's "screen" positions are not on the screen under gtk3: they leave out
    the native menu bar above LibreOffice's own drawing area. So the pointer walks down from the
    reported position until the toolbar's window reports a mouse move; the event's position inside
    the window gives its origin exactly, under every plugin."""
    office.uno()
    import unohelper  # noqa: PLC0415
    import threading  # noqa: PLC0415
    from com.sun.star.awt import XMouseMotionListener  # noqa: PLC0415

    class Listener(unohelper.Base, XMouseMotionListener):
        def __init__(self):
            self.moved = threading.Event()
            self.at = None

        def mouseMoved(self, event):
            self.at = (event.X, event.Y)
            self.moved.set()

        def mouseDragged(self, event):
            pass

        def disposing(self, source):
            pass

    buttons, bar = toolbar_buttons(frame, resource)
    if bar is None:
        return None
    window = frame.LayoutManager.getElement(resource).getRealInterface()
    listener = Listener()
    window.addMouseMotionListener(listener)
    try:
        x = bar[0] + 12
        for dy in range(2, 90, 6):
            y = bar[1] + dy
            xdotool("mousemove", "--sync", x, y)
            if listener.moved.wait(0.6):
                ex, ey = listener.at
                return x - ex, y - ey
            x += 1      # a move to the same place sends no event
        return None
    finally:
        window.removeMouseMotionListener(listener)
        xdotool("mousemove", "--sync", 1, 1, check=False)


def shrink_png(path, limit=150 * 1024):
    """Keeps a docs screenshot small: a palette PNG, halved if still above limit."""
    _run(["convert", path, "-strip", "-colors", "256", "PNG8:" + path], timeout=60, check=False)
    if os.path.getsize(path) > limit:
        _run(["convert", path, "-resize", "70%", "-strip", "-colors", "256", "PNG8:" + path], timeout=60,
             check=False)


def menubar_titles(lo, frame):
    """The titles of the frame's menu bar in the UI language, with their ~ mnemonics: the module's
    menu bar configuration, labelled as LibreOffice labels it, with the add-on menus after Tools
    (where LibreOffice merges them)."""
    module = lo.service("com.sun.star.frame.ModuleManager").identify(frame)
    supplier = lo.service("com.sun.star.ui.ModuleUIConfigurationManagerSupplier")
    settings = supplier.getUIConfigurationManager(module).getSettings("private:resource/menubar/menubar", False)
    commands = lo.service("com.sun.star.frame.UICommandDescription").getByName(module)
    titles, urls = [], []
    for i in range(settings.getCount()):
        item = {p.Name: p.Value for p in settings.getByIndex(i)}
        url, label = item.get("CommandURL", ""), item.get("Label", "")
        if not label and commands.hasByName(url):
            label = {p.Name: p.Value for p in commands.getByName(url)}.get("Label", "")
        titles.append(label)
        urls.append(url)
    return titles, urls


def menubar_item_center_x(frame, title):
    """Screen x of the middle of a menu bar title, from the window's accessibility tree (its x is
    right under every plugin; its y is not under gtk3, see toolbar_origin)."""
    office.uno()
    from com.sun.star.accessibility.AccessibleRole import MENU_BAR  # noqa: PLC0415
    root = frame.getContainerWindow().getAccessibleContext()
    for i in range(root.getAccessibleChildCount()):
        child = root.getAccessibleChild(i).getAccessibleContext()
        if child is None or child.getAccessibleRole() != MENU_BAR:
            continue
        for j in range(child.getAccessibleChildCount()):
            item = child.getAccessibleChild(j).getAccessibleContext()
            if item.getAccessibleName().replace("~", "") == title.replace("~", ""):
                return item.getLocationOnScreen().X + item.getSize().Width // 2
    return None
