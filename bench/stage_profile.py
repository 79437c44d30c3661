"""Where the time goes: a per-stage CPU-time table of both modes on the development set (`make profile`).

    python bench/stage_profile.py [--dataset PATH] [--mode text|html|both] [--limit N] [--half all|tune|test]

Every step of `Cleaner.clean` (decoding, reading, each labelling stage of `cleaner.pipeline`'s
lists, each HTML recovery, the assembly) runs through the engine's profiling hook (`Cleaner(hook=...)`),
which times it with this process's CPU time (`time.process_time`, which other processes on a shared
machine do not inflate); the table gives each step's total, its share of the mode's total
`Cleaner.clean` time and its cost per document. Steps run inside another (the labelling stages of an
HTML recovery pass) are counted in their own rows, and the "rest" row is the time outside every
step. Nothing is changed in the output: the same documents are cleaned as `cleaner eval` cleans them.

The timers cost a few per cent themselves (two clock reads per call); compare rows, not runs.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

from cleaner import Cleaner
from cleaner.errors import CleanerError
from cleaner.evaluate import DEFAULT_DATASET, load_dataset, split

OUTERMOST = "(outermost)"


class StageTimer:
    """The profiling hook: CPU seconds and calls per step name, in the order the steps first ran."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.depth: dict[str, int] = {}
        self._active: list[str] = []

    def clear(self) -> None:
        self.spent.clear()
        self.calls.clear()
        self.depth.clear()

    def __call__(self, name: str, run: Callable[[], Any]) -> Any:
        outermost = not self._active
        self.depth.setdefault(name, len(self._active))
        self._active.append(name)
        started = time.process_time()
        try:
            return run()
        finally:
            elapsed = time.process_time() - started
            self._active.pop()
            self.spent[name] += elapsed
            self.calls[name] += 1
            if outermost:
                self.spent[OUTERMOST] += elapsed


def profile(pages: list, mode: str) -> tuple[float, StageTimer, int]:
    """Clean every page in `mode` with the stage timer on; (total clean time, the timer, documents)."""
    timer = StageTimer()
    cleaner = Cleaner(hook=timer)
    total = 0.0
    datas = [gzip.decompress(p.html_path.read_bytes()) if mode == "html" else p.text_path.read_bytes() for p in pages]
    cleaner.clean(datas[0], kind=mode)  # warm-up (stoplists, compiled rules) outside the figures
    timer.clear()
    for page, data in zip(pages, datas):
        started = time.process_time()
        try:
            cleaner.clean(data, kind=mode, url=page.url)
        except CleanerError:
            pass
        total += time.process_time() - started
    return total, timer, len(pages)


def print_table(mode: str, total: float, timer: StageTimer, docs: int) -> None:
    spent, calls = timer.spent, timer.calls
    print(f"\n{mode} mode: {docs} documents, {total:.2f} s CPU in Cleaner.clean ({1000 * total / max(docs, 1):.2f} ms a document)")
    print(f"{'stage':<52}{'CPU s':>8}{'share':>8}{'ms/doc':>9}{'calls':>8}")
    covered = spent.get(OUTERMOST, 0.0)
    for name in calls:
        depth = timer.depth[name]
        seconds = spent[name]
        label = ("  " * depth) + name
        print(f"{label:<52}{seconds:>8.2f}{seconds / max(total, 1e-9):>8.1%}{1000 * seconds / max(docs, 1):>9.2f}{calls[name]:>8}")
    rest = total - covered
    print(f"{'rest (engine glue, language detection, timers)':<52}{rest:>8.2f}{rest / max(total, 1e-9):>8.1%}"
          f"{1000 * rest / max(docs, 1):>9.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--mode", default="both", choices=("text", "html", "both"))
    parser.add_argument("--half", default="all", choices=("all", "tune", "test"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    args = parser.parse_args(argv)
    pages = split(load_dataset(args.dataset), args.half)
    if args.limit:
        pages = pages[: args.limit]
    if not pages:
        parser.error("no pages")
    for mode in ("text", "html") if args.mode == "both" else (args.mode,):
        print_table(mode, *profile(pages, mode))
    return 0


if __name__ == "__main__":
    sys.exit(main())
