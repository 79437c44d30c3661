"""datatrove pipeline step: clean each document's raw HTML or text with `Cleaner.clean`.

`pip install 'article-cleaner[datatrove]'`. Put `CleanerExtractor` where an extractor goes, after a reader:

>>> from datatrove.executor import LocalPipelineExecutor                       # doctest: +SKIP
>>> from datatrove.pipeline.readers import WarcReader                          # doctest: +SKIP
>>> from datatrove.pipeline.writers import JsonlWriter                         # doctest: +SKIP
>>> LocalPipelineExecutor(pipeline=[WarcReader("crawl/"), CleanerExtractor(kind="html"),
...                                 JsonlWriter("clean/")], tasks=4).run()   # doctest: +SKIP

`Document.text` (the page or text the reader gave) becomes the article body (or its Markdown with
`output="markdown"`); the metadata gets the article's fields (`METADATA_FIELDS`, renamable) without
overwriting what the reader put there (a WARC record's crawl `date` stays: the article's date goes to
`date_published`). datatrove's stats count documents, forwarded and dropped ones, failures by kind
(`error/empty`, `error/binary`, ...), removals by rule id (`removed/ADV001`), characters in and out,
and the time spent (the executor merges them across tasks into `stats.json`).

A document that cannot be cleaned never stops the run. By default it is dropped (counted under
`dropped/error` and `error/<kind>`): the output of an extraction step is corpus text, and a raw page
or binary left in `text` would be fed to training as if it were an article. `exclusion_writer` (a
datatrove writer) keeps every dropped document, untouched but for `metadata["cleaner_error"]`, so
nothing is lost; `keep_failed=True` forwards it instead, text unchanged, with that metadata key.
Documents left without a body are dropped too (`dropped/empty`) unless `keep_empty=True`.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..article import SCALAR_FIELDS
from ..config import CleanerConfig
from ..engine import Cleaner
from ..errors import CleanerError
from ._extras import missing_extra

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
except ImportError as _exc:  # pragma: no cover - exercised in a subprocess without datatrove
    raise missing_extra("datatrove", _exc) from _exc

__all__ = ["CleanerExtractor", "METADATA_FIELDS", "OPTIONAL_FIELDS"]

#: Article field -> metadata key written by default.
METADATA_FIELDS: dict[str, str] = {
    "title": "title", "authors": "authors", "date": "date_published", "publisher": "publisher",
    "language": "language", "description": "description", "canonical_url": "canonical_url",
    "datetime": "datetime_published", "date_modified": "date_modified", "tags": "tags", "section": "section",
    "license": "license", "access": "access", "truncated": "truncated", "fingerprint": "fingerprint",
    "confidence": "confidence",
}
#: Article fields that may be asked for besides those (`metadata_fields`); not written by default.
OPTIONAL_FIELDS = tuple(name for name, _ in SCALAR_FIELDS if name not in METADATA_FIELDS and name != "text")
_KINDS = ("auto", "text", "html")
_OUTPUTS = ("text", "markdown")


class CleanerExtractor(PipelineStep):  # type: ignore[misc]  # datatrove ships no type hints
    """Clean `Document.text` (raw HTML or scraped text) into the article body; see the module docstring.

    Args:
        kind: "auto" (sniff), "text" or "html".
        config: a `CleanerConfig` (defaults otherwise).
        output: "text" (the body) or "markdown" (`cleaner.output.to_markdown`, with `links`/`images`).
        url_key: metadata key holding the page's URL (readers put it in "url"); None for none.
        metadata_fields: Article field -> metadata key (default `METADATA_FIELDS`).
        keep_failed: forward documents that cannot be cleaned (text unchanged) instead of dropping them.
        keep_empty: forward documents left with no body.
        exclusion_writer: a datatrove writer that receives every dropped document.
    """

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(self, kind: str = "auto", config: CleanerConfig | None = None, *, output: str = "text",
                 links: bool = False, images: bool = False, url_key: str | None = "url",
                 metadata_fields: dict[str, str] | None = None, keep_failed: bool = False, keep_empty: bool = False,
                 exclusion_writer: Any = None) -> None:
        super().__init__()
        if kind not in _KINDS:
            raise ValueError(f"kind must be one of {', '.join(_KINDS)}, not {kind!r}")
        if output not in _OUTPUTS:
            raise ValueError(f"output must be 'text' or 'markdown', not {output!r}")
        fields = dict(METADATA_FIELDS if metadata_fields is None else metadata_fields)
        unknown = set(fields) - set(METADATA_FIELDS) - set(OPTIONAL_FIELDS)
        if unknown:
            raise ValueError(f"unknown Article field(s) in metadata_fields: {sorted(unknown)}")
        self.kind = kind
        self.config = config or CleanerConfig()
        self.output = output
        self.links = links
        self.images = images
        self.url_key = url_key
        self.metadata_fields = fields
        self.keep_failed = keep_failed
        self.keep_empty = keep_empty
        self.exclusion_writer = exclusion_writer

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        cleaner = Cleaner(self.config)  # compiled once per task
        if self.exclusion_writer is None:
            yield from self._clean_all(cleaner, data, None)
            return
        with self.exclusion_writer as writer:
            yield from self._clean_all(cleaner, data, lambda doc: writer.write(doc, rank))

    def _clean_all(self, cleaner: Cleaner, data: DocumentsPipeline, exclude: Any) -> Iterator[Document]:
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                kept = self._clean_one(cleaner, doc)
            if kept:
                self.stat_update("forwarded")
                self.update_doc_stats(doc)
                yield doc
            elif exclude is not None:
                exclude(doc)

    def _clean_one(self, cleaner: Cleaner, doc: Document) -> bool:
        """Clean `doc` in place; whether it goes on down the pipeline."""
        url = doc.metadata.get(self.url_key) if self.url_key else None
        try:
            article = cleaner.clean(doc.text if doc.text is not None else "", kind=self.kind,
                                    url=url if isinstance(url, str) else None)
            if self.output == "markdown":
                from ..output import to_markdown

                body = to_markdown(article, links=self.links, images=self.images)
            else:
                body = article.text
        except Exception as exc:  # a bad document (or a bug) costs that document, never the run
            kind = exc.kind if isinstance(exc, CleanerError) else "internal"
            self.stat_update(f"error/{kind}")
            doc.metadata["cleaner_error"] = f"{type(exc).__name__}: {exc}"
            if self.keep_failed:
                return True
            self.stat_update("dropped/error")
            return False
        self.stat_update("chars_in", value=len(doc.text or ""))
        for rule, n in article.stats.get("removed_by_rule", {}).items():
            self.stat_update(f"removed/{rule}", value=n)
        doc.text = body
        for field, key in self.metadata_fields.items():
            value = getattr(article, field)  # only the fields asked for (the fingerprint, the confidence: on first read)
            if value not in (None, [], "") and key not in doc.metadata:
                doc.metadata[key] = list(value) if isinstance(value, list) else value
        self.stat_update("chars_out", value=len(body))
        if not body and not self.keep_empty:
            self.stat_update("dropped/empty")
            return False
        return True
