"""Relative timestamps ("5 hours ago", "vor 2 Stunden") and bare counters ("1", "12 comments")."""

from __future__ import annotations

from .base import Rule

_UNITS_EN = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|years?|yrs?)"
_RELATIVE = (
    rf"(?:\d+|an?|one) {_UNITS_EN} ago|just now|moments? ago|yesterday|today|"
    r"vor (?:\d+|einer|einem|wenigen) (?:sekunden?|minuten?|min\.?|stunden?|std\.?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)|"
    r"gestern|heute|soeben|gerade eben|"
    r"il y a (?:\d+|une?|quelques) (?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?)|hier|aujourd'hui|"
    r"hace (?:\d+|una?|unos) (?:segundos?|minutos?|min|horas?|h|d[íi]as?|semanas?|mes(?:es)?|a[ñn]os?)|ayer|hoy|"
    r"(?:\d+|un[ao]?) (?:secondi|minuti?|ore|ora|giorni?|settimane?|mes[ei]|anni?) fa|ieri|oggi|"
    r"h[áa] (?:\d+|uma?) (?:segundos?|minutos?|horas?|dias?|semanas?|m[êe]s(?:es)?|anos?)|ontem|hoje|"
    r"(?:\d+|een) (?:seconden|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaar) geleden|gisteren|vandaag|"
    r"(?:\d+|godzin[eę]) (?:sekund[y]?|minut[y]?|godzin[ya]?|dni|dzie[ńn]|tygodni(?:e)?|miesi[ęe]cy|lat(?:a)?) temu|wczoraj|dzisiaj"
)

RULES: list[Rule] = [
    Rule(
        "TIM001", "timestamp", "relative timestamp, possibly with a counter",
        rf"(?:time|updated|posted|published|aktualisiert|ver[öo]ffentlicht|mis [àa] jour|publi[ée]|actualizado|publicado|"
        rf"aggiornato|pubblicato|atualizado|bijgewerkt|zaktualizowano|opublikowano)?\s*:?\s*(?:{_RELATIVE})"
        r"(?:\s*[•·|,-]?\s*\d{1,6}){0,3}",
    ),
    Rule(
        "TIM002", "counter", "counter (comments, shares, likes, views)",
        # A number with a counter word. A bare number on its own line is more often a list marker,
        # a table cell or a price inside the article than a counter badge (measured on the dev set).
        r"\d{1,7}(?:[.,]\d+)?[kKmM]?\s+(?:comments?|shares?|likes?|views?|reads?|kommentare?|aufrufe|"
        r"commentaires?|partages|comentarios?|commenti|komentarz(?:e|y)?|reacties|coment[áa]rios|reactions?|"
        r"replies|antworten)",
    ),
    Rule(
        "TIM006", "timestamp", "article-age banner ('This article is more than 5 years old')",
        r"(?:this (?:article|story|content|post) is (?:more than|over) (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a) "
        r"(?:years?|months?) old|this (?:article|story|post) was (?:first )?published (?:more than |over )?(?:\d+|a|one|two|three) (?:years?|months?) ago|"
        r"(?:dieser|der) (?:artikel|beitrag|text) ist (?:[äa]lter als|mehr als|[üu]ber) (?:\d+|ein|einem|zwei|drei|f[üu]nf|zehn) "
        r"(?:jahre?n?|monate?n?)(?: alt)?|"
        r"(?:cet|l') ?article (?:a|date de) (?:plus de )?(?:\d+|un|deux|trois) (?:ans?|mois)|"
        r"(?:este|el) (?:art[íi]culo|contenido) tiene m[áa]s de (?:\d+|un|dos|tres) (?:a[ñn]os?|mes(?:es)?)(?: de antig[üu]edad)?|"
        r"(?:questo|l') ?articolo (?:ha|[èe] di) (?:pi[ùu] di )?(?:\d+|un|due|tre) (?:anni|anno|mesi|mese)(?: fa)?|"
        r"(?:este|o) artigo tem mais de (?:\d+|um|dois|tr[êe]s) (?:anos?|m[êe]s(?:es)?)|"
        r"dit artikel is (?:meer dan|ouder dan) (?:\d+|een|twee|drie) (?:jaar|maanden?) oud|"
        r"ten artyku[łl] (?:ma|jest starszy ni[żz]) (?:ponad )?(?:\d+|rok|dwa|trzy) (?:lat[a]?|rok|miesi[ęe]cy))" + r"[\s.!]*",
    ),
    Rule(
        "TIM003", "counter", "reading time or length counter ('5 min read', 'Lesezeit: 3 Minuten', '21 minutes - 4312 words')",
        r"(?:(?:gesch[äa]tzte )?(?:lesezeit|lesedauer|reading time|read time|temps de lecture|tiempo de lectura|tempo di lettura|"
        r"czas czytania|leestijd)\s*:?\s*(?:ca\.\s*|etwa\s*|~\s*)?\d+(?:\s*[-–]\s*\d+)?\s*(?:min(?:uten?|utes?|utos?|uti|\.)?|minutes?)|"
        r"\d+(?:\s*[-–]\s*\d+)?\s*(?:min(?:uten?|utes?)?\.?) (?:read|reading|lesezeit|lesedauer|lesen|de lecture|de lectura|di lettura)|"
        r"\d+ minutes? [-–·|] \d[\d,.]* words)",
    ),
]
