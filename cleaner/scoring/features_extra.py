"""Second-stage features about where a line sits relative to the article's core.

Teasers, author blurbs and "about us" paragraphs read like prose, so the first-stage scorer likes
them; what gives them away is that they stand apart from the article, beyond a stretch of lines the
scorer did not like (a "Related articles" heading, a list of headlines, a menu). The core is the
run of lines with the largest length-weighted first-stage score (Kadane over (p - 0.5) * length);
each line learns whether it is in the core and how many unliked lines separate it from it.

Kept apart from features.py so the scorer's base features and these can change independently.

Tried and not adopted (text-mode snippet F1, tune / test half, against 0.9053 / 0.8713 without them;
ablations by `train_line_model.py --without`): short-line runs inside / outside the core plus a
key-value-or-quantity line in the core ("Ort: ...", "6 Eier"): 0.9064 / 0.8701; share of a line's
content words found elsewhere in the core (site blurbs, author bios, teasers share few):
0.9078 / 0.8712, with a low-overlap-in-core flag 0.9088 / 0.8705; both groups 0.9095 / 0.8689
(with l2 4: 0.9049 / 0.8700). The tune half rises, the held-out half does not.

Also tried on 2026-12-06, by the mean F1 over the five dump styles (tune / test; 0.9040 / 0.8753
with the line vocabulary): an "author box" flag (a name, a verb and a profession: "Jake is the
co-founder of ...", the MET005 pattern loosened) 0.9049 / 0.8751; unlabelled lines between two
must-keep lines of a page taken as article at weight 0.1 0.9057 / 0.8721 (at 1.0: 0.8988 / 0.8647);
a third stage over the second's scores +0.0007 line AUC; gradient-boosted trees instead of the two
logistic stages +0.004 line AUC in the first stage and none in the second (test half).
"""

from __future__ import annotations

from .features import CONTEXT_NAMES, LineStats, best_run, context_features

CORE_NAMES: tuple[str, ...] = ("in_core", "core_gap_lines", "core_gap_low", "core_far")
#: Every second-stage feature after the base ones, in the order of `second_stage_rows`.
SECOND_STAGE_NAMES: tuple[str, ...] = CONTEXT_NAMES + CORE_NAMES
#: First-stage probability below which a line counts as "not liked" between a line and the core.
_LOW = 0.5
#: Line length cap for the core's weights (one huge line must not outweigh a whole article).
_MAX_WEIGHT_CHARS = 300


#: Shared rows (callers only concatenate them, never mutate them).
_IN_CORE = [1.0, 0.0, 0.0, 0.0]
_NO_CORE = [0.0, 0.0, 0.0, 0.0]


def core_features(first: list[float], stats: list[LineStats]) -> list[list[float]]:
    """Per line: in the core; lines and low-scoring lines between it and the core (scaled); far away."""
    n = len(first)
    weights = [(p - _LOW) * max(min(s.length, _MAX_WEIGHT_CHARS), 10) for p, s in zip(first, stats)]
    total, lo, hi = best_run(weights)
    if total <= 0:
        return [_NO_CORE] * n
    rows: list[list[float]] = [_IN_CORE] * n
    # Walk outwards from the core, counting the unliked lines crossed so far.
    low = 0
    for i in range(lo - 1, -1, -1):
        rows[i] = [0.0, min(lo - i, 30) / 30.0, min(low, 10) / 10.0, float(low >= 3)]
        low += first[i] < _LOW
    low = 0
    for i in range(hi, n):
        rows[i] = [0.0, min(i - hi + 1, 30) / 30.0, min(low, 10) / 10.0, float(low >= 3)]
        low += first[i] < _LOW
    return rows


def second_stage_rows(first: list[float], stats: list[LineStats]) -> list[list[float]]:
    """The second stage's extra features: neighbours' first-stage scores plus the core features."""
    return [a + b for a, b in zip(context_features(first, stats), core_features(first, stats))]
