"""The line vocabulary (cleaner/scoring/data/line_vocabulary.json): learnt data that the line scorer reads."""

from __future__ import annotations

import json
from importlib import resources

from cleaner.scoring.features import tokenize
from cleaner.scoring.vocabulary import CLIP, load_vocabulary, vocabulary_scores


def _data() -> dict:
    return json.loads(resources.files("cleaner.scoring").joinpath("data/line_vocabulary.json").read_text(encoding="utf-8"))


def test_vocabulary_is_shipped_clipped_and_from_several_pages() -> None:
    data = _data()
    weights = load_vocabulary()
    assert weights == data["weights"] and len(weights) > 1000
    assert all(-CLIP <= w <= CLIP for w in weights.values())
    assert data["min_pages"] >= 3  # no one site's words
    assert all(word == word.lower() and word.strip() == word and word for word in weights)


def test_chrome_words_weigh_below_sentence_words() -> None:
    weights = load_vocabulary()
    menu = vocabulary_scores(tokenize("Impressum | Datenschutz | Kontakt | Newsletter"), weights)
    sentence = vocabulary_scores(tokenize("Der Minister sagte am Dienstag, dass die Kosten gestiegen seien."), weights)
    assert menu[0] < 0 < sentence[0]
    assert menu[1] < sentence[1]


def test_unknown_words_and_empty_lines_weigh_nothing() -> None:
    weights = load_vocabulary()
    assert vocabulary_scores([], weights) == (0.0, 0.0)
    assert vocabulary_scores(["qwxzzyq"], weights) == (0.0, 0.0)
