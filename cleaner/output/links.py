"""Links and images of the kept body (HTML input), for the structured outputs.

The page's anchors and images were recorded while it was segmented (`html.blocks.PageLayout`): an
anchor by the block that holds it and its text, an image by the block at or after it. An anchor is
found again in its line's kept text by its (whitespace-collapsed) text, in order; one whose text was
cut by a removal stays plain text. Only http(s), mailto and relative addresses (resolved against the
article's URL) are kept: never `javascript:` or `data:`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable
from urllib.parse import urljoin, urlsplit

from ..html.blocks import clean_text
from .body_blocks import HtmlBlocks, Line, element_attr, kept_segments

if TYPE_CHECKING:
    from ..article import Article

__all__ = ["LinkFinder", "images", "safe_url"]

_SCHEMES = frozenset({"http", "https", "mailto"})
#: Labels of removed lines whose images still belong to the article (a figure's caption or credit).
_FIGURE_LABELS = frozenset({"caption", "credit"})


def safe_url(url: str | None, base: str | None) -> str | None:
    """`url` made absolute against `base`, or None when it is not an http(s)/mailto address."""
    if not url:
        return None
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    try:
        absolute = urljoin(base, url) if base else url
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    if scheme not in _SCHEMES:
        return None
    return absolute


def _base(article: "Article") -> str | None:
    return article.url or article.canonical_url


class LinkFinder:
    """Puts the recorded anchors of a line back into its kept text."""

    def __init__(self, article: "Article") -> None:
        self.base = _base(article)
        self.by_block: dict[int, list[tuple[str, str]]] = {}
        html_blocks = article.blocks
        if isinstance(html_blocks, HtmlBlocks):
            for block, raw, href in html_blocks.layout.links:
                url = safe_url(href, self.base)
                text = clean_text(raw)
                if url and text:
                    self.by_block.setdefault(block, []).append((text, url))

    def render(self, line: Line, escape: Callable[[str], str], link: Callable[[str, str], str]) -> str:
        """The line's text escaped by `escape`, with each anchor found in it written by `link`
        (its escaped text, its URL)."""
        anchors = self.by_block.get(line.index)
        text = line.text
        if not anchors:
            return escape(text)
        parts: list[str] = []
        cursor = 0
        for anchor, url in anchors:
            at = text.find(anchor, cursor)
            if at < 0:
                continue
            parts.append(escape(text[cursor:at]))
            parts.append(link(escape(anchor), url))
            cursor = at + len(anchor)
        parts.append(escape(text[cursor:]))
        return "".join(parts)


def markdown_url(url: str) -> str:
    """A URL as a Markdown link destination (in <> when it holds spaces or parentheses)."""
    if any(c in url for c in " ()<>"):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def images(article: "Article", lines: list[Line]) -> dict[int, list[tuple[str, str]]]:
    """Position in `lines` -> the (src, alt) of the images to show before that line.

    An image goes before the kept line of the block at or after it; an image whose block was removed
    as a figure caption or credit inside the article (between its first and last kept line) goes
    before the next kept line."""
    html_blocks = article.blocks
    if not isinstance(html_blocks, HtmlBlocks) or not html_blocks.layout.images or not lines:
        return {}
    base = _base(article)
    position = {line.index: k for k, line in enumerate(lines)}
    labels = {index: label for index, text, label in kept_segments(article) if not text}
    first, last = lines[0].index, lines[-1].index
    out: dict[int, list[tuple[str, str]]] = {}
    seen: set[str] = set()
    for block, attrs in html_blocks.layout.images:
        src = safe_url(element_attr(attrs, "src", "data-src", "data-lazy-src", "data-original"), base)
        if src is None or src in seen or not src.lower().startswith("http"):
            continue
        k = position.get(block)
        if k is None:
            if labels.get(block) not in _FIGURE_LABELS or not first < block < last:
                continue
            k = next((position[i] for i in range(block + 1, last + 1) if i in position), None)
            if k is None:
                continue
        seen.add(src)
        alt = " ".join((element_attr(attrs, "alt") or "").split())
        out.setdefault(k, []).append((src, alt))
    return out
