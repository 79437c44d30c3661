"""The headline: the page's claims (<h1>, og:title, JSON-LD headline, <title>) weighed against each other.

HTML mode asks `page_headline` twice: when labelling (the <h1> it names is the body's headline line,
`html.labels.fix_title`) and at assembly (`metadata.choose`). Text mode finds its headline among the
lines (`metadata.titles`); the precedence between the two is `metadata.choose.TITLE_PRECEDENCE`.
"""

from __future__ import annotations

import regex

from ..article import collapse_spaces
from .claims import PageClaims
from .site import compact, declared_names, host_labels, is_site, title_parts, without_site, words


def _title_core(title: str, names: list[str], hosts: list[str]) -> str:
    """The headline part of the <title>: without the site's name, and of several parts the first
    (the others are sections and the site), unless it is short and another is long."""
    parts = title_parts(without_site(title, names, hosts))
    if len(parts) < 2:
        return without_site(title, names, hosts)
    return max(parts, key=len) if len(parts[0]) < 12 else parts[0]


def _site_banner(h1: str, site_parts: list[str], claims: list[str]) -> bool:
    """An <h1> that is the site's header: it opens with the site's part of the <title> and agrees
    with no headline claim ("ProNATs e.V. Verein zur Unterstützung ..." over "Kinder und Arbeit »
    ProNATs e.V.")."""
    folded = h1.casefold()
    return any(folded.startswith(part.casefold() + " ") for part in site_parts) and not any(
        _agrees(h1, claim) for claim in claims if claim)


def _agrees(h1: str, reference: str) -> bool:
    """Most words of the <h1> are in the claim, and more than one word or most of the claim's."""
    mine, ref = words(h1), words(reference)
    if not mine or not ref:
        return False
    common = len(mine & ref)
    return common >= 0.5 * len(mine) and (common >= 2 or common >= 0.5 * len(ref))


def _without_kicker(h1: str, reference: str) -> str:
    """The <h1> without a kicker glued before the headline ("Immobilienkrise Rene Benko-Firma ..."
    when the page's claims say "Rene Benko-Firma ..."): the <h1>'s own spelling of the claim."""
    tail = compact(reference)
    if not tail or compact(h1) == tail or not compact(h1).endswith(tail):
        return h1
    count = 0
    for k in range(len(h1) - 1, -1, -1):
        if h1[k].isalnum() or compact(h1[k]):
            count += len(compact(h1[k]))
            if count >= len(tail):
                while k > 0 and h1[k - 1] in _OPENING_MARKS:  # the headline's opening quote is its own
                    k -= 1
                return h1[k:].strip()
    return h1


#: Quote marks and brackets that open a headline ('"Wir dekorieren ... um"' keeps both its quotes).
_OPENING_MARKS = frozenset("\"'„“”«»‚‘’(¿¡[")
#: Where a claim separates a kicker from its headline ("Kicker: Headline", "Kicker - Headline").
_KICKER_SEPARATOR = regex.compile(r":\s+|\s+[|–—·»:-]\s+|\s+-{1,2}\s+")


def _without_glued_kicker(h1: str, reference: str) -> str:
    """The <h1> without a kicker set apart only by its markup ("Einheit der Woche Lagen-Pyramide mit
    GA2" when the claim says "Einheit der Woche | Lagen-Pyramide mit GA2"): the same letters as the
    claim, which puts one separator between kicker and headline; the <h1> shows none."""
    separators = list(_KICKER_SEPARATOR.finditer(reference))
    if len(separators) != 1 or _KICKER_SEPARATOR.search(h1) or compact(h1) != compact(reference):
        return h1
    headline = reference[separators[0].end() :]
    return _without_kicker(h1, headline) if len(compact(headline)) >= 10 else h1


#: What may follow the headline inside an <h1> without being part of it: a bar or bullet (the site's
#: name, "| FASSETTE.NET") or a date ("02.02.2022 • Verband, Presse").
_H1_TAIL = regex.compile(r"\s*(?:[|•·]|\d{1,2}\.\d{1,2}\.\d{2,4})")


def _without_tail(h1: str, reference: str) -> str:
    """The <h1> without what its markup put after the headline the claims name ("Headline | Site",
    "Headline 02.02.2022 • Section"): the <h1>'s own spelling of the claim."""
    head = compact(reference)
    if len(head) < 10 or not compact(h1).startswith(head) or compact(h1) == head:
        return h1
    count = 0
    for k, ch in enumerate(h1):
        count += len(compact(ch))
        if count >= len(head):
            return h1[: k + 1].strip() if _H1_TAIL.match(h1, k + 1) else h1
    return h1


def _uncut(claim: str | None, html_title: str) -> str | None:
    """A claim cut at a quote mark by the page's own markup (content="Biden de "incapacitado"" ends
    at the second quote) is the <title> it begins, when the <title> goes on with that quote mark."""
    if not claim or not html_title:
        return claim
    claim = claim.rstrip()
    if len(claim) >= 10 and html_title.startswith(claim) and html_title[len(claim):].lstrip()[:1] in "\"'":
        return html_title
    return claim


def page_headline(claims: PageClaims, url: str | None = None) -> tuple[str | None, str | None]:
    """The visible headline from the page's claims and where it came from ("h1", "og:title",
    "json-ld", "title tag"): an <h1> that agrees with the page's title claims (og:title, JSON-LD
    headline, <title>) and is not the site's name; else the og:title / JSON-LD headline; else the
    <title>; site names are taken off the claims. (None, None) when the page claims none."""
    hosts = host_labels(url or claims.canonical)
    declared = [n for n in declared_names(claims.site_name, claims.ld_publisher) if n not in hosts]
    everything = declared + hosts
    html_title = claims.html_title or ""
    # An <h1> that names the site: a site name, a host label, or the last part of the <title> when
    # that part is not its longest ("Headline | DimidoBlog").
    parts = title_parts(html_title)
    last = parts[-1].casefold() if len(parts) > 1 and len(parts[-1]) < max(map(len, parts)) else None
    h1s = [
        h for h in claims.h1
        if not is_site(h, everything) and h.casefold() != last and "{" not in h and not h.startswith(".")
    ]
    said = [(_uncut(claims.og_title, html_title), "og:title"), (claims.ld_headline, "json-ld")]
    full_names = {compact(n) for n in (claims.site_name, claims.ld_publisher) if n}
    sourced = [
        (without_site(collapse_spaces(c), declared, hosts), source)
        for c, source in said
        if c and not is_site(c, everything) and compact(c) not in full_names
    ]
    references = [reference for reference, _ in sourced]
    core = _title_core(html_title, declared, hosts) if html_title else ""
    banners = [p for p in parts if len(parts) > 1 and is_site(p, everything)]
    h1s = [h for h in h1s if not _site_banner(h, banners, [*references, core])]
    for reference in references:
        for h in h1s:
            if _agrees(h, reference):
                return _without_tail(_without_glued_kicker(_without_kicker(h, reference), reference), reference), "h1"
    if not references and core:
        # (the <title> is cut at its separators: a kicker there is no kicker in the <h1>)
        for h in h1s:
            if _agrees(h, core):
                return h, "h1"
        # An <h1> spelled exactly as the <title>'s headline is it, though it looks like the site's
        # name ("Axios Future" on axios.com, after <h1>s "Sections", "About").
        if any(h.casefold() == core.casefold() for h in claims.h1):
            return core, "h1"
    if len(h1s) == 1 and len(claims.h1) == 1 and len(h1s[0].split()) >= 3:
        # One <h1> on the page, the visible headline, though the claims for sharing say otherwise.
        return h1s[0], "h1"
    if core and all(source == "json-ld" for _, source in sourced) and not any(_agrees(r, core) for r in references):
        # JSON-LD, the only claim, says something else than <title> and <h1> both (a "headline" that
        # is a description, "constitutional monarchy in Oceania" for "New Zealand"): the visible one.
        for h in h1s:
            if _agrees(h, core):
                return h, "h1"
    if sourced:
        return sourced[0]
    if h1s:
        return h1s[0], "h1"
    if core:
        return core, "title tag"
    return None, None


