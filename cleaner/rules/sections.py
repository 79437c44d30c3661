"""Section openers: related stories, recommendations, comment threads.

A section opener is a whole line; the structure stage decides how far the section runs
(to the end of the page when the article is behind it, else over the teaser lines that follow).
"""

from __future__ import annotations

from .base import Rule

_END = r"[\s:.!…»›>→|]*"

RULES: list[Rule] = [
    Rule(
        "REL001", "related", "related-stories section opener",
        r"(?:related(?: articles?| content| posts?| stories| news| links| coverage| topics| reading| videos?)?|"
        r"more (?:from|on) .{1,60}|more (?:stories|articles|news|videos)(?: (?:from|on|like this) .{1,40})?|"
        r"read next|up next|what to read next|recommended(?: for you| stories| reading| articles)?|"
        r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|also read|trending(?: now| stories)?|"
        r"most (?:read|popular|viewed|shared)|top stories|latest (?:news|stories|articles|posts)|popular posts|"
        r"recent posts|(?:das )?k[öo]nnte (?:sie|dich) auch interessieren|mehr zum thema|weitere (?:artikel|beitr[äa]ge|nachrichten|themen)|"
        r"[äa]hnliche (?:artikel|beitr[äa]ge|themen)|verwandte (?:artikel|themen|beitr[äa]ge)|meistgelesen(?:e(?: artikel)?)?|"
        r"empfehlungen|unsere empfehlungen|passend zum thema|neueste (?:artikel|beitr[äa]ge)|top-?themen|"
        r"(?:[àa] )?lire aussi|sur le m[êe]me (?:sujet|th[èe]me)|articles? (?:similaires|li[ée]s)|les plus lus|"
        r"noticias relacionadas|art[íi]culos relacionados|te puede interesar|lo m[áa]s le[íi]do|"
        r"articoli correlati|potrebbe interessarti|i pi[ùu] letti|powi[ąa]zane artyku[łl]y|zobacz (?:te[żz]|tak[żz]e)|"
        r"najcz[ęe][śs]ciej czytane|gerelateerde artikelen|meest gelezen|not[íi]cias relacionadas|leia tamb[ée]m|mais lidas)" + _END,
        scope="section",
    ),
    Rule(
        "COM001", "comments", "comment-section opener",
        r"(?:comments?(?: \(\d+\))?|\d+ comments?|no comments(?: yet)?\.{0,3}|leave a (?:comment|reply)|"
        r"(?:show|view|load) (?:all )?comments|join the (?:conversation|discussion)|"
        r"kommentare?(?: \(\d+\))?|\d+ kommentare?|kommentar (?:schreiben|verfassen)|(?:noch )?keine kommentare.{0,40}|"
        r"diskussion|leserkommentare|commentaires?|laisser un commentaire|comentarios?|deja (?:un|tu) comentario|"
        r"commenti|lascia un commento|komentarze|dodaj komentarz|reacties|plaats een reactie|coment[áa]rios|"
        r"deixe (?:um|seu) coment[áa]rio)" + _END,
        scope="section",
    ),
    Rule("REL002", "related", "teaser inside a related-stories or comments section", scope="code"),
    Rule("REL003", "related", "text after the end-of-article marker", scope="code"),
]
