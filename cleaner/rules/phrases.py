"""Boilerplate phrases: adverts, promos, read-more links, share/follow lines, legal and cookie text.

Each pattern must match a whole line (after whitespace is collapsed), so a real paragraph that only
mentions "download" or "advertising" is never hit. Languages: en, de, fr, es, it, pt, nl, pl.
"""

from __future__ import annotations

from .base import Rule

# Trailing decoration a link or button often carries: arrows, colons, ellipses, counters.
_END = r"[\s:.!…»›>→|+*-]*"
#: An e-mail address, and one or more of them ("a@x.com and b@y.com").
_EMAIL = r"\S{1,64}@[\w-]+(?:\.[\w-]+)+"
_EMAILS = rf"{_EMAIL}(?:(?:,| and| und| et| y| e| en| i| or| oder) {_EMAIL})*"

RULES: list[Rule] = [
    Rule(
        "ADV001", "advert", "advertisement marker",
        r"(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| post| links?)?|promoted(?: content)?|"
        r"paid (?:content|post|partner(?:ship)?)|anzeige|werbung|gesponsert|sponsored by .{1,40}|"
        r"publicit[ée]|publicidad|pubblicit[àa]|publicidade|advertentie|reklama|annonce|"
        r"(?:the )?(?:story|article|text) continues (?:below|after)(?: (?:this |the )?(?:advertisement|ad))?|"
        r"continue reading (?:below|the main story)|scroll to continue with content|"
        r"(?:artikel|text) (?:wird )?(?:unterhalb|nach) der (?:anzeige|werbung) (?:fortgesetzt|weiter)|"
        r"weiter nach der (?:anzeige|werbung)|lesen sie nach der (?:anzeige|werbung) weiter|"
        r"la suite (?:après|sous) (?:cette )?publicit[ée]|"
        r"(?:el )?art[íi]culo contin[úu]a (?:tras|despu[ée]s de) la publicidad)" + _END,
    ),
    Rule(
        "ADV002", "advert", "advertisement marker glued to another short line",
        r"(?<=\S)\s*(?P<x>Advertisement|ADVERTISEMENT|Publicité|PUBLICITÉ|Publicidad|PUBLICIDAD)\s*$",
        scope="span", case_sensitive=True, max_chars=80,
        triggers=("Advertisement", "ADVERTISEMENT", "Publici", "PUBLICI"),
    ),
    Rule(
        "ADV003", "advert", "affiliate or advertising disclosure",
        r"(?:(?:\*\s*)?f[üu]r links auf dieser seite erh[äa]lt .{1,40} (?:ggf\.|gegebenenfalls|eventuell|m[öo]glicherweise) eine provision.{0,200}|"
        r"(?:.{0,80} / )?bei den (?:verlinkungen|links) handelt es sich um (?:affiliate[- ]links|werbelinks|provisionslinks).{0,160}|"
        r"(?:\*\s*)?(?:(?:werbung|anzeige)[.:]? )?(?:dieser|der) (?:beitrag|artikel|post) enth[äa]lt (?:unbezahlte )?(?:werbung|affiliate[- ]links|werbelinks).{0,150}|"
        r"this (?:post|article|page|site|content) (?:may )?contains? (?:affiliate links|references to products).{0,400}|"
        r"this site participates in the amazon .{0,40}(?:program|programme).{0,600}|as an amazon associate,? (?:i|we) earn.{0,200}|"
        r"(?:advertising|affiliate) disclosure)" + _END,
        max_chars=700,
        triggers=("links auf dieser seite", "handelt es sich um", "enth", "contain", "amazon", "disclosure"),
    ),
    Rule(
        "PRO001", "promo", "app download prompt",
        r"(?:(?:get started(?: now)?:? )?(?:download|get|install|try)(?: (?:our|the|the free|our free|now|it))? (?:\S+ ){0,2}apps?"
        r"(?: (?:today|now|for free|here|for (?:\S+ ){0,3}(?:alerts|news|updates|iphone|ipad|android|ios)))?|app[- ]?store ?(?:and |& |/ )?(?:google )?play[- ]?store|"
        r"(?:download on|available on|get it on) (?:the )?(?:app store|google play)|app store|google play|"
        r"(?:jetzt )?(?:die |unsere )?(?:\S+[- ])?app (?:herunterladen|laden|installieren)|"
        r"laden sie (?:jetzt )?(?:unsere|die) (?:\S+[- ])?app(?: herunter)?|"
        r"t[ée]l[ée]chargez (?:notre|l')\s?application|descarga (?:nuestra|la) (?:app|aplicaci[óo]n)|"
        r"scarica (?:la nostra |l')\s?app|pobierz (?:nasz[aą] )?aplikacj[ęe]|download (?:de|onze) app|"
        r"baixe (?:o|nosso) app(?:licativo)?|"
        r"(?:.{0,120}[.?!] )?download \S+(?: \S+)? app (?:today|now)\b.{0,120}|"
        # "For the latest stories ... download the Nationnews apps for iOS and Android.",
        # "Get the latest news straight to your phone with the X app."
        r"(?:for|get) the latest (?:news|stories|headlines|updates)\b.{0,80}\b(?:download|with) (?:the|our) .{1,40}\bapps?"
        r"(?: for (?:ios|iphone|android)(?: (?:and|&) (?:ios|iphone|android))?)?)" + _END,
        max_chars=300,
        triggers=("app", "google play", "descarga", "pobierz"),
    ),
    Rule(
        "PRO002", "promo", "newsletter sign-up prompt",
        r"(?:newsletter|(?:sign up|subscribe|register) (?:for|to) (?:our|the) .{0,40}(?:newsletters?|briefing|digest)|"
        r"(?:get|receive) (?:the latest|our) .{0,60}(?:in|to) your inbox|enter your e-?mail(?: address)?|"
        r"newsletter (?:abonnieren|bestellen)|(?:jetzt )?(?:f[üu]r den |zum )?newsletter anmelden|"
        r"(?:abonnez-vous|inscrivez-vous) [àa] (?:notre|la) newsletter|"
        r"suscr[íi]bete a (?:nuestr[oa]|la) (?:bolet[íi]n|newsletter)|iscriviti alla (?:nostra )?newsletter|"
        r"assine (?:a )?(?:nossa )?newsletter|zapisz si[ęe] do newslettera|"
        r"(?:schrijf je in|meld je aan) voor (?:onze|de) nieuwsbrief|"
        # WordPress follow-by-email widgets, in their standard wordings.
        r"(?:um )?neue beitr[äa]ge per e-?mail zu erhalten.{0,80}|gib deine e-?mail-adresse ein.{0,160}|"
        r"enter your e-?mail address to (?:follow|subscribe).{0,160}|send me (?:an )?e-?mail (?:for )?every new post\.?|"
        r"(?:get|receive) .{1,60}(?:daily|weekly) (?:edition|digest|newsletter) by e-?mail.{0,80}|"
        # "Abonnieren Sie kostenlos die X-Newsletter und ...", "Schauen Sie mal in unseren Musiknewsletter!"
        r"(?:.{1,120}[.?!:] )?(?:abonnieren sie|abonniere|bestellen sie|schauen sie (?:mal )?in|subscribe to|sign up (?:for|to)|"
        r"abonnez-vous [àa]|inscrivez-vous [àa]|suscr[íi]bete a|iscriviti (?:a|alla)) .{0,40}"
        r"(?:newsletter|nieuwsbrief|bolet[íi]n|lettre d'information)s?\b.{0,160}|"
        r".{1,80} direkt in (?:dein|ihr|euer) (?:e-mail-)?postfach!?|stay (?:up[- ]to[- ]date|informed|in the loop)(?: (?:on|with) .{1,40})?|"
        r"votre adresse (?:de messagerie|e-?mail) est uniquement utilis[ée]e pour vous envoyer.{0,200})" + _END,
        triggers=("newsletter", "briefing", "digest", "your inbox", "enter your e", "nieuwsbrief", "mail zu erhalten",
                  "gib deine e", "every new post", "edition", "bolet", "lettre d'information", "postfach", "stay ",
                  "votre adresse"),
    ),
    Rule(
        "PRO003", "promo", "subscription or paywall prompt",
        r"(?:subscribe(?: now| today| here)?|subscribe to (?:read|continue|unlock).{0,80}|already a subscriber\??.{0,60}|"
        r"(?:jetzt )?(?:abonnieren|abo abschlie[ßs]en)|exklusiv f[üu]r abonnenten|"
        r"(?:sie sind )?bereits (?:digital-)?abonnent(?:in)?\?.{0,40}|w[äa]hlen sie ihren zugang.{0,40}|"
        r"abonnez-vous|d[ée]j[àa] abonn[ée]\s?\?.{0,40}|suscr[íi]bete|abbonati|assine(?: j[áa])?|"
        r"(?:this|the rest of this) (?:article|content) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members).{0,40}|"
        r"subscribe (?:now |today )?to (?:our|the) .{1,60} for the full (?:story|article)\.?)" + _END,
    ),
    Rule(
        "PRO004", "promo", "call to action of the site, not the article",
        r"(?:contact your elected officials|support (?:our|independent|quality) journalism.{0,80}|"
        r"donate(?: now| today)?|(?:jetzt )?spenden|become a (?:member|patron|supporter|subscriber).{0,60}|"
        r"try our .{0,30}features?|explore what .{1,40} can do for you|"
        r"unterst[üu]tzen sie (?:uns|unseren journalismus|unsere arbeit).{0,60}|"
        r"soutenez (?:notre|le) journalisme.{0,60}|apoya (?:nuestro|el) periodismo.{0,60}|"
        r"(?:wenn ihnen (?:unser|dieser) (?:artikel|beitrag) gefallen hat: )?unterst[üu]tzen sie diese form des journalismus.{0,60}|"
        r"(?:jetzt neu! )?besuchen sie unseren .{0,20}shop!?)" + _END,
    ),
    Rule(
        "PRO005", "promo", "reader-feedback prompt about the page itself",
        # "Gefällt Ihnen dieser Artikel?", "War der Artikel nützlich?", "Was this article helpful?",
        # "We want to hear what you think about this article. Submit a letter ...".
        r"(?:(?:(?:hat|gef[äa]llt) (?:ihnen|dir|euch) (?:dieser|der|unser) (?:artikel|beitrag)|(?:dieser|der) (?:artikel|beitrag) gef[äa]llt (?:ihnen|dir)|"
        r"war (?:dieser|der) (?:artikel|beitrag) (?:n[üu]tzlich|hilfreich|interessant)|"
        r"(?:was|is) this (?:article|page|post|answer) (?:helpful|useful)|did you (?:like|enjoy|find) this (?:article|post)(?: helpful| useful)?|"
        r"cet article vous a-t-il [ée]t[ée] utile|(?:le )?(?:ha resultado|fue) [úu]til (?:este|esta) (?:art[íi]culo|p[áa]gina))\s*\??|"
        r"we want to hear what you think about this article.{0,160}|submit (?:your |a )?letter to the editor.{0,120}|"
        r"bei fragen (?:und|oder) anregungen zu diesem (?:artikel|beitrag).{0,100})" + _END,
        max_chars=300,
    ),
    Rule(
        "PRO006", "promo", "browser push-notification prompt",
        r"(?:(?:benachrichtigung(?:en)?|push-mitteilungen) (?:aktivieren|erlauben|zulassen)(?: .{1,300})?|"
        r"d[üu]rfen wir (?:sie|dich) (?:in (?:ihrem|deinem) browser )?[üu]ber .{1,120} (?:informieren|benachrichtigen)\?.{0,120}|"
        r"(?:enable|turn on|allow) (?:push |browser |desktop )?notifications(?: .{1,200})?|"
        r"activer les notifications(?: .{1,200})?|activa(?:r)? las notificaciones(?: .{1,200})?)" + _END,
        max_chars=400,
    ),
    Rule(
        "PRO008", "promo", "access badge or paywall banner ('Free article', 'Subscribers only', '3 free articles left')",
        r"(?:free (?:article|story|to read)|subscribers? only|(?:premium|plus|exclusive) (?:article|content|story)|"
        r"(?:this|the) (?:article|story|content) is (?:(?:only )?(?:for|available to|reserved for) (?:subscribers|members)(?: only)?|free to read)|"
        r"you have (?:\d+|one|two|three) free (?:articles?|stories) (?:left|remaining)(?: this month)?|"
        r"(?:kostenlose[rs]?|freie[rs]?|gratis[- ])artikel|nur f[üu]r (?:abonnenten|abonnentinnen|abonnierende|abonnent\*innen|mitglieder)|"
        r"(?:dieser|der) (?:artikel|beitrag|text) ist (?:nur |exklusiv )?f[üu]r (?:abonnenten|abonnentinnen|abonnierende|mitglieder)(?: (?:sichtbar|verf[üu]gbar|lesbar))?|"
        r"(?:f|z)?plus[- ]artikel|sie haben (?:\d+|einen|zwei|drei) (?:von \d+ )?(?:kostenlose[n]?|freie[n]?) artikel.{0,40}|"
        r"article r[ée]serv[ée] aux abonn[ée]s|r[ée]serv[ée] aux abonn[ée]s|article (?:gratuit|offert)|"
        r"(?:art[íi]culo|contenido|nota) (?:exclusivo )?(?:para|solo para) (?:suscriptores|socios)|solo para suscriptores|"
        r"articolo riservato agli abbonati|riservato agli abbonati|(?:mat[ée]ria|conte[úu]do) exclusiv[oa] para assinantes|exclusivo para assinantes|"
        r"artyku[łl] (?:tylko )?dla (?:prenumerator[óo]w|subskrybent[óo]w)|alleen voor (?:abonnees|leden)|"
        r"(?:plus|premium)(?:-| )?(?:inhalt|content|abo))" + _END,
        max_chars=160,
    ),
    Rule(
        "RDM001", "read-more", "end-of-article link to the full story elsewhere",
        r"(?:read (?:the )?(?:entire|full|complete|whole|original|rest of the) (?:article|story|post|report)"
        r"(?: (?:on|at) .{1,60})?|continue reading (?:on|at) .{1,60}|read more (?:on|at) .{1,60}|"
        r"(?:view|see) (?:the )?(?:full|original|entire) (?:article|story)(?: (?:on|at) .{1,60})?|"
        r"den (?:ganzen|vollst[äa]ndigen|kompletten) (?:artikel|beitrag) lesen.{0,60}|"
        r"lire (?:la suite|l'article (?:complet|en entier))(?: sur .{1,60})?|"
        r"leer (?:el )?art[íi]culo completo.{0,60}|leggi l'articolo completo.{0,60}|"
        r"czytaj ca[łl]y artyku[łl].{0,60}|lees het (?:volledige )?artikel.{0,60}|leia a mat[ée]ria completa.{0,60})" + _END,
        scope="end",
    ),
    Rule(
        "RDM002", "read-more", "read-more link",
        r"(?:read more|more|continue reading|read on|weiterlesen|mehr lesen|mehr|zum artikel|zum beitrag|"
        r"lire la suite|lire plus|en savoir plus|leer m[áa]s|seguir leyendo|leggi (?:di pi[ùu]|tutto|altro)|"
        r"continua a leggere|czytaj (?:wi[ęe]cej|dalej)|lees (?:meer|verder)|leia mais|saiba mais|ler mais)" + _END,
    ),
    Rule(
        "RDM003", "read-more", "inline cross-reference to another story",
        r"(?:read also|see also|also read|read more|related|lesen sie (?:auch|mehr)|mehr (?:dazu|zum thema)|auch interessant|"
        r"lire aussi|[àa] lire aussi|voir aussi|lea tambi[ée]n|lee tambi[ée]n|leggi anche|leia tamb[ée]m|veja tamb[ée]m|"
        r"czytaj (?:te[żz]|tak[żz]e)|zobacz (?:te[żz]|tak[żz]e)|lees ook|bekijk ook|"
        r"(?:tambi[ée]n )?(?:le|te) puede interesar|vea tambi[ée]n|dowiedz si[ęe] wi[ęe]cej|lesetipp)\s*[:>»›|-]\s*.{3,160}",
    ),
    Rule(
        "SHR001", "share", "share or social-network buttons",
        r"(?:(?:share|shares|sharing|teilen|geteilt|partager|compartir|condividi|udost[ęe]pnij|delen|compartilhar|"
        r"tweet|tweeten|pin(?: it)?|print|drucken|imprimer|imprimir|stampa|drukuj|e-?mail|mail|whatsapp|facebook|"
        r"twitter|x|linkedin|xing|pinterest|telegram|reddit|flipboard|messenger|instagram|youtube|tiktok|threads|"
        r"bluesky|mastodon|rss|copy link|link kopieren|link copied|artikel teilen|beitrag teilen|share this(?: article| story| post| page)?|"
        r"share on|teilen auf|partager sur|compartir en|condividi su)[\s,|/·•:]*){1,14}",
    ),
    Rule(
        "SHR003", "share", "share prompt",
        # "Möchten Sie den Artikel teilen?", "Artikel gefallen? Vergiss nicht zu teilen!", "Mit Freunden teilen",
        # "Sharen mit:", "Udostępnij na FB (1)", "Rezept drucken Bei Pinterest speichern".
        r"(?:(?:m[öo]chten sie|willst du|m[öo]chtest du) (?:den|diesen) (?:artikel|beitrag) teilen\?|"
        r"(?:artikel|beitrag) gefallen\? (?:vergiss nicht|dann) .{0,20}teilen!?|vergiss nicht (?:ihn |den artikel )?zu teilen!?|"
        r"(?:(?:den|diesen) (?:artikel|beitrag) )?mit (?:anderen|freunden|deinen freunden) teilen(?:(?:/| und )diskutieren)?|sharen mit|teile (?:diesen|den) (?:artikel|beitrag)|"
        r"share (?:this|the) (?:article|story|post) with (?:your )?(?:friends|others)|partagez (?:cet|l')\s?article|"
        r"comparte (?:este|el) art[íi]culo|condividi (?:questo|l')\s?articolo|"
        r"podziel si[ęe](?: (?:na|z) \S+)?|compart(?:e|ir) (?:esta|la) (?:noticia|nota)|comp[áa]rtelo|"
        r"udost[ęe]pnij(?: na \S+)?(?: \(\d+\))?|(?:rezept drucken|bei pinterest speichern|auf pinterest merken|pin it)(?: (?:rezept drucken|bei pinterest speichern))*|"
        # Recipe plugins' buttons: "Jump to Recipe Print Recipe", "Zum Rezept springen".
        r"(?:(?:jump to|print) recipe|zum rezept springen)(?: (?:jump to|print) recipe)*)" + _END,
    ),
    Rule(
        "SHR002", "share", "follow-us prompt",
        r"(?:follow us|folgen sie uns|folge uns|suivez-nous|s[íi]guenos|seguici|siga-nos|volg ons|obserwuj nas|"
        r"like us|find us)(?: (?:on|auf|sur|en|su|no|op|na) .{1,80})?" + _END,
    ),
    Rule(
        "SHR005", "share", "print or e-mail tool of the page ('Print Article', 'Share this article on Facebook')",
        r"(?:(?:print|e-?mail|send|forward) (?:this )?(?:article|story|page|post)(?: to a friend)?|e-?mail to a friend|"
        r"send to a friend|printer[- ]friendly(?: version| page)?|print(?:able)? version|"
        r"(?:diesen |den )?(?:artikel|beitrag|seite) (?:drucken|versenden|per e-?mail (?:versenden|senden|teilen)|empfehlen)|"
        r"druckversion|druckansicht|imprimer (?:l'|cet )\s?article|envoyer (?:l'|cet )\s?article(?: [àa] un ami)?|"
        r"imprimir (?:(?:el |este )?art[íi]culo|(?:la |esta )?(?:p[áa]gina|noticia))|enviar (?:por (?:e-?mail|correo)|(?:el |este )?art[íi]culo)|"
        r"stampa (?:l'|questo )\s?articolo|invia (?:l'|questo )\s?articolo|drukuj artyku[łl]|wy[śs]lij artyku[łl]|"
        r"artikel (?:printen|mailen)|print (?:dit )?artikel|imprimir (?:a )?(?:mat[ée]ria|not[íi]cia)|"
        r"(?:share|teilen|partager|compartir|condividi|compartilhar|delen|udost[ęe]pnij) (?:this |the |den |diesen |cet |l'|este |questo |)?"
        r"(?:article|story|post|page|artikel|beitrag|art[íi]culo|articolo|artigo|artyku[łl])? ?"
        r"(?:on|to|with|auf|bei|mit|sur|par|en|por|su|no|op|na|via|per) (?:facebook|twitter|x|linkedin|whatsapp|xing|pinterest|reddit|telegram|e-?mail|bluesky|threads)"
        r"(?:(?:,| or| oder| ou| o| of| lub| and| und| et| y| e| en) (?:facebook|twitter|x|linkedin|whatsapp|xing|pinterest|reddit|telegram|e-?mail|bluesky|threads))*)" + _END,
    ),
    Rule(
        "SHR006", "share", "tweet-this button glued to the end of a quotation ('... Click To Tweet')",
        r"(?<=\S)\s*(?P<x>Click [Tt]o Tweet|CLICK TO TWEET|Tweet [Tt]his!?|TWEET THIS!?)\s*$",
        scope="span", case_sensitive=True, max_chars=600, triggers=("Tweet", "TWEET"),
    ),
    Rule(
        "SHR007", "share", "follow-the-author line ('Follow him on Twitter @handle')",
        r"(?:(?:you can )?follow (?:him|her|them|me|the author|the writer|[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}) "
        r"(?:on|at|via) (?:twitter|x|instagram|facebook|linkedin|bluesky|threads|mastodon|tiktok|youtube)"
        r"(?: (?:at |@)\S+)?(?:,? (?:or|and) (?:on )?(?:twitter|x|instagram|facebook|linkedin|bluesky|threads|mastodon)(?: (?:at |@)\S+)?)*|"
        r"follow @\w{2,30}(?: on (?:twitter|x|instagram|bluesky|threads))?|"
        r"(?:folgen sie|folge) (?:ihm|ihr|dem autor|der autorin|[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}) "
        r"(?:auf|bei) (?:twitter|x|instagram|facebook|linkedin|bluesky|threads|mastodon)(?: (?:unter )?@\S+)?|"
        r"suivez(?:-le|-la|-les)? (?:[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2} )?sur (?:twitter|x|instagram|facebook|linkedin|bluesky)(?: @\S+)?|"
        r"(?:sigue|sígue)(?:lo|la|nos)? en (?:twitter|x|instagram|facebook|linkedin|bluesky)(?: @\S+)?|"
        r"segui(?:lo|la)? su (?:twitter|x|instagram|facebook|linkedin)(?: @\S+)?|"
        r"siga(?:-o|-a)? no (?:twitter|x|instagram|facebook|linkedin)(?: @\S+)?|"
        r"volg (?:hem|haar|[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}) op (?:twitter|x|instagram|facebook|linkedin)(?: @\S+)?|"
        r"obserwuj (?:go|j[ąa]|[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}) na (?:twitterze|twitter|x|instagramie|facebooku)(?: @\S+)?)" + _END,
        triggers=("follow", "folge", "suivez", "gue", "segui", "siga", "volg", "obserwuj"),
    ),
    Rule(
        "LEG001", "legal", "cookie consent text",
        r"(?=.{0,300}cookie).{0,300}(?:we use|this (?:web)?site uses|uses cookies|verwendet cookies|nutzt cookies|"
        r"wir verwenden|akzeptieren|zustimmen|einverstanden|consent|einwilligung|nous utilisons|ce site utilise|"
        r"utilizamos|utiliza cookies|utilizziamo|questo sito utilizza|u[żz]ywamy|ta strona u[żz]ywa|wij gebruiken|"
        r"gebruikt cookies|accept|agree).{0,400}",
        max_chars=700,
        triggers=("cookie",),
    ),
    Rule(
        "LEG010", "legal", "data-protection notice of a form or of the site ('We respect your privacy', 'Hinweise zum Datenschutz ...')",
        r"(?:we (?:respect|value|care about|take) your privacy(?: seriously)?\.?.{0,300}|"
        r"(?:your|we will (?:never|not)) (?:share|sell|pass on) your (?:e-?mail(?: address)?|data|details|information).{0,200}|"
        r"(?:you can|you may) unsubscribe (?:at any time|any time|anytime).{0,200}|unsubscribe (?:at )?any ?time\.?.{0,120}|"
        r"(?:for|see) (?:more )?(?:information|details) (?:on|about) (?:how we (?:use|process|handle) your data|data protection|our privacy (?:policy|practices)).{0,200}|"
        r"(?:hinweise|informationen|infos) zu[mr]? (?:datenschutz|verarbeitung (?:ihrer|deiner) daten).{0,400}|"
        r"datenschutzhinweis(?:e)?\s*:.{0,400}|"
        r"(?:ihre|deine) (?:daten|e-?mail-adresse|angaben) (?:werden|wird) (?:ausschlie[ßs]lich |nur |vertraulich |gem[äa][ßs] .{1,60} )?"
        r"(?:zum|zur|f[üu]r den|f[üu]r die|im rahmen|entsprechend|nach|nicht an)(?=.{0,200}(?:datenschutz|versand|weitergegeben|verarbeitet|gespeichert|verwendet)).{1,400}|"
        r"(?:die )?abmeldung (?:vom newsletter )?ist jederzeit (?:m[öo]glich|kostenlos m[öo]glich).{0,200}|"
        r"(?:sie|du) (?:k[öo]nnen|kannst) (?:sich|dich|ihre einwilligung|deine einwilligung) jederzeit (?:wieder )?(?:abmelden|widerrufen).{0,200}|"
        r"(?:nous respectons|vos donn[ée]es personnelles sont) .{0,40}(?:vie priv[ée]e|confidentialit[ée]|trait[ée]es).{0,300}|"
        r"vous pouvez vous d[ée]sinscrire [àa] tout moment.{0,200}|"
        r"(?:respetamos tu privacidad|puedes darte de baja en cualquier momento|tus datos (?:ser[áa]n|son) tratados).{0,300}|"
        r"(?:rispettiamo la tua privacy|puoi annullare l'iscrizione in qualsiasi momento).{0,300}|"
        r"(?:respeitamos a sua privacidade|voc[êe] pode cancelar (?:a (?:sua )?inscri[çc][ãa]o )?a qualquer momento).{0,300}|"
        r"(?:we respecteren je privacy|je kunt je (?:altijd|op elk moment) afmelden).{0,300}|"
        r"(?:szanujemy twoj[ąa] prywatno[śs][ćc]|mo[żz]esz (?:si[ęe] )?wypisa[ćc] w ka[żz]dej chwili).{0,300})",
        max_chars=700,
        triggers=("privacy", "your", "unsubscribe", "information", "details", "datenschutz", "verarbeitung", "daten",
                  "mail-adresse", "angaben", "abmeldung", "jederzeit", "respectons", "donn", "sinscrire", "privacidad",
                  "darte de baja", "tus datos", "annullare", "privacidade", "cancelar", "afmelden", "prywatno", "wypisa"),
    ),
    Rule(
        "LEG002", "legal", "consent button or legal page link",
        r"(?:accept(?: all)?(?: cookies)?|reject(?: all)?|allow (?:all )?cookies|(?:alle )?akzeptieren|ablehnen|"
        r"(?:tout )?accepter(?: (?:et fermer|tout))?|(?:tout )?refuser|aceptar(?: todo| todas)?|rechazar(?: todo)?|"
        r"accetta(?: tutto| tutti)?|rifiuta(?: tutto)?|aceitar(?: todos)?|rejeitar|(?:alles )?accepteren|weigeren|"
        r"akceptuj[ęe]?|zaakceptuj(?: wszystkie)?|odrzu[ćc]|"
        r"cookie[- ]?(?:settings|einstellungen|policy|richtlinie|hinweis|banner)|cookies?(?: & tracking)?|"
        r"privacy(?: policy| settings| notice)?|datenschutz(?:erkl[äa]rung|hinweise|einstellungen)?|impressum|imprint|"
        r"terms(?: (?:of (?:use|service)|and conditions|& conditions))?|agb|nutzungsbedingungen|"
        r"mentions l[ée]gales|politique de confidentialit[ée]|aviso legal|pol[íi]tica de privacidad|"
        r"informativa (?:sulla )?privacy|polityka prywatno[śs]ci|privacybeleid|disclaimer|haftungsausschluss|"
        r"all rights reserved\.?|alle rechte vorbehalten\.?|tous droits r[ée]serv[ée]s\.?|"
        r"todos los derechos reservados\.?|tutti i diritti riservati\.?|wszelkie prawa zastrze[żz]one\.?|"
        r"alle rechten voorbehouden\.?)" + _END,
    ),
    Rule(
        "LEG003", "legal", "copyright notice",
        r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?).{0,160}",
    ),
    Rule(
        "LEG004", "legal", "rights or licence notice of the site",
        # Site-level notices, not an article about licences: the subject is the site's content
        # ("Die Inhalte dieser Website ...", "This work is licensed under ...") or a fixed phrase.
        r"(?:some rights reserved\.?|materia[łl] chroniony prawem autorskim.{0,200}|todos os direitos reservados\.?|"
        r"(?:(?:die|alle|s[äa]mtliche) )?(?:inhalte|texte|bilder|fotos|beitr[äa]ge|artikel)(?: \S+){0,2} "
        r"(?:dieser|diese[sm]?|auf dieser|in diesem|in dieser) (?:website|webseite|seite|blogs?|homepage|internetseite)"
        r"(?=.{0,200}(?:lizen[sz]|urheberrecht|creative commons|cc[- ]by|rechte)).{1,300}|"
        r"(?:dieser|der) (?:text|beitrag|artikel|eintrag) (?:wurde |ist |steht )?(?:ver[öo]ffentlicht )?unter (?:der|einer) .{0,40}lizen[sz].{0,200}|"
        r"(?:this|the) (?:work|content|article|text|site|blog|website|page|post)s?(?: (?:on|of) this (?:site|blog|website))? "
        r"(?:is|are) licensed under .{1,200})",
        max_chars=400,
    ),
    Rule(
        "LEG005", "legal", "disclaimer of the site (opinion note, liability for links)",
        r"(?:(?:dieser|der) (?:beitrag|artikel|text|gastbeitrag|kommentar) gibt (?:ausschlie[ßs]lich |nur )?die (?:pers[öo]nliche )?"
        r"meinung de[sr] (?:autors?|autorin|verfassers?|verfasserin|gastautors?).{0,200}|"
        r"trotz sorgf[äa]ltiger inhaltlicher kontrolle .{0,400}|"
        r".{1,60} (?:is|are) not responsible for the (?:opinions|content|views)\b.{0,200}|"
        r"(?:the )?(?:views|opinions)(?: and opinions)? expressed (?:in this (?:article|post|column|blog)|here|by (?:the )?(?:authors?|contributors)) (?:are|is|do not|does not)\b.{0,250})",
        max_chars=500,
        triggers=("meinung de", "inhaltlicher kontrolle", "not responsible", "expressed"),
    ),
    Rule(
        "LEG006", "legal", "placeholder of an embed blocked until consent",
        r"(?:klicken sie auf den (?:unteren |folgenden )?button,? um den inhalt von .{1,60} zu laden\.?|"
        r".{0,80}ohne (?:dein|ihr|euer) einverst[äa]ndnis keine verbindung zu .{1,40} her.{0,250}|"
        r"empfohlener redaktioneller inhalt|(?:externen )?inhalt (?:laden|anzeigen|entsperren)|"
        r"an dieser stelle (?:finden sie|findest du) (?:einen )?externen inhalt.{0,300}|"
        r"mit dem laden (?:des|der) .{1,40} akzeptieren sie die datenschutzerkl[äa]rung.{0,120})" + _END,
        max_chars=500,
        triggers=("inhalt", "keine verbindung", "mit dem laden"),
    ),
    Rule(
        "LEG007", "legal", "consent text of a sign-up or comment form",
        r"(?:mit (?:der|ihrer|deiner) (?:registrierung|anmeldung|bestellung)(?: \S+){0,3} (?:akzeptieren sie|akzeptierst du|stimmen sie) .{1,500}|"
        r"ich bin damit einverstanden, (?=.{0,300}(?:e-?mail|newsletter|datenschutz|daten)).{1,500}|"
        r"by (?:signing up|registering|subscribing|clicking (?:\S+ ){0,3}), you (?:agree|consent) to .{1,400}|"
        r"en (?:vous inscrivant|cliquant), vous acceptez .{1,400}|"
        # The spam-filter notices printed under comment and sign-up forms by WordPress and reCAPTCHA.
        r"this (?:site|page|form) is protected by recaptcha and the google privacy policy and terms of service apply\.?|"
        r"this site uses akismet to reduce spam\.(?: learn how your comment data is processed\.?)?|"
        r"diese (?:website|seite) verwendet akismet, um spam zu reduzieren\..{0,120})",
        max_chars=700,
    ),
    Rule(
        "NAV001", "navigation", "skip link, menu or account control",
        r"(?:skip to (?:main )?(?:content|navigation)|zum inhalt(?: springen)?|direkt zum inhalt|"
        r"aller au contenu(?: principal)?|saltar al contenido(?: principal)?|vai al contenuto|przejd[źz] do tre[śs]ci|"
        r"naar (?:de )?inhoud|menu|men[üu]|main menu|hauptmen[üu]|navigation|navigationspfad|toggle navigation|"
        r"schlie[ßs]en|close|open|suche|search|suchen|rechercher|buscar|cerca|szukaj|zoeken|"
        r"log ?in|sign in|sign up|register|anmelden|einloggen|registrieren|anmelden\s*/\s*registrieren|abmelden|"
        r"log ?out|mein konto|my account|se connecter|iniciar sesi[óo]n|accedi|zaloguj(?: si[ęe])?|inloggen|"
        r"home|startseite|accueil|inicio|strona g[łl][óo]wna|back to top|nach oben|zur[üu]ck(?: nach oben)?|"
        r"to top|top|haut de page|volver arriba|torna su|do g[óo]ry|naar boven|"
        r"previous(?: (?:article|post|page))?|next(?: (?:article|post|page))?|vorherige(?:r artikel)?|n[äa]chste(?:r artikel)?|"
        r"you are here|sie sind hier|vous [êe]tes ici|est[áa]s aqu[íi]|"
        r"logo|.{1,40} (?:logo|header)|orange background|image|bild|foto|photo|"
        # Shop-system controls: cart, listing pager, the captcha prompt of the contact form.
        r"warenkorb(?: \(\d+\))?|es werden die .{1,40}? \d+ bis \d+ von insgesamt \d+ angezeigt!?|"
        r"bitte geben sie die zahlenfolge in das nachfolgende textfeld ein\.?)" + _END,
    ),
    Rule(
        "NAV003", "navigation", "post footer: categories, tags, permalink",
        # Blog themes print these under every post: "This entry was posted in X. Bookmark the permalink.",
        # "Dieser Eintrag wurde veröffentlicht in X und verschlagwortet mit Y", "Erstellt am ... und
        # abgelegt unter ...", "Posted in X | Tagged Y", "Schlagwörter: A, B", "Kategorie: X".
        # A list after a bare label needs its colon, and "Posted in X" no sentence end, so prose
        # ("Themen wie Klimaschutz ...", "Posted in 2019, the video ...") is never hit.
        r"(?:(?:this (?:entry|post) was|dieser eintrag wurde) (?:.{0,60} )?"
        r"(?:posted|published|filed|ver[öo]ffentlicht|abgelegt)(?: (?:in|on|am|unter|under) .{1,400})?\.?|"
        r"erstellt am .{1,60} und abgelegt unter .{1,400}|"
        r"(?:posted|filed) (?:in|under):? [^.!?]{1,150}(?: \| tagged:? [^.!?]{1,200})?|tagged(?: with)?: .{1,200}|"
        r"(?:ver[öo]ffentlicht in|abgelegt unter|kategorisiert in):? [^.!?]{1,150}(?: \| (?:schlagw[öo]rter|verschlagwortet mit|tags):? [^.!?]{1,200})?|"
        r"(?:schlagw[öo]rter|stichw[öo]rter|kategorien?|categories|category|tags|themen)(?: zu diesem (?:artikel|beitrag))?(?:\s*:\s*.{0,200})?|"
        r"bookmark the permalink\.?|permalink|"
        # The theme footer of hosted blogs: "Bloggen auf WordPress.com.", "Proudly powered by WordPress".
        r"(?:bloggen auf|blog at|erstelle eine website oder ein blog auf|(?:proudly )?powered by|betrieben von) wordpress(?:\.com)?\.?)",
        max_chars=500,
    ),
    Rule(
        "NAV004", "navigation", "notice about the reader's browser (outdated, JavaScript off)",
        r"(?:(?:.{0,80}[.!] )?you are using an? (?:\S+ ){0,2}browser (?:version )?(?:that|which|with) .{1,400}|"
        r"(?:your|ihr|dein) browser (?:is out of date|is not supported|ist veraltet|wird nicht (?:mehr )?unterst[üu]tzt).{0,300}|"
        r"(?:bitte )?aktivieren sie (?:bitte )?javascript.{0,200}|please (?:enable|turn on) javascript.{0,200}|"
        r"javascript (?:is|ist) (?:disabled|deaktiviert).{0,200}|"
        r"(?:um .{1,100}, )?(?:m[üu]ssen|sollten) sie (?:bitte )?javascript (?:in ihrem browser )?(?:aktivieren|einschalten)\.?)",
        max_chars=600,
        triggers=("browser", "javascript"),
    ),
    Rule(
        # A byline's kin (the ledger's label says so), kept with the phrase rules because a pattern decides it.
        "MET007", "byline", "contact line of the author ('Write to Jane Doe at jane.doe@example.com')",
        rf"(?:write to .{{1,120}} at {_EMAILS}|(?:contact|e-?mail|reach|message) (?:the (?:author|writer|reporter|editor)s?|him|her|them|me|us|"
        rf"[^\W\d_]\S*(?: [^\W\d_]\S*){{0,2}}) (?:at|via|on|by e-?mail at) {_EMAILS}|"
        rf"(?:you can )?(?:contact|reach|email|write to) (?:the (?:author|writer|reporter)|him|her|them|me|us) (?:at|via) {_EMAILS}|"
        rf".{{1,60}} can be (?:reached|contacted) (?:at|via) {_EMAILS}|"
        rf"(?:kontakt|e-?mail|mail) (?:zu[mr] |an (?:den|die) )?(?:autor|autorin|redakteur|redakteurin|verfasser|verfasserin|redaktion)\s*:?\s*{_EMAILS}|"
        rf"(?:schreiben sie|schreibt|schreib) (?:dem autor|der autorin|der redaktion|uns|mir)?\s*(?:an|unter)?\s*:?\s*{_EMAILS}|"
        rf"(?:sie erreichen|du erreichst) (?:den autor|die autorin|die redaktion|uns|mich) (?:unter|per e-?mail (?:an|unter)|per mail an)\s*:?\s*{_EMAILS}|"
        rf"(?:pour )?(?:contacter|[ée]crire [àa]) (?:l'auteur|l'autrice|la r[ée]daction|nous)\s*:?\s*{_EMAILS}|"
        rf"(?:puede|puedes) escribirnos (?:a|en) {_EMAILS}(?:,? .{{1,200}})?|(?:escribe|escriba|contacta|contacte) (?:al autor|a la autora|a la redacci[óo]n|con nosotros)\s*(?:en|a)?\s*:?\s*{_EMAILS}|"
        rf"(?:scrivi|contatta) (?:all'autore|l'autore|la redazione)\s*(?:a|su)?\s*:?\s*{_EMAILS}|"
        rf"(?:escreva|fale) (?:para|com) (?:o autor|a autora|a reda[çc][ãa]o)\s*:?\s*{_EMAILS}|"
        rf"(?:mail|schrijf) (?:de auteur|de redactie)\s*(?:via|op)?\s*:?\s*{_EMAILS}|"
        rf"(?:napisz do autora|kontakt z autorem)\s*:?\s*{_EMAILS})" + _END,
        max_chars=300,
        triggers=("@",),
    ),
    Rule(
        "NAV007", "error", "server error message printed into the page (PHP warning, database error)",
        r"(?:(?:php )?(?:warning|notice|deprecated|fatal error|parse error|strict standards|catchable fatal error)\s*:\s*"
        r".{1,400}\bon line \d+\.?|"
        r"error establishing a database connection\.?|(?:database|datenbank) (?:connection )?error:?.{0,120}|"
        r"warning: (?:mysql|mysqli|pg|include|require|file_get_contents|fopen|session_start|cannot modify header)\S*.{0,400})",
        max_chars=600,
        triggers=("line", "abase", "enbank", "warning"),
    ),
    Rule(
        "NAV002", "navigation", "breadcrumb trail",
        r"(?:home|start|startseite|accueil|inicio|news|nachrichten)\s*[>»/›|]\s*.{1,160}",
    ),
]
