"""`cleaner diff`: clean the same documents under two configs and show which segments change label.

Both runs see the same normalized input (normalization does not depend on the config), so their
ledgers are compared character by character: the input is cut at every removal boundary and line
break, each piece gets its verdict under A and under B (`kept`, or the label and rule that removed
it), and the pieces whose verdicts differ are the changes, merged per line.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..article import Article, Removal, collapse_spaces
from ..engine import Cleaner
from ..errors import CleanerError
from ..output.neutralize import terminal_markup, terminal_text
from .terminal import colour

if TYPE_CHECKING:
    from ..batch.readers import InputDoc

KEPT = ("kept", "")


@dataclass(frozen=True)
class Change:
    """A piece of the input whose verdict differs: (label, rule) under A and under B."""

    start: int
    end: int
    line: int
    text: str
    a: tuple[str, str]
    b: tuple[str, str]

    @property
    def label_changed(self) -> bool:
        return self.a[0] != self.b[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "line": self.line, "text": self.text,
            "a": {"label": self.a[0], "rule": self.a[1] or None}, "b": {"label": self.b[0], "rule": self.b[1] or None},
        }


@dataclass
class DocumentDiff:
    name: str
    changes: list[Change] = field(default_factory=list)
    error: str | None = None

    @property
    def changed_chars(self) -> int:
        return sum(c.end - c.start for c in self.changes)


class _Verdicts:
    """Look up which removal (if any) covers an offset of one ledger."""

    def __init__(self, removed: Iterable[Removal]) -> None:
        self.spans = sorted(removed, key=lambda r: r.start)
        self.starts = [r.start for r in self.spans]

    def at(self, offset: int) -> tuple[str, str]:
        # Ledger spans do not overlap, so only the last span starting at or before `offset` can cover it.
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and self.spans[k].end > offset:
            return (self.spans[k].label, self.spans[k].rule)
        return KEPT

    def boundaries(self) -> set[int]:
        return {p for r in self.spans for p in (r.start, r.end)}


def diff_articles(a: Article, b: Article) -> list[Change]:
    """The pieces of the input whose (label, rule) differ between two cleanings of it."""
    text = a.normalized_input
    if text != b.normalized_input:  # cannot happen for one input; guard against misuse
        raise ValueError("the two articles were not cleaned from the same input")
    va, vb = _Verdicts(a.removed), _Verdicts(b.removed)
    cuts = {0, len(text)} | va.boundaries() | vb.boundaries()
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    cuts |= set(line_starts)
    points = sorted(p for p in cuts if 0 <= p <= len(text))
    changes: list[Change] = []
    for start, end in pairwise(points):
        pa, pb = va.at(start), vb.at(start)
        if pa == pb or not text[start:end].strip():
            continue
        line = bisect_right(line_starts, start)
        last = changes[-1] if changes else None
        if last and last.line == line and (last.a, last.b) == (pa, pb) and not text[last.end:start].strip():
            changes[-1] = Change(last.start, end, line, collapse_spaces(text[last.start:end]), pa, pb)
        else:
            changes.append(Change(start, end, line, collapse_spaces(text[start:end]), pa, pb))
    return changes


def diff_sources(inputs: Iterable[InputDoc], a: Cleaner, b: Cleaner) -> Iterator[DocumentDiff]:
    """One `DocumentDiff` per input document (`batch.readers.iter_inputs`; a failed input carries its
    error, one that is not a page is left out)."""
    for doc in inputs:
        if doc.skipped is not None:
            continue
        name = "<stdin>" if doc.source == "-" else doc.source
        try:
            yield DocumentDiff(name, diff_articles(doc.clean_with(a), doc.clean_with(b)))
        except CleanerError as exc:
            yield DocumentDiff(name, error=f"{type(exc).__name__}: {exc}")


def transitions(diffs: Iterable[DocumentDiff]) -> Counter[tuple[str, str]]:
    """Changed segments counted by label under A and under B (with the rules when only they change)."""
    return Counter(
        (c.a[0], c.b[0]) if c.label_changed else (f"{c.a[0]} {c.a[1]}", f"{c.b[0]} {c.b[1]}")
        for d in diffs
        for c in d.changes
    )


def _verdict(v: tuple[str, str]) -> Text:
    label, rule = v
    if label == "kept":
        return Text("kept", style="bold")
    return Text(f"{label} {rule}".strip(), style=colour(label.split()[0]))


def print_diff(diffs: list[DocumentDiff], notes: tuple[str, str], console: Console, limit: int = 50) -> None:
    """A summary (documents changed, label transitions) and the changed segments per document."""
    changed = [d for d in diffs if d.changes]
    failed = [d for d in diffs if d.error]
    console.print(f"A: {notes[0]}\nB: {notes[1]}")
    console.print(
        f"{len(changed)} of {len(diffs)} document(s) change; "
        f"{sum(len(d.changes) for d in changed)} segment(s), {sum(d.changed_chars for d in changed):,} characters"
        + (f"; {len(failed)} failed" if failed else "")
    )
    if not changed:
        return
    table = Table(title="label transitions (A → B)", title_justify="left")
    for name in ("A", "B", "segments"):
        table.add_column(name, justify="right" if name == "segments" else "left")
    for (la, lb), n in transitions(changed).most_common():
        table.add_row(_verdict((la, "")), _verdict((lb, "")), str(n))
    console.print(table)
    for d in sorted(changed, key=lambda d: -d.changed_chars):
        detail = Table(title=Text(f"{terminal_text(d.name)}: {len(d.changes)} change(s)"), title_justify="left",
                       show_lines=False)
        detail.add_column("line", justify="right", style="dim")
        detail.add_column("text", overflow="fold", ratio=3)
        detail.add_column("A")
        detail.add_column("B")
        for c in d.changes[:limit]:
            detail.add_row(str(c.line), c.text[:200], _verdict(c.a), _verdict(c.b))
        if len(d.changes) > limit:
            detail.add_row("", Text(f"… {len(d.changes) - limit} more", style="dim"), "", "")
        console.print(detail)
    for d in failed:
        console.print(f"[red]error[/red] {terminal_markup(d.name)}: {terminal_markup(d.error)}")


def diff_record(diffs: list[DocumentDiff], notes: tuple[str, str]) -> dict[str, Any]:
    """The diff as JSON-ready data."""
    return {
        "a": notes[0],
        "b": notes[1],
        "documents": len(diffs),
        "changed": sum(1 for d in diffs if d.changes),
        "transitions": [{"a": la, "b": lb, "segments": n} for (la, lb), n in transitions(diffs).most_common()],
        "changes": [
            {"name": d.name, "error": d.error, "changes": [c.to_dict() for c in d.changes]} for d in diffs if d.changes or d.error
        ],
    }
