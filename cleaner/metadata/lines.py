"""Metadata from the text itself: dates, bylines, publisher lines, and the headline.

Each finder works on one collapsed line and returns what it found with the span it covers, so the
labelling stage can take the line out of the body and cite the rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..text import scripts
from .patterns import (
    BYLINE_OPENERS,
    BYLINE_ROLES,
    DATE_WORDS,
    ISO_STAMP,
    MONTH_ALTERNATION,
    MONTHS,
    PUBLISHER_ARTICLES,
)

_ISO = regex.compile(r"(?<!\d)" + ISO_STAMP + r"(?!\d)")
_NUMERIC = regex.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?![\d])")
_DAY_MONTH_YEAR = regex.compile(
    rf"(?<![\p{{L}}\d])(\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+|of\s+)?({MONTH_ALTERNATION})\.?,?\s*(?:de\s+|del\s+)?((?:19|20)\d{{2}})(?!\d)",
    regex.IGNORECASE,
)
_MONTH_DAY_YEAR = regex.compile(
    rf"(?<![\p{{L}}])({MONTH_ALTERNATION})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})(?!\d)",
    regex.IGNORECASE,
)
_TIME = regex.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?", regex.IGNORECASE)
_DATE_WORD = regex.compile(rf"(?:{DATE_WORDS})", regex.IGNORECASE)
_LEFTOVER_WORD = regex.compile(r"[\p{L}]{2,}")
_BULLET = regex.compile(r"[-–•*·▪►]\s")
#: An embedded post's signature ("— Elon Musk (@elonmusk) November 4, 2023"): the post's author and
#: date, part of the article that quotes it, not the article's byline or date line.
EMBEDDED_POST = regex.compile(r"\(@\w{1,30}\)")

#: Quotes and brackets that may follow a sentence's final punctuation.
_CLOSERS = " \"'”’»)"
#: A line with a date is a sentence, not a date line, with this many non-date words and this many
#: of them in lower case (names and labels are capitalised; verbs and nouns mostly are not).
_SENTENCE_WORDS = 3
_SENTENCE_LOWER = 2

_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|la|le|y|bin|al|zu)"
_NAME = rf"\p{{Lu}}[\p{{L}}'’.-]*(?:\s+(?:{_PARTICLE}|\p{{Lu}}[\p{{L}}'’.-]*)){{0,4}}"
# A bare person name on its own: two or three capitalised words.
_BARE_NAME = regex.compile(r"\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}")
_BYLINE = regex.compile(
    rf"(?i:{BYLINE_OPENERS})\s*:?\s+(?P<names>{_NAME}(?:\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\ben\b|&)\s*{_NAME})*)"
    r"(?:\s*[,|/–·•-]\s*(?P<rest>[^.!?]{0,60}))?",
)
_BYLINE_OPENER = regex.compile(rf"(?i:{BYLINE_OPENERS})\b")
_ROLE = regex.compile(rf"(?:^|\s)(?:{BYLINE_ROLES})$", regex.IGNORECASE)
_NAME_SPLIT = regex.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\ben\b|&)\s*")
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
    for m in _NUMERIC.finditer(text):
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
    leftover = [w for w in _LEFTOVER_WORD.findall(rest) if not _DATE_WORD.fullmatch(w)]
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
        text.rstrip(_CLOSERS)[-1:] in ".!?"
        and len(leftover) >= _SENTENCE_WORDS
        and sum(1 for w in leftover if w[0].islower()) >= _SENTENCE_LOWER
    ):
        return None
    return hit.iso


def strip_dates(text: str, order: str = "DMY") -> tuple[str, str | None]:
    """`text` without its dates and times, and the first date's ISO form."""
    first = None
    while (hit := find_date(text, order)) is not None:
        first = first or hit.iso
        text = text[: hit.start] + " " + text[hit.end :]
    return " ".join(_TIME.sub(" ", text).split()).strip(" ,|·•–-"), first


#: A generational suffix ends a name with its dot ("Perry Bacon Jr.").
_SUFFIX = regex.compile(r"\b(?:Jr|Sr)$")


#: Words a byline puts after the names, capitalised at times ("By X On 12. Dezember 2022" once the
#: date is read, "Von X Vom 3. Februar", "X Erstellt am", "X Staff Writer", "X Follow", "X Ein Kommentar").
_AFTER_NAME = frozenset(
    "on am um vom le el il erstellt veröffentlicht published posted updated aktualisiert follow folgen date datum "
    "staff writer kommentar kommentare comment comments ein keine".split()
)


def _tidy_name(name: str, text: str) -> str:
    """A name without the punctuation and the byline words after it, but with the dot of "Jr." when
    `text` has it."""
    words = name.strip(" .,").split()
    while len(words) > 1 and words[-1].casefold() in _AFTER_NAME and words[0].casefold() not in _AFTER_NAME:
        words.pop()
    name = " ".join(words).strip(" .,")
    return name + "." if _SUFFIX.search(name) and name + "." in text else name


def _broken_off(text: str) -> bool:
    """A line that ends in a comma goes on below: a sentence broken by a <br> ("Musik / von
    Künstlern, Bands, DJs, / die ..."), not a byline (a byline's comma comes before its date, which
    the callers read first)."""
    return text.rstrip().endswith(",")


def _byline_names(text: str) -> list[str] | None:
    m = _BYLINE.fullmatch(text.rstrip(" .|"))
    if m is None:
        return None
    rest = m["rest"] or ""
    if text.rstrip(_CLOSERS)[-1:] in ".!?" and sum(1 for w in _LEFTOVER_WORD.findall(rest) if w[0].islower()) >= 3:
        # "By Christmas Day, the fund had raised £40,000." is a sentence, not a byline.
        return None
    names = [_tidy_name(n, text) for n in _NAME_SPLIT.split(m["names"]) if n.strip(" .,")]
    # "By Sam Whitfield, Political Editor": a job title after a name is not a second author
    # (but "By Staff Writer" alone is what the site gives as its author).
    people = [n for n in names if not _ROLE.search(n)]
    return _before_place(people or names) if (people or names) else None


def byline_without_date(text: str) -> list[str] | None:
    """The author names when `text` (holding no date) is a byline ("By X", "Von X und Y")."""
    if len(text) > 140 or not _BYLINE_OPENER.match(text) or _broken_off(text):
        return None
    return _byline_names(text)


def dated_byline(text: str, order: str = "DMY") -> tuple[list[str] | None, str | None]:
    """(author names, ISO date) when `text` is a byline that may carry a date ("Von X, 19.10.2019",
    "X | 19.10.2019"); (None, None) otherwise."""
    if len(text) > 140:
        return None, None
    rest, date = strip_dates(text, order)
    if date is None and _broken_off(text):
        return None, None
    if rest and _BYLINE_OPENER.match(rest):
        names = _byline_names(rest)
        if names:
            return names, date
    # "Bettina Kugler 19.10.2019, 05:00 Uhr": a bare name beside a date.
    rest = rest.rstrip(" .|")
    if date is not None and _BARE_NAME.fullmatch(rest):
        return [rest], date
    return None, None


def byline(text: str, order: str = "DMY") -> list[str] | None:
    """The author names when `text` is a byline ("By X", "Von X und Y", "Par X, Y", "X | 19.10.2019")."""
    return dated_byline(text, order)[0]


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
    if _DATE_WORD.fullmatch(publisher.lower()) or (_DATE_WORD.fullmatch(first) and not named):
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


_CONTRIBUTOR = regex.compile(
    r"(?:additional|further) (?:reporting|research|contributions?) by .{2,80}|"
    r"(?:mitarbeit|mit material von|unter mitarbeit von):? .{2,80}|"
    r"(?:with )?(?:reporting|research) (?:by|from) .{2,80}|"
    # Agency contributor lines closing an article: "Avec AFP", "Le Monde avec AFP et Reuters",
    # "Con información de EFE", "Com Lusa", "... and agencies".
    r"\(?(?:\p{Lu}[\p{L}'’ ]{1,30} )?avec (?:l'|l’)?(?:afp|reuters|ap|dpa|agences)(?: et (?:l'|l’)?(?:afp|reuters|ap|agences))?\)?|"
    r"con informaci[óo]n de .{2,60}|"
    r"com (?:ag[êe]ncias|lusa|afp|reuters)(?: e (?:ag[êe]ncias|lusa|afp|reuters))?|"
    r"(?:with|and) (?:agencies|wires)",
    regex.IGNORECASE,
)


def contributor_line(text: str) -> bool:
    """True for "Additional research by X"-style lines: a credit for help, not an author line."""
    return len(text) <= 120 and _CONTRIBUTOR.fullmatch(text.rstrip(" .")) is not None


def bare_name(text: str) -> bool:
    """Two or three capitalised words and nothing else: a person's name standing alone."""
    text = text.strip(" ,.|")
    return (
        len(text) <= 40
        and _BARE_NAME.fullmatch(text) is not None
        and not any(w.casefold() in _NOT_A_NAME for w in text.split())
    )


def bare_names(text: str) -> bool:
    """One or more people's names and nothing else ("Ibtisam Mahdi, Ruwaida Kamal Amer", "A und B")."""
    parts = [p for p in _NAME_SPLIT.split(text.strip(" ,.|")) if p]
    return 0 < len(parts) <= _MAX_NAMES and all(bare_name(p) for p in parts)


def lone_name(text: str) -> str | None:
    """The name when `text` is a person's name standing alone, maybe with a byline word after it
    ("Inga Hoeltmann Follow" -> "Inga Hoeltmann"); None otherwise."""
    text = text.strip(" ,.|")
    if len(text) > 50:
        return None
    name = _tidy_name(text, text)
    return name if bare_name(name) else None


# --- Author lines near the headline -------------------------------------------------------------
# The finders above read one line in isolation and must be strict (they run over the whole page).
# Next to the headline a looser reading is safe: "Veröffentlicht am 12. Juni 2017 von gizzmo",
# "6. Dezember 2022 von Fatima in Gefühle", "Von" + "Thomas Steinberg" on two lines,
# "MikeNils 18.10.2019, 15:07 Uhr", "Redaktion - 31. Januar 2022".

#: Words that may stand before a byline's opener ("Veröffentlicht von X", "Posted in News by X").
_LEAD_WORDS = regex.compile(
    r"(?:(?:veröffentlicht|gepostet|geschrieben|erstellt|gespeichert|verfasst|eingestellt|posted|published|written|"
    r"created|filed|publié|écrit|publicado|escrito|pubblicato|scritto|gepubliceerd|geschreven|opublikowano|"
    r"publiziert|text|texte|tipps|beitrag|blog|artikel|ein|eine|kolumne|article|post|story|interview|illustration|am|on|le|el|il|in|"
    r"em|op|um|at|dnia)\b[\s,:|·•—–-]*)*",
    regex.IGNORECASE,
)
_OPENER_AT = regex.compile(rf"(?i:{BYLINE_OPENERS}|durch|przez|publicado por|posted by)\s*:?\s+")
#: A name token: capitalised word, initial, particle, or (after an opener) a user handle.
_TOKEN = regex.compile(r"(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|" + _PARTICLE + r")(?=\s|$|[,|·•—–/])")
_HANDLE = regex.compile(r"[\p{L}\d][\p{L}\d._-]{1,30}")
#: Where a name stops: a separator, a date word or a preposition ("von X in Kategorie", "by X on May 3").
_NAME_STOP = regex.compile(
    # (prepositions only in lower case: "Le", "De", "Van" in a name are particles)
    # (a comma before a lower-case word, a digit or nothing: case-sensitive, or every comma would stop
    # the names and a byline's second author would be lost: "By A, B and C")
    r"\s*(?:[|·•—–/(]|\s-\s|\s\d|(?-i:,\s*(?=[\p{Ll}\d,]|$))|(?-i:\b(?:in|am|on|le|el|il|em|op|um|at|dnia|den|the|für|for|pour|para|per)\b)|\b(?:"
    r"zuletzt|stand|updated|aktualisiert|mis|kommentar\w*|comments?|shares?|follow|folgen|lesezeit|min|uhr|last|"
    rf"{BYLINE_ROLES})\b)",
    regex.IGNORECASE,
)
#: Lines that only open a byline; the names stand on the next line ("Von" / "Thomas Steinberg").
_OPENER_ONLY = regex.compile(
    rf"(?:(?:geschrieben|verfasst|tipps|text|ein beitrag|beitrag|artikel)\s+von|(?i:{BYLINE_OPENERS}))\s*:?",
    regex.IGNORECASE,
)
#: One word a site puts where a person's name would stand.
_STAFF = frozenset("redaktion redaction rédaction redacción redazione staff editorial admin administrator".split())
#: Words that are not part of a person's name: menu labels, determiners and the like that open
#: capitalised phrases ("Mehr Sport", "Der Tagesspiegel", "The Big Shift", "Wichtige Seiten").
_NOT_A_NAME = frozenset(
    "keine kein päivitetty "
    "home menu news startseite suche search login anmelden abonnieren share teilen kommentare comments "
    "redaktionell anzeige advertisement werbung sponsored foto bild photo quelle source "
    "der die das des dem den ein eine einer aus mehr mit für über unsere unser alle neue neu weitere "
    "wichtige zurück weiter jetzt hier the a an our all new more latest related top main read last next "
    "previous blog page seite seiten published updated modified veröffentlicht aktualisiert publié "
    "publicado google facebook twitter instagram youtube whatsapp".split()
)


def date_word(word: str) -> bool:
    """A word that may stand around a date on a date line ("Thursday", "updated", "GMT")."""
    return _DATE_WORD.fullmatch(word) is not None


def _handle_like(word: str) -> bool:
    """A user name rather than a capitalised word: all lower case, an inner capital ("MikeNils"),
    or the site's staff ("Redaktion")."""
    if word.isupper() or _DATE_WORD.fullmatch(word):
        return False  # "PUBLISHED", "mardi"
    return word.islower() or any(ch.isupper() for ch in word[1:]) or word.casefold() in _STAFF


def _names_from(text: str, handles: bool) -> list[str] | None:
    """Names at the start of `text`, up to the first stop ("Chris Jung", "Ann Lee und Bo Chu", "gizzmo")."""
    stop = _NAME_STOP.search(text)
    head = text[: stop.start()] if stop else text
    head = head.strip(" ,.;:")
    if not head or len(head) > 70:
        return None
    names = [_tidy_name(n, text) for n in _NAME_SPLIT.split(head) if n.strip(" .,")]
    if not names or len(names) > _MAX_NAMES:
        return None
    names = _before_place(names)
    return names if all(_one_name(name, handles) for name in names) else None


def _before_place(names: list[str]) -> list[str]:
    """A byline's names up to a place, a desk or an agency after them: after full names, one
    capitalised word is no further author ("By A, London", "By A, Political Editor"); given names
    alone may follow each other ("Von Anna und Tom")."""
    if " " not in names[0]:
        return names
    for k, name in enumerate(names[1:], 1):
        if _AFTER_NAMES.fullmatch(name) and not _handle_like(name):
            return names[:k]
    return names


#: The most names one byline gives ("Posted by A, B, C and D").
_MAX_NAMES = 6
#: One capitalised word after a byline's names: a place or a desk ("London", "Political"). (An
#: agency's acronym, "NDR", "CNN", is left to `NOT_AUTHORS` and the dev sets' convention of naming it.)
_AFTER_NAMES = regex.compile(r"\p{Lu}[\p{Ll}.-]+")


def _one_name(name: str, handles: bool) -> bool:
    """`name` (one piece of a byline) reads as a person's name or, `handles`, a user name."""
    words = name.split()
    if len(words) > 5 or any(w.casefold() in _NOT_A_NAME for w in words):
        return False
    if all(_DATE_WORD.fullmatch(w) for w in words):
        return False  # "Mon GMT": what a date line leaves, no name
    if len(words) > 1 and words[0].casefold() in PUBLISHER_ARTICLES:
        return False  # "De Stentor", "Le Monde": a publication, not a person
    if len(words) == 1 and not (_HANDLE.fullmatch(name) and (handles or _handle_like(name))):
        return False
    return len(words) == 1 or all(_TOKEN.fullmatch(w) for w in words)


def author_line(text: str, following: str | None = None, order: str = "DMY") -> list[str] | None:
    """The author names when `text` (a line next to the headline) is a byline, read loosely: an opener
    after publishing words and dates, an opener alone with the names on the `following` line, or a
    name beside a date."""
    if len(text) > 160 or EMBEDDED_POST.search(text):
        return None  # (an embedded post's signature names the post's author)
    rest, date = strip_dates(text, order)
    rest = rest.strip(" |/·•—–-,:")
    if not rest:
        return None
    if " | " in rest:
        # "yas! | By Cara Stiles", "Arne Sjöström | HR-Welt": one of the pieces is the byline.
        for piece in rest.split(" | "):
            names = _loose_byline(piece.strip(), date is not None)
            if names:
                return names
        return None
    if _OPENER_ONLY.fullmatch(rest) and following:
        nxt, _ = strip_dates(following, order)
        return _names_from(nxt, handles=True) if nxt and len(nxt) <= 80 else None
    if date is None and following and len(rest) <= 50 and dateline(following.lstrip(" /|·•-–"), order):
        # "Ronja Beck" over "/ 16.11.2018, 03:00 Uhr", "Amelie Siekmann," over "am Sonntag, 11.12.2022".
        return _names_from(rest, handles=False) if bare_names(rest) else None
    if date is None and _broken_off(text):
        return None
    return _loose_byline(rest, date is not None)


#: "Posted in Datenschutz by X": one category word between the publishing word and the opener.
_CATEGORY_THEN_OPENER = regex.compile(r"[^\s|]{1,30}\s+(?:by|von|par|por)\s+", regex.IGNORECASE)


#: After a byline's names, at most this much that reads as prose (lower-case words) before the line is a sentence.
_PROSE_AFTER_NAMES = 25


def _prose(text: str) -> bool:
    """A sentence's end: three or more lower-case words and a full stop, not a byline's tail (a role,
    a date, "Last updated ... Share with new partner:")."""
    return text.rstrip(_CLOSERS)[-1:] in ".!?" and sum(
        1 for w in _LEFTOVER_WORD.findall(text) if w[0].islower() and not _DATE_WORD.fullmatch(w)) >= 3


def _loose_byline(rest: str, dated: bool) -> list[str] | None:
    lead = _LEAD_WORDS.match(rest)
    at = _OPENER_AT.match(rest, lead.end() if lead else 0)
    if at is None and lead and lead.end():
        at = _CATEGORY_THEN_OPENER.match(rest, lead.end())
    if at is not None:
        tail = rest[at.end() :]
        stop = _NAME_STOP.search(tail)
        if stop is not None and len(tail) - stop.start() > _PROSE_AFTER_NAMES and _prose(tail[stop.start() :]):
            return None  # "Da Fellbesatz für Kleider von Pelzfarmen ...": a sentence, not a byline
        return _names_from(tail, handles=True)
    if dated:
        # "Bettina Kugler 19.10.2019", "reineckefuchs — 2. Februar 2022": the name stands first.
        return _names_from(rest, handles=False)
    return None


#: A byline opener followed by a word, within one line (to find candidate lines in one pass).
ANY_OPENER = regex.compile(rf"(?i:\b(?:{BYLINE_OPENERS}|durch|przez|publicado por|posted by))[^\S\n]*:?[^\S\n]+\S")


#: A line that only announces the author, the name standing on the next line ("Autor:",
#: "Published by", "By :", "Geschrieben von", "Auteur(s) :"); one pattern over many lines joined.
OPENER_LINE = regex.compile(
    r"(?im)^[^\S\n]*(?:(?:published|posted|written|geschrieben|verfasst|veröffentlicht|erstellt|publié|écrit|"
    r"publicado|escrito|pubblicato|scritto|artikel|beitrag|ein beitrag|text)[^\S\n]+(?:by|von|par|por|da|di)|"
    rf"auteur(?:e|\(s\))?|autore|autor\*in|{BYLINE_OPENERS})[^\S\n]*:?[^\S\n]*$"
)


def names_after_opener(following: str | None) -> list[str] | None:
    """The names on the line after a line that only announces them (see `OPENER_LINE`)."""
    if not following or len(following) > 60:
        return None
    rest, _ = strip_dates(following)
    return _names_from(rest, handles=True) if rest else None


def opener_byline(text: str, order: str = "DMY") -> list[str] | None:
    """The names when `text` is a byline by its shape alone, wherever it stands: publishing words,
    an opener and names that end the line ("Veröffentlicht von Cem Basman", "Posted by Mobasir
    hassan", "von Ulrike 18.10.2019"). Stricter than `author_line`: no bare names, no names beside
    a date without an opener."""
    if len(text) > 100 or ANY_OPENER.search(text) is None or _broken_off(text):
        return None
    rest, _ = strip_dates(text, order)
    rest = rest.strip(" |/·•—–-,:")
    if not rest or " | " in rest:
        return None
    lead = _LEAD_WORDS.match(rest)
    at = _OPENER_AT.match(rest, lead.end() if lead else 0)
    if at is None:
        return None
    at = _OPENER_AT.match(rest, at.end()) or at  # "Post author By X"
    names = _names_from(rest[at.end() :], handles=True)
    if not names:
        return None
    # the names must end the line (nothing but a role or a date after them)
    tail = rest[at.end() :]
    stop = _NAME_STOP.search(tail)
    return names if stop is None or len(tail) - stop.start() <= 25 else None


def opener_only(text: str) -> bool:
    """A line that only opens a byline ("Von", "By", "Autor:"): the names stand on the next line."""
    return len(text) <= 20 and _OPENER_ONLY.fullmatch(text.strip()) is not None


#: Words before a name in an author element ("Erstellt von", "Interview:", "© ", "& Fotos:",
#: "Zeige alle Beiträge von").
_NAME_LEAD = regex.compile(
    r"^(?:[©&+]|\(c\))?\s*(?:(?:text|texte|fotos?|bilder?|photos?|interview|autor(?:in)?|author|geprüft|"
    r"zeige|view|see|voir|ver|alle|alles|all|tous|todos|beiträge|posts?|articles?|artikel|more|mehr|erstellt|geschrieben|verfasst|posted|written|"
    r"published|veröffentlicht|und|and|&)\b[\s&:]*)*(?:(?:von|by|par|por|di|door)\b\s*:?\s*)?"
    # A role before the name ("FOCUS-Online-Experte Robin Tschöpe", "Gastautorin Anna Berg").
    r"(?:(?:[\w.]+-)*(?:experte|expertin|expert|gastautor(?:in)?|kolumnist(?:in)?|redakteur(?:in)?|"
    r"korrespondent(?:in)?|reporter(?:in)?|volontär(?:in)?|(?:rechts|fach)?anwalt|(?:rechts|fach)?anwältin)\s+(?=\p{Lu}))?",
    regex.IGNORECASE,
)
#: Words of a button or a date label that a byline element may hold instead of a name ("Follow",
#: "Last Updated: January 7, 2025").
_LABEL_WORDS = frozenset("follow folgen suivre seguir last updated published modified posted veröffentlicht "
                         "aktualisiert publié publicado".split())


def label_not_name(name: str) -> bool:
    """A claimed author that is a button or a date label ("Follow", "Last Updated: January"): every
    word is a label word, a month or a word that is never a name (`_NOT_A_NAME`)."""
    words = [w.casefold() for w in regex.findall(r"[\p{L}]+", name)]
    return bool(words) and any(w in _LABEL_WORDS for w in words) and all(
        w in _LABEL_WORDS or w in _NOT_A_NAME or w in MONTHS for w in words)


#: Pieces of a byline that are not authors: degrees, agencies after the name ("Rob Picheta, CNN").
NOT_AUTHORS = frozenset("phd md msc ma mba rd bsc dr prof cnn afp ap dpa reuters apa sda epd kna online".split())


_TRAILING_JUNK = regex.compile(
    r"(?:\s*,\s*(?:phd|md|msc|ma|mba|rd|bsc|cnn|afp|ap|dpa|reuters)\.?"
    r"|\s+(?:stand|am|on|le|el|um|zuletzt|aktualisiert|updated|veröffentlicht|published)\s*:?"
    r"|\s+@[\w.]+"
    r"|\s*[—–|·]\s*(?:veröffentlicht|published|publié|publicado|aktualisiert|updated)\b.*)$",
    regex.IGNORECASE,
)


def person_names(text: str) -> list[str]:
    """An author claim without what stands around the names ("Erstellt von Andri Bryner",
    "Sara Zinnecker Stand:", "Grant Tinsley, PhD", "© Kathrin Führes"); a claim without such words
    is kept as it is written ("telebasel", "Markus M. Haefliger, London, Beat Bumbacher")."""
    text = text.strip()
    lead = _NAME_LEAD.match(text)
    core = _TRAILING_JUNK.sub("", text[lead.end() :] if lead else text).strip(" ,;|·-–")
    if core == text:
        return [text] if text else []
    names = _names_from(core, handles=True) if core else None
    if names:
        return [n for n in names if n.casefold().strip(".") not in NOT_AUTHORS] or names
    return [core] if core else []


_ROLE_ONLY = regex.compile(rf"\s*,?\s+(?:{BYLINE_ROLES})\s*$", regex.IGNORECASE)
_ROLE_TAIL = regex.compile(rf"\s*,?\s+(?:[\p{{L}}-]+\s+)?(?:{BYLINE_ROLES})\s*$", regex.IGNORECASE)
_PERSON = regex.compile(
    rf"\p{{Lu}}[\p{{Ll}}'’-]+(?:\s+(?:\p{{Lu}}\.|{_PARTICLE}|\p{{Lu}}[\p{{Ll}}'’-]+)){{1,3}}"
)


def names_line(text: str, following: str | None = None) -> list[str] | None:
    """The names when `text` is nothing but one or more people's names, maybe with a job title after
    them ("Andrew Woodcock" over "Political Editor", "Richard Adams Education editor", "Inga Hoeltmann Follow",
    "Clara Löw, Siddharth Prakash & Klaus Jacob"). Read only next to the headline."""
    if len(text) > 90:
        return None
    text = text.strip(" ,.|")
    # The role with a word before it first ("Education editor"), then alone ("Harald Bauer Autor").
    for candidate in (_ROLE_TAIL.sub("", text), _ROLE_ONLY.sub("", text)):
        names = [_tidy_name(n, text) for n in _NAME_SPLIT.split(candidate.strip(" ,.|")) if n.strip(" .,")]
        if (
            names
            and len(names) <= 4
            and all(_PERSON.fullmatch(n) for n in names)
            and not any(w.casefold() in _NOT_A_NAME for n in names for w in n.split())
        ):
            return names
    return None
