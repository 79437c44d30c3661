"""Image credits and the captions they sign.

A credit is an agency/photographer signature (`NAME/AGENCY/Shutterstock`, `Photo: X / Getty Images`,
`Images source: © East News | ...`, `© Noah Addis`). It may stand on its own line or be glued to the
end of a caption. The text a credit signs is a caption: both leave the body and become metadata.
"""

from __future__ import annotations

from .base import Rule

#: Photo agencies and stock libraries: their name alone on a line is an image credit.
PHOTO_AGENCIES = (
    r"Shutterstock|Getty ?Images?|AP Photo|picture[- ]alliance|imago(?: images)?|IMAGO|Alamy|iStock(?:photo)?|"
    r"Corbis|Unsplash|Pixabay|Pexels|Wikimedia Commons|Fotolia|Adobe ?Stock|stock\.adobe\.com|123RF|"
    r"Depositphotos|Dreamstime|Westend61|Panthermedia|Photothek|Eibner|Sven Simon|Rex Features|Splash News|"
    r"ZUMA(?: Press| Wire)?|NurPhoto|WENN"
)
#: Literals one of which every line naming a PHOTO_AGENCIES agency holds, and the slash of a signature.
_AGENCY_TRIGGERS = (
    "/", "Shutterstock", "Getty", "AP Photo", "picture", "imago", "IMAGO", "Alamy", "iStock", "Corbis", "Unsplash",
    "Pixabay", "Pexels", "Wikimedia Commons", "Fotolia", "Adobe", "stock.adobe.com", "123RF", "Depositphotos",
    "Dreamstime", "Westend61", "Panthermedia", "Photothek", "Eibner", "Sven Simon", "Rex Features", "Splash News",
    "ZUMA", "NurPhoto", "WENN",
)
#: Every agency that signs image credits, news wires included ("Xinhua/Shutterstock", "AFP/Getty").
#: A wire's name alone on a line is a source line, not a credit, so only slash signatures use these.
AGENCIES = (
    PHOTO_AGENCIES + r"|"
    r"Getty|AP(?: Photo)?|AFP|Reuters|EPA(?:-EFE)?|EFE|dpa|DPA|picture[- ]alliance|"
    r"imago(?: images)?|IMAGO|Alamy|Xinhua|Sputnik|Bloomberg|iStock(?:photo)?|Corbis|PA(?: Images| Wire)?|ANP|"
    r"ANSA|Keystone|SIPA|Sipa|NurPhoto|ZUMA(?: Press| Wire)?|WENN|REX|Rex Features|Splash News|TASS|Pool|POOL|"
    r"KEYSTONE|Anadolu|Kyodo|Yonhap|East News|Agencja Gazeta|Forum|PAP|Belga|APA|Ritzau|NTB|TT|Lusa|"
    r"Unsplash|Pixabay|Pexels|Wikimedia Commons|Flickr|Handout|dapd|ddp|KNA|epd|Eibner|Sven Simon|Photothek|"
    r"Fotolia|Adobe ?Stock|stock\.adobe\.com|123RF|Depositphotos|Dreamstime|Westend61|Panthermedia"
)
# A capitalised name word; it may hold dots (EPA-EFE, stock.adobe.com) but ends with a dot only as
# an initial, so a sentence end ("World War II. MIKHAIL ...") is never taken into a credit.
_NAME = r"(?:[\p{Lu}\p{N}][\p{L}\p{N}.'’&-]*[\p{L}\p{N}]|\p{Lu}\.?)"
# A slash-separated signature whose parts are capitalised names and one part is an agency.
_SLASH_CREDIT = (
    rf"(?:{_NAME}(?: {_NAME}){{0,3}}\s*/\s*)+(?:{_NAME}(?: {_NAME}){{0,3}})"
)
_PHOTO_WORDS = (
    r"images? source|image|images|photo|photos|photograph|picture|pictures|pic|credit|credits|photo credit|"
    r"foto|fotos|bild|bilder|bildquelle|bildnachweis|quelle|source|fotograf(?:ie)?|"
    r"cr[ée]dits?(?: photo)?|photo credit|fotograf[íi]a|imagen|foto di|immagine|"
    r"zdj[ęe]cie|fot\.|[źz]r[óo]d[łl]o|beeld|afbeelding|foto's"
)

#: Labels that open a credit glued to the end of a caption ("... Bild: X", "... / Źródło: Pixabay").
_CREDIT_LABELS = r"Foto|Fotos|Photo|Photos|Bild|Bilder|Image|Kuva|Quelle|Bildquelle|Źródło|Zdjęcie|Fot\."

RULES: list[Rule] = [
    Rule(
        "CRD001", "credit", "image credit line (photo/source label)",
        rf"(?:{_PHOTO_WORDS})\s*(?::|©|\||-|–)\s*.{{1,150}}",
    ),
    Rule(
        "CRD002", "credit", "image credit line (agency signature)",
        rf"(?:©\s*)?(?:{_SLASH_CREDIT}|(?:{_NAME} ){{0,3}}(?:via |for |/ ?)?(?:{PHOTO_AGENCIES})(?:\s*/\s*\S+)*)",
        case_sensitive=True,
        # A slash signature holds "/", every other credit one of the agencies (tried on every line
        # otherwise: the costliest start-anywhere rule).
        triggers=_AGENCY_TRIGGERS,
    ),
    Rule(
        "CRD003", "credit", "image credit line (copyright sign and a name)",
        r"(?:©|\(c\))\s*(?!\d{4})[^.!?]{1,100}",
    ),
    Rule(
        "CRD004", "credit", "image credit glued to the end of a caption",
        # Group x: the credit after the caption's last sentence or quote; it must name an agency or
        # be a slash signature of capitalised names, or start with a copyright sign or photo label.
        rf"(?:^|(?<=[.!?”\"'’)»]\s*)|(?<=\s))(?P<x>"
        rf"(?:{_NAME}(?: {_NAME}){{0,3}}\s*/\s*)+(?:{_NAME}(?: {_NAME}){{0,3}}\s*/\s*)*(?:{AGENCIES})(?:\s*/\s*{_NAME})*"
        rf"|(?:{_NAME}(?: {_NAME}){{0,3}}\s*/\s*){{2,}}{_NAME}(?: {_NAME}){{0,3}}"
        rf"|(?:©|\(C\))\s*[^©.!?()]{{1,80}}"
        rf"|\((?:{_CREDIT_LABELS})\s*:\s*[^()]{{1,80}}\)"
        # "(mlharing / iStock.com)", "(Fleischmann/Unsplash/DJV)": a stock library named in brackets.
        rf"|\([^()]{{0,60}}(?:{PHOTO_AGENCIES})(?:\.com)?[^()]{{0,40}}\)"
        # "Bild: Gregory Batardon/Theater St . Gallen", "Foto: Timur | flickr | CC BY 2.0": dots only
        # inside names and numbers, never a sentence end.
        rf"|(?:{_CREDIT_LABELS})\s*:\s*(?:[^.!?:]|\.(?=[\p{{N}}\p{{Lu}}])|\s\.\s){{1,80}}"
        # "(Symbolbild)", "Bild via Flickr": the caption says where the picture comes from.
        rf"|\((?:Symbolbild|Symbolfoto|Archivbild|Archivfoto|Illustration|Fotomontage)\)\.?"
        rf"|(?:Bild|Foto|Photo|Image) via [^.!?:]{{1,60}}"
        rf")\s*$",
        scope="span", case_sensitive=True, max_chars=400,
        triggers=("/", "©", "(C)", "Symbol", "Archiv", "(Illustration)", "Fotomontage", "Foto", "Photo", "Bild", "Image", "Kuva", "Quelle", "Źródło", "Zdjęcie",
                  "Shutterstock", "Getty", "iStock", "Unsplash", "Pixabay", "imago", "IMAGO", "picture"),
    ),
    Rule(
        "CAP003", "caption", "figure caption ('Abbildung 2: ...', 'Abb.: ...', 'Figure 3. ...')",
        r"(?:abbildung|abb\.|figure|fig\.)\s*\d{0,3}\s*[.:]\s*.{1,300}",
        max_chars=320,
    ),
    Rule("CAP001", "caption", "text signed by an image credit is a caption", scope="code"),
    Rule("CAP002", "caption", "short line just above a standalone image credit is its caption", scope="code"),
]
