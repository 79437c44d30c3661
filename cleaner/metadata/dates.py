"""The date room: dates as precisely as a page gives them, the page's date claims read against the
dates printed with its headline, and the date a page's address carries.

One reader of ISO stamps (`iso_datetime`, `iso_date`) for every claim; one reader of the address
(`url_date`); the lines' date finders are `metadata.date_lines`. The precedence between sources is
`metadata.choose.DATE_PRECEDENCE`.

`Article.date` stays the day ("2025-05-08"), as it always was; `Article.datetime` and
`Article.date_modified` carry the most precise form the evidence allows:
"2025-05-08T14:30:00+02:00" when the page names the time and its zone, "2025-05-08T14:30:00" when it
names a time but no zone, "2025-05-08" when it names only the day.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

import regex
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..text.document import Document
from . import byline_lines, date_lines
from .patterns import ISO_STAMP
from .claims import PageClaims

#: An ISO 8601 stamp at the start of a claim (see `patterns.ISO_STAMP`).
_STAMP = regex.compile(r"\s*" + ISO_STAMP)
_UTC = regex.compile(r"^(?:Z|[+-]00(?::?00)?)$")
#: A time on a date line: "14:30", "14.30 Uhr", "2:30 pm", with a zone name or offset after it.
_LINE_TIME = regex.compile(
    r"(?<![\d.:])(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(?:(am|pm|a\.m\.|p\.m\.)\s*)?(?:uhr\s*)?"
    r"(?:\(?\s*(utc|gmt|cet|cest|mez|mesz|bst|est|edt|cst|cdt|pst|pdt|jst|kst|hkt|sgt|ict|ist)?"
    r"\s*([+-]\d{1,2}(?::?\d{2})?)?\s*\)?)?(?![\d:]|\.\d)",
    regex.IGNORECASE,
)
#: What every time `line_datetime` reads has (a cheap test first).
_MAYBE_TIME = regex.compile(r"\d[:.h時时시]\s?\d", regex.IGNORECASE)
#: A time written out in Chinese, Japanese or Korean: "11時20分", "14时30分", "14시 30분".
_WIDE_TIME = regex.compile(r"(?<!\d)(\d{1,2})\s*[時时시]\s*(\d{1,2})\s*[分분]")
#: Zone abbreviations printed beside times, as fixed offsets (hours).
_ZONE_HOURS = {
    "utc": 0, "gmt": 0, "cet": 1, "mez": 1, "cest": 2, "mesz": 2, "bst": 1, "est": -5, "edt": -4,
    "cst": -6, "cdt": -5, "pst": -8, "pdt": -7, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "ict": 7, "ist": 5.5,
}


def _offset(text: str) -> dt.timezone | None:
    """A UTC offset as written after a time: "+02:00", "+0200", "+02", "-5", or "-500" (hours and
    minutes without a colon, the hour of one digit). None for what no zone can be ("+50", "+07:75")."""
    sign = -1 if text[0] == "-" else 1
    hours_text, _, minutes_text = text[1:].partition(":")
    if not minutes_text and len(hours_text) > 2:
        hours_text, minutes_text = hours_text[:-2], hours_text[-2:]
    if not hours_text.isdigit() or (minutes_text and not minutes_text.isdigit()):
        return None
    hours, minutes = int(hours_text), int(minutes_text or 0)
    if hours > 18 or minutes >= 60:  # (the widest zones in use are +14 and -12)
        return None
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _format(stamp: dt.datetime) -> str:
    return stamp.isoformat(timespec="seconds")


#: Time zones of pages by their declared language (<html lang>): a timestamp stamped in UTC
#: ("2019-10-18T22:04:00Z") is the next day where the page's readers live, and the date printed on
#: the page is theirs.
_ZONES = {
    "de": "Europe/Berlin", "fr": "Europe/Paris", "it": "Europe/Rome", "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw", "cs": "Europe/Prague", "da": "Europe/Copenhagen", "sv": "Europe/Stockholm",
    "nb": "Europe/Oslo", "no": "Europe/Oslo", "hu": "Europe/Budapest", "fi": "Europe/Helsinki",
    "en-gb": "Europe/London", "es-es": "Europe/Madrid", "pt-pt": "Europe/Lisbon",
}
def page_zone(lang: str | None) -> str | None:
    """The time zone a page's language names, if it names one ("de-DE" -> Europe/Berlin)."""
    lang = (lang or "").strip().lower().replace("_", "-")
    return _ZONES.get(lang[:5]) or _ZONES.get(lang[:2])


def iso_datetime(value: object, zone: str | None = None) -> str | None:
    """The most precise ISO 8601 form of a date claim (a meta tag, JSON-LD, a <time> element).

    A UTC stamp is given in `zone` when the page's language names one (the day printed on the page is
    the readers' day), so that `datetime[:10]` is always the article's `date` (`iso_date`). An offset
    no zone can have ("+50") is left out. None when no date can be read; never an error.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    m = _STAMP.match(value)
    if m:
        day = date_lines._valid(int(m[1]), int(m[2]), int(m[3]))
        if day is None:
            return None
        if m[4] is None:
            return day
        try:
            stamp = dt.datetime.fromisoformat(f"{day}T{int(m[4]):02d}:{m[5]}:{m[6] or '00'}")
        except ValueError:
            return day
        if m[7]:
            stamp = stamp.replace(tzinfo=dt.timezone.utc if m[7] == "Z" else _offset(m[7]))
            if zone and _UTC.match(m[7]) and m.end() == len(value.rstrip()):
                try:
                    stamp = stamp.astimezone(ZoneInfo(zone))
                except ZoneInfoNotFoundError:
                    pass
        return _format(stamp)
    try:
        stamp = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        hit = date_lines.find_date(value)
        return hit.iso if hit else None
    return _format(stamp)


def iso_date(value: object, zone: str | None = None) -> str | None:
    """YYYY-MM-DD from a date claim: an ISO stamp (a UTC one read in `zone`), an RFC 2822 date or a
    date written out in text; None when none can be read."""
    stamp = iso_datetime(value, zone)
    return stamp[:10] if stamp else None


def html_datetime(claims: PageClaims, day: str | None, zone: str | None) -> str | None:
    """The publication date with its time, from the page's date claims that agree with `day`."""
    if not day:
        return None
    for value in (claims.ld_date, claims.meta_date, claims.dom_date):
        stamp = iso_datetime(value, zone)
        if stamp and stamp[:10] == day and has_time(stamp):
            return stamp
    return None


def has_time(value: str | None) -> bool:
    return value is not None and "T" in value


def line_datetime(text: str, day: str) -> str:
    """`day` with the time printed on the same date line ("08.05.2025, 14:30 Uhr", "May 8, 2025
    2:30 pm EDT"), and its zone when one is named; `day` alone when the line gives no time."""
    if _MAYBE_TIME.search(text) is None:
        return day
    hit = date_lines.find_date(text)
    if hit is not None:  # (the date's own numbers are no time: "08.05.2025")
        stamp = iso_datetime(text[hit.start : hit.end])
        if stamp is not None and stamp[:10] == day and has_time(stamp):
            # An ISO stamp with its time ("2025-05-08 09:15"); a zone may follow it ("(UTC+2)").
            zone = _LINE_TIME.match("00:00 " + text[hit.end :]) if len(stamp) == 19 else None
            if zone is not None and (zone[5] or zone[6]):
                return _with_zone(dt.datetime.fromisoformat(stamp), zone)
            return stamp
        text = text[: hit.start] + " " + text[hit.end :]
    m = _LINE_TIME.search(text)
    if m is None:
        wide = _WIDE_TIME.search(text) if not text.isascii() else None
        if wide is None:
            return day
        return _format(dt.datetime.fromisoformat(f"{day}T{int(wide[1]):02d}:{int(wide[2]):02d}:00")) if int(wide[1]) < 24 and int(wide[2]) < 60 else day
    hour, minute = int(m[1]), int(m[2])
    meridiem = (m[4] or "").lower().replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    try:
        stamp = dt.datetime.fromisoformat(f"{day}T{hour:02d}:{minute:02d}:{int(m[3] or 0):02d}")
    except ValueError:
        return day
    return _with_zone(stamp, m)


def _with_zone(stamp: dt.datetime, m: regex.Match[str]) -> str:
    """The stamp with the offset or zone name that `_LINE_TIME` found after the time, if any."""
    if m[6]:
        try:
            stamp = stamp.replace(tzinfo=_offset(m[6] if ":" in m[6] or len(m[6]) > 3 else f"{m[6][0]}{int(m[6][1:]):02d}"))
        except ValueError:
            pass
    elif m[5]:
        stamp = stamp.replace(tzinfo=dt.timezone(dt.timedelta(hours=_ZONE_HOURS[m[5].lower()])))
    return _format(stamp)


#: A date in a page's address as whole path components: "/2019/10/16/", "/2019-10-16-slug",
#: "/20191016-slug", "/2020-02/19/"; year, month and day apart, or eight digits standing alone.
#: Digits that only begin with a year ("/articles/194709-13-ways-...", an id) are no date.
_URL_DATE = regex.compile(
    r"/((?:19|20)\d{2})(?:([/_-])(\d{1,2})[/_-](\d{1,2})|(\d{2})(\d{2}))(?![\d])(?=[/_.-]|$|[?#])"
)
#: The web's first pages: an address's "date" before it is an id.
_FIRST_WEB_YEAR = 1991


def url_date(url: str | None) -> str | None:
    """The date a page's address carries in its path (see `_URL_DATE`), if a valid one."""
    if not url:
        return None
    path = regex.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url, flags=regex.IGNORECASE)
    for m in _URL_DATE.finditer(path):
        year = int(m[1])
        month, day = (int(m[3]), int(m[4])) if m[2] else (int(m[5]), int(m[6]))
        if year >= _FIRST_WEB_YEAR and (iso := date_lines._valid(year, month, day)):
            return iso
    return None


#: Lines around the headline read for the date a reader sees printed with it (two above for a
#: dateline over the headline, six below for one under the byline).
_DATELINE_ABOVE, _DATELINE_BELOW = 2, 6


#: A date line that announces an event ("Termin: 21.02.2020, 19 Uhr"): the event's date.
_EVENT_LINE = regex.compile(r"\W*(?:termine?|wann|when|event|veranstaltung|aktionszeitraum|zeitraum|datum der veranstaltung)\b",
                            regex.IGNORECASE)


def header_dates(doc: Document, headline: int, date_order: str = "DMY") -> list[tuple[str, set[str], bool]]:
    """The date lines printed with the headline, nearest below it first: (the date as read in the
    page's date order, every date the line can be read as, whether it is only a revision's date)."""
    n = len(doc.segments)
    order = [*range(headline + 1, min(n, headline + _DATELINE_BELOW + 1)),
             *range(headline - 1, max(-1, headline - _DATELINE_ABOVE - 1), -1)]
    lines = []
    for i in order:
        text = doc.segments[i].text
        if byline_lines.EMBEDDED_POST.search(text) or _EVENT_LINE.match(text) or not date_lines.dateline(text, date_order):
            continue
        first, readings, revision = date_lines.dates_in(text, date_order)
        if first:
            lines.append((first, readings, revision))
    return lines


def printed_date(date: str, claim: str, header: list[tuple[str, set[str], bool]]) -> tuple[str, bool]:
    """The date a page's claim gives, checked against the date lines printed with its headline, and
    whether the printed date overruled the claim.

    When no line agrees with the claim in any reading, the first printed date that is not a revision
    wins: the claim is then often the modified date, a UTC stamp
    that is another day where the readers live, or a template's default. A claim written with its
    day and month in doubt ("11/01/2023") is read as the printed line reads it ("01.11.2023")."""
    readings = {date} if _STAMP.match(claim) else date_lines.dates_in(claim)[1] | {date}
    for first, line, _ in header:
        if readings & line:
            return (first if first in readings else date), False
    printed = [first for first, _, revision in header if not revision]
    if printed:
        return printed[0], True
    return date, False


def htmldate_date(html: str, url: str | None) -> str | None:
    """htmldate's answer (headers, URL, elements, text patterns), asked only when we found no date:
    it parses the page again with lxml (several ms), so it is the last resort."""
    from htmldate import find_date  # imported on first use

    try:
        return iso_date(find_date(html, url=url, extensive_search=False, original_date=True))
    except Exception:  # htmldate raises a variety of errors on odd pages; no date is the answer then
        return None


# -- the date stage (text lines, after the headline is chosen) -----------------------------------
#: How far after the headline a date line may stand to be the article's date (bylines, captions and
#: teasers come between), and how far before it (a kicker line with the date).
_DATE_AFTER = 12
_DATE_BEFORE = 3
#: A date opening a line, before a separator or the first sentence ("29.11.2022 – Mehrfach ...",
#: "Pressemitteilung vom 25. Januar 2022 | Berlin – ...", "Red. / 31.10.2023 Die ...").
_DATE_LEAD_CHARS = 40


def choose_date(doc: Document, order: str = "DMY") -> None:
    """The date line nearest under the headline is the article's date (other dates on the page sign
    teasers, comments, the footer). A date opening the first lines of the article counts too. Keeps
    only that date in `doc.evidence.dates`; leaves them alone when none stands near the headline."""
    title = doc.evidence.title_index
    if not title:
        return
    found = [(i, iso) for i, iso in doc.evidence.dates if title - _DATE_BEFORE <= i <= title + _DATE_AFTER]
    if not any(i > title for i, _ in found):
        for i in range(title + 1, min(len(doc.segments), title + _DATE_AFTER + 1)):
            hit = date_lines.find_date(doc.segments[i].text[:_DATE_LEAD_CHARS], order)
            if hit is not None:
                found.append((i, hit.iso))
                break
    if found:
        doc.evidence.dates = [min(found, key=lambda item: (item[0] < title, abs(item[0] - title)))]
