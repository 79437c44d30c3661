"""The rule registry: every rule `cleaner` can apply, in run order, with a stable id.

`REGISTRY` is the single table that the CLI (`cleaner rules`), the README's rule table, the ledger
and the counters cite. `RuleSet` compiles the enabled rules of one config once (whole-line matching: `matching.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

import regex

from ..config import CleanerConfig
from ..errors import ConfigError
from . import cjk, credits, html_rules, phrases, pipeline_rules, sections, site, timestamps
from .base import SCOPES, Rule
from .matching import LineMatcher

REGISTRY: tuple[Rule, ...] = tuple(
    phrases.RULES + credits.RULES + timestamps.RULES + sections.RULES + cjk.RULES + pipeline_rules.RULES
    + html_rules.RULES + site.RULES
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in REGISTRY}
assert len(RULES_BY_ID) == len(REGISTRY), "duplicate rule id"

__all__ = ["REGISTRY", "RULES_BY_ID", "Rule", "RuleSet", "SpanHit", "SCOPES"]

_FAMILIES = frozenset(rule.id[:3] for rule in REGISTRY)


def check_rule_names(names: frozenset[str]) -> None:
    """`ConfigError` for a name in `disabled_rules` that is neither a rule id nor a family prefix
    (a typo would otherwise switch nothing off, silently)."""
    unknown = sorted(name for name in names if name not in RULES_BY_ID and name not in _FAMILIES)
    if unknown:
        raise ConfigError(f"unknown rule(s) in disabled_rules: {', '.join(unknown)} "
                          "(a rule id such as CRD001 or a family such as CRD; `cleaner rules` lists them)")


#: Lines longer than this never match a whole-line rule (the longest patterns allow ~700 chars).
_MAX_LINE_RULE_CHARS = 700
#: Lines up to this length are tried against every whole-line rule (and their verdicts cached).
_SHORT_LINE = 200
#: Cached short-line verdicts per RuleSet before the cache starts afresh (bounded memory).
_LINE_CACHE_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class SpanHit:
    """A span rule's match inside one line: offsets relative to the line's text."""

    rule: Rule
    start: int
    end: int


def _trigger_search(rule: Rule) -> Callable[[str], Any] | None:
    """A search for any of the rule's trigger strings in one pass (None: the rule has none).

    Literal alternatives, case-sensitive: it finds something exactly when one of the strings occurs.
    """
    if not rule.triggers:
        return None
    return re.compile("|".join(re.escape(t) for t in rule.triggers)).search


def _matchers(rules: list[Rule]) -> list[LineMatcher]:
    """The case-insensitive rules' matcher, then the case-sensitive ones' (when there are any)."""
    groups = (([r for r in rules if not r.case_sensitive], regex.IGNORECASE), ([r for r in rules if r.case_sensitive], 0))
    return [LineMatcher(group, flags) for group, flags in groups if group]


class RuleSet:
    """The enabled pattern rules of one config, compiled once. Picklable (patterns recompile)."""

    def __init__(self, config: CleanerConfig) -> None:
        check_rule_names(config.disabled_rules)
        enabled = [r for r in REGISTRY if config.rule_enabled(r.id)]
        self.enabled_ids = frozenset(r.id for r in enabled)
        whole = [r for r in enabled if r.scope in ("line", "section", "end")]
        # Long lines are prose or long boilerplate (cookie text): only the few rules that allow
        # them are tried. Case-insensitive rules come first, as they always have.
        long_rules = [r for r in whole if r.max_chars > _SHORT_LINE]
        self._short = _matchers(whole)
        self._long = _matchers(long_rules)
        self._line_cache: dict[str, Rule | None] = {}
        self._spans = [
            (rule, regex.compile(rule.pattern, 0 if rule.case_sensitive else regex.IGNORECASE), _trigger_search(rule))
            for rule in enabled
            if rule.scope == "span"
        ]

    def enabled(self, rule_id: str) -> bool:
        return rule_id in self.enabled_ids

    def match_line(self, text: str) -> Rule | None:
        """The first whole-line rule (line, section or end scope) that matches `text`, if any.

        Short lines recur across the pages of a batch (menus, footers: 40% of the development set's
        short lines repeat), so their verdicts are cached, in a bounded dict.
        """
        if len(text) > _MAX_LINE_RULE_CHARS:
            return None
        if len(text) <= _SHORT_LINE:
            cache = self._line_cache
            if text in cache:
                return cache[text]
            if len(cache) >= _LINE_CACHE_SIZE:
                cache.clear()
            rule = cache[text] = self._match_line(text)
            return rule
        return self._match_line(text)

    def _match_line(self, text: str) -> Rule | None:
        for matcher in self._long if len(text) > _SHORT_LINE else self._short:
            rule = matcher.match(text)
            if rule is not None and len(text) <= rule.max_chars:
                return rule
        return None

    def match_spans(self, text: str) -> list[SpanHit]:
        """Every span rule hit in `text` (group "x" if the pattern has one, else the whole match)."""
        hits: list[SpanHit] = []
        for rule, pattern, triggered in self._spans:
            if len(text) > rule.max_chars or (triggered is not None and triggered(text) is None):
                continue
            m = pattern.search(text)
            if m is None:
                continue
            group = "x" if "x" in pattern.groupindex else 0
            start, end = m.span(group)
            if end > start:
                hits.append(SpanHit(rule, start, end))
        return hits
