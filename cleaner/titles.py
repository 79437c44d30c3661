"""Choosing the headline among the lines above the article."""

from __future__ import annotations

import regex

from .document import Document
from .rules import RuleSet
from .structure import heading_like

#: Separators between headline and site name in a page <title> ("Headline | Site").
_TITLE_SEPARATORS = regex.compile(r"\s+(?:[|–—•·»:]|-|::)\s+")
#: Verdicts that do not stop a line from being the headline (they only say "outside the body").
_SOFT = ("HEU001", "DUP001", "DUP002")
#: How far above the article region the headline may stand.
_LOOKBACK = 8


def _usable(doc: Document, i: int) -> bool:
    v = doc.verdicts[i]
    text = doc.segments[i].text
    return (v is None or v.rule in _SOFT) and heading_like(text) and len(text) >= 12 and len(text.split()) >= 2


def choose_title(doc: Document, rules: RuleSet) -> None:
    """Pick the headline, label it TTL001, and note it in `doc.meta['title']`."""
    segs = doc.segments
    if not segs:
        return
    start = doc.region[0] if doc.region else 0
    top = min(len(segs), start + 2)
    candidate: int | None = doc.meta.get("title_hint")
    if candidate is None:
        # A headline printed twice or more near the top.
        seen: dict[str, int] = {}
        for i in range(top):
            if not _usable(doc, i):
                continue
            text = segs[i].text
            if text in seen:
                candidate = seen[text]
                break
            seen[text] = i
    if candidate is None and len(segs) > 1:
        # The page <title> line ("Headline | Site") followed later by the headline alone.
        parts = set(_TITLE_SEPARATORS.split(segs[0].text))
        for i in range(1, top):
            if segs[i].text in parts and _usable(doc, i):
                candidate = i
                break
    if candidate is None:
        # The nearest heading-like line above the article, skipping metadata and boilerplate lines.
        for i in range(start - 1, max(-1, start - 1 - _LOOKBACK), -1):
            v = doc.verdicts[i]
            if v is not None and v.rule not in _SOFT:
                continue
            if _usable(doc, i):
                candidate = i
            break
    if candidate is None:
        return
    doc.meta["title"] = segs[candidate].text
    doc.meta["title_index"] = candidate
    if rules.enabled("TTL001"):
        doc.label(candidate, "TTL001", overrule=True)
