"""Fit the line scorer's weights (cleaner/data/line_model.json) on one half of the development set.

Lines holding a must-keep snippet are positives, lines holding a must-drop snippet negatives; a
logistic regression (L2, class-balanced, Newton steps) is fitted on the *tune* half only, and the
threshold is the one that maximises snippet F1 on that half. Report quality on the *test* half:
    python scripts/train_line_model.py --dataset ../shared/benchmarks/trafilatura-eval
    cleaner eval --half test
Needs numpy (pip install -e '.[train]'); the cleaner itself does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import numpy as np

from cleaner.article import collapse_spaces
from cleaner.config import CleanerConfig
from cleaner.document import Document
from cleaner.engine import Cleaner, _language_model
from cleaner.evaluate import cleaner_extractor, evaluate, load_dataset, split
from cleaner.features import CONTEXT_NAMES, FEATURE_NAMES, context_features
from cleaner.heuristics import prepare
from cleaner.normalize import normalize_text
from cleaner.segment import segment_text

BETA = 1.5
MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner" / "data" / "line_model.json"


def line_labels(texts: list[str], keep: list[str], drop: list[str]) -> list[int | None]:
    labels: list[int | None] = []
    keep = [collapse_spaces(s) for s in keep]
    drop = [collapse_spaces(s) for s in drop]
    for text in texts:
        pos = any(s in text or (len(text) >= 25 and text in s) for s in keep)
        neg = any(s in text or (len(text) >= 25 and text in s) for s in drop)
        labels.append(None if pos == neg else int(pos))
    return labels


def collect(pages, config: CleanerConfig) -> list[tuple[np.ndarray, list[int | None], list[bool]]]:
    """Per page: its feature rows, line labels and which lines the rules already removed."""
    cleaner = Cleaner(config)
    languages = _language_model()
    out = []
    for page in pages:
        normalized = normalize_text(page.text_path.read_text(encoding="utf-8"))
        doc = Document(normalized, segment_text(normalized))
        doc.language = languages.detect(normalized)
        cleaner.label_before_heuristics(doc)
        prepared = prepare(doc, languages.stopwords_for(doc.language), config)
        labels = line_labels(prepared.texts, page.with_, page.without)
        out.append((np.array(prepared.rows), labels, [v is not None for v in doc.verdicts], prepared.stats))
    return out


def stack(pages_data, extra=None) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for k, (rows, labels, ruled, _) in enumerate(pages_data):
        for i, label in enumerate(labels):
            if label is not None and not ruled[i]:
                xs.append(np.concatenate([rows[i], extra[k][i]]) if extra is not None else rows[i])
                ys.append(label)
    return np.array(xs), np.array(ys, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Class-balanced L2 logistic regression by Newton's method."""
    w = np.zeros(x.shape[1])
    weights = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
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
    args = parser.parse_args()
    config = CleanerConfig()
    tune = split(load_dataset(args.dataset), "tune")
    data = collect(tune, config)
    x, y = stack(data)
    print(f"{len(y)} labelled lines ({int(y.sum())} article, {int(len(y) - y.sum())} boilerplate) from {len(tune)} pages")
    w = fit(x, y, args.l2)
    # Second stage: the first stage's scores of each line and its neighbours as extra features.
    context = []
    for rows, _, ruled, stats in data:
        first = [0.0 if r else float(p) for r, p in zip(ruled, 1 / (1 + np.exp(-(rows @ w))))]
        context.append(context_features(first, stats))
    x2, y2 = stack(data, context)
    w2 = fit(x2, y2, args.l2)
    for name, value in sorted(zip(FEATURE_NAMES + CONTEXT_NAMES, w2), key=lambda kv: -abs(kv[1]))[:15]:
        print(f"  {name:20s} {value:+.3f}")
    best = (0.0, 0.5)

    def model(threshold: float) -> dict:
        return {"features": list(FEATURE_NAMES + CONTEXT_NAMES), "first": [round(float(v), 6) for v in w],
                "second": [round(float(v), 6) for v in w2], "threshold": threshold}

    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55):
        MODEL_PATH.write_text(json.dumps(model(threshold)))
        from cleaner.heuristics import load_model

        load_model.cache_clear()
        counts, _, _ = evaluate(tune, "text", cleaner_extractor(config, "text"))
        # Recall weighs more than precision (losing article text is worse than keeping a menu
        # line): the threshold maximises F-beta with beta = 1.5.
        p, r = counts.precision, counts.recall
        f_beta = (1 + BETA**2) * p * r / (BETA**2 * p + r) if p + r else 0.0
        print(f"threshold {threshold}: P {p:.4f} R {r:.4f} F1 {counts.f1:.4f} F{BETA} {f_beta:.4f}")
        if f_beta > best[0]:
            best = (f_beta, threshold)
    result = {
        **model(best[1]),
        "trained_on": "tune half of the development set (cleaner.evaluate.split, seed 20261123)",
        "labelled_lines": int(len(y)),
        "tune_f_beta": round(best[0], 4),
        "beta": BETA,
        "l2": args.l2,
        "date": dt.date.today().isoformat(),
    }
    MODEL_PATH.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {MODEL_PATH} (threshold {best[1]}, tune F{BETA} {best[0]:.4f})")


if __name__ == "__main__":
    main()
