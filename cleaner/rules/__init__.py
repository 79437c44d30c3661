"""The rule registry: every rule `cleaner` can apply, in run order, with a stable id.

`REGISTRY` is the single table that the CLI (`cleaner rules`), the README's rule table, the ledger
and the counters cite. `RuleSet` compiles the enabled rules of one config into a few alternations.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..config import CleanerConfig
from . import credits, phrases, pipeline_rules, sections, site, timestamps
from .base import SCOPES, Rule

REGISTRY: tuple[Rule, ...] = tuple(
    phrases.RULES + credits.RULES + timestamps.RULES + sections.RULES + pipeline_rules.RULES + site.RULES
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in REGISTRY}
assert len(RULES_BY_ID) == len(REGISTRY), "duplicate rule id"

__all__ = ["REGISTRY", "RULES_BY_ID", "Rule", "RuleSet", "SpanHit", "SCOPES"]

#: Lines longer than this never match a whole-line rule (the longest patterns allow ~700 chars).
_MAX_LINE_RULE_CHARS = 700


@dataclass(frozen=True, slots=True)
class SpanHit:
    """A span rule's match inside one line: offsets relative to the line's text."""

    rule: Rule
    start: int
    end: int


def _alternation(rules: list[Rule], flags: int) -> regex.Pattern[str] | None:
    if not rules:
        return None
    source = "|".join(f"(?P<{rule.id}>{rule.pattern})" for rule in rules)
    return regex.compile(f"(?:{source})", flags)


class RuleSet:
    """The enabled pattern rules of one config, compiled once. Picklable (patterns recompile)."""

    def __init__(self, config: CleanerConfig) -> None:
        enabled = [r for r in REGISTRY if config.rule_enabled(r.id)]
        self.enabled_ids = frozenset(r.id for r in enabled)
        whole = [r for r in enabled if r.scope in ("line", "section", "end")]
        self._whole_ci = _alternation([r for r in whole if not r.case_sensitive], regex.IGNORECASE)
        self._whole_cs = _alternation([r for r in whole if r.case_sensitive], 0)
        self._spans = [
            (rule, regex.compile(rule.pattern, 0 if rule.case_sensitive else regex.IGNORECASE))
            for rule in enabled
            if rule.scope == "span"
        ]

    def enabled(self, rule_id: str) -> bool:
        return rule_id in self.enabled_ids

    def match_line(self, text: str) -> Rule | None:
        """The first whole-line rule (line, section or end scope) that matches `text`, if any."""
        if len(text) > _MAX_LINE_RULE_CHARS:
            return None
        for pattern in (self._whole_ci, self._whole_cs):
            if pattern is None:
                continue
            m = pattern.fullmatch(text)
            if m is not None and m.lastgroup is not None:
                rule = RULES_BY_ID[m.lastgroup]
                if len(text) <= rule.max_chars:
                    return rule
        return None

    def match_spans(self, text: str) -> list[SpanHit]:
        """Every span rule hit in `text` (group "x" if the pattern has one, else the whole match)."""
        hits: list[SpanHit] = []
        for rule, pattern in self._spans:
            if len(text) > rule.max_chars:
                continue
            m = pattern.search(text)
            if m is None:
                continue
            group = "x" if "x" in pattern.groupindex else 0
            start, end = m.span(group)
            if end > start:
                hits.append(SpanHit(rule, start, end))
        return hits
