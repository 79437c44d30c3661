"""Date lines: the dates a line of text holds, and the lines that are nothing but a date.

Each finder reads one collapsed line: `find_date` (the first calendar date, ISO, numeric in the
page's order, or with a month's name, in the languages of `patterns`), `dates_in` and `dateline`
(a line that is a date line, not a sentence with a date), `strip_dates` (a line less its dates, for
the byline finders of `byline_lines`), `publisher_date` (a source name glued to a date), and the
relative times ("5 hours ago") resolved against a reference date. The labelling stage
(`labelling`) labels the lines; `dates` chooses among what they say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..text import scripts
from .patterns import DATE_WORDS, ISO_STAMP, MONTH_ALTERNATION, MONTHS, PUBLISHER_ARTICLES

_ISO = regex.compile(r"(?<!\d)" + ISO_STAMP + r"(?!\d)")
#: An all-numeric date: day and month (in either order) and a year, one separator ("01-09-17", "1/9/2017").
NUMERIC_DATE = regex.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?![\d])")
_DAY_MONTH_YEAR = regex.compile(
    rf"(?<![\p{{L}}\d])(\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+|of\s+)?({MONTH_ALTERNATION})\.?,?\s*(?:de\s+|del\s+)?((?:19|20)\d{{2}})(?!\d)",
    regex.IGNORECASE,
)
_MONTH_DAY_YEAR = regex.compile(
    rf"(?<![\p{{L}}])({MONTH_ALTERNATION})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})(?!\d)",
    regex.IGNORECASE,
)
_TIME = regex.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?", regex.IGNORECASE)
DATE_WORD = regex.compile(rf"(?:{DATE_WORDS})", regex.IGNORECASE)
LEFTOVER_WORD = regex.compile(r"[\p{L}]{2,}")
_BULLET = regex.compile(r"[-–•*·▪►]\s")

#: Quotes and brackets that may follow a sentence's final punctuation.
CLOSERS = " \"'”’»)"
#: A line with a date is a sentence, not a date line, with this many non-date words and this many
#: of them in lower case (names and labels are capitalised; verbs and nouns mostly are not).
_SENTENCE_WORDS = 3
_SENTENCE_LOWER = 2

_PUBLISHER_DATE = regex.compile(
    r"(?P<pub>\p{Lu}[\p{L}\p{N} .&'’-]{1,40}?)\s*[|•·,-]?\s*(?P<date>\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})"
)
_READMORE_SITE = regex.compile(r"\b(?:on|at|auf|sur|en|su|op|na|no)\s+(?P<site>(?:[\w-]+\.)+[a-z]{2,})\W*$", regex.IGNORECASE)
_RELATIVE = regex.compile(
    r"(?P<n>\d+|an?|one)\s*(?P<unit>second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago", regex.IGNORECASE
)


#: Dates of Chinese, Japanese, Korean and Thai text: "2025年5月8日", "2025년 5월 8일", "8 พฤษภาคม 2568"
#: (a Thai year above 2400 is of the Buddhist era: 543 years ahead).
_THAI_MONTHS = {
    name: k for k, names in enumerate((
        "มกราคม ม.ค.", "กุมภาพันธ์ ก.พ.", "มีนาคม มี.ค.", "เมษายน เม.ย.", "พฤษภาคม พ.ค.", "มิถุนายน มิ.ย.",
        "กรกฎาคม ก.ค.", "สิงหาคม ส.ค.", "กันยายน ก.ย.", "ตุลาคม ต.ค.", "พฤศจิกายน พ.ย.", "ธันวาคม ธ.ค.",
    ), start=1) for name in names.split()
}
_WIDE_DATE = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?|"
    r"(?<!\d)(?P<td>\d{1,2})\s*(?P<tm>" + "|".join(regex.escape(n) for n in sorted(_THAI_MONTHS, key=len, reverse=True))
    + r")\s*(?P<ty>(?:19|20|24|25|26)\d{2})(?!\d)"
)
#: All-numeric dates written year first, read for Chinese, Japanese and Korean documents (order "YMD").
_YMD = regex.compile(r"(?<![\d.])((?:19|20)\d{2})[./](\d{1,2})[./](\d{1,2})(?![\d])")


@dataclass(frozen=True, slots=True)
class DateHit:
    iso: str
    start: int
    end: int


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str, order: str = "DMY") -> DateHit | None:
    """The first well-formed calendar date in `text` (ISO, numeric, or with a month name)."""
    best: DateHit | None = None
    m = _ISO.search(text)
    if m:
        iso = _valid(int(m[1]), int(m[2]), int(m[3]))
        if iso:
            best = DateHit(iso, m.start(), m.end())
    for m in NUMERIC_DATE.finditer(text):
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        if year < 100:
            year += 2000 if year < 70 else 1900
        day, month = (a, b) if order == "DMY" else (b, a)
        iso = _valid(year, month, day) or _valid(year, day, month)
        if iso and (best is None or m.start() < best.start):
            best = DateHit(iso, m.start(), m.end())
        break
    m = _DAY_MONTH_YEAR.search(text)
    if m:
        iso = _valid(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
        if iso and (best is None or m.start() < best.start):
            best = DateHit(iso, m.start(), m.end())
    m = _MONTH_DAY_YEAR.search(text)
    if m:
        iso = _valid(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
        if iso and (best is None or m.start() < best.start):
            best = DateHit(iso, m.start(), m.end())
    if order == "YMD":
        m = _YMD.search(text)
        if m:
            iso = _valid(int(m[1]), int(m[2]), int(m[3]))
            if iso and (best is None or m.start() < best.start):
                best = DateHit(iso, m.start(), m.end())
    if not text.isascii() and scripts.ANY.search(text) is not None:
        m = _WIDE_DATE.search(text)
        if m:
            if m["y"]:
                iso = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
            else:
                year = int(m["ty"])
                iso = _valid(year - 543 if year > 2400 else year, _THAI_MONTHS[m["tm"]], int(m["td"]))
            if iso and (best is None or m.start() < best.start):
                best = DateHit(iso, m.start(), m.end())
    return best


#: Words that mark the date after them as a revision ("PUBLISHED: Nov 8 | UPDATED: Nov 9").
_REVISION = regex.compile(r"(?:updated|update|aktualisiert|geändert|editiert|bearbeitet|modified|mis à jour|"
                          r"actualizado|actualizada|aggiornato|päivitetty|zuletzt)\W{0,3}(?:\w+\W{1,3}){0,2}$",
                          regex.IGNORECASE)


def dates_in(text: str, order: str = "DMY") -> tuple[str | None, set[str], bool]:
    """(the line's first date that is not a revision's, every date the line can be read as, whether
    the line gives only a revision's date).

    Numeric dates count in both day/month orders ("11/08/23" is 11 August or 8 November, and
    engadget prints "11.03.17" for 3 November): what a claim must match to agree with the line. When
    the line also gives another date, a revision's ("Updated Nov 9") is left out of both."""
    hits: list[tuple[int, int, str, bool]] = []  # (start, reading, iso, a revision's)
    for rank, reading in enumerate(dict.fromkeys((order, "MDY", "DMY"))):
        rest = text
        while (hit := find_date(rest, reading)) is not None:
            hits.append((hit.start, rank, hit.iso, _REVISION.search(text[: hit.start]) is not None))
            rest = rest[: hit.start] + " " * (hit.end - hit.start) + rest[hit.end :]
    kept = [h for h in hits if not h[3]] or hits
    first = min(kept, default=None)
    return (first[2] if first else None), {h[2] for h in kept}, bool(kept) and all(h[3] for h in kept)


def dateline(text: str, order: str = "DMY") -> str | None:
    """The ISO date when `text` is a date line: a date with at most a few date words around it."""
    if len(text) > 160:
        return None
    hit = find_date(text, order)
    if hit is None:
        return None
    rest = text[: hit.start] + " " + text[hit.end :]
    rest = _TIME.sub(" ", rest)
    # Remove every further date (e.g. "Editiert am 19. Oktober 2019") before counting words.
    while (extra := find_date(rest, order)) is not None:
        rest = rest[: extra.start] + " " + rest[extra.end :]
    leftover = [w for w in LEFTOVER_WORD.findall(rest) if not DATE_WORD.fullmatch(w)]
    if len(leftover) > 5:
        return None
    if not rest.isascii() and scripts.unspaced_words(rest) > 8:
        return None  # a Chinese, Japanese or Thai sentence that mentions a date: its words have no spaces
    # A list item that holds a date and words ("- 12. Oktober 2024: Eröffnungskonzert im Dom") is
    # an entry of a programme or chronology inside the article; a bulleted date alone is a date line.
    if leftover and _BULLET.match(text):
        return None
    # A sentence that mentions a date ("Nowe stawki zaczną obowiązować 1 stycznia 2025 roku.") is
    # prose: it ends like a sentence and has lower-case words (verbs, nouns) besides the date.
    if (
        text.rstrip(CLOSERS)[-1:] in ".!?"
        and len(leftover) >= _SENTENCE_WORDS
        and sum(1 for w in leftover if w[0].islower()) >= _SENTENCE_LOWER
    ):
        return None
    return hit.iso


def date_word(word: str) -> bool:
    """A word that may stand around a date on a date line ("Thursday", "updated", "GMT")."""
    return DATE_WORD.fullmatch(word) is not None


def strip_dates(text: str, order: str = "DMY") -> tuple[str, str | None]:
    """`text` without its dates and times, and the first date's ISO form."""
    first = None
    while (hit := find_date(text, order)) is not None:
        first = first or hit.iso
        text = text[: hit.start] + " " + text[hit.end :]
    return " ".join(_TIME.sub(" ", text).split()).strip(" ,|·•–-"), first


#: A generational suffix ends a name with its dot ("Perry Bacon Jr.").

def publisher_date(text: str, order: str = "DMY") -> tuple[str, str] | None:
    """(publisher, ISO date) when `text` is a source name glued to a date ("The Guardian08-05-2025")."""
    if len(text) > 80:
        return None
    m = _PUBLISHER_DATE.fullmatch(text)
    if m is None:
        return None
    publisher = m["pub"].strip(" |•·,-")
    words = publisher.split()
    first = words[0].lower() if words else ""
    # "Updated 08-05-2025" is a date line, not a publisher; but "De Stentor" / "Le Monde" are names.
    named = first in PUBLISHER_ARTICLES and len(words) > 1 and words[1][:1].isupper()
    if DATE_WORD.fullmatch(publisher.lower()) or (DATE_WORD.fullmatch(first) and not named):
        return None
    hit = find_date(m["date"], order)
    return (publisher, hit.iso) if hit else None


def site_from_readmore(text: str) -> str | None:
    """The site named by a "Read Full Article on TheEpochTimes.com" line."""
    m = _READMORE_SITE.search(text)
    return m["site"] if m else None


def resolve_relative(text: str, reference: str | None) -> str | None:
    """Resolve "5 hours ago" against a reference date (ISO); None without a reference."""
    stamp = relative_datetime(text, reference)
    return stamp[:10] if stamp else None


#: Relative times in the other languages the timestamp rules know: (pattern with groups n and unit,
#: unit word -> seconds). "vor 5 Stunden", "il y a 3 heures", "hace 2 días", "5小时前", "3時間前",
#: "5시간 전", "5 ชั่วโมงที่แล้ว".
_RELATIVE_OTHER = regex.compile(
    r"(?:vor|il y a|hace|h[áa]) (?P<n>\d+|einer|einem|une?|una?|uma?) (?P<unit>sekunden?|minuten?|min|stunden?|std|tag(?:en)?|"
    r"wochen?|monat(?:en)?|jahr(?:en)?|secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|segundos?|minutos?|horas?|"
    r"d[íi]as?|semanas?|mes(?:es)?|a[ñn]os?|dias?|m[êe]s(?:es)?|anos?)\b|"
    r"(?P<n2>\d+)\s*(?P<unit2>秒钟?|秒鐘?|分钟|分鐘|分|小时|小時|時間|天|日|周|週間?|个月|個月|か月|ヶ月|ヵ月|年)前|"
    r"(?P<n3>\d+)\s*(?P<unit3>초|분|시간|일|주|개월|달|년)\s*전|"
    r"(?P<n4>\d+)\s*(?P<unit4>วินาที|นาที|ชั่วโมง|ชม\.|วัน|สัปดาห์|อาทิตย์|เดือน|ปี)\s*(?:ที่แล้ว|ก่อน)",
    regex.IGNORECASE,
)
_UNIT_SECONDS = (
    (("second", "sec", "sekunde", "seconde", "segundo", "秒", "초", "วินาที"), 1),
    (("minute", "min", "minuto", "分", "분", "นาที"), 60),
    (("hour", "hr", "h", "stunde", "std", "heure", "hora", "小时", "小時", "時間", "시간", "ชั่วโมง", "ชม."), 3600),
    (("day", "tag", "jour", "día", "dia", "天", "日", "일", "วัน"), 86400),
    (("week", "woche", "semaine", "semana", "周", "週", "주", "สัปดาห์", "อาทิตย์"), 7 * 86400),
    (("month", "monat", "mois", "mes", "mês", "个月", "個月", "か月", "ヶ月", "ヵ月", "개월", "달", "เดือน"), 30 * 86400),
    (("year", "jahr", "an", "año", "ano", "年", "년", "ปี"), 365 * 86400),
)
_ONE = frozenset("a an one einer einem un une una uno um uma".split())


def _unit_seconds(unit: str) -> int | None:
    unit = unit.lower().rstrip(".")
    for words, seconds in _UNIT_SECONDS:
        for word in words:
            if unit == word or (word.isascii() and len(word) > 2 and unit.startswith(word)) or unit.rstrip("s") == word:
                return seconds
    return None


def relative_datetime(text: str, reference: str | None) -> str | None:
    """Resolve "5 hours ago" (and its kin in the languages of the TIM rules) against a reference date
    (ISO 8601); the resolved moment in ISO 8601, with the reference's offset if it has one."""
    if not reference:
        return None
    m = _RELATIVE.search(text)
    if m is not None:
        n_text, unit = m["n"], m["unit"]
    else:
        m = _RELATIVE_OTHER.search(text)
        if m is None:
            return None
        n_text = m["n"] or m["n2"] or m["n3"] or m["n4"]
        unit = m["unit"] or m["unit2"] or m["unit3"] or m["unit4"]
    try:
        ref = dt.datetime.fromisoformat(reference.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    seconds = _unit_seconds(unit)
    if seconds is None:
        return None
    n = 1 if n_text.lower() in _ONE else int(n_text)
    stamp = ref - dt.timedelta(seconds=n * seconds)
    return stamp.isoformat(timespec="seconds") if (reference.strip()[10:] or stamp.tzinfo) else stamp.date().isoformat()
