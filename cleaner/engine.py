"""`Cleaner`: the one engine. Decode, normalize, segment, label in stages, assemble an `Article`.

The labelling stages and their order are data (`pipeline.TEXT_STAGES`, `pipeline.HTML_STAGES`); the
engine reads the input into a `Document`, runs the mode's stages on it, recovers an HTML page's body
when its markup left too little, and assembles the `Article`. The CLI, the batch runner and the
integrations are thin adapters around `Cleaner.clean`; none of them makes a decision of its own.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any, Callable, TypeVar
from urllib.parse import urljoin

from .metadata.access import assess
from .article import Article, Removal, replay
from .config import CleanerConfig
from .errors import InputTooLargeError
from .metadata.datetimes import line_datetime
from .metadata.fields import (LIST_RULES, body_links, comment_text, html_datetime, html_modified, licence_name,
                              may_have_comments, text_licence, text_lists, text_modified)
from .pipeline import HTML_STAGES, LINE_STAGES, TEXT_STAGES, Context, Hook, Stage, before_extent, check_stages, run_stages
from .text.decode import to_text
from .text.sanitize import printable_article, replace_surrogates
from .text.document import Document
from .html.parse import HtmlPage, parse_html, render_blocks
from .html.blocks import HtmlStructure
from .html.fields import paragraphs as read_container_paragraphs
from .html.recovery import Recovery, recover
from .html.metadata import page_zone, resolve as resolve_html_meta, text_claims, url_date
from .html.labels import kept_chars
from .metadata.lines import date_from_url, relative_datetime
from .text.layout import undo_layout
from .text.normalize import normalize_text
from .metadata.publisher import find_publisher
from .rules import RuleSet
from .text.scripts import date_order
from .text.segment import first_lines, segment_text

_T = TypeVar("_T")


class Cleaner:
    """Compiled rules for one config; reuse it for many documents. Picklable (the hook is not pickled).

    `hook` (see `pipeline.Hook`) is called around every step of a clean (decoding, reading, each
    labelling stage, each recovery, the assembly) with the step's name: `bench/stage_profile.py`
    times them with it. Unknown names in `disabled_stages` or `disabled_rules` raise `ConfigError`.

    >>> Cleaner().clean("Advertisement\\n\\nThe mayor opened the new bridge on Monday, and traffic "
    ...                 "began to flow across the river for the first time in two years.").text
    'The mayor opened the new bridge on Monday, and traffic began to flow across the river for the first time in two years.'
    """

    def __init__(self, config: CleanerConfig | None = None, *, hook: Hook | None = None) -> None:
        self.config = config or CleanerConfig()
        check_stages(self.config)
        self.rules = RuleSet(self.config)
        self.hook = hook

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"])  # type: ignore[misc]

    def _step(self, name: str, function: Callable[..., _T], *args: Any) -> _T:
        """`function(*args)`, through the profiling hook when there is one."""
        if self.hook is None:
            return function(*args)
        return self.hook(name, lambda: function(*args))  # type: ignore[no-any-return]

    def _label(self, doc: Document, stages: tuple[Stage, ...], page: HtmlPage | None = None,
               soft_boxes: bool = True) -> Document:
        return run_stages(doc, stages, Context(self.config, self.rules, page, soft_boxes), self.hook)

    def clean(self, raw: str | bytes, *, kind: str = "auto", url: str | None = None,
              reference_date: str | None = None) -> Article:
        """Clean one document (text or HTML, str or bytes) and return its `Article`.

        `reference_date` (ISO 8601; a WARC record's WARC-Date) resolves this document's relative
        times ("5 hours ago") in place of the config's `reference_date`.

        What it returns is valid, printable Unicode (`text.sanitize`): lone surrogates in a `str`
        input are replaced first (counted in `stats["surrogates"]`), control characters leave the
        metadata fields."""
        surrogates = 0
        if isinstance(raw, str):
            raw, surrogates = replace_surrogates(raw)
        return printable_article(self._clean(raw, kind, url, reference_date), surrogates)

    def _clean(self, raw: str | bytes, kind: str, url: str | None, reference_date: str | None) -> Article:
        config = self.config
        text, kind = self._step("decode", to_text, raw, kind, config.max_input_bytes)
        own = {"reference_date": reference_date} if reference_date else {}
        if kind == "html":
            return self._clean_html(text, url, own)
        doc, stats = self._text_document(text, url, own)
        self._label(doc, TEXT_STAGES)
        return self._step("assemble", _assemble, doc, {}, stats, None, config)

    def _text_document(self, text: str, url: str | None, own: dict[str, Any]) -> tuple[Document, dict[str, Any]]:
        """Text mode's document before any label: the first `max_lines` lines, a converter's layout
        undone, normalized, segmented; with the stats that say what was done."""
        text, cut = self._step("cap on lines", first_lines, text, self.config.max_lines)
        text, layout = self._step("converter layout undone", undo_layout, text)
        normalized = self._step("normalize", normalize_text, text)
        stats: dict[str, Any] = {"layout": layout} if layout != "plain" else {}
        if cut:
            stats["capped"] = {"max_lines": self.config.max_lines}
        segments = self._step("segment", segment_text, normalized)
        return Document(normalized, segments, url=url, kind="text", meta=own), stats

    def _parse(self, html: str) -> HtmlPage:
        config = self.config
        return self._step("HTML: parse", parse_html, html, config.max_html_nodes, config.max_html_depth,
                          config.max_lines)

    def _page_document(self, page: HtmlPage, url: str | None, own: dict[str, Any]) -> Document:
        """An HTML page's blocks rendered as the lines of a document (`own`: its reference date)."""
        normalized, segments = self._step("HTML: blocks rendered as lines", render_blocks, page.blocks)
        return Document(normalized, segments, url=url, kind="html", meta=dict(own))

    def read(self, raw: str | bytes, *, kind: str = "auto", url: str | None = None) -> Document:
        """The document before any stage labels it: decoded, normalized and segmented (HTML: the page's
        blocks rendered as lines). `cleaner learn` learns a site's recurring lines from it."""
        text, kind = to_text(raw, kind, self.config.max_input_bytes)
        if kind == "html":
            return self._page_document(self._parse(text), url, {})
        return self._text_document(text, url, {})[0]

    def prepare(self, raw: str | bytes, *, kind: str = "auto", url: str | None = None) -> Document:
        """The document as the article's extent is decided on it: read, and labelled by every stage
        before the extent (`pipeline.before_extent`; HTML: the first pass over the page's blocks). For
        training and inspecting the line and extent models (scripts/train_*_model.py)."""
        text, kind = to_text(raw, kind, self.config.max_input_bytes)
        if kind == "html":
            page = self._parse(text)
            return self._label(self._page_document(page, url, {}), before_extent(HTML_STAGES), page)
        return self._label(self._text_document(text, url, {})[0], before_extent(TEXT_STAGES))

    def _clean_html(self, html: str, url: str | None, own: dict[str, Any]) -> Article:
        """HTML mode: the page's blocks labelled by the HTML stages; when they leave too little body,
        the recovery strategies (`html.recovery`), each labelled by the same stages. `own`: the
        document's own metadata (its reference date), copied into every document read from the page."""
        config = self.config
        page = self._parse(html)
        doc = self._label(self._page_document(page, url, own), HTML_STAGES, page)
        capped = dict(page.capped)
        helpers = True
        if len(html) > config.helpers_max_chars:
            capped["helpers_max_chars"] = config.helpers_max_chars
            helpers = False
        elif page.markup_tags > config.helpers_max_tags:
            capped["helpers_max_tags"] = config.helpers_max_tags
            helpers = False
        recovery = Recovery(
            html, page, url, own, config, self.rules,
            label=lambda d, p, soft_boxes: self._label(d, HTML_STAGES, p, soft_boxes),
            label_lines=lambda d: self._label(d, LINE_STAGES),
            read=lambda p: self._page_document(p, url, own),
            step=self._step, helpers=helpers, stats=dict(page.stats), capped=capped,
        )
        doc = recover(doc, recovery)
        stats = recovery.stats
        stats["html_container"] = doc.meta.get("html_best")
        if page.truncated:
            stats["truncated"] = "max_html_nodes"
            capped["max_html_nodes"] = config.max_html_nodes
        if capped:
            stats["capped"] = capped
        if page.truncated and not kept_chars(doc):
            # The cap stopped the walk before any article text: an empty body would look like a page
            # without an article. Say what was lost instead.
            raise InputTooLargeError(
                f"the page has over {config.max_html_nodes:,} elements before any article text (max_html_nodes); "
                "the rest was not read (raise max_html_nodes)")
        return self._step("assemble", _assemble, doc, page.meta, stats, html if helpers else None, config)


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


#: `stats["sources"]` names for the places text mode finds the publisher (`metadata.publisher.find_publisher`).
_PUBLISHER_FROM = {"title": "title line", "copyright": "copyright line", "url": "url", "source line": "source line"}


def _text_date(doc: Document, reference: str | None) -> tuple[str | None, str | None, str | None]:
    """(date, its most precise form, source) from what the text stages found: the page address, a
    date line near the article, a relative time resolved against the reference date."""
    date = date_from_url(doc.url)
    if date:
        return date, date, "url"
    item = _nearest(doc, doc.meta.get("dates", []))
    if item is not None:
        return item[1], line_datetime(doc.segments[item[0]].text, item[1]), "text"
    item = _nearest(doc, doc.meta.get("relative_dates", []))
    if item is not None:
        stamp = relative_datetime(doc.segments[item[0]].text, reference)
        return item[1], stamp if stamp and stamp[:10] == item[1] else item[1], "relative time"
    return None, None, None


def _assemble(doc: Document, page_meta: dict[str, Any], extra_stats: dict[str, Any], html: str | None = None,
              config: CleanerConfig | None = None) -> Article:
    config = config or CleanerConfig()
    removed = doc.removals()
    text = replay(doc.normalized, removed)
    meta = doc.meta
    captions: list[str] = []
    credits: list[str] = []
    for r in removed:
        bucket = captions if r.label == "caption" else credits if r.label == "credit" else None
        if bucket is not None and r.text not in bucket:
            bucket.append(r.text)
    authors: list[str] = []
    start, end = doc.region or (0, len(doc.segments))
    title_index = meta.get("title_index")
    for i, names in meta.get("bylines", []):
        # Beside the article region, or under the headline (a stray kept line can end the region early).
        if start - 10 <= i < end + 5 or (title_index is not None and title_index <= i <= title_index + 15):
            authors.extend(n for n in names if n not in authors)
    date, stamp, date_source = _text_date(doc, meta.get("reference_date") or config.reference_date)
    sources: dict[str, str] = {}
    publisher = _near_region(doc, meta.get("publishers", []), before=len(doc.segments))
    publisher_source = "source line" if publisher else None
    if doc.kind != "html":
        found = (publisher, "source line") if publisher else find_publisher([s.text for s in doc.segments], doc.url, meta.get("title"))
        if found:
            publisher = found[0]
            publisher_source = _PUBLISHER_FROM.get(found[1], found[1])
            extra_stats = {**extra_stats, "publisher_from": found[1]}
    title = meta.get("title")
    page_claims: dict[str, Any] = {}
    extra = page_meta.get("fields") or {}
    zone = page_zone(page_meta.get("lang"))
    if doc.kind == "html":
        claims = text_claims(doc, date_order(doc.language, config.date_order))
        page_meta = {**page_meta, "url_date": url_date(doc.url)}
        authors = claims.get("headline_authors") or authors or claims.get("authors", [])
        if not date and claims.get("date"):
            date, stamp, date_source = claims["date"], claims["date"], "text"
        chosen = resolve_html_meta(page_meta, {"title": title, "authors": authors, "date": date,
                                               "date_source": date_source, "publisher": publisher,
                                               "publisher_source": publisher_source,
                                               "header_dates": claims.get("header_dates")},
                                   html, doc.url)
        if chosen["date"] != date or chosen["sources"].get("date") not in ("text", "url", "relative time"):
            stamp = chosen["date"]
        title, authors, date, publisher = chosen["title"], chosen["authors"], chosen["date"], chosen["publisher"]
        stamp = html_datetime(page_meta, date, zone) or stamp
        page_claims = chosen
        sources.update(chosen["sources"])
        if chosen["date_source"]:
            extra_stats = {**extra_stats, "date_from": chosen["date_source"]}
    else:
        for key, value, source in (("title", title, "text"), ("authors", authors, "text"), ("date", date, date_source),
                                   ("publisher", publisher, publisher_source)):
            if value and source:
                sources[key] = source
    language = doc.language or (page_meta.get("lang", "")[:2].lower() or None)
    if language:
        sources["language"] = (meta.get("language_from") or "text") if doc.language else "html lang"
    by_rule = Counter(r.rule for r in removed)
    kept = [i for i, v in enumerate(doc.verdicts) if v is None]
    more = _more_fields(doc, removed, by_rule, extra, page_meta, zone, config, sources)
    more["access"], more["truncated"], evidence = assess(doc, text, extra.get("ld_free"), kept)
    if evidence:
        sources["access"] = evidence
    if date and stamp:
        sources["datetime"] = sources.get("date", "text")
    stats = {
        "input_chars": len(doc.normalized),
        "output_chars": len(text),
        "segments": len(doc.segments),
        "kept_segments": len(kept),
        "removed_by_rule": dict(by_rule),
    }
    stats.update(extra_stats)
    if "body_from" in extra_stats:
        sources["body"] = extra_stats["body_from"]
    stats["sources"] = sources
    return Article(
        text=text,
        title=title,
        authors=authors,
        date=date,
        publisher=publisher,
        language=language,
        url=doc.url or page_meta.get("canonical"),
        description=page_claims.get("description"),
        canonical_url=page_claims.get("canonical_url"),
        image=page_claims.get("image"),
        captions=captions,
        image_credits=credits,
        datetime=(stamp or date) if date else None,
        **more,
        removed=removed,
        kind=doc.kind,
        stats=stats,
        normalized_input=doc.normalized,
        structure=HtmlStructure(doc.segments, doc.layout) if doc.layout is not None else None,
    )


def _more_fields(doc: Document, removed: list[Removal], by_rule: Counter[str], extra: dict[str, Any],
                 page_meta: dict[str, Any], zone: str | None, config: CleanerConfig,
                 sources: dict[str, str]) -> dict[str, Any]:
    """date_modified, tags, section, license, links, comments: each from the page's claims first (HTML
    mode), else from the text; their sources go into `sources`."""
    out: dict[str, Any] = {}
    modified, source = html_modified(page_meta, zone)
    if modified is None:
        if "MET001" in by_rule or "MET002" in by_rule:
            modified, _ = text_modified(doc, date_order(doc.language, config.date_order))
        source = "text" if modified else None
    out["date_modified"] = modified
    text_tags, text_sections = text_lists(doc) if not by_rule.keys().isdisjoint(LIST_RULES) else ([], [])
    for field, claims in (("tags", (("ld_tags", "json-ld"), ("meta_tags", "meta"), ("rel_tags", "link"))),
                          ("section", (("ld_section", "json-ld"), ("meta_section", "meta"), ("rel_sections", "link")))):
        value: list[str] = []
        for key, name in claims:
            if extra.get(key):
                value, source_name = extra[key], name
                break
        else:
            value, source_name = (text_tags if field == "tags" else text_sections), "text"
        out[field] = list(value)
        if value:
            sources[field] = source_name
    base = doc.url or page_meta.get("canonical")
    if extra.get("base"):
        base = urljoin(base or "", extra["base"])
    licence = None
    for key, name in (("ld_license", "json-ld"), ("rel_license", "link"), ("meta_license", "meta"), ("cc_link", "link")):
        if extra.get(key):
            claim = extra[key]
            licence = licence_name(urljoin(base, claim) if base and name == "link" else claim)
            sources["license"] = name
            break
    else:
        licence = text_licence(doc, removed) if not by_rule.keys().isdisjoint(("LEG002", "LEG003", "LEG004")) else None
        if licence:
            sources["license"] = "text"
    out["license"] = licence
    if modified and source:
        sources["date_modified"] = source
    out["links"] = body_links(doc, base) if doc.kind == "html" else []
    if may_have_comments(doc, by_rule):
        out["comments"] = comment_text(doc, read_container_paragraphs if doc.kind == "html" else None)
    else:
        out["comments"] = None
    return out


@lru_cache(maxsize=1)
def default_cleaner() -> Cleaner:
    return Cleaner()


def clean(
    raw: str | bytes, *, kind: str = "auto", url: str | None = None, config: CleanerConfig | None = None,
    reference_date: str | None = None,
) -> Article:
    """Clean one document with the default (cached) Cleaner, or with a Cleaner for `config`.

    >>> clean("Read Entire Article", kind="text").text
    ''
    """
    cleaner = default_cleaner() if config is None else Cleaner(config)
    return cleaner.clean(raw, kind=kind, url=url, reference_date=reference_date)
