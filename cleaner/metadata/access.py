"""`Article.access` and `Article.truncated`: is the article free to read, and is the body all of it?

Evidence, strongest first:
- the page's JSON-LD `isAccessibleForFree` (on the article or on a `hasPart` element, the markup
  search engines ask paywalled sites for);
- a subscribe-to-continue wall: a line such as "Subscribe to continue reading", "Dieser Artikel ist
  nur für Abonnenten", "Il vous reste 80 % de cet article à lire", "この記事は有料会員限定です",
  among the lines just after the body or the promo lines the rules removed (`WALL`);
- the body's length: a teaser (shorter than `TEASER_CHARS`) ending at a wall, at a "Read the full
  article on ..." link (RDM001), or at a cut mark (" ..." ending its last paragraph), is truncated.

`access` is "paywalled" on a wall or `isAccessibleForFree: false`, "free" when the page says it is
free or the body is of full length with no wall near it, "unknown" otherwise (a short body and
nothing either way). `truncated` is True when the body is a teaser cut at a wall, at a link to the
full story, or in an ellipsis. The measured frequencies on the development set are in the README.
"""

from __future__ import annotations

import re

import regex

from ..text.document import Document
from ..text.scripts import weighted_length

#: A body shorter than this (characters; CJK characters count twice) is teaser-length.
TEASER_CHARS = 1_000
#: Lines after the body's last kept line, and before its first, that are read for a wall.
_AFTER_BODY = 6
_BEFORE_BODY = 4
#: Wall phrases: the page tells the reader that the rest of the article needs a subscription or an
#: account. Searched in short lines (at most `_MAX_LINE` characters), case-insensitively.
WALL = regex.compile(
    r"subscribe (?:now |today )?(?:to|and) (?:continue|keep|read|unlock)|(?:to )?(?:continue|keep) reading,? "
    r"(?:please )?(?:subscribe|sign in|log in|register|become a (?:member|subscriber)|create a free account)|"
    r"(?:this|the rest of this|the full) (?:article|story|content|piece) is (?:only )?(?:available|reserved|exclusive)"
    r" (?:to|for) (?:paid )?(?:subscribers|members|premium)|"
    r"(?:you(?:'ve| have) )?reached (?:your|the) (?:limit of )?(?:free )?(?:article|story) limit|"
    r"you(?:'ve| have) read \d+ of (?:your )?\d+ free (?:articles|stories)|unlock (?:this|the full) (?:article|story)|"
    r"read the full (?:article|story) with (?:a|your) (?:subscription|membership)|"
    # de
    r"(?:weiterlesen|lesen sie weiter|jetzt weiterlesen) mit (?:\S+ ?){0,2}(?:plus|\+|abo|digital)\b|"
    r"(?:dieser|der) (?:artikel|beitrag|inhalt|text) ist (?:nur |exklusiv )?(?:für|fuer) (?:\S+ ?)?abonnent|"
    r"mit \S+ ?(?:plus|\+) weiterlesen|"

    r"kostenlos registrieren und weiterlesen|(?:plus|premium)-?(?:artikel lesen|artikel freischalten|inhalt lesen|inhalt freischalten)|"
    # fr es it pt nl pl
    r"(?:cet|l['’]) ?article est réservé aux abonnés|la suite est réservée aux abonnés|il vous reste \d+ ?% de cet article|"
    r"abonnez-vous pour (?:lire|continuer)|"
    r"(?:este|el) (?:contenido|artículo|art[íi]culo|nota)(?: al que [^.]{1,40})? es (?:exclusivo )?para (?:suscriptores|socios|abonados)|"
    r"suscríbete para (?:seguir|continuar) leyendo|"
    r"(?:contenuto|articolo) riservato agli abbonati|per continuare a leggere (?:abbonati|accedi)|"
    r"conteúdo exclusivo para assinantes|assine para (?:continuar|ler)|"
    r"dit artikel is (?:alleen )?(?:beschikbaar )?voor abonnees|lees verder met (?:een )?(?:abonnement|plus)|"
    r"(?:artykuł|treść|tekst) (?:jest )?dostępn[ya] (?:tylko )?dla (?:prenumeratorów|subskrybentów)|"
    # zh ja ko th
    r"订阅后(?:继续)?阅读|付费(?:阅读|内容|会员)|会员专享|开通会员|登录后(?:查看|阅读)全文|訂閱後(?:繼續)?閱讀|會員專享|"
    r"続きは(?:有料)?会員|残り\d+文字|この記事は有料|"
    r"유료 ?(?:회원|구독자) ?전용|구독(?:하고|하시면|자만) |로그인 후 (?:전문|기사)|"
    r"สมัครสมาชิกเพื่ออ่าน|เฉพาะสมาชิก",
    regex.IGNORECASE,
)
#: Badges: a line that is nothing but a "subscribers only" mark. Beside other words (a teaser of
#: another article with its badge) it says nothing about this article, so only whole lines count.
BADGE = regex.compile(
    r"[\s\W]*(?:(?:exklusiv |nur )?für (?:\S+ ?)?abonnent(?:en|innen)?|(?:for )?(?:paid )?subscribers? only|"
    r"(?:premium|plus|abo)[- ]?(?:artikel|inhalt|content|article)|réservé aux abonnés|exclusivo para suscriptores|"
    r"riservato agli abbonati|exclusivo para assinantes|alleen voor abonnees|tylko dla prenumeratorów|"
    r"有料会員限定|会員限定(?:記事)?|有料記事|付费内容|会员专享|유료 ?(?:기사|회원 ?전용))[\s\W]*",
    regex.IGNORECASE,
)
_MAX_LINE = 300
#: A kept line longer than this is a paragraph of the body, not a wall.
_MAX_KEPT_WALL = 200
#: Words one of which every wall phrase holds (tests/test_fields.py checks it against WALL): a line
#: without any is not searched (a wall search costs some 10 µs a line).
WALL_HINTS = (
    "subscri", "member", "premium", "limit", "free", "unlock", "reading", "weiterlesen", "lesen sie weiter", "abonn",
    "abbonat", "abonad", "il vous reste", "suscr", "socios", "continuare a leggere", "assin", "lees verder", "prenumer",
    "subskryb", "artikel lesen", "inhalt lesen", "artikel freischalten", "inhalt freischalten", "订阅", "訂閱", "付费", "会员", "會員", "开通", "登录", "続きは", "残り", "有料", "유료", "구독", "로그인", "สมาชิก",
)
_HINT = re.compile("|".join(re.escape(h) for h in WALL_HINTS))


def body_chars(text: str) -> int:
    """The body's length, CJK characters counted twice (a Chinese character carries about as much as
    two Latin letters); counted only up to what decides `TEASER_CHARS`."""
    if len(text) >= TEASER_CHARS or text.isascii():
        return len(text)
    return weighted_length(text)


def _wall(doc: Document, kept: list[int]) -> bool:
    """A wall line stands around the body: just before it (a "subscribers only" badge under the
    headline), among the promo lines removed from inside it, or just after it. Walls elsewhere on
    the page (premium badges on the teasers of other articles) say nothing about this one.
    `kept`: the indices of the kept segments."""
    if not kept:
        return False
    first, last = kept[0], kept[-1]
    n = len(doc.segments)
    around = [*range(max(0, first - _BEFORE_BODY), first + 1), *range(max(first + 1, last - 1), min(n, last + 1 + _AFTER_BODY))]
    inside = [i for i in range(first + 1, last) if (_v := doc.verdicts[i]) is not None and _v.label == "promo"]
    segments, verdicts = doc.segments, doc.verdicts
    for i in around + inside:
        verdict = verdicts[i]
        text = segments[i].text
        if (verdict is None and len(text) > _MAX_KEPT_WALL) or (verdict is not None and verdict.label in _NOT_WALLS):
            continue  # the body's own paragraphs, or lines a rule named as something else
        head = text[:_MAX_LINE]
        if (_HINT.search(head.casefold()) and WALL.search(head)) or (len(text) <= 60 and BADGE.fullmatch(text)):
            return True
    return False


#: Labels a wall line never gets.
_NOT_WALLS = frozenset({"caption", "credit", "timestamp", "counter", "share", "legal", "advert", "dateline", "byline",
                        "title", "duplicate", "read-more"})


#: A teaser's last paragraph stops mid-sentence at an editor's cut mark ("Das ist echt ...",
#: "... mit seinem Entwurf Weiterlesen …"): an ellipsis set apart by a space. One glued to the last
#: word ("geworden…") is style, and a short last line ("Gib hier deinen Kommentar ein ...") a form.
_CUT_MARK = regex.compile(r"\s(?:\.\.\.|…)$")
_CUT_PARAGRAPH = 100


def _cut_short(text: str) -> bool:
    last = text[text.rfind("\n\n") + 2 :] if "\n\n" in text else text
    return len(last) >= _CUT_PARAGRAPH and _CUT_MARK.search(last) is not None


def _read_more_after(doc: Document) -> bool:
    """A "Read the full article on ..." link (RDM001) closes the body: the body is an excerpt."""
    return any(rule == "RDM001" for _, rule in doc.markers)


def assess(doc: Document, text: str, free: bool | None, kept: list[int]) -> tuple[str, bool, str | None]:
    """(access, truncated, evidence): see the module docstring. `free` is the page's
    isAccessibleForFree (None when it says nothing); `kept` the indices of the kept segments."""
    wall = _wall(doc, kept)
    teaser = body_chars(text) < TEASER_CHARS
    if free is False or wall:
        evidence = "json-ld" if free is False else "wall"
        return "paywalled", bool(text) and teaser, evidence
    cut = "read-more link" if _read_more_after(doc) else "ellipsis" if _cut_short(text) else None
    truncated = bool(text) and teaser and cut is not None
    if free is True:
        return "free", truncated, "json-ld"
    if text and not teaser:
        return "free", False, "length"
    return "unknown", truncated, cut if truncated else None
