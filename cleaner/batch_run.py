"""`cleaner clean` end to end: readers -> `run_batch` -> writers, with progress and summary.

Kept out of cli.py so the command stays a list of options; kept out of batch.py so the runner
knows nothing about files, terminals or output formats.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Iterator

from rich.console import Console

from .batch import Result, Summary, run_batch
from .batch_output import BatchProgress, OutputDir, print_summary, resume_output
from .config import CleanerConfig
from .readers import InputDoc, ReaderOptions, iter_inputs


@dataclass(frozen=True)
class BatchRequest:
    """Everything `cleaner clean` was asked to do, minus the cleaner config."""

    inputs: list[str]
    output_format: str = "text"
    kind: str = "auto"
    url: str | None = None
    output: Path | None = None
    output_dir: Path | None = None
    jobs: int = 0
    ordered: bool = True
    input_format: str = "auto"
    glob: str = "*"
    text_field: str = "text"
    html_field: str = "html"
    url_field: str = "url"
    id_field: str = "id"
    resume: bool = False
    progress: bool = False
    quiet: bool = False


def run_clean(request: BatchRequest, config: CleanerConfig, err: Console) -> int:
    """Run the batch; return the number of failed documents."""
    options = ReaderOptions(
        input_format=request.input_format, glob=request.glob, text_field=request.text_field,
        html_field=request.html_field, url_field=request.url_field, id_field=request.id_field,
        kind=request.kind, max_input_bytes=config.max_input_bytes,
    )
    summary = Summary()
    done: set[str] = set()
    sink: IO[str] = sys.stdout
    if request.output is not None:
        if request.resume:
            sink, done = resume_output(request.output)
        else:
            sink = open(request.output, "w", encoding="utf-8")
    docs = _with_url(iter_inputs(request.inputs, options), request.url)
    if done:
        docs = _skip_done(docs, done, summary)
    writer = _Writer(request, sink, err)
    show_progress = not request.quiet and (request.progress or err.is_terminal)
    started = time.monotonic()
    try:
        with BatchProgress(err, show_progress) as bar:
            for result in run_batch(docs, config, jobs=request.jobs, ordered=request.ordered):
                summary.add(result)
                writer.write(result)
                bar.update(summary)
        writer.close()
    finally:
        if sink is not sys.stdout:
            sink.close()
    if not request.quiet:
        print_summary(summary, time.monotonic() - started, err)
    if summary.failed:
        err.print(f"{summary.failed} of {summary.documents} input(s) failed")
    return summary.failed


def _with_url(docs: Iterator[InputDoc], url: str | None) -> Iterator[InputDoc]:
    for doc in docs:
        yield replace(doc, url=url) if url and doc.url is None else doc


def _skip_done(docs: Iterator[InputDoc], done: set[str], summary: Summary) -> Iterator[InputDoc]:
    for doc in docs:
        if doc.source in done:
            summary.skipped += 1
        else:
            yield doc


class _Writer:
    """Writes each result as it arrives: a JSON line (flushed), a text block, or a file."""

    def __init__(self, request: BatchRequest, sink: IO[str], err: Console) -> None:
        self.format = request.output_format
        self.sink = sink
        self.err = err
        self.dir = OutputDir(request.output_dir, self.format != "text") if request.output_dir else None
        self.inputs = set(request.inputs)
        self.headers = len(request.inputs) > 1
        self.count = 0
        self.json_records: list[str] = []

    def write(self, result: Result) -> None:
        self.count += 1
        if self.dir is not None:
            self.dir.write(result)
            if result.error is not None:
                self.err.print(f"[red]error[/red] {result.source}: {result.error}", highlight=False)
        elif self.format == "jsonl":
            self.sink.write(result.line + "\n")
            self.sink.flush()
        elif self.format == "json":
            self.json_records.append(result.line)
        elif result.error is not None:
            self.err.print(f"[red]error[/red] {result.source}: {result.error}", highlight=False)
        else:
            self._write_text(result)

    def _write_text(self, result: Result) -> None:
        parts = []
        if self.headers or result.source not in self.inputs:  # several documents: say which
            parts.append(("\n" if self.count > 1 else "") + f"==> {result.source} <==")
        if result.title:
            parts.append(f"# {result.title}\n")
        parts.append(result.text or "")
        self.sink.write("\n".join(parts) + "\n")
        self.sink.flush()

    def close(self) -> None:
        if self.format == "json" and self.dir is None:
            records = [json.loads(line) for line in self.json_records]
            body = records[0] if len(records) == 1 else records
            self.sink.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
            self.sink.flush()
