"""Recovering an HTML page's body when its markup left too little: ordered strategies.

After the first labelling pass (`pipeline.HTML_STAGES` on the page's blocks), each strategy of
`STRATEGIES` is asked in turn; one that applies returns the document the page is read as from then on,
labelled by the same stages:

1. soft boxes: boxes that only looked like chrome took the body with them; the page labelled again
   trusting them (far cheaper than trafilatura, which still follows if this leaves too little);
2. noscript: the page as a browser without JavaScript shows it (its <noscript> elements unwrapped;
   the article is sometimes only there), labelled by every stage;
3. trafilatura: trafilatura.extract chooses which lines stay (`labels.fallback_html`; HTM016 on the
   lines it leaves out). It changes verdicts, not lines: the document it returns is the same one;
4. JSON-LD body: the page's own article item in its structured data holds far more text
   (`script_body`); its paragraphs are appended as lines of their own, which pass the line stages
   (pattern rules, site lines, metadata lines, structure) like every other line.

A strategy that does not apply, or finds no more body, returns None. What "too little" means is each
strategy's own setting (`soft_boxes_chars`, `noscript_chars`, `trafilatura_chars`, `json_ld_body_chars`;
`CleanerConfig.recovery_chars`), by default all `html_fallback_chars` (0 switches one off).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..config import CleanerConfig
from ..rules import RuleSet
from ..stats import Stats
from ..text.document import Document
from .blocks import HtmlPage
from .labels import REST_FACTOR, fallback_html, kept_chars, short_of_body
from .parse import noscript_page
from .script_body import script_article, use_script_body

#: The name the profiling hook sees for the trafilatura fallback (`bench/html_mode.py` times it).
FALLBACK_STEP = "HTML: trafilatura fallback"


@dataclass
class Recovery:
    """One page's recovery: what the strategies read, the engine's means to label a document with the
    mode's stages, and what they report (`stats`: `Article.stats` in the making)."""

    html: str
    page: HtmlPage
    url: str | None
    reference_date: str | None
    config: CleanerConfig
    rules: RuleSet
    #: A page's document labelled by every HTML stage (`soft_boxes` as `label_html` takes it).
    label: Callable[[Document, HtmlPage, bool], Document]
    #: Lines without markup (a JSON-LD body) labelled by the line stages.
    label_lines: Callable[[Document], Document]
    #: A page's blocks read as a document (with the reference date).
    read: Callable[[HtmlPage], Document]
    #: `step(name, function, *args)`: the engine's profiling hook around a costly call.
    step: Callable[..., Any]
    #: Whether the page is small enough for the helpers (trafilatura, htmldate).
    helpers: bool = True
    stats: Stats = field(default_factory=Stats)


def soft_boxes(doc: Document, r: Recovery) -> Document | None:
    min_chars = r.config.recovery_chars("soft_boxes_chars")
    if not (min_chars and any(b.soft for b in r.page.blocks) and short_of_body(doc, min_chars)):
        return None
    retry = r.label(Document(doc.normalized, doc.segments, url=doc.url, kind="html",
                             reference_date=r.reference_date), r.page, False)
    if kept_chars(retry) <= kept_chars(doc):
        return None
    r.stats.retry = "soft boxes"
    return retry


def noscript(doc: Document, r: Recovery) -> Document | None:
    config = r.config
    min_chars = config.recovery_chars("noscript_chars")
    if not min_chars or kept_chars(doc) >= min_chars:
        return None
    page = r.step("HTML: noscript second parse", noscript_page, r.html, int(REST_FACTOR * min_chars),
                  config.max_html_nodes, config.max_html_depth, config.max_lines)
    if page is None:
        return None
    page.meta = r.page.meta  # the claims of the page as first parsed (the headline among them) stand
    retry = r.label(r.read(page), page, True)
    if kept_chars(retry) <= kept_chars(doc):
        return None
    r.stats.retry = "noscript"
    r.stats.capped.update(page.capped)
    return retry


def trafilatura(doc: Document, r: Recovery) -> Document | None:
    config = r.config
    min_chars = config.recovery_chars("trafilatura_chars")
    if len(doc.segments) > config.fallback_max_lines:
        if min_chars and short_of_body(doc, min_chars):
            r.stats.capped["fallback_max_lines"] = config.fallback_max_lines
        return None
    if r.helpers and r.step(FALLBACK_STEP, fallback_html, doc, r.html, r.rules, min_chars):
        r.stats.fallback = "trafilatura"
        return doc
    return None


def json_ld_body(doc: Document, r: Recovery) -> Document | None:
    """After the markup's passes and trafilatura: a body found in the markup is not replaced."""
    config = r.config
    min_chars = config.recovery_chars("json_ld_body_chars")
    if not min_chars or "ld_bodies" not in r.page.meta:
        return None
    kept = kept_chars(doc)
    if kept >= min_chars:
        return None
    blocks = script_article(r.page.meta, kept, min_chars, config.max_html_nodes, config.max_lines)
    if blocks is None:
        return None
    r.stats.body_from = "json-ld"
    merged = use_script_body(doc, blocks, r.rules)
    n = len(doc.segments)
    # The appended lines as a document of their own (offsets into the merged text), read in the page's
    # language; their verdicts are copied back.
    part = Document(merged.normalized, merged.segments[n:], url=doc.url, kind="html", language=doc.language)
    r.label_lines(part)
    merged.verdicts[n:] = part.verdicts
    merged.spans[n:] = part.spans
    return merged


#: The strategies, in the order they are asked.
STRATEGIES: tuple[tuple[str, Callable[[Document, Recovery], Document | None]], ...] = (
    ("soft boxes", soft_boxes), ("noscript", noscript), ("trafilatura", trafilatura), ("json-ld body", json_ld_body),
)


def recover(doc: Document, r: Recovery) -> Document:
    """The page's document after every strategy that applies (each sees what the one before left)."""
    for _, strategy in STRATEGIES:
        found = strategy(doc, r)
        if found is not None:
            doc = found
    return doc
