"""Where batch results go: JSON Lines (with `--resume`), a mirrored output folder, the progress
bar and the final summary. Nothing here looks at document content beyond writing it out.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..output.records import SUFFIXES, write_document
from .pool import Result, Summary

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: Input suffixes dropped before the output suffix is added (story.html.gz -> story.txt).
_INPUT_SUFFIXES = {".gz", ".zst", ".zstd", ".txt", ".text", ".html", ".htm", ".xhtml"}


def resume_output(path: Path) -> tuple[IO[str], set[str]]:
    """Open `path` for appending after a killed run: drop a torn last line, return the sources
    already written (so they are skipped) and the file positioned after the last whole record."""
    done: set[str] = set()
    if not path.exists():
        return open(path, "w", encoding="utf-8"), done
    keep = 0
    with open(path, "rb") as existing:
        offset = 0
        for raw in existing:
            if not raw.endswith(b"\n"):
                break  # torn by the kill: written again below
            try:
                done.add(json.loads(raw)["source"])
            except (ValueError, KeyError, TypeError):
                break  # a damaged record: everything from here on is redone
            offset += len(raw)
            keep = offset
    with open(path, "r+b") as existing:
        existing.truncate(keep)
    return open(path, "a", encoding="utf-8"), done


class OutputDir:
    """One file per input document below `root`, mirroring the input tree (`.txt`, `.json`, or
    `.md` / `.html` for the structured formats)."""

    def __init__(self, root: Path, fmt: str, comments: bool = False) -> None:
        self.root = root
        self.format = fmt
        self.suffix = SUFFIXES.get(fmt, ".txt" if fmt == "text" else ".json")
        self.comments = comments

    def target(self, result: Result) -> Path:
        """input/a/b.html -> root/a/b.txt; a JSON Lines or WARC document -> root/file.jsonl/<id>.txt."""
        parts = [_UNSAFE.sub("_", p).strip(" ") or "_" for p in result.rel_path.split("/") if p not in ("", ".", "..")]
        name = parts.pop() if parts else "stdin"
        while Path(name).suffix.lower() in _INPUT_SUFFIXES:
            name = name[: -len(Path(name).suffix)]
        return self.root.joinpath(*parts, (name or "_") + self.suffix)

    def write(self, result: Result) -> None:
        path = self.target(result)
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.suffix == ".json":
            path.write_text(json.dumps(json.loads(result.line), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        elif self.format in SUFFIXES:
            if result.rendered is not None:
                write_document(path, self.format, result.rendered, result.title)
        elif result.error is None:
            head = f"# {result.title}\n\n" if result.title else ""
            tail = "\n" + comments_section(result.comments) if self.comments and result.comments else ""
            path.write_text(head + (result.text or "") + tail + "\n", encoding="utf-8")


def comments_section(comments: str) -> str:
    """The comment thread as text output shows it after the body (`--comments`)."""
    return f"\n## Comments\n\n{comments}"


class BatchProgress:
    """A rich progress line on stderr: documents done, docs/s, errors, elapsed."""

    def __init__(self, console: Console, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self._progress = Progress(
            TextColumn("[bold]cleaning[/bold]"), BarColumn(), TextColumn("{task.completed:,} docs"),
            TextColumn("{task.fields[rate]:.1f} docs/s"), TextColumn("[red]{task.fields[errors]} errors"),
            TimeElapsedColumn(), console=console, transient=True,
        )
        self._task: Any = None

    def __enter__(self) -> "BatchProgress":
        if self.enabled:
            self._progress.start()
            self._task = self._progress.add_task("clean", total=None, rate=0.0, errors=0)
        return self

    def update(self, summary: Summary) -> None:
        if self._task is not None:
            rate = summary.documents / max(1e-9, time.monotonic() - self.started)
            self._progress.update(self._task, completed=summary.documents, rate=rate, errors=summary.failed)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self._progress.stop()


def print_summary(summary: Summary, elapsed: float, console: Console, top_rules: int = 15) -> None:
    """Documents, errors by kind, removals per rule id, elapsed time."""
    rate = summary.documents / elapsed if elapsed > 0 else 0.0
    resumed = f" ({summary.skipped:,} already done, skipped)" if summary.skipped else ""
    console.print(f"[bold]{summary.documents:,} documents[/bold]{resumed}: {summary.documents - summary.failed:,} ok, "
                  f"{summary.failed:,} errors, {elapsed:.1f} s, {rate:.1f} docs/s")
    if summary.errors:
        console.print("errors by kind: " + ", ".join(f"{k} {n:,}" for k, n in summary.errors.most_common()))
    if summary.removed:
        table = Table(title="removals by rule", show_header=True, box=None)
        table.add_column("rule")
        table.add_column("removed", justify="right")
        for rule, n in summary.removed.most_common(top_rules):
            table.add_row(rule, f"{n:,}")
        if len(summary.removed) > top_rules:
            rest = sum(n for _, n in summary.removed.most_common()[top_rules:])
            table.add_row(f"{len(summary.removed) - top_rules} more rules", f"{rest:,}")
        console.print(table)
