"""Result types: `Article`, its removal ledger (`Removal`), and `replay`, which rebuilds the body.

The ledger is data, not a log: `replay(article.normalized_input, article.removed)` yields exactly
`article.text`, so any consumer can check, re-apply or visualise what was removed.

The Article's fields are declared once, here: `RECORD_FIELDS` (each field's name and value type, in
record order) is read off the dataclass, and `to_dict`, the CSV columns (`output.records`) and the
Spark, datasets, datatrove and Scrapy adapters' schemas are derived from it. A new field is one
attribute here (plus its type in `FIELD_TYPES` if it is of a new kind) and its chooser.

>>> [name for name, _ in RECORD_FIELDS][:4]
['text', 'title', 'authors', 'date']
>>> dict(RECORD_FIELDS)["confidence"], dict(RECORD_FIELDS)["tags"]
('float', 'strs')
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from .fingerprint import simhash
# The ledger's types live in a leaf module that the stages and the outputs import; they are part of
# this module's public names (`from cleaner.article import Removal, replay`).
from .ledger import Removal, collapse_spaces, replay, replay_lines  # noqa: F401


@dataclass(frozen=True)
class Article:
    """The cleaned article: body text, metadata, and the ledger of what was removed."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    publisher: str | None = None
    language: str | None = None
    url: str | None = None
    description: str | None = None
    #: The page's own address for itself (<link rel=canonical>, og:url, JSON-LD url), absolute.
    canonical_url: str | None = None
    #: The article's main image (og:image, twitter:image, JSON-LD image), absolute.
    image: str | None = None
    captions: list[str] = field(default_factory=list)
    image_credits: list[str] = field(default_factory=list)
    #: The publication date as precisely as the page gives it (ISO 8601): "2025-05-08T14:30:00+02:00",
    #: "2025-05-08T14:30:00" (a time, no zone named) or "2025-05-08"; its first 10 characters are `date`.
    datetime: str | None = None
    #: The last-modified date, as precisely as the page gives it (ISO 8601, like `datetime`).
    date_modified: str | None = None
    #: The page's tags or keywords (JSON-LD keywords, article:tag, <meta name=keywords>, "Tags:" lines).
    tags: list[str] = field(default_factory=list)
    #: The sections or categories the page files the article under (articleSection, article:section, "Posted in").
    section: list[str] = field(default_factory=list)
    #: The content's licence ("CC BY-SA 4.0" for Creative Commons, else as the page names it).
    license: str | None = None
    #: HTML mode: the absolute addresses of the links inside the kept body, in order, each once.
    links: list[str] = field(default_factory=list)
    #: The text of the comment thread removed from the page (paragraphs separated by a blank line).
    comments: str | None = None
    #: "free", "paywalled" or "unknown": isAccessibleForFree, a subscribe-to-continue wall, the body's length.
    access: str = "unknown"
    #: The body is a teaser cut short (at a paywall, or at a link to the full story elsewhere).
    truncated: bool = False
    removed: list[Removal] = field(default_factory=list)
    kind: str = "text"
    stats: dict[str, Any] = field(default_factory=dict)
    #: Written by `to_dict` only when asked for (`include_input`).
    normalized_input: str = field(default="", repr=False, metadata={"record": False})
    #: HTML mode: the blocks of the segments (headings, lists, tables, quotes, code, links, images),
    #: read only by the structured outputs; None for text input. Not part of `to_dict`.
    blocks: Any = field(default=None, repr=False, compare=False, metadata={"record": False})

    @property
    def paragraphs(self) -> list[str]:
        """The body split into its paragraphs."""
        return self.text.split("\n\n") if self.text else []

    @property
    def markdown(self) -> str:
        """The body as Markdown: the same text, with its headings, lists, tables, block quotes and
        code kept (see `cleaner.output.to_markdown` for links and images). Rendered on each access."""
        from .output.markdown import to_markdown

        return to_markdown(self)

    @cached_property
    def fingerprint(self) -> str | None:
        """A 64-bit SimHash of the body as 16 hex digits (None without a body), stable across runs and
        machines: near-duplicate bodies differ in few bits (`cleaner.fingerprint.distance`). Computed
        when first read."""
        return simhash(self.text)

    @cached_property
    def confidence(self) -> float:
        """0-1: how likely the body is the whole article and nothing else (`cleaner.scoring.confidence`: a
        logistic model over how much of the page's prose the body kept, what cut it, its length and
        shape, whether the fallback fired), fitted on the development set's tune half; 0 for an empty
        body. A ranking signal (low values flag the pages most worth a look), not a calibrated
        probability. Computed when first read."""
        from .scoring.confidence import score

        return score(self)

    def to_dict(self, *, include_input: bool = False) -> dict[str, Any]:
        """A JSON-ready dict of every field (the normalized input only when asked for)."""
        out = {name: _RECORD_VALUE[kind](getattr(self, name)) for name, kind in RECORD_FIELDS}
        if include_input:
            out["normalized_input"] = self.normalized_input
        return out


#: The value types of the record's fields, by the annotation that declares them: "str" (a string or
#: null), "strs" (a list of strings), "bool", "float", and the ledger and the stats. Adapters map each
#: to their own types.
FIELD_TYPES: dict[str, str] = {
    "str": "str", "str | None": "str", "list[str]": "strs", "bool": "bool", "float": "float",
    "list[Removal]": "removals", "dict[str, Any]": "stats",
}
#: The fields computed when first read (properties above), in record order after the declared
#: metadata fields.
DERIVED_FIELDS: tuple[tuple[str, str], ...] = (("fingerprint", "str"), ("confidence", "float"))
_DECLARED = [(f.name, FIELD_TYPES[str(f.type)]) for f in dataclasses.fields(Article) if f.metadata.get("record", True)]
_LEDGER_AT = [name for name, _ in _DECLARED].index("removed")
#: (name, value type) of every field of `Article.to_dict`, in order: the declared fields, the derived
#: ones before the ledger.
RECORD_FIELDS: tuple[tuple[str, str], ...] = tuple(_DECLARED[:_LEDGER_AT]) + DERIVED_FIELDS + tuple(_DECLARED[_LEDGER_AT:])
#: The record fields of one value each (no ledger, no stats): what a table's columns can hold.
SCALAR_FIELDS: tuple[tuple[str, str], ...] = tuple((n, k) for n, k in RECORD_FIELDS if k in ("str", "strs", "bool", "float"))
_RECORD_VALUE: dict[str, Callable[[Any], Any]] = {
    "str": lambda v: v, "bool": lambda v: v, "float": lambda v: v, "strs": list,
    "removals": lambda removed: [r.to_dict() for r in removed], "stats": dict,
}
