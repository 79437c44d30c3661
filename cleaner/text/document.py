"""`Document`: the working state of one input while the stages label its segments.

Every segment holds at most one whole-segment verdict plus any span verdicts (a credit glued to a
caption, an advert marker glued to a date line). A later stage may overturn an earlier verdict;
the previous one is kept in `history` so explanations can show the chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..ledger import Removal, collapse_spaces
from ..rules import RULES_BY_ID
from .segment import Segment


@dataclass(frozen=True, slots=True)
class Verdict:
    rule: str
    label: str
    reason: str

    @classmethod
    def of(cls, rule_id: str) -> "Verdict":
        rule = RULES_BY_ID[rule_id]
        return cls(rule.id, rule.label, rule.reason)


@dataclass
class Document:
    normalized: str
    segments: list[Segment]
    url: str | None = None
    kind: str = "text"
    language: str | None = None
    verdicts: list[Verdict | None] = field(default_factory=list)
    #: Per segment: (start, end, verdict) with offsets into `normalized`.
    spans: list[list[tuple[int, int, Verdict]]] = field(default_factory=list)
    history: dict[int, list[Verdict]] = field(default_factory=dict)
    #: Section openers and end markers found by the rules: (segment index, rule id).
    markers: list[tuple[int, str]] = field(default_factory=list)
    #: Metadata found so far, with the index of the segment it came from.
    meta: dict[str, Any] = field(default_factory=dict)
    #: The article region chosen by the heuristics: [start, end) segment indices.
    region: tuple[int, int] | None = None
    #: HTML mode: the page's structure beyond the segments (`html.blocks.PageLayout`), for the
    #: structured outputs only.
    layout: Any = None

    def __post_init__(self) -> None:
        if not self.verdicts:
            self.verdicts = [None] * len(self.segments)
        if not self.spans:
            self.spans = [[] for _ in self.segments]

    # -- reading ---------------------------------------------------------------------------
    def is_kept(self, i: int) -> bool:
        return self.verdicts[i] is None

    def kept_text(self, i: int) -> str:
        """The segment's text minus its span removals."""
        seg = self.segments[i]
        spans = self.spans[i]
        if not spans:
            return seg.text
        pieces, cursor = [], seg.start
        for s, e, _ in sorted(spans):
            pieces.append(self.normalized[cursor:s])
            cursor = max(cursor, e)
        pieces.append(self.normalized[cursor : seg.end])
        return collapse_spaces(" ".join(pieces))

    # -- writing ---------------------------------------------------------------------------
    def label(self, i: int, rule_id: str, *, overrule: bool = False) -> bool:
        """Give segment i a whole-segment verdict; an existing one stays unless `overrule`."""
        current = self.verdicts[i]
        if current is not None and not overrule:
            return False
        if current is not None:
            self.history.setdefault(i, []).append(current)
        self.verdicts[i] = Verdict.of(rule_id)
        return True

    def unlabel(self, i: int) -> None:
        """Give a segment back to the body (a later stage overturning an earlier one)."""
        current = self.verdicts[i]
        if current is not None:
            self.history.setdefault(i, []).append(current)
            self.verdicts[i] = None

    def label_span(self, i: int, start: int, end: int, rule_id: str) -> None:
        """Remove [start, end) (offsets into `normalized`) from segment i."""
        self.spans[i].append((start, end, Verdict.of(rule_id)))

    # -- result ----------------------------------------------------------------------------
    def removals(self) -> list[Removal]:
        """The ledger: span verdicts as they are, whole-segment verdicts over what the spans left."""
        out: list[Removal] = []
        text = self.normalized
        for i, seg in enumerate(self.segments):
            spans = sorted(self.spans[i])
            verdict = self.verdicts[i]
            cursor = seg.start
            for s, e, v in spans:
                if verdict is not None and s > cursor:
                    out.extend(_removal(text, cursor, s, verdict))
                out.extend(_removal(text, s, e, v))
                cursor = max(cursor, e)
            if verdict is not None and cursor < seg.end:
                out.extend(_removal(text, cursor, seg.end, verdict))
        return out


def _removal(text: str, start: int, end: int, v: Verdict) -> list[Removal]:
    # Trim surrounding spaces so the recorded text is exactly what was removed.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return []
    return [Removal(start, end, v.label, v.rule, v.reason, text[start:end])]
