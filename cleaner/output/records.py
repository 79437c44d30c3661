"""The structured formats of `cleaner clean` (`--format markdown|html|csv|tei`), record by record.

A batch worker renders each document (`render`), so the parent only writes strings; the writer
(`FormatWriter`) streams them: Markdown documents one after the other, one HTML page with an
<article> per document, a CSV table with one row per document (error and skipped rows included, with
their `error` and `error_kind`, `skipped` and `skip_kind`), or TEI XML (one `<TEI>`, or a `<teiCorpus>`
of them), flushed as they come, like JSON Lines.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..article import SCALAR_FIELDS
from .neutralize import csv_cell

if TYPE_CHECKING:
    from ..article import Article

__all__ = ["CSV_COLUMNS", "FORMATS", "FormatWriter", "OutputOptions", "csv_row", "format_for_path", "render",
           "standalone"]

#: The formats rendered here (text, json and jsonl are written by `batch.run`).
FORMATS = ("markdown", "html", "csv", "tei")
#: The long cells, last of the Article's columns so that a row's metadata reads first.
_LONG = ("text", "comments")
#: Columns of `--format csv`, in order: the record's id, source and url, every one-value field of the Article
#: (`article.SCALAR_FIELDS`; lists such as `authors` and `tags` joined by "; "), the body and the
#: comments, then the error or skip.
CSV_COLUMNS = (("id", "source", "url") + tuple(name for name, _ in SCALAR_FIELDS if name != "url" and name not in _LONG) + _LONG
               + ("error", "error_kind", "skipped", "skip_kind"))
#: File suffix of each format with --output-dir.
SUFFIXES = {"markdown": ".md", "html": ".html", "csv": ".csv", "tei": ".xml"}
#: The format an output file's suffix asks for (`-o out.csv` writes CSV without `-f csv`).
_FORMAT_OF_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".md": "markdown",
                     ".markdown": "markdown", ".html": "html", ".htm": "html", ".xml": "tei", ".txt": "text"}


def format_for_path(path: Path) -> str | None:
    """The output format `path`'s suffix names (None for a suffix that names none)."""
    return _FORMAT_OF_SUFFIX.get(path.suffix.lower())


@dataclass(frozen=True)
class OutputOptions:
    """What a worker renders for each document besides its JSON record."""

    format: str = "jsonl"
    links: bool = False
    images: bool = False


def render(options: OutputOptions, record: dict[str, Any], article: "Article") -> str | None:
    """The document in `options.format` (None for the formats `batch.run` writes itself)."""
    if options.format == "markdown":
        from .markdown import to_markdown

        return to_markdown(article, links=options.links, images=options.images, title=True)
    if options.format == "html":
        from .html import article_element

        return article_element(article, links=options.links, images=options.images, source=record.get("source"))
    if options.format == "csv":
        return csv_row(record)
    if options.format == "tei":
        from .tei import tei_document

        return tei_document(article, record, links=options.links, images=options.images)
    return None


def csv_row(record: dict[str, Any]) -> str:
    """One CSV line (RFC 4180, every cell quoted, "\\r\\n" ends) of a JSON record, ok or error; each
    cell neutralised against formula injection (`output.neutralize.csv_cell`)."""
    values = []
    for column in CSV_COLUMNS:
        value = record.get(column)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        values.append("" if value is None else csv_cell(str(value)))
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerow(values)
    return buffer.getvalue()


def csv_header() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerow(CSV_COLUMNS)
    return buffer.getvalue()


class TextSink(Protocol):
    """Where `FormatWriter` writes: each call one whole piece of output, written at once
    (`batch.writers.OutputSink`)."""

    def write(self, text: str) -> Any: ...


class FormatWriter:
    """Streams rendered documents to `sink` in one of FORMATS. Errors and skipped inputs: a CSV row;
    in Markdown, HTML and TEI, reported on stderr by the caller (as `--format text` does) and left out
    of the document."""

    def __init__(self, fmt: str, sink: TextSink) -> None:
        self.format = fmt
        self.sink = sink
        self.count = 0
        self.started = False
        #: HTML: the first article waits until we know whether the page holds one or several.
        self.pending: tuple[str, str | None] | None = None

    def write(self, rendered: str | None, line: str, title: str | None = None) -> None:
        """`rendered`: the worker's rendering (None for an error); `line`: the JSON record. What one
        record adds goes to the sink in one call (a sink that fails leaves whole records only)."""
        if self.format == "csv":
            out = "" if self.started else csv_header()
            self.sink.write(out + (rendered if rendered is not None else csv_row(json.loads(line))))
            self.started = True
        elif rendered is None:
            return
        elif self.format == "markdown":
            self.sink.write(("\n\n---\n\n" if self.count else "") + rendered + "\n")
            self.count += 1
        else:
            self._write_wrapped(rendered, title)

    def _write_wrapped(self, rendered: str, title: str | None) -> None:
        """HTML and TEI: the first document waits until a second shows whether one document or a
        page (corpus) of several is due; only one is ever held."""
        if self.count == 0:
            self.pending = (rendered, title)
        elif self.pending is not None:
            self.sink.write(_collection_start(self.format) + self.pending[0] + rendered)
            self.pending = None
        else:
            self.sink.write(rendered)
        self.count += 1

    def close(self) -> None:
        if self.format == "csv" and not self.started:
            self.sink.write(csv_header())
        elif self.format in ("html", "tei"):
            if self.pending is not None:
                self.sink.write(standalone(self.format, *self.pending))
            else:
                self.sink.write(("" if self.count else _collection_start(self.format, "No articles"))
                                + _collection_end(self.format))


def _collection_start(fmt: str, title: str = "Cleaned articles") -> str:
    """The start of an HTML page, or of a TEI corpus, holding several documents."""
    if fmt == "tei":
        from .tei import corpus_start

        return corpus_start()
    from .html import page_start

    return page_start(title)


def _collection_end(fmt: str) -> str:
    if fmt == "tei":
        from .tei import CORPUS_END

        return CORPUS_END
    from .html import PAGE_END

    return PAGE_END


def standalone(fmt: str, rendered: str, title: str | None) -> str:
    """One rendered document as a file of its own: an HTML page, an XML file, Markdown as it is."""
    if fmt == "html":
        from .html import PAGE_END, page_start

        return page_start(title) + rendered + PAGE_END
    if fmt == "tei":
        from .tei import XML_DECLARATION

        return XML_DECLARATION + rendered
    return rendered + "\n"

