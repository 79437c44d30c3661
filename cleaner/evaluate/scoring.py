"""The with/without snippet metric, per page and summed.

The metric is trafilatura's: after collapsing whitespace, a `with` snippet must be a substring of the
body (TP, else FN) and a `without` snippet must not (TN, else FP); counts are summed over pages.
A page the cleaner fails on counts all its `with` snippets as FN and `without` snippets as TN.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import regex

from ..article import Article
from ..config import CleanerConfig
from ..engine import Cleaner
from ..errors import CleanerError
from ..ledger import collapse_spaces
from .dataset import Page, read_input


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    docs: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn
        self.docs += other.docs

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "docs": self.docs, "tp": self.tp, "fn": self.fn, "fp": self.fp, "tn": self.tn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "accuracy": round(self.accuracy, 4),
        }


@dataclass
class PageResult:
    doc_id: str
    counts: Counts
    language: str | None
    missed: list[dict[str, Any]] = field(default_factory=list)
    leaked: list[str] = field(default_factory=list)
    error: str | None = None
    meta_checks: dict[str, bool] = field(default_factory=dict)
    #: `Article.confidence` (filled by `evaluate(..., confidence=True)`).
    confidence: float | None = None


def _norm(value: Any) -> str:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return collapse_spaces(str(value or "")).casefold()


#: Separators of a list of names written out as one string ("A; B", "A, B", "A und B", "A & B").
_NAME_LIST = regex.compile(r"\s*(?:;|,|&|/|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\be\b)\s*", regex.IGNORECASE)


def author_names(value: Any) -> list[str]:
    """A list of authors, or one string naming them, as the sequence of normalized names: the list and
    its rendering as a string compare equal ("A; B", "A, B", "A und B"), nothing else is forgiven."""
    text = "; ".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
    return [n for n in (_norm(p) for p in _NAME_LIST.split(text)) if n]


def meta_matches(field_name: str, predicted: Any, expected: Any) -> bool:
    """Comparison of one metadata field with the dev set's reference value after whitespace and case
    normalization (the issue's rule). Authors: the same names in the same order, however the list is
    written; a subset or a part of a name is a miss."""
    if field_name == "author":
        got = author_names(predicted)
        return bool(got) and got == author_names(expected)
    if field_name == "date":
        return bool(predicted) and str(predicted)[:10] == str(expected)[:10]
    return _norm(predicted) == _norm(expected)


def score_page(page: Page, body: str | None, article: Article | None, error: str | None) -> PageResult:
    counts = Counts(docs=1)
    result = PageResult(page.doc_id, counts, article.language if article else None, error=error)
    text = collapse_spaces(body or "")
    for snippet in page.with_:
        if error is None and collapse_spaces(snippet) in text:
            counts.tp += 1
        else:
            counts.fn += 1
            result.missed.append({"snippet": snippet, "removed_by": _who_removed(snippet, article)})
    for snippet in page.without:
        if error is None and collapse_spaces(snippet) in text:
            counts.fp += 1
            result.leaked.append(snippet)
        else:
            counts.tn += 1
    if article is not None:
        fields = {"title": article.title, "author": article.authors, "date": article.date,
                  "sitename": article.publisher}
        for name, expected in page.meta.items():
            if name in fields and expected:
                result.meta_checks[name] = meta_matches(name, fields[name], expected)
    return result


def snippet_line_labels(texts: list[str], keep: list[str], drop: list[str]) -> list[int | None]:
    """Per line: 1 if it holds a must-keep snippet (or, being 25+ characters, lies inside one), 0 for a
    must-drop snippet, None for neither or both: the labels the learnt models are fitted to."""
    labels: list[int | None] = []
    keep = [collapse_spaces(s) for s in keep]
    drop = [collapse_spaces(s) for s in drop]
    for text in texts:
        pos = any(s in text or (len(text) >= 25 and text in s) for s in keep)
        neg = any(s in text or (len(text) >= 25 and text in s) for s in drop)
        labels.append(None if pos == neg else int(pos))
    return labels


def overlaps(text: str, snippet: str) -> bool:
    """Whether `text` holds part of `snippet` (both whitespace-collapsed): the snippet's first or last
    40 characters, or the whole text when it has 20 or more characters."""
    return bool(text) and (snippet[:40] in text or snippet[-40:] in text or (len(text) >= 20 and text in snippet))


def _who_removed(snippet: str, article: Article | None) -> list[str]:
    """Rule ids of removals whose text overlaps a missed snippet (what to look at first)."""
    if article is None:
        return []
    target = collapse_spaces(snippet)
    rules = []
    for r in article.removed:
        if r.rule not in rules and overlaps(collapse_spaces(r.text), target):
            rules.append(r.rule)
    return rules


Extractor = Callable[[bytes, Page], tuple[str | None, Article | None]]


#: What `cleaner eval --output` scores: the body, or the Markdown with its marks taken out again
#: (`cleaner.output.strip_markdown`), without or with the links and images.
OUTPUTS = ("text", "markdown", "markdown-links")


def cleaner_extractor(config: CleanerConfig, mode: str, output: str = "text") -> Extractor:
    cleaner = Cleaner(config)
    if output not in OUTPUTS:
        raise CleanerError(f"unknown output {output!r}; known: {', '.join(OUTPUTS)}")

    def run(data: bytes, page: Page) -> tuple[str | None, Article | None]:
        article = cleaner.clean(data, kind=mode, url=page.url)
        if output != "text":
            from ..output import strip_markdown, to_markdown

            links = output == "markdown-links"
            return strip_markdown(to_markdown(article, links=links, images=links)), article
        return article.text, article

    return run


def evaluate(pages: Iterable[Page], mode: str, extractor: Extractor,
             confidence: bool = False) -> tuple[Counts, list[PageResult], float]:
    """Run `extractor` over pages; return total counts, per-page results and elapsed seconds
    (`confidence`: read each Article's confidence too, outside the timing)."""
    total = Counts()
    results: list[PageResult] = []
    elapsed = 0.0
    for page in pages:
        data = read_input(page, mode)
        started = time.perf_counter()
        try:
            body, article = extractor(data, page)
            error = None
        except CleanerError as exc:
            body, article, error = None, None, f"{type(exc).__name__}: {exc}"
        elapsed += time.perf_counter() - started
        result = score_page(page, body, article, error)
        if confidence:
            result.confidence = article.confidence if article is not None else 0.0
        total.add(result.counts)
        results.append(result)
    return total, results, elapsed


def by_language(results: list[PageResult]) -> dict[str, Counts]:
    table: dict[str, Counts] = defaultdict(Counts)
    for r in results:
        table[r.language or "??"].add(r.counts)
    return dict(sorted(table.items(), key=lambda kv: -kv[1].docs))


def meta_table(results: list[PageResult]) -> dict[str, tuple[int, int]]:
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        for name, ok in r.meta_checks.items():
            table[name][0] += int(ok)
            table[name][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(table.items())}
