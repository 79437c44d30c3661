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
from .article import Article
from .ledger import Removal, replay
from .stats import Stats
from .config import CleanerConfig
from .errors import InputTooLargeError
from .metadata.fields import (LIST_RULES, body_links, comment_text, html_modified, licence_name, may_have_comments,
                              text_licence, text_lists, text_modified)
from .pipeline import HTML_STAGES, LINE_STAGES, TEXT_STAGES, Context, Hook, Stage, before_extent, check_stages, run_stages
from .text.decode import to_text
from .text.sanitize import printable_article, replace_surrogates
from .text.document import Document
from .html.parse import HtmlPage, parse_html, render_blocks
from .html.blocks import HtmlBlocks
from .html.fields import paragraphs as read_container_paragraphs
from .html.recovery import Recovery, recover
from .html.labels import kept_chars
from .text.converters import undo_layout
from .text.normalize import normalize_text
from .metadata.choose import choose_metadata
from .metadata.dates import page_zone
from .rules import RuleSet
from .metadata.locale import page_date_order
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
        if kind == "html":
            return self._clean_html(text, url, reference_date)
        doc, stats = self._text_document(text, url, reference_date)
        self._label(doc, TEXT_STAGES)
        return self._step("assemble", _assemble, doc, {}, stats, None, config)

    def _text_document(self, text: str, url: str | None, reference_date: str | None = None
                       ) -> tuple[Document, Stats]:
        """Text mode's document before any label: the first `max_lines` lines, a converter's layout
        undone, normalized, segmented; with the stats that say what was done."""
        text, cut = self._step("cap on lines", first_lines, text, self.config.max_lines)
        text, layout = self._step("converter layout undone", undo_layout, text)
        normalized = self._step("normalize", normalize_text, text)
        stats = Stats(layout=layout if layout != "plain" else None)
        if cut:
            stats.capped["max_lines"] = self.config.max_lines
        segments = self._step("segment", segment_text, normalized)
        return Document(normalized, segments, url=url, kind="text", reference_date=reference_date), stats

    def _parse(self, html: str) -> HtmlPage:
        config = self.config
        return self._step("HTML: parse", parse_html, html, config.max_html_nodes, config.max_html_depth,
                          config.max_lines)

    def _page_document(self, page: HtmlPage, url: str | None, reference_date: str | None = None) -> Document:
        """An HTML page's blocks rendered as the lines of a document."""
        normalized, segments = self._step("HTML: blocks rendered as lines", render_blocks, page.blocks)
        return Document(normalized, segments, url=url, kind="html", reference_date=reference_date)

    def read(self, raw: str | bytes, *, kind: str = "auto", url: str | None = None) -> Document:
        """The document before any stage labels it: decoded, normalized and segmented (HTML: the page's
        blocks rendered as lines). `cleaner learn` learns a site's recurring lines from it."""
        text, kind = to_text(raw, kind, self.config.max_input_bytes)
        if kind == "html":
            return self._page_document(self._parse(text), url)
        return self._text_document(text, url)[0]

    def prepare(self, raw: str | bytes, *, kind: str = "auto", url: str | None = None) -> Document:
        """The document as the article's extent is decided on it: read, and labelled by every stage
        before the extent (`pipeline.before_extent`; HTML: the first pass over the page's blocks). For
        training and inspecting the line and extent models (scripts/train_*_model.py)."""
        text, kind = to_text(raw, kind, self.config.max_input_bytes)
        if kind == "html":
            page = self._parse(text)
            return self._label(self._page_document(page, url), before_extent(HTML_STAGES), page)
        return self._label(self._text_document(text, url)[0], before_extent(TEXT_STAGES))

    def _clean_html(self, html: str, url: str | None, reference_date: str | None) -> Article:
        """HTML mode: the page's blocks labelled by the HTML stages; when they leave too little body,
        the recovery strategies (`html.recovery`), each labelled by the same stages. `reference_date`:
        the document's own, given to every document read from the page."""
        config = self.config
        page = self._parse(html)
        doc = self._label(self._page_document(page, url, reference_date), HTML_STAGES, page)
        capped = dict(page.capped)
        helpers = True
        if len(html) > config.helpers_max_chars:
            capped["helpers_max_chars"] = config.helpers_max_chars
            helpers = False
        elif page.markup_tags > config.helpers_max_tags:
            capped["helpers_max_tags"] = config.helpers_max_tags
            helpers = False
        recovery = Recovery(
            html, page, url, reference_date, config, self.rules,
            label=lambda d, p, soft_boxes: self._label(d, HTML_STAGES, p, soft_boxes),
            label_lines=lambda d: self._label(d, LINE_STAGES),
            read=lambda p: self._page_document(p, url, reference_date),
            step=self._step, helpers=helpers, stats=Stats(html=True, capped=capped, **page.stats),
        )
        doc = recover(doc, recovery)
        stats = recovery.stats
        stats.html_container = doc.evidence.container
        if page.truncated:
            stats.truncated = "max_html_nodes"
            capped["max_html_nodes"] = config.max_html_nodes
        if page.truncated and not kept_chars(doc):
            # The cap stopped the walk before any article text: an empty body would look like a page
            # without an article. Say what was lost instead.
            raise InputTooLargeError(
                f"the page has over {config.max_html_nodes:,} elements before any article text (max_html_nodes); "
                "the rest was not read (raise max_html_nodes)")
        return self._step("assemble", _assemble, doc, page.meta, stats, html if helpers else None, config)


def _assemble(doc: Document, page_meta: dict[str, Any], stats: Stats, html: str | None = None,
              config: CleanerConfig | None = None) -> Article:
    config = config or CleanerConfig()
    removed = doc.removals()
    text = replay(doc.normalized, removed)
    captions: list[str] = []
    credits: list[str] = []
    for r in removed:
        bucket = captions if r.label == "caption" else credits if r.label == "credit" else None
        if bucket is not None and r.text not in bucket:
            bucket.append(r.text)
    chosen = choose_metadata(doc, page_meta, html, config)
    stats.add_chooser_notes(chosen.stats)
    sources = dict(chosen.sources)
    extra = page_meta.get("fields") or {}
    zone = page_zone(page_meta.get("lang"))
    language = doc.language or (page_meta.get("lang", "")[:2].lower() or None)
    if language:
        sources["language"] = (doc.evidence.language_from or "text") if doc.language else "html lang"
    by_rule = Counter(r.rule for r in removed)
    kept = [i for i, v in enumerate(doc.verdicts) if v is None]
    more = _more_fields(doc, removed, by_rule, extra, page_meta, zone, config, sources)
    more["access"], more["truncated"], evidence = assess(doc, text, extra.get("ld_free"), kept)
    if evidence:
        sources["access"] = evidence
    stats.input_chars, stats.output_chars = len(doc.normalized), len(text)
    stats.segments, stats.kept_segments = len(doc.segments), len(kept)
    stats.removed_by_rule = dict(by_rule)
    if stats.body_from is not None:
        sources["body"] = stats.body_from
    stats.sources = sources
    return Article(
        text=text,
        title=chosen.title,
        authors=chosen.authors,
        date=chosen.date,
        publisher=chosen.publisher,
        language=language,
        url=doc.url or page_meta.get("canonical"),
        description=chosen.description,
        canonical_url=chosen.canonical_url,
        image=chosen.image,
        captions=captions,
        image_credits=credits,
        datetime=(chosen.datetime or chosen.date) if chosen.date else None,
        **more,
        removed=removed,
        kind=doc.kind,
        stats=stats.to_dict(),
        normalized_input=doc.normalized,
        blocks=HtmlBlocks(doc.segments, doc.layout) if doc.layout is not None else None,
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
            modified, _ = text_modified(doc, page_date_order(doc, config.date_order))
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
