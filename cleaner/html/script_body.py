"""The article from the page's structured data, when its markup shows (almost) none of it.

Some pages render the article by script: the markup holds a headline, a teaser or nothing, and the
text is only in the JSON-LD the page gives search engines (`articleBody` of its NewsArticle,
BlogPosting, ...). When the body left after every markup pass (ours, then trafilatura's) is short
(below `html_fallback_chars`) and the page's own article item (its headline is the page's) carries
at least twice as much text, and no less than `html_fallback_chars`, that text becomes the body: its
paragraphs are appended to the normalized input after the page's text (the page's offsets and
removals stay as they are, and the ledger still rebuilds the body). What the markup had kept and
the articleBody repeats is taken out (HTM018, so that it is not printed twice); what the markup
kept and the articleBody lacks stays. A page whose markup already gave a body is not touched.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import replace
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..rules import RuleSet
from ..text.document import Document
from ..text.segment import Segment
from .blocks import segment_html

__all__ = ["ld_article_bodies", "script_article", "use_script_body"]

#: The body from the structured data must hold this many times what the markup kept.
BODY_FACTOR = 2.0
#: An articleBody is read up to this many characters (a body of a million characters is no article,
#: and its text is parsed again as HTML).
MAX_BODY_CHARS = 300_000
#: At most this many candidate items are kept per page (a listing page may carry one per teaser).
MAX_ITEMS = 20
#: Headlines shorter than this (normalized) match only when equal, not as part of a longer title.
_MIN_PART = 15
#: A tag that makes an articleBody HTML rather than plain text.
_HTML_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|table|section|span|a|strong|em|b|i)\b",
                       re.IGNORECASE)
_ESCAPED_TAG = re.compile(r"&lt;(?:p|br|div|h[1-6]|li)\b", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"\s*(?:\r?\n|\r)\s*")
_NON_WORD = re.compile(r"\W+")


def _is_article(item: dict[str, Any]) -> bool:
    """The item is an article (NewsArticle, BlogPosting, Report, ...), the kinds the metadata reads first."""
    kind = item.get("@type")
    kind = " ".join(k for k in kind if isinstance(k, str)) if isinstance(kind, list) else str(kind or "")
    return "Article" in kind or "Posting" in kind or "Report" in kind


def ld_article_bodies(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(headline, articleBody) of the page's JSON-LD article items that carry a body of text.

    Read along with the other claims (the JSON is parsed once); the body is only looked at when the
    markup gave too little (`script_article`)."""
    found: list[tuple[str, str]] = []
    for item in items:
        body = item.get("articleBody")
        headline = item.get("headline") or item.get("name")
        if isinstance(body, str) and body.strip() and isinstance(headline, str) and _is_article(item):
            found.append((headline[:1000], body[:MAX_BODY_CHARS]))
            if len(found) >= MAX_ITEMS:
                break
    return found


def _norm(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", html_lib.unescape(text).casefold()).split())


def headline_matches(headline: str, titles: list[str]) -> bool:
    """The item's headline is the page's: equal to one of its titles (<h1>, og:title, <title>) once
    case and punctuation are set aside, or a long enough part of one ("Headline | Site")."""
    mine = _norm(headline)
    if not mine:
        return False
    for title in titles:
        theirs = _norm(title)
        if not theirs:
            continue
        if mine == theirs:
            return True
        shorter, longer = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
        if len(shorter) >= _MIN_PART and shorter in longer:
            return True
    return False


def _page_titles(meta: dict[str, Any]) -> list[str]:
    titles = [t for t in meta.get("h1") or [] if isinstance(t, str)]
    titles += [meta[k] for k in ("og_title", "html_title") if isinstance(meta.get(k), str)]
    return titles


def _as_html(body: str) -> str:
    """The articleBody as markup: HTML as given (or unescaped once, when the tags come escaped),
    plain text with one paragraph per line."""
    if _HTML_TAG.search(body):
        return body
    if _ESCAPED_TAG.search(body):
        return html_lib.unescape(body)
    lines = _LINE_BREAKS.split(body.strip())
    return "".join(f"<p>{html_lib.escape(line)}</p>" for line in lines if line)


def script_paragraphs(body: str, max_nodes: int = 100_000, max_blocks: int = 50_000) -> list[tuple[str, str, bool]]:
    """(text, tag, paragraph break before) of each block of an articleBody, segmented as the page's
    own markup is (`blocks.segment_html`), so that its text is normalized alike."""
    page = segment_html(LexborHTMLParser(_as_html(body)), max_nodes, max_blocks)
    return [(b.text, b.tag, b.paragraph) for b in page.blocks if b.text.strip()]


def script_article(meta: dict[str, Any], kept: int, min_chars: int, max_nodes: int = 100_000,
                   max_blocks: int = 50_000) -> list[tuple[str, str, bool]] | None:
    """The blocks of the page's own article from its JSON-LD, when they hold at least `min_chars`
    and `BODY_FACTOR` times the `kept` characters the markup gave; else None.

    Only the items whose headline is the page's count (a listing page carries its teasers' items);
    of several, the longest body."""
    bodies = meta.get("ld_bodies")
    if not bodies:
        return None
    need = max(min_chars, BODY_FACTOR * kept)
    # The raw text is at least as long as its text without tags: most pages are ruled out here.
    candidates = [(h, b) for h, b in bodies if len(b) >= need]
    if not candidates:
        return None
    titles = _page_titles(meta)
    best: list[tuple[str, str, bool]] | None = None
    best_chars = need
    for headline, body in candidates:
        if not headline_matches(headline, titles):
            continue
        blocks = script_paragraphs(body, max_nodes, max_blocks)
        chars = sum(len(text) for text, _, _ in blocks)
        if chars >= best_chars:
            best, best_chars = blocks, chars
    return best


def use_script_body(doc: Document, blocks: list[tuple[str, str, bool]], rules: RuleSet) -> Document:
    """A Document whose body is `blocks`: their lines appended to the normalized input after the
    page's text (the offsets of the page's lines and removals stay as they are); a line the markup
    had kept is labelled HTM018 when the blocks repeat it, and stays otherwise (a short body that
    the structured data does not hold is not given up for it)."""
    base = doc.normalized
    parts = [base]
    pos = len(base)
    block = (doc.segments[-1].block + 1) if doc.segments else 0
    added: list[Segment] = []
    for text, tag, paragraph in blocks:
        if added and not paragraph:
            sep = "\n"
        else:
            sep = "\n\n" if pos else ""
            if added:
                block += 1
                added[-1].last_in_block = True
        parts.append(sep)
        pos += len(sep)
        added.append(Segment(index=len(doc.segments) + len(added), start=pos, end=pos + len(text), text=text,
                             block=block, first_in_block=sep != "\n", tag=tag))
        parts.append(text)
        pos += len(text)
    if added:
        added[-1].last_in_block = True
    new = replace(doc, normalized="".join(parts), segments=doc.segments + added,
                  verdicts=doc.verdicts + [None] * len(added), spans=doc.spans + [[] for _ in added])
    if rules.enabled("HTM018"):
        given = _norm(" ".join(text for text, _, _ in blocks))
        for i in range(len(doc.segments)):
            if new.verdicts[i] is None and _norm(new.kept_text(i)) in given:
                new.label(i, "HTM018")
    return new
