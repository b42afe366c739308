#!/usr/bin/env python3
"""Side by side: the same cells on goconc, gophernotes, raw Yaegi and compiled Go.

    /usr/bin/python3 kernel/testdata/bench/sidebyside.py [--runs N] [--no-gophernotes]

(Debian's Python: it has jupyter_client.)

Builds goconc from this checkout and, when the machine can, gophernotes
v0.7.5 (with Go 1.18.10, fetched through GOTOOLCHAIN) and Yaegi's own
command v0.16.1; runs the cells of the table below through jupyter_client
on both kernels (goconc traced, as by default, and with %timeline off),
the same programs with `yaegi run` and compiled (`go run`), and prints one
table of medians with the ratios the goals of issue 16 are stated in. It
measures; it never fails a build. Run it on a quiet machine: the figures of
a loaded one say little.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))

# The timed cells: name, cell body (kernel/testdata/bench/cells, which the
# traced-ratio benchmarks of kernel/supervisor read too). Each is also a
# program for raw Yaegi and compiled Go (wrapped in main, timed inside), so
# the interpreter's start-up is not counted.
def cell(name):
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cells", name + ".go.txt")) as f:
        return f.read()


PINGPONG, LOCKS, LOOP, CALLS, GOROUTINES = (cell(n) for n in ("pingpong", "locks", "loop", "calls", "goroutines"))

TIMED = [
    ("20,000 unbuffered ping-pongs", PINGPONG),
    ("160,000 Lock/Unlock over 8 goroutines", LOCKS),
    ("for i < 1e7 { s += i }", LOOP),
    ("1e6 calls of a closure", CALLS),
    ("10,000 goroutines started and ended", GOROUTINES),
]


def program(body):
    imports = ["fmt", "time"]
    if "sync." in body:
        imports.append("sync")
    lines = "\n".join("\t" + l if l else "" for l in body.splitlines())
    return (
        "package main\n\nimport (\n"
        + "".join('\t"%s"\n' % i for i in imports)
        + ")\n\nfunc main() {\n\tbenchStart := time.Now()\n"
        + lines
        + "\n\tfmt.Println(time.Since(benchStart).Seconds())\n}\n"
    )


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


class Kernel:
    """A kernel started through jupyter_client, timed from the client."""

    def __init__(self, name, env):
        self.km = KernelManager(kernel_name=name)
        t = time.monotonic()
        self.km.start_kernel(env=env)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        self.startup = time.monotonic() - t

    def execute(self, code, timeout=600):
        """Runs code; returns the seconds from the request to idle and the
        error, if any."""
        t = time.monotonic()
        msg_id = self.kc.execute(code)
        error = None
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "error":
                error = msg["content"]["evalue"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        elapsed = time.monotonic() - t
        self.kc.get_shell_msg(timeout=timeout)
        return elapsed, error

    def memory_mib(self):
        """The memory of the kernel and its descendants: their proportional
        set sizes (PSS), which count a page that several of them map (the
        binary goconc's two processes share) once in all, not once each."""
        root = self.km.provisioner.process.pid
        return sum(pss_kib(p) for p in descendants(root) | {root}) / 1024

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def descendants(pid):
    children = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        children.setdefault(ppid, []).append(int(d))
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def pss_kib(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def median(xs):
    return statistics.median(xs) if xs else None


def fmt(v, unit):
    if v is None:
        return "-"
    if unit == "s":
        return "%.3f s" % v if v >= 0.01 else "%.2f ms" % (v * 1000)
    if unit == "ms":
        return "%.2f ms" % (v * 1000)
    return "%.0f MiB" % v


def settle_memory(k, seconds=3):
    """Memory once the kernel had a moment to give back what it freed."""
    time.sleep(seconds)
    return k.memory_mib()


def measure_kernel(name, env, runs, setup=None):
    """Every measurement of the table on one kernel."""
    out = {}
    starts = []
    for _ in range(3):
        k = Kernel(name, env)
        starts.append(k.startup)
        k.close()
    out["start"] = median(starts)
    k = Kernel(name, env)
    try:
        if setup:
            k.execute(setup)
        k.execute("x := 1")
        out["rest"] = settle_memory(k)
        for n, (label, body) in enumerate(TIMED):
            # The cell is a function declared first (gomacro, under
            # gophernotes, reads a leading func literal as a declaration),
            # then called: one warm-up, then the median of runs.
            _, err = k.execute("func bench%d() {\n%s}" % (n, body))
            if err:
                raise RuntimeError("declaring %s on %s: %s" % (label, name, err))
            times = []
            for i in range(runs + 1):
                t, err = k.execute("bench%d()" % n)
                if err:
                    raise RuntimeError("%s on %s: %s" % (label, name, err))
                if i > 0:
                    times.append(t)
            out[label] = median(times)
        trivial = []
        for _ in range(200):
            t, _ = k.execute("x := 1")
            trivial.append(t)
        out["trivial"] = median(trivial)
        held = """held := make(chan struct{})
var heldWG sync.WaitGroup
for i := 0; i < 10000; i++ {
	heldWG.Add(1)
	go func() { defer heldWG.Done(); <-held }()
}"""
        k.execute(held)
        out["10k goroutines"] = k.memory_mib()
        k.execute("close(held)\nheldWG.Wait()")
        out["after they end"] = settle_memory(k)
        soak_start = k.memory_mib()
        for i in range(500):
            k.execute("v%d := make([]int, 1000)\nv%d[0] = %d\nfmt.Sprint(len(v%d))" % (i % 10, i % 10, i, i % 10))
        out["soak"] = (soak_start, settle_memory(k))
    finally:
        k.close()
    return out


def raw_program(tool, body, runs, work):
    path = os.path.join(work, "prog_%d.go" % abs(hash(body)))
    with open(path, "w") as f:
        f.write(program(body))
    times = []
    for _ in range(runs):
        try:
            if tool == "go":
                res = run(["go", "run", path], cwd=work, env=dict(os.environ, GOFLAGS="", GO111MODULE="off"))
            else:
                res = run([tool, "run", path], cwd=work)
        except subprocess.CalledProcessError as e:
            print("%s could not run %s: %s" % (tool, path, e.stderr.strip()[-300:]), file=sys.stderr)
            return None
        times.append(float(res.stdout.split()[-1]))
    return median(times)


def build(work, want_gophernotes):
    """Builds goconc, and gophernotes and yaegi when possible; installs the
    kernel specs into a Jupyter path of work's. Returns the kernel names
    and the yaegi command (or None)."""
    jpath = os.path.join(work, "jupyter")
    goconc = os.path.join(work, "goconc")
    run(["go", "build", "-o", goconc, "./kernel/cmd/goconc"], cwd=ROOT)
    run([goconc, "install", "--jupyter-path", jpath, "--binary", goconc])
    kernels = {"goconc": "goconc"}
    gobin = os.path.join(work, "bin")
    yaegi = None
    try:
        run(["go", "install", "github.com/traefik/yaegi/cmd/yaegi@v0.16.1"], env=dict(os.environ, GOBIN=gobin, GOFLAGS=""))
        yaegi = os.path.join(gobin, "yaegi")
    except subprocess.CalledProcessError as e:
        print("raw Yaegi left out: building yaegi failed:", e.stderr.strip()[-300:], file=sys.stderr)
    if want_gophernotes:
        try:
            run(["go", "install", "github.com/gopherdata/gophernotes@v0.7.5"],
                env=dict(os.environ, GOBIN=gobin, GOFLAGS="", GOTOOLCHAIN="go1.18.10"))
            spec = os.path.join(jpath, "kernels", "gophernotes")
            os.makedirs(spec, exist_ok=True)
            with open(os.path.join(spec, "kernel.json"), "w") as f:
                f.write('{"argv": ["%s", "{connection_file}"], "display_name": "Go (gophernotes)", "language": "go"}'
                        % os.path.join(gobin, "gophernotes"))
            kernels["gophernotes"] = "gophernotes"
        except subprocess.CalledProcessError as e:
            print("gophernotes left out: building it failed:", e.stderr.strip()[-300:], file=sys.stderr)
    return jpath, kernels, yaegi


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each cell (the median is shown)")
    ap.add_argument("--no-gophernotes", action="store_true", help="do not build and measure gophernotes")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="goconc-bench-")
    try:
        jpath, kernels, yaegi = build(work, not args.no_gophernotes)
        env = dict(os.environ, JUPYTER_PATH=jpath)
        os.environ["JUPYTER_PATH"] = jpath
        cols = {}
        cols["goconc traced"] = measure_kernel("goconc", env, args.runs)
        cols["goconc %timeline off"] = measure_kernel("goconc", env, args.runs, setup="%timeline off")
        if "gophernotes" in kernels:
            cols["gophernotes"] = measure_kernel("gophernotes", env, args.runs, setup='import "sync"')
        raw = {}
        if yaegi:
            raw["raw Yaegi"] = {label: raw_program(yaegi, body, args.runs, work) for label, body in TIMED}
        raw["compiled"] = {label: raw_program("go", body, args.runs, work) for label, body in TIMED}
        report(cols, raw)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(cols, raw):
    names = list(cols) + list(raw)
    base = cols.get("gophernotes")
    rows = []
    for label, _ in TIMED:
        row = [label] + [fmt(cols[c].get(label), "s") for c in cols] + [fmt(raw[r].get(label), "s") for r in raw]
        rows.append(row)
    rows.append(["trivial cell `x := 1`, execute to idle (median of 200)"] + [fmt(cols[c]["trivial"], "ms") for c in cols] + ["" for _ in raw])
    rows.append(["kernel start to ready (median of 3)"] + [fmt(cols[c]["start"], "s") for c in cols] + ["" for _ in raw])
    rows.append(["memory at rest (kernel and its processes, PSS)"] + [fmt(cols[c]["rest"], "MiB") for c in cols] + ["" for _ in raw])
    rows.append(["memory with 10,000 goroutines blocked"] + [fmt(cols[c]["10k goroutines"], "MiB") for c in cols] + ["" for _ in raw])
    rows.append(["memory once they ended"] + [fmt(cols[c]["after they end"], "MiB") for c in cols] + ["" for _ in raw])
    rows.append(["memory before / after 500 more cells"] + ["%s / %s" % (fmt(cols[c]["soak"][0], "MiB"), fmt(cols[c]["soak"][1], "MiB")) for c in cols] + ["" for _ in raw])
    widths = [max(len(r[i]) for r in rows + [["cell"] + names]) for i in range(len(names) + 1)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
    print(line(["cell"] + names))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    print()
    print("Ratios (goal in brackets):")
    t, u = cols["goconc traced"], cols["goconc %timeline off"]
    ry = raw.get("raw Yaegi", {})
    def ratio(a, b):
        return "-" if a is None or b is None or b == 0 else "%.2fx" % (a / b)
    pp, lk, lp, gr = (TIMED[0][0], TIMED[1][0], TIMED[2][0], TIMED[4][0])
    if base:
        print("  ping-pong untraced / gophernotes: %s (at most 2x)" % ratio(u[pp], base[pp]))
        print("  ping-pong traced / gophernotes: %s (at most 3x)" % ratio(t[pp], base[pp]))
        print("  trivial cell goconc / gophernotes: %s (at most 1x)" % ratio(u["trivial"], base["trivial"]))
        print("  start-up goconc / gophernotes: %s (at most 1x)" % ratio(u["start"], base["start"]))
        print("  memory at rest goconc / gophernotes: %s (at most 1.5x)" % ratio(u["rest"], base["rest"]))
        print("  memory with 10,000 goroutines goconc / gophernotes: %s (at most 2x)" % ratio(t["10k goroutines"], base["10k goroutines"]))
    for label in (pp, lk, gr):
        print("  traced / untraced, %s: %s (at most 1.5x)" % (label, ratio(t[label], u[label])))
    if ry:
        print("  plain loop untraced / raw Yaegi: %s (at most 1.1x)" % ratio(u[lp], ry[lp]))
        print("  calls untraced / raw Yaegi: %s (at most 1.1x)" % ratio(u[TIMED[3][0]], ry[TIMED[3][0]]))
    s0, s1 = t["soak"]
    print("  500-cell soak: %s (at most 1.2x)" % ratio(s1, s0))


if __name__ == "__main__":
    main()
