"""Choosing the headline among the lines above the article."""

from __future__ import annotations

import regex

from ..text.document import Document
from ..rules import RuleSet
from ..rules.pipeline_rules import EXTENT_RULES
from ..text.scripts import LANGUAGES as SCRIPT_LANGUAGES, is_sentence, weighted_length, word_count
from ..text.structure import heading_like
from .navigation import is_navigation
from .site import TITLE_SEPARATORS as _TITLE_SEPARATORS, compact as _compact, host_labels

#: Verdicts that do not stop a line from being the headline (they only say "outside the body").
_SOFT = (*EXTENT_RULES, "DUP001", "DUP002")
_WORD = regex.compile(r"\w+")
_PROSE_CHARS = 80
#: Lines between headline and article over which the closeness bonus fades to nothing.
_REACH = 6
_SENTENCE_END = ".!?…\"”»'’):"
#: A headline usually runs to a few words; menu labels and teasers' section names do not
#: ("NZZ abonnieren", "Fashion Week", "Crowdfunding Projekte").
_HEADLINE_WORDS = 4
_HEADLINE_LENGTH_BONUS = 0.5


#: A list item ("- ...", "• ...") or a lead-in ending in a colon ("Das Beste kommt jetzt:") is no headline.
_NOT_HEADLINE = regex.compile(r"^[-•*·–▪►✓]\s|:$")


def _usable(doc: Document, i: int) -> bool:
    v = doc.verdicts[i]
    text = doc.segments[i].text
    if _NOT_HEADLINE.search(text):
        return False
    if doc.language in SCRIPT_LANGUAGES:  # a CJK headline: no spaces, ten characters or so
        return (v is None or v.rule in _SOFT) and heading_like(text) and weighted_length(text) >= 12 and word_count(text) >= 2
    return (v is None or v.rule in _SOFT) and heading_like(text) and len(text) >= 12 and len(text.split()) >= 2


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2}


def _candidate_score(
    doc: Document, i: int, start: int, page_title: set[str], page_title_text: str, repeated: bool
) -> float:
    """How much line i looks like the headline: it echoes the page <title> line, sits just above the
    article, is printed more than once, or runs to a headline's length."""
    text = doc.segments[i].text
    words = _words(text)
    score = 0.0
    if page_title and words:
        score += 2.0 * len(words & page_title) / len(words | page_title)
        if text in page_title_text:
            score += 1.0
    # Distance to the article counted in lines that could be text: bylines, date lines, captions
    # and other lines a rule removed between the headline and the first paragraph do not count.
    between = sum(1 for k in range(i + 1, start) if (_v := doc.verdicts[k]) is None or _v.rule in _SOFT)
    score += max(0.0, 1.0 - between / _REACH)
    if repeated:
        score += 1.0
    if len(text.split()) >= _HEADLINE_WORDS and _dated_below(doc, i):
        score += _DATED_BONUS
    if (word_count(text) if doc.language in SCRIPT_LANGUAGES else len(text.split())) >= _HEADLINE_WORDS:
        score += _HEADLINE_LENGTH_BONUS
    return score


#: Verdicts of the lines that follow a headline: its byline, its date line, both in one.
_BYLINE_RULES = frozenset(("MET001", "MET002", "MET003"))
#: Lines below a headline within which its byline or date line stands (a kicker, a standfirst or an
#: image credit may come between).
_DATED_REACH = 3
_DATED_BONUS = 1.0


def _dated_below(doc: Document, i: int) -> bool:
    """A byline or date line follows line i closely, before any prose: what a headline has under it
    and a menu entry has not."""
    for k in range(i + 1, min(len(doc.segments), i + 1 + _DATED_REACH)):
        v = doc.verdicts[k]
        if v is not None and v.rule in _BYLINE_RULES:
            return True
        if v is None and len(doc.segments[k].text) >= _PROSE_CHARS:
            return False
    return False


def _site_parts(title: str, parts: list[str], url: str | None) -> set[int]:
    """Indices of the parts of a page <title> that name the site: a part the address's host spells
    ("Four Years Remaining" on fouryears.eu, "heizung.de"), else the last part when short
    ("Headline | Site")."""
    if len(parts) < 2:
        return set()
    labels = host_labels(url)
    named = set()
    for k, part in enumerate(parts):
        compact = _compact(part)
        for label in map(_compact, labels):
            # The part spells the host ("heizung.de"), or the host spells the part ("Penny" on
            # pennyblog.de would not do: a part must be most of the host name or hold all of it).
            if len(compact) >= 4 and (
                (compact in label and len(compact) >= 0.6 * len(label))
                or (label in compact and len(compact) <= 2 * len(label) + 5)
            ):
                named.add(k)
    if len(named) == len(parts):
        named = set()
    if not named and len(parts[-1]) <= 30 and not title.rstrip().endswith(": " + parts[-1]):
        # (after a colon the last part is the headline's second half: "Dezuka Suisan: Deep-Fried ...")
        named.add(len(parts) - 1)
    return named


def _echo_class(text: str, first: str, headline_parts: list[str], site: list[str]) -> int:
    """How closely a line echoes the page <title> line (0: not at all, 4: the strongest)."""
    if text in site:
        return 0
    if text == first:
        return 4
    if any(text == part for part in headline_parts):
        return 3
    if len(text) >= 20 and len(text.split()) >= 3 and text in first:
        return 2
    if any(len(part) >= 12 and text.startswith(part) for part in headline_parts):
        return 1
    return 0


#: Typographic quotes, apostrophes and dashes written plainly: a page's <title> and its <h1> often
#: spell the same headline with different quote marks ("finished" / „finished“).
_PLAIN = str.maketrans({**dict.fromkeys("“”„‟«»\"", '"'), **dict.fromkeys("‘’‚‛`´", "'"), "–": "-", "—": "-"})


_QUOTES = frozenset("“”„‟«»\"‘’‚‛`´–—")


def _echo_of_page_title(doc: Document, start: int) -> int | None:
    """A line that repeats the page <title> line (first line of the dump), whole or minus its site name
    ("Headline | Site" on top, then "Headline" as the page's <h1>): the strongest evidence of the
    headline, wherever it stands and whatever a rule said about it (related-links lists and menus
    repeat it too, so the copy nearest the article wins)."""
    segs = doc.segments
    first = segs[0].text.translate(_PLAIN)
    # (A text dump opens with the page's <title>; an HTML page's first block is whatever comes first.)
    if doc.kind == "html" or len(segs) < 2 or not 8 <= len(first) <= 300:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(first) if p.strip()]
    site_idx = _site_parts(first, parts, doc.url)
    site = [parts[k] for k in site_idx]
    kept = [p for k, p in enumerate(parts) if k not in site_idx]
    # A part alone names the headline when it is the only part left or reads like one (a single word
    # among several parts is a section: "Headline | Nacional | Site").
    headline_parts = [p for p in kept if len(p) >= 5 and (len(kept) == 1 or (len(p) >= 10 and " " in p))]
    if len(kept) > 1:
        headline_parts.append(first[first.find(kept[0]) : first.rfind(kept[-1]) + len(kept[-1])])
    best: tuple[int, int, int, int, int] | None = None
    for i in range(1, len(segs)):
        text = segs[i].text
        # Every kind of echo shares its first characters with the page title (cheap test first).
        if not 5 <= len(text) <= 300:
            continue
        if text[:5] not in first:
            if _QUOTES.isdisjoint(text[:5]) or text[:5].translate(_PLAIN) not in first:
                continue
        text = text.translate(_PLAIN)
        strength = _echo_class(text, first, headline_parts, site)
        if strength == 0:
            continue
        # Among echoes of parts, the longest part ("Headline | Section | Site": the headline).
        key = (strength, len(text) if strength in (2, 3) else 0, -(i > start), -abs(start - i))
        if best is None or key > best[:4]:
            best = (*key, i)
    return best[4] if best else None


#: The first line is taken for the headline when the article's prose starts within this many lines of it.
_PLAIN_HEAD_REACH = 3


def _plain_headline(text: str, url: str | None) -> bool:
    """A first line that names no site ("Headline | Site" is a page's <title>, not its headline)."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(text) if p.strip()]
    return not _site_parts(text, parts, url)


_SLUG_WORD = regex.compile(r"[^\W_]+")
#: Words (3+ letters, not numbers) an address's path needs to say anything about the headline.
_SLUG_WORDS = 2
#: Share of a candidate's words (3+ letters) the path must hold for the candidate to be its headline.
_SLUG_SHARE = 0.3


def _slug_names(title: str, url: str | None) -> bool | None:
    """Whether the address's path names the line ("/2020/05/mietenstopp-coronakrise-usa" names
    "Aktivisten fordern Mietenstopp in der Coronakrise"); None when there is no address or its path
    holds too few words to say ("/article/12345")."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2].lower()
    slug = {w for w in _SLUG_WORD.findall(path) if len(w) > 2 and not w.isdigit()}
    if len(slug) < _SLUG_WORDS:
        return None
    words = [w for w in _SLUG_WORD.findall(title.lower()) if len(w) > 2]
    return sum(w in slug for w in words) >= _SLUG_SHARE * len(words) if words else None


def _hint_is_site(doc: Document, hint: int) -> bool:
    """BRD001's hint is the site's name when the page <title> line ends with it ("Headline | Site")."""
    first, text = doc.segments[0].text, doc.segments[hint].text
    return hint > 0 and first.endswith(text) and bool(_TITLE_SEPARATORS.search(first[: len(first) - len(text) + 3]))


def choose_title(doc: Document, rules: RuleSet) -> None:
    """Pick the headline, label it TTL001, and note it in `doc.evidence.title`."""
    segs = doc.segments
    if not segs:
        return
    # The headline stands above the first paragraph of article prose (short kept lines above it may
    # be menu items the scorer let through).
    wide = doc.language in SCRIPT_LANGUAGES
    start = next(
        (
            i
            for i, seg in enumerate(segs)
            if doc.verdicts[i] is None and (
                (len(seg.text) >= _PROSE_CHARS and seg.text[-1] in _SENTENCE_END)
                or (wide and weighted_length(seg.text) >= _PROSE_CHARS and is_sentence(seg.text))
            )
        ),
        doc.region[0] if doc.region else 0,
    )
    candidate: int | None = _echo_of_page_title(doc, start)
    by_shape = False  # chosen by its shape and place, not by an echo of the page <title> or a hint
    hint = doc.evidence.title_hint
    if candidate is None and hint is not None and not _hint_is_site(doc, hint):
        candidate = hint
    if candidate is None and start <= _PLAIN_HEAD_REACH and _usable(doc, 0) and _plain_headline(segs[0].text, doc.url):
        # The text opens with its headline and the article follows at once: text another extractor
        # cut to the article, not a page's dump opening with its <title> ("Headline | Site") and menus.
        candidate = 0
        by_shape = True
    if candidate is None:
        first = segs[0].text
        page_title = _words(first)
        top = range(0, min(len(segs), max(start, 1)))
        counts: dict[str, int] = {}
        for i in top:
            counts[segs[i].text] = counts.get(segs[i].text, 0) + 1
        scored = [
            (_candidate_score(doc, i, start, page_title, first, counts[segs[i].text] > 1), i)
            for i in top
            if i > 0 and _usable(doc, i) and not is_navigation(doc, i)
        ]
        if scored:
            score, i = max(scored)
            # When some line echoes the page <title> line on top, the headline must; otherwise the
            # heading-like line nearest above the article is the headline.
            echoes = heading_like(first) and any(_words(segs[i].text) & page_title for _, i in scored)
            if score >= (1.0 if echoes else 0.5):
                candidate = i
                by_shape = True
    if candidate is None and _usable(doc, 0) and len(segs) > 1:
        candidate = 0
        by_shape = True
    if candidate is None:
        return
    title = segs[candidate].text
    if candidate == 0:
        # A page <title>: drop the site's name ("Headline | Site", "Site - Headline").
        parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
        site = _site_parts(title, parts, doc.url)
        kept = [p for k, p in enumerate(parts) if k not in site]
        if site and kept:
            title = title[title.find(kept[0]) : title.rfind(kept[-1]) + len(kept[-1])]
    doc.evidence.title = title
    doc.evidence.title_index = candidate
    if (by_shape and doc.verdicts[candidate] is None and all(v is None for v in doc.verdicts[:candidate])
            and _slug_names(title, doc.url) is False):
        # Text that opens with the line, nothing removed above it (another extractor's cut), whose
        # address names the article in words the line does not hold: the line is the article's first
        # heading or its lead, not its headline (extractors leave the headline out). It stays in the
        # body; it is still the best title the text offers.
        return
    if rules.enabled("TTL001"):
        doc.label(candidate, "TTL001", overrule=True)
