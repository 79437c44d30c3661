"""The article's extent on an HTML page: decided on the stretch its markup left undecided.

Menus, footers and everything outside the article container are labelled before the extent stage
runs; scoring them again only to find they are labelled costs most of the extent's time. The extent
model (`scoring.line_model.find_region`) sees the lines from the first to the last undecided one,
with a few lines of context on each side, and its verdicts and region are copied back.
`scripts/train_extent_model.py` trains on the same stretch.
"""

from __future__ import annotations

from ..config import CleanerConfig
from ..rules import RuleSet
from ..scoring.line_model import find_region
from ..text.document import Document, LineEvidence

#: Lines of context kept on each side of the undecided lines (the line scorer's window features look
#: three lines either way; 8 was best of 0, 3, 5, 8 and 20 on the tune half).
REGION_MARGIN = 8


def undecided_stretch(doc: Document) -> tuple[int, int]:
    """[lo, hi): the lines from the first to the last one no stage has decided, with `REGION_MARGIN`
    lines of context on each side (the whole document when every line is undecided or none is)."""
    undecided = [i for i, v in enumerate(doc.verdicts) if v is None]
    n = len(doc.segments)
    if not undecided:
        return 0, n
    return max(0, undecided[0] - REGION_MARGIN), min(n, undecided[-1] + 1 + REGION_MARGIN)


def _slice(flags: list[bool] | None, lo: int, hi: int) -> list[bool] | None:
    return flags[lo:hi] if flags is not None else None


def stretch_document(doc: Document, lo: int, hi: int) -> Document:
    """The lines [lo, hi) of an HTML page as a document of their own (verdicts and spans shared with the
    page's lists by copy), with what the extent reads of the page: its markers and container flags."""
    return Document(doc.normalized, doc.segments[lo:hi], url=doc.url, kind=doc.kind, language=doc.language,
                    verdicts=doc.verdicts[lo:hi], spans=doc.spans[lo:hi],
                    markers=[(i - lo, rule) for i, rule in doc.markers if lo <= i < hi], enabled=doc.enabled,
                    evidence=LineEvidence(in_container=_slice(doc.evidence.in_container, lo, hi)))


def find_region_within(doc: Document, stopwords: frozenset[str], config: CleanerConfig, rules: RuleSet) -> None:
    """The extent decided on the page's undecided stretch, its verdicts and region copied back."""
    lo, hi = undecided_stretch(doc)
    n = len(doc.segments)
    if lo == 0 and hi == n:
        find_region(doc, stopwords, config, rules)
        return
    part = stretch_document(doc, lo, hi)
    find_region(part, stopwords, config, rules)
    doc.verdicts[lo:hi] = part.verdicts
    if part.region is not None:
        doc.region = (part.region[0] + lo, part.region[1] + lo)
