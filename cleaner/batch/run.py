"""`cleaner clean` end to end: readers -> `run_batch` -> writers, with progress and summary.

Kept out of cli.py so the command stays a list of options; kept out of batch.py so the runner
knows nothing about files, terminals or output formats.
"""

from __future__ import annotations

import itertools
import json
import signal
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator

from ..config import CleanerConfig
from ..engine import Cleaner
from ..errors import CleanerError, InternalError, OutputError
from ..output.neutralize import terminal_markup, terminal_text
from ..output.records import FORMATS, FormatWriter, OutputOptions
from ..text.sites import SiteLearner, line_key, load_site_rules
from .fetch import is_url
from .pool import Result, Summary, failed_result, run_batch, skip_result
from .progress import Progress, interrupted_message, print_summary
from .readers import InputDoc, ReaderOptions, countable, input_sources, iter_inputs
from .skips import CorpusFilter, Filters, Skip
from .writers import OutputDir, OutputSink, comments_section, resume_output

if TYPE_CHECKING:
    from rich.console import Console


class Interrupted(Exception):
    """Ctrl-C during a batch: what was written is complete; the message says how to go on."""


@dataclass(frozen=True)
class BatchRequest:
    """Everything `cleaner clean` was asked to do, minus the cleaner config."""

    inputs: list[str]
    #: A file of URLs to clean, one per line (`--urls`; "-" for standard input), after `inputs`.
    urls: str | None = None
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
    #: Seconds between two progress lines in a log (stderr not a terminal).
    progress_interval: float = 5.0
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
    #: Corpus filters: documents in other languages, too short, or near-duplicates are skipped.
    filters: Filters = field(default_factory=Filters)

    def sources(self) -> Iterator[str]:
        """The inputs, then the URLs of the `--urls` file (read as they are needed)."""
        yield from self.inputs
        if self.urls is not None:
            yield from read_url_list(self.urls)


def read_url_list(path: str) -> Iterator[str]:
    """The URLs of a `--urls` file: one per line; blank lines and lines starting with # are ignored."""
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")
    try:
        for line in stream:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line
    finally:
        if stream is not sys.stdin:
            stream.close()


def reader_options(request: BatchRequest, config: CleanerConfig) -> ReaderOptions:
    """The request's reader options with the config's size limit and the run's own output excluded."""
    return replace(
        request.reading, max_input_bytes=config.max_input_bytes,
        exclude=frozenset(str(p.resolve()) for p in (request.output,) if p is not None),
    )


def learn_sites(docs: Iterable[InputDoc], config: CleanerConfig, learner: SiteLearner) -> int:
    """First pass: feed each readable document's normalized lines to the learner; return the count.

    The engine reads them (`Cleaner.read`: decoding, HTML rendering and normalization, no labelling
    stage), so the learned lines are exactly the lines the cleaning pass will see.
    """
    reader = Cleaner(config)
    learned = 0
    for doc in docs:
        if doc.error is None and doc.data is not None and doc.url:
            try:
                read = reader.read(doc.data, kind=doc.kind, url=doc.url)
            except CleanerError:
                continue
            learner.add(doc.url, read.normalized)
            learned += 1
    return learned


def run_clean(request: BatchRequest, config: CleanerConfig, err: Callable[[], Console]) -> int:
    """Run the batch; return the number of failed documents. Raises `Interrupted` on Ctrl-C, after
    closing the output so that every record written is whole. `err` gives the console for messages
    on stderr (made when first needed: a one-document run usually needs none).

    Raises `OutputError` when the output itself cannot be written (disk full, file-size limit, closed
    pipe, output folder gone): the run stops there, and what was written is whole records or files."""
    options = reader_options(request, config)
    if request.site_rules is not None:
        config = config.replace(site_boilerplate=load_site_rules(request.site_rules))
    summary = Summary()
    sink, done = _open_output(request)
    try:
        docs = with_url(iter_inputs(request.sources(), options), request.url)
        if request.learn_sites:
            config, docs = _learn_first(request, config, options, docs, err)
        if done:
            docs = _skip_done(docs, done, summary)
        show_progress = not request.quiet and (request.progress or _isatty(sys.stderr))
        total = countable(request.inputs, options) if show_progress and request.urls is None else None
        progress = Progress(sys.stderr, enabled=show_progress, total=total, interval=request.progress_interval)
        writer = _Writer(request, sink, err, progress)
        corpus = CorpusFilter(request.filters) if request.filters.active else None
        # URL downloads run in threads: workers then start from a fresh server process, not a fork of this one.
        fetching = request.urls is not None or any(is_url(source) for source in request.inputs)
        started = time.monotonic()
        try:
            with _CtrlC() as ctrl_c:
                for result in run_batch(docs, config, jobs=request.jobs, ordered=request.ordered,
                                        output=_output_options(request),
                                        start_method="forkserver" if fetching else None):
                    if corpus is not None:
                        result = _filtered(result, corpus)
                    summary.add(writer.write(result, summary))
                    progress.update(summary)
                    ctrl_c.check()
            writer.close()
        except KeyboardInterrupt:
            writer.close()
            progress.close()
            raise Interrupted(interrupted_message(
                summary, resumable=request.output is not None and request.output_format == "jsonl")) from None
        except OutputError as exc:
            progress.close()
            raise OutputError(f"{exc}. {_what_was_written(request, summary)}") from exc
        finally:
            writer.release()
        progress.close()
    finally:
        sink.close()
    several = summary.documents + summary.resumed > 1
    if not request.quiet and (several or show_progress or summary.skipped):
        print_summary(summary, time.monotonic() - started, err())  # not for a one-document run
    if summary.failed:
        err().print(f"{summary.failed} of {summary.documents} input(s) failed")
    return summary.failed


class _CtrlC:
    """Ctrl-C during a batch: a KeyboardInterrupt, and remembered.

    Python drops an exception raised while a `__del__` runs (the regex module's, when a pattern is
    compiled in this process): a Ctrl-C landing there would be printed as "Exception ignored" and the
    batch would run to its end. So the handler also notes the press, and the loop raises it again
    after the document in hand (`check`). Only in the main thread, where signal handlers live."""

    def __init__(self) -> None:
        self.pressed = False
        self._previous: object = None
        self._installed = False

    def __enter__(self) -> "_CtrlC":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on_sigint)
            self._installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]

    def _on_sigint(self, signum: int, frame: object) -> None:
        self.pressed = True
        raise KeyboardInterrupt

    def check(self) -> None:
        if self.pressed:
            raise KeyboardInterrupt


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


def _filtered(result: Result, corpus: CorpusFilter) -> Result:
    """The result, or its skipped record when a corpus filter (`--language`, `--min-chars`,
    `--dedup`) does not keep it."""
    if result.error_kind is not None or result.skip_kind is not None:
        return result
    skip: Skip | None = corpus.check(result.id, result.text or "", result.language, result.fingerprint)
    if skip is None:
        return result
    record = json.loads(result.line)
    return skip_result(result.source, result.rel_path, skip.record(record.get("id"), result.source, record.get("url")),
                       skip.kind, skip.reason)


def _learn_first(request: BatchRequest, config: CleanerConfig, options: ReaderOptions,
                 docs: Iterator[InputDoc], err: Callable[[], Console]) -> tuple[CleanerConfig, Iterator[InputDoc]]:
    """--learn-sites: two passes over files; on standard input and URLs (read or downloaded once),
    learn from a first sample only."""
    learner = SiteLearner()
    if "-" in request.inputs or request.urls is not None or any(map(is_url, request.inputs)):
        sample = list(itertools.islice(docs, request.learn_sample))
        learned = learn_sites(sample, config, learner)
        docs = itertools.chain(sample, docs)
    else:
        learned = learn_sites(with_url(iter_inputs(request.sources(), options), request.url), config, learner)
    rules = learner.rules()
    if not request.quiet:
        err().print(f"learned {sum(map(len, rules.values())):,} boilerplate line(s) on {len(rules):,} site(s) "
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
            summary.resumed += 1
        else:
            yield doc


class _Writer:
    """Writes each result as it arrives: a JSON line, a text block, a structured record, or a file.

    It is the fault boundary per record: a record that cannot be written (it cannot be encoded, its
    output file is refused) is replaced by that document's error record, and the batch goes on; an
    `OutputError` (the output itself fails) ends the run."""

    def __init__(self, request: BatchRequest, sink: OutputSink, err: Callable[[], Console],
                 progress: Progress | None = None) -> None:
        self.format = request.output_format
        self.sink = sink
        self.err = err
        self.quiet = request.quiet
        #: On a terminal, the progress line is erased before a record is written to the same terminal.
        self.progress = progress if progress is not None and progress.terminal and sink.isatty() else None
        self.dir = OutputDir(request.output_dir, self.format, request.comments) if request.output_dir else None
        self.structured = FormatWriter(self.format, sink) if self.format in FORMATS else None
        self.comments = request.comments
        self.inputs = input_sources(request.inputs)
        self.headers = len(request.inputs) > 1
        self.count = 0
        #: --format json: the first record waits until we know whether one object or an array is due.
        self.json_pending: str | None = None

    def write(self, result: Result, summary: Summary) -> Result:
        """Write `result`, or its document's error record if it cannot be written; return what was written."""
        if self.progress is not None:
            self.progress.clear()
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
                    self.err().print(f"note: {terminal_markup(result.source)} written as {terminal_markup(renamed)} "
                                     "(another document had its name)")
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
        elif result.skipped is None:
            self._write_text(result)
        self.count += 1

    def _report(self, result: Result) -> None:
        """A failed document's line on stderr (names from outside shown with their control characters escaped)."""
        if result.error is not None:
            self.err().print(f"[red]error[/red] {terminal_markup(result.source)}: {terminal_markup(result.error)}",
                             highlight=False)

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


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
