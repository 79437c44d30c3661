"""Whole-line matching picks candidates by a line's first characters; it must pick exactly the rule that
trying every pattern in registry order picks (case-insensitive rules first, then case-sensitive ones)."""

from __future__ import annotations

import regex
from hypothesis import given, settings, strategies as st

from cleaner import CleanerConfig
from cleaner.article import collapse_spaces
from cleaner.rules import REGISTRY, Rule, RuleSet

from .conftest import FIXTURES

_WHOLE = [r for r in REGISTRY if r.scope in ("line", "section", "end")]
_RULES = RuleSet(CleanerConfig())


def reference(text: str) -> Rule | None:
    """Every whole-line pattern, one by one, in registry order: the slow, obvious definition."""
    if len(text) > 700:
        return None
    pool = _WHOLE if len(text) <= 200 else [r for r in _WHOLE if r.max_chars > 200]
    for group in ([r for r in pool if not r.case_sensitive], [r for r in pool if r.case_sensitive]):
        for rule in group:
            flags = 0 if rule.case_sensitive else regex.IGNORECASE
            if regex.fullmatch(rule.pattern, text, flags) is not None:
                if len(text) <= rule.max_chars:
                    return rule
                break
    return None


def fixture_lines() -> list[str]:
    lines = set()
    for path in sorted((FIXTURES / "cases").glob("*/input.*")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if collapse_spaces(line):
                lines.add(collapse_spaces(line))
    return sorted(lines)


EDGE_CASES = [
    "Advertisement", "ADVERTISEMENT", "advertisement:", "Anzeige", "İmage", "Menü", "MENÜ »", "x", "ab",
    "Photo: Getty Images", "Foto: dpa / Max Mustermann", "We use cookies to improve your experience. Accept",
    "Site logo", "Skip to content", "Read more", "© 2024 Example Media. All rights reserved.",
    "Die Stadt hat am Montag die neue Brücke eröffnet, und der Verkehr fließt wieder über den Fluss.",
    "Get the app " + "x" * 250, "a" * 199, "b" * 201, "cookie " * 60,
]


def test_matches_the_reference_on_every_fixture_line_and_edge_case() -> None:
    lines = fixture_lines() + EDGE_CASES
    assert len(lines) > 500
    matched = 0
    for line in lines:
        expected = reference(line)
        assert _RULES.match_line(line) == expected, line
        matched += expected is not None
    assert matched > 50  # the comparison covers lines that rules do match, not only misses


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Advertisement", "read", "more", "cookie", "Foto", "/", "dpa", "©", "2024",
                                 "Menü", "app", "Newsletter", "we use", "logo", ":", "»", "x", "İ", " "]),
                min_size=1, max_size=8))
def test_matches_the_reference_on_generated_lines(words: list[str]) -> None:
    line = collapse_spaces(" ".join(words))
    if line:
        assert _RULES.match_line(line) == reference(line)
