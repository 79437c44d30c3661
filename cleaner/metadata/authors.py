"""The authors: the page's author claims (JSON-LD, <meta>, byline elements, the site's owner) and the
bylines the text stages found, and the one rule that picks among them (`choose_authors`).

The byline finders that read one line live in `metadata.byline_lines`; the stage that picks the byline
nearest the headline once the article's extent is known is `choose_author` (below). The precedence
between the sources is `metadata.choose.AUTHOR_PRECEDENCE`.
"""

from __future__ import annotations

import bisect
import itertools

import regex

from ..rules import RuleSet
from ..rules.pipeline_rules import EXTENT_RULES
from ..scoring.features import best_run
from ..text.document import Document
from . import byline_lines, date_lines
from .patterns import MONTHS
from .claims import PageClaims
from .site import compact, declared_names, host_labels, is_site, title_parts

_BY_PREFIX = regex.compile(r"^(?:by|von|par|por|di|door|przez|autor(?:in)?|author|text|written by)\s*:?\s+", regex.IGNORECASE)
_TRAILING = regex.compile(r"(?:[,|·–-]\s*)?(?:\b(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\b\.?,?\s*)?\d.*$|\s+(?:am|on|le|el|il)\s*$", regex.IGNORECASE)


def clean_author(name: str) -> str:
    """A name without "By"/"Von" before it and without a date or time after it."""
    name = _TRAILING.sub("", _BY_PREFIX.sub("", name))
    hit = date_lines.find_date(name)
    if hit is not None:
        name = name[: hit.start]
    return name.strip(" ,;|·-–")


_DOMAIN = regex.compile(r"\b[\w-]+\.(?:de|at|ch|com|org|net|fr|es|it|pl|nl|be|eu|info|co|uk|io)\b", regex.IGNORECASE)
#: Author claims that name no person: placeholders and content-system accounts.
_NO_PERSON = frozenset("no author|unknown|admin|administrator|wordpressadmin|webmaster|google|editor|author|"
                       "autor|autorin|auteur|beitrag|drupal|wordpress".split("|"))


#: Words that make a name an organisation's, not a person's (in the languages of `patterns`): a
#: claim naming the publisher or a newsroom yields to a byline naming people ("Condé Nast", "ABC News").
_ORGANISATION = frozenset(
    "news media nast inc ltd llc gmbh ag kg verlag verlagsgruppe group gruppe press presse agency agentur "
    "network netzwerk magazine magazin zeitung illustrierte publishing editions éditions edizioni ediciones "
    "broadcasting corporation company institut institute instituto istituto landesanstalt anstalt verband verein "
    "stiftung foundation fondation fundación universität university université universidad ministerium ministry "
    "ministère ministerio".split())
#: Words of a label or a menu taken for a name ("ORCID Profile", "View ORCID Profile", "Saved Studies",
#: "About Us", "Rootline Navigation"): never a person's.
_LABEL = frozenset(
    "orcid profile profil view saved studies about us contact kontakt impressum imprint navigation menü "
    "bereich guide lexikon support subscribe abonnieren login newsletter sections section rubrik "
    "entertainment sport sports weather wetter".split())
#: A user name: one token of lower-case letters, digits and . _ - ("mikecason", "robert.stitz").
_SLUG = regex.compile(r"[\p{Ll}\d][\p{Ll}\d._-]{2,40}")


def organisation(name: str) -> bool:
    """A name with a word that only organisations carry (`_ORGANISATION`)."""
    return any(w in _ORGANISATION for w in byline_lines.LETTERS.findall(name.casefold()))


def label_name(name: str) -> bool:
    """A label or menu entry taken for a name (`_LABEL`)."""
    return any(w in _LABEL for w in byline_lines.LETTERS.findall(name.casefold()))


def slug(name: str) -> bool:
    return _SLUG.fullmatch(name.strip()) is not None


def reorder(names: list[str]) -> list[str]:
    """A claim written "Last, First" ("Gillman, Steve") as the name is said: two single capitalised
    words around the one comma of one claim, neither an agency or a degree ("Rob Picheta, CNN" stays).
    Two names the claim gives apart stay two authors."""
    if len(names) != 1:
        return names
    parts = [p.strip() for p in names[0].split(",")]
    if len(parts) == 2 and all(len(n.split()) == 1 and n[:1].isupper() and not n.isupper() for n in parts) \
            and not any(n.casefold().strip(".") in byline_lines.NOT_AUTHORS for n in parts):
        return [f"{parts[1]} {parts[0]}"]
    return names


def _not_a_person(name: str, sites: list[str]) -> bool:
    """An author claim that is the site speaking: its name, a domain ("LAOLA1.at"), an address, a
    placeholder ("No Author"), an organisation, or a user name."""
    name = name.strip()
    return (
        not name
        or name.startswith("http")
        or name.casefold() in _NO_PERSON
        or _DOMAIN.search(name) is not None
        or is_site(name, sites, strict=True)
        or organisation(name)
        or slug(name)
    )


#: What marks a site's name as a person's: a title before it ("Dr. Alexander Klier") or an initial
#: ("C.Habermueller"). Two capitalised words alone do not ("Golf Post" on golfpost.de).
_PERSON_NAME = regex.compile(r"\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3}")
_HONORIFIC = regex.compile(rf"^(?:dr|prof|mag|dipl\.-ing)\.?\s+(?=(?-i:{_PERSON_NAME.pattern})$)", regex.IGNORECASE)
_INITIAL_NAME = regex.compile(r"\p{Lu}\.\s?\p{Lu}\p{Ll}+")


def _owner_name(candidate: str, is_person: bool) -> str | None:
    """`candidate` as a person's name when it is marked as one (see `_HONORIFIC`), or when it comes
    from a JSON-LD Person (`is_person`)."""
    candidate = candidate.strip()
    titled = _HONORIFIC.match(candidate)
    if titled:
        return candidate[titled.end():]
    if _INITIAL_NAME.fullmatch(candidate) or (is_person and _PERSON_NAME.fullmatch(candidate)):
        return candidate
    return None


def _site_owner(claims: PageClaims, url: str | None) -> list[str]:
    """The person a personal site is named after: its name (og:site_name, JSON-LD publisher, the
    <title>'s last part) is a person's name that the host spells ("Dr. Alexander Klier" on
    alexander-klier.net, "C.Habermueller" on chabermu.wordpress.com), or a JSON-LD Person whose
    first or last name is the host ("Helge Fahrnberger" on helge.at)."""
    labels = host_labels(url or claims.canonical)
    if not labels:
        return []
    host = compact(labels[0])
    parts = title_parts(claims.html_title or "")
    named = [claims.site_name, claims.ld_publisher, *(parts[-1:] if len(parts) > 1 else [])]
    for candidate, is_person in [*((c, False) for c in named), *((c, True) for c in claims.ld_people)]:
        name = _owner_name(candidate or "", is_person)
        if not name:
            continue
        folded, name_words = compact(name), [compact(w) for w in regex.split(r"[\s.-]+", name) if w]
        if folded == host or (len(host) >= 6 and folded.startswith(host)) or (
                is_person and host in (name_words[0], name_words[-1])):
            return [name]
    return []


def author_claims(claims: PageClaims, url: str | None) -> dict[str, list[str]]:
    """The page's author claims by source, cleaned of the words around the names: "json-ld", "json-ld
    login" (the byline element's real name when JSON-LD gives only login names, "arianschlichenmayer"),
    "meta", "byline element", "site owner" (see `_site_owner`) and "json-ld organization"."""
    ld = list(claims.ld_authors)
    dom = claims.dom_authors[0] if claims.dom_authors else None
    out: dict[str, list[str]] = {}
    if ld and dom and " " in dom and all(" " not in a and a.islower() for a in ld):
        out["json-ld login"] = [dom]
    elif ld:
        out["json-ld"] = [n for a in ld for n in reorder(byline_lines.person_names(a))]
    author = claims.meta_author
    if author and not author.startswith("http"):
        out["meta"] = reorder(byline_lines.person_names(clean_author(author)))
    dom_names = [n for value in claims.dom_authors for n in reorder(byline_lines.person_names(clean_author(value)))]
    if dom_names:
        out["byline element"] = list(dict.fromkeys(dom_names))
    out["site owner"] = _site_owner(claims, url)
    out["json-ld organization"] = list(claims.ld_author_orgs)
    return out


def choose_authors(candidates: list[tuple[list[str], str]], claims: PageClaims,
                   url: str | None) -> tuple[list[str], str | None]:
    """The first candidate (in the precedence order `candidates` come in) that names a person; when
    every one is the site speaking ("LAOLA1.at", "telebasel"), the first of them: the site is then
    the author. A label read as the byline ("Stand:", "Autor:") or a placeholder ("No Author",
    "Beitrag") names nobody, not even the site."""
    named = [c for c in candidates if c[0] and not any(
        n.endswith(":") or n.strip().casefold() in _NO_PERSON or byline_lines.label_not_name(n) or label_name(n)
        for n in c[0])]
    sites = declared_names(claims.site_name, claims.ld_publisher) + host_labels(url or claims.canonical)
    people = [c for c in named if not any(_not_a_person(n, sites) for n in c[0])]
    # A user name ("mikecason") yields to a person's name, but is still the best of what is left.
    handles = [c for c in named if all(slug(n) for n in c[0])]
    names, source = (people or handles or named or [([], None)])[0]
    # (an agency or a degree beside the names, "Rob Picheta, CNN", is no further author)
    names = [n for n in names if n.casefold().strip(".") not in byline_lines.NOT_AUTHORS] or names
    if len(names) == 1 and " " not in names[0] and not names[0].isupper():
        # A given name alone ("Nils") where a later source writes it out, given and family name
        # ("Nils Pickert"): the full name.
        full = next((c for c in people if len(c[0]) == 1 and c[0][0].startswith(names[0] + " ")
                     and len(c[0][0].split()) == 2 and c[0][0].split()[1].casefold() not in MONTHS
                     and not date_lines.date_word(c[0][0].split()[1])), None)
        if full is not None:
            names, source = full
    return list(names), source


# -- the byline stage (text lines, after the extent) ---------------------------------------------
#: How far from the headline or a date line a bare name may stand to be taken as the author.
_NAME_REACH = 2
#: Lines read for a byline around the headline (before, after) and around the article start.
_AFTER_TITLE = 8
_BEFORE_TITLE = 2
_AROUND_START = 4
#: Verdicts a byline line may carry when read again near the headline (a date line may hold the
#: author: "Veröffentlicht am 12. Juni 2017 von gizzmo").
_BYLINE_VERDICTS = (None, *EXTENT_RULES, "MET001", "MET002", "MET003", "DUP001", "DUP002", "TIM001", "TIM002", "TIM003")
_MAX_BYLINE = 160
#: Lines under the headline where a line of bare names is taken as the byline.
_BARE_NAMES_REACH = 3


def _anchor(doc: Document) -> int:
    """Where the article's head is: the headline, unless it stands far from the article."""
    title = doc.evidence.title_index
    return title if title else (doc.region[0] if doc.region else 0)


def _window(doc: Document, anchor: int) -> list[int]:
    n = len(doc.segments)
    lines = set(range(max(0, anchor - _BEFORE_TITLE), min(n, anchor + _AFTER_TITLE + 1)))
    for start in {doc.region[0] if doc.region else 0, _body_start(doc)}:
        lines |= set(range(max(0, start - _AROUND_START), min(n, start + _AROUND_START)))
    lines.discard(doc.evidence.title_index)
    return sorted(lines)


#: Kept lines of at least this many characters count as body in `_body_start`; every other line
#: weighs against it as much.
_BODY_LINE = 40


def _body_start(doc: Document) -> int:
    """The first line of the article's main stretch of kept text: where a byline stands when a stray
    kept line far above (a teaser, a caption) starts the region early."""
    weights: list[float] = [len(seg.text) if verdict is None and len(seg.text) >= _BODY_LINE else -_BODY_LINE
               for seg, verdict in zip(doc.segments, doc.verdicts)]
    return best_run(weights)[1]


#: A conjunction standing alone between two names a page printed on lines of their own ("By" /
#: "David Brand" / "and" / "Ramsey Khalifeh").
_LONE_AND = frozenset("and und et y e i en & och og ja".split())


def _names_across(doc: Document, i: int) -> bool:
    """Under the opener on line i, a name, a lone conjunction and a name, each on its own line."""
    segs = doc.segments
    return i + 3 < len(segs) and segs[i + 2].text.strip().casefold() in _LONE_AND


def _following(doc: Document, i: int) -> str | None:
    """The line after line i, as a byline reads on: the names joined when the page printed them
    and their conjunction on lines of their own."""
    segs = doc.segments
    if i + 1 >= len(segs):
        return None
    if _names_across(doc, i) and byline_lines.opener_only(segs[i].text):
        return f"{segs[i + 1].text} {segs[i + 2].text.strip()} {segs[i + 3].text}"
    return segs[i + 1].text


def choose_author(doc: Document, rules: RuleSet) -> None:
    """The byline nearest the headline names the authors (one line: other bylines on the page sign
    teasers, comments or other articles). Bylines are read loosely here, next to the headline; a bare
    name ("Heike Buchter") beside the headline or a date line is the last resort. Labelled MET001."""
    if not rules.enabled("MET001"):
        return
    anchor = _anchor(doc)
    found: list[tuple[int, list[str]]] = list(doc.evidence.bylines)
    segs, verdicts = doc.segments, doc.verdicts
    for i in _window(doc, anchor):
        verdict = verdicts[i]
        if (verdict.rule if verdict else None) not in _BYLINE_VERDICTS or len(segs[i].text) > _MAX_BYLINE:
            continue
        following = _following(doc, i)
        names = byline_lines.author_line(segs[i].text, following)
        if names:
            found.append((i, names))
    title = doc.evidence.title_index
    if not found and title is not None:
        # A line of bare names right under the headline ("Andrew Woodcock" / "Political Editor").
        for i in range(title + 1, min(len(segs), title + _BARE_NAMES_REACH + 1)):
            # (only a line the scorer left out: a kept one is a heading, "Künstlerischer Lebenslauf")
            if (_v := verdicts[i]) is not None and _v.rule in _BYLINE_VERDICTS:
                names = byline_lines.names_line(segs[i].text)
                if names:
                    found.append((i, names))
                    break
    if found:
        # After the headline first (the byline sits under it), nearest first.
        i, names = min(found, key=lambda item: (item[0] < anchor, abs(item[0] - anchor)))
        doc.evidence.bylines = [(i, names)]
        taken = [i]
        if byline_lines.opener_only(segs[i].text) and i + 1 < len(segs):
            taken = [i, i + 1, i + 2, i + 3] if _names_across(doc, i) else [i, i + 1]
        for k in taken:
            if (_v.rule if (_v := verdicts[k]) else None) in _BYLINE_VERDICTS:
                doc.label(k, "MET001", overrule=True)
        return
    if not _bare_name_author(doc):
        _opener_byline_author(doc, anchor)


#: Lines read for a byline by its shape alone when none stands near the headline.
_FAR_BYLINE_REACH = 150
_MAX_FAR_BYLINE = 100
_MAX_OPENER_LINE = 25


def _opener_byline_author(doc: Document, anchor: int) -> bool:
    """The last resort: a line that is a byline by its shape alone ("Veröffentlicht von X",
    "Posted by X"), wherever it stands; after the headline first, nearest first. The page's head is
    sometimes misread (the headline taken from a teaser), the byline then stands outside the window."""
    segs = doc.segments
    lo, hi = max(0, anchor - _FAR_BYLINE_REACH), min(len(segs), anchor + _FAR_BYLINE_REACH)
    # One pass of the opener pattern over the lines joined, rather than one search per line.
    # (paragraphs are left out: a byline is a short line)
    texts = [seg.text.replace("\n", " ") if len(seg.text) <= _MAX_FAR_BYLINE else "" for seg in segs[lo:hi]]
    starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))
    joined = "\n".join(texts)
    lines = {lo + bisect.bisect_right(starts, m.start()) - 1 for m in byline_lines.ANY_OPENER.finditer(joined)}
    # ("Autor:" alone, the name on the next line)
    shorts = [t if len(t) <= _MAX_OPENER_LINE else "" for t in texts]
    short_starts = list(itertools.accumulate((len(t) + 1 for t in shorts), initial=0))
    openers = {
        lo + bisect.bisect_right(short_starts, m.start()) - 1 for m in byline_lines.OPENER_LINE.finditer("\n".join(shorts))
    }
    for i in sorted(lines | openers, key=lambda k: (k < anchor, abs(k - anchor))):
        if i in openers:
            names = byline_lines.names_after_opener(segs[i + 1].text if i + 1 < len(segs) else None)
            if names:
                doc.evidence.bylines = [(i + 1, names)]
                for k in (i, i + 1):
                    if (_v.rule if (_v := doc.verdicts[k]) else None) in _BYLINE_VERDICTS:
                        doc.label(k, "MET001", overrule=True)
                return True
            continue
        names = byline_lines.opener_byline(segs[i].text)
        if names:
            doc.evidence.bylines = [(i, names)]
            verdict = doc.verdicts[i]
            if (verdict.rule if verdict else None) in _BYLINE_VERDICTS:
                doc.label(i, "MET001", overrule=True)
            return True
    return False


def _bare_name_author(doc: Document) -> bool:
    """MET001 for a bare name ("Heike Buchter") beside the headline or a date line, above the article."""
    anchors = [i for i, _ in doc.evidence.dates]
    if doc.evidence.title_index is not None:
        anchors.append(doc.evidence.title_index)
    start = max(doc.region[0] if doc.region else 0, _body_start(doc))
    for anchor in sorted(anchors):
        for i in range(max(0, anchor - _NAME_REACH), min(len(doc.segments), anchor + _NAME_REACH + 1)):
            verdict = doc.verdicts[i]
            if i > start + 2 or (verdict is not None and verdict.rule not in EXTENT_RULES):
                continue
            name = byline_lines.lone_name(doc.segments[i].text)
            if name:
                doc.label(i, "MET001", overrule=True)
                doc.evidence.bylines.append((i, [name]))
                return True
    return False
