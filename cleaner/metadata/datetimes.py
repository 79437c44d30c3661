"""Dates as precisely as a page gives them: ISO 8601 with time and offset, with time, or the day.

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

from . import lines as text_meta

_STAMP = regex.compile(
    r"\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
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


def _offset(text: str) -> dt.timezone:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _format(stamp: dt.datetime) -> str:
    return stamp.isoformat(timespec="seconds")


def iso_datetime(value: object, zone: str | None = None) -> str | None:
    """The most precise ISO 8601 form of a date claim (a meta tag, JSON-LD, a <time> element).

    A UTC stamp is given in `zone` when the page's language names one, as `html.metadata.iso_date` reads
    the day, so that `datetime[:10]` is always the article's `date`. None when no date can be read.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    m = _STAMP.match(value)
    if m:
        day = text_meta._valid(int(m[1]), int(m[2]), int(m[3]))
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
    except (TypeError, ValueError, IndexError):
        hit = text_meta.find_date(value)
        return hit.iso if hit else None
    return _format(stamp)


def has_time(value: str | None) -> bool:
    return value is not None and "T" in value


def line_datetime(text: str, day: str) -> str:
    """`day` with the time printed on the same date line ("08.05.2025, 14:30 Uhr", "May 8, 2025
    2:30 pm EDT"), and its zone when one is named; `day` alone when the line gives no time."""
    if _MAYBE_TIME.search(text) is None:
        return day
    hit = text_meta.find_date(text)
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
