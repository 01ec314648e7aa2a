"""A headless LibreOffice for Evakin's scripts and benchmarks.

The one harness is tests/integration/office.py (HeadlessOffice: a private pipe,
a throw-away profile, reconnection while the first start restarts itself, a
watchdog, and a clean stop whose exit is checked); this module only makes it
importable from scripts/ and bench/ under its old name:

    with HeadlessOffice("evakin-demo") as lo:
        doc = lo.load("form.ods")                 # hidden
        doc.storeToURL(file_url(path), props(FilterName="calc8"))

Run with Debian's /usr/bin/python3 (python3-uno)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
from office import RESTART_EXIT_CODE, HeadlessOffice, file_url, props, pv  # noqa: E402,F401
