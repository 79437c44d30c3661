"""`Cleaner`: the one engine. Decode, normalize, segment, label in stages, assemble an `Article`.

The CLI, the batch runner and the integrations are thin adapters around `Cleaner.clean`; none of
them makes a decision of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from .metadata.access import assess
from .article import Article, Removal, replay
from .config import CleanerConfig
from .errors import InputTooLargeError
from .metadata.fields import (LIST_RULES, body_links, comment_text, html_modified, licence_name, may_have_comments,
                              text_licence, text_lists, text_modified)
from .text.decode import to_text
from .text.sanitize import printable_article, replace_surrogates
from .text.document import Document
from .favor import tuning
from .scoring.heuristics import find_region
from .html.parse import HtmlPage, noscript_page, parse_html, render_blocks
from .html.blocks import HtmlStructure
from .html.fields import paragraphs as read_container_paragraphs
from .html.script_body import script_article, use_script_body
from .html.labels import (fallback_html, fix_title, kept_chars, label_html, measure_collapsed_links, restore_html,
                          REST_FACTOR, short_of_body)
from .text.labelling import apply_rules
from .metadata.labelling import label_metadata_lines
from .text.language import LanguageModel
from .text.layout import undo_layout
from .text.normalize import normalize_text
from .metadata.choose import choose_metadata
from .metadata.claims import PageClaims
from .metadata.dates import page_zone
from .metadata.headline import page_headline
from .rules import RuleSet
from .text.scripts import date_order
from .text.segment import first_lines, segment_text
from .text.structure import (
    label_author_bio,
    label_breadcrumb_title,
    label_captions,
    label_comment_thread,
    label_above_title,
    label_duplicates,
    label_sections,
    label_syndicated,
)
from .text.sites import label_site_lines
from .metadata.authors import choose_author
from .metadata.dates import choose_date
from .metadata.titles import choose_title

#: HTML mode detects the language on this much of the text the page structure kept.
_DETECT_CHARS = 5_000
STAGES = ("rules", "metadata", "structure", "heuristics")


@lru_cache(maxsize=1)
def _language_model() -> LanguageModel:
    # Stoplists are read-only data: one copy per process, shared by every Cleaner.
    return LanguageModel()


class Cleaner:
    """Compiled rules for one config; reuse it for many documents. Picklable.

    >>> Cleaner().clean("Advertisement\\n\\nThe mayor opened the new bridge on Monday, and traffic "
    ...                 "began to flow across the river for the first time in two years.").text
    'The mayor opened the new bridge on Monday, and traffic began to flow across the river for the first time in two years.'
    """

    def __init__(self, config: CleanerConfig | None = None) -> None:
        self.config = config or CleanerConfig()
        self.rules = RuleSet(self.config)

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"])  # type: ignore[misc]

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
        text, kind = to_text(raw, kind, config.max_input_bytes)
        own = {"reference_date": reference_date} if reference_date else {}
        if kind == "html":
            return self._clean_html(text, url, own)
        doc, stats = self._text_document(text, url, own)
        return _assemble(self._label(doc, TEXT_MODE), {}, stats, config=config)

    def _text_document(self, text: str, url: str | None, own: dict[str, Any]) -> tuple[Document, dict[str, Any]]:
        """Text mode's document before any label: the first `max_lines` lines, a converter's layout
        undone, normalized, segmented; with the stats that say what was done."""
        text, cut = first_lines(text, self.config.max_lines)
        text, layout = undo_layout(text)
        normalized = normalize_text(text)
        stats: dict[str, Any] = {"layout": layout} if layout != "plain" else {}
        if cut:
            stats["capped"] = {"max_lines": self.config.max_lines}
        return Document(normalized, segment_text(normalized), url=url, kind="text", meta=own), stats

    def prepare(self, raw: str | bytes, *, kind: str = "auto", url: str | None = None) -> tuple[Document, "Mode"]:
        """The document as the article's extent is decided on it: decoded, segmented and labelled by every
        stage before the extent (HTML: the first pass over the page's blocks), with its mode. For
        training and inspecting the extent model (scripts/train_extent_model.py)."""
        text, kind = to_text(raw, kind, self.config.max_input_bytes)
        if kind == "html":
            page = parse_html(text, self.config.max_html_nodes, self.config.max_html_depth, self.config.max_lines)
            normalized, segments = render_blocks(page.blocks)
            mode: Mode = HtmlMode(page, soft_boxes=True)
            doc = Document(normalized, segments, url=url, kind="html", meta={})
        else:
            doc, _ = self._text_document(text, url, {})
            mode = TEXT_MODE
        self._label_front(doc, mode)
        return doc, mode

    def _clean_html(self, html: str, url: str | None, own: dict[str, Any]) -> Article:
        """HTML mode: DOM blocks with their evidence, HTML labels first, then the text-mode stages.
        `own`: the document's own metadata (its reference date), copied into every labelling pass."""
        config = self.config
        page = parse_html(html, config.max_html_nodes, config.max_html_depth, config.max_lines)
        normalized, segments = render_blocks(page.blocks)
        doc = self._label(Document(normalized, segments, url=url, kind="html", meta=dict(own)),
                          HtmlMode(page, soft_boxes=True))
        stats: dict[str, Any] = dict(page.stats)
        capped = dict(page.capped)
        if (config.html_fallback_chars and any(b.soft for b in page.blocks)
                and short_of_body(doc, config.html_fallback_chars)):
            # Boxes that looked like chrome took the body with them: a second pass that trusts them
            # costs far less than the trafilatura fallback, which still follows if this leaves too little.
            retry = self._label(Document(normalized, segments, url=url, kind="html", meta=dict(own)),
                                HtmlMode(page, soft_boxes=False))
            if kept_chars(retry) > kept_chars(doc):
                doc = retry
                stats["retry"] = "soft boxes"
        if config.html_fallback_chars and kept_chars(doc) < config.html_fallback_chars:
            doc = self._noscript_pass(html, url, doc, page.meta, stats, capped)
        stats["html_container"] = doc.meta.get("html_best")
        if page.truncated:
            stats["truncated"] = "max_html_nodes"
            capped["max_html_nodes"] = config.max_html_nodes
        helpers = True
        if len(html) > config.helpers_max_chars:
            capped["helpers_max_chars"] = config.helpers_max_chars
            helpers = False
        elif page.markup_tags > config.helpers_max_tags:
            capped["helpers_max_tags"] = config.helpers_max_tags
            helpers = False
        if len(doc.segments) > config.fallback_max_lines:
            if config.html_fallback_chars and short_of_body(doc, config.html_fallback_chars):
                capped["fallback_max_lines"] = config.fallback_max_lines
        elif helpers and fallback_html(doc, html, self.rules, config.html_fallback_chars):
            stats["fallback"] = "trafilatura"
        if config.html_fallback_chars and "ld_bodies" in page.meta:
            doc = self._script_body_pass(doc, page.meta, stats)
        if capped:
            stats["capped"] = capped
        if page.truncated and not kept_chars(doc):
            # The cap stopped the walk before any article text: an empty body would look like a page
            # without an article. Say what was lost instead.
            raise InputTooLargeError(
                f"the page has over {config.max_html_nodes:,} elements before any article text (max_html_nodes); "
                "the rest was not read (raise max_html_nodes)")
        return _assemble(doc, page.meta, stats, html if helpers else None, config)

    def _noscript_pass(self, html: str, url: str | None, doc: Document, meta: dict[str, Any],
                       stats: dict[str, Any], capped: dict[str, int]) -> Document:
        """Too little body, and <noscript> elements hold much text: read the page as shown without
        JavaScript (the article is sometimes only there). Kept when it leaves more body; far cheaper
        than the trafilatura fallback, which then is not needed."""
        min_chars = self.config.html_fallback_chars
        config = self.config
        page = noscript_page(html, int(REST_FACTOR * min_chars), config.max_html_nodes, config.max_html_depth,
                             config.max_lines)
        if page is None:
            return doc
        page.meta = meta  # the claims of the page as first parsed (the headline among them) stand
        normalized, segments = render_blocks(page.blocks)
        own = {"reference_date": doc.meta["reference_date"]} if "reference_date" in doc.meta else {}
        retry = self._label(Document(normalized, segments, url=url, kind="html", meta=own),
                            HtmlMode(page, soft_boxes=True))
        if kept_chars(retry) <= kept_chars(doc):
            return doc
        stats["retry"] = "noscript"
        capped.update(page.capped)
        return retry

    def _script_body_pass(self, doc: Document, meta: dict[str, Any], stats: dict[str, Any]) -> Document:
        """Too little body, and the page's JSON-LD article (its headline the page's) holds far more:
        that text is the body (`html.script_body`). After the trafilatura fallback: a body found in
        the markup, by either extractor, is not replaced."""
        config = self.config
        kept = kept_chars(doc)
        if kept >= config.html_fallback_chars:
            return doc
        blocks = script_article(meta, kept, config.html_fallback_chars, config.max_html_nodes, config.max_lines)
        if blocks is None:
            return doc
        stats["body_from"] = "json-ld"
        return use_script_body(doc, blocks, self.rules)

    def _label(self, doc: Document, mode: Mode) -> Document:
        """Every labelling stage, in order, in either mode: the mode's own evidence (HTML: its
        containers), the language, the stages the heuristics take as given, the mode's region
        finder, the stages that need the region, and the mode's last word (HTML: its headline)."""
        config = self.config
        self._label_front(doc, mode)
        if "heuristics" not in config.disabled_stages:
            mode.find_region(doc, _language_model().stopwords_for(doc.language), config, self.rules)
        self.label_after_heuristics(doc)
        mode.finish(doc, self)
        return doc

    def _label_front(self, doc: Document, mode: "Mode") -> None:
        """The stages before the article's extent: the mode's evidence, the language, rules,
        metadata lines and structure."""
        mode.evidence(doc, self)
        languages = _language_model()
        if self.config.language:
            doc.language, doc.meta["language_from"] = self.config.language, "config"
        else:
            # (code, "script" | "stopwords") from the first sample that gives one; (None, None) if none does
            found = map(languages.detect_source, mode.language_samples(doc))
            doc.language, doc.meta["language_from"] = next((f for f in found if f[0] is not None), (None, None))
        self.label_before_heuristics(doc)

    def label_before_heuristics(self, doc: Document) -> None:
        """Rules, metadata lines and structure: what the heuristics take as given."""
        config, rules = self.config, self.rules
        off = config.disabled_stages
        if "rules" not in off:
            apply_rules(doc, rules)
            if config.site_boilerplate:
                label_site_lines(doc, config)
        if "metadata" not in off:
            label_metadata_lines(doc, rules, config)
        if "structure" not in off:
            label_captions(doc, rules)
            label_breadcrumb_title(doc, rules)
            label_comment_thread(doc, rules)
            label_sections(doc, rules)
            label_syndicated(doc, rules)
            label_author_bio(doc, rules)

    def label_after_heuristics(self, doc: Document) -> None:
        """The headline and repeated lines, decided once the article region is known."""
        off = self.config.disabled_stages
        if "metadata" not in off:
            choose_title(doc, self.rules)
            choose_author(doc, self.rules)
            choose_date(doc, date_order(doc.language, self.config.date_order))
        if "structure" not in off:
            label_above_title(doc, self.rules)
            label_duplicates(doc, self.rules)


class Mode:
    """What one input kind adds around the shared labelling stages (`Cleaner._label`).

    Text mode is this base: the lines are all the evidence, the language is read from the whole
    text, and the region heuristics see every line. The hooks call the stage functions by their
    module-level names, so that `bench/stage_profile.py` can time them."""

    def evidence(self, doc: Document, cleaner: Cleaner) -> None:
        """Label what the input's own structure says, before any pattern rule."""

    def language_samples(self, doc: Document) -> Iterator[str]:
        """Texts to detect the language on, in order, until one gives an answer."""
        yield doc.normalized

    def find_region(self, doc: Document, stopwords: frozenset[str], config: CleanerConfig, rules: RuleSet) -> None:
        """The region heuristics: which lines the earlier stages left are article text."""
        find_region(doc, stopwords, config, rules)

    def finish(self, doc: Document, cleaner: Cleaner) -> None:
        """The mode's last word, after every shared stage."""


TEXT_MODE = Mode()


class HtmlMode(Mode):
    """HTML mode: the page's containers are labelled first (see `label_html` for `soft_boxes`), the
    language is read from what they kept, the heuristics see only the stretch the markup left
    undecided, and the lines the heuristics dropped inside the article container come back."""

    def __init__(self, page: HtmlPage, soft_boxes: bool) -> None:
        self.page = page
        self.soft_boxes = soft_boxes

    def evidence(self, doc: Document, cleaner: Cleaner) -> None:
        doc.layout = self.page.layout
        doc.meta["hrefs"] = self.page.hrefs
        doc.meta["blocks"] = self.page.blocks
        if "rules" not in cleaner.config.disabled_stages:
            favor = tuning(cleaner.config)
            label_html(doc, self.page, cleaner.rules, self.soft_boxes, favor.alpha, favor.sibling_prose)
        else:
            measure_collapsed_links(doc, self.page)

    def language_samples(self, doc: Document) -> Iterator[str]:
        yield "\n".join(s.text for i, s in enumerate(doc.segments) if doc.verdicts[i] is None)[:_DETECT_CHARS]
        yield doc.normalized

    def find_region(self, doc: Document, stopwords: frozenset[str], config: CleanerConfig, rules: RuleSet) -> None:
        _find_region_within(doc, stopwords, config, rules)

    def finish(self, doc: Document, cleaner: Cleaner) -> None:
        off = cleaner.config.disabled_stages
        if "heuristics" not in off and tuning(cleaner.config).restore:
            restore_html(doc)
        if "metadata" not in off and cleaner.rules.enabled("TTL001"):
            fix_title(doc, page_headline(PageClaims.read(self.page.meta))[0])


#: Lines of context kept on each side of the undecided lines when the region heuristics see only
#: that stretch of an HTML page (their window features look three lines either way; 8 was best of
#: 0, 3, 5, 8 and 20 on the tune half).
_REGION_MARGIN = 8


def undecided_stretch(doc: Document) -> tuple[int, int]:
    """[lo, hi): the lines from the first to the last one no stage has decided, with `_REGION_MARGIN`
    lines of context on each side (the whole document when every line is undecided or none is)."""
    undecided = [i for i, v in enumerate(doc.verdicts) if v is None]
    n = len(doc.segments)
    if not undecided:
        return 0, n
    return max(0, undecided[0] - _REGION_MARGIN), min(n, undecided[-1] + 1 + _REGION_MARGIN)


def stretch_document(doc: Document, lo: int, hi: int) -> Document:
    """The lines [lo, hi) of an HTML page as a document of their own (verdicts and spans shared with the
    page's lists by copy), with what the extent reads of the page: its markers and container flags."""
    container = doc.meta.get("html_container")
    return Document(doc.normalized, doc.segments[lo:hi], url=doc.url, kind=doc.kind, language=doc.language,
                    verdicts=doc.verdicts[lo:hi], spans=doc.spans[lo:hi],
                    markers=[(i - lo, rule) for i, rule in doc.markers if lo <= i < hi],
                    meta={"html_container": container[lo:hi]} if container is not None else {})


def _find_region_within(doc: Document, stopwords: frozenset[str], config: CleanerConfig, rules: RuleSet) -> None:
    """The region heuristics on the stretch of an HTML page that its markup left undecided.

    Menus, footers and everything outside the article container are labelled before the heuristics
    run; scoring them again only to find they are labelled costs most of the heuristics' time. The
    heuristics see the lines from the first to the last undecided one (with a few lines of context),
    and their verdicts and region are copied back."""
    lo, hi = undecided_stretch(doc)
    n = len(doc.segments)
    if lo == 0 and hi == n:
        find_region(doc, stopwords, config, rules)
        return
    part = stretch_document(doc, lo, hi)
    find_region(part, stopwords, config, rules)
    doc.verdicts[lo:hi] = part.verdicts
    if part.region is not None:
        doc.region = (part.region[0] + lo, part.region[1] + lo)


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
    chosen = choose_metadata(doc, page_meta, html, config)
    extra_stats = {**extra_stats, **chosen.stats}
    sources = dict(chosen.sources)
    extra = page_meta.get("fields") or {}
    zone = page_zone(page_meta.get("lang"))
    language = doc.language or (page_meta.get("lang", "")[:2].lower() or None)
    if language:
        sources["language"] = (meta.get("language_from") or "text") if doc.language else "html lang"
    by_rule = Counter(r.rule for r in removed)
    kept = [i for i, v in enumerate(doc.verdicts) if v is None]
    more = _more_fields(doc, removed, by_rule, extra, page_meta, zone, config, sources)
    more["access"], more["truncated"], evidence = assess(doc, text, extra.get("ld_free"), kept)
    if evidence:
        sources["access"] = evidence
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
