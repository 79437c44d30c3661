"""The article's extent: where it starts and ends, decided over the whole document at once.

Judging each line by how much it reads like prose in its neighbourhood fails both ways: inside an
article a run of short lines (a recipe's steps, a tour's dates, a list of specs) reads like a menu,
and above it a run of menu lines next to the headline reads like article. The right question has
two levels: *where is the article*, and *inside it, which lines are named residue*.

So every line gets one of four states, decoded jointly (Viterbi over a linear chain, as Web2Text
labels a page's blocks):

    before -> body <-> gap
                \\-> after

`before` is the page above the article, `after` everything past its end (footers, comments, related
stories: once left, the article never resumes), `gap` a stretch of page chrome between two parts of
the body (a menu or a teaser box printed inside the article). Each state scores each line by a
linear function of the line's evidence (the line scorer's probabilities, its shape, the verdicts the
rules gave it and its neighbours, the document's overall make-up); the transitions carry learned
weights. Weights are fitted on the tune half of every input style, full-page dumps and other
extractors' output together (scripts/train_extent_model.py: a structured perceptron whose targets
are the paths that agree with the gold snippets), and stored in data/extent_model.json.

Inside the body a line stays unless a named rule or structure removed it; outside, the page's chrome
goes, and the ledger says why: EXT001 (before the article), EXT002 (after it), EXT003 (interrupting it).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import mul
from typing import Sequence

import regex

from ..rules import RULES_BY_ID
from ..text.document import Document
from .features import FEATURE_NAMES, LineStats
from .features_extra import SECOND_STAGE_NAMES

BEFORE, BODY, GAP, AFTER = range(4)
STATES = ("before", "body", "gap", "after")
#: Ledger rule of a line in each state outside the body (rules/pipeline_rules.py).
STATE_RULES = {BEFORE: "EXT001", GAP: "EXT003", AFTER: "EXT002"}
#: The chain's allowed moves (every other move is forbidden): the article is entered once, may be
#: interrupted and resumed, and is left once.
MOVES: tuple[tuple[int, int], ...] = (
    (BEFORE, BEFORE), (BEFORE, BODY),
    (BODY, BODY), (BODY, GAP), (BODY, AFTER),
    (GAP, GAP), (GAP, BODY),
    (AFTER, AFTER),
)
#: A document starts above the article or in it, and ends in it or after it.
FIRST_STATES = (BEFORE, BODY)
LAST_STATES = (BODY, AFTER)

#: Verdict labels grouped by what they say about where the line stands.
_LABEL_GROUPS: dict[str, str] = {
    "advert": "interrupt", "caption": "interrupt", "credit": "interrupt", "share": "interrupt",
    "timestamp": "interrupt", "counter": "interrupt", "read-more": "interrupt",
    "title": "head", "byline": "head", "dateline": "head",
    "navigation": "nav", "related": "related", "comments": "comments", "promo": "promo",
    "legal": "legal", "duplicate": "duplicate",
}
_GROUPS = ("interrupt", "head", "nav", "related", "comments", "promo", "legal", "duplicate", "other")

#: The base row's columns the extent reads (scoring/features.py FEATURE_NAMES).
_BASE = ("log_len", "stop_density", "terminal", "colon_end", "bullet", "upper_ratio", "digit_ratio", "urlish",
         "prose", "short", "rel_pos", "in_run", "dup", "prose_before", "prose_after")
_BASE_INDEX = tuple(FEATURE_NAMES.index(name) for name in _BASE)

#: A line's own evidence and its neighbours'.
LINE_FEATURES: tuple[str, ...] = (
    ("bias", "logit", "logit_first", "ruled")
    + tuple(f"ruled_{g}" for g in _GROUPS)
    + ("section_opener", "end_marker", "past_end_marker")
    + _BASE
    + ("logit_prev", "logit_next", "win5", "kept_before", "kept_after", "in_core", "core_gap_low", "core_far")
    + ("site_title", "above_prose", "top_gap", "below_prose", "tail_gap", "sentence")
    # HTML mode: what the markup says of the block (0 in text mode).
    + ("in_container", "heading_tag", "list_tag", "link_dense")
)
#: The document's make-up: the same for every line, they move each state's score per document.
DOC_FEATURES: tuple[str, ...] = ("doc_prose_lines", "doc_prose_chars", "doc_ruled_share", "doc_log_lines")
#: Every line feature again, times the share of the document's characters in prose lines: text another
#: extractor already cut to the article is mostly prose, a full page's dump is not, and the same line
#: (a short one at the end, a list item) means something else in each.
EXTENT_FEATURES: tuple[str, ...] = LINE_FEATURES + DOC_FEATURES + tuple(f"{name}_x_prose" for name in LINE_FEATURES)
_N_LINE = len(LINE_FEATURES)
_N = len(EXTENT_FEATURES)
_IDX = {name: k for k, name in enumerate(EXTENT_FEATURES)}
#: (extent column, second-stage context column) of the context features read as they are.
_CONTEXT_PAIRS = tuple((_IDX[ours], SECOND_STAGE_NAMES.index(theirs)) for ours, theirs in (
    ("win5", "p_win5"), ("kept_before", "kept_before"), ("kept_after", "kept_after"), ("in_core", "in_core"),
    ("core_gap_low", "core_gap_low"), ("core_far", "core_far")))
#: A line of three or more words ending like a sentence, this dense in function words, is a sentence
#: of prose however short ("That was all.").
_SENTENCE_DENSITY = 0.3
#: HTML tags of headings and of list items and table cells; a block this much link text is a link list.
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LIST_TAGS = frozenset({"li", "dt", "dd", "td", "th"})
_LINK_DENSE = 0.5
#: Distances (in lines) to the first or last prose line are counted up to this.
_GAP_LINES = 10
#: A first line shaped "Headline | Site": a page's <title>, which full-page dumps open with.
_PAGE_TITLE = regex.compile(r"\S\s+(?:[|–—•·»]|-|::)\s+\S[^.!?]*$")
#: Logits are clipped to this and scaled by it, so every feature stays within about [-1, 1].
_LOGIT_CLIP = 8.0
_EPS = 1e-6


def _logit(p: float) -> float:
    p = _EPS if p < _EPS else 1 - _EPS if p > 1 - _EPS else p
    z = math.log(p / (1 - p))
    return (-_LOGIT_CLIP if z < -_LOGIT_CLIP else _LOGIT_CLIP if z > _LOGIT_CLIP else z) / _LOGIT_CLIP


def extent_rows(doc: Document, rows: Sequence[Sequence[float]], stats: Sequence[LineStats],
                first: Sequence[float], second: Sequence[float], context: Sequence[Sequence[float]]) -> list[list[float]]:
    """One row of EXTENT_FEATURES per segment.

    `rows` are the line scorer's base rows (zeros on lines a rule removed), `first` and `second` its two
    stages' probabilities (0 on ruled lines), `context` the second stage's context rows (`p`, neighbours,
    mass before/after, core features; scoring/features_extra.py SECOND_STAGE_NAMES)."""
    n = len(doc.segments)
    verdicts = doc.verdicts
    ruled = [v is not None for v in verdicts]
    unruled = n - sum(ruled)
    prose_lines = sum(1 for i in range(n) if not ruled[i] and stats[i].prose)
    all_chars = sum(s.length for i, s in enumerate(stats) if not ruled[i]) or 1
    prose_chars = sum(s.length for i, s in enumerate(stats) if not ruled[i] and s.prose)
    share = prose_chars / all_chars
    doc_row = [prose_lines / unruled if unruled else 0.0, share, (n - unruled) / n if n else 0.0,
               min(math.log1p(n) / 8.0, 1.0)]
    openers = {i for i, rule in doc.markers if RULES_BY_ID[rule].scope == "section"}
    ends = sorted(i for i, rule in doc.markers if RULES_BY_ID[rule].scope == "end")
    first_end = ends[0] if ends else n
    logits = [_logit(p) if not r else -1.0 for p, r in zip(second, ruled)]
    prose_at = [i for i in range(n) if not ruled[i] and stats[i].prose]
    html = doc.kind == "html"
    inside = doc.meta.get("html_container") if html else None
    first_prose, last_prose = (prose_at[0], prose_at[-1]) if prose_at else (n, -1)
    out: list[list[float]] = []
    for i in range(n):
        row = [0.0] * _N_LINE
        row[0] = 1.0
        verdict = verdicts[i]
        if verdict is not None:
            row[3] = 1.0
            row[_IDX["ruled_" + _LABEL_GROUPS.get(verdict.label, "other")]] = 1.0
        else:
            row[1] = logits[i]
            row[2] = _logit(first[i])
            base = rows[i]
            for k, b in enumerate(_BASE_INDEX, start=_IDX[_BASE[0]]):
                row[k] = base[b]
            ctx = context[i]
            for k, c in _CONTEXT_PAIRS:
                row[k] = ctx[c]
            s = stats[i]
            if s.terminal and s.words >= 3 and s.density >= _SENTENCE_DENSITY:
                row[_IDX["sentence"]] = 1.0
        if html:
            seg = doc.segments[i]
            if inside is not None and inside[i]:
                row[_IDX["in_container"]] = 1.0
            if seg.tag in _HEADINGS:
                row[_IDX["heading_tag"]] = 1.0
            elif seg.tag in _LIST_TAGS:
                row[_IDX["list_tag"]] = 1.0
            if seg.link_density >= _LINK_DENSE:
                row[_IDX["link_dense"]] = 1.0
        if i in openers:
            row[_IDX["section_opener"]] = 1.0
        if i == first_end:
            row[_IDX["end_marker"]] = 1.0
        elif i > first_end:
            row[_IDX["past_end_marker"]] = 1.0
        if i < first_prose:
            row[_IDX["above_prose"]] = 1.0
            row[_IDX["top_gap"]] = min(first_prose - i, _GAP_LINES) / _GAP_LINES
        elif i > last_prose:
            row[_IDX["below_prose"]] = 1.0
            row[_IDX["tail_gap"]] = min(i - last_prose, _GAP_LINES) / _GAP_LINES
        row[_IDX["logit_prev"]] = logits[i - 1] if i > 0 else 0.0
        row[_IDX["logit_next"]] = logits[i + 1] if i + 1 < n else 0.0
        out.append(row + doc_row + [v * share for v in row])
    if n and _PAGE_TITLE.search(doc.segments[0].text) and len(doc.segments[0].text) <= 200:
        out[0][_IDX["site_title"]] = 1.0
        out[0][_IDX["site_title_x_prose"]] = share
    return out


@dataclass(frozen=True)
class ExtentModel:
    """Per state, a weight per EXTENT_FEATURES; per allowed move, a weight; per first state, a weight."""

    emissions: tuple[tuple[float, ...], ...]
    moves: dict[tuple[int, int], float]
    starts: dict[int, float]

    def scores(self, rows: Sequence[Sequence[float]], body_shift: float = 0.0) -> list[tuple[float, ...]]:
        """Each line's score in each state (`body_shift` added to the body's: `favor`)."""
        w0, w1, w2, w3 = self.emissions
        return [(sum(map(mul, w0, r)), sum(map(mul, w1, r)) + body_shift, sum(map(mul, w2, r)), sum(map(mul, w3, r)))
                for r in rows]


def decode(scores: Sequence[Sequence[float]], moves: dict[tuple[int, int], float], starts: dict[int, float],
           allowed: Sequence[Sequence[bool]] | None = None) -> list[int]:
    """The best sequence of states (Viterbi). `allowed[i][s]` False forbids state s at line i (training
    decodes the paths that agree with the gold this way)."""
    n = len(scores)
    if n == 0:
        return []
    neg = -math.inf
    states = range(4)
    best = [starts.get(s, neg) + scores[0][s] if (allowed is None or allowed[0][s]) else neg for s in states]
    into: list[list[tuple[int, float]]] = [[] for _ in states]
    for (a, b), w in moves.items():
        into[b].append((a, w))
    back: list[tuple[int, ...]] = []
    for i in range(1, n):
        row = scores[i]
        ok = allowed[i] if allowed is not None else (True, True, True, True)
        new = []
        came = []
        for s in states:
            if not ok[s]:
                new.append(neg)
                came.append(0)
                continue
            top, arg = neg, 0
            for a, w in into[s]:
                value = best[a] + w
                if value > top:
                    top, arg = value, a
            new.append(top + row[s])
            came.append(arg)
        best = new
        back.append(tuple(came))
    last = max(LAST_STATES, key=lambda s: best[s])
    if best[last] == neg:
        # No path satisfies the constraints: the unconstrained best (training only).
        return decode(scores, moves, starts)
    path = [last]
    for i in range(n - 2, -1, -1):
        path.append(back[i][path[-1]])
    path.reverse()
    return path


@lru_cache(maxsize=1)
def load_extent_model() -> ExtentModel:
    data = json.loads(resources.files("cleaner.scoring").joinpath("data/extent_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != EXTENT_FEATURES:
        raise RuntimeError("cleaner/scoring/data/extent_model.json was trained on other features: retrain it")
    emissions = tuple(tuple(float(w) for w in data["emissions"][name]) for name in STATES)
    moves = {(STATES.index(a), STATES.index(b)): float(w) for a, b, w in data["moves"]}
    starts = {STATES.index(s): float(w) for s, w in data["starts"].items()}
    return ExtentModel(emissions, moves, starts)
