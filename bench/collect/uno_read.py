#!/usr/bin/python3
"""Collect benchmark, LibreOffice route: what a macro- or UNO-based tool does
for each returned workbook: load it in a headless soffice, read every cell of
the used area of every sheet, close it. Only reading is timed (no checks, no
merge), so the comparison favours LibreOffice.

usage: uno_read.py ROOT N   -> prints "wall_s files cpu_s" for the first N inbox files
(cpu_s: soffice.bin plus this client, from /proc and process_time)
Run with /usr/bin/python3 (python3-uno)."""
import glob, os, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from headless_office import HeadlessOffice  # noqa: E402


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


def read_all(lo, path):
    doc = lo.load(path, ReadOnly=True)
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
    with HeadlessOffice("evakin-bench-collect") as lo:
        read_all(lo, files[0])  # warm-up: first load initialises Calc
        t0, c0 = time.perf_counter(), office_cpu(lo.pipe) + time.process_time()
        for f in files:
            read_all(lo, f)
        wall, cpu = time.perf_counter() - t0, office_cpu(lo.pipe) + time.process_time() - c0
        print("%.4f %d %.4f" % (wall, len(files), cpu))


if __name__ == "__main__":
    main()
