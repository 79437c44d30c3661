"""The structured formats of `cleaner clean` (`--format markdown|html|csv`), record by record.

A batch worker renders each document (`render`), so the parent only writes strings; the writer
(`FormatWriter`) streams them: Markdown documents one after the other, one HTML page with an
<article> per document, or a CSV table with one row per document (error rows included, with their
`error` and `error_kind`), flushed as they come, like JSON Lines.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .neutralize import csv_cell

if TYPE_CHECKING:
    from ..article import Article

__all__ = ["CSV_COLUMNS", "FORMATS", "FormatWriter", "OutputOptions", "csv_row", "document_text", "render"]

#: The formats rendered here (text, json and jsonl are written by `batch.run`).
FORMATS = ("markdown", "html", "csv")
#: Columns of `--format csv`, in order; lists (`authors`, `tags`, `section`, `links`) joined by "; ".
CSV_COLUMNS = ("id", "source", "url", "title", "authors", "date", "publisher", "language", "description",
               "datetime", "date_modified", "tags", "section", "license", "access", "truncated", "confidence",
               "fingerprint", "links", "text", "comments", "error", "error_kind")
#: File suffix of each format with --output-dir.
SUFFIXES = {"markdown": ".md", "html": ".html", "csv": ".csv"}


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
    """Where `FormatWriter` writes: each call one whole piece of output (`batch.writers.OutputSink`)."""

    def write(self, text: str) -> Any: ...


class FormatWriter:
    """Streams rendered documents to `sink` in one of FORMATS. Errors: a CSV row; in Markdown and
    HTML, reported on stderr by the caller (as `--format text` does) and left out of the document."""

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
            out += rendered if rendered is not None else csv_row(json.loads(line))
            self.sink.write(out)
            self.started = True
        elif rendered is None:
            return
        elif self.format == "markdown":
            self.sink.write(("\n\n---\n\n" if self.count else "") + rendered + "\n")
            self.count += 1
        else:
            self._write_html(rendered, title)

    def _write_html(self, rendered: str, title: str | None) -> None:
        from .html import page_start

        if self.count == 0:
            self.pending = (rendered, title)
        elif self.pending is not None:
            self.sink.write(page_start("Cleaned articles") + self.pending[0] + rendered)
            self.pending = None
        else:
            self.sink.write(rendered)
        self.count += 1

    def close(self) -> None:
        from .html import PAGE_END, page_start

        if self.format == "csv" and not self.started:
            self.sink.write(csv_header())
        elif self.format == "html":
            if self.pending is not None:
                self.sink.write(page_start(self.pending[1]) + self.pending[0] + PAGE_END)
            elif self.count:
                self.sink.write(PAGE_END)
            else:
                self.sink.write(page_start("No articles") + PAGE_END)


def document_text(fmt: str, rendered: str, title: str | None) -> str:
    """One document's own file (--output-dir): Markdown as rendered, HTML as a whole page."""
    if fmt == "html":
        from .html import PAGE_END, page_start

        return page_start(title) + rendered + PAGE_END
    return rendered + "\n"
