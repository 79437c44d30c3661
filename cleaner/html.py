"""HTML input: render a page's visible text with its block structure, and read its metadata tags.

Blocks (p, h1-h6, li, td, figcaption, ...) become lines; a blank line separates block groups, so the
text-mode labelling engine can work on the result. Work is capped per page (`max_html_nodes`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "object", "canvas", "select", "button"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5",
    "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure",
    "figcaption", "form", "address", "hr", "br", "body", "html", "details", "summary", "caption", "center",
    "fieldset", "legend", "menu",
}
#: Blocks after which a blank line separates what follows (paragraph-level boundaries).
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "figure", "ul", "ol",
              "section", "article", "header", "footer", "nav", "aside", "form", "hr"}


@dataclass
class HtmlPage:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    truncated: bool = False


def _meta(tree: LexborHTMLParser) -> dict[str, Any]:
    meta: dict[str, Any] = {}

    def content(selector: str) -> str | None:
        node = tree.css_first(selector)
        if node is None:
            return None
        value = (node.attributes.get("content") or node.attributes.get("href") or "").strip()
        return value or None

    title_node = tree.css_first("title")
    meta["html_title"] = title_node.text(strip=True) if title_node else None
    meta["og_title"] = content('meta[property="og:title"]')
    meta["site_name"] = content('meta[property="og:site_name"]')
    meta["description"] = content('meta[name="description"]') or content('meta[property="og:description"]')
    meta["author"] = content('meta[name="author"]')
    meta["published"] = (
        content('meta[property="article:published_time"]')
        or content('meta[name="date"]')
        or content('meta[name="pubdate"]')
        or content('meta[itemprop="datePublished"]')
    )
    meta["canonical"] = content('link[rel="canonical"]') or content('meta[property="og:url"]')
    meta["image"] = content('meta[property="og:image"]')
    html_node = tree.css_first("html")
    meta["lang"] = (html_node.attributes.get("lang") or "").strip() or None if html_node else None
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            for graph_item in item.get("@graph", [item]) if isinstance(item.get("@graph"), list) else [item]:
                if not isinstance(graph_item, dict):
                    continue
                meta.setdefault("ld_headline", graph_item.get("headline"))
                meta.setdefault("ld_date", graph_item.get("datePublished"))
                author = graph_item.get("author")
                if author and "ld_author" not in meta:
                    authors = author if isinstance(author, list) else [author]
                    names = [a.get("name") if isinstance(a, dict) else a for a in authors]
                    meta["ld_author"] = [n for n in names if isinstance(n, str) and n.strip()]
    return {k: v for k, v in meta.items() if v}


def render(html: str, max_nodes: int = 200_000) -> HtmlPage:
    """Visible text of the page, one block per line, blank lines between paragraph-level blocks."""
    tree = LexborHTMLParser(html)
    meta = _meta(tree)
    root = tree.body or tree.root
    lines: list[str] = []
    current: list[str] = []
    truncated = False

    def flush(paragraph: bool) -> None:
        text = " ".join("".join(current).split())
        current.clear()
        if text:
            lines.append(text)
        if paragraph and lines and lines[-1] != "":
            lines.append("")

    if root is not None:
        # Iterative walk with explicit enter/leave events: no recursion limit on deep markup.
        stack: list[tuple[Any, bool]] = [(root, False)]
        visited = 0
        while stack:
            node, leaving = stack.pop()
            tag = node.tag
            if leaving:
                flush(tag in _PARAGRAPH)
                continue
            visited += 1
            if visited > max_nodes:
                truncated = True
                break
            if tag == "-text":
                current.append(node.text_content or "")
                continue
            if tag in _SKIP or tag == "_comment" or tag == "-comment":
                continue
            if tag == "br":
                flush(False)
                continue
            if tag in _BLOCK:
                flush(tag in _PARAGRAPH)
                stack.append((node, True))
            children = []
            child = node.child
            while child is not None:
                children.append(child)
                child = child.next
            for child in reversed(children):
                stack.append((child, False))
        flush(True)
    return HtmlPage("\n".join(lines).strip("\n"), meta, truncated)
