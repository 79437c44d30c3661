"""Byline lines: the author names a line of text gives.

Strict finders read any line of the page (`dated_byline`, `byline_without_date`, `byline`: "By X",
"Von X und Y", "X | 19.10.2019"); loose ones read only the lines next to the headline, where a
looser reading is safe (`author_line`, `names_line`, `names_after_opener`, `opener_byline`).
Every name of a byline is read ("By A, B, C and D"), up to a place, a desk or a role after the
names. `person_names` and `label_not_name` tidy and judge the names the page's markup claims. The
stage that picks the byline is `authors.choose_author`.
"""

from __future__ import annotations

import regex

from .date_lines import CLOSERS, DATE_WORD, LEFTOVER_WORD, dateline, strip_dates
from .patterns import BYLINE_OPENERS, BYLINE_ROLES, MONTHS, PUBLISHER_ARTICLES

#: A run of letters: the words of a name or a label, without digits and punctuation.
LETTERS = regex.compile(r"\p{L}+")

#: An embedded post's signature ("— Elon Musk (@elonmusk) November 4, 2023"): the post's author and
#: date, part of the article that quotes it, not the article's byline or date line.
EMBEDDED_POST = regex.compile(r"\(@\w{1,30}\)")
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
    if text.rstrip(CLOSERS)[-1:] in ".!?" and sum(1 for w in LEFTOVER_WORD.findall(rest) if w[0].islower()) >= 3:
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


def _handle_like(word: str) -> bool:
    """A user name rather than a capitalised word: all lower case, an inner capital ("MikeNils"),
    or the site's staff ("Redaktion")."""
    if word.isupper() or DATE_WORD.fullmatch(word):
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
    if all(DATE_WORD.fullmatch(w) for w in words):
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
    return text.rstrip(CLOSERS)[-1:] in ".!?" and sum(
        1 for w in LEFTOVER_WORD.findall(text) if w[0].islower() and not DATE_WORD.fullmatch(w)) >= 3


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
    words = [w.casefold() for w in LETTERS.findall(name)]
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
