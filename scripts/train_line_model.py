"""Fit the line scorer's weights (cleaner/scoring/data/line_model.json) on one half of the development set.

Lines holding a must-keep snippet are positives, lines holding a must-drop snippet negatives; a
logistic regression (L2, class-balanced, Newton steps) is fitted on the *tune* half only. Its two
stages' probabilities are evidence for the article's extent (cleaner/scoring/extent.py), whose model
is refitted afterwards on top of them (scripts/train_extent_model.py; `make train` runs both). Report
quality on the *test* half:
    python scripts/train_line_model.py --dataset ../shared/benchmarks/trafilatura-eval
    python scripts/train_extent_model.py --dataset ../shared/benchmarks/trafilatura-eval
    cleaner eval --dump all --half test
Needs numpy (pip install -e '.[train]'); the cleaner itself does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import numpy as np

from cleaner.config import CleanerConfig
from cleaner.engine import Cleaner
from cleaner.pipeline import language_model as _language_model
from cleaner.errors import CleanerError
from cleaner.evaluate import dump_pages, load_dataset, read_input, snippet_line_labels, split
from cleaner.scoring.features import FEATURE_NAMES
from cleaner.scoring.features_extra import SECOND_STAGE_NAMES, second_stage_rows
from cleaner.scoring.line_model import prepare

#: A line covered by a gold snippet counts this many times a line labelled by HTML mode.
GOLD_WEIGHT = 5.0
MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner" / "scoring" / "data" / "line_model.json"
VOCABULARY_PATH = MODEL_PATH.with_name("line_vocabulary.json")
#: A word enters the vocabulary only when lines of at least this many pages hold it.
VOCABULARY_MIN_PAGES = 3


#: Text lines at least this long may match inside a longer HTML-mode paragraph; shorter ones
#: ("Kontakt", "Weiterlesen") must match a whole HTML-mode line to count as kept.
_WEAK_SUBSTRING_CHARS = 40


def weak_labels(texts: list[str], html_body: str | None) -> list[int | None]:
    """Label every line of a text dump by whether HTML mode kept it on the same page.

    HTML mode decides every block of the page with the DOM's help, so its body is a (noisy) label
    for all lines, not just the few the gold snippets cover. A line is article (1) if it is a line
    of the HTML body, or a long line found inside it; boilerplate (0) if it is absent; unknown
    (None) if it is a short line found only inside a longer HTML paragraph.

    Measured (tune half / test half snippet F1, with the core features): gold lines only 0.902 / 0.869;
    weak labels with gold lines weighted 20x 0.892 / 0.861; 5x 0.879 / 0.853 (without core features).
    HTML mode drops 17% of the gold must-keep lines, so the weak labels teach the scorer to keep
    more teasers and blurbs and fewer short article lines; hence opt-in (--weak). Weak labels on
    lines of 80+ characters only (--weak-min-chars 80, gold 5x): 0.898 / 0.871 at threshold 0.3,
    but the threshold search then prefers 0.15 (F1.5), where test F1 falls to 0.853.
    """
    if not html_body or not html_body.strip():
        return [None] * len(texts)
    body_lines = {_match_key(line) for line in html_body.splitlines()}
    body = _match_key(html_body)
    labels: list[int | None] = []
    for text in texts:
        line = _match_key(text)
        if not line:
            labels.append(None)
        elif line in body_lines or (len(line) >= _WEAK_SUBSTRING_CHARS and line in body):
            labels.append(1)
        elif line in body:
            labels.append(None)
        else:
            labels.append(0)
    return labels


def _match_key(text: str) -> str:
    """Text without whitespace, case-folded: the dumps and HTML mode space quotes and inline links differently."""
    return "".join(text.split()).casefold()


def html_bodies(pages, config: CleanerConfig) -> dict[str, str | None]:
    """HTML mode's article text of each page (None where it fails)."""
    cleaner = Cleaner(config)
    out: dict[str, str | None] = {}
    for page in pages:
        try:
            out[page.doc_id] = cleaner.clean(read_input(page, "html"), kind="html", url=page.url).text
        except CleanerError:
            out[page.doc_id] = None
    return out


def build_vocabulary(pages, bodies: dict[str, str | None], config: CleanerConfig, min_pages: int) -> dict:
    """Word weights for cleaner/scoring/vocabulary.py: smoothed log-odds that a line holding the word is article
    text, from the lines of the pages' text dumps that the rules left, labelled by HTML mode (weak_labels)."""
    import math
    from collections import Counter

    from cleaner.scoring.features import tokenize
    from cleaner.scoring.vocabulary import CLIP

    cleaner = Cleaner(config)
    article, chrome, pages_with = Counter(), Counter(), Counter()
    n_article = n_chrome = 0
    for page in pages:
        doc = cleaner.prepare(page.text_path.read_bytes(), kind="text", url=page.url)
        texts = [seg.text for seg in doc.segments]
        seen: set[str] = set()
        for i, label in enumerate(weak_labels(texts, bodies.get(page.doc_id))):
            if label is None or doc.verdicts[i] is not None:
                continue
            words = set(tokenize(texts[i]))
            (article if label else chrome).update(words)
            seen |= words
            n_article += label
            n_chrome += 1 - label
        pages_with.update(seen)
    weights = {}
    for word, n_pages in pages_with.items():
        if n_pages >= min_pages:
            odds = math.log((article[word] + 1) / (n_article + 1)) - math.log((chrome[word] + 1) / (n_chrome + 1))
            weights[word] = round(max(-CLIP, min(CLIP, odds)), 3)
    return {"weights": dict(sorted(weights.items())), "min_pages": min_pages,
            "trained_on": f"tune half of the development set ({len(pages)} pages), lines labelled by HTML mode",
            "article_lines": n_article, "chrome_lines": n_chrome}


def collect(pages, config: CleanerConfig, weak: dict[str, str | None] | None = None, gold_weight: float = 1.0,
            weak_min_chars: int = 0):
    """Per page: its feature rows, line labels and weights, which lines the rules already removed, its `Prepared`.

    Gold-snippet labels come first (weight `gold_weight`); with `weak` (HTML-mode bodies by page id),
    every other line takes its weak label with weight 1.
    """
    cleaner = Cleaner(config)
    languages = _language_model()
    out = []
    for page in pages:
        doc = cleaner.prepare(page.text_path.read_bytes(), kind="text", url=page.url)
        prepared = prepare(doc, languages.stopwords_for(doc.language), config)
        labels = snippet_line_labels(prepared.texts, page.with_, page.without)
        weights = [gold_weight if label is not None else 0.0 for label in labels]
        if weak is not None:
            for i, label in enumerate(weak_labels(prepared.texts, weak.get(page.doc_id))):
                if labels[i] is None and label is not None and prepared.stats[i].length >= weak_min_chars:
                    labels[i], weights[i] = label, 1.0
        out.append((np.array(prepared.rows, dtype=float).reshape(-1, len(FEATURE_NAMES)), labels, weights, [v is not None for v in doc.verdicts], prepared))
    return out


def stack(pages_data, extra=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ys, ws = [], [], []
    for k, (rows, labels, weights, ruled, _) in enumerate(pages_data):
        for i, label in enumerate(labels):
            if label is not None and not ruled[i]:
                xs.append(np.concatenate([rows[i], extra[k][i]]) if extra is not None else rows[i])
                ys.append(label)
                ws.append(weights[i])
    return np.array(xs), np.array(ys, dtype=float), np.array(ws, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float, sample: np.ndarray | None = None) -> np.ndarray:
    """Class-balanced (by weighted count) L2 logistic regression by Newton's method."""
    w = np.zeros(x.shape[1])
    sample = np.ones(len(y)) if sample is None else sample / sample.mean()
    pos = (sample * y).sum() / sample.sum()
    weights = sample * np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))
    reg = l2 * np.eye(x.shape[1])
    reg[0, 0] = 0.0
    for _ in range(30):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (weights * (p - y)) + reg @ w
        hess = (x.T * (weights * p * (1 - p))) @ x + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=Path("../shared/benchmarks/trafilatura-eval"))
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--weak", action="store_true",
                        help="also train on every other line, labelled by HTML mode on the same page (measured "
                             "worse on both halves: higher recall, lower precision; see weak_labels)")
    parser.add_argument("--gold-weight", type=float, default=GOLD_WEIGHT,
                        help="weight of a gold-snippet line relative to a weakly labelled one")
    parser.add_argument("--weak-min-chars", type=int, default=0,
                        help="use weak labels only on lines at least this long (HTML mode agrees with the gold "
                             "snippets on 92%% of lines of 80+ characters, 86%% of all lines)")
    parser.add_argument("--without", default="",
                        help="comma-separated second-stage feature names held at zero (ablation: their weights stay 0)")
    parser.add_argument("--vocab-min-pages", type=int, default=VOCABULARY_MIN_PAGES,
                        help="pages a word must appear on to enter the line vocabulary (0: no vocabulary)")
    parser.add_argument("--dumps", default="html_text",
                        help="comma-separated dump styles whose tune halves are fitted together (`make devsets` "
                             "builds them; 'all' for every style), so that no converter's layout is learnt alone")
    args = parser.parse_args()
    config = CleanerConfig()
    from cleaner.evaluate import DUMP_STYLES

    styles = DUMP_STYLES if args.dumps == "all" else tuple(args.dumps.split(","))
    tune_pages = split(load_dataset(args.dataset), "tune")
    halves = {style: dump_pages(tune_pages, args.dataset, style) for style in styles}
    tune = [page for pages in halves.values() for page in pages]
    from cleaner.scoring.vocabulary import load_vocabulary

    if args.vocab_min_pages:
        # HTML mode without the region heuristics labels the lines: its markup decisions alone (F1 0.929 on
        # the tune half, against 0.939 with them), so the vocabulary does not depend on the line scorer
        # it feeds (nor on a model file that matches the current features).
        markup_only = config.replace(disabled_stages=config.disabled_stages | {"heuristics"})
        vocabulary = build_vocabulary(tune_pages, html_bodies(tune_pages, markup_only), config, args.vocab_min_pages)
        VOCABULARY_PATH.write_text(json.dumps(vocabulary, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {VOCABULARY_PATH} ({len(vocabulary['weights'])} words)")
    elif VOCABULARY_PATH.exists():
        VOCABULARY_PATH.unlink()
    load_vocabulary.cache_clear()
    weak = html_bodies(tune_pages, config) if args.weak else None
    data = collect(tune, config, weak, args.gold_weight, args.weak_min_chars)
    x, y, sw = stack(data)
    print(f"{len(y)} labelled lines ({int(y.sum())} article, {int(len(y) - y.sum())} boilerplate) from {len(tune)} pages")
    w = fit(x, y, args.l2, sw)
    # Second stage: the first stage's scores of each line and its neighbours as extra features.
    context = []
    for rows, _, _, ruled, prepared in data:
        first = [0.0 if r else float(p) for r, p in zip(ruled, 1 / (1 + np.exp(-(rows @ w))))]
        context.append(second_stage_rows(first, prepared.stats))
    x2, y2, sw2 = stack(data, context)
    names = FEATURE_NAMES + SECOND_STAGE_NAMES
    for name in filter(None, args.without.split(",")):
        x2[:, names.index(name)] = 0.0
    w2 = fit(x2, y2, args.l2, sw2)
    for name, value in sorted(zip(FEATURE_NAMES + SECOND_STAGE_NAMES, w2), key=lambda kv: -abs(kv[1]))[:15]:
        print(f"  {name:20s} {value:+.3f}")
    result = {
        "features": list(FEATURE_NAMES + SECOND_STAGE_NAMES),
        "first": [round(float(v), 6) for v in w],
        "second": [round(float(v), 6) for v in w2],
        "trained_on": "tune half of the development set (cleaner.evaluate.split, seed 20261123), dump styles: "
                      + ", ".join(styles),
        "labelled_lines": int(len(y)),
        "l2": args.l2,
        **({"weak_labels": "HTML-mode bodies of the same pages", "gold_weight": args.gold_weight} if args.weak else {}),
        **({"without": args.without} if args.without else {}),
        "date": dt.date.today().isoformat(),
    }
    MODEL_PATH.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {MODEL_PATH}; its probabilities feed the extent model: refit that too "
          "(scripts/train_extent_model.py)")

if __name__ == "__main__":
    main()
