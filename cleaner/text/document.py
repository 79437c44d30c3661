"""`Document`: the working state of one input while the stages label its segments.

Every segment holds at most one whole-segment verdict plus any span verdicts (a credit glued to a
caption, an advert marker glued to a date line). A later stage may overturn an earlier verdict (it
says so with `overrule=True`, or gives the line back with `unlabel`); the ledger holds the last one.
A rule switched off in the config (`disabled_rules`) gives no verdict: `label` and `label_span` check
it, so a stage needs no check of its own unless it does more than label.
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
class LineEvidence:
    """What the stages found on the way, each with the index of the line it came from: read by later
    stages (the headline's line anchors the byline and the date lines) and by the assembly (the
    metadata chooser, `metadata.choose`)."""

    #: The headline line the headline stage chose: its text (a page title's site name dropped) and index.
    title: str | None = None
    title_index: int | None = None
    #: A line the structure stages saw as the headline (the one a breadcrumb was glued to), for the
    #: headline stage.
    title_hint: int | None = None
    #: (line index, names) of each byline the metadata lines named.
    bylines: list[tuple[int, list[str]]] = field(default_factory=list)
    #: (line index, ISO date) of each date line; of each relative date ("3 hours ago") resolved.
    dates: list[tuple[int, str]] = field(default_factory=list)
    relative_dates: list[tuple[int, str]] = field(default_factory=list)
    #: (line index, name) of each publisher a line names ("Reuters, 3 May 2024", a read-more link's site).
    publishers: list[tuple[int, str]] = field(default_factory=list)
    #: How the language was found: "config", "script" or "stopwords"; None when it was not.
    language_from: str | None = None
    #: HTML mode: per line, whether it lies inside the article container (all True until the markup
    #: stage chooses one; None before the markup stage).
    in_container: list[bool] | None = None
    #: HTML mode: the article container's element id (`Article.stats["html_container"]`), if one was chosen.
    container: int | None = None


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
    #: Section openers and end markers found by the rules: (segment index, rule id).
    markers: list[tuple[int, str]] = field(default_factory=list)
    #: The document's own reference date for relative dates (a WARC record's WARC-Date), before the
    #: configured one (`CleanerConfig.reference_date`).
    reference_date: str | None = None
    #: What the stages found so far (headline, bylines, dates, ...), with the lines it came from.
    evidence: LineEvidence = field(default_factory=LineEvidence)
    #: The article region chosen by the heuristics: [start, end) segment indices.
    region: tuple[int, int] | None = None
    #: The order of all-numeric dates the page's locale says ("MDY" on an American page, "DMY"), None
    #: when nothing has said it (`metadata.locale`: the markup stage, then the printed dates).
    date_order: str | None = None
    #: HTML mode: the page's structure beyond the segments (`html.blocks.PageLayout`), for the
    #: structured outputs only.
    layout: Any = None
    #: HTML mode: the page's blocks (`html.blocks.Block`, one per line) and its link targets (line
    #: index, href), for the field readers (the comment thread's paragraphs, the body's links).
    blocks: list[Any] = field(default_factory=list)
    hrefs: list[tuple[int, str]] = field(default_factory=list)
    #: The rule ids the config leaves on (`RuleSet.enabled_ids`; set when the stages run); None: all.
    enabled: frozenset[str] | None = None

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
        """Give segment i a whole-segment verdict; an existing one stays unless `overrule`, and a rule
        the config switched off gives none. Whether the verdict was given."""
        if self.verdicts[i] is not None and not overrule:
            return False
        if self.enabled is not None and rule_id not in self.enabled:
            return False
        self.verdicts[i] = Verdict.of(rule_id)
        return True

    def unlabel(self, i: int) -> None:
        """Give a segment back to the body (a later stage overturning an earlier one)."""
        self.verdicts[i] = None

    def label_span(self, i: int, start: int, end: int, rule_id: str) -> None:
        """Remove [start, end) (offsets into `normalized`) from segment i (unless the rule is off)."""
        if self.enabled is None or rule_id in self.enabled:
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
