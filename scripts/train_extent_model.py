"""Fit the article-extent model (cleaner/scoring/data/extent_model.json) on the tune half of every input style.

The extent model (cleaner/scoring/extent.py) decodes each document into before / body / gap / after
states. Its weights are those of a linear-chain CRF fitted on the tune halves of every text style
together, full-page dumps and other extractors' output alike, so that no one style is learnt alone:

- a line holding a must-keep snippet must be in the body; a line holding a must-drop snippet that no
  rule removed must not be (a ruled line is removed whatever its state, so it constrains nothing);
  every other line is free: the objective is the likelihood that the constraints hold, summed over
  all the paths that satisfy them (a CRF trained on partial labels);
- softmax-margin (Gimpel and Smith, 2010): the normaliser sums over paths with each disagreement's cost
  added, a lost must-keep line costing `--keep-cost` and a kept must-drop line `--drop-cost` (losing
  article text is worse than keeping a menu line); on other extractors' output a lost must-keep line
  costs `--extracted-keep-cost`: there the cleaner must only ever improve the text, and the model,
  which sees no style name, has to tell such text from a full page by its make-up;
- L2 regularisation (`--l2`), L-BFGS (scipy).

The forward-backward passes are compiled (numba), so a fit over some 6,000 documents takes minutes. Measure on the held-out halves afterwards
(`cleaner eval --dump all --half test`, `cleaner eval --dump extracted --half test`).

    python scripts/train_extent_model.py --dataset ../shared/benchmarks/trafilatura-eval --dumps all

Needs numpy, scipy and numba (pip install -e '.[train]'); the cleaner itself does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
from numba import njit
from scipy.optimize import minimize

from cleaner.article import collapse_spaces
from cleaner.config import CleanerConfig
from cleaner.engine import Cleaner
from cleaner.html.extent import stretch_document, undecided_stretch
from cleaner.pipeline import language_model as _language_model
from cleaner.errors import CleanerError
from cleaner.evaluate import (DUMP_STYLES, EXTRACTED_STYLES, dump_pages, load_dataset, read_input, snippet_line_labels,
                              split)
from cleaner.scoring.extent import BODY, EXTENT_FEATURES, FIRST_STATES, LAST_STATES, MOVES, STATES, decode
from cleaner.scoring.line_model import line_evidence

MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner" / "scoring" / "data" / "extent_model.json"
BETA = 1.5
S = len(STATES)
_NEG = -1e9


def cropped(raw: bytes, page, rng: random.Random) -> bytes:
    """A short page cut from a full-page dump: a few lines before the first must-keep line to a few after
    the last (and the page's <title> line on top, half the time). The development set's dumps are long
    pages; users also clean short ones, with little chrome around the article."""
    lines = raw.decode("utf-8", errors="replace").splitlines()
    keep = [collapse_spaces(s) for s in page.with_]
    hits = [i for i, line in enumerate(lines) if any(k in collapse_spaces(line) for k in keep)]
    if not hits:
        return raw
    lo, hi = max(0, hits[0] - rng.randint(0, 8)), min(len(lines), hits[-1] + 1 + rng.randint(0, 8))
    head = lines[:1] if lo > 0 and rng.random() < 0.5 else []
    return "\n".join(head + lines[lo:hi]).encode("utf-8")


#: HTML-mode rules that decide by the page's markup alone and almost never take article text: menus,
#: footers, sidebars, forms, link lists, mastheads.
_MARKUP_CHROME = frozenset({"HTM001", "HTM002", "HTM003", "HTM011", "HTM012", "HTM014"})
#: Weak label: a line the page's markup calls chrome.
WEAK_DROP = 2


def markup_chrome(pages, config: CleanerConfig, cache: Path | None) -> dict[str, set[str]]:
    """Per page, the texts HTML mode removes by its markup alone (`_MARKUP_CHROME`; no region
    heuristics): weak labels for the dump lines no snippet covers. Partial labels say nothing about
    most lines of a page; without these, nothing teaches the model that a page's leading menu or its
    footer is not the article."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    markup_only = Cleaner(config.replace(disabled_stages=config.disabled_stages | {"heuristics"}))
    out: dict[str, set[str]] = {}
    for page in pages:
        try:
            article = markup_only.clean(read_input(page, "html"), kind="html", url=page.url)
        except CleanerError:
            continue
        out[page.doc_id] = {collapse_spaces(r.text) for r in article.removed if r.rule in _MARKUP_CHROME}
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(out))
    return out


def collect(pages, style: str, config: CleanerConfig, cache: Path | None, crop: bool = False,
            chrome: dict[str, set[str]] | None = None) -> list[tuple[np.ndarray, list, list]]:
    """Per page: (feature rows, snippet labels per line, ruled per line), cached per style (`crop`: of
    a short page cut from each)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    cleaner = Cleaner(config)
    languages = _language_model()
    rng = random.Random(20261207)
    out = []
    kind = "html" if style.split(":")[-1] == "html" else "text"
    for page in pages:
        raw = read_input(page, kind)
        if crop:
            raw = cropped(raw, page, rng)
        try:
            doc = cleaner.prepare(raw, kind=kind, url=page.url)
        except CleanerError:
            continue
        if kind == "html":
            # HTML mode decides the extent on the stretch its markup left undecided (html/extent.py).
            doc = stretch_document(doc, *undecided_stretch(doc))
        if not doc.segments:
            continue
        evidence = line_evidence(doc, languages.stopwords_for(doc.language), config)
        texts = [seg.text for seg in doc.segments]
        labels = snippet_line_labels(texts, page.with_, page.without)
        page_chrome = (chrome or {}).get(page.doc_id, set())
        for i, label in enumerate(labels):
            if label is None and collapse_spaces(texts[i]) in page_chrome:
                labels[i] = WEAK_DROP
        out.append((np.array(evidence.rows.matrix(), dtype=float), labels, [v is not None for v in doc.verdicts]))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(out))
    print(f"  {style}: {len(out)} documents, {sum(len(x) for x, _, _ in out)} lines")
    return out


class Corpus:
    """Every document's lines in one array, with per line the gold's constraints and costs."""

    def __init__(self, docs: list[tuple[np.ndarray, list, list]], keep_costs: list[float], drop_cost: float,
                 weak_cost: float) -> None:
        self.x = np.ascontiguousarray(np.concatenate([x for x, _, _ in docs]))
        self.offsets = np.cumsum([0] + [len(x) for x, _, _ in docs]).astype(np.int64)
        n = len(self.x)
        self.allowed = np.zeros((n, S))  # 0 where allowed, _NEG where the gold forbids the state
        self.cost = np.zeros((n, S))
        at = 0
        for (x, labels, ruled), keep_cost in zip(docs, keep_costs):
            for i, label in enumerate(labels):
                if label == 1:
                    self.allowed[at + i] = [0.0 if s == BODY else _NEG for s in range(S)]
                    self.cost[at + i] = [0.0 if s == BODY else keep_cost for s in range(S)]
                elif label == 0 and not ruled[i]:
                    self.allowed[at + i, BODY] = _NEG
                    self.cost[at + i, BODY] = drop_cost
                elif label == WEAK_DROP and not ruled[i]:
                    # No constraint, only a cost: a soft push out of the body.
                    self.cost[at + i, BODY] = weak_cost
            if (self.allowed[at : at + len(x), BODY] <= _NEG).all():
                # Every line is must-drop: no path with a body agrees (every path has one), so the
                # gold says nothing this model can learn from; the page counts with no constraint.
                self.allowed[at : at + len(x)] = 0.0
                self.cost[at : at + len(x)] = 0.0
            at += len(x)


@njit(cache=True)
def _logsumexp(values):
    top = values.max()
    if top <= _NEG:
        return _NEG
    return top + np.log(np.exp(values - top).sum())


@njit(cache=True)
def _expectations(x, extra, offsets, w, trans, start, end, sign, gw, gmoves, gstart):
    """Add sign * (expected features, moves, starts) of every document to the gradient arrays, with
    `extra` added to the scores (the gold's constraints, or the costs); return the sum of log Z."""
    n_states = w.shape[0]
    total = 0.0
    buf = np.empty(n_states)
    for d in range(len(offsets) - 1):
        lo, hi = offsets[d], offsets[d + 1]
        n = hi - lo
        scores = x[lo:hi] @ w.T + extra[lo:hi]
        alpha = np.empty((n, n_states))
        beta = np.empty((n, n_states))
        alpha[0] = start + scores[0]
        for t in range(1, n):
            for b in range(n_states):
                for a in range(n_states):
                    buf[a] = alpha[t - 1, a] + trans[a, b]
                alpha[t, b] = _logsumexp(buf) + scores[t, b]
        log_z = _logsumexp(alpha[n - 1] + end)
        total += log_z
        beta[n - 1] = end
        for t in range(n - 2, -1, -1):
            for a in range(n_states):
                for b in range(n_states):
                    buf[b] = trans[a, b] + scores[t + 1, b] + beta[t + 1, b]
                beta[t, a] = _logsumexp(buf)
        for t in range(n):
            for s in range(n_states):
                p = np.exp(alpha[t, s] + beta[t, s] - log_z)
                if p > 1e-12:
                    gw[s] += sign * p * x[lo + t]
                    if t == 0:
                        gstart[s] += sign * p
            if t > 0:
                for a in range(n_states):
                    for b in range(n_states):
                        if trans[a, b] > _NEG:
                            gmoves[a, b] += sign * np.exp(alpha[t - 1, a] + trans[a, b] + scores[t, b] + beta[t, b] - log_z)
    return total


class Model:
    """The parameter vector: emissions (S x K), moves (allowed ones), starts (FIRST_STATES)."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.move_list = list(MOVES)
        self.size = S * k + len(self.move_list) + len(FIRST_STATES)

    def unpack(self, theta: np.ndarray):
        k = self.k
        w = np.ascontiguousarray(theta[: S * k].reshape(S, k))
        trans = np.full((S, S), _NEG)
        for m, (a, b) in enumerate(self.move_list):
            trans[a, b] = theta[S * k + m]
        start = np.full(S, _NEG)
        for m, s in enumerate(FIRST_STATES):
            start[s] = theta[S * k + len(self.move_list) + m]
        end = np.full(S, _NEG)
        end[list(LAST_STATES)] = 0.0
        return w, trans, start, end

    def pack_grad(self, gw: np.ndarray, gmoves: np.ndarray, gstart: np.ndarray) -> np.ndarray:
        out = np.zeros(self.size)
        out[: S * self.k] = gw.ravel()
        for m, (a, b) in enumerate(self.move_list):
            out[S * self.k + m] = gmoves[a, b]
        for m, s in enumerate(FIRST_STATES):
            out[S * self.k + len(self.move_list) + m] = gstart[s]
        return out


def objective(theta: np.ndarray, model: Model, corpus: Corpus, l2: float) -> tuple[float, np.ndarray]:
    """Negative softmax-margin log-likelihood of the constraints (plus L2), and its gradient."""
    w, trans, start, end = model.unpack(theta)
    gw = np.zeros_like(w)
    gmoves = np.zeros((S, S))
    gstart = np.zeros(S)
    total = _expectations(corpus.x, corpus.allowed, corpus.offsets, w, trans, start, end, 1.0, gw, gmoves, gstart)
    total -= _expectations(corpus.x, corpus.cost, corpus.offsets, w, trans, start, end, -1.0, gw, gmoves, gstart)
    loss = -total + l2 * float((w[:, 1:] ** 2).sum())
    gw_reg = 2 * l2 * w
    gw_reg[:, 0] = 0.0  # no penalty on the bias
    grad = -model.pack_grad(gw, gmoves, gstart) + model.pack_grad(gw_reg, np.zeros((S, S)), np.zeros(S))
    return loss, grad


def line_scores(docs, w: np.ndarray, moves: dict, starts: dict, shift: float = 0.0) -> dict[str, float]:
    """Must-keep lines kept, must-drop lines (that no rule removed) kept, as line counts and F-beta."""
    tp = fn = fp = 0
    for x, labels, ruled in docs:
        scores = x @ w.T
        scores[:, BODY] += shift
        path = decode(scores.tolist(), moves, starts)
        for i, label in enumerate(labels):
            body = path[i] == BODY and not ruled[i]
            if label == 1:
                tp += body
                fn += not body
            elif label == 0:
                fp += body
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f_beta = (1 + BETA**2) * p * r / (BETA**2 * p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f_beta": round(f_beta, 4)}


def to_json(w: np.ndarray, moves: dict, starts: dict, meta: dict) -> dict:
    # The before state's weights are subtracted from every state's: the same best path, one dot product less.
    w = w - w[0]
    return {
        "features": list(EXTENT_FEATURES),
        "emissions": {name: [round(float(v), 5) for v in w[k]] for k, name in enumerate(STATES)},
        "moves": [[STATES[a], STATES[b], round(float(v), 5)] for (a, b), v in moves.items()],
        "starts": {STATES[s]: round(float(v), 5) for s, v in starts.items()},
        **meta,
    }


def gather(dataset: Path, prefix: str, args: argparse.Namespace, config: CleanerConfig) -> dict[str, list]:
    """Every style's documents of one development set's tune half, by style name (`prefix` + style)."""
    tune_pages = split(load_dataset(dataset), "tune")
    styles: dict[str, list] = {}
    wanted = [s for s in (DUMP_STYLES + EXTRACTED_STYLES if args.dumps == "all" else args.dumps.split(",")) if s]
    for style in wanted:
        try:
            styles[style] = dump_pages(tune_pages, dataset, style)
        except CleanerError as exc:
            if args.dumps != "all":
                raise
            print(f"  skipping {prefix}{style}: {exc}")
    if args.html:
        styles["html"] = tune_pages
    if not prefix:
        for item in args.dump_dir:
            style, folder = item.split("=", 1)
            styles[style] = [replace(p, text_path=Path(folder) / f"{p.doc_id}.txt") for p in tune_pages]
    cache = args.cache / prefix.rstrip(":") if args.cache and prefix else args.cache
    chrome = markup_chrome(tune_pages, config, cache / "markup-chrome.pickle" if cache else None) \
        if args.weak_cost > 0 else None
    out = {prefix + style: collect(pages, prefix + style, config, cache / f"{style}.pickle" if cache else None,
                                   chrome=chrome)
           for style, pages in styles.items()}
    for style in args.crops.split(","):
        if style in styles:
            out[f"{prefix}{style} (cropped)"] = collect(styles[style], f"{prefix}{style} (cropped)", config,
                                                        cache / f"{style}-cropped.pickle" if cache else None,
                                                        crop=True, chrome=chrome)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=Path("../shared/benchmarks/trafilatura-eval"))
    parser.add_argument("--also", type=Path, action="append", default=[Path("../shared/benchmarks/readability-pages")],
                        help="another development set whose tune half is fitted too (default: readability-pages)")
    parser.add_argument("--dumps", default="all", help="comma-separated dump styles, or 'all' (every style built)")
    parser.add_argument("--dump-dir", action="append", default=[],
                        help="STYLE=FOLDER: a dump style read from another folder (ID.txt per page)")
    parser.add_argument("--keep-cost", type=float, default=3.0)
    parser.add_argument("--extracted-keep-cost", type=float, default=8.0,
                        help="the keep cost on other extractors' output, where the cleaner must cost no article line")
    parser.add_argument("--drop-cost", type=float, default=1.0)
    parser.add_argument("--weak-cost", type=float, default=0.3,
                        help="cost of keeping a line the page's markup calls chrome (0: no weak labels)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--html", action=argparse.BooleanOptionalAction, default=True,
                        help="also fit on HTML mode's pages (the stretch its markup leaves undecided)")
    parser.add_argument("--crops", default="html_text,innertext",
                        help="full-page dump styles of which a short page cut around the article is added too")
    parser.add_argument("--iterations", type=int, default=250)
    parser.add_argument("--cache", type=Path, default=Path("artifacts/extent-features"),
                        help="folder for the per-style feature cache (delete it after changing features or rules)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    config = CleanerConfig()
    per_style: dict[str, list] = {}
    for k, dataset in enumerate([args.dataset] + args.also):
        # (the first set's styles keep their plain names, the others' are prefixed with the set's folder name)
        per_style.update(gather(dataset, "" if k == 0 else f"{dataset.name}:", args, config))
    docs = [doc for style_docs in per_style.values() for doc in style_docs]
    keep_costs = [args.extracted_keep_cost if style.split(":")[-1] in EXTRACTED_STYLES else args.keep_cost
                  for style, style_docs in per_style.items() for _ in style_docs]
    corpus = Corpus(docs, keep_costs, args.drop_cost, args.weak_cost)
    model = Model(len(EXTENT_FEATURES))
    print(f"{len(docs)} documents from {len(per_style)} styles, {len(corpus.x)} lines")
    calls = [0]

    def fun(theta):
        calls[0] += 1
        loss, grad = objective(theta, model, corpus, args.l2)
        if calls[0] % 10 == 0:
            print(f"  call {calls[0]}: loss {loss:.2f}")
        return loss, grad

    result = minimize(fun, np.zeros(model.size), jac=True, method="L-BFGS-B",
                      options={"maxiter": args.iterations})
    w, trans, start, _ = model.unpack(result.x)
    moves = {m: float(trans[m]) for m in MOVES}
    starts = {s: float(start[s]) for s in FIRST_STATES}
    print(f"L-BFGS: {result.message} after {result.nit} iterations; loss {result.fun:.2f}")
    for style, style_docs in per_style.items():
        print(f"  {style:12s} {line_scores(style_docs, w, moves, starts)}")
    print(f"  all          {line_scores(docs, w, moves, starts)}")
    meta = {"trained_on": "tune halves of the development sets (cleaner.evaluate.split, seed 20261123): "
                          + ", ".join(str(d) for d in [args.dataset] + args.also) + "; styles: " + ", ".join(per_style),
            "keep_cost": args.keep_cost, "extracted_keep_cost": args.extracted_keep_cost,
            "drop_cost": args.drop_cost, "weak_cost": args.weak_cost, "l2": args.l2,
            "documents": len(docs), "date": dt.date.today().isoformat()}
    args.out.write_text(json.dumps(to_json(w, moves, starts, meta), indent=1) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
