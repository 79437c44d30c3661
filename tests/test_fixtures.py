"""One parametrized test over every fixture case (see fixtures/README.md for the schema)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner import CleanerConfig, replay
from cleaner.output import strip_markdown, to_markdown
from cleaner.output.body_blocks import BULLET

from .conftest import fixture_cases, load_case

def _words(text: str) -> list[str]:
    return text.split()


def _unbullet(text: str) -> str:
    return "\n\n".join(BULLET.sub("", p) for p in text.split("\n\n"))


_FIELDS = ("title", "authors", "date", "publisher", "language", "captions", "image_credits", "datetime",
           "date_modified", "tags", "section", "license", "links", "comments", "access", "truncated")


def check_case(path: Path) -> None:
    raw, expected, _ = load_case(path)
    config = CleanerConfig().replace(**expected["config"]) if "config" in expected else None
    article = cleaner.clean(raw, kind=expected.get("kind", "auto"), config=config, url=expected.get("url"))
    # The ledger replays to the body on every case.
    assert replay(article.normalized_input, article.removed) == article.text
    # The Markdown holds the body's words in the body's order (text input: less the bullets it turns
    # into list marks).
    body = _unbullet(article.text) if article.kind == "text" else article.text
    assert _words(strip_markdown(article.markdown)) == _words(body)
    if "markdown" in expected:
        assert to_markdown(article, **expected.get("markdown_options", {})) == expected["markdown"]
    if "paragraphs" in expected:
        assert article.paragraphs == expected["paragraphs"]
    for snippet in expected.get("contains", []):
        assert snippet in article.text, f"missing from body: {snippet!r}"
    for snippet in expected.get("not_contains", []):
        assert snippet not in article.text, f"left in body: {snippet!r}"
    for name in _FIELDS:
        if name in expected:
            assert getattr(article, name) == expected[name], name
    for name, source in expected.get("sources", {}).items():
        assert article.stats["sources"].get(name) == source, f"source of {name}: {article.stats['sources'].get(name)}"
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
