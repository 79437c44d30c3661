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
from operator import itemgetter, mul
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
_GROUP_INDEX = {g: k for k, g in enumerate(_GROUPS)}

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
#: The line scorer's columns read as they are: its base row's, then the second stage's context row's.
_BASE_GETTER = itemgetter(*_BASE_INDEX)
_CONTEXT_GETTER = itemgetter(*(SECOND_STAGE_NAMES.index(name) for name in (
    "p_win5", "kept_before", "kept_after", "in_core", "core_gap_low", "core_far")))
#: The first columns of a ruled line's row (bias, logit, logit_first, ruled, its label's group), per group.
_RULED_HEADS = {g: [1.0, 0.0, 0.0, 1.0, *(1.0 if h == g else 0.0 for h in _GROUPS)] for g in _GROUPS}
_NO_PLACE = (0.0, 0.0, 0.0, 0.0, 0.0)
_NO_MARKERS = (0.0, 0.0, 0.0)
_NO_HTML = (0.0, 0.0, 0.0, 0.0)
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


#: Columns of LINE_FEATURES a line no rule removed can have non-zero, in order (its row holds these):
#: not `ruled` and the label groups (always 0 on such a line), nor the markup columns in text mode.
_FREE_COLUMNS = tuple(k for k, name in enumerate(LINE_FEATURES) if name != "ruled" and not name.startswith("ruled_"))
_FREE_TEXT_COLUMNS = _FREE_COLUMNS[:-len(_NO_HTML)]
#: The head of a ruled line (bias, logit, logit_first, ruled, groups) is the same for every line of its
#: label's group; its row holds only the columns after the head that can be non-zero (markers,
#: neighbours' logits, place, and markup in HTML mode).
_HEAD = 4 + len(_GROUPS)
_RULED_COLUMNS = tuple(
    k for k, name in enumerate(LINE_FEATURES)
    if k >= _HEAD and name not in _BASE and name not in ("win5", "kept_before", "kept_after", "in_core",
                                                         "core_gap_low", "core_far", "sentence"))
_RULED_TEXT_COLUMNS = _RULED_COLUMNS[:-len(_NO_HTML)]


@dataclass
class ExtentRows:
    """What the extent reads of one document: a row per segment, the DOC_FEATURES row, and the prose
    share the line features are multiplied by (EXTENT_FEATURES = line + doc + line x share).

    A row holds only the LINE_FEATURES columns that can be non-zero for its line (`_FREE_COLUMNS` for a
    line no rule removed, `_RULED_COLUMNS` after the head of its label's group for a ruled one, without
    the markup columns in text mode): the zeros left out add nothing to a dot product, in any order, so
    scoring is the same sum with a third of the terms. `matrix` gives the full rows (fitting the model)."""

    rows: list[list[float]]
    #: Per row: None for a line no rule removed, else the index of its verdict's group in _GROUPS.
    groups: list[int | None]
    html: bool
    doc_row: list[float]
    share: float

    def columns(self, group: int | None) -> tuple[int, ...]:
        """The LINE_FEATURES columns a row of this kind holds (a ruled line's are the same whatever
        its group)."""
        if group is None:
            return _FREE_COLUMNS if self.html else _FREE_TEXT_COLUMNS
        return _RULED_COLUMNS if self.html else _RULED_TEXT_COLUMNS

    def full_rows(self) -> list[list[float]]:
        """Every line's whole LINE_FEATURES row."""
        out = []
        for row, group in zip(self.rows, self.groups):
            full = [0.0] * _N_LINE if group is None else list(_RULED_HEADS[_GROUPS[group]]) + [0.0] * (_N_LINE - _HEAD)
            for k, v in zip(self.columns(group), row):
                full[k] = v
            out.append(full)
        return out

    def matrix(self) -> list[list[float]]:
        """Every line's full EXTENT_FEATURES row (for fitting the model)."""
        share, doc_row = self.share, self.doc_row
        return [row + doc_row + [v * share for v in row] for row in self.full_rows()]


def extent_rows(doc: Document, rows: Sequence[Sequence[float]], stats: Sequence[LineStats],
                first: Sequence[float], second: Sequence[float], context: Sequence[Sequence[float]]) -> ExtentRows:
    """The document's extent evidence (`ExtentRows`).

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
    inside = doc.evidence.in_container if html else None
    first_prose, last_prose = (prose_at[0], prose_at[-1]) if prose_at else (n, -1)
    out: list[list[float]] = []
    groups: list[int | None] = []
    segs = doc.segments
    base_of, context_of = _BASE_GETTER, _CONTEXT_GETTER
    for i in range(n):
        # The row's columns (ExtentRows.columns) in LINE_FEATURES order, built from pieces.
        if i in openers or i >= first_end:
            markers = (1.0 if i in openers else 0.0, 1.0 if i == first_end else 0.0, 1.0 if i > first_end else 0.0)
        else:
            markers = _NO_MARKERS
        if i < first_prose:
            place = (0.0, 1.0, min(first_prose - i, _GAP_LINES) / _GAP_LINES, 0.0, 0.0)
        elif i > last_prose:
            place = (0.0, 0.0, 0.0, 1.0, min(i - last_prose, _GAP_LINES) / _GAP_LINES)
        else:
            place = _NO_PLACE
        if html:
            seg = segs[i]
            tag = seg.tag
            markup: tuple[float, ...] = (
                1.0 if inside is not None and inside[i] else 0.0, 1.0 if tag in _HEADINGS else 0.0,
                1.0 if tag in _LIST_TAGS else 0.0, 1.0 if seg.link_density >= _LINK_DENSE else 0.0)
        else:
            markup = ()
        around = (logits[i - 1] if i > 0 else 0.0, logits[i + 1] if i + 1 < n else 0.0)
        verdict = verdicts[i]
        if verdict is not None:
            groups.append(_GROUP_INDEX[_LABEL_GROUPS.get(verdict.label, "other")])
            out.append([*markers, *around, *place, *markup])
            continue
        st = stats[i]
        sentence = 1.0 if st.terminal and st.words >= 3 and st.density >= _SENTENCE_DENSITY else 0.0
        groups.append(None)
        out.append([1.0, logits[i], _logit(first[i]), *markers, *base_of(rows[i]), *around, *context_of(context[i]),
                    *place, sentence, *markup])
    evidence = ExtentRows(out, groups, html, doc_row, share)
    if n and _PAGE_TITLE.search(doc.segments[0].text) and len(doc.segments[0].text) <= 200:
        out[0][evidence.columns(groups[0]).index(_IDX["site_title"])] = 1.0
    return evidence


@dataclass(frozen=True)
class ExtentModel:
    """Per state, a weight per EXTENT_FEATURES (stored as its three parts: line, doc, line x share); per
    allowed move, a weight; per first state, a weight."""

    line: tuple[tuple[float, ...], ...]
    doc: tuple[tuple[float, ...], ...]
    prose: tuple[tuple[float, ...], ...]
    moves: dict[tuple[int, int], float]
    starts: dict[int, float]

    def scores(self, evidence: ExtentRows, body_shift: float = 0.0) -> list[tuple[float, ...]]:
        """Each line's score in each state (`body_shift` added to the body's: `favor`, `body_bias`).

        The before state's weights are zero (the model file is stored so: the same best path), so its
        score is 0 for every line; the others are one dot product each with this document's weights
        (the line weights plus the share times the line-by-share weights, the document row's part
        as a constant)."""
        share, doc_row = evidence.share, evidence.doc_row
        free_of = itemgetter(*evidence.columns(None))
        ruled_of = itemgetter(*evidence.columns(_GROUP_INDEX["other"]))
        free: list[tuple[float, ...]] = []
        ruled: list[tuple[float, ...]] = []
        heads: list[list[float]] = []
        constants: list[float] = []
        for s in (BODY, GAP, AFTER):
            w = [a + share * b for a, b in zip(self.line[s], self.prose[s])]
            free.append(free_of(w))
            ruled.append(ruled_of(w))
            # A ruled line's head is its group's: its part of the sum is the same for every such line.
            heads.append([sum(map(mul, w[:_HEAD], _RULED_HEADS[g])) for g in _GROUPS])
            constants.append(sum(map(mul, self.doc[s], doc_row)) + (body_shift if s == BODY else 0.0))
        (f1, f2, f3), (r1, r2, r3), (h1, h2, h3), (c1, c2, c3) = free, ruled, heads, constants
        out = []
        for row, g in zip(evidence.rows, evidence.groups):
            if g is None:
                out.append((0.0, sum(map(mul, f1, row)) + c1, sum(map(mul, f2, row)) + c2,
                            sum(map(mul, f3, row)) + c3))
            else:
                # The sum continues from the head's, term by term, as over the whole row.
                out.append((0.0, sum(map(mul, r1, row), h1[g]) + c1, sum(map(mul, r2, row), h2[g]) + c2,
                            sum(map(mul, r3, row), h3[g]) + c3))
        return out


def decode(scores: Sequence[Sequence[float]], moves: dict[tuple[int, int], float], starts: dict[int, float],
           allowed: Sequence[Sequence[bool]] | None = None) -> list[int]:
    """The best sequence of states (Viterbi). `allowed[i][s]` False forbids state s at line i (training
    decodes the paths that agree with the gold this way)."""
    n = len(scores)
    if n == 0:
        return []
    if allowed is None and set(moves) == set(MOVES):
        return _decode_chain(scores, moves, starts)
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
    return _backtrack(back, last)


def _decode_chain(scores: Sequence[Sequence[float]], moves: dict[tuple[int, int], float],
                  starts: dict[int, float]) -> list[int]:
    """`decode` unrolled for MOVES (before -> body <-> gap, body -> after), no constraints: the run-time path."""
    bb, bo = moves[(BEFORE, BEFORE)], moves[(BEFORE, BODY)]
    oo, og, oa = moves[(BODY, BODY)], moves[(BODY, GAP)], moves[(BODY, AFTER)]
    gg, go, aa = moves[(GAP, GAP)], moves[(GAP, BODY)], moves[(AFTER, AFTER)]
    neg = -math.inf
    e = scores[0]
    b0, b1, b2, b3 = starts.get(BEFORE, neg) + e[0], starts.get(BODY, neg) + e[1], neg, neg
    back: list[tuple[int, int, int, int]] = []
    for e in scores[1:]:
        # into body: from before, body or gap; into gap: from body or gap; into after: from body or after
        x, y, z = b0 + bo, b1 + oo, b2 + go
        if x >= y and x >= z:
            n1, c1 = x, BEFORE
        elif y >= z:
            n1, c1 = y, BODY
        else:
            n1, c1 = z, GAP
        x, y = b1 + og, b2 + gg
        n2, c2 = (x, BODY) if x >= y else (y, GAP)
        x, y = b1 + oa, b3 + aa
        n3, c3 = (x, BODY) if x >= y else (y, AFTER)
        back.append((BEFORE, c1, c2, c3))
        b0, b1, b2, b3 = b0 + bb + e[0], n1 + e[1], n2 + e[2], n3 + e[3]
    return _backtrack(back, BODY if b1 >= b3 else AFTER)


def _backtrack(back: Sequence[Sequence[int]], last: int) -> list[int]:
    path = [last]
    for came in reversed(back):
        path.append(came[path[-1]])
    path.reverse()
    return path


@lru_cache(maxsize=1)
def load_extent_model() -> ExtentModel:
    data = json.loads(resources.files("cleaner.scoring").joinpath("data/extent_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != EXTENT_FEATURES:
        raise RuntimeError("cleaner/scoring/data/extent_model.json was trained on other features: retrain it")
    emissions = [[float(w) for w in data["emissions"][name]] for name in STATES]
    # (stored with the before state's weights subtracted: they are zero, and before scores 0 everywhere)
    if any(emissions[BEFORE]):
        raise RuntimeError("cleaner/scoring/data/extent_model.json: the before state's weights must be zero")
    n_line, n_doc = len(LINE_FEATURES), len(DOC_FEATURES)
    line = tuple(tuple(w[:n_line]) for w in emissions)
    doc = tuple(tuple(w[n_line : n_line + n_doc]) for w in emissions)
    prose = tuple(tuple(w[n_line + n_doc :]) for w in emissions)
    moves = {(STATES.index(a), STATES.index(b)): float(w) for a, b, w in data["moves"]}
    starts = {STATES.index(s): float(w) for s, w in data["starts"].items()}
    return ExtentModel(line, doc, prose, moves, starts)
