"""Stage 1 of labelling: pattern rules and metadata lines.

Whole-line rules label a segment; span rules take a piece out of it (an image credit glued to a
caption, an advert marker glued to a date). Metadata lines (byline, date line, publisher + date)
are recognised here too, and what they say is recorded in `doc.meta` for the assembly step.
"""

from __future__ import annotations

import regex

from ..config import CleanerConfig
from .document import Document
from ..metadata import lines as metadata
from ..rules import RuleSet
from .scripts import byline_names, date_order

_CREDIT_SPAN = "CRD004"
#: What every date `metadata.find_date` knows has: a year of four digits or two numbers joined by a
#: separator ("19.10.19"). A line without it holds no date, whatever digits it has (prices, counts).
_MAYBE_DATE = regex.compile(r"(?:19|20)\d\d|\d[./-]\d")


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
                if rules.enabled("CAP001"):
                    doc.label(i, "CAP001")


def label_metadata_lines(doc: Document, rules: RuleSet, config: CleanerConfig) -> None:
    """Recognise bylines, date lines and publisher+date lines; record what they say."""
    meta = doc.meta
    # A document's own reference date (a WARC record's WARC-Date) before the configured one.
    reference = meta.get("reference_date") or config.reference_date
    order = date_order(doc.language, config.date_order)
    for i, seg in enumerate(doc.segments):
        verdict = doc.verdicts[i]
        if verdict is not None:
            if verdict.rule == "RDM001":
                site = metadata.site_from_readmore(seg.text)
                if site:
                    meta.setdefault("publishers", []).append((i, site))
            elif verdict.rule == "MET006":
                names = byline_names(seg.text)
                if names:
                    meta.setdefault("bylines", []).append((i, names))
            elif verdict.rule in ("TIM001", "TIM004"):
                resolved = metadata.resolve_relative(seg.text, reference)
                if resolved:
                    meta.setdefault("relative_dates", []).append((i, resolved))
            continue
        text = doc.kept_text(i) if doc.spans[i] else seg.text
        if len(text) > 160 or not text:
            continue
        # (a Thai date is of the Buddhist era: "8 พฤษภาคม 2568")
        dated = _MAYBE_DATE.search(text) is not None or (doc.language == "th" and "25" in text)
        if dated:
            found = metadata.publisher_date(text, order)
            if found and rules.enabled("MET003"):
                doc.label(i, "MET003")
                meta.setdefault("publishers", []).append((i, found[0]))
                meta.setdefault("dates", []).append((i, found[1]))
                continue
            names, iso = metadata.dated_byline(text, order)
        else:
            # No date: only a plain byline ("By X") is possible.
            names, iso = metadata.byline_without_date(text), None
        if names and rules.enabled("MET001"):
            doc.label(i, "MET001")
            meta.setdefault("bylines", []).append((i, names))
            if iso:
                meta.setdefault("dates", []).append((i, iso))
            continue
        if dated:
            iso = metadata.dateline(text, order)
            if iso and rules.enabled("MET002"):
                doc.label(i, "MET002")
                meta.setdefault("dates", []).append((i, iso))
                continue
        if metadata.contributor_line(text) and rules.enabled("MET004"):
            doc.label(i, "MET004")
