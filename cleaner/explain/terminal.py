"""`cleaner explain` in the terminal: the input with every removed segment struck out and coloured.

The ledger (`Article.removed`) is drawn over `Article.normalized_input`, line by line: kept text is
plain, removed spans are struck through in their label's colour, and the rule id and reason of each
removal stand beside its line. Metadata come first, a per-label summary last.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..article import Article, Removal
from ..rules import REGISTRY

#: One colour per label, shared by the terminal view and the HTML report.
LABEL_COLOURS: dict[str, str] = {
    "title": "#be123c",
    "byline": "#92400e",
    "dateline": "#ca8a04",
    "caption": "#c026d3",
    "credit": "#6d28d9",
    "promo": "#ea580c",
    "advert": "#dc2626",
    "read-more": "#0891b2",
    "related": "#2563eb",
    "comments": "#4f46e5",
    "navigation": "#64748b",
    "share": "#0d9488",
    "legal": "#78716c",
    "timestamp": "#16a34a",
    "counter": "#65a30d",
    "duplicate": "#6b7280",
    "heading": "#0f766e",
    "error": "#b91c1c",
    "unknown": "#475569",
}
_FALLBACK_COLOUR = "#475569"

META_FIELDS = ("title", "authors", "date", "publisher", "language", "url")
#: Shown after them when they have a value (`links` as a count).
MORE_FIELDS = ("datetime", "date_modified", "tags", "section", "license", "links", "access", "truncated",
               "confidence", "fingerprint")


def meta_value(article: Article, name: str) -> Any:
    """A metadata field as the report and the terminal view show it (links: how many)."""
    value = getattr(article, name)
    return len(value) if name == "links" else value


def known_labels() -> list[str]:
    """Every label a registered rule can give, in palette order."""
    labels = {r.label for r in REGISTRY}
    return [name for name in LABEL_COLOURS if name in labels] + sorted(labels - set(LABEL_COLOURS))


def colour(label: str) -> str:
    return LABEL_COLOURS.get(label, _FALLBACK_COLOUR)


@dataclass(frozen=True)
class Selection:
    """Which removals to highlight: by label and/or by rule id or family prefix (empty = all)."""

    labels: frozenset[str] = field(default_factory=frozenset)
    rules: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def parse(cls, labels: Iterable[str], rules: Iterable[str]) -> Selection:
        """Check the names against the registry (ValueError names the known ones)."""
        labels, rules = frozenset(labels), frozenset(r.upper() for r in rules)
        bad_labels = labels - set(known_labels())
        if bad_labels:
            raise ValueError(f"unknown label(s) {', '.join(sorted(bad_labels))}; known: {', '.join(known_labels())}")
        ids = {r.id for r in REGISTRY} | {r.family for r in REGISTRY}
        bad_rules = rules - ids
        if bad_rules:
            raise ValueError(f"unknown rule(s) {', '.join(sorted(bad_rules))}; see `cleaner rules`")
        return cls(labels, rules)

    @property
    def active(self) -> bool:
        return bool(self.labels or self.rules)

    def __call__(self, r: Removal) -> bool:
        if self.labels and r.label not in self.labels:
            return False
        return not self.rules or r.rule in self.rules or r.rule[:3] in self.rules


def metadata_table(article: Article) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False)
    for name in META_FIELDS + MORE_FIELDS:
        value = meta_value(article, name)
        if name in MORE_FIELDS and value in (None, [], 0, False, "unknown"):
            continue  # the fields beyond the first six only when they say something
        shown = ", ".join(value) if isinstance(value, list) else str(value if value is not None else "-")
        table.add_row(Text(name, style="bold"), Text(shown or "-"))
    sources = article.stats.get("sources")
    if sources:
        table.add_row(Text("sources", style="bold"), Text(", ".join(f"{k}: {v}" for k, v in sources.items())))
    return table


def _lines(normalized: str) -> Iterator[tuple[int, int, str]]:
    """(line number, start offset, line text) for every line of the normalized input."""
    pos = 0
    for number, line in enumerate(normalized.split("\n"), 1):
        yield number, pos, line
        pos += len(line) + 1


def _by_line(normalized: str, removed: Iterable[Removal]) -> dict[int, list[Removal]]:
    """Removals grouped by every line they overlap, in order of their start."""
    starts = [start for _, start, _ in _lines(normalized)]
    grouped: dict[int, list[Removal]] = defaultdict(list)
    for r in sorted(removed, key=lambda r: r.start):
        first = bisect_right(starts, r.start)
        last = max(first, bisect_left(starts, r.end))
        for number in range(first, last + 1):
            grouped[number].append(r)
    return grouped


def render_line(number: int, start: int, line: str, removals: list[Removal], select: Selection, plain: bool = False) -> Text:
    """One input line: kept text plain, removed spans struck and coloured, rule ids beside.

    `plain` (no colours, e.g. piped output) also wraps removed spans in wdiff's [- -] markers.
    """
    text = Text(f"{number:>5} ", style="dim")
    cursor = start
    notes: list[Removal] = []
    for r in removals:
        s, e = max(r.start, start), min(r.end, start + len(line))
        if s > cursor:
            text.append(line[cursor - start : s - start])
        chunk = line[s - start : e - start]
        if plain and chunk:
            chunk = f"[-{chunk}-]"
        if select(r):
            text.append(chunk, style=f"strike {colour(r.label)}")
            notes.append(r)
        else:
            text.append(chunk, style="strike dim")
        cursor = max(cursor, e)
    if cursor < start + len(line):
        text.append(line[cursor - start :])
    seen: set[str] = set()
    for r in notes:
        if r.rule in seen:
            continue
        seen.add(r.rule)
        text.append("  ◂ ", style="dim")
        text.append(f"{r.rule} {r.label}", style=f"bold {colour(r.label)}")
        text.append(f": {r.reason}", style="dim italic")
    return text


def body_view(article: Article, select: Selection, plain: bool = False) -> Iterator[Text]:
    """The input, line by line; with an active selection only the lines it touches (gaps elided)."""
    grouped = _by_line(article.normalized_input, article.removed)
    skipped = 0
    blank = False
    for number, start, line in _lines(article.normalized_input):
        removals = grouped.get(number, [])
        if select.active and not any(select(r) for r in removals):
            skipped += 1
            continue
        if skipped:
            yield Text(f"      ⋯ {skipped} line(s)", style="dim")
            skipped = 0
        if not line.strip():
            if not blank:
                yield Text("")
            blank = True
            continue
        blank = False
        yield render_line(number, start, line, removals, select, plain)
    if skipped:
        yield Text(f"      ⋯ {skipped} line(s)", style="dim")


def summary_table(article: Article, select: Selection) -> Table:
    """Per label: removed segments, characters, share of the input, and the rules that fired."""
    total = max(1, len(article.normalized_input))
    count: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    for r in article.removed:
        if select(r):
            count[r.label] += 1
            chars[r.label] += r.end - r.start
            rules[r.label][r.rule] += 1
    table = Table(title="removed, by label", title_justify="left")
    for name, justify in (("label", "left"), ("segments", "right"), ("chars", "right"), ("share", "right"), ("rules", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for label, n in sorted(count.items(), key=lambda item: -chars[item[0]]):
        ids = ", ".join(f"{rule}×{k}" for rule, k in rules[label].most_common())
        table.add_row(Text(label, style=f"bold {colour(label)}"), str(n), f"{chars[label]:,}", f"{chars[label] / total:.1%}", ids)
    return table


def print_explanation(article: Article, console: Console, select: Selection = Selection(), source: str | None = None) -> None:
    """Metadata, the input with removals struck out and annotated, a per-label summary."""
    if source:
        console.rule(Text(source, style="bold"))
    console.print(metadata_table(article))
    kept = len(article.text)
    total = max(1, len(article.normalized_input))
    console.print(
        Text(f"kept {kept:,} of {total:,} characters ({kept / total:.0%}); {len(article.removed)} segment(s) removed", style="dim")
    )
    console.print()
    for line in body_view(article, select, plain=console.color_system is None):
        console.print(line, overflow="fold")
    console.print()
    console.print(summary_table(article, select))
