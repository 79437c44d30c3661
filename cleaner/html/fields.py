"""HTML claims for the fields beyond title/author/date: tags, section, licence, modified date, access.

Read from the parsed tree with the other claims (`html.metadata.page_metadata`), before the scripts are
stripped (JSON-LD lives in <script>): JSON-LD `keywords`, `articleSection`, `license`,
`dateModified`, `isAccessibleForFree`; OpenGraph `article:tag`, `article:section`,
`article:modified_time`; `<meta name=keywords>`; `rel=license`, `rel=tag` and Creative Commons links;
`<base href>`. What is chosen among them is the assembly's job (`engine._more_fields`, `metadata.fields`).
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..ledger import collapse_spaces
from ..metadata.fields import terms
from .blocks import clean_text, text_runs

#: <meta> names/properties (lower-cased) of each claim, in order of preference.
_META_TAGS = ("article:tag", "og:article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags")
_META_SECTION = ("article:section", "og:article:section", "section", "parsely-section", "category", "dc.subject")
_META_MODIFIED = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified",
                  "dcterms.modified", "last-modified", "lastmod", "revised")
_META_LICENSE = ("dcterms.license", "dc.license", "license", "dc.rights.license")
#: One selector for every link the fields read, so the tree is searched once.
_LINKS = 'a[rel], link[rel="license"], a[href*="creativecommons.org/"], base[href]'


def _ld_value(items: list[dict[str, Any]], key: str) -> Any:
    """The first value of `key` among the article-like JSON-LD items first, then the others."""
    for article_like in (True, False):
        for item in items:
            kind = item.get("@type")
            kind = " ".join(map(str, kind)) if isinstance(kind, list) else str(kind or "")
            if ("Article" in kind or "Posting" in kind or "Report" in kind) != article_like:
                continue
            value = item.get(key)
            if value not in (None, "", []):
                return value
    return None


def _free(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _ld_free(items: list[dict[str, Any]]) -> bool | None:
    """isAccessibleForFree of the article, or of a part of it (Google's paywall markup puts
    `"isAccessibleForFree": "False"` on a `hasPart` element that names the walled part)."""
    found = _free(_ld_value(items, "isAccessibleForFree"))
    if found is False:
        return False
    for item in items:
        parts = item.get("hasPart")
        for part in parts if isinstance(parts, list) else [parts]:
            if isinstance(part, dict) and _free(part.get("isAccessibleForFree")) is False:
                return False
    return found


def _ld_license(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def page_fields(tree: LexborHTMLParser, items: list[dict[str, Any]], metas: dict[str, str],
                repeated: dict[str, list[str]]) -> dict[str, Any]:
    """The page's claims for tags, section, licence, modified date and access (raw; see `fields`).
    `metas`: the first value of each <meta> name or property (lower-cased), `repeated`: every value
    of the names given more than once (article:tag)."""
    found: dict[str, Any] = {}
    for field, keys in (("tags", _META_TAGS), ("section", _META_SECTION)):
        for key in keys:
            if key in metas:
                found[f"meta_{field}"] = terms(repeated.get(key) or metas[key])
                found[f"meta_{field}_key"] = key
                break
    modified = next((metas[k] for k in _META_MODIFIED if k in metas), None)
    if modified:
        found["meta_modified"] = modified
    licence = next((metas[k] for k in _META_LICENSE if k in metas), None)
    if items:
        found["ld_tags"] = terms(_ld_value(items, "keywords"))
        found["ld_section"] = terms(_ld_value(items, "articleSection"))
        modified = _ld_value(items, "dateModified")
        if isinstance(modified, str):
            found["ld_modified"] = modified
        found["ld_license"] = _ld_license(_ld_value(items, "license"))
        found["ld_free"] = _ld_free(items)
    rel_tags: list[str] = []
    rel_sections: list[str] = []
    for node in tree.css(_LINKS):
        attrs = node.attributes
        href = (attrs.get("href") or "").strip()
        if node.tag == "base":
            found.setdefault("base", href)
            continue
        rel = (attrs.get("rel") or "").lower().split()
        if "license" in rel and href:
            found.setdefault("rel_license", href)
        elif "creativecommons.org/licenses/" in href or "creativecommons.org/publicdomain/" in href:
            found.setdefault("cc_link", href)
        if node.tag == "a" and "tag" in rel:
            text = collapse_spaces(node.text(deep=True) or "")
            (rel_sections if "category" in rel else rel_tags).append(text)
    if rel_tags:
        found["rel_tags"] = terms(rel_tags)
    if rel_sections:
        found["rel_sections"] = terms(rel_sections)
    if licence:
        found["meta_license"] = licence
    return {k: v for k, v in found.items() if v not in (None, [], "")}


def paragraphs(node: Any, max_chars: int) -> list[str]:
    """The text of a container read as a collapsed block (a comment thread) split at its block
    elements again: one paragraph per run of text inside the same block element, up to `max_chars`."""
    return [text for text in map(clean_text, text_runs(node, max_chars)) if text]
