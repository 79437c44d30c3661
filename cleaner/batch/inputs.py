"""`InputDoc`: one input document as every reader and the fetcher give it, or the error that kept it
from being read (or the reason it is skipped).

A module of its own so that the readers (`readers`) and the downloader (`fetch`), which the readers
call, both build it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import CleanerError
from .skips import Skip

if TYPE_CHECKING:
    from ..article import Article
    from ..engine import Cleaner

__all__ = ["InputDoc"]


@dataclass(frozen=True, slots=True)
class InputDoc:
    """One input document, or the error that kept it from being read.

    `source` is unique per document (the file's canonical path, path:line, or path#WARC-Record-ID;
    see `canonical_path`) and is the key `--resume` uses; `id` is the caller's id (JSON `--id-field`,
    WARC record id) or the source; `rel_path` is where the document sits below its input root (for
    `--output-dir`). Every string is valid Unicode (lone surrogates replaced), so that any record
    built from it can be written.
    """

    source: str
    id: str
    rel_path: str
    data: bytes | str | None = None
    kind: str = "auto"
    url: str | None = None
    error: CleanerError | None = None
    #: The moment the document was fetched (a WARC record's WARC-Date, a response's Date, ISO 8601):
    #: the reference date for its relative times ("5 hours ago").
    reference_date: str | None = None
    #: Why the input is not a document to clean (a WARC record or URL that is not a page); no data then.
    skipped: Skip | None = None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0

    def clean_with(self, cleaner: Cleaner) -> Article:
        """This document cleaned by `cleaner`; raises the error that kept it from being read, if any."""
        if self.error is not None:
            raise self.error
        # (the reference date only when the input has one: a Cleaner subclass may not know the keyword)
        own = {"reference_date": self.reference_date} if self.reference_date else {}
        return cleaner.clean(self.data if self.data is not None else b"", kind=self.kind, url=self.url, **own)
