"""Line vocabulary: which words lean towards article text and which towards page chrome.

The rules name the phrases we know ("Newsletter abonnieren", "Read Entire Article"); the vocabulary
weighs every word seen on enough pages by the log-odds that a line holding it is article text rather
than chrome. `scripts/train_line_model.py` learns it on the tune half of the development set from the
lines of its text dumps, each labelled by HTML mode on the same page (the page's markup knows what a
text dump cannot: which lines sat in the article container), and writes `data/line_vocabulary.json`.
Words found on fewer than `min_pages` pages are left out, so that no one site's words count.

The line scorer sees two numbers per line: the mean weight of its words (a teaser's "lesen", "mehr",
"Newsletter" pull it down; a sentence's "der", "wurde", "sagte" up) and the weight of its most
chrome-like word.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

#: Weights are clipped to +-CLIP when learnt; features divide by it so they stay within [-1, 1].
CLIP = 4.0
_EMPTY: dict[str, float] = {}


@lru_cache(maxsize=1)
def load_vocabulary() -> dict[str, float]:
    """The word weights (read-only: one copy per process, shared by every Cleaner)."""
    path = resources.files("cleaner.scoring").joinpath("data/line_vocabulary.json")
    if not path.is_file():
        return _EMPTY
    return dict(json.loads(path.read_text(encoding="utf-8"))["weights"])


def vocabulary_scores(tokens: list[str], weights: dict[str, float]) -> tuple[float, float]:
    """(mean weight, lowest weight) of the tokens, scaled to [-1, 1]; (0, 0) for no tokens.

    A word the vocabulary does not know weighs 0 (no evidence either way)."""
    if not tokens:
        return 0.0, 0.0
    known = [w for w in map(weights.get, tokens) if w is not None]  # one lookup a token
    lowest = min(known) if known else 0.0
    if lowest > 0.0 and len(known) < len(tokens):
        lowest = 0.0
    return sum(known) / (len(tokens) * CLIP), lowest / CLIP
