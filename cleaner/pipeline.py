"""The labelling pipeline as data: each mode's stages in one tuple, run by one loop.

A `Stage` is a name, the group that `CleanerConfig.disabled_stages` switches off, the rule ids its
verdicts cite, and the function that runs it. `TEXT_STAGES` and `HTML_STAGES` are the whole order:
the engine (`Cleaner`), `Cleaner.prepare` (training the line and extent models on the stages before
the extent), `bench/stage_profile.py` (through the `hook` of `run_stages`) and the documentation read
it from here, so that adding a stage is one entry in one tuple.

HTML mode differs from text mode only in its first stage (the page's containers, `html.labels`),
where it reads the language (from what the markup kept), the extent (on the stretch the markup left
undecided, `html.extent`) and its two last stages (the container's lines given back, the markup's
headline).

>>> [stage.name for stage in TEXT_STAGES][:4]
['language', 'pattern rules', 'site lines', 'metadata lines']
>>> [stage.name for stage in HTML_STAGES if stage not in TEXT_STAGES]
['markup', 'language', 'extent', 'container restored', 'markup headline']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterator

from .config import CleanerConfig
from .errors import ConfigError
from .favor import tuning
from .html.blocks import HtmlPage
from .html.extent import find_region_within
from .html.labels import CONTEXT_RULES, fix_title, label_html, measure_collapsed_links, restore_html
from .metadata.labelling import label_metadata_lines
from .metadata.locale import claimed_date_order, page_date_order
from .metadata.authors import choose_author
from .metadata.claims import PageClaims
from .metadata.dates import choose_date
from .metadata.headline import page_headline
from .metadata.titles import choose_title
from .rules import REGISTRY, RuleSet
from .rules.pipeline_rules import EXTENT_RULES
from .scoring.line_model import find_region
from .text.document import Document
from .text.labelling import apply_rules
from .text.language import LanguageModel
from .text.sites import label_site_lines
from .text.structure import (label_above_title, label_author_bio, label_breadcrumb_title, label_captions,
                             label_comment_thread, label_duplicates, label_sections, label_syndicated)

#: The groups of stages `CleanerConfig.disabled_stages` may name. A stage of no group ("evidence",
#: "language") always runs.
STAGE_GROUPS = ("rules", "metadata", "structure", "heuristics")
#: HTML mode reads the language on this much of the text its containers kept.
_DETECT_CHARS = 5_000


@lru_cache(maxsize=1)
def language_model() -> LanguageModel:
    """The stoplists and script tables: read-only data, one copy per process, shared by every Cleaner."""
    return LanguageModel()


@dataclass
class Context:
    """What the stages read besides the document: the config, its compiled rules, and in HTML mode the
    parsed page (`soft_boxes`: whether boxes that only look like chrome are removed, see `label_html`)."""

    config: CleanerConfig
    rules: RuleSet
    page: HtmlPage | None = None
    soft_boxes: bool = True

    def stopwords(self, doc: Document) -> frozenset[str]:
        return language_model().stopwords_for(doc.language)


@dataclass(frozen=True)
class Stage:
    """One labelling step: `run(doc, context)` gives segments verdicts citing `rules` (documentation and
    tests: every code rule is cited by a stage). `group` is what `disabled_stages` names to skip it."""

    name: str
    group: str | None
    run: Callable[[Document, Context], None] = field(repr=False)
    rules: tuple[str, ...] = ()


#: `run_stages`' profiling hook: called as `hook(stage name, thunk)`, it must call `thunk()` once and
#: return its result (`bench/stage_profile.py` times it).
Hook = Callable[[str, Callable[[], Any]], Any]


def run_stages(doc: Document, stages: tuple[Stage, ...], context: Context, hook: Hook | None = None) -> Document:
    """Run `stages` in order on `doc`, skipping the groups the config switches off; the rules it
    switches off give no verdict (`Document.label` checks)."""
    off = context.config.disabled_stages
    doc.enabled = context.rules.enabled_ids if context.config.disabled_rules else None
    for stage in stages:
        if stage.group in off:
            continue
        if hook is None:
            stage.run(doc, context)
        else:
            hook(stage.name, lambda stage=stage: stage.run(doc, context))
    return doc


def before_extent(stages: tuple[Stage, ...]) -> tuple[Stage, ...]:
    """The stages whose verdicts the extent model takes as evidence (what `Cleaner.prepare` runs)."""
    names = [stage.name for stage in stages]
    return stages[: names.index("extent")]


def check_stages(config: CleanerConfig) -> None:
    """`ConfigError` for a name in `disabled_stages` that is not a stage group."""
    unknown = sorted(set(config.disabled_stages) - set(STAGE_GROUPS))
    if unknown:
        raise ConfigError(f"unknown stage(s) in disabled_stages: {', '.join(unknown)} "
                          f"(the stages are {', '.join(STAGE_GROUPS)})")


# -- the stage functions -------------------------------------------------------------------------
def _text_language(doc: Document, context: Context) -> None:
    _detect_language(doc, context, iter((doc.normalized,)))


def _html_language(doc: Document, context: Context) -> None:
    """Read from what the markup kept first (menus in another language mislead), else the whole page."""
    def samples() -> Iterator[str]:
        yield "\n".join(s.text for i, s in enumerate(doc.segments) if doc.verdicts[i] is None)[:_DETECT_CHARS]
        yield doc.normalized
    _detect_language(doc, context, samples())


def _detect_language(doc: Document, context: Context, samples: Iterator[str]) -> None:
    if context.config.language:
        doc.language, doc.evidence.language_from = context.config.language, "config"
        return
    # (code, "script" | "stopwords") from the first sample that gives one; (None, None) if none does
    found = map(language_model().detect_source, samples)
    doc.language, doc.evidence.language_from = next((f for f in found if f[0] is not None), (None, None))


def _markup(doc: Document, context: Context) -> None:
    """The page's containers (HTML labels), or with the rules off only the link measures they need."""
    page = context.page
    assert page is not None
    doc.layout = page.layout
    doc.date_order = claimed_date_order(page.meta)
    doc.hrefs = page.hrefs
    doc.blocks = page.blocks
    if "rules" not in context.config.disabled_stages:
        favor = tuning(context.config)
        label_html(doc, page, context.rules, context.soft_boxes, favor.alpha, favor.sibling_prose)
    else:
        measure_collapsed_links(doc, page)


def _pattern_rules(doc: Document, context: Context) -> None:
    apply_rules(doc, context.rules)


def _site_lines(doc: Document, context: Context) -> None:
    if context.config.site_boilerplate:
        label_site_lines(doc, context.config)


def _metadata_lines(doc: Document, context: Context) -> None:
    label_metadata_lines(doc, context.rules, context.config)


def _extent(doc: Document, context: Context) -> None:
    find_region(doc, context.stopwords(doc), context.config, context.rules)


def _html_extent(doc: Document, context: Context) -> None:
    find_region_within(doc, context.stopwords(doc), context.config, context.rules)


def _date(doc: Document, context: Context) -> None:
    choose_date(doc, page_date_order(doc, context.config.date_order))


def _restore(doc: Document, context: Context) -> None:
    if tuning(context.config).restore:
        restore_html(doc)


def _markup_headline(doc: Document, context: Context) -> None:
    assert context.page is not None
    if context.rules.enabled("TTL001"):
        fix_title(doc, page_headline(PageClaims.read(context.page.meta))[0])


def _with_rules(function: Callable[[Document, RuleSet], None]) -> Callable[[Document, Context], None]:
    def run(doc: Document, context: Context) -> None:
        function(doc, context.rules)
    run.__name__ = function.__name__
    return run


#: The pattern rules of the registry (the code rules are cited by the stages that decide them).
_PATTERN_RULES = tuple(rule.id for rule in REGISTRY if rule.pattern is not None and rule.id != "SIT001")

_SHARED_BEFORE = (
    Stage("pattern rules", "rules", _pattern_rules, _PATTERN_RULES),
    Stage("site lines", "rules", _site_lines, ("SIT001",)),
    Stage("metadata lines", "metadata", _metadata_lines, ("MET001", "MET002", "MET003", "MET004", "MET006")),
    Stage("captions", "structure", _with_rules(label_captions), ("CAP002",)),
    Stage("breadcrumbs", "structure", _with_rules(label_breadcrumb_title), ("BRD001",)),
    Stage("comment threads", "structure", _with_rules(label_comment_thread), ("COM002", "COM003")),
    Stage("sections", "structure", _with_rules(label_sections), ("REL002", "REL003")),
    Stage("syndicated stories", "structure", _with_rules(label_syndicated), ("SYN001",)),
    Stage("author boxes", "structure", _with_rules(label_author_bio), ("MET005",)),
)
_SHARED_AFTER = (
    Stage("headline", "metadata", _with_rules(choose_title), ("TTL001",)),
    Stage("author", "metadata", _with_rules(choose_author), ("MET001",)),
    Stage("date", "metadata", _date),
    Stage("above the headline", "structure", _with_rules(label_above_title), ("HEU003", "TTL001", "TTL002")),
    Stage("duplicates", "structure", _with_rules(label_duplicates), ("DUP001", "DUP002")),
)

#: Text mode: the lines are all the evidence.
TEXT_STAGES: tuple[Stage, ...] = (
    Stage("language", None, _text_language),
    *_SHARED_BEFORE,
    Stage("extent", "heuristics", _extent, EXTENT_RULES + ("HEU002",)),
    *_SHARED_AFTER,
)

#: Lines without markup inside an HTML page's document (the JSON-LD body, `html.recovery`): the stages
#: before the extent but the language (the page's stands). The page's own article item is the article:
#: its extent is the whole of it, and its headline is the page's.
LINE_STAGES: tuple[Stage, ...] = tuple(stage for stage in _SHARED_BEFORE)

#: HTML mode: the page's containers first; the extent on what they left undecided; the lines the
#: extent dropped inside the article container given back; the markup's headline last.
HTML_STAGES: tuple[Stage, ...] = (
    Stage("markup", None, _markup, tuple(sorted({rule for _, rule in CONTEXT_RULES}
                                                | {"HTM010", "HTM012", "HTM013", "HTM017"}))),
    Stage("language", None, _html_language),
    *_SHARED_BEFORE,
    Stage("extent", "heuristics", _html_extent, EXTENT_RULES + ("HEU002",)),
    *_SHARED_AFTER,
    Stage("container restored", "heuristics", _restore),
    Stage("markup headline", "metadata", _markup_headline, ("TTL001",)),
)
