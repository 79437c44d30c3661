"""Choosing the headline among the lines above the article."""

from __future__ import annotations

import regex

from . import metadata
from .document import Document
from .rules import RuleSet
from .structure import heading_like

#: Separators between headline and site name in a page <title> ("Headline | Site").
_TITLE_SEPARATORS = regex.compile(r"\s+(?:[|–—•·»:]|-|::)\s+")
#: Verdicts that do not stop a line from being the headline (they only say "outside the body").
_SOFT = ("HEU001", "DUP001", "DUP002")
_WORD = regex.compile(r"\w+")
_PROSE_CHARS = 80
#: Lines between headline and article over which the closeness bonus fades to nothing.
_REACH = 6
_SENTENCE_END = ".!?…\"”»'’):"


def _usable(doc: Document, i: int) -> bool:
    v = doc.verdicts[i]
    text = doc.segments[i].text
    return (v is None or v.rule in _SOFT) and heading_like(text) and len(text) >= 12 and len(text.split()) >= 2


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2}


def _candidate_score(
    doc: Document, i: int, start: int, page_title: set[str], page_title_text: str, repeated: bool
) -> float:
    """How much line i looks like the headline: it echoes the page <title> line, sits just above the
    article, or is printed more than once."""
    text = doc.segments[i].text
    words = _words(text)
    score = 0.0
    if page_title and words:
        score += 2.0 * len(words & page_title) / len(words | page_title)
        if text in page_title_text:
            score += 1.0
    # Distance to the article counted in lines that could be text: bylines, date lines, captions
    # and other lines a rule removed between the headline and the first paragraph do not count.
    between = sum(1 for k in range(i + 1, start) if doc.verdicts[k] is None or doc.verdicts[k].rule in _SOFT)
    score += max(0.0, 1.0 - between / _REACH)
    if repeated:
        score += 1.0
    return score


def _echo_of_page_title(doc: Document, start: int) -> int | None:
    """A line that repeats the page <title> line minus its site name ("Headline | Site" on top, then
    "Headline" as the page's <h1>): the strongest evidence of the headline, wherever it stands."""
    segs = doc.segments
    first = segs[0].text
    if not heading_like(first) or len(segs) < 2:
        return None
    matches = [
        i
        for i in range(1, len(segs))
        if 8 <= len(segs[i].text) < len(first)
        and len(segs[i].text.split()) >= 2
        and first.startswith(segs[i].text)
        and _TITLE_SEPARATORS.match(first, len(segs[i].text))
        and (doc.verdicts[i] is None or doc.verdicts[i].rule in _SOFT)
    ]
    if not matches:
        return None
    # The copy nearest the article (the <h1> above it, not a breadcrumb or footer link).
    return min(matches, key=lambda i: (i > start, abs(start - i)))


def choose_title(doc: Document, rules: RuleSet) -> None:
    """Pick the headline, label it TTL001, and note it in `doc.meta['title']`."""
    segs = doc.segments
    if not segs:
        return
    # The headline stands above the first paragraph of article prose (short kept lines above it may
    # be menu items the scorer let through).
    start = next(
        (
            i
            for i, seg in enumerate(segs)
            if doc.verdicts[i] is None and len(seg.text) >= _PROSE_CHARS and seg.text[-1] in _SENTENCE_END
        ),
        doc.region[0] if doc.region else 0,
    )
    candidate: int | None = doc.meta.get("title_hint")
    if candidate is None:
        candidate = _echo_of_page_title(doc, start)
    if candidate is None:
        first = segs[0].text
        page_title = _words(first)
        top = range(0, min(len(segs), max(start, 1)))
        counts: dict[str, int] = {}
        for i in top:
            counts[segs[i].text] = counts.get(segs[i].text, 0) + 1
        scored = [
            (_candidate_score(doc, i, start, page_title, first, counts[segs[i].text] > 1), i)
            for i in top
            if i > 0 and _usable(doc, i)
        ]
        if scored:
            score, i = max(scored)
            # When some line echoes the page <title> line on top, the headline must; otherwise the
            # heading-like line nearest above the article is the headline.
            echoes = heading_like(first) and any(_words(segs[i].text) & page_title for _, i in scored)
            if score >= (1.0 if echoes else 0.5):
                candidate = i
    if candidate is None and _usable(doc, 0) and len(segs) > 1:
        candidate = 0
    if candidate is None:
        return
    title = segs[candidate].text
    if candidate == 0:
        # A page <title>: drop a site name after the last separator ("Headline | Site").
        parts = _TITLE_SEPARATORS.split(title)
        if len(parts) > 1 and len(parts[-1]) <= 30:
            title = title[: title.rfind(parts[-1])].rstrip(" |–—•·»:-")
    doc.meta["title"] = title
    doc.meta["title_index"] = candidate
    if rules.enabled("TTL001"):
        doc.label(candidate, "TTL001", overrule=True)


#: How far from the headline or a date line a bare name may stand to be taken as the author.
_NAME_REACH = 2


def choose_author(doc: Document, rules: RuleSet) -> None:
    """MET001 for a bare name ("Heike Buchter") beside the headline or a date line, above the article,
    when no byline names the authors."""
    if doc.meta.get("bylines") or not rules.enabled("MET001"):
        return
    anchors = [i for i, _ in doc.meta.get("dates", [])]
    if "title_index" in doc.meta:
        anchors.append(doc.meta["title_index"])
    start = doc.region[0] if doc.region else 0
    for anchor in sorted(anchors):
        for i in range(max(0, anchor - _NAME_REACH), min(len(doc.segments), anchor + _NAME_REACH + 1)):
            verdict = doc.verdicts[i]
            if i > start + 2 or (verdict is not None and verdict.rule != "HEU001"):
                continue
            if metadata.bare_name(doc.segments[i].text):
                doc.label(i, "MET001", overrule=True)
                doc.meta.setdefault("bylines", []).append((i, [doc.segments[i].text.strip(" ,.|")]))
                return
