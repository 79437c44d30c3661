"""`Stats`: what the engine did to one input, typed while it is gathered; `to_dict` is `Article.stats`.

`Article.stats` stays a plain dict (public output: JSON, CSV, Spark's struct column); this is how it
is built (`text.sanitize` appends `surrogates` to it afterwards). The engine, the HTML recovery strategies and the assembly each set the fields they know
about, instead of writing string keys into a dict that another module reads back. A leaf module: the
HTML package fills it without importing the result type.

The dict holds only what happened (a field left at None is not written), in one fixed order:

>>> Stats(input_chars=10, output_chars=4, segments=3, kept_segments=1, removed_by_rule={"ADV001": 2},
...       layout="markdown").to_dict()
{'input_chars': 10, 'output_chars': 4, 'segments': 3, 'kept_segments': 1, 'removed_by_rule': {'ADV001': 2}, 'layout': 'markdown', 'sources': {}}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Stats:
    input_chars: int = 0
    output_chars: int = 0
    segments: int = 0
    kept_segments: int = 0
    #: Rule id -> how many removals cite it.
    removed_by_rule: dict[str, int] = field(default_factory=dict)
    #: Text mode: the converter's layout that was undone ("markdown", ...; not written for plain text).
    layout: str | None = None
    #: HTML mode: elements walked, blocks read, blocks collapsed into one line (`html.blocks`).
    html_elements: int | None = None
    html_blocks: int | None = None
    html_collapsed: int | None = None
    #: HTML recovery: the second labelling pass that found more ("soft boxes", "noscript"), the
    #: trafilatura fallback ("trafilatura"), the body from the page's structured data ("json-ld").
    retry: str | None = None
    fallback: str | None = None
    body_from: str | None = None
    #: HTML mode: the article container's element id; written (null when none was chosen) on every page.
    html_container: int | None = None
    #: "max_html_nodes" when that cap stopped the walk over the page.
    truncated: str | None = None
    #: The caps that cut the input short: config field -> its value (not written when none did).
    capped: dict[str, int] = field(default_factory=dict)
    #: The metadata chooser's notes: where the date came from when htmldate found it, where the
    #: publisher's name came from, the fields that could not be read ("date": "ValueError: ...").
    date_from: str | None = None
    publisher_from: str | None = None
    metadata_errors: dict[str, str] | None = None
    #: Any other note the chooser leaves (a key it writes that has no field here yet), kept in its order.
    other_notes: dict[str, Any] = field(default_factory=dict)
    #: Metadata field -> where its value came from (`metadata.choose`'s precedence tables).
    sources: dict[str, str] = field(default_factory=dict)
    #: Whether the input was read as HTML (then `html_container` is written even when null).
    html: bool = field(default=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """`Article.stats`: the fields that say something, in declaration order (written out rather
        than walked with `dataclasses.fields`: this runs once an article; `tests/test_stats.py`
        checks that every field is written)."""
        out: dict[str, Any] = {
            "input_chars": self.input_chars, "output_chars": self.output_chars, "segments": self.segments,
            "kept_segments": self.kept_segments, "removed_by_rule": self.removed_by_rule,
        }
        for name, value in (("layout", self.layout), ("html_elements", self.html_elements),
                            ("html_blocks", self.html_blocks), ("html_collapsed", self.html_collapsed),
                            ("retry", self.retry), ("fallback", self.fallback), ("body_from", self.body_from)):
            if value is not None:
                out[name] = value
        if self.html:
            out["html_container"] = self.html_container
        if self.truncated is not None:
            out["truncated"] = self.truncated
        if self.capped:
            out["capped"] = self.capped
        for name, value in (("date_from", self.date_from), ("publisher_from", self.publisher_from),
                            ("metadata_errors", self.metadata_errors)):
            if value is not None:
                out[name] = value
        out.update(self.other_notes)
        out["sources"] = self.sources
        return out

    def add_chooser_notes(self, notes: dict[str, Any]) -> None:
        """The metadata chooser's `stats` entries (`metadata.choose.Metadata.stats`): its typed fields,
        and any other key as it is (`tests/test_code_layout.py` checks that the chooser writes none)."""
        for key, value in notes.items():
            if key in CHOOSER_NOTES:
                setattr(self, key, value)
            else:
                self.other_notes[key] = value


#: The chooser's notes that are fields here.
CHOOSER_NOTES = frozenset({"date_from", "publisher_from", "metadata_errors"})
