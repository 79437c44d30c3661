"""Stage 3 of labelling: find the article region among what the rules left.

Every line gets a score from cheap features (length, stopword density in the document's language,
sentence-final punctuation); lines already labelled by a rule count against the region. The article
is the contiguous run of lines with the best total score (maximum subarray), plus any other run
nearly as strong; short lines inside it (headings, list items, short final sentences) stay with
their neighbours, and everything outside goes (menus, footers, teaser lists, cookie text).
"""

from __future__ import annotations

from .config import CleanerConfig
from .document import Document
from .language import WORD
from .rules import RuleSet

_TERMINAL = ".!?…\"”»)'’"
#: A second run is kept when its score reaches this share of the best run's score.
_SECONDARY_SHARE = 0.5


def line_score(text: str, stopwords: frozenset[str], config: CleanerConfig) -> tuple[float, float]:
    """(score, stopword density) of one unlabelled line."""
    n = len(text)
    if n == 0:
        return -12.0, 0.0
    tokens = WORD.findall(text.lower())
    n_words = len(tokens)
    terminal = text[-1] in _TERMINAL
    if stopwords:
        density = sum(1 for t in tokens if t in stopwords) / n_words if n_words else 0.0
    else:
        # No stoplist for this language: trust sentence shape alone.
        density = 0.35 if terminal and n_words >= 6 else 0.0
    if n >= config.length_good:
        if not terminal:
            # A long line without a sentence end: a headline or a teaser, unless it is dense prose
            # (a paragraph cut short by the scraper).
            return (n * 0.5 if n >= 150 and density >= config.stopwords_high else -12.0), density
        if density >= config.stopwords_high:
            return float(n), density
        if density >= config.stopwords_low:
            return n * 0.5, density
        return -min(n * 0.5, 120.0), density
    if n_words >= 4 and terminal and density >= config.stopwords_high:
        return n * 0.8, density
    if n < config.length_short:
        return -12.0, density
    return -min(n * 0.4, 40.0), density


def _best_run(scores: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum contiguous run of scores[lo:hi] (Kadane): (total, start, end)."""
    best, best_lo, best_hi = 0.0, lo, lo
    total, start = 0.0, lo
    for k in range(lo, hi):
        if total <= 0:
            total, start = 0.0, k
        total += scores[k]
        if total > best:
            best, best_lo, best_hi = total, start, k + 1
    return best, best_lo, best_hi


def find_region(doc: Document, stopwords: frozenset[str], config: CleanerConfig, rules: RuleSet) -> None:
    """Choose the article region and label what lies outside it (HEU001) or is a link list (HEU002)."""
    n = len(doc.segments)
    if n == 0:
        return
    scores: list[float] = []
    densities: list[float] = []
    for i, seg in enumerate(doc.segments):
        if doc.verdicts[i] is not None:
            scores.append(-min(len(seg.text), 80.0))
            densities.append(0.0)
            continue
        score, density = line_score(doc.kept_text(i) if doc.spans[i] else seg.text, stopwords, config)
        scores.append(score)
        densities.append(density)
    best, lo, hi = _best_run(scores, 0, n)
    if best <= 0:
        # Nothing reads like prose: keep whatever the rules left rather than return nothing.
        doc.region = (0, n)
        return
    runs = [(lo, hi)]
    for a, b in ((0, lo), (hi, n)):
        while a < b:
            score, s, e = _best_run(scores, a, b)
            if score < best * _SECONDARY_SHARE or e <= s:
                break
            runs.append((s, e))
            # Look for further runs only beyond this one, on the side away from the main run.
            if a == 0 and b == lo:
                b = s
            else:
                a = e
    keep = [False] * n
    for s, e in runs:
        for k in range(s, e):
            keep[k] = True
    doc.region = (min(s for s, _ in runs), max(e for _, e in runs))
    outside_ok = rules.enabled("HEU001")
    listy_ok = rules.enabled("HEU002")
    for i, seg in enumerate(doc.segments):
        if doc.verdicts[i] is not None:
            continue
        if not keep[i]:
            if outside_ok:
                doc.label(i, "HEU001")
        elif listy_ok and len(seg.text) >= 100 and densities[i] < 0.05 and seg.text[-1] not in _TERMINAL:
            doc.label(i, "HEU002")
