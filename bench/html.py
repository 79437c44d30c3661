"""Benchmark HTML mode against trafilatura.extract on the same pages, in one run.

    python bench/html.py [--dataset PATH] [--half all|tune|test] [--limit N] [--repeat R] [--json OUT]

Both extractors get the same decompressed page bytes, in the same process, one after the other
(ours first, then trafilatura; each warmed up on one page). Reports docs/s for each, the ratio, our F1
next to trafilatura's on those pages (snippet metric), and how often our fallback called trafilatura.
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's folder is sys.path[0], and its name would shadow the standard
# library's `html` module for everything imported after it.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse
import gzip
import json
import time
from pathlib import Path

from cleaner import Cleaner
from cleaner.errors import CleanerError
from cleaner.evaluate import DEFAULT_DATASET, Counts, load_dataset, score_page, split


def _time(fn, datas: list[bytes], repeat: int) -> tuple[float, list]:
    outputs: list = []
    best = float("inf")
    for _ in range(repeat):
        outputs = []
        started = time.perf_counter()
        for data in datas:
            outputs.append(fn(data))
        best = min(best, time.perf_counter() - started)
    return best, outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--half", default="all", choices=("all", "tune", "test"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per extractor; the fastest counts")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    args = parser.parse_args(argv)

    import trafilatura

    pages = split(load_dataset(args.dataset), args.half)
    if args.limit:
        pages = pages[: args.limit]
    datas = [gzip.decompress(p.html_path.read_bytes()) for p in pages]
    cleaner = Cleaner()

    def ours(data: bytes):
        try:
            return cleaner.clean(data, kind="html")
        except CleanerError:
            return None

    def theirs(data: bytes):
        return trafilatura.extract(data)

    ours(datas[0])
    theirs(datas[0])
    ours_s, articles = _time(ours, datas, args.repeat)
    theirs_s, extracted = _time(theirs, datas, args.repeat)

    ours_c, theirs_c = Counts(), Counts()
    fallbacks = 0
    for page, article, text in zip(pages, articles, extracted):
        ours_c.add(score_page(page, article.text if article else None, article,
                              None if article else "error").counts)
        theirs_c.add(score_page(page, text or "", None, None).counts)
        fallbacks += bool(article and article.stats.get("fallback"))
    n = len(pages)
    report = {
        "dataset": str(args.dataset), "half": args.half, "pages": n,
        "cleaner_html": {"seconds": round(ours_s, 2), "docs_per_second": round(n / ours_s, 1), **ours_c.to_dict(),
                         "fallbacks": fallbacks},
        "trafilatura_extract": {"seconds": round(theirs_s, 2), "docs_per_second": round(n / theirs_s, 1),
                                **theirs_c.to_dict()},
        "speedup": round(theirs_s / ours_s, 2),
    }
    print(f"{n} pages ({args.half}) from {args.dataset}")
    print(f"{'extractor':<22}{'docs/s':>9}{'precision':>11}{'recall':>9}{'F1':>8}")
    for name, key, c in (("cleaner (html mode)", "cleaner_html", ours_c), ("trafilatura.extract", "trafilatura_extract", theirs_c)):
        print(f"{name:<22}{report[key]['docs_per_second']:>9}{c.precision:>11.3f}{c.recall:>9.3f}{c.f1:>8.3f}")
    print(f"speedup: {report['speedup']}x; fallback to trafilatura on {fallbacks} of {n} pages")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
