"""class/id vocabulary of HTML mode: words that say what a container is.

A class token or id is split into words at '-', '_' and digits ("c-article-tags" -> c, article,
tags); a vocabulary entry matches one word, or two or three adjacent words written together
("most-read" matches "most-read", "most_read" and "mostread"); an entry ending in '*' matches any
word that starts with it. Looking words up in a dict costs far less than running regexes over every
class string of a page, and the words are data that can be read and extended.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: family -> words. The first family in this order wins when the labelling must pick one.
FAMILIES: dict[str, tuple[str, ...]] = {
    "cookie": ("cookie", "cookies", "consent", "gdpr", "cmp", "didomi", "onetrust", "cookiebanner",
               "cookie-notice", "privacy-banner"),
    "comment": ("comment", "comments", "commentlist", "comment-list", "disqus", "respond", "kommentar",
                "kommentare", "leserkommentar", "leserkommentare", "discussion"),
    "related": ("related", "relatedposts", "recommend*", "more-stories", "more-articles", "also-read",
                "read-next", "outbrain", "taboola", "plista", "trending", "popular", "most-read", "meistgelesen*",
                "teaser-list", "empfehlung*", "weiterlesen", "further-reading"),
    "share": ("share", "sharing", "shares", "social", "socials", "sharer", "shariff", "addthis", "sociable",
              "follow-us", "socialmedia"),
    "newsletter": ("newsletter", "subscribe", "subscription", "signup", "sign-up", "paywall", "abo",
                   "abonnement", "registration"),
    "promo": ("promo", "promotion", "promoted", "cta", "donate", "donation", "app-banner", "spendenaufruf"),
    "advert": ("ad", "ads", "advert*", "adslot", "adunit", "ad-container", "ad-wrapper", "sponsor*", "werbung",
               "anzeige", "anzeigen", "dfp", "gpt", "banner", "adsense", "commercial"),
    "nav": ("nav", "navbar", "navigation", "menu", "menue", "breadcrumb", "breadcrumbs", "pagination", "pager",
            "skip-link", "skip-links", "toolbar", "topbar"),
    "footer": ("footer", "site-info", "copyright", "colophon", "imprint", "impressum"),
    "sidebar": ("sidebar", "side-bar", "widget-area", "widgets", "rail", "marginal"),
    "masthead": ("masthead", "site-header", "page-header", "top-header", "branding", "logo"),
    "caption": ("caption", "figcaption", "bildunterschrift", "credit", "credits", "photo-credit", "image-credit"),
    "byline": ("byline", "author", "autor", "author-info", "meta-author"),
    "tags": ("tags", "tag-list", "tagcloud", "keywords", "schlagworte", "categories"),
    "hidden": ("sr-only", "visually-hidden", "screen-reader-text", "screenreader", "element-invisible"),
}
#: Words that say "this is the article body".
MAIN_WORDS: tuple[str, ...] = (
    "article-body", "article-text", "article-content", "entry-content", "post-content", "post-body",
    "post-entry", "story-body", "story-content", "content-body", "text-content", "main-content",
    "artikel-text", "article-main", "body-text", "rich-text", "page-content", "single-content", "td-post-content",
)
#: Class tokens that describe the page or the post, not a box: "no-sidebar", "has-comments",
#: "node-promoted", "category-social", "elementor-widget-wrap".
NOT_A_BOX = re.compile(
    r"^(?:no|one|two|three|has|with|without|is|node|elementor|wpb|vc|tag|category|format|post|single|page-template)[-_]"
)

_SPLIT = re.compile(r"[-_\d]+")
_EXACT: dict[str, str] = {}
_PREFIX: list[tuple[str, str]] = []
for _family, _words in FAMILIES.items():
    for _word in _words:
        if _word.endswith("*"):
            _PREFIX.append((_word[:-1], _family))
        else:
            _EXACT.setdefault(_word.replace("-", ""), _family)
_MAIN = frozenset(w.replace("-", "") for w in MAIN_WORDS)
#: Every single word that occurs in an entry: a token with none of them (and no prefix) names nothing.
_ATOMS = frozenset(
    part for words in (*FAMILIES.values(), MAIN_WORDS) for w in words for part in w.rstrip("*").split("-") if part
)
_PREFIX_STARTS = tuple(p for p, _ in _PREFIX)
#: A word of a token (after a separator, or at its start) that begins with a prefix entry: one search
#: in C instead of a test per word.
_PREFIX_WORD = re.compile(r"(?:^|[-_\d])(?:" + "|".join(map(re.escape, _PREFIX_STARTS)) + ")")


def _candidates(words: list[str]) -> list[str]:
    """The words of a token (split at `_SPLIT`) and each two or three adjacent ones written together."""
    parts = [p for p in words if p]
    out = list(parts)
    for i in range(len(parts) - 1):
        out.append(parts[i] + parts[i + 1])
        if i + 2 < len(parts):
            out.append(parts[i] + parts[i + 1] + parts[i + 2])
    return out


#: Hints of one lowercased class token or id: most tokens ("col", "row", "wrapper") name nothing, and
#: tokens repeat far more often than whole class attributes, within a page and across pages.
_TOKEN_HINTS: dict[str, tuple[frozenset[str], bool]] = {}
_NOTHING: tuple[frozenset[str], bool] = (frozenset(), False)
#: Bound on the token cache (it is cleared when full; the values are cheap to recompute).
_TOKEN_CACHE_MAX = 50_000


#: Prefixes of a component's class that name the kind of thing, not what it holds: Adobe Experience
#: Manager's core components ("cmp-container", "cmp-text") and Open Journal Systems' templates
#: ("cmp_notification", "cmp_breadcrumbs"). Elsewhere "cmp" is a consent platform ("usercentrics-cmp").
_COMPONENT_PREFIXES = ("cmp-", "cmp_")


def _token_hints(token: str) -> tuple[frozenset[str], bool]:
    """(families, names the article body) of one token."""
    if len(token) > 60:
        return _NOTHING
    if token.startswith(_COMPONENT_PREFIXES):
        token = token[4:]
    words = _SPLIT.split(token)
    if (_ATOMS.isdisjoint(words) and _PREFIX_WORD.search(token) is None) or NOT_A_BOX.match(token):
        return _NOTHING  # no word of the vocabulary in it ("col", "row", "wrapper")
    found: set[str] = set()
    is_main = False
    for word in _candidates(words):
        family = _EXACT.get(word)
        if family is not None:
            found.add(family)
        elif word in _MAIN:
            is_main = True
        elif word.startswith(_PREFIX_STARTS):
            found.update(f for p, f in _PREFIX if word.startswith(p))
    return (frozenset(found), is_main) if found or is_main else _NOTHING


@lru_cache(maxsize=8192)
def read_hints(cls: str | None, ident: str | None) -> tuple[frozenset[str], bool]:
    """(hint families, says "article body") named by a class attribute and an id.

    A pure function of two strings, cached, and built from cached per-token answers."""
    found: frozenset[str] = frozenset()
    is_main = False
    cache = _TOKEN_HINTS
    for token in f"{cls or ''} {ident or ''}".lower().split():
        hit = cache.get(token)
        if hit is None:
            if len(cache) >= _TOKEN_CACHE_MAX:
                cache.clear()
            hit = cache[token] = _token_hints(token)
        if hit is not _NOTHING:
            found |= hit[0]
            is_main = is_main or hit[1]
    if is_main and "comment" in found:
        found = found - {"comment"}
    return found, is_main
