"""Stage 1b of labelling: metadata lines, right after the pattern rules.

Bylines, date lines and publisher + date lines are labelled (MET001-MET004) and what they say is
recorded in `doc.evidence` for the assembly step; so are the site a read-more link names (RDM001), the
names an author or source line gives (MET006) and the date a relative timestamp means (TIM001,
TIM004; against the document's own reference date first), though the rules removed those lines.
"""

from __future__ import annotations

import regex

from ..config import CleanerConfig
from ..rules import RuleSet
from ..text.document import Document
from ..text.scripts import byline_names
from . import byline_lines, date_lines
from .locale import settle_date_order

#: What every date `date_lines.find_date` knows has: a year of four digits or two numbers joined by a
#: separator ("19.10.19"). A line without it holds no date, whatever digits it has (prices, counts).
_MAYBE_DATE = regex.compile(r"(?:19|20)\d\d|\d[./-]\d")


def label_metadata_lines(doc: Document, rules: RuleSet, config: CleanerConfig) -> None:
    """Recognise bylines, date lines and publisher+date lines; record what they say."""
    evidence = doc.evidence
    # A document's own reference date (a WARC record's WARC-Date) before the configured one.
    reference = doc.reference_date or config.reference_date
    order = settle_date_order(doc, config.date_order)
    names: list[str] | None
    for i, seg in enumerate(doc.segments):
        verdict = doc.verdicts[i]
        if verdict is not None:
            if verdict.rule == "RDM001":
                site = date_lines.site_from_readmore(seg.text)
                if site:
                    evidence.publishers.append((i, site))
            elif verdict.rule == "MET006":
                names = byline_names(seg.text)
                if names:
                    evidence.bylines.append((i, names))
            elif verdict.rule in ("TIM001", "TIM004"):
                resolved = date_lines.resolve_relative(seg.text, reference)
                if resolved:
                    evidence.relative_dates.append((i, resolved))
            continue
        text = doc.kept_text(i) if doc.spans[i] else seg.text
        if len(text) > 160 or not text or byline_lines.EMBEDDED_POST.search(text):
            continue
        # (a Thai date is of the Buddhist era: "8 พฤษภาคม 2568")
        dated = _MAYBE_DATE.search(text) is not None or (doc.language == "th" and "25" in text)
        if dated:
            found = date_lines.publisher_date(text, order)
            if found and rules.enabled("MET003"):
                doc.label(i, "MET003")
                evidence.publishers.append((i, found[0]))
                evidence.dates.append((i, found[1]))
                continue
            names, iso = byline_lines.dated_byline(text, order)
        else:
            # No date: only a plain byline ("By X") is possible.
            names, iso = byline_lines.byline_without_date(text), None
        if names and rules.enabled("MET001"):
            doc.label(i, "MET001")
            evidence.bylines.append((i, names))
            if iso:
                evidence.dates.append((i, iso))
            continue
        if dated:
            iso = date_lines.dateline(text, order)
            if iso and rules.enabled("MET002"):
                doc.label(i, "MET002")
                evidence.dates.append((i, iso))
                continue
        if byline_lines.contributor_line(text) and rules.enabled("MET004"):
            doc.label(i, "MET004")
