"""One parametrized test over every fixture case (see fixtures/README.md for the schema)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner import CleanerConfig, replay

from .conftest import fixture_cases, load_case

_FIELDS = ("title", "authors", "date", "publisher", "language", "captions", "image_credits")


def check_case(path: Path) -> None:
    raw, expected, _ = load_case(path)
    config = CleanerConfig().replace(**expected["config"]) if "config" in expected else None
    article = cleaner.clean(raw, kind=expected.get("kind", "auto"), config=config)
    # The ledger replays to the body on every case.
    assert replay(article.normalized_input, article.removed) == article.text
    if "paragraphs" in expected:
        assert article.paragraphs == expected["paragraphs"]
    for snippet in expected.get("contains", []):
        assert snippet in article.text, f"missing from body: {snippet!r}"
    for snippet in expected.get("not_contains", []):
        assert snippet not in article.text, f"left in body: {snippet!r}"
    for name in _FIELDS:
        if name in expected:
            assert getattr(article, name) == expected[name], name
    fired = {r.rule for r in article.removed}
    assert set(expected.get("rules", [])) <= fired, f"rules that did not fire: {set(expected['rules']) - fired}"
    assert not set(expected.get("absent_rules", [])) & fired, "rules that should not fire did"
    for text, label in expected.get("labels", {}).items():
        matching = [r.label for r in article.removed if r.text == text]
        assert matching and matching[0] == label, f"{text!r}: {matching}"


def _params() -> list:
    params = []
    for path in fixture_cases():
        _, expected, _ = load_case(path)
        marks = [pytest.mark.xfail(reason=expected["xfail"], strict=True)] if "xfail" in expected else []
        params.append(pytest.param(path, id=path.name, marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_fixture(case: Path) -> None:
    check_case(case)
