"""Worst-case cost of one `cleaner.clean` call (`make bench-worst`, issue 15).

    python bench/worst.py [--dataset PATH] [--cases a,b] [--timeout S] [--divisor D] [--json OUT]

Each pathological case of bench/worst_cases.py is cleaned at 1x, 2x, 4x and 8x, where 8x is the size
the issue names (so 1x is an eighth of it), and so is an ordinary page of the same number of bytes: a
page of the development set (its HTML, or its text dump for text-mode cases) repeated to that size.
The table gives the CPU seconds of each call (process time: another process on a shared machine does
not inflate it), the multiple of the ordinary page's time at 8x, the growth exponent between 1x and 8x
(log(t8 / t1) / log 8: 1 is linear), and the caps that fired (`Article.stats["capped"]`).

Each measurement runs in a forked child that is stopped after `--timeout` seconds (a version without
the caps stalls on some cases); a case that times out is not tried at larger sizes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import worst_cases
from worst_cases import CASES, Case

import cleaner
from cleaner.evaluate import DEFAULT_DATASET

SCALES = (1, 2, 4, 8)
#: The page of the development set that the ordinary pages repeat (about the set's median size).
ORDINARY_ID = "0a12df42d1764095989ab078ee0f940b"



def ordinary_page(dataset: Path, kind: str, size: int) -> str:
    """A real page (its HTML, or its text dump) repeated to `size` characters."""
    if kind == "html":
        path = dataset / "html" / f"{ORDINARY_ID}.html.gz"
        one = gzip.decompress(path.read_bytes()).decode("utf-8", "replace") if path.exists() else ""
    else:
        path = dataset / "text" / f"{ORDINARY_ID}.txt"
        one = path.read_text(encoding="utf-8") if path.exists() else ""
    if not one:  # a dataset without that page (the fixtures' three): its first page
        folder = dataset / ("html" if kind == "html" else "text")
        first = sorted(folder.iterdir())[0]
        one = (gzip.decompress(first.read_bytes()).decode("utf-8", "replace") if kind == "html"
               else first.read_text(encoding="utf-8"))
    return (one * (size // len(one) + 1))[:size]


def _measure(build: Any, kind: str, sink: Connection) -> None:
    data = build()
    cleaner.clean("Warm up: one sentence of text to load the language model.", kind="text")
    start = time.process_time()
    article = cleaner.clean(data, kind=kind)
    seconds = time.process_time() - start
    sink.send({"seconds": seconds, "bytes": len(data.encode("utf-8")), "capped": article.stats.get("capped", {}),
               "truncated": article.stats.get("truncated")})


def timed(build: Any, kind: str, timeout: float) -> dict[str, Any] | None:
    """CPU seconds of one `clean` call on `build()`, in a forked child; None when it exceeds `timeout`."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_measure, args=(build, kind, send))
    child.start()
    send.close()
    result = receive.recv() if receive.poll(timeout) else None
    child.join(1 if result is not None else 0)
    if child.is_alive():
        child.kill()
        child.join()
    return result


def bench_case(case: Case, dataset: Path, timeout: float, divisor: int) -> dict[str, Any]:
    runs: dict[int, dict[str, Any] | None] = {}
    for scale in SCALES:
        n = max(1, case.full * scale // (8 * divisor))
        result = timed(lambda n=n: case.build(n), case.kind, timeout)
        runs[scale] = result
        if result is None:
            break
    top = runs.get(8)
    ordinary = None
    if top is not None:
        size = len(case.build(max(1, case.full // divisor)))
        ordinary = timed(lambda: ordinary_page(dataset, case.kind, size), case.kind, timeout)
    row: dict[str, Any] = {"case": case.name, "kind": case.kind, "note": case.note, "full": case.full // divisor,
                           "unit": case.unit, "seconds": {s: (r["seconds"] if r else None) for s, r in runs.items()}}
    if top is not None:
        row["bytes"] = top["bytes"]
        row["capped"] = sorted(top["capped"])
        row["ordinary_seconds"] = ordinary["seconds"] if ordinary else None
        row["multiple"] = top["seconds"] / ordinary["seconds"] if ordinary and ordinary["seconds"] > 0 else None
        first = runs[1]
        if first and first["seconds"] > 0:
            row["exponent"] = math.log(top["seconds"] / first["seconds"]) / math.log(8)
    return row


def _cell(value: float | None, timeout: float) -> str:
    return f"> {timeout:g}" if value is None else f"{value:.2f}"


def table(rows: list[dict[str, Any]], timeout: float) -> str:
    lines = [
        "| case | input at 8x | bytes | s at 1x | 2x | 4x | 8x | ordinary page, 8x (s) | multiple | exponent | caps fired at 8x |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        secs = row["seconds"]
        cells = [_cell(secs.get(s), timeout) if s in secs else "-" for s in SCALES]
        multiple = f"{row['multiple']:.1f}x" if row.get("multiple") is not None else "-"
        exponent = f"{row['exponent']:.2f}" if row.get("exponent") is not None else "-"
        ordinary = f"{row['ordinary_seconds']:.2f}" if row.get("ordinary_seconds") is not None else "-"
        size = f"{row['bytes'] / 1e6:.1f} MB" if "bytes" in row else "-"
        caps = ", ".join(row.get("capped", [])) or ("" if "bytes" in row else "-")
        lines.append(f"| {row['case']} ({row['kind']}) | {row['note']} | {size} | " + " | ".join(cells)
                     + f" | {ordinary} | {multiple} | {exponent} | {caps} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a call counts as stalled")
    parser.add_argument("--divisor", type=int, default=1, help="divide every size by this (a quick smoke run)")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    chosen = [worst_cases.CASES_BY_NAME[name] for name in args.cases.split(",")] if args.cases else list(CASES)
    rows = []
    for case in chosen:
        row = bench_case(case, args.dataset, args.timeout, args.divisor)
        rows.append(row)
        print(f"{case.name}: " + ", ".join(f"{s}x {_cell(v, args.timeout)} s" for s, v in row["seconds"].items()),
              file=sys.stderr, flush=True)
    print(table(rows, args.timeout))
    worst = max((v for row in rows for v in row["seconds"].values() if v is not None), default=0.0)
    stalled = [row["case"] for row in rows if None in row["seconds"].values()]
    print(f"\nslowest call: {worst:.2f} s CPU; stalled (over {args.timeout:g} s): {', '.join(stalled) or 'none'}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
