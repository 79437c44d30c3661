"""Whole-line matching: the first rule, in registry order, whose pattern matches all of a line.

One alternation of ~35 patterns cost ~30 µs a line, most of it spent on rules that cannot match:
a line starting "Die Stadt" cannot be "Advertisement". The regex engine itself says which rules a
line's first characters leave possible: `pattern.fullmatch(prefix, partial=True)` is a (partial)
match exactly when some string starting with `prefix` could match. Only those candidates, cached
per prefix, are tried, so the choice is exact: a rule left out could not have matched. Rules that
may start with any character (`.{0,80} / ...`, a lookahead) are candidates for every line; they are
tried together in one alternation.
"""

from __future__ import annotations

import regex

from .base import Rule

#: Characters of a line that choose its candidate rules (3: about 1.6 candidates per line besides
#: the rules that may start anywhere, on the development set).
PREFIX_CHARS = 3
#: Cached prefixes per matcher before the cache starts afresh (bounded memory).
_PREFIX_CACHE_SIZE = 50_000
#: Normalization drops this control character, so no line holds it: a rule whose pattern can start
#: with it can start with any character.
_ANY_CHAR = "\x01"


def alternation(rules: list[Rule], flags: int) -> regex.Pattern[str] | None:
    """One pattern trying `rules` in order, each in a group named after its id."""
    if not rules:
        return None
    source = "|".join(f"(?P<{rule.id}>{rule.pattern})" for rule in rules)
    return regex.compile(f"(?:{source})", flags)


class LineMatcher:
    """Rules sharing one set of regex flags, tried on whole lines in the order given."""

    def __init__(self, rules: list[Rule], flags: int) -> None:
        compiled = [(k, rule, regex.compile(rule.pattern, flags)) for k, rule in enumerate(rules)]
        floating = [item for item in compiled if item[2].fullmatch(_ANY_CHAR, partial=True) is not None]
        self._order = {rule.id: k for k, rule, _ in floating}
        self._floating = alternation([rule for _, rule, _ in floating], flags)
        self._anchored = [item for item in compiled if item[1].id not in self._order]
        self._by_prefix: dict[str, tuple[tuple[int, Rule, regex.Pattern[str]], ...]] = {}
        self._rules = {rule.id: rule for rule in rules}
        self._end = len(rules)

    def _candidates(self, prefix: str) -> tuple[tuple[int, Rule, regex.Pattern[str]], ...]:
        """The anchored rules that some line starting with `prefix` could match, in order.

        They are among the candidates of the prefix one character shorter, so only those are tried.
        """
        found = self._by_prefix.get(prefix)
        if found is None:
            if len(self._by_prefix) >= _PREFIX_CACHE_SIZE:
                self._by_prefix.clear()
            pool = self._candidates(prefix[:-1]) if len(prefix) > 1 else self._anchored
            found = tuple(item for item in pool if item[2].fullmatch(prefix, partial=True) is not None)
            self._by_prefix[prefix] = found
        return found

    def match(self, text: str) -> Rule | None:
        """The first rule whose pattern matches all of `text`, if any."""
        first: Rule | None = None
        limit = self._end
        if self._floating is not None:
            m = self._floating.fullmatch(text)
            if m is not None and m.lastgroup is not None:
                first = self._rules[m.lastgroup]
                limit = self._order[first.id]
        for k, rule, pattern in self._candidates(text[:PREFIX_CHARS]):
            if k >= limit:
                break
            if pattern.fullmatch(text) is not None:
                return rule
        return first
