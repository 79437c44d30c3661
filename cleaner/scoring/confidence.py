"""`Article.confidence`: the probability that the body is the whole article and nothing else.

It is read off the Article itself (its body, normalized input, ledger, stats and flags), so any
consumer can recompute it from a stored record with the input: how much of the page's running prose
the body kept, and how much the region heuristics, a section cut, or a cut inside the kept region
took away; the share of the page removed; how long the body is and how it is shaped (short lines,
runs of kept lines, text before the first and after the last kept line of prose); whether the HTML
fallback fired or a second pass was needed, whether the body is a teaser. A logistic model over those
features, one per mode, with its weights as named data (`cleaner/scoring/data/confidence_model.json`),
is fitted by `scripts/fit_confidence.py` on the tune half of the development set, its label whether
the page came out whole and clean (F1 = 1 on the with/without snippet metric); `cleaner eval
--confidence` reports how well it ranks the pages of a half and how the share of whole pages follows
it (README: Confidence). An empty body has confidence 0. Computed when first read (about 0.5-1 ms
for a development page), so `clean()` costs nothing more.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..text.scripts import weighted_length

if TYPE_CHECKING:
    from ..article import Article

FEATURE_NAMES: tuple[str, ...] = (
    "bias", "removed_share", "log_body", "short_body", "prose_kept", "prose_lost_heuristics", "prose_lost_sections",
    "prose_lost_inside", "prose_lost_outside", "prose_in_body", "short_kept", "runs", "fragmentation", "tail_chars",
    "head_chars", "fallback", "retry", "truncated", "no_title",
)
#: A line at least this long (CJK counted twice) that ends like a sentence is running prose.
PROSE_CHARS = 80
#: A kept line shorter than this (CJK counted twice) is a short line (a heading, a label, a menu item).
SHORT_CHARS = 40
#: A body shorter than this (CJK counted twice) is short (the teaser length of `cleaner.metadata.access`).
SHORT_BODY = 1_000
_ENDS = ".!?…\"”»)'’。！？」』）"
#: Rules that drop lines by the region heuristics or the page structure (not by a named phrase).
_HEURISTIC = ("HEU", "EXT", "HTM013", "HTM016")
#: Rules that cut a section off the end of the page.
_SECTIONS = frozenset({"REL002", "REL003", "COM003", "SYN001"})
#: The fitted weights, package data.
MODEL_FILE = "data/confidence_model.json"


def _lines(article: "Article") -> list[tuple[bool, int, bool, str]]:
    """(kept, length with CJK counted twice, running prose, first rule removing it) for each non-blank
    line of the normalized input."""
    source = article.normalized_input
    spans = sorted((r.start, r.end, r.rule) for r in article.removed)
    starts = [s for s, _, _ in spans]
    out: list[tuple[bool, int, bool, str]] = []
    pos = 0
    for line in source.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        # The removals overlapping this line: how much of it they took, and the first one's rule.
        k = max(0, bisect_right(starts, start) - 1)
        removed = 0
        rule = ""
        while k < len(spans) and spans[k][0] < end:
            s, e, r = spans[k]
            overlap = min(e, end) - max(s, start)
            if overlap > 0:
                removed += overlap
                rule = rule or r
            k += 1
        size = weighted_length(stripped)
        out.append((removed < len(stripped), size, size >= PROSE_CHARS and stripped[-1] in _ENDS, rule))
    return out


def features(article: "Article") -> list[float]:
    """The model's inputs for one Article (see FEATURE_NAMES): shares of the page's running prose
    (lines of at least PROSE_CHARS ending like a sentence) kept, or lost to the region heuristics, to
    a section cut, inside the kept region or outside it; the shape of the kept lines (short ones, runs
    of consecutive kept lines, text before the first and after the last kept line of prose); the body's
    length; the engine's flags."""
    lines = _lines(article)
    kept_at = [i for i, line in enumerate(lines) if line[0]]
    first, last = (kept_at[0], kept_at[-1]) if kept_at else (0, -1)
    prose_at = [i for i in kept_at if lines[i][2]]
    prose_first, prose_last = (prose_at[0], prose_at[-1]) if prose_at else (first, last)
    prose_total = prose_kept = lost_heuristics = lost_sections = lost_inside = lost_outside = 0
    kept_chars = short_kept = runs = tail = head = 0
    previous_kept = False
    for i, (kept, size, prose, rule) in enumerate(lines):
        if prose:
            prose_total += size
            if kept:
                prose_kept += size
            else:
                if rule.startswith(_HEURISTIC):
                    lost_heuristics += size
                elif rule in _SECTIONS:
                    lost_sections += size
                if first < i < last:
                    lost_inside += size
                else:
                    lost_outside += size
        if kept:
            kept_chars += size
            short_kept += size < SHORT_CHARS
            runs += not previous_kept
            if i > prose_last:
                tail += size
            elif i < prose_first:
                head += size
        previous_kept = kept
    text = article.text
    n_in, n_out = max(len(article.normalized_input), 1), len(text)
    body = weighted_length(text)
    prose = max(prose_total, 1)
    kept_lines = len(kept_at)
    stats = article.stats
    return [
        1.0,
        1.0 - n_out / n_in,
        math.log1p(n_out) / 10.0,
        1.0 if body < SHORT_BODY else 0.0,
        prose_kept / prose if prose_total else 1.0,
        lost_heuristics / prose,
        lost_sections / prose,
        lost_inside / prose,
        lost_outside / prose,
        min(1.0, prose_kept / max(body, 1)),
        short_kept / kept_lines if kept_lines else 1.0,
        math.log1p(runs) / 5.0,
        runs / kept_lines if kept_lines else 1.0,
        tail / max(kept_chars, 1),
        head / max(kept_chars, 1),
        1.0 if stats.get("fallback") else 0.0,
        1.0 if stats.get("retry") else 0.0,
        1.0 if article.truncated else 0.0,
        0.0 if article.title else 1.0,
    ]


@lru_cache(maxsize=1)
def load_model() -> dict[str, list[float]]:
    """Mode ("text", "html") -> the weights in FEATURE_NAMES order, from
    cleaner/scoring/data/confidence_model.json (`{"models": {mode: {feature name: weight}}}`, written
    by scripts/fit_confidence.py)."""
    data = json.loads(resources.files("cleaner.scoring").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    models: dict[str, list[float]] = {}
    for mode, weights in data["models"].items():
        if set(weights) != set(FEATURE_NAMES):
            raise RuntimeError(f"cleaner/scoring/{MODEL_FILE} was fitted on other features: run scripts/fit_confidence.py")
        models[mode] = [float(weights[name]) for name in FEATURE_NAMES]
    return models


def is_whole(f1: float) -> bool:
    """Whether a page came out whole and clean (its F1 is 1): what the confidence is the probability of."""
    return f1 >= 1.0 - 1e-9


def score(article: "Article") -> float:
    """The confidence of one Article, 0-1, rounded to three places (0 for an empty body)."""
    if not article.text:
        return 0.0
    weights = load_model()["html" if article.kind == "html" else "text"]
    z = sum(w * x for w, x in zip(weights, features(article)))
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)


# -- how well a score ranks pages -------------------------------------------------------------------
def ranks(values: list[float]) -> list[float]:
    """Average ranks (1-based), ties sharing the mean of their positions."""
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rank correlation of two equally long lists (0 when either is constant)."""
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = math.sqrt(sum((x - ma) ** 2 for x in ra))
    vb = math.sqrt(sum((y - mb) ** 2 for y in rb))
    return cov / (va * vb) if va and vb else 0.0


def ranking_report(confidence: list[float], f1: list[float], share: float = 0.1) -> dict[str, float]:
    """How well `confidence` ranks pages by their F1: Spearman's rho, and the share of the total F1
    loss (sum of 1 - F1) held by the `share` of pages with the lowest confidence (ties broken by
    page order; `share` of pages at random would hold `share` of it), with the mean F1 there and
    elsewhere."""
    n = len(f1)
    loss = [1.0 - f for f in f1]
    total = sum(loss) or 1.0
    k = max(1, round(share * n))
    lowest = sorted(range(n), key=lambda i: confidence[i])[:k]
    chosen = set(lowest)
    rest = [i for i in range(n) if i not in chosen]
    return {
        "pages": n,
        "spearman": round(spearman(confidence, f1), 3),
        "lowest_share": share,
        "loss_in_lowest": round(sum(loss[i] for i in lowest) / total, 3),
        "f1_lowest": round(sum(f1[i] for i in lowest) / k, 3),
        "f1_rest": round(sum(f1[i] for i in rest) / max(1, len(rest)), 3),
        "mean_confidence": round(sum(confidence) / n, 3),
        "mean_f1": round(sum(f1) / n, 3),
    }
