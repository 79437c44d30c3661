"""HTML mode: parse once, segment the DOM into blocks, render them as the text the ledger points into.

`parse_html` gives the blocks (see `html.blocks`) and the page's metadata claims (see `html.metadata`);
`render_blocks` turns the blocks into the normalized input (one block per line, a blank line at
paragraph-level boundaries) and the `Segment`s over it, each carrying its block's tag, link density
and container context for the labelling stages.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from ..text.segment import Segment
from .blocks import Block, HtmlPage, segment_html
from .limits import limit_markup
from .metadata import page_metadata

__all__ = ["HtmlPage", "noscript_page", "parse_html", "render_blocks"]

_NOSCRIPT = re.compile("<noscript", re.IGNORECASE)
#: The start tags of ruby readings, as `_strip_ruby` has always looked for them.
_RUBY_TAG = re.compile("<(?:rt|RT|rp|RP)")
#: The markup is read up to this many tags per element the walk may visit (start and end tag).
TAGS_PER_NODE = 2


def parse_html(html: str, max_nodes: int = 100_000, max_depth: int = 128, max_blocks: int = 50_000) -> HtmlPage:
    """Blocks and metadata claims of one page (the tree is parsed once, by lexbor, from the markup
    cut at 2 x `max_nodes` tags and `max_depth` levels of nesting: see `html.limits`)."""
    tags = html.count("<")
    html, cut_tags, cut = limit_markup(html, TAGS_PER_NODE * max_nodes, max_depth, tags)
    tree = LexborHTMLParser(html)
    _strip_ruby(tree, html)
    meta = page_metadata(tree)  # first: JSON-LD lives in the <script> elements the segmenter strips
    page = segment_html(tree, max_nodes, max_blocks)
    page.meta = meta
    page.markup_tags = tags
    if cut:
        page.capped["max_html_depth"] = max_depth
    if cut_tags:
        page.truncated = True
    return page


def _strip_ruby(tree: LexborHTMLParser, html: str) -> None:
    """Ruby readings (<rt>, <rp>: the pronunciation printed over Japanese and Chinese characters) are
    not part of the text; they are taken out, on the pages that have any (a search of the markup
    costs far less than a search of the tree; one regex pass, as `str.__contains__` four times over a
    page of non-ASCII text cost ~20 times as much)."""
    if _RUBY_TAG.search(html) is not None:
        tree.strip_tags(["rt", "rp"])


def render_blocks(blocks: list[Block]) -> tuple[str, list[Segment]]:
    """(normalized text, segments): offsets of each segment are exact offsets into the text."""
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    group = -1
    for block in blocks:
        if block.paragraph or group < 0:
            if parts:
                parts.append("\n\n")
                pos += 2
            if segments:
                segments[-1].last_in_block = True
            group += 1
            first = True
        else:
            parts.append("\n")
            pos += 1
            first = False
        text = block.text
        segments.append(Segment(
            index=len(segments), start=pos, end=pos + len(text), text=text, block=group,
            first_in_block=first, tag=block.tag, link_density=block.link_density, context=block.context,
            ancestors=block.ancestors,
        ))
        parts.append(text)
        pos += len(text)
    if segments:
        segments[-1].last_in_block = True
    return "".join(parts), segments


def noscript_page(html: str, min_chars: int, max_nodes: int = 100_000, max_depth: int = 128,
                  max_blocks: int = 50_000) -> HtmlPage | None:
    """The page as a browser without JavaScript shows it (its <noscript> elements unwrapped), when
    they hold at least `min_chars` characters of text; otherwise None. No metadata claims: those of
    the page as parsed first stand.

    Some pages put the article in a <noscript> and fill it in by script for everyone else, or leave
    a <noscript> unclosed so that it swallows the page; the segmenter drops noscript content.
    Tracking pixels and "enable JavaScript" notices hold far less text than `min_chars`."""
    if _NOSCRIPT.search(html) is None:
        return None  # no second parse of a page without any (most pages)
    html, cut_tags, cut = limit_markup(html, TAGS_PER_NODE * max_nodes, max_depth)
    tree = LexborHTMLParser(html)
    _strip_ruby(tree, html)
    nodes = tree.css("noscript")
    if not nodes:
        return None
    chars = 0
    for node in nodes:
        chars += len("".join((node.text(deep=True, separator=" ") or "").split()))
    if chars < min_chars:
        return None
    tree.unwrap_tags(["noscript"])
    page = segment_html(tree, max_nodes, max_blocks)
    if cut:
        page.capped["max_html_depth"] = max_depth
    return page
