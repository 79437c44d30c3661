"""Which claim wins, per field: one precedence table each, read top to bottom, the first value wins.

The engine calls `choose_metadata` once, after labelling. Each field's table lists its sources in
order of trust; a source is a function of the `Evidence` (the labelled document, the page's typed
claims, the address) that returns a value or None. The winner's source name goes to
`stats["sources"]`.

Every field is chosen inside its own fault boundary: a claim that no reader foresaw (an offset
"-500", a name of 10,000 characters, JSON-LD of the wrong shape) costs that field its value and
leaves a note in `stats["metadata_errors"]`, never the article's body.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar
from urllib.parse import urljoin

from ..config import CleanerConfig
from ..text.document import Document
from .locale import page_date_order
from . import byline_lines, date_lines
from .authors import author_claims, choose_authors
from .claims import PageClaims
from .dates import (header_dates, html_datetime, htmldate_date, iso_date, line_datetime, page_zone, printed_date,
                    url_date)
from .headline import page_headline
from .page import choose_description
from .publisher import PUBLISHER_FROM, as_spelled, choose_publisher, find_publisher, title_site

T = TypeVar("T")

#: Lines under the headline read for its byline (HTML mode: the page's structure may have removed it).
_HEADLINE_REACH = 8
#: Bylines count when they stand this near the article region (before, after) or under the headline.
_BYLINE_BEFORE, _BYLINE_AFTER, _BYLINE_UNDER_TITLE = 10, 5, 15


@dataclass
class Evidence:
    """What every field's sources read: the labelled document, the page's claims (empty for text),
    the page itself (for htmldate; None when too large), the config."""

    doc: Document
    claims: PageClaims
    html: str | None
    config: CleanerConfig

    @property
    def url(self) -> str | None:
        return self.doc.url

    @property
    def html_mode(self) -> bool:
        return self.doc.kind == "html"

    @cached_property
    def order(self) -> str:
        return page_date_order(self.doc, self.config.date_order)

    @cached_property
    def zone(self) -> str | None:
        return page_zone(self.claims.lang)

    @cached_property
    def reference(self) -> str | None:
        return self.doc.reference_date or self.config.reference_date

    @cached_property
    def headline_line(self) -> int | None:
        """The index of the page's headline line: the markup's (TTL001 in HTML mode), the first
        <h1>, the one the text stages chose."""
        doc = self.doc
        found = next((i for i, v in enumerate(doc.verdicts) if v is not None and v.rule == "TTL001"), None)
        if found is None:
            found = next((i for i, seg in enumerate(doc.segments) if seg.tag == "h1"), None)
        return found if found is not None else doc.evidence.title_index

    @cached_property
    def near_lines(self) -> dict[str, Any]:
        """HTML mode: the byline and date lines near the top of the article, labelled or not (the
        page's structure often removed the byline box before the text stages saw it)."""
        return _near_lines(self)

    @cached_property
    def header_dates(self) -> list[tuple[str, set[str], bool]]:
        line = self.headline_line
        return header_dates(self.doc, line, self.order) if self.html_mode and line is not None else []


@dataclass(frozen=True)
class Dated:
    """A date found: the day, its most precise form, and whether the date printed with the headline
    overruled the claim that gave it (its source is then "dateline")."""

    day: str
    stamp: str
    printed: bool = False


@dataclass(frozen=True)
class Source(Generic[T]):
    """One row of a precedence table: the name `stats["sources"]` gives it, and how to read it."""

    name: str
    read: Callable[[Evidence], T | None]


@dataclass
class Metadata:
    """The chosen values, where each came from, and the notes of fields that could not be read."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    datetime: str | None = None
    publisher: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    #: stats entries besides the sources ("publisher_from", "date_from", "metadata_errors").
    stats: dict[str, Any] = field(default_factory=dict)


def first_of(table: Sequence[Source[T]], evidence: Evidence) -> tuple[T | None, str | None]:
    """The first source of `table` that gives a value, and its name."""
    for source in table:
        value = source.read(evidence)
        if value:
            return value, source.name
    return None, None


# -- title -----------------------------------------------------------------------------------------
def _page_title(e: Evidence) -> tuple[str, str] | None:
    if not e.html_mode:
        return None  # (text has no markup claims)
    title, source = page_headline(e.claims, e.url)
    return (title, source) if title and source else None


def _text_title(e: Evidence) -> tuple[str, str] | None:
    title = e.doc.evidence.title
    return (title, "text") if title else None


#: The headline: the page's markup claims (their own order in `headline.page_headline`: an <h1>
#: that agrees with og:title / JSON-LD / <title>, then those claims), then the text stages' line.
TITLE_PRECEDENCE: tuple[Source[tuple[str, str]], ...] = (Source("page", _page_title), Source("text", _text_title))


# -- authors ---------------------------------------------------------------------------------------
def _text_bylines(e: Evidence) -> list[str]:
    """The names of the bylines the text stages found beside the article region or under the headline."""
    doc = e.doc
    start, end = doc.region or (0, len(doc.segments))
    title_index = doc.evidence.title_index
    names: list[str] = []
    for i, found in doc.evidence.bylines:
        if start - _BYLINE_BEFORE <= i < end + _BYLINE_AFTER or (
                title_index is not None and title_index <= i <= title_index + _BYLINE_UNDER_TITLE):
            names.extend(n for n in found if n not in names)
    return names


def _text_authors(e: Evidence) -> list[str]:
    """The text's byline: in HTML mode the one under the headline first, then the labelled bylines,
    then a byline line near the article's first kept line."""
    if not e.html_mode:
        return _text_bylines(e)
    return e.near_lines.get("headline_authors") or _text_bylines(e) or e.near_lines.get("authors") or []


def _claim(name: str) -> Callable[[Evidence], list[str]]:
    return lambda e: _author_claims(e).get(name, [])


def _author_claims(e: Evidence) -> dict[str, list[str]]:
    cached = e.__dict__.get("_author_claims")
    if cached is None:
        cached = e.__dict__["_author_claims"] = author_claims(e.claims, e.url)
    return cached


#: The authors, in order of trust; `authors.choose_authors` takes the first that names a person
#: (else the first: the site is then its own author).
AUTHOR_PRECEDENCE: tuple[Source[list[str]], ...] = (
    Source("byline element", _claim("json-ld login")),  # JSON-LD names a login, the byline the person
    Source("json-ld", _claim("json-ld")),
    Source("meta", _claim("meta")),
    Source("byline element", _claim("byline element")),
    Source("text", _text_authors),
    Source("site owner", _claim("site owner")),
    Source("json-ld organization", _claim("json-ld organization")),
)


# -- date ------------------------------------------------------------------------------------------
def _claimed(value: Callable[[PageClaims], str | None]) -> Callable[[Evidence], Dated | None]:
    """A page's date claim read as a day, checked against the dates printed with the headline."""
    def read(e: Evidence) -> Dated | None:
        raw = value(e.claims)
        day = iso_date(raw, e.zone)
        if not day or raw is None:
            return None
        checked, printed = printed_date(day, raw, e.header_dates)
        address = url_date(e.url)
        if address and address != checked and not any(checked in readings for _, readings, _ in e.header_dates):
            return None  # the address's date stands against it, and nothing printed bears the claim out
        return Dated(checked, checked, printed)
    return read


def _day(day: str | None) -> Dated | None:
    return Dated(day, day) if day else None


def _text_line(e: Evidence) -> Dated | None:
    item = _nearest(e.doc, e.doc.evidence.dates)
    if item is None:
        return None
    return Dated(item[1], line_datetime(e.doc.segments[item[0]].text, item[1]))


def _address(e: Evidence) -> Dated | None:
    """The address's date; with the time of the date line printed near the article when it gives
    the same day (the line is as sure of the day and more precise)."""
    day = url_date(e.url)
    if not day:
        return None
    printed = _text_line(e)
    return printed if printed is not None and printed.day == day else Dated(day, day)


def _relative(e: Evidence) -> Dated | None:
    item = _nearest(e.doc, e.doc.evidence.relative_dates)
    if item is None:
        return None
    stamp = date_lines.relative_datetime(e.doc.segments[item[0]].text, e.reference)
    return Dated(item[1], stamp if stamp and stamp[:10] == item[1] else item[1])


#: The publication date as (day, most precise form). Text mode: the address (measured on the tune
#: half: the date line first loses 5 of 375 dates), the date line nearest the article, a relative time. HTML mode: the page's claims (each read against the date printed
#: with the headline: "dateline" when the print wins), then what the text shows, htmldate last.
TEXT_DATE_PRECEDENCE: tuple[Source[Dated], ...] = (
    Source("url", _address), Source("text", _text_line), Source("relative time", _relative))
HTML_DATE_PRECEDENCE: tuple[Source[Dated], ...] = (
    Source("json-ld", _claimed(lambda c: c.ld_date)),
    Source("meta", _claimed(lambda c: c.meta_date)),
    *TEXT_DATE_PRECEDENCE[:1],
    Source("time element", _claimed(lambda c: c.dom_date)),
    *TEXT_DATE_PRECEDENCE[1:],
    Source("text", lambda e: _day(e.near_lines.get("date"))),
    Source("htmldate", lambda e: _day(htmldate_date(e.html, e.url)) if e.html is not None else None),
)


# -- publisher -------------------------------------------------------------------------------------
def _source_line(e: Evidence) -> str | None:
    return _near_region(e.doc, e.doc.evidence.publishers, before=len(e.doc.segments))


def _page_publisher(e: Evidence) -> tuple[str, str] | None:
    return choose_publisher(e.claims, e.url) if e.html_mode else None


#: The site's name: the page's claims (og:site_name, the JSON-LD publisher), the part of its <title>
#: that the host spells, a source line the
#: labeller read ("Read Full Article on X"), else (text mode) what the text's title line, copyright
#: line or address says (`publisher.find_publisher`).
PUBLISHER_PRECEDENCE: tuple[Source[tuple[str, str]], ...] = (
    Source("page", _page_publisher),
    Source("title tag", lambda e: (p, "title tag") if e.html_mode and (p := title_site(e.claims, e.url)) else None),
    Source("source line", lambda e: (p, "source line") if (p := _source_line(e)) else None),
    Source("text", lambda e: None if e.html_mode else _found_publisher(e)),
)


def _found_publisher(e: Evidence) -> tuple[str, str] | None:
    found = find_publisher([s.text for s in e.doc.segments], e.url, e.doc.evidence.title)
    return (found[0], found[1]) if found else None


# -- the whole ---------------------------------------------------------------------------------
def choose_metadata(doc: Document, raw_claims: Any, html: str | None, config: CleanerConfig) -> Metadata:
    """Title, authors, date, publisher, description, canonical address and image of a labelled
    document, each by its precedence table, each in its own fault boundary."""
    out = Metadata()
    # (what the HTML reader could not read, `html.metadata.page_metadata`, is said with the rest)
    read_errors = raw_claims.get("errors") if isinstance(raw_claims, Mapping) else None
    errors: dict[str, str] = {f"claims: {k}": v for k, v in read_errors.items()} if isinstance(read_errors, Mapping) else {}
    claims = _guard("claims", lambda: PageClaims.read(raw_claims), errors) or PageClaims()
    e = Evidence(doc, claims, html, config)
    for name, choose in (("title", _choose_title), ("authors", _choose_authors), ("date", _choose_date),
                         ("publisher", _choose_publisher), ("description", _choose_page_fields)):
        _guard(name, lambda choose=choose: choose(e, out), errors)
    if errors:
        out.stats["metadata_errors"] = errors
    return out


def _guard(name: str, step: Callable[[], T], errors: dict[str, str]) -> T | None:
    try:
        return step()
    except Exception as exc:  # noqa: BLE001 - a field that cannot be read is left empty, never the body
        errors[name] = f"{type(exc).__name__}: {str(exc)[:200]}"
        return None


def _choose_title(e: Evidence, out: Metadata) -> None:
    found, _ = first_of(TITLE_PRECEDENCE, e)
    if found:
        out.title, out.sources["title"] = found


def _choose_authors(e: Evidence, out: Metadata) -> None:
    candidates = [(list(value), source.name) for source in AUTHOR_PRECEDENCE
                  if (e.html_mode or source.name == "text") and (value := source.read(e))]
    out.authors, source = choose_authors(candidates, e.claims, e.url)
    if out.authors and source:
        out.sources["authors"] = source


def _choose_date(e: Evidence, out: Metadata) -> None:
    table = HTML_DATE_PRECEDENCE if e.html_mode else TEXT_DATE_PRECEDENCE
    for source in table:
        found = source.read(e)
        if not found:
            continue
        out.date, out.datetime = found.day, found.stamp
        out.sources["date"] = "dateline" if found.printed else source.name
        if source.name == "htmldate":
            out.stats["date_from"] = "htmldate"
        break
    if e.html_mode and out.date:
        out.datetime = html_datetime(e.claims, out.date, e.zone) or out.datetime
    if out.date and out.datetime:
        out.sources["datetime"] = out.sources["date"]


def _choose_publisher(e: Evidence, out: Metadata) -> None:
    found, _ = first_of(PUBLISHER_PRECEDENCE, e)
    if found:
        out.publisher = found[0] if e.html_mode else as_spelled(found[0], [s.text for s in e.doc.segments])
        out.sources["publisher"] = PUBLISHER_FROM.get(found[1], found[1])
        if not e.html_mode:
            out.stats["publisher_from"] = found[1]


def _choose_page_fields(e: Evidence, out: Metadata) -> None:
    """Description, canonical address, image: the page's claims only (text has none)."""
    c = e.claims
    base = e.url or c.canonical or ""
    out.description, source = choose_description(c, out.title)
    for value, key, name in ((source and out.description, "description", source),
                             (c.canonical or c.ld_url, "canonical_url", "link" if c.canonical else "json-ld"),
                             (c.image or c.ld_image, "image", "meta" if c.image else "json-ld")):
        if value:
            if key != "description":
                setattr(out, key, urljoin(base, value))
            out.sources[key] = name


# -- lines near the article --------------------------------------------------------------------
def _near_region(doc: Document, found: list[tuple[int, Any]], before: int = 10) -> Any:
    """The value found closest to the start of the article region (above it or inside it first)."""
    item = _nearest(doc, found, before)
    return item[1] if item is not None else None


def _nearest(doc: Document, found: list[tuple[int, Any]], before: int = 10) -> tuple[int, Any] | None:
    """`_near_region`'s choice with the index of its segment."""
    if not found:
        return None
    start, end = doc.region or (0, len(doc.segments))
    return min(found, key=lambda item: (not (start - before <= item[0] < end), abs(item[0] - start)))


#: Lines under the headline where a line of bare names is the byline (as `authors.choose_author`).
_BARE_NAMES_REACH = 3


def _near_lines(e: Evidence) -> dict[str, Any]:
    """The byline under the headline (read as loosely as in text mode: "Von" + name, "Veröffentlicht
    am ... von X"), and the first date line and byline near the first kept line."""
    doc, order = e.doc, e.order
    found: dict[str, Any] = {}
    headline = e.headline_line
    if headline is not None:
        for i in range(headline + 1, min(len(doc.segments), headline + _HEADLINE_REACH + 1)):
            following = doc.segments[i + 1].text if i + 1 < len(doc.segments) else None
            names = byline_lines.author_line(doc.segments[i].text, following, order)
            if names:
                found["headline_authors"] = names
                break
        else:
            # A line listing people's names under the headline ("Clara Löw, Siddharth Prakash & Klaus
            # Jacob": the names are links, the line a link list to the markup). Two names at least: one
            # "name" of capitalised words may be a row of tabs ("Präparat Wirkstoff Preise").
            found["headline_authors"] = next(
                (names for i in range(headline + 1, min(len(doc.segments), headline + _BARE_NAMES_REACH + 1))
                 if len(names := byline_lines.names_line(doc.segments[i].text) or []) >= 2), None)
    kept = [i for i, v in enumerate(doc.verdicts) if v is None]
    first = kept[0] if kept else 0
    lo, hi = max(0, first - 25), min(len(doc.segments), first + 15)
    for i in sorted(range(lo, hi), key=lambda i: (i > first, abs(i - first))):
        text = doc.segments[i].text
        if len(text) > 160:
            continue
        if "date" not in found and (iso := date_lines.dateline(text, order)):
            found["date"] = iso
        if "authors" not in found and (names := byline_lines.byline(text)):
            found["authors"] = names
    return found
