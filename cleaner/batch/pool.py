"""The batch runner: a process pool over chunks of documents, bounded in memory, order kept.

A thin adapter around `Cleaner.clean`: it moves documents to workers and results back, turns each
failure into an error record, and enforces the per-document time limit (`config.max_seconds`).
It never makes a cleaning decision. Results come back as ready-to-write JSON lines, so the
encoding work is spread over the workers too.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:  # imported when a pool is started: a one-document run does without (20 ms)
    from concurrent.futures import Future, ProcessPoolExecutor

from ..config import CleanerConfig
from ..engine import Cleaner
from ..errors import CleanerError, TimeLimitError
from ..output.records import OutputOptions, render
from ..text.sanitize import replace_surrogates
from .jsonl import json_line
from .readers import InputDoc

#: A chunk closes at this many documents or this many input bytes, whichever comes first.
CHUNK_DOCS = 16
CHUNK_BYTES = 4 * 1024 * 1024
#: After this many pools in a row break before finishing any chunk, the rest is cleaned in-process.
_MAX_FRESH_BREAKS = 3


@dataclass(frozen=True, slots=True)
class Result:
    """What a worker sends back for one document: the output record, encoded, plus what the
    summary and the text writers need without decoding it again."""

    source: str
    rel_path: str
    line: str
    text: str | None = None
    title: str | None = None
    error_kind: str | None = None
    error: str | None = None
    removed_by_rule: dict[str, int] = field(default_factory=dict)
    #: The document in a structured output format (`cleaner.output.records`), rendered by the worker.
    rendered: str | None = None
    comments: str | None = None
    #: Why the document yields no article (`batch.skips`): the reason and its kind.
    skipped: str | None = None
    skip_kind: str | None = None
    #: What the corpus filters read (`--language`, `--dedup`): the document's id, language and fingerprint.
    id: str = ""
    language: str | None = None
    fingerprint: str | None = None


# -- the worker side --------------------------------------------------------------------------
_worker_cleaner: Cleaner | None = None
#: What the worker renders besides the JSON record (--format markdown|html|csv).
_worker_output: OutputOptions | None = None
#: In pool workers only: a CPU-time timer whose signal (SIGPROF, left at its default action) kills
#: the worker even inside native code that never returns to Python, where SIGALRM cannot act.
_hard_limit = False


def hard_seconds(config: CleanerConfig) -> float:
    """CPU seconds after which a pool worker is killed outright (the soft limit failed)."""
    return config.max_seconds * 2 + 1


class _Deadline(Exception):
    """Raised by the SIGALRM handler inside `Cleaner.clean`; not a CleanerError on purpose, so
    that no `except CleanerError` in the engine can swallow it."""


#: Seconds after which the alarm fires again once the deadline has passed.
_ALARM_RETRY = 0.05
#: Whether the current document's deadline has passed (set by the handler, reset per document).
_deadline_passed = False


def _on_alarm(signum: int, frame: Any) -> None:
    """Raise `_Deadline`, and arm the alarm again: an exception raised while the garbage collector
    runs a `__del__` (the regex module's, say) is printed and dropped by Python, so one alarm alone
    may never stop the document; the next one, a moment later, lands in ordinary code."""
    global _deadline_passed
    _deadline_passed = True
    signal.setitimer(signal.ITIMER_REAL, _ALARM_RETRY)
    raise _Deadline()


def init_worker(config: CleanerConfig, in_pool: bool = False, output: OutputOptions | None = None) -> None:
    """Build the worker's Cleaner once and warm its lazy data, so the first real document's time
    limit is not spent loading stoplists."""
    global _worker_cleaner, _hard_limit, _worker_output
    _worker_output = output
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
        threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
        if hasattr(signal, "SIGPROF"):
            signal.signal(signal.SIGPROF, signal.SIG_DFL)
            _hard_limit = True
    if not getattr(sys.unraisablehook, "drops_deadlines", False):
        sys.unraisablehook = _quiet_deadlines(sys.unraisablehook)
    _worker_cleaner = Cleaner(config)
    _worker_cleaner.clean("warm up the language model and the compiled rules, once per worker", kind="text")


def _quiet_deadlines(previous: Any) -> Any:
    """An unraisable-exception hook that says nothing of a `_Deadline` dropped inside a `__del__`
    (the alarm fires again, see `_on_alarm`) and passes everything else on."""
    def hook(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, _Deadline):
            previous(unraisable)

    hook.drops_deadlines = True  # type: ignore[attr-defined]
    return hook


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9) exits: the task queue it waits on never closes,
    because every worker holds its write end too."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def clean_chunk(docs: list[InputDoc]) -> list[Result]:
    """Clean a chunk in this worker; one Result per document, always."""
    cleaner = _worker_cleaner
    assert cleaner is not None, "init_worker was not called"
    return [clean_one(cleaner, doc) for doc in docs]


def clean_one(cleaner: Cleaner, doc: InputDoc) -> Result:
    """One document to one Result. Time limits: SIGALRM raises inside Python code after
    `max_seconds`; in a pool worker, SIGPROF kills the process after `hard_seconds` of CPU."""
    if doc.error is not None:
        return error_result(doc, doc.error)
    if doc.skipped is not None:
        return skip_result(doc.source, doc.rel_path, doc.skipped.record(doc.id, doc.source, doc.url),
                           doc.skipped.kind, doc.skipped.reason)
    global _deadline_passed
    limit = cleaner.config.max_seconds
    timed = hasattr(signal, "setitimer") and _in_main_thread()
    _deadline_passed = False
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
        if _hard_limit:
            signal.setitimer(signal.ITIMER_PROF, hard_seconds(cleaner.config))
    try:
        article = doc.clean_with(cleaner)
    except _Deadline:
        return error_result(doc, TimeLimitError(f"cleaning took over {limit:g} s (max_seconds); document skipped"))
    except CleanerError as exc:
        return error_result(doc, exc)
    except Exception as exc:  # a bug must cost one document, never the batch
        return error_result(doc, exc, kind="internal")
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if _hard_limit:
                signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGALRM, previous)
    if _deadline_passed:  # every alarm was dropped (see `_on_alarm`): the limit was still exceeded
        return error_result(doc, TimeLimitError(f"cleaning took over {limit:g} s (max_seconds); document skipped"))
    try:  # the record and its rendering: a bug there costs one document too
        record = {"id": doc.id, "source": doc.source, **article.to_dict()}
        record["url"] = article.url or doc.url
        rendered = render(_worker_output, record, article) if _worker_output is not None else None
        line = json_line(record)
    except Exception as exc:
        return error_result(doc, exc, kind="internal")
    return Result(doc.source, doc.rel_path, line, article.text,
                  article.title, removed_by_rule=dict(article.stats.get("removed_by_rule", {})), rendered=rendered,
                  comments=article.comments, id=doc.id, language=article.language,
                  fingerprint=record.get("fingerprint"))


def skip_result(source: str, rel_path: str, record: dict[str, Any], kind: str, reason: str) -> Result:
    """The Result of a skipped input (`batch.skips`): its record, no article."""
    return Result(source, rel_path, json_line(record), skipped=reason, skip_kind=kind,
                  id=str(record.get("id")))


def error_result(doc: InputDoc, exc: BaseException, kind: str | None = None) -> Result:
    return _error_record(doc.id, doc.source, doc.rel_path, doc.url, exc, kind, ascii_only=False)


def failed_result(result: Result, exc: BaseException, kind: str | None = None) -> Result:
    """The error record that replaces `result` when it could not be written (the writer's fault
    boundary): its id and URL as the record had them, if it can still be read."""
    doc_id, url = result.id or result.source, None
    try:
        url = json.loads(result.line).get("url")
    except (ValueError, AttributeError, RecursionError):
        pass
    return _error_record(doc_id, result.source, result.rel_path, url if isinstance(url, str) else None, exc, kind,
                         ascii_only=True)


def _error_record(doc_id: str, source: str, rel_path: str, url: str | None, exc: BaseException,
                  kind: str | None, ascii_only: bool) -> Result:
    """An error record. Its message is made valid Unicode (an exception may quote the input); with
    `ascii_only` the whole line is ASCII JSON, so that it can be written whatever its parts hold."""
    kind = kind or getattr(exc, "kind", "error")
    message = replace_surrogates(f"{type(exc).__name__}: {exc}")[0]
    record = {"id": doc_id, "source": source, "url": url, "error": message, "error_kind": kind}
    if getattr(exc, "status", None) is not None:  # a failed download: the HTTP status it got
        record["status"] = exc.status  # type: ignore[attr-defined]
    return Result(source, rel_path, json_line(record, ascii_only), error_kind=kind, error=message,
                  id=doc_id)


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


# -- the parent side --------------------------------------------------------------------------
def chunked(docs: Iterable[InputDoc], max_docs: int = CHUNK_DOCS, max_bytes: int = CHUNK_BYTES) -> Iterator[list[InputDoc]]:
    """Group documents into chunks, by count and by bytes (a few big pages make a chunk too)."""
    chunk: list[InputDoc] = []
    size = 0
    for doc in docs:
        chunk.append(doc)
        size += doc.size
        if len(chunk) >= max_docs or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_batch(docs: Iterable[InputDoc], config: CleanerConfig, *, jobs: int = 0, ordered: bool = True,
              chunk_docs: int = CHUNK_DOCS, output: OutputOptions | None = None,
              start_method: str | None = None) -> Iterator[Result]:
    """Clean every document; yield one Result per input document.

    `jobs` <= 1 cleans in this process (no pool to start for one file); otherwise a pool of `jobs`
    processes takes chunks, with at most a few chunks per worker in flight, so memory stays flat
    however long the input stream is. Results follow input order unless `ordered` is False.
    `output` asks each worker to render the documents in a structured format too (`Result.rendered`).
    `start_method` overrides how workers start (`forkserver` while this process runs threads, such
    as the URL downloads: a fork copies their locks in whatever state they are).
    """
    jobs = jobs or default_jobs()
    chunks = chunked(docs, chunk_docs)
    first = next(chunks, None)
    second = next(chunks, None) if first is not None else None
    if jobs <= 1 or first is None or second is None:  # one worker, or too little work for a pool
        init_worker(config, output=output)
        for chunk in (first, second):
            if chunk is not None:
                yield from clean_chunk(chunk)
        for chunk in chunks:
            yield from clean_chunk(chunk)
        return
    yield from _run_pool(itertools.chain([first, second], chunks), config, jobs, ordered, output,
                         start_method or _START_METHOD)


#: fork where it exists: a worker starts in milliseconds instead of importing everything again (a
#: second of CPU each, which a 1,000-document run notices). The executor forks all its workers
#: before it starts its own thread, and a worker touches nothing of the parent's but the config.
#: Workers are the parent's own children either way, so their CPU time is accounted to the run.
_START_METHOD = "fork" if sys.platform == "linux" else "spawn"


def _pool(config: CleanerConfig, jobs: int, output: OutputOptions | None = None,
          start_method: str = _START_METHOD) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(jobs, multiprocessing.get_context(start_method), initializer=init_worker,
                               initargs=(config, True, output))


@dataclass
class _InFlight:
    future: Future[list[Result]]
    chunk: list[InputDoc]
    pool: ProcessPoolExecutor
    retry: bool = False  # a single document sent again after its worker died
    submitted: float = 0.0


def _run_pool(chunks: Iterator[list[InputDoc]], config: CleanerConfig, jobs: int, ordered: bool,
              output: OutputOptions | None = None, start_method: str = _START_METHOD) -> Iterator[Result]:
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * (4 if ordered else 2)  # bounded: chunks in flight (ordered needs some slack)
    pending: deque[_InFlight] = deque()
    pool = _pool(config, jobs, output, start_method)

    def submit(chunk: list[InputDoc], retry: bool = False) -> _InFlight:
        return _InFlight(pool.submit(clean_chunk, chunk), chunk, pool, retry, time.monotonic())

    def one_by_one(item: _InFlight) -> None:
        """Send a failed chunk's documents again, each alone, where the chunk was in the order."""
        again = [submit([doc], retry=True) for doc in item.chunk]
        if ordered:
            pending.extendleft(reversed(again))
        else:
            pending.extend(again)

    fresh_breaks = 0  # pools that broke before finishing a single chunk, in a row
    pool_progress = False  # the current pool has finished a chunk
    try:
        exhausted = False
        while True:
            if fresh_breaks >= _MAX_FRESH_BREAKS:
                # Workers die at start-up (cannot import, out of memory): no document is to blame.
                eprint("warning: worker processes keep dying before they finish anything; "
                       "cleaning the rest in this process")
                _close(pool, finished=False)
                rest = [doc for item in pending for doc in item.chunk]
                pending.clear()
                yield from run_batch(itertools.chain(rest, itertools.chain.from_iterable(chunks)), config, jobs=1,
                                     output=output)
                return
            while not exhausted and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append(submit(chunk))
            if not pending:
                return
            if ordered:
                ready = [pending.popleft()]
            else:
                done, _ = wait([item.future for item in pending], return_when=FIRST_COMPLETED)
                ready = [item for item in pending if item.future in done]
                for item in ready:
                    pending.remove(item)
            for item in ready:
                try:
                    results = item.future.result()
                except BrokenProcessPool:
                    # A worker died: killed by its hard time limit, or crashed in native code. Every
                    # chunk that pool had not finished is sent again, one document at a time, to a
                    # fresh pool; a document that kills its worker again gets an error record.
                    if item.pool is pool:
                        fresh_breaks = fresh_breaks + 1 if not pool_progress else 1
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool, pool_progress = _pool(config, jobs, output, start_method), False
                    if item.retry:
                        yield _crashed(item, config)
                    else:
                        one_by_one(item)
                    continue
                except Exception as exc:  # the chunk's results did not come back (they could not be pickled)
                    if item.retry or len(item.chunk) == 1:
                        yield error_result(item.chunk[0], exc, kind="internal")
                    else:  # one document at a time, so that only the culprit gets the error record
                        one_by_one(item)
                    continue
                pool_progress = pool_progress or item.pool is pool
                yield from results
    finally:
        _close(pool, finished=not pending, wait=not pending)


def _close(pool: ProcessPoolExecutor, finished: bool, wait: bool = True) -> None:
    """Wait for idle workers to exit; if the run was cut short, stop the busy ones too, so that no
    worker outlives the command. `wait=False` for a run cut short by Ctrl-C or an error: the
    executor's feeder thread may be blocked writing a chunk to a worker just stopped, and waiting for
    it would hang the interrupted command (the CLI then leaves with os._exit)."""
    if not finished:
        for process in list(getattr(pool, "_processes", {}).values()):  # no public API for this
            process.terminate()
    pool.shutdown(wait=wait, cancel_futures=True)


class WorkerCrashError(CleanerError):
    """The worker process cleaning this document died (killed, or crashed in native code)."""

    kind = "worker-crashed"


def _crashed(item: _InFlight, config: CleanerConfig) -> Result:
    """The error record for a document that killed its worker on its own."""
    doc = item.chunk[0]
    elapsed = time.monotonic() - item.submitted
    if elapsed >= hard_seconds(config):
        return error_result(doc, TimeLimitError(
            f"cleaning ran over {config.max_seconds:g} s (max_seconds) inside native code; the worker was killed"))
    return error_result(doc, WorkerCrashError("the worker process died while cleaning this document"))


@dataclass
class Summary:
    """Counters that add up across workers: documents (ok + skipped + errors), errors and skips by
    kind, removals by rule id, and the inputs a `--resume` found already done."""

    documents: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    skips: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    resumed: int = 0
    #: The first skipped input and why ("source: reason"), to show one in the summary.
    first_skip: str | None = None
    #: Output files whose name was changed to keep it unique (`--output-dir`).
    renamed: int = 0

    def add(self, result: Result) -> None:
        self.documents += 1
        if result.error_kind is not None:
            self.errors[result.error_kind] += 1
        elif result.skip_kind is not None:
            self.skips[result.skip_kind] += 1
            if self.first_skip is None:
                self.first_skip = f"{result.source}: {result.skipped}"
        self.removed.update(result.removed_by_rule)

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    @property
    def skipped(self) -> int:
        return sum(self.skips.values())

    @property
    def ok(self) -> int:
        return self.documents - self.failed - self.skipped


def eprint(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
