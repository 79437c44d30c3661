"""Navigation in a text dump: the menus a headline is never taken from.

A page dumped to text keeps its menus as runs of short lines ("Politik", "Wirtschaft", "Newsletter
bestellen", "Share", "Facebook") above and beside the article. The headline stage (`titles`) tells
such a line from the article's own short headline:
- a line standing in a run of short lines is a menu entry (`in_menu_run`): the run holds three lines
  or more counting the line itself and goes on below it, or, for a line longer than a menu entry,
  two short lines stand on either side of it;
- a short line carrying a word of menus, sharing and subscription (`menu_word`: "abonnieren",
  "Newsletter", "Share", "Suscríbete", in several languages) is a menu entry wherever it stands.
Bylines and date lines (MET001-MET003, and a byline printed over two lines, "Article by" / "Barry
Alleyne", which the byline stage labels only later) and the headline itself are never menu entries. (The byline
finders do not use the run test: a bare-name byline stands among short lines too, name, role, date
and share buttons; on the tune half the test cost seven bylines and saved none.)
"""

from __future__ import annotations

import regex

from ..text.document import Document
from .byline_lines import LETTERS, opener_only
from .patterns import BYLINE_OPENERS

#: Words of menus, sharing buttons, subscription offers and site services, in the languages of the
#: development sets (a short line holding one is no headline and no name).
MENU_VOCABULARY = frozenset(
    # English
    "menu navigation share sharing subscribe subscription newsletter login logout signup "
    "advertise advertising skip toggle "
    # German
    "menü teilen abonnieren abonnement abonnemente newsletter anmelden abmelden registrieren "
    "mediadaten datenschutzerklärung warenkorb gutschein "
    # French, Spanish, Italian, Dutch, Polish
    "partager abonner abonnez connexion suscríbete suscribirse compartir condividi abbonati accedi "
    "delen aanmelden udostępnij zaloguj "
    # page furniture
    "portlet widget sidebar breadcrumb".split())

#: A menu entry runs to a few words (more is a sentence, a headline or a teaser).
MENU_ENTRY_WORDS = 4
#: Lines (the line itself counted) of short lines that make a menu.
MENU_RUN = 3
#: A line with a menu word is a menu entry up to this many words ("NZZ abonnieren", "15 %*
#: Newsletter Gutschein", "Share Close extra sharing options"); a longer line is prose about it.
MENU_WORD_LINE = 6
#: Line verdicts that say "byline, date line, headline": never part of a menu.
_NOT_MENU = frozenset(("MET001", "MET002", "MET003", "TTL001"))
_SENTENCE_END = ".!?…"
#: A line that ends in a byline's opener ("Article by", "Words by", "Ein Beitrag von").
_ENDS_IN_OPENER = regex.compile(rf"\b(?i:{BYLINE_OPENERS})\s*:?$")


def _opens_byline(text: str) -> bool:
    """A line that only opens a byline: the names stand on the next line."""
    return opener_only(text) or (len(text) <= 30 and _ENDS_IN_OPENER.search(text) is not None)


def menu_word(text: str) -> bool:
    """A short line holding a word of menus, sharing or subscription ("NZZ abonnieren")."""
    found = LETTERS.findall(text.casefold())
    return 0 < len(text.split()) <= MENU_WORD_LINE and any(w in MENU_VOCABULARY for w in found)


def _entry(doc: Document, k: int) -> bool:
    """Line k reads like a menu entry: a few words, no sentence, not a byline or date line."""
    verdict = doc.verdicts[k]
    if verdict is not None and verdict.rule in _NOT_MENU:
        return False
    text = doc.segments[k].text
    if _opens_byline(text) or (k > 0 and _opens_byline(doc.segments[k - 1].text)):
        return False  # a byline the page printed over two lines ("Article by" / "Barry Alleyne")
    return bool(text) and len(text.split()) <= MENU_ENTRY_WORDS and text[-1] not in _SENTENCE_END


def in_menu_run(doc: Document, i: int) -> bool:
    """Line i stands in a menu: with the short lines right above and below it a run of `MENU_RUN` or
    more that goes on below it (a short line), or with two short lines on either side (a longer one: "Persönlichkeit
    Coaching Mindset Achtsamkeit Beziehungen"; a headline between its kicker and the share buttons
    has one on either side)."""
    n = len(doc.segments)
    above = 0
    while above < MENU_RUN and i - above - 1 >= 0 and _entry(doc, i - above - 1):
        above += 1
    below = 0
    while below < MENU_RUN and i + below + 1 < n and _entry(doc, i + below + 1):
        below += 1
    if _entry(doc, i):
        # (the last short line of a run, prose or a headline's length below it, is where a short
        # headline stands: "Ideen für den Kindergeburtstag" under the site's menu)
        return below >= 1 and above + 1 + below >= MENU_RUN
    return above >= MENU_RUN - 1 and below >= MENU_RUN - 1


def is_navigation(doc: Document, i: int) -> bool:
    """Line i is a menu entry: it carries a menu word or stands in a run of short lines; no headline
    is read from it ("NZZ abonnieren", "Look of the Day" among the site's sections)."""
    return menu_word(doc.segments[i].text) or in_menu_run(doc, i)
