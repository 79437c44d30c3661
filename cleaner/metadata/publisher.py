"""The publisher (site name): the page's claims (`choose_publisher`), or, for text, what the scraped
text itself shows (`find_publisher`).

Text has no `og:site_name`; but a page's text nearly always names its site somewhere, in a few fixed
shapes. In order of trust:
- a source line the labeller already read ("Read Full Article on TheEpochTimes.com", "The Guardian08-05-2025");
- the page title's site part: the first lines of a dump are usually the `<title>`,
  "Headline | Site" / "Site - Headline" / "Headline | Section | Site"; the short side is the site when
  something confirms it (the same name as a line of its own elsewhere, in a copyright line, or in the
  URL's host), or when it is the last part and clearly shorter than the headline;
- a copyright footer with a year or a rights phrase ("© 2024 Riverside Gazette. All rights reserved.");
  a bare "© Name" is an image credit, not a footer;
- the URL's host ("netzpolitik.org") when a URL was given and nothing else names the site.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from ..text.scripts import word_count
from .patterns import PUBLISHER_ARTICLES as _ARTICLES
from .claims import PageClaims
from .site import TITLE_SEPARATORS, compact, host_labels, is_site, title_parts, words

#: `stats["sources"]` names for the places the publisher is found.
PUBLISHER_FROM = {"title": "title line", "copyright": "copyright line", "url": "url", "source line": "source line"}
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|Copyright|&copy;)\s*(?:©\s*)?(?:(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?:by\s+)?(?P<name>[^\W\d_][\w&'’.\- ]{1,60}?)"
    r"(?:,?\s+(?:LLC|Inc|Ltd|Limited|GmbH|AG|SA|S\.A|SE|plc|Corp|Media|KG)\.?)?"
    r"\s*(?:[,|•·]|\.(?!\w)|\ball rights\b|\balle rechte\b|\btous droits\b|\btodos los derechos\b|\bwszelkie prawa\b|$)",
    re.I,
)
_RIGHTS = re.compile(r"all rights|alle rechte|tous droits|todos los derechos|tutti i diritti|wszelkie prawa|rights reserved", re.I)
_NOT_A_NAME = re.compile(r"(?i)^(?:the\s+)?(?:copyright|all|images?|photos?|foto|bild|fotos|getty|imago|dpa|afp|reuters|ap|epa)\b")
_MAX_WORDS = 6


def _letters(text: str) -> str:
    """Letters and digits only, accents folded: 'La Vie des idées' -> 'laviedesidees'."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if ch.isalnum())


def host_label(url: str | None) -> str:
    """'www.theguardian.com' -> 'theguardian.com' ('' without a usable URL)."""
    if not url or "://" not in url:
        return ""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _host_confirms(name: str, host: str) -> bool:
    if not host:
        return False
    site = _letters(host.rsplit(".", 1)[0] if "." in host else host)
    key = _letters(name)
    return bool(key) and len(key) >= 3 and (key in _letters(host) or (len(site) >= 4 and site in key))


def _short(part: str) -> bool:
    return (0 < len(part) <= 60 and len(part.split()) <= _MAX_WORDS and part[:1].isalnum()
            and not part.endswith(("!", "?", ".", ":", ",")))  # "Jetzt entdecken!" is a slogan, not a site


def _from_title(lines: list[str], standalone: set[str], footer: str, host: str, title: str | None) -> str | None:
    for line in lines[:3]:
        if "©" in line or "(c)" in line.lower():
            continue  # an image credit ("© East News | Name"), not the page title
        parts = [p.strip() for p in TITLE_SEPARATORS.split(line) if p.strip()]
        if len(parts) < 2:
            continue
        first, last = parts[0], parts[-1]
        for cand in (last, first):
            if cand == title:
                continue
            if _short(cand) and (cand.casefold() in standalone or cand.casefold() in footer or _host_confirms(cand, host)):
                return cand
        if _short(last) and word_count(last) * 2 <= word_count(" ".join(parts[:-1])):
            return last
    return None


def _from_copyright(lines: list[str]) -> str | None:
    for line in reversed(lines):
        if len(line) > 200 or not ("©" in line or "copyright" in line.lower() or "(c)" in line.lower()):
            continue
        m = _COPYRIGHT.search(line)
        if not m or not (m["year"] or _RIGHTS.search(line)):
            continue
        name = m["name"].strip(" .-'’")
        if _short(name) and not _NOT_A_NAME.match(name) and not name.isdigit():
            return name
    return None


def find_publisher(lines: list[str], url: str | None, title: str | None = None) -> tuple[str, str] | None:
    """(site name, where it came from: 'title', 'copyright' or 'url') from the document's lines."""
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        return None
    host = host_label(url)
    standalone = {line.casefold() for line in lines[5:] if len(line) <= 60}
    footer = " ".join(line.casefold() for line in lines if "©" in line or "copyright" in line.lower())
    found = _from_title(lines, standalone, footer, host, title)
    if found:
        return found, "title"
    found = _from_copyright(lines)
    if found:
        return found, "copyright"
    if host:
        return host, "url"
    return None


def choose_publisher(claims: PageClaims, url: str | None) -> tuple[str, str] | None:
    """(site name, source) from the page's claims: og:site_name ("meta"), else the JSON-LD publisher;
    but the publisher when only it is borne out by the host or the <title>'s ends and og:site_name
    is not (a section's name there: "U.S." on reuters.com)."""
    site, ld = claims.site_name, claims.ld_publisher
    if site and ld and compact(site) != compact(ld):
        parts = title_parts(claims.html_title or "")
        evidence = host_labels(url or claims.canonical) + (parts[:1] + parts[-1:] if len(parts) > 1 else [])
        shared = words(site) & {w for e in evidence for w in words(e)}
        if is_site(ld, evidence, strict=True) and not shared and not is_site(site, evidence):
            return ld, "json-ld"
    if site:
        return site, "meta"
    return (ld, "json-ld") if ld else None


#: A domain's last label (".com", ".co.uk"), left out when the text's spelling of the site is sought.
_TLD = re.compile(r"(?:\.[a-z]{2,6}){1,2}$", re.I)
_CAPITALISED = re.compile(r"[^\W\d_][\w&'’.-]*")
#: Small words a site's name may hold in lower case ("Gazeta do Povo", "Sauvons l'Université").
_PARTICLES = frozenset("de do da dos das del la le les l' of the and und y e et di van von".split())
_SPELLING_LINE = 80


def as_spelled(name: str, lines: list[str]) -> str:
    """The site's name as the text itself writes it: "TheEpochTimes.com" (a source line, the address)
    is "The Epoch Times" where a line says "The Epoch Times Header". A run of up to six capitalised
    words (small particles aside) of a short line whose letters are the name's (without its domain
    ending); else `name` unchanged."""
    if " " in name.strip() or not name.isascii() or not _TLD.search(name.strip()):
        return name  # (only a domain's spelling is in doubt)
    key = _letters(_TLD.sub("", name.strip()))
    if len(key) < 4:
        return name
    for line in lines:
        if len(line) > _SPELLING_LINE or key[:2] not in _letters(line):
            continue
        words = _CAPITALISED.findall(line)
        for start in range(len(words)):
            joined = ""
            for end in range(start, min(len(words), start + 6)):
                joined += _letters(words[end])
                if joined == key and end > start:
                    run = words[start : end + 1]
                    if all(w[0].isupper() or w.casefold() in _PARTICLES for w in run) and run[0][0].isupper():
                        return " ".join(run).rstrip(".,:;")
                    break
                if not key.startswith(joined):
                    break
    return name


#: Second-level labels under which a country registers names ("bbc.co.uk", "bka.gv.at").
_SECOND_LEVEL = frozenset("co com org net gv ac gov edu or ne".split())


def _site_label(url: str | None) -> str:
    """The label a site registered: "advertising.jodel.com" -> "jodel", "www.bbc.co.uk" -> "bbc"."""
    host = (urlsplit(url).hostname or "") if url and "://" in url else ""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else ""


def title_site(claims: PageClaims, url: str | None) -> str | None:
    """The site's name from the page's <title> when the page declares none: the words of its last
    (else first) part that spell the name the site registered ("Managing Python Environments |
    Pluralsight" and "Pluralsight Tech Blog | ..." on pluralsight.com)."""
    parts = title_parts(claims.html_title or "")
    label = compact(_site_label(url or claims.canonical))
    if len(parts) < 2 or len(label) < 3:
        return None
    for part in (parts[-1], parts[0]):
        words_of = part.split()
        for start in range(len(words_of)):
            for end in range(start + 1, min(len(words_of), start + 5) + 1):
                run = " ".join(words_of[start:end])
                if compact(_TLD.sub("", run)) == label:
                    # ("The Times of Israel", "Der Sonntag": the article before the name is the name's)
                    lead = words_of[start - 1] if start and words_of[start - 1].casefold() in _ARTICLES else None
                    return f"{lead} {run}" if lead else run
    return None
