"""The page's metadata claims, read from the parsed tree: JSON-LD, OpenGraph, <meta> tags, <title>,
the page's <h1>s, byline and <time> elements.

`page_metadata` reads them before the scripts are stripped (JSON-LD lives in <script>) and keeps the
raw values; `metadata.claims.PageClaims` types them and the field rooms of `metadata/` choose among
them (`metadata.choose`). Reading is total: a claim family that fails to read (malformed JSON-LD, a
selector on an odd tree) is left out and named in `meta["errors"]`, the rest stands.
"""

from __future__ import annotations

import html as html_lib
import json
from collections.abc import Callable
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser

from ..article import collapse_spaces
from ..metadata.authors import clean_author
from .blocks import text_runs
from .fields import page_fields
from .script_body import ld_article_bodies

#: <meta> names/properties (lower-cased), in order of preference.
_META_DATE = (
    "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
    "dc.date.issued", "dc.date", "og:published_time", "parsely-pub-date", "sailthru.date", "article:modified_time",
)
_META_AUTHOR = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_DOM_AUTHOR = (
    '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', 'a[rel="author"]', '.author-name', '.byline-name',
    '.author a', '.byline a', '.vcard .fn', '.author', '.byline', '.autor', '[class*="author"] a', '[class*="author"]',
    '[class*="byline"]', '[class*="autor"]', '[data-testid*="byline"] a', 'a[href*="/author/"]', 'a[href*="/autor/"]',
    '[id*="author"]',
)
#: Words that selectors of `_DOM_AUTHOR` need in an element's class (".author a", '[class*="byline"]').
_CLASS_WORDS = ("author", "byline", "autor")
_DOM_DATE = ('article time[datetime]', 'time[datetime]', '[itemprop="datePublished"]')


#: The CDATA wrapper some templates put around a script's JSON ("//<![CDATA[ {...} //]]>").
_CDATA = regex.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")


def _ld_items(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(_CDATA.sub("", node.text() or ""))
        except (ValueError, RecursionError):  # malformed, or nested deeper than the decoder's recursion
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            if isinstance(graph, list):
                items.extend(g for g in graph if isinstance(g, dict))
            else:
                items.append(item)
    return items


def _names(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for v in values:
        name = v.get("name") if isinstance(v, dict) else v
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            names.append(collapse_spaces(html_lib.unescape(name)))
    return names


def _ld_url(value: Any) -> str | None:
    """An address from a JSON-LD value: a string, an object with url/@id, or the first of a list."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id")
    return value.strip() if isinstance(value, str) and value.strip() and not value.startswith("#") else None


def _ld(meta: dict[str, Any], items: list[dict[str, Any]]) -> None:
    # Article-like items first: a page often carries WebSite and Organization items too.
    def rank(item: dict[str, Any]) -> int:
        kind = item.get("@type")
        kind = " ".join(map(str, kind)) if isinstance(kind, list) else str(kind or "")
        return 0 if ("Article" in kind or "Posting" in kind or "Report" in kind) else 1

    for item in sorted(items, key=rank):
        if "ld_headline" not in meta and isinstance(item.get("headline"), str):
            meta["ld_headline"] = item["headline"]
        if "ld_date" not in meta and isinstance(item.get("datePublished"), str):
            meta["ld_date"] = item["datePublished"]
        if "ld_author" not in meta and item.get("author"):
            authors = item["author"] if isinstance(item["author"], list) else [item["author"]]
            # An organization named as the author is the publisher speaking: a weaker claim than a
            # person's name in a byline element.
            people = [a for a in authors if not (isinstance(a, dict) and "Organization" in str(a.get("@type")))]
            names = _names(people)
            if names:
                meta["ld_author"] = names
            elif _names(authors):
                meta["ld_author_org"] = _names(authors)
        publisher = item.get("publisher")
        if "ld_publisher" not in meta and publisher:
            names = _names(publisher)
            if names:
                meta["ld_publisher"] = names[0]
        if "Person" in str(item.get("@type")) and (person := _names(item)):
            meta.setdefault("ld_people", []).extend(person)
        if "ld_language" not in meta and isinstance(item.get("inLanguage"), str):
            meta["ld_language"] = item["inLanguage"]
        if "ld_description" not in meta and isinstance(item.get("description"), str) and item["description"].strip():
            meta["ld_description"] = collapse_spaces(html_lib.unescape(item["description"]))
        if "ld_image" not in meta and (image := _ld_url(item.get("image") or item.get("thumbnailUrl"))):
            meta["ld_image"] = image
        if "ld_url" not in meta and rank(item) == 0 and (address := _ld_url(item.get("url") or item.get("mainEntityOfPage"))):
            meta["ld_url"] = address


def _headline(node: Any) -> str:
    """An <h1>'s text without its kicker: when it is made of several elements ("Klimaschutz" +
    ":" + the headline), the longest one, if it carries most of the text."""
    full = inline_text(node)
    parts = [p for p in (inline_text(c) for c in node.iter()) if p]
    if len(parts) >= 2:
        longest = max(parts, key=len)
        if len(longest) >= 0.5 * len(full) and len(longest) >= 10:
            return longest
    return full


def inline_text(node: Any) -> str:
    """A node's text as a browser lays it out (`blocks.text_runs`), a space where a block element or
    a <br> breaks the line, spaces collapsed."""
    return collapse_spaces(" ".join(text_runs(node, split_at_br=True)))


def page_metadata(tree: LexborHTMLParser) -> dict[str, Any]:
    """Every metadata claim the page makes, raw (typed by `metadata.claims.PageClaims`). Each family of
    claims is read in its own fault boundary: one that fails is named in `meta["errors"]`."""
    meta: dict[str, Any] = {}
    errors: dict[str, str] = {}
    tags: dict[str, str] = {}
    repeated: dict[str, list[str]] = {}  # every value of a repeated name (article:tag), for `page_fields`
    items: list[dict[str, Any]] = []
    for name, read in (("tags", lambda: _tags(tree, meta, tags, repeated)), ("h1", lambda: _h1s(tree, meta)),
                       ("byline element", lambda: _dom_authors(tree, meta)), ("time element", lambda: _dom_date(tree, meta)),
                       ("json-ld", lambda: items.extend(_ld_items(tree))), ("json-ld claims", lambda: _ld(meta, items)),
                       ("json-ld body", lambda: meta.__setitem__("ld_bodies", ld_article_bodies(items))),
                       ("fields", lambda: meta.__setitem__("fields", page_fields(tree, items, tags, repeated)))):
        _read(name, read, errors)
    if errors:
        meta["errors"] = errors
    return {k: v for k, v in meta.items() if v}


def _read(name: str, read: Callable[[], object], errors: dict[str, str]) -> None:
    try:
        read()
    except Exception as exc:  # noqa: BLE001 - a claim that cannot be read is no claim; the page stands
        errors[name] = f"{type(exc).__name__}: {str(exc)[:200]}"


def _tags(tree: LexborHTMLParser, meta: dict[str, Any], tags: dict[str, str], repeated: dict[str, list[str]]) -> None:
    """<title>, the <meta> tags, <link rel=canonical>, <html lang>."""
    title_node = tree.css_first("title")
    meta["html_title"] = collapse_spaces(title_node.text()) if title_node else None
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        value = attrs.get("content")
        if key and value and value.strip():
            key, value = key.strip().lower(), value.strip()
            if key in tags:
                repeated.setdefault(key, [tags[key]]).append(value)
            else:
                tags[key] = value

    def first(*keys: str) -> str | None:
        return next((tags[k] for k in keys if k in tags), None)

    meta["og_title"] = first("og:title", "twitter:title")
    meta["site_name"] = first("og:site_name", "application-name")
    meta["description"] = first("description")
    meta["og_description"] = first("og:description", "twitter:description")
    meta["author"] = first(*_META_AUTHOR)
    meta["published"] = first(*_META_DATE)
    canonical = tree.css_first('link[rel="canonical"]')
    meta["canonical"] = (canonical.attributes.get("href") if canonical else None) or first("og:url")
    meta["image"] = first("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
    html_node = tree.css_first("html")
    # (XHTML pages may carry only xml:lang: <html xml:lang="en-GB">)
    attributes = html_node.attributes if html_node else {}
    meta["lang"] = ((attributes.get("lang") or attributes.get("xml:lang") or "").strip() or None)
    meta["locale"] = first("og:locale")


def _h1s(tree: LexborHTMLParser, meta: dict[str, Any]) -> None:
    """The page's <h1>s (the first six), less those of an injected widget (a translation box's
    "Original text")."""
    h1s = [_headline(n) for n in tree.css("h1")[:6] if not _in_widget(n)]
    meta["h1"] = [h for h in h1s if 3 <= len(h) <= 300]


#: Class or id words of the boxes that browser extensions and translation services inject into a page.
_WIDGET = regex.compile(r"goog-te|translat|skiptranslate|gtx-|notranslate", regex.IGNORECASE)


def _in_widget(node: Any) -> bool:
    for _ in range(8):
        node = node.parent
        if node is None:
            return False
        if _WIDGET.search(f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"):
            return True
    return False


def _dom_authors(tree: LexborHTMLParser, meta: dict[str, Any]) -> None:
    """The first byline element's names (`_DOM_AUTHOR`, in order), outside comments and the page's footer."""
    classes = _ClassWords(tree)
    for selector in _DOM_AUTHOR:
        found: list[str] = []
        box = None
        if not classes.may_match(selector):
            continue
        for node in tree.css(selector)[:8]:
            if _in_comments(node) or _in_page_footer(node):
                continue
            text = clean_author(collapse_spaces(node.text(separator=" ")))
            if not (3 <= len(text) <= 60 and len(text.split()) <= 6):
                continue
            if not found:
                found, box = [text], _byline_box(node)
            elif box is not None and _byline_box(node) == box and text not in found and _full_name(text):
                found.append(text)  # the next author of the same byline ("Von A, B und C")
        if found:
            meta["dom_authors"] = found
            return


def _dom_date(tree: LexborHTMLParser, meta: dict[str, Any]) -> None:
    for selector in _DOM_DATE:
        dnode = tree.css_first(selector)
        if dnode is not None:
            value = dnode.attributes.get("datetime") or dnode.attributes.get("content") or dnode.text()
            if value and value.strip():
                meta["dom_date"] = value.strip()
                return


class _ClassWords:
    """Whether any element's class holds a word of `_CLASS_WORDS` (in any case), asked once per word:
    a selector that needs the word cannot match without it, and each selector searches the whole tree."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self.present: dict[str, bool] = {}

    def may_match(self, selector: str) -> bool:
        word = _class_word(selector)
        if word is None:
            return True
        if word not in self.present:
            self.present[word] = self.tree.css_first(f'[class*="{word}" i]') is not None
        return self.present[word]


def _class_word(selector: str) -> str | None:
    """The word of `_CLASS_WORDS` that `selector` needs in some element's class, if any."""
    return next((w for w in _CLASS_WORDS if selector.startswith((f".{w}", f'[class*="{w}"]'))), None)


def _in_comments(node: Any) -> bool:
    """The element sits in a comment thread or a form (a commenter's name, a "Name" field label)."""
    for _ in range(12):
        node = node.parent
        if node is None:
            return False
        if node.tag == "form":
            return True
        cls = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
        if "comment" in cls or "respond" in cls:
            return True
    return False


_PAGE_FOOTER = regex.compile(r"colophon|copyright|site-info|footer-socket", regex.IGNORECASE)


def _in_page_footer(node: Any) -> bool:
    """The element sits in the page's credits box, outside any article: a theme's credit ("Theme by
    ThemeGrill" with rel=author), not the article's byline (which a <footer> may hold, in or out
    of the <article>)."""
    for _ in range(16):
        node = node.parent
        if node is None or node.tag in ("article", "main"):
            return False
        if _PAGE_FOOTER.search(f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"):
            return True
    return False


def _full_name(text: str) -> bool:
    """Two to four capitalised words: a further author, not a handle ("herrpfleger") or a button ("Follow")."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() for w in words)


def _byline_box(node: Any) -> int | None:
    """The element two levels up: authors of one byline share it (<p class=byline><a>A</a>, <a>B</a>
    </p>, or each in its own <span>); authors of teasers further down the page do not."""
    parent = node.parent
    grand = parent.parent if parent is not None else None
    return grand.mem_id if grand is not None else None
