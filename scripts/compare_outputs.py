"""Check that a change keeps the cleaner's output identical on the development set.

    python scripts/compare_outputs.py dump OUT.jsonl [--dataset PATH] [--mode text|html|both] [--set KEY=JSON ...]
    python scripts/compare_outputs.py compare BEFORE.jsonl AFTER.jsonl

`dump` cleans every page (text dumps with kind="text", decompressed HTML with kind="html", each with
the page's URL from gold.json, as `cleaner eval` does) and writes one JSON record per page: body,
title, authors, date, publisher, language and the ledger (offsets + rule id), and the later metadata
fields (EXTRA_FIELDS) when the version has them, and the whole of `Article.to_dict()` serialised (`record`:
every public field, the stats among them, in its key order). `compare` reports how many records are identical and
names the fields that differ on the others (exit 1 if any differ); a field that only one side has (a
version that adds fields against one without them) is named once and not compared.
`--set` cleans with a non-default config (`--set favor='"precision"' --set 'disabled_stages=["heuristics"]'`;
each value is JSON, lists become frozensets), so that a refactoring can be checked beyond the defaults.
Speed work needs this: an optimisation must not change a single removal.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from cleaner import Cleaner, CleanerConfig
from cleaner.errors import CleanerError
from cleaner.evaluate import DEFAULT_DATASET, load_dataset

FIELDS = ("text", "title", "authors", "date", "publisher", "language", "removed")
#: Fields of later versions, dumped when the Article has them; `compare` tells a field that only one
#: side has apart from a change (comparing against a version without them).
EXTRA_FIELDS = ("datetime", "date_modified", "tags", "section", "license", "links", "comments", "fingerprint",
                "access", "truncated", "confidence", "sources", "record")


def config_from(settings: list[str]) -> CleanerConfig:
    """The config that `--set KEY=JSON ...` describes (JSON lists become frozensets)."""
    overrides: dict = {}
    for setting in settings:
        key, _, value = setting.partition("=")
        parsed = json.loads(value)
        overrides[key] = frozenset(parsed) if isinstance(parsed, list) else parsed
    return CleanerConfig().replace(**overrides)


def dump(dataset: Path, modes: list[str], out: Path, config: CleanerConfig | None = None) -> None:
    pages = load_dataset(dataset)
    cleaner = Cleaner(config)
    with out.open("w", encoding="utf-8") as sink:
        for mode in modes:
            for page in pages:
                if mode == "html":
                    data: bytes | str = gzip.decompress(page.html_path.read_bytes())
                else:
                    data = page.text_path.read_text(encoding="utf-8")
                record: dict = {"id": page.doc_id, "mode": mode}
                try:
                    article = cleaner.clean(data, kind=mode, url=page.url)
                except CleanerError as exc:
                    record["error"] = f"{type(exc).__name__}: {exc}"
                else:
                    record.update(
                        text=article.text, title=article.title, authors=article.authors, date=article.date,
                        publisher=article.publisher, language=article.language,
                        removed=[[r.start, r.end, r.rule] for r in article.removed],
                    )
                    for name in EXTRA_FIELDS:
                        if name == "sources":
                            if "sources" in article.stats:
                                record["sources"] = article.stats["sources"]
                        elif name == "record":
                            # The whole public record as it is serialised (key order included): every
                            # field, the stats among them.
                            record["record"] = json.dumps(article.to_dict(), ensure_ascii=False)
                        elif hasattr(article, name):
                            record[name] = getattr(article, name)
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")


def _load(path: Path) -> dict[tuple[str, str], dict]:
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        records[(rec["mode"], rec["id"])] = rec
    return records


def compare(before: Path, after: Path) -> int:
    a, b = _load(before), _load(after)
    differing = 0
    new_fields: set[str] = set()
    by_mode: dict[str, list[int]] = {}
    for key in sorted(set(a) | set(b)):
        tally = by_mode.setdefault(key[0], [0, 0])
        tally[1] += 1
        old, new = a.get(key), b.get(key)
        if old is not None and new is not None:
            only = (set(old) ^ set(new)) - {"id", "mode"}
            new_fields.update(f for f in only if f in new)
            shared = [f for f in FIELDS + EXTRA_FIELDS + ("error",) if f not in only]
            fields = [f for f in shared if old.get(f) != new.get(f)]
        else:
            fields = []
        if old is not None and new is not None and not fields:
            tally[0] += 1
            continue
        differing += 1
        print(f"{key[0]} {key[1]}: differs in {', '.join(fields) or 'presence'}")
    for mode, (same, total) in sorted(by_mode.items()):
        print(f"{mode}: {same}/{total} identical")
    if new_fields:
        print("fields only one side has (not compared): " + ", ".join(sorted(new_fields)))
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    d.add_argument("--mode", default="both", choices=("text", "html", "both"))
    d.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="a config field (repeatable)")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.dataset, ["text", "html"] if args.mode == "both" else [args.mode], args.out, config_from(args.set))
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
