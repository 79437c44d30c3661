"""The authors: the page's author claims (JSON-LD, <meta>, byline elements, the site's owner) and the
bylines the text stages found, and the one rule that picks among them (`choose_authors`).

The byline finders that read one line live in `metadata.lines`; the text-mode stage that picks the
byline nearest the headline in `metadata.titles` (`choose_author`). The precedence between the
sources is `metadata.choose.AUTHOR_PRECEDENCE`.
"""

from __future__ import annotations

import regex

from . import lines as text_meta
from .claims import PageClaims
from .site import compact, declared_names, host_labels, is_site, title_parts

_BY_PREFIX = regex.compile(r"^(?:by|von|par|por|di|door|przez|autor(?:in)?|author|text|written by)\s*:?\s+", regex.IGNORECASE)
_TRAILING = regex.compile(r"(?:[,|·–-]\s*)?(?:\b(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\b\.?,?\s*)?\d.*$|\s+(?:am|on|le|el|il)\s*$", regex.IGNORECASE)


def clean_author(name: str) -> str:
    """A name without "By"/"Von" before it and without a date or time after it."""
    name = _TRAILING.sub("", _BY_PREFIX.sub("", name))
    hit = text_meta.find_date(name)
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
    "network netzwerk magazine magazin zeitung publishing editions éditions edizioni ediciones broadcasting "
    "corporation company".split())
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
    return any(w in _ORGANISATION for w in regex.findall(r"[\p{L}]+", name.casefold()))


def label_name(name: str) -> bool:
    """A label or menu entry taken for a name (`_LABEL`)."""
    return any(w in _LABEL for w in regex.findall(r"[\p{L}]+", name.casefold()))


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
            and not any(n.casefold().strip(".") in text_meta.NOT_AUTHORS for n in parts):
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
        out["json-ld"] = [n for a in ld for n in reorder(text_meta.person_names(a))]
    author = claims.meta_author
    if author and not author.startswith("http"):
        out["meta"] = reorder(text_meta.person_names(clean_author(author)))
    dom_names = [n for value in claims.dom_authors for n in reorder(text_meta.person_names(clean_author(value)))]
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
        n.endswith(":") or n.strip().casefold() in _NO_PERSON or text_meta.label_not_name(n) or label_name(n)
        for n in c[0])]
    sites = declared_names(claims.site_name, claims.ld_publisher) + host_labels(url or claims.canonical)
    people = [c for c in named if not any(_not_a_person(n, sites) for n in c[0])]
    names, source = (people or named or [([], None)])[0]
    return list(names), source
