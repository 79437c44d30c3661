"""The fixture cases cover every rule family and the required languages (see fixtures/README.md)."""

from __future__ import annotations

from cleaner import REGISTRY

from .conftest import fixture_cases, load_case

#: Languages the phrase lists promise; each must have at least one passing fixture case.
LANGUAGES = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "zh", "ja", "ko", "th"}


def _passing_cases() -> list[dict]:
    cases = [load_case(path)[1] for path in fixture_cases()]
    return [case for case in cases if "xfail" not in case]


def test_every_applied_rule_is_expected_by_a_passing_case() -> None:
    expected = {rule for case in _passing_cases() for rule in case.get("rules", [])}
    # Exercised elsewhere rather than by a single-document case: HTM016 (the trafilatura fallback,
    # tests/test_html.py) and SIT001 (site boilerplate learned across a batch, tests/test_sites.py).
    missing = {rule.id for rule in REGISTRY if rule.id not in ("HTM016", "SIT001")} - expected
    assert not missing, f"rules no passing fixture case expects: {sorted(missing)}"


def test_required_languages_have_cases() -> None:
    languages = {case.get("language") for case in _passing_cases()}
    assert LANGUAGES <= languages, f"languages without a case: {sorted(LANGUAGES - languages)}"


def test_html_cases_exist() -> None:
    assert sum(1 for case in _passing_cases() if case.get("kind") == "html") >= 2
