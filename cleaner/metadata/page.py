"""The page's description (and, beside it in `metadata.choose`, its canonical address and image):
claims only the markup makes, so HTML mode only.

A site often writes one tagline into every page's <meta name=description> and the page's own
summary into og:description or JSON-LD: the page's own one wins, told apart by sharing words with
the headline (a tagline shares none).
"""

from __future__ import annotations

from .claims import PageClaims
from .site import words

#: Words that say nothing of a page's subject; shared ones do not make a description the page's own.
_SHORT = 3


def _topic_words(text: str) -> set[str]:
    return {w for w in words(text) if len(w) > _SHORT}


def choose_description(claims: PageClaims, title: str | None) -> tuple[str | None, str | None]:
    """(description, its source: "meta" or "json-ld"). <meta name=description> first (og: and
    twitter: descriptions next), the JSON-LD description when the first is a site-wide tagline:
    it shares no word with the headline while the other does."""
    candidates = [(value, source) for value, source in ((claims.meta_description, "meta"),
                                                        (claims.og_description, "meta"),
                                                        (claims.ld_description, "json-ld")) if value]
    if not candidates:
        return None, None
    topic = _topic_words(title or "")
    if topic and not (_topic_words(candidates[0][0]) & topic):
        own = next(((v, s) for v, s in candidates[1:] if _topic_words(v) & topic), None)
        if own is not None:
            return own
    return candidates[0]
