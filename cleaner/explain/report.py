"""`cleaner explain --html`: one self-contained HTML report for a batch of documents.

Each document is embedded as its normalized input plus its ledger (`[start, end, mark]`, where a
mark is one `{rule, label, reason}` of a shared table), as JSON inside the page; the page's own
script (`report_template.html`, inline, no network) renders one document at a time and pages the
ranked document list, so a report on 1,000 documents stays quick to open.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, fields
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..article import Article
from ..config import CleanerConfig
from ..engine import Cleaner
from ..errors import CleanerError
from .terminal import LABEL_COLOURS, META_FIELDS, MORE_FIELDS, Selection, known_labels, meta_value

if TYPE_CHECKING:
    from ..batch.readers import InputDoc


@dataclass(frozen=True)
class ReportStats:
    """What `write_report` did: documents written, failures, file size and time taken."""

    path: Path
    documents: int
    failed: int
    size: int
    seconds: float
    #: Inputs that are not pages (WARC records of images, scripts, error pages): not in the report.
    skipped: int = 0

    def summary(self) -> str:
        failed = f", {self.failed} failed" if self.failed else ""
        skipped = f", {self.skipped} skipped (not pages)" if self.skipped else ""
        empty = " (no input documents)" if not self.documents + self.failed + self.skipped else ""
        return (f"wrote {self.path}: {self.documents} document(s){failed}{skipped}{empty}, "
                f"{self.size / 1e6:.1f} MB in {self.seconds:.1f} s")


def _non_space(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


class _Marks:
    """The shared table of (rule, label, reason) triples that removals point into."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, str, str], int] = {}

    def __call__(self, rule: str, label: str, reason: str) -> int:
        return self.index.setdefault((rule, label, reason), len(self.index))

    def table(self) -> list[dict[str, str]]:
        return [{"rule": r, "label": lab, "reason": why} for r, lab, why in self.index]


def document_record(name: str, article: Article, marks: _Marks) -> dict[str, Any]:
    """One document: metadata, normalized input, ledger and the share of its text removed."""
    total = _non_space(article.normalized_input)
    kept = _non_space(article.text)
    record: dict[str, Any] = {name_: meta_value(article, name_) for name_ in META_FIELDS + MORE_FIELDS}
    record["sources"] = article.stats.get("sources", {})
    record.update(
        name=name,
        kind=article.kind,
        input=article.normalized_input,
        removed=[[r.start, r.end, marks(r.rule, r.label, r.reason)] for r in sorted(article.removed, key=lambda r: r.start)],
        share=round(1 - kept / total, 4) if total else 0.0,
    )
    return record


def config_note(config: CleanerConfig) -> str:
    """The settings that differ from the defaults, for the report's header."""
    default = CleanerConfig()
    parts = []
    for f in fields(config):
        value = getattr(config, f.name)
        if value != getattr(default, f.name):
            shown = ",".join(sorted(value)) if isinstance(value, frozenset) else value
            parts.append(f"{f.name}={shown}")
    return "; ".join(parts)


def build_data(inputs: Iterable[InputDoc], cleaner: Cleaner, select: Selection = Selection()) -> dict[str, Any]:
    """Clean every input document (`batch.readers.iter_inputs`) and collect the report's data
    (failures become error records; inputs that are not pages are counted as skipped).

    `select` (`--only`/`--rule`) becomes the filter the page opens with.
    """
    marks = _Marks()
    docs: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    skipped = 0
    for doc in inputs:
        name = "<stdin>" if doc.source == "-" else doc.source
        if doc.skipped is not None:
            skipped += 1
            continue
        try:
            article = doc.clean_with(cleaner)
        except CleanerError as exc:
            errors.append({"name": name, "error": f"{type(exc).__name__}: {exc}"})
            continue
        docs.append(document_record(name, article, marks))
    table = marks.table()
    return {
        "skipped": skipped,
        "initial": {
            "labels": sorted(select.labels),
            "rules": sorted({m["rule"] for m in table if select.rules and (m["rule"] in select.rules or m["rule"][:3] in select.rules)}),
        },
        "docs": docs,
        "errors": errors,
        "marks": table,
        "labels": known_labels(),
        "colours": LABEL_COLOURS,
        "config": config_note(cleaner.config),
        "meta_fields": list(META_FIELDS + MORE_FIELDS),
    }


def _label_css() -> str:
    return "\n".join(f'.lab-{label} {{ --c: {c}; --bg-c: {c}1f; }}' for label, c in LABEL_COLOURS.items())


def render_html(data: dict[str, Any]) -> str:
    """The report page: the template with the label colours and the data (JSON, '<' escaped) filled in."""
    template = files("cleaner.explain").joinpath("report_template.html").read_text(encoding="utf-8")
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return template.replace("/*__LABEL_CSS__*/", _label_css()).replace("__CLEANER_DATA__", payload)


def write_report(path: Path, inputs: Iterable[InputDoc], cleaner: Cleaner, select: Selection = Selection()) -> ReportStats:
    """Clean the input documents, write the HTML report to `path`, and say what was done."""
    started = time.perf_counter()
    data = build_data(inputs, cleaner, select)
    page = render_html(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return ReportStats(path, len(data["docs"]), len(data["errors"]), path.stat().st_size, time.perf_counter() - started,
                       data["skipped"])
