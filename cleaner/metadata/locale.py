"""The page's locale as it bears on dates: the order of day and month in an all-numeric date.

"01-09-17" is the 1st of September on a German or British page and the 9th of January on an American
one. The order is, in this precedence:
1. Chinese, Japanese, Korean: year first ("YMD"), whatever else is said;
2. the configured `date_order` when the user set one ("DMY" or "MDY");
3. with the default ("auto"), the page's own locale: in HTML mode its markup (`<html lang="en-US">`,
   JSON-LD `inLanguage`, `og:locale`: the United States' region means month first, any other region
   day first; a bare language, "en", says nothing), recorded as `Document.date_order` by the markup
   stage, and believed for an English page only (sites in other languages often keep their
   software's default "en-US"); in both modes the dates an English page prints outrank the tags:
   numeric dates that can be read one way only ("01/19/2017"), else dates written with a month's
   name ("January 9, 2017" and never "9 January 2017" is American; the other way round is not);
4. else day first ("DMY").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from ..text.document import Document
from ..text.scripts import date_order as script_date_order
from .date_lines import NUMERIC_DATE
from .patterns import MONTH_ALTERNATION

#: The configured order that leaves the choice to the page.
AUTO = "auto"
#: A language tag with its region ("en-US", "en_US", "es-419" has no letter region).
_TAG = regex.compile(r"\s*([A-Za-z]{2,3})[-_]([A-Za-z]{2})\b")
#: Regions that write the month first.
_MONTH_FIRST_REGIONS = frozenset(("US",))

#: "January 9, 2017", "Jan. 9th, 2017": an English date written month first.
_MONTH_DAY = regex.compile(
    rf"(?<!\p{{L}})(?:{MONTH_ALTERNATION})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,\s+(?:19|20)\d{{2}}(?!\d)", regex.IGNORECASE)
#: "9 January 2017", "9. Januar 2017", "9th of January, 2017": day first.
_DAY_MONTH = regex.compile(
    rf"(?<![\p{{L}}\d])\d{{1,2}}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_ALTERNATION})\.?,?\s+(?:19|20)\d{{2}}(?!\d)",
    regex.IGNORECASE)


def markup_date_order(tags: Iterable[str | None]) -> str | None:
    """The order the page's language tags say (`<html lang>`, JSON-LD inLanguage, og:locale), the
    first with a region deciding: "MDY" for the United States, "DMY" for any other region; None when
    no tag names a region."""
    for tag in tags:
        if not isinstance(tag, str):
            continue
        m = _TAG.match(tag)
        if m is not None:
            return "MDY" if m[2].upper() in _MONTH_FIRST_REGIONS else "DMY"
    return None


def claimed_date_order(meta: dict[str, Any]) -> str | None:
    """`markup_date_order` of an HTML page's claims (`html.metadata.page_metadata`): <html lang>,
    JSON-LD inLanguage, og:locale."""
    return markup_date_order((meta.get("lang"), meta.get("ld_language"), meta.get("locale")))


def printed_date_order(text: str, language: str | None) -> str | None:
    """The order an English page's printed dates show, when it matters: only when some numeric date
    could be read both ways. The numeric dates that can be read one way only ("01/19/2017": month
    first; "19/01/2017": day first) when they agree, else the dates written with a month's name
    ("January 9, 2017" and never "9 January 2017": month first; the other way round: day first);
    None when nothing says."""
    if language != "en":
        return None  # (month first is American English; other languages' pages print day first)
    month_first = day_first = ambiguous = False
    for m in NUMERIC_DATE.finditer(text):
        a, b = int(m[1]), int(m[3])
        if 1 <= a <= 12 and 12 < b <= 31:
            month_first = True
        elif 12 < a <= 31 and 1 <= b <= 12:
            day_first = True
        elif 1 <= a <= 12 and 1 <= b <= 12 and a != b:
            ambiguous = True
    if not ambiguous:
        return None
    if month_first != day_first:
        return "MDY" if month_first else "DMY"
    words_month_first, words_day_first = _written_order(text)
    if words_month_first != words_day_first:
        return "MDY" if words_month_first else "DMY"
    return None


#: A year, where a date written with a month's name ends; the name stands within `_BEFORE_YEAR`
#: characters before it ("September 30th, 2017").
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_BEFORE_YEAR = 30


def _written_order(text: str) -> tuple[bool, bool]:
    """Whether `text` writes a date month first ("January 9, 2017"), and whether day first ("9 January
    2017"). The month-name patterns are read only just before each year (a search of the whole text
    with the month alternation costs a hundred times more)."""
    month_first = day_first = False
    for m in _YEAR.finditer(text):
        window = text[max(0, m.start() - _BEFORE_YEAR) : m.end()]
        month_first = month_first or _MONTH_DAY.search(window) is not None
        day_first = day_first or _DAY_MONTH.search(window) is not None
        if month_first and day_first:
            break
    return month_first, day_first


def page_date_order(doc: Document, configured: str) -> str:
    """The order of all-numeric dates in `doc` (see the module's docstring for the precedence)."""
    script = script_date_order(doc.language, "DMY")
    if script != "DMY":
        return script
    if configured != AUTO:
        return configured
    # Month first on English pages only: many sites in other languages keep their software's
    # default <html lang="en-US"> or og:locale en_US.
    if doc.date_order == "MDY" and doc.language not in (None, "en"):
        return "DMY"
    return doc.date_order or "DMY"


def settle_date_order(doc: Document, configured: str) -> str:
    """`page_date_order`, reading the printed dates first when the markup left the order open (the
    metadata-lines stage: the first that reads dates). Recorded in `doc.date_order`."""
    if configured == AUTO and doc.date_order != "DMY" and script_date_order(doc.language, "DMY") == "DMY":
        # The printed dates outrank an American tag, which many sites keep as their software's default.
        printed = printed_date_order(doc.normalized, doc.language)
        if printed is not None:
            doc.date_order = printed
    return page_date_order(doc, configured)
