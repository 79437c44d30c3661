"""HTML metadata: JSON-LD, OpenGraph, <meta> tags and <title>, read from the parsed tree.

Values are raw page claims (`og_title`, `ld_headline`, `published`, ...); the assembly step chooses
among them and the evidence found in the visible text.
"""

from __future__ import annotations

import json
from typing import Any

from selectolax.lexbor import LexborHTMLParser


def page_metadata(tree: LexborHTMLParser) -> dict[str, Any]:
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
