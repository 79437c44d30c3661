"""HEU003: what is and is not taken from directly above the headline (through the public API)."""

from __future__ import annotations

from pathlib import Path

import cleaner

_CASE = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "es_kicker_above_headline" / "input.txt"


#: The case's own config: a body bias so high that the extent keeps every line no rule removed (the label
#: beside the headline among them, as it does on some pages at the default): HEU003 is what removes it.
_CONFIG = cleaner.CleanerConfig(body_bias=20.0)


def _fired(text: str) -> dict[str, str]:
    return {r.text: r.rule for r in cleaner.clean(text, kind="text", config=_CONFIG).removed}


def test_short_label_above_headline_goes() -> None:
    assert _fired(_CASE.read_text(encoding="utf-8")).get("Escuchar artículo") == "HEU003"


def test_sentence_above_headline_stays() -> None:
    # A line ending a sentence is text (a standfirst, a story's first line), not chrome.
    text = _CASE.read_text(encoding="utf-8").replace("Escuchar artículo", "Todo cambia.")
    assert _fired(text).get("Todo cambia.") != "HEU003"


def test_nothing_goes_when_the_rule_is_off() -> None:
    config = _CONFIG.replace(disabled_rules=frozenset({"HEU003"}))
    article = cleaner.clean(_CASE.read_text(encoding="utf-8"), kind="text", config=config)
    assert all(r.rule != "HEU003" for r in article.removed)
