"""What leaves the library is valid, printable Unicode.

Two things in scraped data break the programs that read `cleaner`'s output:

- lone surrogates (U+D800-U+DFFF on their own). A JSON string may hold one (`"\\ud800"` is valid
  JSON, and common in scraped data), and Python decodes it into a `str` that no UTF-8 encoder
  accepts: the JSON Lines writer, a Scrapy feed exporter or a Parquet file fails on it. They are
  replaced with U+FFFD (one character for one, so offsets do not move) before anything else reads
  the input, and counted (`Article.stats["surrogates"]`);
- control characters in metadata. The body is normalized (`text.normalize` drops C0 and C1
  controls), but a title, an author or a tag decoded from the page's markup or JSON-LD
  (`<title>&#x1b;]0;pwned&#x7;</title>`) would reach a terminal, a Markdown file or a spreadsheet
  raw, where an escape sequence is a command. Every metadata field loses them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..article import Article

__all__ = ["CONTROLS", "has_surrogates", "printable", "printable_article", "replace_surrogates", "with_surrogates"]

#: C0 controls but tab and newline, DEL, and the C1 controls (0x9b is a one-byte CSI on some terminals).
CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{CONTROLS}]")
#: Controls that separate words (carriage return, vertical tab, form feed, the C0 separators) become a
#: space; the rest are dropped.
_AS_SPACE = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")
#: Article fields holding page text that no normalization has seen (the body, the ledger and the
#: captions come from the normalized input).
_FIELDS = ("title", "authors", "date", "publisher", "language", "url", "description", "canonical_url", "image",
           "datetime", "date_modified", "tags", "section", "license", "links", "comments")


@cache
def with_surrogates(chars: str = "") -> re.Pattern[str]:
    """A character class of `chars` and the lone surrogates, compiled when first needed: `re` builds a
    class that reaches U+D800 in Python code, some milliseconds that most runs never need."""
    return re.compile(f"[{chars}\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """Whether `text` holds a lone surrogate: constant time for ASCII; else the UTF-8 encoder decides
    (four times faster than a regex scan)."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def replace_surrogates(text: str) -> tuple[str, int]:
    """(`text` with each lone surrogate replaced by U+FFFD, how many were replaced)."""
    if not has_surrogates(text):
        return text, 0
    return with_surrogates().subn("\ufffd", text)


def _replace(m: re.Match[str]) -> str:
    ch = m.group()
    return "\ufffd" if "\ud800" <= ch <= "\udfff" else " " if ch in _AS_SPACE else ""


def printable(value: str) -> str:
    """`value` without control characters (those between words become a space) and with lone
    surrogates replaced by U+FFFD."""
    if _CONTROL.search(value) is None and not has_surrogates(value):
        return value
    return with_surrogates(CONTROLS).sub(_replace, value)


def _printable_value(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list) and any(isinstance(v, str) and printable(v) is not v for v in value):
        return [printable(v) if isinstance(v, str) else v for v in value]
    return value


def printable_article(article: "Article", surrogates: int = 0) -> "Article":
    """`article` with every metadata field printable (see `printable`), and `stats["surrogates"]`
    set when the input had lone surrogates replaced. The same object when nothing needed a change."""
    changes = {}
    for name in _FIELDS:
        value = getattr(article, name)
        if value:
            clean = _printable_value(value)
            if clean is not value:
                changes[name] = clean
    if surrogates:
        article.stats["surrogates"] = surrogates
    return replace(article, **changes) if changes else article

