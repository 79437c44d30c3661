"""Text-mode throughput: cleaner vs datatrove's C4 line filter on the same text dumps, one process.

    python bench/text_mode.py [--dataset PATH] [--repeat N]

Reports docs/s for both and their ratio, plus peak RSS growth while cleaning (memory must stay flat).
The C4 filter (datatrove, `pip install -e '.[bench]'`) is run with its defaults except that a document it
would drop keeps going (we time its line filtering, not its document verdicts).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from cleaner import Cleaner
from cleaner.evaluate import Counts, load_dataset, score_page


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def c4_runner():
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters.c4_filters import C4QualityFilter
    except ImportError:
        return None
    c4 = C4QualityFilter(min_num_sentences=-1)

    def run(text: str) -> str:
        doc = Document(text=text, id="x")
        verdict = c4.filter(doc)
        return doc.text if verdict is True else ""

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=Path("../shared/benchmarks/trafilatura-eval"))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    pages = load_dataset(args.dataset)
    texts = [p.text_path.read_text(encoding="utf-8") for p in pages]
    cleaner = Cleaner()
    cleaner.clean(texts[0])  # warm caches (stoplists, model) outside the timing
    rss_before = rss_mb()
    results = {}
    c4 = c4_runner()
    for name, fn in (("cleaner", lambda t: cleaner.clean(t, kind="text").text), ("datatrove-c4", c4)):
        if fn is None:
            print(f"{name}: not installed (pip install -e '.[bench]')")
            continue
        started = time.perf_counter()
        outputs = []
        for _ in range(args.repeat):
            outputs = [fn(t) for t in texts]
        elapsed = time.perf_counter() - started
        counts = Counts()
        for page, body in zip(pages, outputs):
            counts.add(score_page(page, body, None, None).counts)
        results[name] = len(texts) * args.repeat / elapsed
        print(f"{name:14s} {results[name]:8.1f} docs/s   F1 {counts.f1:.3f} (P {counts.precision:.3f} R {counts.recall:.3f})")
    if len(results) == 2:
        print(f"ratio cleaner / c4: {results['cleaner'] / results['datatrove-c4']:.3f}")
    print(f"peak RSS {rss_mb():.0f} MB (after warm-up {rss_before:.0f} MB; {len(texts) * args.repeat} documents)")


if __name__ == "__main__":
    main()
