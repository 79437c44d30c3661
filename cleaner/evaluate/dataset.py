"""The development set: its pages and gold (`gold.json`: must-keep and must-drop snippets, metadata),
the fixed tune / test halves, and the inputs each mode reads (the HTML page, its text dump, or one
converter's or extractor's rendering of it from `DATASET/dumps/STYLE/`)."""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import CleanerError


DEFAULT_DATASET = Path("../shared/benchmarks/trafilatura-eval")


@dataclass
class Page:
    doc_id: str
    url: str | None
    with_: list[str]
    without: list[str]
    meta: dict[str, str]
    text_path: Path
    html_path: Path


def load_dataset(root: Path) -> list[Page]:
    """Read gold.json of a trafilatura-eval style development set."""
    gold_path = root / "gold.json"
    if not gold_path.exists():
        raise CleanerError(f"no gold.json in {root}: pass --dataset pointing at the development set")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return [
        Page(doc_id, rec.get("url"), rec["with"], rec["without"], rec.get("meta") or {},
             root / rec["text"], root / rec["html"])
        for doc_id, rec in sorted(gold.items())
    ]


def split(pages: list[Page], half: str) -> list[Page]:
    """'tune' / 'test' halves (a fixed seeded shuffle), or 'all'."""
    if half == "all":
        return pages
    order = sorted(pages, key=lambda p: p.doc_id)
    random.Random(20261123).shuffle(order)
    middle = len(order) // 2
    chosen = order[:middle] if half == "tune" else order[middle:]
    return sorted(chosen, key=lambda p: p.doc_id)


#: Text dumps `cleaner eval --dump` scores: the set's own text/ folder (html_text) and the converters
#: `make devsets` (scripts/build_devsets.py) renders into DATASET/dumps/STYLE/ (the page's whole text).
DUMP_STYLES = ("html_text", "inscriptis", "innertext", "bs4", "html2text")


#: Article extractors' output, rendered the same way (`cleaner eval --dump extracted`): already an
#: article, with some residue left in; scored as it is (before) and after text mode cleaned it.
EXTRACTED_STYLES = ("trafilatura", "readability_lxml", "newspaper4k", "goose3", "resiliparse", "boilerpy3", "justext")


def dump_pages(pages: list[Page], root: Path, style: str) -> list[Page]:
    """The same pages and gold, reading text mode's input from one dump style's folder."""
    if style not in DUMP_STYLES + EXTRACTED_STYLES:
        raise CleanerError(f"unknown dump style {style!r}; known: {', '.join(DUMP_STYLES + EXTRACTED_STYLES)}, "
                           "'all' or 'extracted'")
    if style == "html_text":
        return pages
    folder = root / "dumps" / style
    if not folder.is_dir():
        raise CleanerError(f"no {style} dumps in {folder}: build them with `make devsets DATASET={root}`")
    missing = [p.doc_id for p in pages if not (folder / f"{p.doc_id}.txt").exists()]
    if missing:
        raise CleanerError(f"{len(missing)} pages have no {style} dump in {folder} (first: {missing[0]}): "
                           f"rebuild with `make devsets DATASET={root} ARGS=--force`")
    return [replace(p, text_path=folder / f"{p.doc_id}.txt") for p in pages]


def read_input(page: Page, mode: str) -> bytes:
    if mode == "html":
        return gzip.decompress(page.html_path.read_bytes())
    return page.text_path.read_bytes()


def dump_styles(dump: str) -> tuple[str, ...]:
    """The styles `--dump` names: one, a comma-separated list, 'all' (the five full-page styles) or
    'extracted' (the seven extractors)."""
    groups = {"all": DUMP_STYLES, "extracted": EXTRACTED_STYLES}
    return tuple(style for name in dump.split(",") if name.strip() for style in groups.get(name.strip(), (name.strip(),)))
