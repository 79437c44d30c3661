"""Whole-line matching picks candidates by a line's first characters; it must pick exactly the rule that
trying every pattern in registry order picks (case-insensitive rules first, then case-sensitive ones)."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings, strategies as st

from cleaner import CleanerConfig
from cleaner.article import collapse_spaces
from cleaner.rules import REGISTRY, RULES_BY_ID, Rule, RuleSet
from cleaner.rules.base import HAN, HANGUL, KANA, THAI
import sys

from cleaner.rules.matching import TriggerScan, _literal_search, fold_case, has_cjk

try:
    from re import _parser as sre_parse
except ImportError:  # Python < 3.11
    import sre_parse  # type: ignore[no-redef]

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
    # Lines for the start-anywhere rules, their triggers in other cases, and triggers that are
    # prefixes of each other's ("inhalt" / "inhaltlicher kontrolle", "log" / "logo").
    "Diese Website verwendet COOKIES. Mit der Nutzung stimmen Sie zu. Akzeptieren",
    "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.", "Externen Inhalt laden",
    "Trotz sorgfältiger inhaltlicher Kontrolle übernehmen wir keine Haftung für externe Links.",
    "The Daily Planet Logo", "Site Header", "LOGO", "Newsletter", "Stay informed with our daily briefing",
    "Download the Daily Planet app today and never miss a story.", "Get it on Google Play",
    "You are using an outdated browser that is not supported.", "Bitte aktivieren Sie JavaScript.",
    "The views expressed in this article are those of the author.", "Top", "Menü", "Zurück nach oben",
    "This post contains affiliate links. As an Amazon Associate I earn from qualifying purchases.",
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


def _literal_run_covered(seq, triggers: tuple[str, ...]) -> bool:
    """True when every string matching the parsed node sequence `seq` contains one of `triggers`.

    Conservative (a False proves nothing): a run of consecutive literal characters containing a
    trigger covers the sequence, and so does a group, a branch all of whose alternatives are covered,
    a repeat of at least one covered body, or a positive lookahead whose body is covered (the line
    then contains it; whole-line matching sees the whole line).
    """
    run = ""
    for op, arg in seq:
        name = str(op)
        if name == "LITERAL":
            run += chr(arg)
            if any(t in run for t in triggers):
                return True
            continue
        run = ""
        if name == "SUBPATTERN" and _literal_run_covered(arg[-1], triggers):
            return True
        if name == "BRANCH" and all(_literal_run_covered(alt, triggers) for alt in arg[1]):
            return True
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1 and _literal_run_covered(arg[2], triggers):
            return True
        if name == "ASSERT" and arg[0] == 1 and _literal_run_covered(arg[1], triggers):
            return True
    return False


def test_whole_line_triggers_are_sound() -> None:
    """Every line a whole-line rule matches contains one of its triggers, read off its pattern."""
    gated = [r for r in _WHOLE if r.triggers]
    assert {"ADV003", "PRO001", "PRO002", "LEG001", "LEG005", "LEG006", "NAV004"} <= {r.id for r in gated}
    for rule in gated:
        assert _literal_run_covered(sre_parse.parse(_stdlib_syntax(rule.pattern)), rule.triggers), rule.id


def _stdlib_syntax(pattern: str) -> str:
    """The pattern for the stdlib's parser: the regex module's Unicode property classes (\\p{Lu})
    become a character no trigger holds, so they never complete a trigger in a literal run."""
    return re.sub(r"\\[pP]\{[^}]*\}", r"\\x00", pattern)


def test_soundness_check_can_fail() -> None:
    assert not _literal_run_covered(sre_parse.parse(r"(?:.{0,80} )?cookies?|ok"), ("cookie",))
    assert not _literal_run_covered(sre_parse.parse(r"(?:cookie)?x"), ("cookie",))
    assert _literal_run_covered(sre_parse.parse(r"(?=.{0,9}cookie).*|x?cookies"), ("cookie",))


_CJK_RANGES = [(ord(lo), ord(hi)) for block in (HAN, KANA, HANGUL, THAI) for lo, hi in zip(block[::3], block[2::3])]


def _cjk_only_chars(items) -> bool:
    """True when a parsed character class (not negated) holds only CJK or Thai characters."""
    def inside(lo: int, hi: int) -> bool:
        return any(a <= lo and hi <= b for a, b in _CJK_RANGES)

    for op, arg in items:
        name = str(op)
        if name == "LITERAL" and inside(arg, arg) or name == "RANGE" and inside(*arg):
            continue
        return False
    return bool(items)


def _needs_cjk(seq) -> bool:
    """True when every string matching the parsed node sequence `seq` holds a CJK or Thai character.

    Conservative, like `_literal_run_covered`: such a literal or character class covers the sequence,
    and so does a group, a branch all of whose alternatives are covered, a repeat of at least one
    covered body, or a positive lookahead whose body is covered.
    """
    for op, arg in seq:
        name = str(op)
        if name == "LITERAL" and _cjk_only_chars([(op, arg)]):
            return True
        if name == "IN" and _cjk_only_chars(arg):
            return True
        if name == "SUBPATTERN" and _needs_cjk(arg[-1]):
            return True
        if name == "BRANCH" and all(_needs_cjk(alt) for alt in arg[1]):
            return True
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1 and _needs_cjk(arg[2]):
            return True
        if name == "ASSERT" and arg[0] == 1 and _needs_cjk(arg[1]):
            return True
    return False


def test_cjk_only_rules_need_a_cjk_character() -> None:
    """Every line a `cjk_only` rule matches holds a Chinese, Japanese, Korean or Thai character, read
    off its pattern (whole-line matching tries it on no other line)."""
    flagged = [r for r in REGISTRY if r.cjk_only]
    assert {"TIM005", "COM004", "PRO007", "ADV004", "MET006", "LEG009"} <= {r.id for r in flagged}
    for rule in flagged:
        assert _needs_cjk(sre_parse.parse(rule.pattern)), rule.id
    assert not _needs_cjk(sre_parse.parse(RULES_BY_ID["SHR004"].pattern))  # "Qzone"


def test_cjk_check_can_fail() -> None:
    assert not _needs_cjk(sre_parse.parse(r"\d+\s*(?:评论|app)"))
    assert not _needs_cjk(sre_parse.parse(r"[万k]\d"))
    assert not _needs_cjk(sre_parse.parse(r"(?:评论)?x"))
    assert _needs_cjk(sre_parse.parse(r"\d+\s*(?:评论|[가-힣]{2})|x?ดู"))
    assert has_cjk("12 评论") and not has_cjk("12 Kommentare über Ärger") and not has_cjk("12 comments")


def test_case_folding_keeps_every_ignorecase_occurrence_of_a_trigger() -> None:
    """Each character that IGNORECASE matches against a trigger's character folds to exactly it, so
    a trigger the pattern's case-insensitive match contains is found verbatim in the folded line."""
    alphabet = sorted({c for r in _WHOLE if not r.case_sensitive for t in r.triggers for c in t})
    assert alphabet and all(fold_case(t) == t for r in _WHOLE if not r.case_sensitive for t in r.triggers)
    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    for char in alphabet:
        for m in regex.finditer(regex.escape(char), everything, regex.IGNORECASE):
            assert fold_case(m.group()) == char, (char, m.group())
    assert fold_case("İnhalt") == "inhalt" and fold_case("ſtay") == "stay"


_SCAN_RULES = [r for r in _WHOLE if r.triggers and not r.case_sensitive]
_SCAN = TriggerScan(_SCAN_RULES, regex.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["inhalt", "Inhaltlicher Kontrolle", "LOGO", "log", "men", "Menü", "app", "APPLICATION",
                                 "cookie", "top", "ſ", "K", "İ", "nhalt", "\u0307", "tay ", "BROWſER", "x", " ", "-", "newsletter",
                                 "Nieuwsbrief"]),
                min_size=1, max_size=8))
def test_trigger_scan_finds_each_rule_whose_trigger_occurs(words: list[str]) -> None:
    line = "".join(words)
    expected = {r.id for r in _SCAN_RULES
                if any(regex.search(regex.escape(t), line, regex.IGNORECASE) for t in r.triggers)}
    found = _SCAN.present(line)
    assert expected <= found  # sound: a rule whose trigger occurs is never skipped
    if "\u0307" not in line:  # dropping a combining dot from the line may only add finds
        assert found == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcé版 ", min_size=1, max_size=4), min_size=1, max_size=6),
       st.text(alphabet="abcé版 ", max_size=20))
def test_literal_search_finds_a_line_exactly_when_it_holds_a_literal(literals: list[str], text: str) -> None:
    """The trie-shaped search says what `any(literal in text)` says (shared and nested prefixes too)."""
    assert (_literal_search(set(literals))(text) is not None) == any(t in text for t in literals)
