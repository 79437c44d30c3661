"""Vocabulary for metadata lines: month names, date words, byline openers (en de fr es it pt nl pl)."""

from __future__ import annotations

#: An ISO 8601 stamp, the one pattern of every reader (`lines.find_date` in text, `dates.iso_datetime`
#: for claims): year, month, day, then maybe hour, minute, second and an offset read loosely ("+02:00",
#: "+0200", "-5", "-500"; `dates._offset` checks it).
ISO_STAMP = (
    r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{1,2}:\d{2}|[+-]\d{1,4})?)?"
)

#: Month names and abbreviations -> month number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan januar jänner janvier enero ene gennaio gen janeiro januari stycznia styczeń styczen sty",
        "february feb februar feber février fevrier fév fev febrero febbraio fevereiro februari lutego luty lut",
        "march mar märz maerz mars marzo março marco maart marca marzec",
        "april apr avril abril aprile aprila kwietnia kwiecień kwi",
        "may mai mayo maggio maio mei maja maj",
        "june jun juni juin junio giugno junho czerwca czerwiec cze",
        "july jul juli juillet juil julio luglio lug julho lipca lipiec lip",
        "august aug août aout agosto augustus sierpnia sierpień sie ago",
        "september sep sept septembre septiembre settembre set setembro września wrzesień wrz",
        "october oct okt oktober octobre octubre ottobre ott outubro out października październik paź paz",
        "november nov novembre noviembre novembro listopada listopad lis",
        "december dec dez dezember décembre decembre déc diciembre dic dicembre dezembro grudnia grudzień gru",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)

MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))

#: Words that may stand around a date on a date line without making it prose.
DATE_WORDS = (
    "date|dated|published|publication|posted|updated|last updated|modified|created|on|at|am|um|uhr|"
    "veröffentlicht|aktualisiert|zuletzt aktualisiert|stand|datum|erstellt|geändert|editiert|"
    "publié|publie|le|mis à jour|mis a jour|publicado|actualizado|el|pubblicato|aggiornato|il|"
    "atualizado|em|gepubliceerd|bijgewerkt|op|opublikowano|zaktualizowano|dnia|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|de|del|"
    "est|edt|cet|cest|gmt|utc|pst|pdt|bst|am|pm|a.m.|p.m.|h|time|by|von|par|por|di|door|"
    "read|reading|min|minutes|minute|minuten|lesezeit|lesedauer|"
    # single words of multi-word date phrases ("mis à jour", "a las 09:01 hrs", "alle ore 10"):
    # the words of a line are matched one by one.
    "mis|jour|las|hrs|hr|hs|alle|ore|às|om|godz|last|zuletzt|edited|bearbeitet||"
)

#: Articles that open many publisher names ("De Stentor", "Le Monde", "El País", "Il Messaggero").
#: Some are date words too ("de", "le", "el", "il"); before a capitalised word they start a name.
PUBLISHER_ARTICLES = frozenset("the de het le la les el il lo der die das den".split())

#: Words that open a byline, by language.
BYLINE_OPENERS = (
    r"by|written by|words by|reported by|story by|von|text(?: von)?|autor(?:in)?|autoren|author|authors|"
    r"par|écrit par|por|escrito por|di|scritto da|da|door|geschreven door|tekst|autorzy|"
    r"reporter|redakteur(?:in)?"
)

#: Job titles that follow an author's name on a byline ("By X, Political Editor"): not names.
BYLINE_ROLES = (
    r"editor|correspondent|reporter|writer|columnist|contributor|staff|producer|analyst|"
    r"redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|autor(?:in)?|volontär(?:in)?|"
    r"rédacteur|rédactrice|journaliste|correspondant(?:e)?|envoyée? spéciale?|"
    r"redactor(?:a)?|corresponsal|periodista|redattore|redattrice|inviato|inviata|giornalista|"
    r"repórter|jornalista|correspondente|redacteur|verslaggever|correspondent|dziennikarz(?:ka)?|redaktor(?:ka)?"
)
