"""`CleanerConfig`: one frozen configuration object, from defaults, keyword overrides and TOML.

No module-level mutable state: everything a run depends on lives here, so the same input and
config give the same output on any worker.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError


#: The HTML recovery strategies' own triggers, in the order they are tried (`html.recovery.STRATEGIES`).
RECOVERY_TRIGGERS = ("soft_boxes_chars", "noscript_chars", "trafilatura_chars", "json_ld_body_chars")

#: Fields a config once had, and why each is gone. Passing one is a ConfigError that says so (not the
#: plain "unknown field"): a setting that silently does nothing misleads whoever relies on it.
REMOVED_FIELDS: dict[str, str] = {
    "max_rule_line_chars": "removed: it was never read (the line rules skip lines over 700 characters, "
                           "rules._MAX_LINE_RULE_CHARS, whatever it said); drop it from the config",
}


@dataclass(frozen=True)
class CleanerConfig:
    """Settings for a `Cleaner`. Build with `CleanerConfig(...)`, `.replace(...)` or `.from_toml(path)`."""

    #: Reference date (ISO 8601) against which relative times ("5 hours ago") are resolved;
    #: None leaves relative times unresolved.
    reference_date: str | None = None
    #: Order of day and month in all-numeric dates such as 08-05-2025: "DMY" or "MDY"; "auto" (the
    #: default): the page's locale says (`<html lang="en-US">`, og:locale, JSON-LD inLanguage, or an
    #: English page printing "January 9, 2017"), else "DMY".
    date_order: str = "auto"
    #: Force the language (ISO 639-1) instead of detecting it.
    language: str | None = None
    #: Rule ids or family prefixes (e.g. "CRD" or "CRD001") to switch off.
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    #: Whole pipeline stages to switch off: "rules", "structure", "heuristics", "metadata".
    disabled_stages: frozenset[str] = field(default_factory=frozenset)
    #: Inputs larger than this many bytes (or characters) are refused with InputTooLargeError.
    max_input_bytes: int = 16 * 1024 * 1024
    #: Heuristics: a line with at least this many characters and enough stopwords is "good" prose.
    length_good: int = 70
    #: Heuristics: a line shorter than this is "short" and takes its class from its neighbours.
    length_short: int = 30
    #: Heuristics: stopword density at or above which a long line counts as prose.
    stopwords_high: float = 0.30
    #: Heuristics: stopword density below which a line counts as boilerplate.
    stopwords_low: float = 0.18
    #: The article's extent (scoring/extent.py): added to every line's score in the body state. Positive
    #: values keep more doubtful lines at the article's edges, negative ones fewer; 20 keeps every line
    #: no rule removed, -20 keeps no line.
    body_bias: float = 0.0
    #: "precision", "recall" or "balanced": moves the extent's body score and the HTML container's
    #: thresholds (relative to the fields above; `cleaner.favor` holds the presets).
    favor: str = "balanced"
    #: HTML: stop collecting blocks after this many elements (huge pages; the markup is read up to
    #: twice as many tags). The development set's largest page has 9,789.
    max_html_nodes: int = 100_000
    #: HTML: elements nested deeper than this are taken out of the markup before it is parsed (their
    #: text stays): the parser's cost grows with the square of the depth. The development set's
    #: deepest page nests 42 elements; Chromium's parser stops at 512.
    max_html_depth: int = 128
    #: At most this many lines are labelled: text mode reads this many lines of the input, HTML mode
    #: this many blocks (the development set's longest page has 6,498). What follows is cut off.
    max_lines: int = 50_000
    #: HTML: the trafilatura fallback is not asked on pages of more lines than this (its cost grows
    #: faster than the page: some 7 s at 100,000 short paragraphs).
    fallback_max_lines: int = 10_000
    #: HTML: neither the trafilatura fallback nor htmldate is asked on pages longer than this many
    #: characters (each parses the page again, with lxml; the development set's largest is 1.6 MB).
    helpers_max_chars: int = 2_000_000
    #: HTML: nor on pages of more tags than this (their cost grows with the elements: trafilatura
    #: took 2.9 s on a paragraph of 62,500 links; the development set's most is 19,617).
    helpers_max_tags: int = 40_000
    #: HTML: when the page's structure leaves less body than this many characters (of a longer page),
    #: trafilatura.extract chooses which segments stay (about 8% of the development set's pages at 700;
    #: 0 switches the fallback off).
    html_fallback_chars: int = 700
    #: HTML recovery, each strategy's own trigger (`html/recovery.py`): the body, in characters, below
    #: which it is tried (0 switches that one off; None: `html_fallback_chars`). The relabelling that
    #: trusts soft boxes and the noscript re-read are cheap and may fire at a longer body than
    #: trafilatura (about 30 ms a call); the JSON-LD body replaces the markup's only when that holds
    #: less than this and the structured data at least twice as much.
    soft_boxes_chars: int | None = None
    noscript_chars: int | None = None
    trafilatura_chars: int | None = None
    json_ld_body_chars: int | None = None
    #: Batch runs: a document still being cleaned after this many seconds gets a "timeout" error
    #: record and the worker moves on (enforced by `cleaner.batch.pool`, not by `Cleaner.clean`).
    max_seconds: float = 30.0
    #: Learned site boilerplate: site (host without "www.") -> hashes of its recurring lines
    #: (`cleaner.text.sites.line_key`). Filled from a rules file by `cleaner clean --site-rules`.
    site_boilerplate: dict[str, frozenset[int]] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.date_order not in ("auto", "DMY", "MDY"):
            raise ConfigError(f"date_order must be 'auto', 'DMY' or 'MDY', not {self.date_order!r}")
        if self.favor not in ("balanced", "precision", "recall"):
            raise ConfigError(f"favor must be 'balanced', 'precision' or 'recall', not {self.favor!r}")
        if self.max_input_bytes <= 0:
            raise ConfigError("max_input_bytes must be positive")
        if self.max_seconds <= 0:
            raise ConfigError("max_seconds must be positive")
        for name in ("max_html_nodes", "max_html_depth", "max_lines"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive")
        for name in ("html_fallback_chars",) + RECOVERY_TRIGGERS:
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise ConfigError(f"{name} must be a whole number of characters, 0 or more (not {value!r})")
        for name in ("disabled_rules", "disabled_stages"):
            value = getattr(self, name)
            if not isinstance(value, frozenset):
                object.__setattr__(self, name, frozenset(value))

    def replace(self, **overrides: Any) -> "CleanerConfig":
        """A copy with some fields changed (unknown names raise ConfigError)."""
        known = {f.name for f in dataclasses.fields(self)}
        unknown = set(overrides) - known
        removed = sorted(unknown & REMOVED_FIELDS.keys())
        if removed:
            raise ConfigError("; ".join(f"{name}: {REMOVED_FIELDS[name]}" for name in removed))
        if unknown:
            raise ConfigError(f"unknown config field(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **overrides)

    @classmethod
    def from_toml(cls, path: str | Path, **overrides: Any) -> "CleanerConfig":
        """Read a TOML file (top-level keys, or a [cleaner] table) and apply keyword overrides."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from exc
        data = data.get("cleaner", data)
        return cls().replace(**{**data, **overrides})

    def recovery_chars(self, trigger: str) -> int:
        """The body length below which one HTML recovery strategy is tried (`RECOVERY_TRIGGERS`)."""
        value = getattr(self, trigger)
        return self.html_fallback_chars if value is None else value

    def rule_enabled(self, rule_id: str) -> bool:
        """False when the rule or its family prefix is in `disabled_rules`."""
        return rule_id not in self.disabled_rules and rule_id[:3] not in self.disabled_rules
