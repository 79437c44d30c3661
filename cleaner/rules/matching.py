"""Whole-line matching: the first rule, in registry order, whose pattern matches all of a line.

One alternation of ~35 patterns cost ~30 µs a line, most of it spent on rules that cannot match:
a line starting "Die Stadt" cannot be "Advertisement". The regex engine itself says which rules a
line's first characters leave possible: `pattern.fullmatch(prefix, partial=True)` is a (partial)
match exactly when some string starting with `prefix` could match. Only those candidates, cached
per prefix, are tried, so the choice is exact: a rule left out could not have matched. Rules that
may start with any character (`.{0,80} / ...`, a lookahead) are candidates for every line; they are
tried one by one, in order, but only those whose trigger literals (`Rule.triggers`: one of them
is in every line the rule matches) occur in the line (`TriggerScan`). Trying the seven gated rules
cost ~9 µs a short line; the scan ~3 µs. (One alternation per subset of them was tried first: each
subset's compilation cost ~10 ms, some forty of them per process, for no faster match.)
NAV001 has no triggers: its ~50 short words ("menu", "top", "log") are in most lines, so searching
for them costs more than trying the rule. Rules that only match lines holding a Chinese, Japanese,
Korean or Thai character (`Rule.cjk_only`) are left out of the candidates of every other line, which
costs those lines one `str.isascii` (or one search, when they hold other non-ASCII characters).
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Callable

import regex

from .base import HAN, HANGUL, KANA, THAI, Rule

#: Characters of a line that choose its candidate rules (3: about 1.6 candidates per line besides
#: the rules that may start anywhere, on the development set).
PREFIX_CHARS = 3
#: Cached prefixes per matcher before the cache starts afresh (bounded memory).
_PREFIX_CACHE_SIZE = 50_000
#: Normalization drops this control character, so no line holds it: a rule whose pattern can start
#: with it can start with any character.
_ANY_CHAR = "\x01"
_CJK_CHAR = re.compile(f"[{HAN}{KANA}{HANGUL}{THAI}]")


def has_cjk(text: str) -> bool:
    """Whether `text` holds a character of the Chinese, Japanese, Korean or Thai scripts."""
    return not text.isascii() and _CJK_CHAR.search(text) is not None


def fold_case(text: str) -> str:
    """`text` case-folded so that a lower-case trigger found by an IGNORECASE search is in it verbatim.

    Every character that the regex module's IGNORECASE matches against a trigger's character (the
    triggers are lower-case ASCII) case-folds to that character, except "İ", which folds to "i" + U+0307; dropping U+0307 (which no
    trigger holds) only joins characters, so it can add finds, never lose one.
    """
    folded = text.casefold()
    return folded.replace("\u0307", "") if "\u0307" in folded else folded


class TriggerScan:
    """Which of some rules' trigger literals occur in a line: one search for any of them first.

    Case-insensitive rules' triggers (written case-folded) are searched in the case-folded line, so
    a rule's pattern cannot match a line in which this finds none of its triggers. Most lines hold
    none, and cost one search; the others are searched rule by rule.
    """

    def __init__(self, rules: list[Rule], flags: int) -> None:
        self._fold = bool(flags & regex.IGNORECASE)
        if self._fold and any(fold_case(t) != t for rule in rules for t in rule.triggers):
            raise ValueError("case-insensitive rules' triggers must be written case-folded")
        self._any = _literal_search({t for rule in rules for t in rule.triggers})
        self._each = [(rule.id, _literal_search(set(rule.triggers))) for rule in rules]

    def present(self, text: str) -> frozenset[str]:
        """Ids of the rules one of whose triggers occurs in `text`."""
        if self._fold:
            text = fold_case(text)
        if self._any(text) is None:
            return frozenset()
        return frozenset(rule_id for rule_id, search in self._each if search(text) is not None)


def _literal_search(literals: set[str]) -> Callable[[str], re.Match[str] | None]:
    """A search for any of `literals`, verbatim (whether one occurs, not which)."""
    return re.compile(_trie_pattern(sorted(literals))).search


def _trie_pattern(literals: list[str]) -> str:
    """An alternation that matches where one of the sorted `literals` starts, its branches shared
    by first character (a trie): the engine tries a few branches at each position of a line rather
    than every literal. A literal that starts with another adds nothing (the shorter is found there)."""
    if not literals or "" in literals:
        return ""
    branches = [re.escape(first) + _trie_pattern([t[1:] for t in group])
                for first, group in groupby(literals, key=lambda t: t[0])]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class LineMatcher:
    """Rules sharing one set of regex flags, tried on whole lines in the order given."""

    def __init__(self, rules: list[Rule], flags: int) -> None:
        compiled = [(k, rule, regex.compile(rule.pattern, flags)) for k, rule in enumerate(rules)]
        floating = [item for item in compiled if item[2].fullmatch(_ANY_CHAR, partial=True) is not None]
        #: The start-anywhere rules in order, each with whether its triggers gate it.
        self._floating = [(k, rule, pattern, bool(rule.triggers)) for k, rule, pattern in floating]
        gated = [rule for _, rule, _ in floating if rule.triggers]
        self._scan = TriggerScan(gated, flags) if gated else None
        starts_anywhere = {rule.id for _, rule, _ in floating}
        anchored = [item for item in compiled if item[1].id not in starts_anywhere]
        self._cjk_only = any(rule.cjk_only for rule in rules)
        #: The anchored rules a line may match, by whether it holds a CJK or Thai character.
        self._anchored = {True: anchored, False: [item for item in anchored if not item[1].cjk_only]}
        self._by_prefix: dict[bool, dict[str, tuple[tuple[int, Rule, regex.Pattern[str]], ...]]] = {True: {}, False: {}}
        self._end = len(rules)

    def _candidates(self, prefix: str, cjk: bool) -> tuple[tuple[int, Rule, regex.Pattern[str]], ...]:
        """The anchored rules that some line starting with `prefix` (holding a CJK or Thai character,
        or not: `cjk`) could match, in order.

        They are among the candidates of the prefix one character shorter, so only those are tried.
        """
        cache = self._by_prefix[cjk]
        found = cache.get(prefix)
        if found is None:
            if len(cache) >= _PREFIX_CACHE_SIZE:
                cache.clear()
            pool = self._candidates(prefix[:-1], cjk) if len(prefix) > 1 else self._anchored[cjk]
            found = tuple(item for item in pool if item[2].fullmatch(prefix, partial=True) is not None)
            cache[prefix] = found
        return found

    def _first_floating(self, text: str, cjk: bool) -> tuple[int, Rule | None]:
        """(position, rule) of the first start-anywhere rule matching all of `text`; (end, None) if none."""
        present = self._scan.present(text) if self._scan is not None else frozenset()
        for k, rule, pattern, gated in self._floating:
            if ((not gated or rule.id in present) and (cjk or not rule.cjk_only)
                    and pattern.fullmatch(text) is not None):
                return k, rule
        return self._end, None

    def match(self, text: str) -> Rule | None:
        """The first rule whose pattern matches all of `text`, if any."""
        cjk = self._cjk_only and has_cjk(text)
        limit, first = self._first_floating(text, cjk)
        for k, rule, pattern in self._candidates(text[:PREFIX_CHARS], cjk):
            if k >= limit:
                break
            if pattern.fullmatch(text) is not None:
                return rule
        return first
