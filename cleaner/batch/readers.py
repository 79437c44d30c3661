"""Batch input readers: files, folders, stdin, URLs; text, HTML, JSON (Lines, arrays), WARC; plain,
gzip or zstd. Every command that reads documents (`clean`, `learn`, `explain`, `diff`) reads them here.

Every input document becomes exactly one `InputDoc`. A document that cannot be read (missing,
unreadable, truncated, malformed, oversized) becomes an `InputDoc` carrying its error, and one that is
not a page (a WARC record of an image, a 404) carries the reason it is skipped, so the batch accounts
for each with a record of its own and goes on. Readers never decide anything about an article's
content: cleaning is `Cleaner.clean`'s job.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import (
    CleanerError,
    EmptyInputError,
    InputTooLargeError,
    InternalError,
    MalformedRecordError,
    TruncatedInputError,
    UnreadableInputError,
)
from ..text.sanitize import CONTROLS, replace_surrogates
from .fetch import FetchOptions, fetch_urls, is_url
from .inputs import InputDoc
from .json_values import read_json_values
from .skips import UNTYPED_NOT_HTML, Skip, http_skip
from .streams import (DECOMPRESSION_ERRORS, decompressed, read_first_line, read_head, read_limited, read_lines,
                      stream_error)

INPUT_FORMATS = ("auto", "text", "html", "json", "jsonl", "warc")
_JSON_SUFFIXES = {".json"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_WARC_SUFFIXES = {".warc"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_COMPRESSION_SUFFIXES = {".gz", ".zst", ".zstd"}
#: The start of a JSON record stream: an object with a key, or an array of them. Plain text and HTML
#: never start so; `{{template}}` or `[1] footnote` text does not match.
_JSON_START = re.compile(rb"\A\s*(?:\[\s*)?\{\s*(?:\"|\})")


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
    #: How URLs given as inputs are downloaded.
    fetch: FetchOptions = field(default_factory=FetchOptions)


def iter_inputs(sources: Iterable[str], options: ReaderOptions) -> Iterator[InputDoc]:
    """Every document of every source, in order: folders are walked recursively and sorted; runs of
    URLs are downloaded concurrently (`fetch.fetch_urls`), their documents kept in input order."""
    for urls, group in itertools.groupby(sources, is_url):
        if urls:
            yield from fetch_urls(group, options.fetch, options.max_input_bytes, options.kind)
            continue
        for source in group:
            yield from _read_source(source, options)


def _read_source(source: str, options: ReaderOptions) -> Iterator[InputDoc]:
    """The documents of one source (standard input, a file, a folder). Each input is read behind its
    own fault boundary (`_guarded`): whatever its reader raises ends that input with an error record,
    and the next input is read."""
    if source == "-":
        yield from _guarded(_read_stream(sys.stdin.buffer, "-", "stdin", "", options), "-", "stdin")
        return
    path = Path(source)
    if not path.is_dir():
        yield from read_file(path, _printable_name(path.name), options)
        return
    root = canonical_path(path)
    found, unreadable = _walk(path, options.glob)
    files = [file for file in found if not (options.exclude and str(file.resolve()) in options.exclude)]
    for folder, exc in unreadable:  # a folder that cannot be listed hides its documents: say so
        rel = _printable_name(folder.relative_to(path).as_posix())
        where = root if rel == "." else f"{root}/{rel}"
        yield _failed(where, rel, UnreadableInputError(f"cannot list folder {where}: {exc.strerror or exc}"))
    if not files and not unreadable:  # an input that holds nothing is reported, not silently skipped
        matching = f" matching --glob {options.glob!r}" if options.glob != "*" else ""
        yield _failed(root, _printable_name(path.name), EmptyInputError(f"folder {root} holds no files{matching}"))
    for file in files:
        rel = _printable_name(file.relative_to(path).as_posix())
        yield from read_file(file, rel, options, source=f"{root}/{rel}")


def input_sources(inputs: Iterable[str]) -> set[str]:
    """The sources the given inputs have when each is one document (a file named on the command
    line, standard input): what a document's `source` is compared with to tell them apart."""
    return {i if i == "-" or is_url(i) else canonical_path(Path(i)) for i in inputs}


def countable(sources: Iterable[str], options: ReaderOptions) -> int | None:
    """How many documents `sources` hold, when that is known without reading them (files of one
    document each, URLs); None when any source may hold many (JSON, WARC, standard input)."""
    total = 0
    for source in sources:
        if is_url(source):
            total += 1
            continue
        if source == "-" or options.input_format in ("json", "jsonl", "warc"):
            return None
        path = Path(source)
        files = _walk(path, options.glob)[0] if path.is_dir() else [path]
        if any(_format_from_name(f.name) in ("json", "jsonl", "warc") for f in files):
            return None
        total += max(1, len(files))
    return total


def _walk(root: Path, pattern: str) -> tuple[list[Path], list[tuple[Path, OSError]]]:
    """(files below `root` matching `pattern`, sorted; folders that could not be listed, with why).
    Broken links are kept (they are inputs too)."""
    found = []
    unreadable: list[tuple[Path, OSError]] = []

    def failed(exc: OSError) -> None:
        unreadable.append((Path(exc.filename) if exc.filename else root, exc))

    for dirpath, dirnames, filenames in os.walk(root, onerror=failed):
        dirnames.sort()
        for name in filenames:
            file = Path(dirpath) / name
            if file.match(pattern) or Path(name).match(pattern):
                found.append(file)
    return sorted(found), sorted(unreadable, key=lambda item: item[0])


#: Control characters in a file name, shown escaped in sources (a name is echoed on terminals).
_NAME_CONTROLS = re.compile(f"[{CONTROLS}]")


def _printable_name(name: str) -> str:
    """A path as text that can be written anywhere: bytes that are not UTF-8 (kept by Python as
    surrogate escapes) and control characters shown as \\xNN escapes, so the name stays unique."""
    if name.isascii() and _NAME_CONTROLS.search(name) is None:
        return name
    name = os.fsencode(name).decode("utf-8", "backslashreplace")
    return _NAME_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


def canonical_path(path: Path) -> str:
    """The source of a file or folder: its absolute path with the folder resolved (symbolic links,
    "..", the working directory), as printable text. The same input spelt any other way (relative,
    from another directory, through a linked folder) gets the same source, so `--resume` finds it;
    a link to a file keeps its own name (it is an input of that name)."""
    absolute = Path(os.path.abspath(path))
    try:
        folder = absolute.parent.resolve()
    except (OSError, RuntimeError):  # a loop of links: the absolute spelling is the best there is
        folder = absolute.parent
    return _printable_name(str(folder / absolute.name) if absolute.name else str(folder))


def _format_from_name(name: str) -> str:
    """The format a file name suggests ('auto' when it suggests none)."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    while suffixes and suffixes[-1] in _COMPRESSION_SUFFIXES:
        suffixes.pop()
    last = suffixes[-1] if suffixes else ""
    if last in _JSONL_SUFFIXES:
        return "jsonl"
    if last in _JSON_SUFFIXES:
        return "json"
    if last in _WARC_SUFFIXES:
        return "warc"
    if last in _HTML_SUFFIXES:
        return "html"
    return "auto"


def read_file(path: Path, rel_path: str, options: ReaderOptions, source: str | None = None) -> Iterator[InputDoc]:
    """The documents of one file (one, or one per JSON line / WARC response record); `source`: the
    file's canonical path (`canonical_path`), when the caller has it."""
    source = source or canonical_path(path)
    yield from _guarded(_read_file(path, source, rel_path, options), source, rel_path)


def _read_file(path: Path, source: str, rel_path: str, options: ReaderOptions) -> Iterator[InputDoc]:
    try:
        stream: BinaryIO = open(path, "rb")
    except OSError as exc:
        yield _failed(source, rel_path, UnreadableInputError(f"cannot open {source}: {exc.strerror or exc}"))
        return
    with stream:
        forced = options.input_format if options.input_format != "auto" else _format_from_name(path.name)
        yield from _read_stream(stream, source, rel_path, forced, options)


def _guarded(docs: Iterator[InputDoc], source: str, rel_path: str) -> Iterator[InputDoc]:
    """The fault boundary around one input: its documents, and if its reader raises, one error
    record for the rest of it (named after the documents already read, so sources stay unique)
    instead of an exception that would end the batch."""
    count = 0
    try:
        for doc in docs:
            count += 1
            yield doc
    except Exception as exc:
        where = source if not count else f"{source}#after-{count}"
        yield _failed(where, rel_path, input_error(exc, source))


def input_error(exc: BaseException, source: str) -> CleanerError:
    """The typed error of an exception raised while reading `source`."""
    if isinstance(exc, CleanerError):
        return exc
    if isinstance(exc, (EOFError, *DECOMPRESSION_ERRORS)):
        return stream_error(exc, source)
    if isinstance(exc, OSError):
        return UnreadableInputError(f"cannot read {source}: {exc.strerror or exc}")
    if isinstance(exc, (RecursionError, MemoryError)):
        return MalformedRecordError(f"{source}: too deeply nested or too large to read ({type(exc).__name__})")
    return InternalError(f"{source}: unexpected {type(exc).__name__} while reading: {exc}")


def _read_stream(raw: BinaryIO, source: str, rel_path: str, forced: str, options: ReaderOptions) -> Iterator[InputDoc]:
    """Decompress, sniff the format unless forced, and hand over to the format's reader (errors are
    the caller's `_guarded`'s)."""
    fmt = forced or options.input_format
    if fmt == "warc":  # warcio reads per-record gzip itself; zstd is unwrapped here
        head, raw = read_head(raw, 4)
        if not head.startswith(b"\x1f\x8b"):
            _, raw = decompressed(raw)
        yield from _read_warc(raw, source, rel_path, options)
        return
    _, stream = decompressed(raw)
    head, stream = read_head(stream)
    if fmt == "auto":
        fmt, stream = _sniff_format(head, stream, options)
    if fmt == "warc":
        yield from _read_warc(stream, source, rel_path, options)
    elif fmt == "jsonl":
        yield from _read_jsonl(stream, source, rel_path, options)
    elif fmt == "json":
        yield from _read_json(stream, source, rel_path, options)
    else:
        kind = fmt if fmt in ("text", "html") else options.kind
        data = read_limited(stream, options.max_input_bytes, source)
        yield InputDoc(source, source, rel_path, data, kind)


def _sniff_format(head: bytes, stream: BinaryIO, options: ReaderOptions) -> tuple[str, BinaryIO]:
    """WARC by its magic; JSON by its first characters (an object with a key, or an array of them):
    JSON Lines when the first line is a whole object, however long, else JSON values (an array, a
    pretty-printed object). Anything else is a document of its own (`--kind` or the engine decides)."""
    if head.startswith(b"WARC/"):
        return "warc", stream
    if not _JSON_START.match(head):
        return "auto", stream
    if head.lstrip().startswith(b"["):
        return "json", stream
    first, stream = read_first_line(stream, options.max_input_bytes)
    try:
        whole = isinstance(json.loads(first), dict)
    except ValueError:
        whole = False
    except RecursionError:  # one line too deep to decode: JSON Lines gives it its own error record
        whole = True
    return ("jsonl" if whole else "json"), stream


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
    except CleanerError as exc:  # the stream is cut or damaged after this line
        yield _failed(f"{source}:{number + 1}", rel_path, exc)
        return
    if not documents:  # an input that holds nothing is reported, not silently skipped
        yield _failed(source, rel_path, EmptyInputError(f"{source} holds no JSON lines"))


def _read_json(stream: BinaryIO, source: str, rel_path: str, options: ReaderOptions) -> Iterator[InputDoc]:
    """One document per element of a JSON array, or per JSON value of a stream of them (a pretty-printed
    object, JSON Lines saved as .json); `source:N` names the N-th. Malformed JSON ends the input
    with an error record (there is no line to resynchronise on)."""
    number = 0
    try:
        for number, value in read_json_values(stream, options.max_input_bytes):
            yield _record_doc(value, f"{source}:{number}", rel_path, options)
    except CleanerError as exc:
        yield _failed(f"{source}:{number + 1}", rel_path, exc)
        return
    if not number:
        yield _failed(source, rel_path, EmptyInputError(f"{source} holds no JSON records"))


def _jsonl_doc(line: bytes, where: str, rel_path: str, options: ReaderOptions) -> InputDoc:
    try:
        record = json.loads(line)
    except ValueError as exc:
        return _failed(where, rel_path, MalformedRecordError(f"{where}: not valid JSON ({exc})"))
    except RecursionError:
        return _failed(where, rel_path, MalformedRecordError(f"{where}: JSON nested too deeply to read"))
    return _record_doc(record, where, rel_path, options)


def _record_doc(record: object, where: str, rel_path: str, options: ReaderOptions) -> InputDoc:
    """A JSON record's document: the HTML field (preferred) or the text field, with its id and URL.

    Under `--kind auto` the text field's value is sniffed like any input (HTML put in a `text` field
    is still HTML); the HTML field is HTML."""
    if not isinstance(record, dict):
        return _failed(where, rel_path, MalformedRecordError(f"{where}: a JSON record must be an object"))
    doc_id = record.get(options.id_field)
    doc_id = where if doc_id is None else _valid(str(doc_id))
    url = record.get(options.url_field)
    url = _valid(url) if isinstance(url, str) else None
    for name, kind in ((options.html_field, "html"), (options.text_field, "auto")):
        value = record.get(name)
        if isinstance(value, str):
            kind = options.kind if options.kind != "auto" else kind
            return InputDoc(where, doc_id, _member(rel_path, doc_id), value, kind, url)
    return _failed(where, rel_path, MalformedRecordError(
        f"{where}: no string field {options.html_field!r} or {options.text_field!r} "
        "(choose them with --html-field / --text-field)"), doc_id=doc_id, url=url)


def _read_warc(stream: BinaryIO, source: str, rel_path: str, options: ReaderOptions) -> Iterator[InputDoc]:
    """One document per WARC response (or resource) record; other record types are not documents.

    A response whose HTTP status is not a success, or whose Content-Type is not a web page (scripts,
    stylesheets, feeds, JSON, images, robots.txt), is skipped with its reason (`skips.http_skip`)
    without reading its payload; one without a Content-Type is a page when its payload is HTML."""
    from warcio.archiveiterator import ArchiveIterator  # only WARC inputs pay for warcio

    limit = options.max_input_bytes
    count = 0
    seen: set[str] = set()  # record ids: a repeated one gets "#2", "#3" (it is the --resume key)
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            count += 1
            record_id = _unique(_valid(record.rec_headers.get_header("WARC-Record-ID") or f"record-{count}"), seen)
            where = f"{source}#{record_id}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            url = _valid(url) if url else None
            fetched = record.rec_headers.get_header("WARC-Date") or None
            skip, content_type = _warc_page(record)
            data = b""
            try:
                if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                    raise MalformedRecordError(f"{where}: record has no Content-Length (cut in its headers?)")
                if skip is None:
                    data = read_limited(record.content_stream(), limit, where)
                else:  # not kept, but read through: a record cut short is an error, not a skip
                    while record.raw_stream.read(1 << 16):
                        pass
                if record.raw_stream.limit > 0:  # warcio returns short records silently
                    raise TruncatedInputError(f"{where}: record ends before its Content-Length (truncated file?)")
            except CleanerError as exc:
                yield _failed(where, f"{rel_path}/{count}", exc, doc_id=record_id, url=url)
                continue
            if skip is not None:
                yield InputDoc(where, record_id, f"{rel_path}/{count}", None, "auto", url, skipped=skip)
                continue
            kind = _payload_kind(content_type, data, options.kind)
            if kind is None:
                yield InputDoc(where, record_id, f"{rel_path}/{count}", None, "auto", url,
                               skipped=UNTYPED_NOT_HTML)
                continue
            yield InputDoc(where, record_id, f"{rel_path}/{count}", data, kind, url, reference_date=fetched)
    except CleanerError:
        raise
    except Exception as exc:  # warcio raises assorted errors on a damaged archive
        yield _failed(f"{source}#after-{count}", rel_path, MalformedRecordError(
            f"{source}: damaged WARC after record {count} ({type(exc).__name__}: {exc})"))
        return
    if not count:  # an input that holds nothing is reported, not silently skipped
        yield _failed(source, rel_path, EmptyInputError(f"{source} holds no WARC response records"))


def _warc_page(record: object) -> tuple[Skip | None, str]:
    """(why the record is not a page or None, its Content-Type): the HTTP status and Content-Type
    of a response; the WARC Content-Type of a resource record (text/plain accepted there)."""
    http = getattr(record, "http_headers", None)
    rec_type = getattr(record, "rec_type", "")
    if rec_type == "resource" or http is None:
        content_type = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
        if rec_type == "response":  # a response without HTTP headers (dns:, ftp:): not a web page
            return http_skip(None, content_type or "application/octet-stream"), content_type
        return http_skip(None, content_type, plain_text=True), content_type
    try:
        status: int | None = int(http.get_statuscode())
    except (TypeError, ValueError):
        status = None
    content_type = http.get_header("Content-Type") or ""
    return http_skip(status, content_type), content_type


def _payload_kind(content_type: str, data: bytes, forced: str) -> str | None:
    """The kind to clean a page's payload as: `--kind` when forced, else from its Content-Type, else
    sniffed (None: no Content-Type and not HTML, so not a page)."""
    if forced != "auto":
        return forced
    media = content_type.split(";", 1)[0].strip().lower()
    if "html" in media:
        return "html"
    if media == "text/plain":
        return "text"
    from ..text.decode import sniff_kind

    return "html" if sniff_kind(data[:4096].decode("utf-8", "replace")) == "html" else None


def _valid(value: str) -> str:
    """`value` as valid Unicode (a JSON string may hold a lone surrogate)."""
    return replace_surrogates(value)[0]


def _unique(key: str, seen: set[str]) -> str:
    """`key`, or `key#2`, `key#3`... when it was seen before in this input; remembered."""
    unique, n = key, 1
    while unique in seen:
        n += 1
        unique = f"{key}#{n}"
    seen.add(unique)
    return unique


def _member(rel_path: str, name: str) -> str:
    """Where a document of a JSON file sits below the input root: a name in the file's own folder
    (a "/" in an id is not a folder)."""
    return f"{rel_path}/{name.replace('/', '_')}"


def _failed(source: str, rel_path: str, error: CleanerError, *, doc_id: str | None = None,
            url: str | None = None) -> InputDoc:
    return InputDoc(source, doc_id or source, rel_path, None, "auto", url, error)
