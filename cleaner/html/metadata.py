"""HTML metadata: JSON-LD, OpenGraph, <meta> tags, <title>, the page's <h1> and byline elements.

`page_metadata` reads the page's claims from the parsed tree (before scripts are stripped: JSON-LD
lives in <script>); `resolve` chooses among them and what the text stages found. The choice follows
what a reader sees: the visible headline (<h1>) over the <title>, the published date over the
modified date, the author named on the page over a site-wide default.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

import regex
from selectolax.lexbor import LexborHTMLParser
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..metadata import lines as text_meta
from ..article import collapse_spaces
from .blocks import text_runs
from .fields import page_fields
from .script_body import ld_article_bodies
from ..text.scripts import TITLE_SEPARATOR

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
_TITLE_SEPARATORS = regex.compile(r"\s+[|–—·»:-]\s+|\s+-{1,2}\s+|" + TITLE_SEPARATOR)
_BY_PREFIX = regex.compile(r"^(?:by|von|par|por|di|door|przez|autor(?:in)?|author|text|written by)\s*:?\s+", regex.IGNORECASE)
_TRAILING = regex.compile(r"(?:[,|·–-]\s*)?(?:\b(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\b\.?,?\s*)?\d.*$|\s+(?:am|on|le|el|il)\s*$", regex.IGNORECASE)
_ISO_PREFIX = regex.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_URL_DATE = regex.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)")


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
    """Every metadata claim the page makes, raw (see `resolve` for the choice)."""
    meta: dict[str, Any] = {}
    title_node = tree.css_first("title")
    meta["html_title"] = collapse_spaces(title_node.text()) if title_node else None
    tags: dict[str, str] = {}
    repeated: dict[str, list[str]] = {}  # every value of a repeated name (article:tag), for `page_fields`
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
    meta["description"] = first("description", "og:description", "twitter:description")
    meta["author"] = first(*_META_AUTHOR)
    meta["published"] = first(*_META_DATE)
    canonical = tree.css_first('link[rel="canonical"]')
    meta["canonical"] = (canonical.attributes.get("href") if canonical else None) or first("og:url")
    meta["image"] = first("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
    html_node = tree.css_first("html")
    meta["lang"] = ((html_node.attributes.get("lang") or "").strip() or None) if html_node else None
    h1s = [_headline(n) for n in tree.css("h1")[:6]]
    meta["h1"] = [h for h in h1s if 3 <= len(h) <= 300]
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
            meta["dom_author"] = found[0]
            meta["dom_authors"] = found
            break
    for selector in _DOM_DATE:
        dnode = tree.css_first(selector)
        if dnode is not None:
            value = dnode.attributes.get("datetime") or dnode.attributes.get("content") or dnode.text()
            if value and value.strip():
                meta["dom_date"] = value.strip()
                break
    items = _ld_items(tree)
    _ld(meta, items)
    meta["ld_bodies"] = ld_article_bodies(items)
    meta["fields"] = page_fields(tree, items, tags, repeated)
    return {k: v for k, v in meta.items() if v}


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


#: Time zones of pages by their declared language (<html lang>): a timestamp stamped in UTC
#: ("2019-10-18T22:04:00Z") is the next day where the page's readers live, and the date printed on
#: the page is theirs.
_ZONES = {
    "de": "Europe/Berlin", "fr": "Europe/Paris", "it": "Europe/Rome", "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw", "cs": "Europe/Prague", "da": "Europe/Copenhagen", "sv": "Europe/Stockholm",
    "nb": "Europe/Oslo", "no": "Europe/Oslo", "hu": "Europe/Budapest", "fi": "Europe/Helsinki",
    "en-gb": "Europe/London", "es-es": "Europe/Madrid", "pt-pt": "Europe/Lisbon",
}
_UTC_STAMP = regex.compile(r"\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]00:?00)$")


def page_zone(lang: str | None) -> str | None:
    """The time zone a page's language names, if it names one ("de-DE" -> Europe/Berlin)."""
    lang = (lang or "").strip().lower().replace("_", "-")
    return _ZONES.get(lang[:5]) or _ZONES.get(lang[:2])


def iso_date(value: Any, zone: str | None = None) -> str | None:
    """YYYY-MM-DD from an ISO timestamp, an RFC 2822 date or a date written out in text. A UTC
    timestamp is read in `zone` when given."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    m = _ISO_PREFIX.match(value)
    if m:
        if zone and _UTC_STAMP.match(value):
            try:
                stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
                return stamp.astimezone(ZoneInfo(zone)).date().isoformat()
            except (ValueError, ZoneInfoNotFoundError):
                pass
        return text_meta._valid(int(m[1]), int(m[2]), int(m[3]))
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    hit = text_meta.find_date(value)
    return hit.iso if hit else None


def _words(text: str) -> set[str]:
    return set(regex.findall(r"\w+", text.lower()))


def _title_parts(title: str) -> list[str]:
    return [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]


def _compact(text: str) -> str:
    """The letters and digits of `text`, case folded (the headline helpers call it per character)."""
    return "".join(filter(str.isalnum, text.casefold()))


def _is_site(text: str, names: list[str], strict: bool = False) -> bool:
    """`text` names the site: it spells one of its names or host labels, or one spells it (`strict`:
    all but a few letters of it, for a headline's first part, "Welpen kaufen" on a site "Welpen")."""
    compact = _compact(text)
    if len(compact) < 3:
        return False
    for name in names:
        other = _compact(name)
        if len(other) < 3:
            continue
        ratio = min(len(compact), len(other)) / max(len(compact), len(other))
        if compact == other or ((other in compact or compact in other) and ratio >= 0.8):
            return True
        if not strict and (
            (other in compact and len(compact) <= 2 * len(other) + 5)
            or (compact in other and len(compact) >= 0.6 * len(other))
        ):
            return True
    return False


def _host_labels(meta: dict[str, Any], url: str | None) -> list[str]:
    host = regex.match(r"^(?:[a-z]+://)?([^/:?#]+)", url or meta.get("canonical") or "", regex.IGNORECASE)
    return [lab for lab in (host[1].split(".") if host else []) if len(lab) >= 4 and lab not in ("www", "blog")]


def _site_names(meta: dict[str, Any], url: str | None) -> list[str]:
    """The site's names: og:site_name and the JSON-LD publisher (when a site name holds separators,
    "Headline - ZDFmediathek", its parts after the first), and the labels of the host."""
    names: list[str] = []
    for name in (meta.get("site_name"), meta.get("ld_publisher")):
        if name:
            parts = _title_parts(name)
            names.extend(parts[1:] if len(parts) > 1 else parts)
    return names + _host_labels(meta, url)


_BLOG_ARCHIVE = frozenset(("blog archive", "blog archiv", "blog-archiv"))


def _without_site(title: str, names: list[str], hosts: list[str]) -> str:
    """A title claim without the site's name at either end ("Headline | Site", "Site - Headline"):
    parts that spell a site name or a host label at the end, a site name at the start, and parts
    without a letter ("☆☆☆☆☆")."""
    parts = _title_parts(title)
    if len(parts) < 2:
        return title.strip()
    kept = list(parts)
    while len(kept) > 1 and (_is_site(kept[-1], names + hosts) or not _compact(kept[-1])):
        kept.pop()
    while len(kept) > 1 and (_is_site(kept[0], names + hosts, strict=True) or not _compact(kept[0])):
        kept.pop(0)
    archive = next((i for i, part in enumerate(kept[:-1]) if part.casefold() in _BLOG_ARCHIVE), None)
    if archive is not None:
        kept = kept[archive + 1 :]  # WordPress's old "Site » Blog Archive » Post"
    if len(kept) == len(parts):
        return title.strip()
    return title[title.find(kept[0]) : title.rfind(kept[-1]) + len(kept[-1])].strip()


def _title_core(title: str, names: list[str], hosts: list[str]) -> str:
    """The headline part of the <title>: without the site's name, and of several parts the first
    (the others are sections and the site), unless it is short and another is long."""
    parts = _title_parts(_without_site(title, names, hosts))
    if len(parts) < 2:
        return _without_site(title, names, hosts)
    return max(parts, key=len) if len(parts[0]) < 12 else parts[0]


def _site_banner(h1: str, site_parts: list[str], claims: list[str]) -> bool:
    """An <h1> that is the site's header: it opens with the site's part of the <title> and agrees
    with no headline claim ("ProNATs e.V. Verein zur Unterstützung ..." over "Kinder und Arbeit »
    ProNATs e.V.")."""
    folded = h1.casefold()
    return any(folded.startswith(part.casefold() + " ") for part in site_parts) and not any(
        _agrees(h1, claim) for claim in claims if claim)


def _agrees(h1: str, reference: str) -> bool:
    """Most words of the <h1> are in the claim, and more than one word or most of the claim's."""
    words, ref = _words(h1), _words(reference)
    if not words or not ref:
        return False
    common = len(words & ref)
    return common >= 0.5 * len(words) and (common >= 2 or common >= 0.5 * len(ref))


def _without_kicker(h1: str, reference: str) -> str:
    """The <h1> without a kicker glued before the headline ("Immobilienkrise Rene Benko-Firma ..."
    when the page's claims say "Rene Benko-Firma ..."): the <h1>'s own spelling of the claim."""
    tail = _compact(reference)
    if not tail or _compact(h1) == tail or not _compact(h1).endswith(tail):
        return h1
    count = 0
    for k in range(len(h1) - 1, -1, -1):
        if h1[k].isalnum() or _compact(h1[k]):
            count += len(_compact(h1[k]))
            if count >= len(tail):
                while k > 0 and h1[k - 1] in _OPENING_MARKS:  # the headline's opening quote is its own
                    k -= 1
                return h1[k:].strip()
    return h1


#: Quote marks and brackets that open a headline ('"Wir dekorieren ... um"' keeps both its quotes).
_OPENING_MARKS = frozenset("\"'„“”«»‚‘’(¿¡[")
#: Where a claim separates a kicker from its headline ("Kicker: Headline", "Kicker - Headline").
_KICKER_SEPARATOR = regex.compile(r":\s+|\s+[|–—·»:-]\s+|\s+-{1,2}\s+")


def _without_glued_kicker(h1: str, reference: str) -> str:
    """The <h1> without a kicker set apart only by its markup ("Einheit der Woche Lagen-Pyramide mit
    GA2" when the claim says "Einheit der Woche | Lagen-Pyramide mit GA2"): the same letters as the
    claim, which puts one separator between kicker and headline; the <h1> shows none."""
    separators = list(_KICKER_SEPARATOR.finditer(reference))
    if len(separators) != 1 or _KICKER_SEPARATOR.search(h1) or _compact(h1) != _compact(reference):
        return h1
    headline = reference[separators[0].end() :]
    return _without_kicker(h1, headline) if len(_compact(headline)) >= 10 else h1


#: What may follow the headline inside an <h1> without being part of it: a bar or bullet (the site's
#: name, "| FASSETTE.NET") or a date ("02.02.2022 • Verband, Presse").
_H1_TAIL = regex.compile(r"\s*(?:[|•·]|\d{1,2}\.\d{1,2}\.\d{2,4})")


def _without_tail(h1: str, reference: str) -> str:
    """The <h1> without what its markup put after the headline the claims name ("Headline | Site",
    "Headline 02.02.2022 • Section"): the <h1>'s own spelling of the claim."""
    head = _compact(reference)
    if len(head) < 10 or not _compact(h1).startswith(head) or _compact(h1) == head:
        return h1
    count = 0
    for k, ch in enumerate(h1):
        count += len(_compact(ch))
        if count >= len(head):
            return h1[: k + 1].strip() if _H1_TAIL.match(h1, k + 1) else h1
    return h1


def _uncut(claim: str | None, html_title: str) -> str | None:
    """A claim cut at a quote mark by the page's own markup (content="Biden de "incapacitado"" ends
    at the second quote) is the <title> it begins, when the <title> goes on with that quote mark."""
    if not claim or not html_title:
        return claim
    claim = claim.rstrip()
    if len(claim) >= 10 and html_title.startswith(claim) and html_title[len(claim):].lstrip()[:1] in "\"'":
        return html_title
    return claim


def choose_title(meta: dict[str, Any], fallback: str | None, url: str | None = None) -> str | None:
    """The visible headline: an <h1> that agrees with the page's title claims (og:title, JSON-LD
    headline, <title>) and is not the site's name; else the og:title / JSON-LD headline; else the
    <title>; site names are taken off the claims."""
    return choose_title_source(meta, fallback, url)[0]


def choose_title_source(meta: dict[str, Any], fallback: str | None, url: str | None = None) -> tuple[str | None, str]:
    """`choose_title` and where the title came from: "h1", "og:title", "json-ld", "title tag" or
    "text" (the `fallback`, found by the text stages)."""
    everything = _site_names(meta, url)
    declared = [n for n in everything if n not in _host_labels(meta, url)]
    hosts = [n for n in everything if n not in declared]
    html_title = meta.get("html_title") or ""
    # An <h1> that names the site: a site name, a host label, or the last part of the <title> when
    # that part is not its longest ("Headline | DimidoBlog").
    parts = _title_parts(html_title)
    last = parts[-1].casefold() if len(parts) > 1 and len(parts[-1]) < max(map(len, parts)) else None
    h1s = [
        h for h in meta.get("h1", [])
        if not _is_site(h, everything) and h.casefold() != last and "{" not in h and not h.startswith(".")
    ]
    claims = [(_uncut(meta.get("og_title"), html_title), "og:title"), (meta.get("ld_headline"), "json-ld")]
    full_names = {_compact(n) for n in (meta.get("site_name"), meta.get("ld_publisher")) if n}
    sourced = [
        (_without_site(collapse_spaces(c), declared, hosts), source)
        for c, source in claims
        if c and not _is_site(c, everything) and _compact(c) not in full_names
    ]
    references = [reference for reference, _ in sourced]
    core = _title_core(html_title, declared, hosts) if html_title else ""
    banners = [p for p in parts if len(parts) > 1 and _is_site(p, everything)]
    h1s = [h for h in h1s if not _site_banner(h, banners, [*references, core])]
    for reference in references:
        for h in h1s:
            if _agrees(h, reference):
                return _without_tail(_without_glued_kicker(_without_kicker(h, reference), reference), reference), "h1"
    if not references and core:
        # (the <title> is cut at its separators: a kicker there is no kicker in the <h1>)
        for h in h1s:
            if _agrees(h, core):
                return h, "h1"
        # An <h1> spelled exactly as the <title>'s headline is it, though it looks like the site's
        # name ("Axios Future" on axios.com, after <h1>s "Sections", "About").
        if any(h.casefold() == core.casefold() for h in meta.get("h1", [])):
            return core, "h1"
    if len(h1s) == 1 and len(meta.get("h1", [])) == 1 and len(h1s[0].split()) >= 3:
        # One <h1> on the page, the visible headline, though the claims for sharing say otherwise.
        return h1s[0], "h1"
    if core and all(source == "json-ld" for _, source in sourced) and not any(_agrees(r, core) for r in references):
        # JSON-LD, the only claim, says something else than <title> and <h1> both (a "headline" that
        # is a description, "constitutional monarchy in Oceania" for "New Zealand"): the visible one.
        for h in h1s:
            if _agrees(h, core):
                return h, "h1"
    if sourced:
        return sourced[0]
    if h1s:
        return h1s[0], "h1"
    if core:
        return core, "title tag"
    return fallback, "text"


def clean_author(name: str) -> str:
    """A name without "By"/"Von" before it and without a date or time after it."""
    name = _TRAILING.sub("", _BY_PREFIX.sub("", name))
    hit = text_meta.find_date(name)
    if hit is not None:
        name = name[: hit.start]
    return name.strip(" ,;|·-–")


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


_DOMAIN = regex.compile(r"\b[\w-]+\.(?:de|at|ch|com|org|net|fr|es|it|pl|nl|be|eu|info|co|uk|io)\b", regex.IGNORECASE)
#: Author claims that name no person: placeholders and content-system accounts.
_NO_PERSON = frozenset("no author|unknown|admin|administrator|wordpressadmin|webmaster|google|editor|author|"
                       "autor|autorin|auteur|beitrag|drupal|wordpress".split("|"))


def _not_a_person(name: str, sites: list[str]) -> bool:
    """An author claim that is the site speaking: its name, a domain ("LAOLA1.at"), an address, or
    a placeholder ("No Author")."""
    name = name.strip()
    return (
        not name
        or name.startswith("http")
        or name.casefold() in _NO_PERSON
        or _DOMAIN.search(name) is not None
        or _is_site(name, sites, strict=True)
    )


#: What marks a site's name as a person's: a title before it ("Dr. Alexander Klier") or an initial
#: ("C.Habermueller"). Two capitalised words alone do not ("Golf Post" on golfpost.de).
_PERSON_NAME = regex.compile(r"\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3}")
_HONORIFIC = regex.compile(rf"^(?:dr|prof|mag|dipl\.-ing)\.?\s+(?=(?-i:{_PERSON_NAME.pattern})$)", regex.IGNORECASE)
_INITIAL_NAME = regex.compile(r"\p{Lu}\.\s?\p{Lu}\p{Ll}+")


def _owner_name(candidate: str, is_person: bool) -> str | None:
    """`candidate` as a person's name when it is marked as one (see `_HONORIFIC`), or when it comes
    from a JSON-LD Person (`is_person`)."""
    candidate = candidate.strip()
    titled = _HONORIFIC.match(candidate)
    if titled:
        return candidate[titled.end():]
    if _INITIAL_NAME.fullmatch(candidate) or (is_person and _PERSON_NAME.fullmatch(candidate)):
        return candidate
    return None


def _site_owner(meta: dict[str, Any], url: str | None) -> list[str]:
    """The person a personal site is named after: its name (og:site_name, JSON-LD publisher, the
    <title>'s last part) is a person's name that the host spells ("Dr. Alexander Klier" on
    alexander-klier.net, "C.Habermueller" on chabermu.wordpress.com), or a JSON-LD Person whose
    first or last name is the host ("Helge Fahrnberger" on helge.at)."""
    labels = _host_labels(meta, url)
    if not labels:
        return []
    host = _compact(labels[0])
    parts = _title_parts(meta.get("html_title") or "")
    named = [meta.get("site_name"), meta.get("ld_publisher"), *(parts[-1:] if len(parts) > 1 else [])]
    for candidate, is_person in [*((c, False) for c in named), *((c, True) for c in meta.get("ld_people") or [])]:
        name = _owner_name(candidate or "", is_person)
        if not name:
            continue
        compact, words = _compact(name), [_compact(w) for w in regex.split(r"[\s.-]+", name) if w]
        if compact == host or (len(host) >= 6 and compact.startswith(host)) or (is_person and host in (words[0], words[-1])):
            return [name]
    return []


def _choose_authors(meta: dict[str, Any], found: dict[str, Any], url: str | None) -> tuple[list[str], str | None]:
    """The first author claim that names a person (JSON-LD, <meta>, the byline element, the text's
    byline, an organisation in JSON-LD), cleaned of the words around the names; when every claim is
    the site speaking ("LAOLA1.at", "telebasel"), the first of them: the site is then the author."""
    ld = list(meta.get("ld_author") or [])
    dom = meta.get("dom_author")
    ld_source = "json-ld"
    if ld and dom and " " in dom and all(" " not in a and a.islower() for a in ld):
        ld = [dom]  # a login name ("arianschlichenmayer") in JSON-LD, the real name on the page
        ld_source = "byline element"
    claims: list[tuple[list[str], str | None]] = []
    if ld:
        claims.append(([n for a in ld for n in text_meta.person_names(a)], ld_source))
    author = meta.get("author")
    if author and not author.startswith("http"):
        claims.append((text_meta.person_names(clean_author(author)), "meta"))
    dom_names = [n for value in meta.get("dom_authors") or [] for n in text_meta.person_names(clean_author(value))]
    if dom_names:
        claims.append((list(dict.fromkeys(dom_names)), "byline element"))
    claims.append((list(found.get("authors") or []), found.get("authors_source") or "text"))
    claims.append((_site_owner(meta, url), "site owner"))
    claims.append((list(meta.get("ld_author_org") or []), "json-ld organization"))
    # (a label read as the byline, "Stand:" or "Autor:", names nobody: not even the site)
    # (nor does a placeholder, "No Author", "Beitrag": unlike the site's name, never the author)
    claims = [c for c in claims if c[0] and not any(n.endswith(":") or n.strip().casefold() in _NO_PERSON
                                                    or text_meta.label_not_name(n) for n in c[0])]
    sites = _site_names(meta, url)
    people = [c for c in claims if not any(_not_a_person(n, sites) for n in c[0])]
    names, source = (people or claims or [([], None)])[0]
    return names, source


def _choose_publisher(meta: dict[str, Any], url: str | None) -> tuple[str | None, str | None]:
    """og:site_name, else the JSON-LD publisher; but the publisher when only it is borne out by the
    host or the <title>'s ends and og:site_name is not (a section's name there: "U.S." on reuters.com)."""
    site, ld = meta.get("site_name"), meta.get("ld_publisher")
    if site and ld and _compact(site) != _compact(ld):
        parts = _title_parts(meta.get("html_title") or "")
        evidence = _host_labels(meta, url) + (parts[:1] + parts[-1:] if len(parts) > 1 else [])
        shared = _words(site) & {w for e in evidence for w in _words(e)}
        if _is_site(ld, evidence, strict=True) and not shared and not _is_site(site, evidence):
            return ld, "json-ld"
    if site:
        return site, "meta"
    return (ld, "json-ld") if ld else (None, None)


def url_date(url: str | None) -> str | None:
    """A date written into the page's address (/2019/10/16/...)."""
    m = _URL_DATE.search(url or "")
    return text_meta._valid(int(m[1]), int(m[2]), int(m[3])) if m else None


#: Lines under the headline read for its byline.
_HEADLINE_REACH = 8


def text_claims(doc: Any, date_order: str = "DMY") -> dict[str, Any]:
    """Date and byline lines anywhere near the top of the article, labelled or not.

    The text stages read metadata lines only among the segments left to them; in HTML mode the page's
    structure often removed the byline box before (HTM013, byline containers), so look again there.
    """
    kept = [i for i, v in enumerate(doc.verdicts) if v is None]
    first = kept[0] if kept else 0
    found: dict[str, Any] = {}
    headline = next((i for i, v in enumerate(doc.verdicts) if v is not None and v.rule == "TTL001"), None)
    if headline is None:
        headline = next((i for i, seg in enumerate(doc.segments) if seg.tag == "h1"), None)
    if headline is None:
        headline = doc.meta.get("title_index")  # the headline the text stages found, kept in the body
    if headline is not None:
        # The byline under the page's headline, read as loosely as in text mode ("Von" + name,
        # "Veröffentlicht am ... von X", "MikeNils 18.10.2019").
        for i in range(headline + 1, min(len(doc.segments), headline + _HEADLINE_REACH + 1)):
            following = doc.segments[i + 1].text if i + 1 < len(doc.segments) else None
            names = text_meta.author_line(doc.segments[i].text, following, date_order)
            if names:
                found["headline_authors"] = names
                break
        found["header_dates"] = header_dates(doc, headline, date_order)
    lo, hi = max(0, first - 25), min(len(doc.segments), first + 15)
    order = sorted(range(lo, hi), key=lambda i: (i > first, abs(i - first)))
    for i in order:
        text = doc.segments[i].text
        if len(text) > 160:
            continue
        if "date" not in found:
            iso = text_meta.dateline(text, date_order)
            if iso:
                found["date"] = iso
        if "authors" not in found:
            names = text_meta.byline(text)
            if names:
                found["authors"] = names
    return found


#: Lines around the headline read for the date a reader sees printed with it (two above for a
#: dateline over the headline, six below for one under the byline).
_DATELINE_ABOVE, _DATELINE_BELOW = 2, 6


#: A date line that announces an event ("Termin: 21.02.2020, 19 Uhr"): the event's date.
_EVENT_LINE = regex.compile(r"\W*(?:termine?|wann|when|event|veranstaltung|aktionszeitraum|zeitraum|datum der veranstaltung)\b",
                            regex.IGNORECASE)


def header_dates(doc: Any, headline: int, date_order: str = "DMY") -> list[tuple[str, set[str], bool]]:
    """The date lines printed with the headline, nearest below it first: (the date as read in the
    page's date order, every date the line can be read as, whether it is only a revision's date)."""
    n = len(doc.segments)
    order = [*range(headline + 1, min(n, headline + _DATELINE_BELOW + 1)),
             *range(headline - 1, max(-1, headline - _DATELINE_ABOVE - 1), -1)]
    lines = []
    for i in order:
        text = doc.segments[i].text
        if text_meta.EMBEDDED_POST.search(text) or _EVENT_LINE.match(text) or not text_meta.dateline(text, date_order):
            continue
        first, readings, revision = text_meta.dates_in(text, date_order)
        if first:
            lines.append((first, readings, revision))
    return lines


def _printed_date(date: str, claim: str, header: list[tuple[str, set[str], bool]], sources: dict[str, str]) -> str:
    """The date a page's claim gives, checked against the date lines printed with its headline.

    When no line agrees with the claim in any reading, the first printed date that is not a revision
    wins (`sources["date"] = "dateline"`): the claim is then often the modified date, a UTC stamp
    that is another day where the readers live, or a template's default. A claim written with its
    day and month in doubt ("11/01/2023") is read as the printed line reads it ("01.11.2023")."""
    readings = {date} if _ISO_PREFIX.match(claim) else text_meta.dates_in(claim)[1] | {date}
    for first, line, _ in header:
        if readings & line:
            return first if first in readings else date
    printed = [first for first, _, revision in header if not revision]
    if printed:
        sources["date"] = "dateline"
        return printed[0]
    return date


def htmldate_date(html: str, url: str | None) -> str | None:
    """htmldate's answer (headers, URL, elements, text patterns), asked only when we found no date:
    it parses the page again with lxml (several ms), so it is the last resort."""
    from htmldate import find_date  # imported on first use

    try:
        return iso_date(find_date(html, url=url, extensive_search=False, original_date=True))
    except Exception:  # htmldate raises a variety of errors on odd pages; no date is the answer then
        return None


def resolve(meta: dict[str, Any], found: dict[str, Any], html: str | None = None,
            url: str | None = None) -> dict[str, Any]:
    """Title, authors, date, publisher for an HTML page: the page's claims first, the text's next,
    htmldate last (for the date, when `html` is given).

    `found` holds what the text stages found (title, authors, date, publisher)."""
    authors, authors_source = _choose_authors(meta, found, url)
    date = None
    zone = page_zone(meta.get("lang"))
    sources: dict[str, str] = {}
    for key in _DATE_CLAIMS:
        date = iso_date(meta.get(key), zone)
        if date:
            sources["date"] = _DATE_CLAIMS[key]
            date = _printed_date(date, meta[key], found.get("header_dates") or [], sources)
            break
    if not date and found.get("date"):
        date = found["date"]
        sources["date"] = found.get("date_source") or "text"
    date_source = None
    if date is None and html is not None:
        date = htmldate_date(html, url)
        date_source = "htmldate" if date else None
        if date:
            sources["date"] = "htmldate"
    base = url or meta.get("canonical") or ""
    canonical = meta.get("canonical") or meta.get("ld_url")
    image = meta.get("image") or meta.get("ld_image")
    title, sources["title"] = choose_title_source(meta, found.get("title"), url)
    publisher, publisher_source = _choose_publisher(meta, url)
    if not publisher:
        publisher, publisher_source = found.get("publisher"), found.get("publisher_source") or "text"
    for value, key, source in (
        (authors, "authors", authors_source), (publisher, "publisher", publisher_source),
        (meta.get("description"), "description", "meta"), (meta.get("ld_description"), "description", "json-ld"),
        (meta.get("canonical"), "canonical_url", "link"), (meta.get("ld_url"), "canonical_url", "json-ld"),
        (meta.get("image"), "image", "meta"), (meta.get("ld_image"), "image", "json-ld"),
    ):
        if value and source and key not in sources:
            sources[key] = source
    if not title:
        sources.pop("title")
    return {
        "canonical_url": urljoin(base, canonical) if canonical else None,
        "image": urljoin(base, image) if image else None,
        "description": meta.get("description") or meta.get("ld_description"),
        "title": title,
        "authors": authors,
        "date": date,
        "date_source": date_source,
        "publisher": publisher,
        "sources": sources,
    }


#: Date claims of a page, in order of preference, and the source each names in `stats["sources"]`.
_DATE_CLAIMS = {"ld_date": "json-ld", "published": "meta", "url_date": "url", "dom_date": "time element"}
