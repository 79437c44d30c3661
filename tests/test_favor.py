"""`favor` presets (config `favor`, `--favor`): they move the thresholds, never the ledger's form."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import cleaner
from cleaner import CleanerConfig, replay
from cleaner.errors import ConfigError

EVALSET = Path(__file__).resolve().parent.parent / "fixtures" / "evalset"


def _pages() -> list[tuple[bytes, str]]:
    pages = [(p.read_bytes(), "text") for p in sorted((EVALSET / "text").glob("*.txt"))]
    pages += [(gzip.decompress(p.read_bytes()), "html") for p in sorted((EVALSET / "html").glob("*.html.gz"))]
    assert pages
    return pages


def _kept(favor: str) -> int:
    total = 0
    for raw, kind in _pages():
        article = cleaner.clean(raw, kind=kind, config=CleanerConfig(favor=favor))
        assert replay(article.normalized_input, article.removed) == article.text
        total += len(article.text)
    return total


def test_precision_keeps_less_and_recall_more_than_balanced() -> None:
    precision, balanced, recall = _kept("precision"), _kept("balanced"), _kept("recall")
    assert precision <= balanced <= recall
    assert precision < recall


def test_balanced_is_the_default() -> None:
    raw, kind = _pages()[0]
    assert cleaner.clean(raw, kind=kind).text == cleaner.clean(raw, kind=kind, config=CleanerConfig(favor="balanced")).text


def test_unknown_favor_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="favor must be"):
        CleanerConfig(favor="speed")
