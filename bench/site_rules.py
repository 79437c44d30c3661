"""What learned site boilerplate adds on the development set, grouped by host.

    python bench/site_rules.py --dataset ../shared/benchmarks/trafilatura-eval [--mode text|html]

Learns site rules from the whole set (each page's URL from gold.json), then scores the pages of
every host that got rules with and without them (trafilatura's with/without snippet metric, from
`cleaner.evaluate`). Pages of other hosts cannot change: the rules only touch their own site.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from cleaner.batch.run import learn_sites
from cleaner.config import CleanerConfig
from cleaner.evaluate import Counts, cleaner_extractor, evaluate, load_dataset, read_input
from cleaner.batch.readers import InputDoc
from cleaner.text.sites import SiteLearner, line_key, site_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=Path("../shared/benchmarks/trafilatura-eval"))
    parser.add_argument("--mode", default="text", choices=("text", "html"))
    parser.add_argument("--min-docs", type=int, default=3)
    parser.add_argument("--min-share", type=float, default=0.3)
    args = parser.parse_args()
    pages = load_dataset(args.dataset)
    hosts = Counter(site_of(p.url) for p in pages)
    big = [n for n in hosts.values() if n >= args.min_docs]
    print(f"{len(pages)} pages, {len(hosts)} hosts; hosts with >= {args.min_docs} pages: {len(big)} ({sum(big)} pages)")
    config = CleanerConfig()
    learner = SiteLearner(min_docs=args.min_docs)
    docs = (InputDoc(p.doc_id, p.doc_id, p.doc_id, read_input(p, args.mode), args.mode, p.url) for p in pages)
    learn_sites(docs, config, learner)
    rules = learner.rules(args.min_share)
    print(f"learned {sum(map(len, rules.values()))} line(s) for {len(rules)} host(s)")
    with_rules = config.replace(site_boilerplate={s: frozenset(map(line_key, lines)) for s, lines in rules.items()})
    touched = [p for p in pages if site_of(p.url) in rules]
    by_host: dict[str, list] = defaultdict(list)
    for p in touched:
        by_host[site_of(p.url) or "?"].append(p)
    total_before, total_after = Counts(), Counts()
    for host, host_pages in sorted(by_host.items()):
        before, _, _ = evaluate(host_pages, args.mode, cleaner_extractor(config, args.mode))
        after, _, _ = evaluate(host_pages, args.mode, cleaner_extractor(with_rules, args.mode))
        total_before.add(before)
        total_after.add(after)
        print(f"{host:30} {len(host_pages):3} pages {len(rules[host]):3} lines  F1 {before.f1:.3f} -> {after.f1:.3f}")
    if touched:
        print(f"{'all touched hosts':30} {len(touched):3} pages            F1 {total_before.f1:.3f} -> {total_after.f1:.3f}")
        print(f"whole set: {len(touched)} of {len(pages)} pages touched; the rest are unchanged")


if __name__ == "__main__":
    main()
