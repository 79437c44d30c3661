"""Batch benchmark: throughput with 1 and 2 workers, and peak memory on a long document stream.

    python bench/batch.py --dataset ../shared/benchmarks/trafilatura-eval [--stream-docs 100000]

1. `cleaner clean DATASET/text -o /dev/null --jobs N` for N = 1, 2: wall time, docs/s, speed-up, and
   the same with each process's wait for a CPU (other users' load) taken out.
2. A stream of `--stream-docs` documents (the dev set's text dumps repeated, as JSON Lines on
   stdin) through `cleaner clean - --jobs 2`: the summed RSS of the cleaner process and its
   workers is sampled every 0.2 s; peak RSS is reported at 10 %, 50 % and 100 % of the stream, so
   a leak shows as growth between the checkpoints.
Everything runs the real CLI in subprocesses, as a user would.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

CLEANER = [sys.executable, "-m", "cleaner", "clean"]


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (KiB)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def schedstat(pid: int) -> tuple[float, float] | None:
    """(seconds on a CPU, seconds runnable but waiting for one) of a process, from /proc."""
    try:
        run, wait, _ = (int(x) for x in Path(f"/proc/{pid}/schedstat").read_text().split())
    except (OSError, ValueError):
        return None
    return run / 1e9, wait / 1e9


def throughput(text_dir: Path, jobs: int) -> dict[str, float]:
    """Wall time, CPU time and run-queue wait (the cleaner and its workers) for the whole folder.

    On a shared machine the wall-clock figure depends on the other load. Each process's time spent
    runnable but waiting for a CPU is sampled from /proc/PID/schedstat; the work is spread evenly
    over the workers, so wall time minus the smallest wait among the working processes estimates
    the wall time on an otherwise idle machine (`idle_docs_per_s`)."""
    docs = sum(1 for p in text_dir.iterdir() if p.is_file())
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.Popen([*CLEANER, str(text_dir), "-o", os.devnull, "--jobs", str(jobs), "--quiet"])
    last: dict[int, tuple[float, float]] = {}
    while proc.poll() is None:
        workers = [int(c) for task in Path(f"/proc/{proc.pid}/task").glob("*")
                   for c in _read(task / "children").split()]
        for pid in [proc.pid, *workers]:
            stat = schedstat(pid)
            if stat is not None:
                last[pid] = stat
        time.sleep(0.1)
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    busy = [stat for pid, stat in last.items() if pid != proc.pid and stat[0] > 1.0] or [last.get(proc.pid, (0.0, 0.0))]
    idle_wall = max(0.1, elapsed - min(wait for _, wait in busy))
    return {"jobs": jobs, "docs": docs, "seconds": round(elapsed, 2), "docs_per_s": round(docs / elapsed, 1),
            "cpu_seconds": round(cpu, 2), "docs_per_cpu_s": round(docs / cpu, 1) if cpu else 0.0,
            "worker_cpu_seconds": [round(r, 1) for r, _ in busy], "worker_wait_seconds": [round(w, 1) for _, w in busy],
            "idle_docs_per_s": round(docs / idle_wall, 1), "load_avg_before": round(load, 2)}


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def stream_memory(text_dir: Path, count: int, jobs: int) -> dict[str, object]:
    texts = [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in sorted(text_dir.iterdir()) if p.is_file()]
    proc = subprocess.Popen([*CLEANER, "-", "--input-format", "jsonl", "-o", os.devnull, "--jobs", str(jobs), "--quiet"],
                            stdin=subprocess.PIPE)
    fed = [0]

    def feed() -> None:
        assert proc.stdin is not None
        try:
            for k in range(count):
                name, text = texts[k % len(texts)]
                proc.stdin.write((json.dumps({"id": f"{k}-{name}", "text": text}) + "\n").encode())
                fed[0] = k + 1
        finally:
            proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    started = time.monotonic()
    writer.start()
    peak, checkpoints = 0, {}
    marks = {int(count * f): label for f, label in ((0.1, "10%"), (0.5, "50%"), (1.0, "100%"))}
    while proc.poll() is None:
        peak = max(peak, tree_rss_kib(proc.pid))
        for mark, label in marks.items():
            if fed[0] >= mark and label not in checkpoints:
                checkpoints[label] = round(peak / 1024, 1)
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    checkpoints.setdefault("100%", round(peak / 1024, 1))
    return {"docs": count, "jobs": jobs, "seconds": round(elapsed, 1), "docs_per_s": round(count / elapsed, 1),
            "peak_rss_mib": round(peak / 1024, 1), "peak_rss_mib_at_fed": checkpoints, "exit": proc.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=Path("../shared/benchmarks/trafilatura-eval"))
    parser.add_argument("--stream-docs", type=int, default=100_000, help="documents in the memory stream (0: skip)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    text_dir = args.dataset / "text" if (args.dataset / "text").is_dir() else args.dataset
    report: dict[str, object] = {}
    one, two = throughput(text_dir, 1), throughput(text_dir, 2)
    report["throughput"] = [one, two]
    report["speedup_2_vs_1"] = round(two["docs_per_s"] / one["docs_per_s"], 2)
    report["idle_speedup_2_vs_1"] = round(two["idle_docs_per_s"] / one["idle_docs_per_s"], 2)
    for row in (one, two):
        print(f"{row['jobs']} worker(s): {row['docs_per_s']} docs/s ({row['docs']} docs in {row['seconds']} s wall, "
              f"{row['cpu_seconds']} s CPU = {row['docs_per_cpu_s']} docs/CPU-s; load average {row['load_avg_before']})")
        print(f"           workers' CPU {row['worker_cpu_seconds']} s, waiting for a CPU {row['worker_wait_seconds']} s "
              f"-> {row['idle_docs_per_s']} docs/s on an idle machine (estimate)")
    print(f"speed-up : {report['speedup_2_vs_1']}x wall clock; {report['idle_speedup_2_vs_1']}x with the wait for "
          "other processes' CPU time taken out (target >= 1.7x on an otherwise idle 2-core machine)")
    if args.stream_docs:
        memory = stream_memory(text_dir, args.stream_docs, 2)
        report["stream"] = memory
        print(f"stream   : {memory['docs']:,} docs in {memory['seconds']} s ({memory['docs_per_s']} docs/s), "
              f"peak RSS {memory['peak_rss_mib']} MiB (cleaner + workers); at 10/50/100%: {memory['peak_rss_mib_at_fed']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
