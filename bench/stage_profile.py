"""Where the time goes: a per-stage CPU-time table of both modes on the development set (`make profile`).

    python bench/stage_profile.py [--dataset PATH] [--mode text|html|both] [--limit N] [--half all|tune|test]

Each stage function the engine calls is wrapped, for this run only, with a timer of this process's
CPU time (`time.process_time`, which other processes on a shared machine do not inflate); the table
gives each stage's total, its share of the mode's total `Cleaner.clean` time and its cost per
document. Stages nested in another (the line scorer's feature rows inside the region finder, the
lexbor parse inside `parse_html`) are indented under it and counted in it too; the "rest" row is
the time outside every listed stage. Nothing is changed
in the output: the same documents are cleaned as `cleaner eval` cleans them.

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

import cleaner.engine as engine
import cleaner.html.parse as html_module
import cleaner.scoring.heuristics as heuristics
from cleaner import Cleaner
from cleaner.errors import CleanerError
from cleaner.evaluate import DEFAULT_DATASET, load_dataset, split

#: (module, attribute, row name, depth) in the order of the pipeline; depth 1 rows run inside the
#: depth 0 row above them.
STAGES: tuple[tuple[Any, str, str, int], ...] = (
    (engine, "to_text", "decode (bytes -> str, sniffing)", 0),
    (engine, "first_lines", "cap on lines", 0),
    (engine, "undo_layout", "converter layout undone", 0),
    (engine, "normalize_text", "normalize", 0),
    (engine, "segment_text", "segment (lines)", 0),
    (engine, "parse_html", "HTML: parse + blocks + claims", 0),
    (html_module, "limit_markup", "caps on tags and depth", 1),
    (html_module, "LexborHTMLParser", "lexbor parse", 1),
    (html_module, "page_metadata", "metadata claims (JSON-LD, meta, h1, byline)", 1),
    (html_module, "segment_html", "walk: blocks, hints, collapsed boxes", 1),
    (engine, "render_blocks", "HTML: blocks rendered as lines", 0),
    (engine, "label_html", "HTML: container choice, HTML labels", 0),
    (engine, "apply_rules", "pattern rules", 0),
    (engine, "label_metadata_lines", "metadata lines (byline, date)", 0),
    (engine, "label_captions", "structure: captions", 0),
    (engine, "label_breadcrumb_title", "structure: breadcrumbs", 0),
    (engine, "label_comment_thread", "structure: comment threads", 0),
    (engine, "label_sections", "structure: related/comment sections", 0),
    (engine, "label_syndicated", "structure: syndicated stories", 0),
    (engine, "label_author_bio", "structure: author boxes", 0),
    (engine, "_find_region_within", "HTML: the extent on the undecided stretch", 0),
    (engine, "find_region", "the article's extent", 0),
    (heuristics, "line_evidence", "line stats, two-stage scorer, extent rows", 1),
    (heuristics, "decode", "extent: Viterbi", 1),
    (engine, "choose_title", "headline", 0),
    (engine, "choose_author", "author", 0),
    (engine, "choose_date", "date", 0),
    (engine, "label_above_title", "label above the headline", 0),
    (engine, "label_duplicates", "repeated lines", 0),
    (engine, "restore_html", "HTML: container lines given back", 0),
    (engine, "fix_title", "HTML: headline from the markup", 0),
    (engine, "noscript_page", "HTML: noscript second parse", 0),
    (engine, "fallback_html", "HTML: trafilatura fallback", 0),
    (engine, "_assemble", "assemble (ledger, replay, metadata)", 0),
    (engine, "text_claims", "HTML: byline/date lines near the top", 1),
    (engine, "resolve_html_meta", "HTML: metadata resolved (htmldate)", 1),
)


#: Names of the stages running now, outermost first (a stage inside another is not counted twice
#: in the covered total).
_ACTIVE: list[str] = []
OUTERMOST = "(outermost)"


def _timed(function: Callable[..., Any], spent: dict[str, float], calls: dict[str, int], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        outermost = not _ACTIVE
        _ACTIVE.append(name)
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            elapsed = time.process_time() - started
            _ACTIVE.pop()
            spent[name] += elapsed
            calls[name] += 1
            if outermost:
                spent[OUTERMOST] += elapsed

    return wrapper


def profile(pages: list, mode: str) -> tuple[float, dict[str, float], dict[str, int], int]:
    """Clean every page in `mode` with the stage timers on; (total clean time, per-stage times,
    calls, documents)."""
    spent: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    originals = []
    for module, attribute, name, _ in STAGES:
        if hasattr(module, attribute):
            original = getattr(module, attribute)
            originals.append((module, attribute, original))
            setattr(module, attribute, _timed(original, spent, calls, name))
    cleaner = Cleaner()
    total = 0.0
    try:
        datas = [gzip.decompress(p.html_path.read_bytes()) if mode == "html" else p.text_path.read_bytes() for p in pages]
        cleaner.clean(datas[0], kind=mode)  # warm-up (stoplists, compiled rules) outside the figures
        spent.clear()
        calls.clear()
        for page, data in zip(pages, datas):
            started = time.process_time()
            try:
                cleaner.clean(data, kind=mode, url=page.url)
            except CleanerError:
                pass
            total += time.process_time() - started
    finally:
        for module, attribute, original in originals:
            setattr(module, attribute, original)
    return total, spent, calls, len(pages)


def print_table(mode: str, total: float, spent: dict[str, float], calls: dict[str, int], docs: int) -> None:
    print(f"\n{mode} mode: {docs} documents, {total:.2f} s CPU in Cleaner.clean ({1000 * total / max(docs, 1):.2f} ms a document)")
    print(f"{'stage':<52}{'CPU s':>8}{'share':>8}{'ms/doc':>9}{'calls':>8}")
    covered = spent.get(OUTERMOST, 0.0)
    for _, _, name, depth in STAGES:
        if name not in calls:
            continue
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
