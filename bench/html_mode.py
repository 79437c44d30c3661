"""Benchmark HTML mode against trafilatura.extract on the same pages, in one run.

    python bench/html_mode.py [--dataset PATH] [--half all|tune|test] [--limit N] [--repeat R] [--json OUT]

All extractors (ours, trafilatura.extract, and readability-lxml's `Document.summary()` read as text
with html-text when both are installed: the `bench` and `devsets` extras) get the same decompressed
page bytes, in the same process, alternating page by page (each warmed up on one page first). Reports docs/s for each (wall clock and this process's CPU time),
the ratios, our F1 next to trafilatura's on those pages (snippet metric), how often our second
labelling pass ran and how often our fallback called trafilatura, and the CPU time those calls took
(inside our time; measured through `Cleaner`'s profiling hook, mean per pass).
"""

from __future__ import annotations

import argparse
import sys
import gzip
import json
import time
from pathlib import Path
from typing import Callable

from cleaner import Cleaner, CleanerConfig
from cleaner.errors import CleanerError
from cleaner.html.recovery import FALLBACK_STEP
from cleaner.evaluate import DEFAULT_DATASET, Counts, load_dataset, score_page, split


def _interleaved(extractors: dict[str, Callable], datas: list[bytes], repeat: int
                 ) -> tuple[dict[str, dict[str, float]], dict[str, list]]:
    """Run the extractors page by page, alternating (each in turn on the same page), so that a change
    in the machine's load hits all alike. Wall time (perf_counter) and this process's CPU time
    (process_time, which other processes on a shared machine do not inflate) are summed per extractor;
    with `repeat` > 1 the fastest pass counts."""
    best: dict[str, dict[str, float]] = {}
    outputs: dict[str, list] = {}
    for _ in range(repeat):
        totals = {name: {"wall": 0.0, "cpu": 0.0} for name in extractors}
        outputs = {name: [] for name in extractors}
        for data in datas:
            for name, extract in extractors.items():
                w0, c0 = time.perf_counter(), time.process_time()
                outputs[name].append(extract(data))
                totals[name]["wall"] += time.perf_counter() - w0
                totals[name]["cpu"] += time.process_time() - c0
        for name, spent in totals.items():
            kept = best.setdefault(name, dict(spent))
            for key, value in spent.items():
                kept[key] = min(kept[key], value)
    return best, outputs


def _readability_lxml() -> Callable[[bytes], str] | None:
    """readability-lxml's article (`Document(html).summary()`) as text, or None when not installed."""
    try:
        from html_text import extract_text
        from readability import Document
    except ImportError:
        return None
    import logging

    logging.getLogger("readability.readability").setLevel(logging.ERROR)

    def run(data: bytes) -> str:
        try:
            return extract_text(Document(data).summary(html_partial=True))
        except Exception:  # noqa: BLE001 - a peer's failure on a page counts as an empty result
            return ""

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--half", default="all", choices=("all", "tune", "test"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per extractor; the fastest counts")
    parser.add_argument("--fallback-chars", type=int, default=None,
                        help="CleanerConfig.html_fallback_chars for this run (0: no trafilatura fallback)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    args = parser.parse_args(argv)

    import trafilatura

    pages = split(load_dataset(args.dataset), args.half)
    if args.limit:
        pages = pages[: args.limit]
    datas = [gzip.decompress(p.html_path.read_bytes()) for p in pages]
    config = CleanerConfig() if args.fallback_chars is None else CleanerConfig(html_fallback_chars=args.fallback_chars)
    fallback_cpu = [0.0]

    def timed_fallback(step: str, run: Callable):
        """The profiling hook (`pipeline.Hook`): the trafilatura fallback's CPU time."""
        if step != FALLBACK_STEP:
            return run()
        c0 = time.process_time()
        try:
            return run()
        finally:
            fallback_cpu[0] += time.process_time() - c0

    cleaner = Cleaner(config, hook=timed_fallback)

    def ours(data: bytes):
        try:
            return cleaner.clean(data, kind="html")
        except CleanerError:
            return None

    extractors: dict[str, Callable] = {"cleaner (html mode)": ours, "trafilatura.extract": trafilatura.extract}
    readability = _readability_lxml()
    if readability is not None:
        extractors["readability-lxml"] = readability
    for extract in extractors.values():
        extract(datas[0])  # warm-up
    fallback_cpu[0] = 0.0
    times, outputs = _interleaved(extractors, datas, args.repeat)
    fallback_seconds = fallback_cpu[0] / args.repeat

    counts = {name: Counts() for name in extractors}
    fallbacks = retries = 0
    for k, page in enumerate(pages):
        article = outputs["cleaner (html mode)"][k]
        counts["cleaner (html mode)"].add(score_page(page, article.text if article else None, article,
                                                     None if article else "error").counts)
        fallbacks += bool(article and article.stats.get("fallback"))
        retries += bool(article and article.stats.get("retry"))
        for name in extractors:
            if name != "cleaner (html mode)":
                counts[name].add(score_page(page, outputs[name][k] or "", None, None).counts)
    n = len(pages)

    def rate(name: str, key: str) -> float:
        return round(n / max(times[name][key], 1e-9), 1)

    ours_name = "cleaner (html mode)"
    report: dict[str, object] = {"dataset": str(args.dataset), "half": args.half, "pages": n}
    keys = {ours_name: "cleaner_html", "trafilatura.extract": "trafilatura_extract", "readability-lxml": "readability_lxml"}
    for name in extractors:
        report[keys[name]] = {"seconds_wall": round(times[name]["wall"], 2), "seconds_cpu": round(times[name]["cpu"], 2),
                        "docs_per_second_wall": rate(name, "wall"), "docs_per_second_cpu": rate(name, "cpu"),
                        **counts[name].to_dict()}
    report["cleaner_html"].update(fallbacks=fallbacks, retries=retries, fallback_seconds_cpu=round(fallback_seconds, 2))
    report["speedup_wall"] = round(times["trafilatura.extract"]["wall"] / max(times[ours_name]["wall"], 1e-9), 2)
    report["speedup_cpu"] = round(times["trafilatura.extract"]["cpu"] / max(times[ours_name]["cpu"], 1e-9), 2)
    print(f"{n} pages ({args.half}) from {args.dataset}, extractors alternating page by page")
    print(f"{'extractor':<22}{'docs/s wall':>12}{'docs/s cpu':>12}{'precision':>11}{'recall':>9}{'F1':>8}")
    for name, c in counts.items():
        print(f"{name:<22}{rate(name, 'wall'):>12}{rate(name, 'cpu'):>12}{c.precision:>11.3f}{c.recall:>9.3f}{c.f1:>8.3f}")
    print(f"speedup over trafilatura: {report['speedup_wall']}x wall, {report['speedup_cpu']}x cpu; second pass used "
          f"on {retries} and fallback to trafilatura on {fallbacks} of {n} pages ({fallback_seconds:.2f} s cpu of our "
          f"{times[ours_name]['cpu']:.2f} s)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
