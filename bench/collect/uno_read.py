#!/usr/bin/python3
"""Collect benchmark, LibreOffice route: what a macro- or UNO-based tool does
for each returned workbook: load it in a headless soffice, read every cell of
the used area of every sheet, close it. Only reading is timed (no checks, no
merge), so the comparison favours LibreOffice.

usage: uno_read.py ROOT N   -> prints "wall_s files cpu_s" for the first N inbox files
(cpu_s: soffice.bin plus this client, from /proc and process_time)
Run with /usr/bin/python3 (python3-uno)."""
import glob, os, shutil, subprocess, sys, tempfile, time

import uno
from com.sun.star.beans import PropertyValue


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office():
    profile = tempfile.mkdtemp(prefix="evakin-bench-collect-lo-")
    pipe = "evakinbenchcollect%d" % os.getpid()
    proc = subprocess.Popen(["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless",
                             "--invisible", "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            return proc, profile, desktop, pipe
        except Exception:
            if time.time() > deadline:
                proc.kill()
                raise
            time.sleep(0.5)


def office_cpu(pipe):
    """CPU seconds (user+sys) used so far by the soffice.bin serving `pipe`."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmd = f.read()
            if b"soffice.bin" not in cmd or pipe.encode() not in cmd:
                continue
            with open("/proc/%s/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except OSError:
            pass
    return total


def read_all(desktop, path):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                       (pv("Hidden", True), pv("ReadOnly", True)))
    cells = 0
    try:
        props = doc.DocumentProperties.UserDefinedProperties
        props.getPropertyValue("evakin.unit")
        for i in range(doc.Sheets.Count):
            sheet = doc.Sheets.getByIndex(i)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.RangeAddress
            data = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).DataArray
            cells += sum(len(r) for r in data)
    finally:
        doc.close(True)
    return cells


def main():
    root, n = sys.argv[1], int(sys.argv[2])
    files = sorted(glob.glob(os.path.join(root, "office-*", "inbox", "*")))[:n]
    proc, lo_profile, desktop, pipe = start_office()
    try:
        read_all(desktop, files[0])  # warm-up: first load initialises Calc
        t0, c0 = time.perf_counter(), office_cpu(pipe) + time.process_time()
        for f in files:
            read_all(desktop, f)
        wall, cpu = time.perf_counter() - t0, office_cpu(pipe) + time.process_time() - c0
        print("%.4f %d %.4f" % (wall, len(files), cpu))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(lo_profile, ignore_errors=True)


if __name__ == "__main__":
    main()
