"""Fit the confidence model (cleaner/scoring/data/confidence_model.json) on the tune half of the development set.

For every page of the set, in text mode and in HTML mode, the cleaner's output gives the features of
`cleaner.scoring.confidence.features` and the with/without snippet metric gives the page's F1. A logistic
regression per mode (cross-entropy, an L2 penalty) is fitted on the *tune* half only, its label
whether the page came out whole and clean (F1 = 1: every must-keep snippet kept, no must-drop one),
so that the confidence is that probability; it ranks the pages by F1 better than a fit to the F1
itself (held-out Spearman, text 0.16 -> 0.27, HTML 0.15 -> 0.20: most pages score 1, and a soft F1
label spends the fit on how far below 1 the few others fall) (text mode: on the tune half of each dump style named by --dumps); the ranking figures are
printed for both halves, the *test* half being the held-out one. Pages left without a body are not
fitted on (their confidence is 0 by definition) but are ranked, as `cleaner eval --confidence` does:
    python scripts/fit_confidence.py --dataset ../shared/benchmarks/trafilatura-eval --dumps all
    cleaner eval --dataset ../shared/benchmarks/trafilatura-eval --mode both --half test --confidence
Needs numpy (pip install -e '.[train]'); the cleaner itself does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import numpy as np

from cleaner.scoring.confidence import FEATURE_NAMES, MODEL_FILE, features, is_whole, ranking_report
from cleaner.config import CleanerConfig
from cleaner.engine import Cleaner
from cleaner.errors import CleanerError
from cleaner.evaluate import DEFAULT_DATASET, DUMP_STYLES, Page, dump_pages, load_dataset, read_input, score_page, split

MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner" / "scoring" / MODEL_FILE
#: L2 penalty on the weights (not the bias), per page (1e-2 ranked the held-out half as well as 1e-3
#: with smaller weights).
L2 = 1e-2


def collect(pages: list[Page], mode: str, cleaner: Cleaner) -> tuple[list[list[float] | None], list[float]]:
    """(features, or None for a page without a body; F1) of each page."""
    rows: list[list[float] | None] = []
    f1s: list[float] = []
    for page in pages:
        try:
            article = cleaner.clean(read_input(page, mode), kind=mode, url=page.url)
        except CleanerError as exc:
            rows.append(None)
            f1s.append(score_page(page, None, None, str(exc)).counts.f1)
            continue
        rows.append(features(article) if article.text else None)
        f1s.append(score_page(page, article.text, article, None).counts.f1)
    return rows, f1s


def fit(x: np.ndarray, y: np.ndarray, steps: int = 100) -> np.ndarray:
    """Logistic regression: Newton steps on the mean cross-entropy plus L2."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0  # (the bias)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / len(y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x / len(y) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def confidences(rows: list[list[float] | None], w: np.ndarray) -> list[float]:
    """As `cleaner.scoring.confidence.score` (0 without a body; not rounded)."""
    return [0.0 if r is None else float(1.0 / (1.0 + np.exp(-np.clip(np.array(r) @ w, -30, 30)))) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--dumps", default="html_text",
                        help="Text mode: fit on the tune half of these dump styles (comma-separated, or 'all'; "
                             "`make devsets` builds them).")
    parser.add_argument("--dry-run", action="store_true", help="Report only; do not write the model.")
    args = parser.parse_args()
    pages = load_dataset(args.dataset)
    styles = DUMP_STYLES if args.dumps == "all" else tuple(args.dumps.split(","))
    cleaner = Cleaner(CleanerConfig())
    models: dict[str, dict[str, float]] = {}
    figures: dict[str, dict[str, object]] = {}
    for mode in ("text", "html"):
        sets = [(style, dump_pages(pages, args.dataset, style)) for style in styles] if mode == "text" else [("html", pages)]
        data = {}
        for name, chosen in sets:
            for half in ("tune", "test"):
                data[name, half] = collect(split(chosen, half), mode, cleaner)
        x = np.array([r for (_, half), (rows, _) in data.items() if half == "tune" for r in rows if r is not None])
        y = np.array([float(is_whole(f)) for (_, half), (rows, f1s) in data.items() if half == "tune"
                      for r, f in zip(rows, f1s) if r is not None])
        w = fit(x, y)
        models[mode] = {n: round(float(v), 5) for n, v in zip(FEATURE_NAMES, w)}
        for (name, half), (rows, f1s) in data.items():
            report = ranking_report(confidences(rows, w), f1s)
            figures[f"{mode}/{name}/{half}"] = report
            print(f"{mode:4s} {name:10s} {half:4s} pages {report['pages']}, Spearman {report['spearman']:+.3f}, "
                  f"lowest 10% hold {report['loss_in_lowest']:.1%} of the F1 loss (F1 there {report['f1_lowest']:.3f}, "
                  f"elsewhere {report['f1_rest']:.3f})")
        print(f"{mode} weights: " + ", ".join(f"{n} {v:+.3f}" for n, v in models[mode].items()))
    if args.dry_run:
        return
    MODEL_PATH.write_text(json.dumps({
        "about": "Article.confidence: logistic weights per mode over cleaner.scoring.confidence.FEATURE_NAMES, "
                 "written by scripts/fit_confidence.py",
        "fitted_on": f"{args.dataset.name}, tune half; text mode on dump styles {', '.join(styles)}; "
                     f"{dt.date.today().isoformat()}",
        "models": models,
        "figures": figures,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
