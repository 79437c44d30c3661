"""The "pattern rules" stage of labelling (`pipeline.TEXT_STAGES`): the registry's patterns on each line.

Whole-line rules label a segment; span rules take a piece out of it (an image credit glued to a
caption, an advert marker glued to a date). The metadata lines that follow (byline, date line,
publisher + date) are `metadata.labelling`'s stage.
"""

from __future__ import annotations

from .document import Document
from ..rules import RuleSet

_CREDIT_SPAN = "CRD004"


def absolute_offset(doc: Document, i: int, offset: int) -> int:
    """Map an offset in segment i's collapsed text to an offset in `doc.normalized`."""
    seg = doc.segments[i]
    raw = doc.normalized[seg.start : seg.end]
    if len(raw) == len(seg.text):
        return seg.start + offset
    collapsed = 0
    previous_space = False
    for k, ch in enumerate(raw):
        if collapsed >= offset:
            return seg.start + k
        is_space = ch.isspace()
        if not (is_space and previous_space):
            collapsed += 1
        previous_space = is_space
    return seg.end


#: HTML table cells: a column headed "Comment" or "Related" opens no section.
_CELLS = frozenset({"td", "th"})


def apply_rules(doc: Document, rules: RuleSet) -> None:
    """Label every segment that a pattern rule recognises."""
    for i, seg in enumerate(doc.segments):
        if doc.verdicts[i] is not None:
            continue
        rule = rules.match_line(seg.text)
        if rule is not None and rule.scope in ("section", "end") and (seg.tag in _CELLS or "table" in seg.context):
            rule = None
        if rule is not None:
            doc.label(i, rule.id)
            if rule.scope in ("section", "end"):
                doc.markers.append((i, rule.id))
            continue
        for hit in rules.match_spans(seg.text):
            start, end = absolute_offset(doc, i, hit.start), absolute_offset(doc, i, hit.end)
            doc.label_span(i, start, end, hit.rule.id)
            if hit.rule.id == _CREDIT_SPAN and seg.text[: hit.start].strip(" .,;:-|"):
                # What the credit signs is a caption.
                doc.label(i, "CAP001")
