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
        r"most (?:read|popular|viewed|shared|commented)(?: (?:in|on|from|at) .{1,40})?|top stories|latest (?:news|stories|articles|posts)|popular posts|"
        r"recent posts|(?:das )?k[öo]nnte (?:sie|dich) auch interessieren|mehr zum thema|weitere (?:artikel|beitr[äa]ge|nachrichten|themen)|"
        r"[äa]hnliche (?:artikel|beitr[äa]ge|themen)|verwandte (?:artikel|themen|beitr[äa]ge)|meistgelesen(?:e(?: artikel)?)?(?: (?:in|auf|bei|aus) .{1,40})?|"
        r"meistgeklickt(?:e(?: artikel)?)?|meistkommentiert(?:e(?: artikel)?)?|beliebteste (?:artikel|beitr[äa]ge|nachrichten)|"
        r"empfehlungen|unsere empfehlungen|passend zum thema|neueste (?:artikel|beitr[äa]ge)|top-?themen|"
        r"sur le m[êe]me (?:sujet|th[èe]me)|articles? (?:similaires|li[ée]s)|les (?:articles )?plus (?:lus|partag[ée]s|comment[ée]s)|"
        r"noticias relacionadas|art[íi]culos relacionados|te puede interesar|lo m[áa]s (?:le[íi]do|visto|compartido|comentado)|"
        r"articoli correlati|potrebbe interessarti|i pi[ùu] (?:letti|visti|condivisi|commentati)|powi[ąa]zane artyku[łl]y|"
        r"najcz[ęe][śs]ciej (?:czytane|komentowane)|gerelateerde artikelen|meest (?:gelezen|bekeken|gedeeld)|not[íi]cias relacionadas|leia tamb[ée]m|mais (?:lidas|vistas|lidos)|"
        # "Lesen Sie auch die folgenden Beiträge:", "Die meistgelesenen Artikel bei SWR.de/Sport",
        # "SEIT 10 TAGEN AM MEISTEN GELESEN", "Neueste Artikel für Fußbodenheizung", "Weiterführende Links".
        r"lesen sie auch (?:die|diese) (?:folgenden )?(?:beitr[äa]ge|artikel)|(?:die )?meistgelesenen? (?:artikel|beitr[äa]ge|nachrichten|news)(?: .{1,40})?|"
        r"(?:seit \d+ tagen )?am meisten gelesen|neueste (?:artikel|beitr[äa]ge|nachrichten) (?:f[üu]r|zu|zum|zur|aus|in) .{1,40}|"
        r"weitere (?:beitr[äa]ge|artikel|nachrichten|meldungen) (?:zu|zum|aus) (?:diesem|dem|der) (?:artikel|thema|rubrik)|"
        r"weiterf[üu]hrende (?:links|artikel|beitr[äa]ge)|aktuelle dossiers|dans la m[êe]me rubrique|"
        r"(?:tambi[ée]n )?(?:le|te) puede interesar|vea tambi[ée]n|"
        # Spanish, Polish and French openers of the same kind ("Otras noticias", "Polecane artykuły").
        r"otras noticias|m[áa]s noticias|noticias destacadas|te recomendamos|inne artyku[łl]y|polecane(?: artyku[łl]y)?|"
        r"autres articles|[àa] voir aussi|[àa] d[ée]couvrir aussi)" + _END,
        scope="section",
    ),
    Rule(
        "COM001", "comments", "comment-section opener",
        r"(?:comments?(?: \(\d+\))?|\d+ comments?|no comments(?: yet)?\.{0,3}|leave a (?:comment|reply)|"
        r"(?:show|view|load) (?:all )?comments|join the (?:conversation|discussion)|"
        r"kommentare?(?: \(\d+\))?|\d+ kommentare?|kommentar (?:schreiben|verfassen)|(?:noch )?keine kommentare.{0,40}|"
        r"diskussion|leserkommentare|commentaires?|laisser un commentaire|comentarios?|deja (?:un|tu) comentario|"
        r"commenti|lascia un commento|komentarze|dodaj komentarz|reacties|plaats een reactie|coment[áa]rios|"
        r"deixe (?:um|seu) coment[áa]rio|"
        # WordPress thread headings: "11 responses to “Title”", "3 Gedanken zu „Titel“", "No Responses so far".
        r"(?:\d+|one|two|three|ein|eine|zwei|drei) (?:responses?|repl(?:y|ies)|thoughts?|comments?|antworten|"
        r"gedanken?|kommentare?|reaktionen|r[ée]ponses?|commentaires?|respuestas?|comentarios?) "
        r"(?:to|on|zu|auf|[àa]|sur|a|en) .{1,200}|"
        r"no (?:responses?|comments?|repl(?:y|ies))(?: (?:yet|so far))?|keine (?:kommentare|antworten|reaktionen)(?: .{1,80})?|"
        r"do[łl][ąa]cz do dyskusji|skomentuj|(?:participa|[úu]nete) en la conversaci[óo]n|rejoignez la (?:discussion|conversation)|"
        # "Post a Comment", "Leave a Reply Cancel reply", "Schreibe einen Kommentar", "Kommentar hinterlassen".
        r"(?:post|add|write|submit|leave) (?:a|your) (?:comment|reply|response)(?: cancel reply)?|be the first to comment(?: on this)?|"
        r"(?:schreibe?n? sie|schreib|schreibe) (?:einen|deinen|ihren) kommentar|(?:einen )?kommentar (?:hinterlassen|abgeben|posten)|"
        r"ihr kommentar(?: zu diesem (?:artikel|beitrag))?|dein kommentar|sei (?:der|die) erste,? (?:der|die) (?:kommentiert|einen kommentar schreibt)|"
        r"[ée]crire un commentaire|ajouter un commentaire|soyez le premier [àa] commenter|"
        r"(?:escribe|a[ñn]ade|deja) (?:un|tu) comentario|s[ée] el primero en comentar|"
        r"scrivi un commento|aggiungi un commento|sii il primo a commentare|"
        r"(?:escreva|adicione) (?:um|seu) coment[áa]rio|seja o primeiro a comentar|"
        r"schrijf een reactie|(?:wees|ben) de eerste (?:die reageert|om te reageren)|napisz komentarz|"
        r"comments are closed\.?|kommentare sind (?:geschlossen|deaktiviert)\.?|die kommentarfunktion (?:ist|wurde) .{1,60}|"
        r"les commentaires sont (?:ferm[ée]s|d[ée]sactiv[ée]s)\.?|los comentarios est[áa]n cerrados\.?|"
        r"i commenti sono chiusi\.?|coment[áa]rios (?:est[ãa]o )?(?:encerrados|fechados)\.?|reacties zijn gesloten\.?|"
        r"komentarze (?:s[ąa] )?(?:wy[łl][ąa]czone|zamkni[ęe]te)\.?|"
        r"nur (?:angemeldete|registrierte) (?:benutzer|nutzer|leser) k[öo]nnen (?:kommentieren|kommentare schreiben).{0,60}|"
        r"(?:please )?(?:log ?in|sign in|register) to (?:comment|post a comment|leave a comment|join the (?:discussion|conversation)))" + _END,
        scope="section",
    ),
    Rule(
        "COM002", "comments", "comment-form prompt or reply control",
        # The reply/report buttons of each comment and the log-in or moderation notes of the form.
        r"(?:(?:antworten|beantworten|reply|responder|r[ée]pondre|rispondi|odpowiedz|reageren|responder)(?: ↓)?|"
        r"(?:log ?in|sign in) to reply|zum antworten anmelden|kommentar melden|report (?:this )?comment|"
        r"(?:du musst|sie m[üu]ssen) (?:angemeldet|eingeloggt) sein, um (?:einen kommentar|kommentare) .{1,40}|"
        r"you must be (?:logged in|signed in) to post a comment|"
        r"para comentar (?:debes|tienes que|es necesario) .{1,80}|"
        r"(?:\(?kommentare erscheinen erst nach .{1,60}\)?)|"
        r"(?:your|deine|ihre) e-?mail[- ]adresse wird nicht ver[öo]ffentlicht.{0,80}|"
        r"bitte (?:loggen sie sich|melde dich|melden sie sich) (?:vor dem kommentieren |zum kommentieren )?(?:ein|an)(?: log ?in)*|"
        r"your email address will not be published.{0,80}|"
        r"(?:required fields are marked|erforderliche felder sind mit) .{1,30}|"
        r"ich freue mich (?:sehr )?(?:[üu]ber|auf) (?:eure|deine|ihre) kommentare.{0,120})" + _END,
    ),
    Rule(
        "REL004", "related", "inline cross-reference box opener ('Lesen Sie auch'): it and its teaser go, the article goes on",
        # Printed inside the article, above one or two teaser headlines; unlike REL001 it never
        # ends the article, so the structure stage takes only the short lines right after it.
        r"(?:lesen sie auch|lies auch|auch interessant|lee tambi[ée]n|leggi anche|read also|see also|"
        # French and Polish news print these inside the article, above one linked headline.
        r"(?:[àa] )?lire aussi|zobacz (?:te[żz]|tak[żz]e|r[óo]wnie[żz])|(?:prze)?czytaj (?:te[żz]|tak[żz]e|r[óo]wnie[żz]))" + _END,
        scope="section",
    ),
    Rule("REL002", "related", "teaser inside a related-stories or comments section", scope="code"),
    Rule("REL003", "related", "text after the end-of-article marker", scope="code"),
    Rule("COM003", "comments", "comment thread: from the first of several 'Name says:' / 'Comment by' headers on", scope="code"),
]
