#!/usr/bin/python3
"""Measures a goconc kernel's memory, as a basis for per-student limits.

For each notebook given: start a fresh kernel through jupyter_client, read the
resident memory (VmRSS) of the kernel process and its evaluator child at
rest, run every code cell, and read it again (and its peak, VmHWM).

    JUPYTER_PATH=... /usr/bin/python3 docker/kernel-memory.py notebooks/*.ipynb
"""
import os
import sys

import nbformat
from jupyter_client.manager import start_new_kernel


def status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            fields[k] = v.strip()
    return fields


def tree(pid):
    """pid and its descendants."""
    children = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(p))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def mib(pids, key):
    total = 0
    for p in pids:
        try:
            total += int(status(p)[key].split()[0])
        except (OSError, KeyError):
            pass
    return total / 1024


def measure(path):
    km, kc = start_new_kernel(kernel_name="goconc")
    try:
        pid = km.provisioner.process.pid
        kc.execute_interactive("1", timeout=60, output_hook=lambda m: None)  # the evaluator is up
        rest = mib(tree(pid), "VmRSS")
        nb = nbformat.read(path, 4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                kc.execute_interactive(cell.source, timeout=300, output_hook=lambda m: None)
        pids = tree(pid)
        return rest, mib(pids, "VmRSS"), mib(pids, "VmHWM")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


print(f"{'notebook':32} {'at rest':>9} {'after':>9} {'peak':>9}   (MiB, kernel + evaluator)")
for path in sys.argv[1:]:
    rest, after, peak = measure(path)
    print(f"{os.path.basename(path):32} {rest:9.1f} {after:9.1f} {peak:9.1f}")
