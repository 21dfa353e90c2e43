#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# run-bench.py: runs the kiosk and its bare-window baseline, measures them, prints the table.
#
# Usage: run-bench.py BUILDDIR   (under an X server; .ci/bench sets everything up)
# Environment: BENCH_RUNS (start runs each, default 7), BENCH_IDLE_SECONDS (default 60),
# BENCH_PAGE_CHANGES (default 60), BENCH_BOOKINGS (default 10). docs/benchmarks.md
# explains every line.

import os
import select
import signal
import statistics
import subprocess
import sys
import time

BUILD = os.path.abspath(sys.argv[1])
KIOSK = [os.path.join(BUILD, "src", "spa-kiosk"), "--windowed"]
BARE = [os.path.join(BUILD, "tests", "bench", "bench-bare-window")]
HARNESS = os.path.join(BUILD, "tests", "bench", "kiosk-bench")

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
IDLE_SECONDS = float(os.environ.get("BENCH_IDLE_SECONDS", "60"))
PAGE_CHANGES = int(os.environ.get("BENCH_PAGE_CHANGES", "60"))
BOOKINGS = int(os.environ.get("BENCH_BOOKINGS", "10"))
SETTLE_SECONDS = 1.5
TICK = os.sysconf("SC_CLK_TCK")


def monotonic_us():
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000


def proc_fields(pid, name):
    fields = {}
    with open(f"/proc/{pid}/{name}") as f:
        for line in f:
            key, _, value = line.partition(":")
            parts = value.split()
            if parts and parts[0].isdigit():
                fields[key.strip()] = int(parts[0])
    return fields


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime, all threads


def context_switches(pid):
    """Voluntary + involuntary switches of each thread: how often it woke."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            status = proc_fields(f"{pid}/task/{task}", "status")
        except FileNotFoundError:
            continue
        counts[task] = (status.get("voluntary_ctxt_switches", 0)
                        + status.get("nonvoluntary_ctxt_switches", 0))
    return counts


def switches_since(before, after):
    """Switches between two samples; a thread gone since counts for nothing."""
    return sum(n - before.get(task, 0) for task, n in after.items())


def n_libraries(pid):
    with open(f"/proc/{pid}/maps") as f:
        return len({line.split()[-1] for line in f if ".so" in line})


class Program:
    """One run of a program that prints "first-frame <CLOCK_MONOTONIC µs>"."""

    def __init__(self, argv):
        self.started = monotonic_us()
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     env=dict(os.environ, SPA_KIOSK_BENCH="1"))
        self.first_frame_us = None
        self.cpu_at_first_frame = None
        self.peak_pss_kib = 0

    def wait_first_frame(self, timeout=60):
        deadline = time.monotonic() + timeout
        line = b""
        while not line.endswith(b"\n"):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(f"{self.proc.args[0]} painted no first frame")
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.5)
            if ready:
                line += os.read(self.proc.stdout.fileno(), 256)
        self.cpu_at_first_frame = cpu_seconds(self.proc.pid)
        self.first_frame_us = int(line.split()[1]) - self.started

    def sample_pss(self):
        pss = proc_fields(self.proc.pid, "smaps_rollup")
        if pss["Pss"] > self.peak_pss_kib:
            self.peak_pss_kib = pss["Pss"]
            self.pss_anon_kib = pss.get("Pss_Anon", 0)
            self.pss_file_kib = pss.get("Pss_File", 0)

    def settle(self, seconds):
        """Samples PSS while the program settles; the peak RSS the kernel keeps (VmHWM)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.sample_pss()
            time.sleep(0.1)
        status = proc_fields(self.proc.pid, "status")
        self.peak_rss_kib = status["VmHWM"]
        self.libraries = n_libraries(self.proc.pid)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def start_runs():
    """Kiosk and bare window in turn, so both see the same load on the machine."""
    runs = {"kiosk": [], "bare": []}
    for _ in range(RUNS):
        for name, argv in (("kiosk", KIOSK), ("bare", BARE)):
            p = Program(argv)
            try:
                p.wait_first_frame()
                p.settle(SETTLE_SECONDS)
            finally:
                p.stop()
            runs[name].append(p)
    return runs


def idle_run():
    """Both programs on their first screen at once, left alone for IDLE_SECONDS."""
    programs = {"kiosk": Program(KIOSK), "bare": Program(BARE)}
    try:
        for p in programs.values():
            p.wait_first_frame()
        time.sleep(3)
        before = {n: (cpu_seconds(p.proc.pid), context_switches(p.proc.pid))
                  for n, p in programs.items()}
        t0 = time.monotonic()
        time.sleep(IDLE_SECONDS)
        wall = time.monotonic() - t0
        result = {}
        for n, p in programs.items():
            cpu = cpu_seconds(p.proc.pid) - before[n][0]
            wakes = switches_since(before[n][1], context_switches(p.proc.pid))
            result[n] = (100.0 * cpu / wall, wakes / wall)
        return result
    finally:
        for p in programs.values():
            p.stop()


def harness(*args):
    out = subprocess.run([HARNESS, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         check=True, timeout=900).stdout.decode()
    return [line.split() for line in out.splitlines() if line and not line.startswith("#")]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def med(values):
    return statistics.median(values)


rows = []
reasons = []


def row(name, kiosk, baseline, unit, goal_text, met, reason=None, ratio=None):
    rows.append((name, kiosk, baseline, unit, ratio, goal_text, met))
    if not met and reason:
        reasons.append(f"{name}: {reason}")


def ratio_row(name, kiosk, bare, unit, reason):
    r = kiosk / bare if bare else float("inf")
    row(name, kiosk, bare, unit, "<= 1.3x bare", r <= 1.3, reason, ratio=r)


def measure_start():
    runs = start_runs()
    k, b = runs["kiosk"], runs["bare"]
    start_k = med([p.first_frame_us for p in k]) / 1000
    start_b = med([p.first_frame_us for p in b]) / 1000
    cpu_k = med([p.cpu_at_first_frame for p in k]) * 1000
    cpu_b = med([p.cpu_at_first_frame for p in b]) * 1000
    libs_k, libs_b = k[0].libraries, b[0].libraries
    ratio_row("start to first frame", start_k, start_b, "ms",
              f"CPU to first frame {cpu_k:.0f} ms vs {cpu_b:.0f} ms; "
              f"{libs_k} shared libraries mapped vs {libs_b}")
    rss_k = med([p.peak_rss_kib for p in k]) / 1024
    rss_b = med([p.peak_rss_kib for p in b]) / 1024
    pss_k = med([p.peak_pss_kib for p in k]) / 1024
    pss_b = med([p.peak_pss_kib for p in b]) / 1024
    anon_k = med([p.pss_anon_kib for p in k]) / 1024
    anon_b = med([p.pss_anon_kib for p in b]) / 1024
    file_k = med([p.pss_file_kib for p in k]) / 1024
    file_b = med([p.pss_file_kib for p in b]) / 1024
    breakdown = (f"PSS heap/anonymous {anon_k:.1f} vs {anon_b:.1f} MiB, "
                 f"file-backed {file_k:.1f} vs {file_b:.1f} MiB; "
                 f"{libs_k} shared libraries vs {libs_b}")
    ratio_row("peak memory RSS (VmHWM)", rss_k, rss_b, "MiB", breakdown)
    ratio_row("peak memory PSS", pss_k, pss_b, "MiB", breakdown)
    rows.append(("  CPU to first frame (info)", cpu_k, cpu_b, "ms",
                 cpu_k / cpu_b if cpu_b else None, "", None))


def measure_pages():
    samples = [(int(f[1]) / 1000, f"{f[5]} to {f[2]}", int(f[4]) / 1000)
               for f in harness("pages", str(PAGE_CHANGES)) if f[0] == "page-change"]
    values = [s[0] for s in samples]
    by_page = {}
    for ms, page, layout in samples:
        by_page.setdefault(page, []).append((ms, layout))
    worst = sorted(by_page.items(), key=lambda kv: -med([v[0] for v in kv[1]]))[:2]
    why = "; ".join(f"{page}: median {med([v[0] for v in vals]):.1f} ms, of which "
                    f"layout {med([v[1] for v in vals]):.1f} ms" for page, vals in worst)
    row("page change, tap to next frame, median", med(values), None, "ms",
        "<= 33.3 ms", med(values) <= 33.3, why)
    p95 = percentile(values, 95)
    row("page change, tap to next frame, p95", p95, None, "ms", "<= 33.3 ms (2 frames)",
        p95 <= 33.3, why)
    others = [ms for ms, step, _ in samples if not step.startswith("kiosk.start")]
    rows.append(("  p95 of the changes other than attract to home (info)",
                 percentile(others, 95), None, "ms", None, "", None))


def measure_booking():
    lines = harness("booking", str(BOOKINGS))
    booked = [f for f in lines if f[0] == "booking"]
    times = [int(f[1]) / 1000 for f in booked]
    stalls = [int(f[3]) / 1000 for f in booked]
    with_paint = [int(f[5]) / 1000 for f in booked]
    quiet = [int(f[1]) / 1000 for f in lines if f[0] == "quiet-stall"][0]
    landed = [int(f[1]) for f in lines if f[0] == "bookings-in-backend"][0]
    row("booking, tap on Book now to outcome painted, median", med(times), None, "ms",
        "(no goal)", True)
    worst = max(stalls)
    row("longest main-loop stall while the booking is on the network", worst, quiet, "ms",
        "<= 20 ms", worst <= 20, f"stalls per booking {sorted(stalls)}; the same time idle "
        f"stalled {quiet:.1f} ms (the machine's own share)",
        ratio=worst / quiet if quiet else None)
    rows.append(("  the same, until the outcome is painted (info)", max(with_paint), quiet, "ms",
                 max(with_paint) / quiet if quiet else None, "", None))
    if landed != len(times):
        reasons.append(f"bookings in the backend: {landed}, expected {len(times)}")


def measure_idle():
    idle = idle_run()
    cpu_k, wake_k = idle["kiosk"]
    cpu_b, wake_b = idle["bare"]
    row(f"attract screen idle CPU over {IDLE_SECONDS:.0f} s", cpu_k, cpu_b, "%", "< 1 %",
        cpu_k < 1.0, f"{wake_k:.1f} wake-ups/s vs {wake_b:.1f} for the bare window",
        ratio=cpu_k / cpu_b if cpu_b else None)
    rows.append((f"  wake-ups per second over {IDLE_SECONDS:.0f} s (info)", wake_k, wake_b,
                 "/s", wake_k / wake_b if wake_b else None, "", None))


def fmt(value, unit):
    if value is None:
        return "-"
    return f"{value:.2f} {unit}" if value < 10 else f"{value:.1f} {unit}"


def print_table():
    headers = ("measure", "kiosk", "baseline", "ratio", "goal", "result")
    table = []
    for name, kiosk, base, unit, ratio, goal, met in rows:
        result = "" if met is None else ("met" if met else "NOT MET")
        table.append((name, fmt(kiosk, unit), fmt(base, unit),
                      "-" if ratio is None else f"{ratio:.2f}x", goal, result))
    widths = [max(len(str(r[i])) for r in table + [headers]) for i in range(len(headers))]
    line = " | ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for r in table:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    if reasons:
        print("\nWhere a goal is not met, what was measured:")
        for r in reasons:
            print(f"- {r}")


def main():
    print(f"spa-kiosk benchmark: {RUNS} start runs each, {PAGE_CHANGES} page changes, "
          f"{BOOKINGS} bookings, {IDLE_SECONDS:.0f} s idle; {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.2f}", flush=True)
    measure_start()
    measure_pages()
    measure_booking()
    measure_idle()
    print()
    print_table()
    return 0


if __name__ == "__main__":
    sys.exit(main())
