"""Text-mode throughput: cleaner vs datatrove's C4 line filter on the same text dumps, one process.

    python bench/text_mode.py [--dataset PATH] [--repeat N] [--limit N]

Both get the same text, in the same process, alternating document by document, so that a change in
the machine's load hits both alike. Reports docs/s for both (wall clock and this process's CPU time;
with --repeat N the fastest of N passes counts), their ratios, and peak RSS growth while cleaning
(memory must stay flat). The C4 filter (datatrove, `pip install -e '.[bench]'`) is run with its
defaults except that a document it would drop keeps going (we time its line filtering, not its
document verdicts).
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


def interleaved(runners: dict, texts: list[str], repeat: int) -> tuple[dict[str, dict[str, float]], dict[str, list[str]]]:
    """Run every runner on each text in turn; per runner, the fastest pass's wall and CPU seconds."""
    best: dict[str, dict[str, float]] = {name: {} for name in runners}
    outputs: dict[str, list[str]] = {}
    for _ in range(repeat):
        totals = {name: [0.0, 0.0] for name in runners}
        outputs = {name: [] for name in runners}
        for text in texts:
            for name, fn in runners.items():
                w0, c0 = time.perf_counter(), time.process_time()
                outputs[name].append(fn(text))
                totals[name][0] += time.perf_counter() - w0
                totals[name][1] += time.process_time() - c0
        for name, (wall, cpu) in totals.items():
            best[name]["wall"] = min(best[name].get("wall", wall), wall)
            best[name]["cpu"] = min(best[name].get("cpu", cpu), cpu)
    return best, outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=Path("../shared/benchmarks/trafilatura-eval"))
    parser.add_argument("--repeat", type=int, default=2, help="passes over the set; the fastest counts")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    args = parser.parse_args()
    pages = load_dataset(args.dataset)
    if args.limit:
        pages = pages[: args.limit]
    texts = [p.text_path.read_text(encoding="utf-8") for p in pages]
    cleaner = Cleaner()
    cleaner.clean(texts[0])  # warm caches (stoplists, model) outside the timing
    runners = {"cleaner": lambda t: cleaner.clean(t, kind="text").text}
    c4 = c4_runner()
    if c4 is None:
        print("datatrove-c4: not installed (pip install -e '.[bench]')")
    else:
        c4(texts[0])
        runners["datatrove-c4"] = c4
    rss_before = rss_mb()
    times, outputs = interleaved(runners, texts, args.repeat)
    n = len(texts)
    for name in runners:
        counts = Counts()
        for page, body in zip(pages, outputs[name]):
            counts.add(score_page(page, body, None, None).counts)
        wall, cpu = n / times[name]["wall"], n / times[name]["cpu"]
        print(f"{name:14s} {wall:8.1f} docs/s wall {cpu:8.1f} docs/s cpu   "
              f"F1 {counts.f1:.3f} (P {counts.precision:.3f} R {counts.recall:.3f})")
    if len(runners) == 2:
        ratio_wall = times["datatrove-c4"]["wall"] / times["cleaner"]["wall"]
        ratio_cpu = times["datatrove-c4"]["cpu"] / times["cleaner"]["cpu"]
        print(f"ratio cleaner / c4: {ratio_wall:.3f} wall, {ratio_cpu:.3f} cpu")
    print(f"peak RSS {rss_mb():.0f} MB (after warm-up {rss_before:.0f} MB; {n * args.repeat} documents cleaned)")


if __name__ == "__main__":
    main()
