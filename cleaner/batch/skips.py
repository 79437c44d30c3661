"""Skipped documents: inputs that are read but are not articles to clean, or are cleaned but not kept.

A skipped input is neither cleaned output nor a failure: it yields a record of its own (`skipped`: the
reason, `skip_kind`: what decided it), is counted in the summary, and leaves the exit status at 0, so
that every input is accounted for (inputs = ok + skipped + errors). Two sources of skips:

- **not a page** (decided by the readers from HTTP metadata, before anything is cleaned): a WARC
  response or a fetched URL whose HTTP status is not a success (`http-status`: a 404 page, a redirect),
  or whose Content-Type is not a web page (`content-type`: JavaScript, CSS, JSON, RSS, images,
  robots.txt);
- **corpus filters** (decided on the cleaned article, `--language`, `--min-chars`, `--dedup`):
  another language (`language`), a body too short (`min-chars`), a near-duplicate of an earlier body
  (`duplicate`, with `duplicate_of` naming the first one's id).
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass, field
from typing import Any, Iterable

from .jsonl import json_line

#: Content-Types that are web pages (WARC responses, fetched URLs).
PAGE_TYPES = ("text/html", "application/xhtml+xml")
#: Also documents when asked for directly (a fetched URL, a WARC resource record): plain text.
TEXT_TYPES = ("text/plain",)


@dataclass(frozen=True, slots=True)
class Skip:
    """Why an input yields no article: `kind` (machine-readable), `reason` (one line for people), and
    fields added to its record (`status`, `content_type`, `language`, `chars`, `duplicate_of`)."""

    kind: str
    reason: str
    fields: tuple[tuple[str, Any], ...] = ()

    def record(self, doc_id: str, source: str, url: str | None) -> dict[str, Any]:
        """The skipped input's output record."""
        return {"id": doc_id, "source": source, "url": url, "skipped": self.reason, "skip_kind": self.kind,
                **dict(self.fields)}


def media_type(content_type: str | None) -> str:
    """`text/html; charset=utf-8` -> `text/html` (lower case; "" when there is none)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def http_skip(status: int | None, content_type: str | None, *, plain_text: bool = False) -> Skip | None:
    """None when an HTTP response is a page to clean, else why not.

    `status` None means no HTTP status applies (a WARC resource record); `content_type` None or "" means
    the response named none, which the caller decides by sniffing the payload. `plain_text` also
    accepts text/plain (asked for directly: a URL given on the command line, a resource record);
    a crawl's text/plain responses are robots.txt, ads.txt and the like, not articles.
    """
    if status is not None and not (200 <= status < 300 and status not in (204, 205)):
        return Skip("http-status", f"HTTP status {status}: not a page to clean", (("status", status),))
    kind = media_type(content_type)
    if not kind or kind in PAGE_TYPES or (plain_text and kind in TEXT_TYPES):
        return None
    return Skip("content-type", f"Content-Type {kind} is not a web page", (("content_type", kind),))


#: A response without a Content-Type whose payload does not sniff as HTML.
UNTYPED_NOT_HTML = Skip("content-type", "no Content-Type and the payload is not HTML", (("content_type", None),))


@dataclass(frozen=True)
class Filters:
    """The corpus filters of `cleaner clean` (`--language`, `--min-chars`, `--dedup`)."""

    #: ISO 639-1 codes to keep; empty keeps every language.
    languages: frozenset[str] = frozenset()
    #: Bodies shorter than this many characters are skipped.
    min_chars: int = 0
    dedup: bool = False
    #: Two bodies whose fingerprints differ in at most this many bits are near-duplicates.
    dedup_distance: int = 3

    @property
    def active(self) -> bool:
        return bool(self.languages or self.min_chars or self.dedup)


def parse_languages(value: str | None) -> frozenset[str]:
    """`--language de,en` -> {"de", "en"}; raises ValueError on a code that is not two or three letters."""
    if not value:
        return frozenset()
    codes = frozenset(part.strip().lower() for part in value.split(",") if part.strip())
    bad = sorted(code for code in codes if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3))
    if bad or not codes:
        raise ValueError(f"--language takes ISO 639-1 codes separated by commas (de,en), not {value!r}")
    return codes


@dataclass
class CorpusFilter:
    """Applies `Filters` to cleaned documents in the order they are written; remembers the kept
    bodies' fingerprints for `--dedup` (a later near-duplicate is skipped, the first one kept)."""

    filters: Filters
    _seen: _NearDuplicates = field(init=False)

    def __post_init__(self) -> None:
        self._seen = _NearDuplicates(self.filters.dedup_distance)

    def check(self, doc_id: str, text: str, language: str | None, fingerprint: str | None) -> Skip | None:
        """None when the document is kept (and, with --dedup, registered), else why it is skipped."""
        f = self.filters
        if f.min_chars and len(text) < f.min_chars:
            return Skip("min-chars", f"the body has {len(text):,} characters, under --min-chars {f.min_chars:,}",
                        (("chars", len(text)),))
        if f.languages and language not in f.languages:
            wanted = ",".join(sorted(f.languages))
            said = f"in {language}" if language else "in no language detected"
            return Skip("language", f"the article is {said}, not {wanted}", (("language", language),))
        if f.dedup and fingerprint is not None:
            first = self._seen.find(fingerprint)
            if first is not None:
                return Skip("duplicate", f"a near-duplicate of {first}", (("duplicate_of", first),))
            self._seen.add(fingerprint, doc_id)
        return None


class _NearDuplicates:
    """Fingerprints seen so far, searchable by Hamming distance <= k without comparing against all.

    The 64 bits are cut into k + 1 blocks; two fingerprints within k bits agree exactly on at least
    one block (pigeonhole), so only the fingerprints sharing a block value are compared. Kept compact
    for long runs: the fingerprints in one array of 64-bit numbers, each block's buckets as arrays of
    positions in it (about 32 bytes per article, plus its id).
    """

    def __init__(self, distance: int) -> None:
        self.distance = max(0, distance)
        blocks = self.distance + 1
        bounds = [round(64 * i / blocks) for i in range(blocks + 1)]
        self._blocks = [(lo, (1 << (hi - lo)) - 1) for lo, hi in zip(bounds, bounds[1:])]
        self._buckets: list[dict[int, array[int]]] = [{} for _ in self._blocks]
        self._values: array[int] = array("Q")
        self._ids: list[str] = []

    def _keys(self, value: int) -> Iterable[tuple[dict[int, array[int]], int]]:
        for buckets, (shift, mask) in zip(self._buckets, self._blocks):
            yield buckets, (value >> shift) & mask

    def find(self, fingerprint: str) -> str | None:
        value = int(fingerprint, 16)
        values = self._values
        for buckets, key in self._keys(value):
            for position in buckets.get(key, ()):
                if (value ^ values[position]).bit_count() <= self.distance:
                    return self._ids[position]
        return None

    def add(self, fingerprint: str, doc_id: str) -> None:
        value = int(fingerprint, 16)
        position = len(self._ids)
        self._values.append(value)
        self._ids.append(doc_id)
        for buckets, key in self._keys(value):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = bucket = array("L")
            bucket.append(position)


def skipped_line(skip: Skip, line: str) -> str:
    """A cleaned document's JSON record replaced by its skipped record (same id, source and url)."""
    record = json.loads(line)
    return json_line(skip.record(record.get("id"), record.get("source"), record.get("url")))
