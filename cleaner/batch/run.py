"""`cleaner clean` end to end: readers -> `run_batch` -> writers, with progress and summary.

Kept out of cli.py so the command stays a list of options; kept out of batch.py so the runner
knows nothing about files, terminals or output formats.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from rich.console import Console
from rich.markup import escape

from .pool import Result, Summary, failed_result, run_batch
from .writers import BatchProgress, OutputDir, OutputSink, comments_section, print_summary, resume_output
from ..config import CleanerConfig
from ..engine import STAGES, Cleaner
from ..errors import CleanerError, InternalError, OutputError
from ..output.neutralize import terminal_text
from ..output.records import FORMATS, FormatWriter, OutputOptions
from .readers import InputDoc, ReaderOptions, canonical_path, iter_inputs
from ..text.sites import SiteLearner, line_key, load_site_rules


@dataclass(frozen=True)
class BatchRequest:
    """Everything `cleaner clean` was asked to do, minus the cleaner config."""

    inputs: list[str]
    #: How to read the inputs (format, glob, JSON fields, kind); the size limit comes from the config.
    reading: ReaderOptions = ReaderOptions()
    output_format: str = "text"
    url: str | None = None
    output: Path | None = None
    output_dir: Path | None = None
    jobs: int = 0
    ordered: bool = True
    resume: bool = False
    progress: bool = False
    quiet: bool = False
    site_rules: Path | None = None
    learn_sites: bool = False
    #: --learn-sites on standard input: learn from this many documents, then clean them and the rest.
    learn_sample: int = 2000
    #: --links / --images: the article's links and images in Markdown and HTML output.
    links: bool = False
    images: bool = False
    #: Text output: the removed comment thread after the body (`--comments`).
    comments: bool = False


def reader_options(request: BatchRequest, config: CleanerConfig) -> ReaderOptions:
    """The request's reader options with the config's size limit and the run's own output excluded."""
    return replace(
        request.reading, max_input_bytes=config.max_input_bytes,
        exclude=frozenset(str(p.resolve()) for p in (request.output,) if p is not None),
    )


def learn_sites(docs: Iterable[InputDoc], config: CleanerConfig, learner: SiteLearner) -> int:
    """First pass: feed each readable document's normalized lines to the learner; return the count.

    The engine does the decoding, HTML rendering and normalization (with every labelling stage
    off), so the learned lines are exactly the lines the cleaning pass will see.
    """
    reader = Cleaner(config.replace(disabled_stages=frozenset(STAGES), site_boilerplate={}))
    learned = 0
    for doc in docs:
        if doc.error is None and doc.data is not None and doc.url:
            try:
                article = reader.clean(doc.data, kind=doc.kind, url=doc.url)
            except CleanerError:
                continue
            learner.add(doc.url, article.normalized_input)
            learned += 1
    return learned


def run_clean(request: BatchRequest, config: CleanerConfig, err: Console) -> int:
    """Run the batch; return the number of failed documents.

    Raises `OutputError` when the output itself cannot be written (disk full, file-size limit, closed
    pipe, output folder gone): the run stops there, and what was written is whole records or files."""
    options = reader_options(request, config)
    if request.site_rules is not None:
        config = config.replace(site_boilerplate=load_site_rules(request.site_rules))
    summary = Summary()
    sink, done = _open_output(request)
    try:
        docs = with_url(iter_inputs(request.inputs, options), request.url)
        if request.learn_sites:
            config, docs = _learn_first(request, config, options, docs, err)
        if done:
            docs = _skip_done(docs, done, summary)
        writer = _Writer(request, sink, err)
        show_progress = not request.quiet and (request.progress or err.is_terminal)
        started = time.monotonic()
        try:
            with BatchProgress(err, show_progress) as bar:
                for result in run_batch(docs, config, jobs=request.jobs, ordered=request.ordered,
                                        output=_output_options(request)):
                    summary.add(writer.write(result, summary))
                    bar.update(summary)
            writer.close()
        except OutputError as exc:
            raise OutputError(f"{exc}. {_what_was_written(request, summary)}") from exc
        finally:
            writer.release()
    finally:
        sink.close()
    if not request.quiet and (summary.documents + summary.skipped > 1 or show_progress):
        print_summary(summary, time.monotonic() - started, err)  # not for a one-document run
    if summary.failed:
        err.print(f"{summary.failed} of {summary.documents} input(s) failed")
    return summary.failed


def _open_output(request: BatchRequest) -> tuple[OutputSink, set[str]]:
    """The output stream, and with --resume the sources already written to it."""
    if request.output is None:
        return OutputSink.stdout(), set()
    try:
        if request.resume:
            return resume_output(request.output)
        return OutputSink.open(request.output), set()
    except OSError as exc:
        raise OutputError(f"cannot write {request.output}: {exc.strerror or exc}") from exc


def _what_was_written(request: BatchRequest, summary: Summary) -> str:
    """What a fatal output error leaves behind, and how to go on."""
    if request.output_dir is not None:
        return f"The {summary.documents:,} document(s) before it were written whole to {request.output_dir}"
    if request.output is not None and request.output_format == "jsonl":
        return (f"{summary.documents:,} record(s) before it are complete lines in {request.output}; "
                "free the space and run the same command with --resume to write the rest")
    return f"{summary.documents:,} record(s) were written before it; the output is incomplete"


def _learn_first(request: BatchRequest, config: CleanerConfig, options: ReaderOptions,
                 docs: Iterator[InputDoc], err: Console) -> tuple[CleanerConfig, Iterator[InputDoc]]:
    """--learn-sites: two passes over files; on standard input, learn from a first sample only."""
    learner = SiteLearner()
    if "-" in request.inputs:
        sample = list(itertools.islice(docs, request.learn_sample))
        learned = learn_sites(sample, config, learner)
        docs = itertools.chain(sample, docs)
    else:
        learned = learn_sites(with_url(iter_inputs(request.inputs, options), request.url), config, learner)
    rules = learner.rules()
    if not request.quiet:
        err.print(f"learned {sum(map(len, rules.values())):,} boilerplate line(s) on {len(rules):,} site(s) "
                  f"from {learned:,} document(s) with a URL")
    merged = {**config.site_boilerplate}
    for site, lines in rules.items():
        merged[site] = merged.get(site, frozenset()) | {line_key(line) for line in lines}
    return config.replace(site_boilerplate=merged), docs


def _output_options(request: BatchRequest) -> OutputOptions | None:
    """What the workers render besides the JSON record (nothing for text, json and jsonl)."""
    if request.output_format not in FORMATS:
        return None
    return OutputOptions(request.output_format, links=request.links, images=request.images)


def with_url(docs: Iterator[InputDoc], url: str | None) -> Iterator[InputDoc]:
    for doc in docs:
        yield replace(doc, url=url) if url and doc.url is None else doc


def _skip_done(docs: Iterator[InputDoc], done: set[str], summary: Summary) -> Iterator[InputDoc]:
    for doc in docs:
        if doc.source in done:
            summary.skipped += 1
        else:
            yield doc


class _Writer:
    """Writes each result as it arrives: a JSON line, a text block, a structured record, or a file.

    It is the fault boundary per record: a record that cannot be written (it cannot be encoded, its
    output file is refused) is replaced by that document's error record, and the batch goes on; an
    `OutputError` (the output itself fails) ends the run."""

    def __init__(self, request: BatchRequest, sink: OutputSink, err: Console) -> None:
        self.format = request.output_format
        self.sink = sink
        self.err = err
        self.quiet = request.quiet
        self.dir = OutputDir(request.output_dir, self.format, request.comments) if request.output_dir else None
        self.structured = FormatWriter(self.format, sink) if self.format in FORMATS else None
        self.comments = request.comments
        self.inputs = {i if i == "-" else canonical_path(Path(i)) for i in request.inputs}
        self.headers = len(request.inputs) > 1
        self.count = 0
        #: --format json: the first record waits until we know whether one object or an array is due.
        self.json_pending: str | None = None

    def write(self, result: Result, summary: Summary) -> Result:
        """Write `result`, or its document's error record if it cannot be written; return what was written."""
        try:
            self._write(result, summary)
        except OutputError:
            raise
        except Exception as exc:
            error = exc if isinstance(exc, CleanerError) else InternalError(
                f"the record could not be written ({type(exc).__name__}: {exc})")
            result = failed_result(result, error)
            if self.dir is not None:  # its file is what failed: say so, write nothing more
                self._report(result)
            else:
                self._write(result, summary)
        return result

    def _write(self, result: Result, summary: Summary) -> None:
        if self.dir is not None:
            renamed = self.dir.write(result)
            if renamed is not None:
                summary.renamed += 1
                if not self.quiet:
                    self.err.print(f"note: {escape(terminal_text(result.source))} written as "
                                   f"{escape(terminal_text(renamed))} (another document had its name)")
            self._report(result)
        elif self.structured is not None:
            self.structured.write(result.rendered, result.line, result.title)
            if self.format != "csv":
                self._report(result)
        elif self.format == "jsonl":
            self.sink.write(result.line + "\n")
        elif self.format == "json":
            self._write_json(result.line)
        elif result.error is not None:
            self._report(result)
        else:
            self._write_text(result)
        self.count += 1

    def _report(self, result: Result) -> None:
        """A failed document's line on stderr (names from outside shown with their control characters escaped)."""
        if result.error is not None:
            self.err.print(f"[red]error[/red] {escape(terminal_text(result.source))}: "
                           f"{escape(terminal_text(result.error))}", highlight=False)

    def _write_text(self, result: Result) -> None:
        parts = []
        if self.headers or result.source not in self.inputs:  # several documents: say which
            parts.append(("\n" if self.count else "") + f"==> {terminal_text(result.source)} <==")
        if result.title:
            parts.append(f"# {result.title}\n")
        parts.append(result.text or "")
        if self.comments and result.comments:
            parts.append(comments_section(result.comments))
        self.sink.write("\n".join(parts) + "\n")

    def _write_json(self, line: str) -> None:
        """Stream a JSON array (one object when there is one input): only one record is ever held."""
        if self.count == 0:
            self.json_pending = line
            return
        if self.json_pending is not None:
            self.sink.write("[\n" + _indented(self.json_pending) + ",\n" + _indented(line))
            self.json_pending = None
        else:
            self.sink.write(",\n" + _indented(line))

    def close(self) -> None:
        if self.structured is not None and self.dir is None:
            self.structured.close()
        if self.format != "json" or self.dir is not None:
            return
        if self.count == 0:
            self.sink.write("[]\n")
        elif self.json_pending is not None:
            self.sink.write(json.dumps(json.loads(self.json_pending), ensure_ascii=False, indent=2) + "\n")
        else:
            self.sink.write("\n]\n")

    def release(self) -> None:
        """Close the output folder's open descriptors (the stream is the caller's)."""
        if self.dir is not None:
            self.dir.close()


def _indented(line: str) -> str:
    """One JSON Lines record as a pretty-printed array element."""
    text = json.dumps(json.loads(line), ensure_ascii=False, indent=2)
    return "\n".join("  " + part for part in text.splitlines())
