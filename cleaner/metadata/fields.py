"""The Article fields beyond the body and the headline metadata, chosen once the labelling is done.

- `datetime` / `date_modified`: the publication and last-modified dates, as precisely as the page
  gives them (`datetimes.py`);
- `tags`, `section`, `license`: the page's claims in HTML mode (`html/fields.py`), else the lines the
  rules removed for saying them ("Tags: a, b", "Posted in X", "This work is licensed under ...");
- `links`: HTML mode, the hrefs of the links inside the kept body blocks, made absolute;
- `comments`: the text of the comment thread the labelling removed.
Each value's origin goes to `stats["sources"]`.
"""

from __future__ import annotations

import html as html_lib
from typing import Any, Callable, Iterable
from urllib.parse import urljoin, urlsplit

import regex

from ..article import Removal, collapse_spaces
from ..text.document import Document
from ..text.scripts import ANY as ANY_SCRIPT
from . import date_lines
from .dates import has_time, iso_datetime, line_datetime

#: At most this many links are kept per article (a link farm is no article's business).
MAX_LINKS = 100
#: Comment text kept per article, in characters (a thread of thousands of comments is cut there).
MAX_COMMENT_CHARS = 100_000

# -- licences ---------------------------------------------------------------------------------
_CC_URL = regex.compile(
    r"creativecommons\.org/(?:licenses/(?P<kind>[a-z-]+)/(?P<version>\d(?:\.\d)?)?|publicdomain/(?P<pd>zero|mark)/(?P<pdv>\d\.\d)?)",
    regex.IGNORECASE,
)
_CC_TEXT = regex.compile(
    r"\b(?:CC[- ]?(?P<short>BY(?:[- ](?:NC|SA|ND)){0,2}|0)|Creative[- ]Commons(?P<long>(?:[- ](?:Attribution|Namensnennung|"
    r"NonCommercial|Non-Commercial|Nicht[- ]?kommerziell|ShareAlike|Share-Alike|Weitergabe unter gleichen Bedingungen|"
    r"NoDerivatives|NoDerivs|Keine Bearbeitungen?|Zero|CC0))*))(?:\s+(?:License|Lizenz|Licence)?\s*)?"
    r"(?:\s*(?P<version>\d\.\d))?",
    regex.IGNORECASE,
)
_LONG_PARTS = (("attribution", "BY"), ("namensnennung", "BY"), ("noncommercial", "NC"), ("non-commercial", "NC"),
               ("nicht", "NC"), ("sharealike", "SA"), ("share-alike", "SA"), ("weitergabe", "SA"),
               ("noderiv", "ND"), ("keine bearbeitung", "ND"))
_LICENSED_UNDER = regex.compile(r"(?:licen[cs]ed under|unter (?:der|einer) lizenz|sous licence|bajo (?:la )?licencia)\s+"
                                r"(?:the |a |an |der |die |la |une? )?(?P<name>[^.;()]{3,80})", regex.IGNORECASE)


def licence_name(value: str | None) -> str | None:
    """A licence as people name it: Creative Commons links and phrases as "CC BY-SA 4.0" / "CC0 1.0",
    other claims as given ("https://opensource.org/licenses/MIT", "GNU Free Documentation License")."""
    if not value or not value.strip():
        return None
    value = value.strip()
    m = _CC_URL.search(value)
    if m:
        if m["pd"]:
            return ("CC0" if m["pd"].lower() == "zero" else "Public Domain Mark") + (f" {m['pdv']}" if m["pdv"] else "")
        return f"CC {m['kind'].upper()}" + (f" {m['version']}" if m["version"] else "")
    m = _CC_TEXT.search(value)
    if m:
        if m["short"]:
            parts = m["short"].upper().replace(" ", "-")
            name = "CC0" if parts == "0" else f"CC {parts}"
        else:
            long = (m["long"] or "").lower()
            if "zero" in long or "cc0" in long:
                name = "CC0"
            else:
                codes: list[str] = []
                for word, code in _LONG_PARTS:
                    if word in long and code not in codes:
                        codes.append(code)
                if not codes:
                    return "Creative Commons"
                name = "CC " + "-".join(codes)
        return name + (f" {m['version']}" if m["version"] else "")
    m = _LICENSED_UNDER.search(value)
    if m:
        return m["name"].strip()
    return value if len(value) <= 200 else None


# -- tags and sections from text lines --------------------------------------------------------
_TAG_LABEL = regex.compile(
    r"(?:^|\|\s*|\b(?:and|und|et|y|e)\s+)(?:(?:tagged|getaggt|verschlagwortet)(?: (?:with|mit))?|tags?|schlagw[öo]rter|"
    r"stichw[öo]rter|themen|keywords|mots[- ]cl[ée]s|[ée]tiquettes|etiquetas|parole chiave|tagi|标签|標籤|关键词|關鍵詞|关键字|"
    r"タグ|キーワード|태그|키워드|แท็ก|คำค้น)(?:\b|(?<=\P{Latin}))\s*[:：]?\s*",
    regex.IGNORECASE,
)
_SECTION_LABEL = regex.compile(
    r"(?:^|\|\s*|\b)(?:posted in|filed (?:in|under)|published in|kategorien?|categories|category|ver[öo]ffentlicht in|"
    r"abgelegt unter|kategorisiert in|rubrik|rubrique|cat[ée]gories?|categor[íi]as?|分类|分類|栏目|欄目|频道|カテゴリー?|"
    r"카테고리|분류|หมวดหมู่)\s*[:：]?\s*",
    regex.IGNORECASE,
)
#: Where a list of tags or sections ends: the next label, a bar, "Bookmark the permalink".
_LIST_END = regex.compile(
    r"\s+\|\s+|\s+(?:and|und|et) (?:tagged|getaggt|verschlagwortet)|\.\s+bookmark|\s+bookmark the|"
    r"\s+(?:am|on|von|by|le|par|el|por)\s+(?=\d|\p{Lu})", regex.IGNORECASE)
#: Between terms: commas and the like, a colon after a term, and "and" before the last one.
_TERM_SPLIT = regex.compile(r"\s*[,;、，·•/：]\s*|(?<=\S):\s+|\s+(?:and|und|et|y|e)\s+(?=[^,]+$)")
#: Rules whose lines list tags or categories.
LIST_RULES = frozenset({"NAV003", "NAV005", "HTM015"})


def _after_label(text: str, label: regex.Pattern[str]) -> list[str]:
    m = label.search(text)
    if m is None:
        return []
    rest = text[m.end():]
    end = _LIST_END.search(rest)
    if end:
        rest = rest[: end.start()]
    if label is _SECTION_LABEL:
        tag = _TAG_LABEL.search(rest)
        rest = rest[: tag.start()] if tag else rest
    pieces = [t.strip(" .:：") for t in _TERM_SPLIT.split(rest.strip(" .:："))]
    if len(pieces) == 1 and not rest.isascii() and ANY_SCRIPT.search(rest):
        pieces = rest.split()  # "标签：西湖 旅游 预约": CJK tags are set apart by spaces
    return terms([t for t in pieces if t])


def text_lists(doc: Document) -> tuple[list[str], list[str]]:
    """(tags, sections) read from the lines the rules removed for listing them."""
    tags: list[str] = []
    sections: list[str] = []
    for i, verdict in enumerate(doc.verdicts):
        if verdict is None or verdict.rule not in LIST_RULES:
            continue
        text = doc.segments[i].text
        if not tags:
            tags = _after_label(text, _TAG_LABEL)
        if not sections:
            sections = _after_label(text, _SECTION_LABEL)
    return tags, sections


def text_licence(doc: Document, removed: Iterable[Removal]) -> str | None:
    """The licence a legal line names ("This work is licensed under a Creative Commons ...")."""
    for r in removed:
        if r.label == "legal" and r.rule in ("LEG004", "LEG003", "LEG002") and (
            "icen" in r.text or "izenz" in r.text or "reative" in r.text or "CC" in r.text
        ):
            name = licence_name(r.text)
            if name and name != r.text:
                return name
    return None


# -- modified date from text lines -------------------------------------------------------------
_UPDATED = regex.compile(
    r"\b(?:(?:last )?updated|last modified|modified|(?:zuletzt )?aktualisiert|(?:zuletzt )?ge[äa]ndert|stand|"
    r"mis [àa] jour|actualizado|actualizaci[óo]n|aggiornato|atualizado|bijgewerkt|zaktualizowano)\b\s*:?|"
    r"(?:更新时间|更新時間|更新于|更新日|更新|수정|업데이트|อัปเดต)\s*[:：]?",
    regex.IGNORECASE,
)


def text_modified(doc: Document, order: str) -> tuple[str | None, int | None]:
    """(the date an "Updated ..." date line gives, its segment) in its most precise form."""
    for i, verdict in enumerate(doc.verdicts):
        if verdict is None or verdict.rule not in ("MET001", "MET002"):
            continue
        text = doc.segments[i].text
        m = _UPDATED.search(text)
        if m is None:
            continue
        hit = date_lines.find_date(text[m.end():], order)
        if hit is not None:
            return line_datetime(text[m.end():], hit.iso), i
    return None, None


# -- dates -------------------------------------------------------------------------------------
def html_modified(page_meta: dict[str, Any], zone: str | None) -> tuple[str | None, str | None]:
    """(last-modified date, its source) from JSON-LD dateModified or the modified-time meta tags."""
    claims = page_meta.get("fields") or {}
    for key, source in (("ld_modified", "json-ld"), ("meta_modified", "meta")):
        stamp = iso_datetime(claims.get(key), zone)
        if stamp:
            return stamp, source
    return None, None


# -- links ---------------------------------------------------------------------------------------
def body_links(doc: Document, base: str | None) -> list[str]:
    """The absolute http(s) addresses of the links inside the kept body blocks, in order, each once
    (at most MAX_LINKS); links to a place on the same page ("#top") are left out."""
    hrefs = doc.hrefs
    if not hrefs:
        return []
    page = urlsplit(base or "")
    links: list[str] = []
    seen: set[str] = set()
    verdicts = doc.verdicts
    for index, href in hrefs:
        if index >= len(verdicts) or verdicts[index] is not None:
            continue
        href = href.strip()
        if not href or href.startswith("#") or href.lower().startswith(("javascript:", "mailto:", "tel:", "data:")):
            continue
        absolute = urljoin(base, href) if base else href
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        if parts.fragment and parts._replace(fragment="") == page._replace(fragment=""):
            continue
        if absolute not in seen:
            seen.add(absolute)
            links.append(absolute)
            if len(links) >= MAX_LINKS:
                break
    return links


# -- tags and sections ----------------------------------------------------------------------------
#: At most this many tags or sections are kept (a keywords tag can hold hundreds of SEO terms).
MAX_TERMS = 30
_SPLIT_TERMS = regex.compile(r"\s*[,;|]\s*")


def terms(value: Any) -> list[str]:
    """Tags or sections from a claim: a list, or one string separated by commas, semicolons or bars;
    whitespace collapsed, entities decoded, duplicates (ignoring case) dropped, at most MAX_TERMS."""
    values = value if isinstance(value, list) else [value]
    out: list[str] = []
    seen: set[str] = set()
    for v in values:
        if isinstance(v, dict):
            v = v.get("name")
        if not isinstance(v, str):
            continue
        for part in _SPLIT_TERMS.split(html_lib.unescape(v)):
            part = collapse_spaces(part).strip(" #\"'")
            key = part.casefold()
            if part and len(part) <= 80 and key not in seen:
                seen.add(key)
                out.append(part)
                if len(out) >= MAX_TERMS:
                    return out
    return out



# -- comments ------------------------------------------------------------------------------------
#: Comment rules whose segments are the comments themselves (the opener "3 Comments" and the form's
#: prompts, COM001/COM002, are the thread's chrome).
_COMMENT_RULES = frozenset({"COM003", "HTM007"})


def may_have_comments(doc: Document, fired: Iterable[str]) -> bool:
    """Whether `comment_text` can find anything: a comment rule fired (`fired`: the rule ids of the
    ledger), or a comment-section opener stands among the markers. A cheap test first."""
    return not _COMMENT_RULES.isdisjoint(fired) or any(rule.startswith("COM") for _, rule in doc.markers)


def comment_text(doc: Document, read_container: Callable[[Any, int], list[str]] | None = None) -> str | None:
    """The removed comment thread's text, one paragraph per line (None when the page has none): the
    segments of a thread found from its headers (COM003), an HTML comment container (HTM007), and the
    lines a comment-section opener (COM001, COM004) took with it (REL002 after it). HTML mode passes
    `read_container` (`html.fields.paragraphs`: a container's paragraphs, up to a number of
    characters), since an HTM007 container was read as one collapsed segment."""
    openers = sorted((i, rule) for i, rule in doc.markers if rule.startswith("COM") or rule.startswith("REL"))
    in_comments = False
    k = 0
    paragraphs_: list[str] = []
    total = 0
    blocks = doc.blocks
    for i, verdict in enumerate(doc.verdicts):
        while k < len(openers) and openers[k][0] <= i:
            in_comments = openers[k][1].startswith("COM")
            k += 1
        if verdict is None:
            continue
        if verdict.rule in _COMMENT_RULES or (in_comments and verdict.rule == "REL002"):
            node = blocks[i].node if read_container and verdict.rule == "HTM007" and i < len(blocks) else None
            found = read_container(node, MAX_COMMENT_CHARS - total) if read_container and node is not None \
                else [doc.segments[i].text]
            paragraphs_.extend(found)
            total += sum(map(len, found))
            if total >= MAX_COMMENT_CHARS:
                break
    return "\n\n".join(paragraphs_)[:MAX_COMMENT_CHARS] if paragraphs_ else None
