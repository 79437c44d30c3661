"""Batch input readers: files, folders, stdin; text, HTML, JSON Lines, WARC; plain, gzip or zstd.

Every input document becomes exactly one `InputDoc`. A document that cannot be read (missing,
unreadable, truncated, malformed, oversized) becomes an `InputDoc` carrying its error, so the batch
accounts for it with an error record and goes on. Readers never decide anything about content:
cleaning is `Cleaner.clean`'s job.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from warcio.archiveiterator import ArchiveIterator

from ..errors import (
    CleanerError,
    EmptyInputError,
    InputTooLargeError,
    MalformedRecordError,
    TruncatedInputError,
    UnreadableInputError,
)
from .streams import decompressed, read_head, read_limited, read_lines

INPUT_FORMATS = ("auto", "text", "html", "jsonl", "warc")
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_WARC_SUFFIXES = {".warc"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_COMPRESSION_SUFFIXES = {".gz", ".zst", ".zstd"}


@dataclass(frozen=True, slots=True)
class InputDoc:
    """One input document, or the error that kept it from being read.

    `source` is unique per document (path, path:line, or path#WARC-Record-ID) and is the key
    `--resume` uses; `id` is the caller's id (JSON `--id-field`, WARC record id) or the source;
    `rel_path` is where the document sits below its input root (for `--output-dir`).
    """

    source: str
    id: str
    rel_path: str
    data: bytes | str | None = None
    kind: str = "auto"
    url: str | None = None
    error: CleanerError | None = None
    #: The moment the document was fetched (a WARC record's WARC-Date, ISO 8601): the reference date
    #: for its relative times ("5 hours ago").
    reference_date: str | None = None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0


@dataclass(frozen=True)
class ReaderOptions:
    """How to read inputs: forced format, folder glob, JSON field names, kind and size limit."""

    input_format: str = "auto"
    glob: str = "*"
    text_field: str = "text"
    html_field: str = "html"
    url_field: str = "url"
    id_field: str = "id"
    kind: str = "auto"
    max_input_bytes: int = 16 * 1024 * 1024
    #: Resolved paths never read from folders (the run's own output file, when it sits among the inputs).
    exclude: frozenset[str] = frozenset()


def iter_inputs(sources: Iterable[str], options: ReaderOptions) -> Iterator[InputDoc]:
    """Every document of every source, in order: folders are walked recursively and sorted."""
    for source in sources:
        if source == "-":
            yield from _read_stream(sys.stdin.buffer, "-", "stdin", "", options)
            continue
        path = Path(source)
        if path.is_dir():
            for file in _walk(path, options.glob):
                if options.exclude and str(file.resolve()) in options.exclude:
                    continue
                yield from read_file(file, file.relative_to(path).as_posix(), options)
        else:
            yield from read_file(path, path.name, options)


def _walk(root: Path, pattern: str) -> list[Path]:
    """Files below `root` matching `pattern`, sorted; broken links are kept (they are inputs too)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            file = Path(dirpath) / name
            if file.match(pattern) or Path(name).match(pattern):
                found.append(file)
    return sorted(found)


def _format_from_name(name: str) -> str:
    """The format a file name suggests ('auto' when it suggests none)."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    while suffixes and suffixes[-1] in _COMPRESSION_SUFFIXES:
        suffixes.pop()
    last = suffixes[-1] if suffixes else ""
    if last in _JSONL_SUFFIXES:
        return "jsonl"
    if last in _WARC_SUFFIXES:
        return "warc"
    if last in _HTML_SUFFIXES:
        return "html"
    return "auto"


def read_file(path: Path, rel_path: str, options: ReaderOptions) -> Iterator[InputDoc]:
    """The documents of one file (one, or one per JSON line / WARC response record)."""
    source = str(path)
    try:
        stream: BinaryIO = open(path, "rb")
    except OSError as exc:
        yield _failed(source, rel_path, UnreadableInputError(f"cannot open {source}: {exc.strerror or exc}"))
        return
    with stream:
        forced = options.input_format if options.input_format != "auto" else _format_from_name(path.name)
        yield from _read_stream(stream, source, rel_path, forced, options)


def _read_stream(raw: BinaryIO, source: str, rel_path: str, forced: str, options: ReaderOptions) -> Iterator[InputDoc]:
    """Decompress, sniff the format unless forced, and hand over to the format's reader."""
    fmt = forced or options.input_format
    try:
        if fmt == "warc":  # warcio reads per-record gzip itself; zstd is unwrapped here
            head, raw = read_head(raw, 4)
            if not head.startswith(b"\x1f\x8b"):
                _, raw = decompressed(raw)
            yield from _read_warc(raw, source, rel_path, options)
            return
        _, stream = decompressed(raw)
        head, stream = read_head(stream)
        if fmt == "auto":
            fmt = _sniff_format(head, source == "-", options)
        if fmt == "warc":
            yield from _read_warc(stream, source, rel_path, options)
        elif fmt == "jsonl":
            yield from _read_jsonl(stream, source, rel_path, options)
        else:
            kind = fmt if fmt in ("text", "html") else options.kind
            data = read_limited(stream, options.max_input_bytes, source)
            yield InputDoc(source, source, rel_path, data, kind)
    except CleanerError as exc:
        yield _failed(source, rel_path, exc)
    except EOFError:  # gzip: the compressed stream stops before its end marker
        yield _failed(source, rel_path, TruncatedInputError(f"{source}: compressed stream is cut short (truncated file?)"))
    except OSError as exc:
        yield _failed(source, rel_path, UnreadableInputError(f"cannot read {source}: {exc}"))


def _sniff_format(head: bytes, is_stdin: bool, options: ReaderOptions) -> str:
    """WARC by its magic; JSON Lines (stdin only, where there is no file name) by its first line."""
    if head.startswith(b"WARC/"):
        return "warc"
    if is_stdin and head.lstrip().startswith(b"{"):
        first = head.lstrip().split(b"\n", 1)[0]
        try:
            record = json.loads(first)
        except ValueError:
            return "auto"
        fields = (options.text_field, options.html_field)
        if isinstance(record, dict) and any(f in record for f in fields):
            return "jsonl"
    return "auto"


def _read_jsonl(stream: BinaryIO, source: str, rel_path: str, options: ReaderOptions) -> Iterator[InputDoc]:
    """One document per JSON line; a bad line is an error record naming its line number."""
    number = documents = 0
    try:
        for number, line in read_lines(stream, options.max_input_bytes):
            where = f"{source}:{number}"
            documents += 1
            if line is None:
                yield _failed(where, rel_path, InputTooLargeError(
                    f"line {number} is over the limit of {options.max_input_bytes:,} bytes (raise max_input_bytes)"))
                continue
            if not line.strip():
                documents -= 1
                continue
            yield _jsonl_doc(line, where, rel_path, options)
    except TruncatedInputError as exc:
        yield _failed(f"{source}:{number + 1}", rel_path, exc)
        return
    if not documents:  # an input that holds nothing is reported, not silently skipped
        yield _failed(source, rel_path, EmptyInputError(f"{source} holds no JSON lines"))


def _jsonl_doc(line: bytes, where: str, rel_path: str, options: ReaderOptions) -> InputDoc:
    try:
        record = json.loads(line)
    except ValueError as exc:
        return _failed(where, rel_path, MalformedRecordError(f"{where}: not valid JSON ({exc})"))
    if not isinstance(record, dict):
        return _failed(where, rel_path, MalformedRecordError(f"{where}: a JSON line must hold an object"))
    doc_id = record.get(options.id_field)
    doc_id = where if doc_id is None else str(doc_id)
    url = record.get(options.url_field)
    url = url if isinstance(url, str) else None
    for field, kind in ((options.html_field, "html"), (options.text_field, "text")):
        value = record.get(field)
        if isinstance(value, str):
            kind = options.kind if options.kind != "auto" else kind
            return InputDoc(where, doc_id, f"{rel_path}/{doc_id}", value, kind, url)
    return _failed(where, rel_path, MalformedRecordError(
        f"{where}: no string field {options.html_field!r} or {options.text_field!r} "
        "(choose them with --html-field / --text-field)"), doc_id=doc_id, url=url)


def _read_warc(stream: BinaryIO, source: str, rel_path: str, options: ReaderOptions) -> Iterator[InputDoc]:
    """One document per WARC response (or resource) record; other record types are not documents."""
    limit = options.max_input_bytes
    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            count += 1
            record_id = record.rec_headers.get_header("WARC-Record-ID") or f"record-{count}"
            where = f"{source}#{record_id}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
            kind = options.kind
            if kind == "auto":
                kind = "html" if "html" in content_type.lower() else "text" if "text/plain" in content_type.lower() else "auto"
            try:
                if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                    raise MalformedRecordError(f"{where}: record has no Content-Length (cut in its headers?)")
                data = read_limited(record.content_stream(), limit, where)
                if record.raw_stream.limit > 0:  # warcio returns short records silently
                    raise TruncatedInputError(f"{where}: record ends before its Content-Length (truncated file?)")
            except CleanerError as exc:
                yield _failed(where, f"{rel_path}/{count}", exc, doc_id=record_id, url=url)
                continue
            fetched = record.rec_headers.get_header("WARC-Date") or None
            yield InputDoc(where, record_id, f"{rel_path}/{count}", data, kind, url, reference_date=fetched)
    except CleanerError:
        raise
    except Exception as exc:  # warcio raises assorted errors on a damaged archive
        yield _failed(f"{source}#after-{count}", rel_path, MalformedRecordError(
            f"{source}: damaged WARC after record {count} ({type(exc).__name__}: {exc})"))
        return
    if not count:  # an input that holds nothing is reported, not silently skipped
        yield _failed(source, rel_path, EmptyInputError(f"{source} holds no WARC response records"))


def _failed(source: str, rel_path: str, error: CleanerError, *, doc_id: str | None = None,
            url: str | None = None) -> InputDoc:
    return InputDoc(source, doc_id or source, rel_path, None, "auto", url, error)
