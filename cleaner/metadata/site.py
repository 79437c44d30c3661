"""The site's own names: what a page <title> line is made of, and whether a piece of text names the site.

Every field needs this: the headline is a <title> without the site's name, an author claim that
spells the site is the site speaking, and the publisher is the site's name. One separator pattern
for all of them (`TITLE_SEPARATORS`): "Headline | Site", "Site - Headline", "Headline » Section »
Site", and the unspaced separators of Chinese, Japanese, Korean and Thai titles.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..text.scripts import TITLE_SEPARATOR

#: Separators between the parts of a page title ("Headline | Site", "Site :: Headline", "A -- B").
TITLE_SEPARATORS = regex.compile(r"\s+(?:[|–—•·»:]{1,2}|-{1,2})\s+|" + TITLE_SEPARATOR)
_HOST = regex.compile(r"^(?:[a-z]+://)?([^/:?#]+)", regex.IGNORECASE)
_WORD = regex.compile(r"\w+")


def title_parts(title: str) -> list[str]:
    """The parts of a page title between its separators, stripped, empty ones left out."""
    return [p.strip() for p in TITLE_SEPARATORS.split(title) if p.strip()]


def compact(text: str) -> str:
    """The letters and digits of `text`, case folded (to compare names however they are spaced)."""
    return "".join(filter(str.isalnum, text.casefold()))


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def host_labels(address: str | None) -> list[str]:
    """The labels of an address's host that may name the site ("www.golfpost.de" -> ["golfpost"]):
    four letters or more, not "www" or "blog"."""
    host = _HOST.match(address or "")
    return [lab for lab in (host[1].split(".") if host else []) if len(lab) >= 4 and lab not in ("www", "blog")]


def is_site(text: str, names: Sequence[str], strict: bool = False) -> bool:
    """`text` names the site: it spells one of its names or host labels, or one spells it (`strict`:
    all but a few letters of it, for a headline's first part, "Welpen kaufen" on a site "Welpen")."""
    folded = compact(text)
    if len(folded) < 3:
        return False
    for name in names:
        other = compact(name)
        if len(other) < 3:
            continue
        ratio = min(len(folded), len(other)) / max(len(folded), len(other))
        if folded == other or ((other in folded or folded in other) and ratio >= 0.8):
            return True
        if not strict and (
            (other in folded and len(folded) <= 2 * len(other) + 5)
            or (folded in other and len(folded) >= 0.6 * len(other))
        ):
            return True
    return False


def declared_names(site_name: str | None, ld_publisher: str | None) -> list[str]:
    """The names the page declares for its site: og:site_name and the JSON-LD publisher (when one
    holds separators, "Headline - ZDFmediathek", its parts after the first)."""
    names: list[str] = []
    for name in (site_name, ld_publisher):
        if name:
            parts = title_parts(name)
            names.extend(parts[1:] if len(parts) > 1 else parts)
    return names


_BLOG_ARCHIVE = frozenset(("blog archive", "blog archiv", "blog-archiv"))


def without_site(title: str, names: list[str], hosts: list[str]) -> str:
    """A title claim without the site's name at either end ("Headline | Site", "Site - Headline"):
    parts that spell a site name or a host label at the end, a site name at the start, and parts
    without a letter ("☆☆☆☆☆")."""
    parts = title_parts(title)
    if len(parts) < 2:
        return title.strip()
    kept = list(parts)
    while len(kept) > 1 and (is_site(kept[-1], names + hosts) or not compact(kept[-1])):
        kept.pop()
    while len(kept) > 1 and (is_site(kept[0], names + hosts, strict=True) or not compact(kept[0])):
        kept.pop(0)
    archive = next((i for i, part in enumerate(kept[:-1]) if part.casefold() in _BLOG_ARCHIVE), None)
    if archive is not None:
        kept = kept[archive + 1 :]  # WordPress's old "Site » Blog Archive » Post"
    if len(kept) == len(parts):
        return title.strip()
    return title[title.find(kept[0]) : title.rfind(kept[-1]) + len(kept[-1])].strip()
