"""The "extent" stage of labelling (`pipeline`): where the article starts and ends, and which
lines inside it are chrome.

Each line gets evidence: cheap features (length, stopword density in the document's language,
sentence-final punctuation, capitals, separators) and context features (its neighbours, the rules'
verdicts around it, where it sits relative to the page's prose and to the best-scoring contiguous run
of lines), turned by a two-stage linear scorer (scripts/train_line_model.py,
cleaner/scoring/data/line_model.json) into how much it looks like article text. That is evidence, not the
decision: the whole document is then decoded at once into before / body / gap / after
(scoring/extent.py), because a run of short lines inside an article (a list, a schedule) and a run of
menu lines above it look alike line by line and differ only in where they stand. Lines outside the
body are labelled EXT001 (before), EXT002 (after) or EXT003 (chrome inside it).
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
    _BULLET,
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
from .extent import BEFORE, BODY, STATE_RULES, ExtentRows, decode, extent_rows, load_extent_model

def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class LineModel:
    """Two logistic scorers: one on a line's own features, one adding its neighbours' first scores."""

    first: tuple[float, ...]
    second: tuple[float, ...]

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
    return LineModel(tuple(data["first"]), tuple(data["second"]))


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


#: Verdict labels of lines that interrupt an article without ending it (an advert marker, a caption).
_INTERRUPTIONS = frozenset({"advert", "caption", "credit", "share", "timestamp", "counter", "read-more"})
#: A full sentence of prose: a sentence end, this many words, this dense in function words.
_SENTENCE_WORDS, _SENTENCE_DENSITY = 3, 0.3


def _continue_body(doc: Document, states: list[int], stats: list[LineStats]) -> None:
    """The article's last paragraphs: full sentences of prose right after the body, across lines that
    only interrupt it (an advert marker, a caption, a read-more link), stay in it. What ends an
    article is chrome, never a sentence that goes on from it; the line scorer reads the last lines
    of a page as its footer's and would cut them."""
    body = [i for i, s in enumerate(states) if s == BODY]
    if not body:
        return
    for i in range(body[-1] + 1, len(states)):
        verdict = doc.verdicts[i]
        if verdict is not None:
            if verdict.label in _INTERRUPTIONS:
                continue
            return
        s = stats[i]
        if not (s.terminal and s.words >= _SENTENCE_WORDS and s.density >= _SENTENCE_DENSITY):
            return
        for k in range(body[-1] + 1, i + 1):
            states[k] = BODY


#: A menu above the article: at least this many short lines in a row, each at most this long (CJK
#: characters counted twice), with no sentence end, a colon or a list bullet among them.
_MENU_LINES, _MENU_ITEM_CHARS = 3, 16
_MENU_ITEM_END = frozenset(".!?:;…。！？：")


def _menu_above_body(doc: Document, states: list[int], stats: list[LineStats]) -> None:
    """A run of menu items at the top of the body ("Home / News / Business / Sport" line by line) lies
    before the article. Only a run that nothing kept stands above, that ends where the article's text
    begins, of items no list would print (no bullet, no colon, no sentence end)."""
    n = len(states)
    run: list[int] = []
    for i in range(n):
        if doc.verdicts[i] is not None:
            if run:
                break
            continue
        if states[i] != BODY:
            if run:
                break
            continue
        text = doc.segments[i].text
        if stats[i].length > _MENU_ITEM_CHARS or text[-1] in _MENU_ITEM_END or _BULLET.match(text):
            break
        run.append(i)
    if len(run) >= _MENU_LINES:
        for i in run:
            states[i] = BEFORE


@dataclass
class Evidence:
    """What the extent decision reads about every line: the scorer's inputs and both stages' outputs."""

    prepared: Prepared
    first: list[float]
    second: list[float]
    context: list[list[float]]
    rows: ExtentRows


def line_evidence(doc: Document, stopwords: frozenset[str], config: CleanerConfig) -> Evidence:
    """Score every line with the two-stage line model and build the extent's feature rows."""
    prepared = prepare(doc, stopwords, config)
    model = load_model()
    ruled = [v is not None for v in doc.verdicts]
    first = model.first_stage(prepared.rows, ruled)
    context = second_stage_rows(first, prepared.stats)
    second = model.second_stage(prepared.rows, context, ruled)
    rows = extent_rows(doc, prepared.rows, prepared.stats, first, second, context)
    return Evidence(prepared, first, second, context, rows)


def find_region(doc: Document, stopwords: frozenset[str], config: CleanerConfig, rules: RuleSet) -> None:
    """Decide the article's extent (scoring/extent.py) and label what lies outside it (EXT001-EXT003);
    inside it, a long line of almost no function words is a link list (HEU002)."""
    n = len(doc.segments)
    if n == 0:
        return
    evidence = line_evidence(doc, stopwords, config)
    model = load_extent_model()
    shift = config.body_bias + tuning(config).body_shift
    states = decode(model.scores(evidence.rows, shift), model.moves, model.starts)
    _continue_body(doc, states, evidence.prepared.stats)
    _menu_above_body(doc, states, evidence.prepared.stats)
    body = [i for i, s in enumerate(states) if s == BODY]
    if not body:
        doc.region = (0, n)
        return
    doc.region = (body[0], body[-1] + 1)
    # Without a stoplist (Chinese, Japanese, ...) stopword density says nothing about a line.
    listy_ok = rules.enabled("HEU002") and bool(stopwords)
    stats, texts = evidence.prepared.stats, evidence.prepared.texts
    for i, state in enumerate(states):
        if doc.verdicts[i] is not None:
            continue
        if state != BODY:
            doc.label(i, STATE_RULES[state])
        elif listy_ok and len(texts[i]) >= 100 and stats[i].density < 0.05 and not stats[i].terminal:
            doc.label(i, "HEU002")
