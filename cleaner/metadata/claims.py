"""The page's metadata claims as one typed object, read once from what the HTML reader collected.

`html.metadata.page_metadata` walks the parsed tree (JSON-LD, OpenGraph and <meta> tags, <title>,
<h1>, byline and <time> elements) and keeps the raw values; `PageClaims.read` turns them into typed
fields, so that every field's room (headline, authors, dates, publisher, page) reads attributes, not
string keys, and a value of the wrong shape (a number where a name should be, a dict for a date) is
no claim rather than an error. Text input has no claims: `PageClaims()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(v for v in value if isinstance(v, str) and v.strip())


@dataclass(frozen=True, slots=True)
class PageClaims:
    """What the page's markup says about the article, one attribute per claim (None or empty: not said)."""

    #: <title>, og:title (or twitter:title), the JSON-LD headline, the <h1>s (first six, 3-300 chars).
    html_title: str | None = None
    og_title: str | None = None
    ld_headline: str | None = None
    h1: tuple[str, ...] = ()
    #: <meta name=author> (and its kin), the JSON-LD authors (people; organisations apart), the
    #: JSON-LD Person items anywhere on the page, the byline element's names (first: the first one).
    meta_author: str | None = None
    ld_authors: tuple[str, ...] = ()
    ld_author_orgs: tuple[str, ...] = ()
    ld_people: tuple[str, ...] = ()
    dom_authors: tuple[str, ...] = ()
    #: JSON-LD datePublished, the published-time <meta> tags, a <time datetime> element.
    ld_date: str | None = None
    meta_date: str | None = None
    dom_date: str | None = None
    #: og:site_name (or application-name), the JSON-LD publisher's name.
    site_name: str | None = None
    ld_publisher: str | None = None
    #: <meta name=description> (or og:/twitter:description), the JSON-LD description.
    meta_description: str | None = None
    ld_description: str | None = None
    og_description: str | None = None
    #: <link rel=canonical> (or og:url), the JSON-LD url; og:image (and kin), the JSON-LD image.
    canonical: str | None = None
    ld_url: str | None = None
    image: str | None = None
    ld_image: str | None = None
    #: <html lang>, JSON-LD inLanguage.
    lang: str | None = None
    ld_language: str | None = None
    #: The further fields' claims (`html.fields.page_fields`: tags, section, licence, modified date, ...).
    fields: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def read(cls, raw: Mapping[str, Any] | None) -> "PageClaims":
        """The typed claims from the HTML reader's raw values; what has the wrong shape is left out."""
        if not raw:
            return cls()
        fields = raw.get("fields")
        return cls(
            html_title=_text(raw.get("html_title")),
            og_title=_text(raw.get("og_title")),
            ld_headline=_text(raw.get("ld_headline")),
            h1=_texts(raw.get("h1")),
            meta_author=_text(raw.get("author")),
            ld_authors=_texts(raw.get("ld_author")),
            ld_author_orgs=_texts(raw.get("ld_author_org")),
            ld_people=_texts(raw.get("ld_people")),
            dom_authors=_texts(raw.get("dom_authors")),
            ld_date=_text(raw.get("ld_date")),
            meta_date=_text(raw.get("published")),
            dom_date=_text(raw.get("dom_date")),
            site_name=_text(raw.get("site_name")),
            ld_publisher=_text(raw.get("ld_publisher")),
            meta_description=_text(raw.get("description")),
            ld_description=_text(raw.get("ld_description")),
            og_description=_text(raw.get("og_description")),
            canonical=_text(raw.get("canonical")),
            ld_url=_text(raw.get("ld_url")),
            image=_text(raw.get("image")),
            ld_image=_text(raw.get("ld_image")),
            lang=_text(raw.get("lang")),
            ld_language=_text(raw.get("ld_language")),
            fields=fields if isinstance(fields, Mapping) else {},
        )
