"""Line features for the article scorer: cheap per-line measures plus the context around each line.

A line alone says little ("Kontakt" is a menu item, "Zutaten:" a recipe heading); its neighbours,
its place relative to the page's prose (before the article, inside it, after it) and what the rules
said about the lines around it say much more. The features are plain floats so that the scorer is a
dot product and the training script (scripts/train_line_model.py) can fit the weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import regex

from ..config import CleanerConfig
from ..text.document import Document
from ..text.scripts import is_sentence, weighted_length, word_count
from .vocabulary import vocabulary_scores

_TERMINAL = ".!?…\"”»)'’"
_BULLET = regex.compile(r"^(?:[-•*·–▪►✓]\s|\d{1,2}[.)]\s)")
_SEPARATORS = regex.compile(r"\s[|»›/·•–-]\s")
_URLISH = regex.compile(r"https?://|www\.|@\w+\.|\.(?:com|de|org|net)\b", regex.IGNORECASE)
_PUNCT_STRIP = ".,;:!?\"'()[]{}«»„“”‘’‚*–—-…/|"
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")
_ASCII = bytes(range(128))
#: For bytes.translate(None, delete): every ASCII byte that is not a letter / capital / digit.
_NOT_ASCII_LETTER = bytes(b for b in _ASCII if not chr(b).isalpha())
_NOT_ASCII_UPPER = bytes(b for b in _ASCII if not chr(b).isupper())
_NOT_ASCII_DIGIT = bytes(b for b in _ASCII if not chr(b).isdigit())
#: Lines at least this long, with enough stopwords, count as prose for the position features.
_PROSE_CHARS = 80

FEATURE_NAMES: tuple[str, ...] = (
    "bias", "log_len", "words", "stop_density", "terminal", "colon_end", "bullet", "upper_ratio",
    "digit_ratio", "capitalised_words", "separators", "urlish", "copyright", "dup",
    "prose", "short", "prose_before", "prose_after", "rel_pos", "in_run", "block_log", "first_in_block",
    "last_in_block", "prev_density", "next_density", "prev_prose", "next_prose", "prev_rule", "next_rule",
    "near_rule", "win_prose", "win_density", "nearest_prose_dist", "base_score", "vocab_mean", "vocab_min",
)


@dataclass(slots=True)
class LineStats:
    length: int
    words: int
    density: float
    terminal: bool
    prose: bool
    vocab_mean: float = 0.0
    vocab_min: float = 0.0


def tokenize(text: str) -> list[str]:
    """Lower-cased words without surrounding punctuation (fast: str.split, not a regex)."""
    return [token for word in text.lower().split() if (token := word.strip(_PUNCT_STRIP))]


def line_stats(text: str, stopwords: frozenset[str], config: CleanerConfig,
               vocabulary: dict[str, float] | None = None) -> LineStats:
    tokens = tokenize(text)
    n_words = len(tokens)
    terminal = bool(text) and text[-1] in _TERMINAL
    if stopwords:
        density = sum(map(stopwords.__contains__, tokens)) / n_words if n_words else 0.0
    else:
        # No stoplist for this language: trust sentence shape alone.
        density = 0.35 if terminal and n_words >= 6 else 0.0
    prose = len(text) >= _PROSE_CHARS and density >= config.stopwords_low and terminal
    if vocabulary:
        return LineStats(len(text), n_words, density, terminal, prose, *vocabulary_scores(tokens, vocabulary))
    return LineStats(len(text), n_words, density, terminal, prose)


def wide_line_stats(text: str, stopwords: frozenset[str], config: CleanerConfig,
                    vocabulary: dict[str, float] | None = None) -> LineStats:
    """`line_stats` for Chinese, Japanese, Korean and Thai documents (`text/scripts.py`): the length counts
    CJK characters twice (a 40-character Chinese line is a sentence), words are counted where no
    spaces separate them, and a line ending in "。！？" (or a long Thai clause) ends a sentence."""
    tokens = tokenize(text)
    n_words = word_count(text)
    terminal = bool(text) and (text[-1] in _TERMINAL or is_sentence(text))
    if stopwords:
        density = sum(map(stopwords.__contains__, tokens)) / len(tokens) if tokens else 0.0
    else:
        density = 0.35 if terminal and n_words >= 6 else 0.0
    length = weighted_length(text)
    prose = length >= _PROSE_CHARS and density >= config.stopwords_low and terminal
    if vocabulary:
        return LineStats(length, n_words, density, terminal, prose, *vocabulary_scores(tokens, vocabulary))
    return LineStats(length, n_words, density, terminal, prose)


def base_score(s: LineStats, config: CleanerConfig) -> float:
    """The hand-set score of one line (positive: reads like article prose)."""
    n, density = s.length, s.density
    if n == 0:
        return -12.0
    if n >= config.length_good:
        if not s.terminal:
            return n * 0.5 if n >= 150 and density >= config.stopwords_high else -12.0
        if density >= config.stopwords_high:
            return float(n)
        if density >= config.stopwords_low:
            return n * 0.5
        return -min(n * 0.5, 120.0)
    if s.words >= 4 and s.terminal and density >= config.stopwords_high:
        return n * 0.8
    if n < config.length_short:
        return -12.0
    return -min(n * 0.4, 40.0)


def best_run(scores: list[float]) -> tuple[float, int, int]:
    """Maximum-sum contiguous run of scores (Kadane): (total, start, end)."""
    best, best_lo, best_hi = 0.0, 0, 0
    total, start = 0.0, 0
    for k, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, k
        total += score
        if total > best:
            best, best_lo, best_hi = total, start, k + 1
    return best, best_lo, best_hi


def _char_counts(head: str) -> tuple[int, int, int]:
    """Letters, capitals and digits in `head` (str.isalpha / isupper / isdigit, char by char).

    The ASCII part is counted by bytes.translate, in C; only the non-ASCII characters (few, even in
    German or French text) are tested one by one.
    """
    ascii_part = head.encode("ascii", "ignore")
    letters = len(ascii_part.translate(None, _NOT_ASCII_LETTER))
    upper = len(ascii_part.translate(None, _NOT_ASCII_UPPER))
    digits = len(ascii_part.translate(None, _NOT_ASCII_DIGIT))
    if len(ascii_part) != len(head):
        others = _NON_ASCII.findall(head)
        letters += sum(map(str.isalpha, others))
        upper += sum(map(str.isupper, others))
        digits += sum(map(str.isdigit, others))
    return letters, upper, digits


def _prefix_sums(values: Sequence[int]) -> list[int]:
    """sums[k] = values[0] + ... + values[k-1], so that any window's count is one subtraction."""
    sums = [0]
    for v in values:
        sums.append(sums[-1] + v)
    return sums


def doc_features(
    doc: Document, texts: list[str], stats: list[LineStats], scores: list[float], run: tuple[int, int]
) -> list[list[float]]:
    """One feature vector per segment (see FEATURE_NAMES).

    A line a rule already removed gets a row of zeros: the scorer gives it 0 whatever its features
    (and the training script skips it), so its row is not worth computing.
    """
    segs = doc.segments
    n = len(segs)
    ruled = [v is not None for v in doc.verdicts]
    prose_chars = [s.length if (s.prose and not ruled[i]) else 0 for i, s in enumerate(stats)]
    total_prose = sum(prose_chars) or 1
    cumulative = []
    acc = 0
    for c in prose_chars:
        cumulative.append(acc)
        acc += c
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    block_sizes: dict[int, int] = {}
    for seg in segs:
        block_sizes[seg.block] = block_sizes.get(seg.block, 0) + 1
    # Distance (in lines) to the nearest prose line, both directions.
    nearest = [n] * n
    last = -n
    for i in range(n):
        if prose_chars[i]:
            last = i
        nearest[i] = i - last
    last = 2 * n
    for i in range(n - 1, -1, -1):
        if prose_chars[i]:
            last = i
        nearest[i] = min(nearest[i], last - i)
    densities = [s.density for s in stats]
    prose_before = _prefix_sums([c > 0 for c in prose_chars])
    ruled_before = _prefix_sums(ruled)
    run_lo, run_hi = run
    rows: list[list[float]] = []
    zeros = [0.0] * len(FEATURE_NAMES)
    log1p = math.log1p
    for i in range(n):
        if ruled[i]:
            rows.append(zeros)  # shared: rows are read, never changed
            continue
        s = stats[i]
        text = texts[i]
        head = text[:200]  # character ratios settle within the first 200 characters
        letters, upper, digits = _char_counts(head)
        words = head.split()
        capitalised = sum([w[0].isupper() for w in words]) / (len(words) or 1)
        seg = segs[i]
        lo = i - 3 if i > 3 else 0
        hi = i + 4 if i + 4 < n else n
        width = hi - lo
        if i > 0:
            prev_s = stats[i - 1]
            prev_density, prev_prose, prev_rule = prev_s.density, 1.0 if prev_s.prose else 0.0, 1.0 if ruled[i - 1] else 0.0
        else:
            prev_density = prev_prose = prev_rule = 0.0
        if i + 1 < n:
            next_s = stats[i + 1]
            next_density, next_prose, next_rule = next_s.density, 1.0 if next_s.prose else 0.0, 1.0 if ruled[i + 1] else 0.0
        else:
            next_density = next_prose = next_rule = 0.0
        n_words = s.words if s.words < 100 else 100
        separators = len(_SEPARATORS.findall(text))
        near = nearest[i] if nearest[i] < 20 else 20
        score = scores[i] / 200.0
        rows.append([
            1.0,
            log1p(s.length) / 6.0,
            n_words / 50.0,
            s.density,
            1.0 if s.terminal else 0.0,
            1.0 if text.endswith(":") else 0.0,
            1.0 if _BULLET.match(text) else 0.0,
            upper / (letters or 1),
            digits / (len(head) or 1),
            capitalised,
            (separators if separators < 5 else 5) / 5.0,
            1.0 if _URLISH.search(text) else 0.0,
            1.0 if ("©" in text or "(c)" in text or "(C)" in text) else 0.0,
            1.0 if counts[text] > 1 else 0.0,
            1.0 if prose_chars[i] > 0 else 0.0,
            1.0 if s.length < 30 else 0.0,
            cumulative[i] / total_prose,
            1.0 - (cumulative[i] + prose_chars[i]) / total_prose,
            i / n,
            1.0 if run_lo <= i < run_hi else 0.0,
            log1p(block_sizes[seg.block]) / 3.0,
            1.0 if seg.first_in_block else 0.0,
            1.0 if seg.last_in_block else 0.0,
            prev_density,
            next_density,
            prev_prose,
            next_prose,
            prev_rule,
            next_rule,
            (ruled_before[hi] - ruled_before[lo]) / width,
            (prose_before[hi] - prose_before[lo]) / width,
            sum(densities[lo:hi]) / width,
            near / 20.0,
            -1.0 if score < -1.0 else 1.0 if score > 1.0 else score,
            s.vocab_mean,
            s.vocab_min,
        ])
    return rows


CONTEXT_NAMES: tuple[str, ...] = (
    "p", "p_prev", "p_next", "p_win2", "p_win5", "kept_before", "kept_after", "p_max_before", "p_max_after",
)


def context_features(first: list[float], stats: list[LineStats]) -> list[list[float]]:
    """Second-stage features: what the first-stage scorer thought of each line and its surroundings.

    Like jusText's context-sensitive pass: a short line between two article paragraphs is a heading,
    the same line among menu items is a menu item.
    """
    n = len(first)
    mass = [first[i] * stats[i].length for i in range(n)]
    total = sum(mass) or 1.0
    rows = []
    acc = 0.0
    # (conditional expressions rather than max() and min() calls: a few calls fewer per line)
    running_max = [0.0] * n
    best = 0.0
    for i in range(n):
        running_max[i] = best
        if first[i] > best:
            best = first[i]
    best = 0.0
    after_max = [0.0] * n
    for i in range(n - 1, -1, -1):
        after_max[i] = best
        if first[i] > best:
            best = first[i]
    for i in range(n):
        lo2, hi2 = (i - 2 if i > 2 else 0), (i + 3 if i + 3 < n else n)
        lo5, hi5 = (i - 5 if i > 5 else 0), (i + 6 if i + 6 < n else n)
        rows.append([
            first[i],
            first[i - 1] if i > 0 else 0.0,
            first[i + 1] if i + 1 < n else 0.0,
            sum(first[lo2:hi2]) / (hi2 - lo2),
            sum(first[lo5:hi5]) / (hi5 - lo5),
            acc / total,
            1.0 - (acc + mass[i]) / total,
            running_max[i],
            after_max[i],
        ])
        acc += mass[i]
    return rows
