"""Stage 3 of labelling: decide which of the lines the rules left are article text.

Each line gets cheap features (length, stopword density in the document's language, sentence-final
punctuation, capitals, separators) and context features (its neighbours, the rules' verdicts around
it, where it sits relative to the page's prose and to the best-scoring contiguous run of lines).
A linear scorer over those features (weights fitted on half of the development set by
scripts/train_line_model.py, stored in cleaner/scoring/data/line_model.json) gives each line a probability
of being article text; lines below the threshold are labelled HEU001.
"""

from __future__ import annotations

import json
import math
from operator import mul
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..config import CleanerConfig
from ..text.document import Document
from .features import (
    FEATURE_NAMES,
    LineStats,
    base_score,
    best_run,
    doc_features,
    line_stats,
    wide_line_stats,
)
from ..favor import tuning
from .features_extra import SECOND_STAGE_NAMES, second_stage_rows
from ..rules import RuleSet
from ..text.scripts import LANGUAGES as SCRIPT_LANGUAGES
from .vocabulary import load_vocabulary

#: Labels of lines that interrupt an article without ending it.
_INTERRUPTIONS = frozenset({"advert", "caption", "credit", "share", "timestamp", "counter", "read-more"})
#: Non-sentence lines (headings, short items) allowed between two trailing sentences.
_MAX_TRAILING_GAP = 2


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class LineModel:
    """Two logistic scorers: one on a line's own features, one adding its neighbours' first scores."""

    first: tuple[float, ...]
    second: tuple[float, ...]
    threshold: float

    def first_stage(self, rows: list[list[float]], skip: list[bool] | None = None) -> list[float]:
        """Probability of each row; 0.0 for the rows marked in `skip` (lines a rule removed)."""
        w = self.first
        skip = skip or [False] * len(rows)
        return [0.0 if s else _sigmoid(sum(map(mul, w, row))) for row, s in zip(rows, skip)]

    def second_stage(
        self, rows: list[list[float]], context: list[list[float]], skip: list[bool] | None = None
    ) -> list[float]:
        """Probability of each row with its context features; 0.0 for the rows marked in `skip`."""
        w = self.second
        skip = skip or [False] * len(rows)
        return [0.0 if s else _sigmoid(sum(map(mul, w, row + extra))) for row, extra, s in zip(rows, context, skip)]


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    data = json.loads(resources.files("cleaner.scoring").joinpath("data/line_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURE_NAMES + SECOND_STAGE_NAMES:
        raise RuntimeError("cleaner/scoring/data/line_model.json was trained on other features: retrain it")
    return LineModel(tuple(data["first"]), tuple(data["second"]), float(data["threshold"]))


def probabilities(doc: Document, prepared: "Prepared", model: LineModel) -> tuple[list[float], list[list[float]]]:
    """Second-stage probability of every line (0 for lines a rule already removed), and its context rows."""
    ruled = [v is not None for v in doc.verdicts]
    first = model.first_stage(prepared.rows, ruled)
    context = second_stage_rows(first, prepared.stats)
    return model.second_stage(prepared.rows, context, ruled), context


@dataclass
class Prepared:
    """Everything the scorer (and the training script) needs about one document's lines."""

    texts: list[str]
    stats: list[LineStats]
    scores: list[float]
    run: tuple[int, int]
    rows: list[list[float]]


def prepare(doc: Document, stopwords: frozenset[str], config: CleanerConfig) -> Prepared:
    texts = [doc.kept_text(i) if doc.spans[i] else seg.text for i, seg in enumerate(doc.segments)]
    # A line a rule removed gets no score, so its words need not be weighed.
    vocabulary = load_vocabulary()
    measure = wide_line_stats if doc.language in SCRIPT_LANGUAGES else line_stats
    stats = [measure(t, stopwords, config, None if v is not None else vocabulary) for t, v in zip(texts, doc.verdicts)]
    scores = [
        -min(float(stats[i].length), 80.0) if doc.verdicts[i] is not None else base_score(stats[i], config)
        for i in range(len(texts))
    ]
    _, lo, hi = best_run(scores)
    rows = doc_features(doc, texts, stats, scores, (lo, hi))
    return Prepared(texts, stats, scores, (lo, hi), rows)


def _fill_gaps(doc: Document, keep: list[bool], max_gap: int) -> None:
    """Context smoothing: a few unlabelled lines between two kept lines stay with them.

    Headings, list items and short lines inside an article score low on their own; between two
    article lines they are article too. Lines a rule removed are never brought back.
    """
    last_kept = -1
    for i, k in enumerate(keep):
        if not k:
            continue
        gap = range(last_kept + 1, i)
        if last_kept >= 0 and 0 < len(gap) <= max_gap and all(doc.verdicts[j] is None for j in gap):
            for j in gap:
                keep[j] = True
        last_kept = i


def _sentence(s: LineStats, dense: float) -> bool:
    """A full sentence of prose: several words, many of them function words, a sentence end."""
    return s.terminal and s.words >= 3 and s.density >= dense


def _hysteresis(
    doc: Document, keep: list[bool], probs: list[float], low: float, stats: list[LineStats], dense: float
) -> None:
    """Between the first and last article line, a line stays unless it is clearly boilerplate;
    a full sentence of prose there always stays (dropping article text is worse than keeping a menu)."""
    kept = [i for i, k in enumerate(keep) if k]
    if not kept:
        return
    for i in range(kept[0], kept[-1]):
        if keep[i] or doc.verdicts[i] is not None:
            continue
        if probs[i] >= low or _sentence(stats[i], dense):
            keep[i] = True
    # The article's last paragraphs: sentences of prose after the last kept line stay, with the
    # headings or list items between them, across interruptions (adverts, captions, inline links)
    # but not across other boilerplate.
    last = kept[-1]
    pending: list[int] = []
    for i in range(last + 1, len(keep)):
        verdict = doc.verdicts[i]
        if verdict is not None:
            if verdict.label in _INTERRUPTIONS:
                continue
            break
        if _sentence(stats[i], dense):
            for j in pending + [i]:
                keep[j] = True
            pending = []
        elif len(pending) < _MAX_TRAILING_GAP:
            pending.append(i)
        else:
            break


def find_region(doc: Document, stopwords: frozenset[str], config: CleanerConfig, rules: RuleSet) -> None:
    """Score every unlabelled line; label the ones that are not article text (HEU001, HEU002)."""
    n = len(doc.segments)
    if n == 0:
        return
    prepared = prepare(doc, stopwords, config)
    model = load_model()
    threshold = config.keep_threshold if config.keep_threshold is not None else model.threshold
    inside, max_gap = config.inside_threshold, config.max_gap
    if config.favor != "balanced":
        favor = tuning(config)
        threshold += favor.keep_shift
        inside += favor.inside_shift
        max_gap = max(0, max_gap + favor.gap_shift)
    probs, _ = probabilities(doc, prepared, model)
    keep = [doc.verdicts[i] is None and probs[i] >= threshold for i in range(n)]
    _fill_gaps(doc, keep, max_gap)
    _hysteresis(doc, keep, probs, inside, prepared.stats, config.stopwords_high)
    kept = [i for i in range(n) if keep[i]]
    if not kept:
        # Nothing reads like article text: keep what the rules left rather than return nothing.
        doc.region = (0, n)
        return
    doc.region = (kept[0], kept[-1] + 1)
    outside_ok = rules.enabled("HEU001")
    # Without a stoplist (Chinese, Japanese, ...) stopword density says nothing about a line.
    listy_ok = rules.enabled("HEU002") and bool(stopwords)
    for i in range(n):
        if doc.verdicts[i] is not None:
            continue
        text = prepared.texts[i]
        if not keep[i]:
            if outside_ok:
                doc.label(i, "HEU001")
        elif listy_ok and len(text) >= 100 and prepared.stats[i].density < 0.05 and not prepared.stats[i].terminal:
            doc.label(i, "HEU002")
