"""The structure stages of labelling (`pipeline.TEXT_STAGES`, group "structure"): patterns across lines.

- captions directly above a standalone image credit (CAP002);
- a breadcrumb glued to the headline ("NewsRussia and China ...", BRD001);
- section openers (related stories, comments) and end-of-article markers, and how far they reach
  (REL002, REL003);
- a comment thread recognised from its headers ("Name sagt:", "Comment by X — date"), COM003;
- repeated lines: a headline printed two or three times, a caption repeating itself (DUP001/DUP002),
  decided after the article region is known so the copy inside the article is the one kept.
"""

from __future__ import annotations

from typing import Callable

import regex

from .document import Document
from ..rules import RULES_BY_ID, RuleSet
from ..rules.pipeline_rules import EXTENT_RULES
from .scripts import LANGUAGES as SCRIPT_LANGUAGES, ends_sentence, is_sentence, weighted_length

_CREDIT_LINE_RULES = ("CRD001", "CRD002", "CRD003")
#: A block of more lines than this is running text, not a picture's caption and credit.
_CAPTION_BLOCK_LINES = 4
#: A sentence end followed by another sentence: a paragraph, not a heading.
_SENTENCE_BREAK = regex.compile(r"\p{Ll}{2}[.!?] \p{Lu}")
#: Lines at least this long count as article prose when weighing what lies before/after a marker.
_PROSE_CHARS = 80
#: Prose above an opener that makes it an article's end rather than a menu entry.
_MIN_ARTICLE = 500
#: Lines after an opener inspected for teaser structure.
_TEASER_WINDOW = 20
#: Openers of a box inside the article: they never end it, and take at most this many teaser lines.
_INLINE_OPENERS = frozenset({"REL004"})
_INLINE_TEASERS = 3
#: An author box: a name, a verb, then a role ("Lars Fischer ist Chemiker und Redakteur bei »Spektrum.de«.").
_BIO = regex.compile(
    r"(?P<name>\p{Lu}[\p{L}'’-]+(?: \p{Lu}\.)?(?: (?:von |van |de |di )?\p{Lu}[\p{L}'’-]+){1,2}),? "
    r"(?:ist|is|war|was|leitet|schreibt|writes|covers|arbeitet|works|has (?:been|worked|written|covered)|lebt|lives|"
    r"studierte|studied|est|es|è|jest)\b(?P<rest>.{20,700})"
)
_BIO_ROLE = regex.compile(
    r"\b(?:redakteur(?:in)?|redaktion|editor|writer|reporter(?:in)?|journalist(?:in)?|korrespondent(?:in)?|correspondent|"
    r"autor(?:in)?|author|ressort|professor(?:in)?|founder|gr[üu]nder(?:in)?|columnist|kolumnist(?:in)?|contributor|"
    r"head of|leiter(?:in)?|chefredakteur(?:in)?|mitarbeiter(?:in)?|staff (?:writer|reporter|member)|covering|writes (?:about|for)|schreibt (?:f[üu]r|[üu]ber)|"
    r"journaliste|r[ée]dact(?:eur|rice)|periodista|redactor(?:a)?|giornalista|dziennikarz(?:ka)?|redaktor(?:ka)?)\b",
    regex.IGNORECASE,
)
#: Capitalised words that open a sentence, not a name ("Das Internetrecht ist ...", "Die Idee war ...").
_NOT_NAMES = frozenset(
    "der die das dies diese dieser dieses ein eine er sie es wir ihr man the this that these it he she they we a an "
    "le la les il elle ce cette un une el los las ella este esta lo gli questo questa ten ta to on ona".split()
)
#: One comment's header line: "Bebs says:", "Harm Otten sagt:", "Anna schreibt am 3. Mai 2020 um 10:12:",
#: "Comment by Mirko Lange — 17.07, 2011 @ 13:04". A name of one to six words, no sentence in it;
#: the colon (or a date after the verb) is required, so "Frau Sabienes sagt" (a blog name) is not one.
_COMMENT_HEADER = regex.compile(
    r"(?:(?:comment|kommentar|commentaire|comentario|commento) (?:by|von|de|par|di) [^.!?]{1,60}"
    r"(?: [—–-] .{1,40})?"
    r"|(?:[^\s:.!?]+ ){1,6}(?:sagt|says|schreibt|writes|meint|dice|dit|scrive|pisze|zegt|diz|disse)"
    r"(?:\s*:| (?:am|on|le|el|il|em|op|dnia|um|at) [^:]{0,40}\d.{0,30}))",
    regex.IGNORECASE,
)
#: Headers it takes to call a run of lines a comment thread (one alone may be a quote's speaker).
_MIN_COMMENT_HEADERS = 2
_DIGIT = regex.compile(r"\d")


def heading_like(text: str) -> bool:
    """A short line without sentence-final punctuation: a headline, section heading or menu item."""
    return (
        3 <= len(text) <= 200
        and text[-1] not in ".!,;…。"
        and len(text.split()) <= 30
        and _SENTENCE_BREAK.search(text) is None
    )


def label_captions(doc: Document, rules: RuleSet) -> None:
    """CAP002: the one or two short lines just above a standalone credit line, in the same block."""
    if not rules.enabled("CAP002"):
        return
    segs = doc.segments
    block_lines: dict[int, int] = {}
    for seg in segs:
        block_lines[seg.block] = block_lines.get(seg.block, 0) + 1
    for i, verdict in enumerate(doc.verdicts):
        if verdict is None or verdict.rule not in _CREDIT_LINE_RULES or segs[i].first_in_block:
            continue
        # Only small blocks: a credit closing a long run of single-spaced paragraphs (text another
        # extractor cut, one paragraph a line) signs one image, or the article's pictures, not the
        # paragraphs above it.
        if block_lines[segs[i].block] > _CAPTION_BLOCK_LINES:
            continue
        j = i - 1
        while j >= 0 and i - j <= 2 and segs[j].block == segs[i].block:
            if doc.verdicts[j] is None and len(segs[j].text) <= 300:
                doc.label(j, "CAP002")
            if segs[j].first_in_block:
                break
            j -= 1


def label_breadcrumb_title(doc: Document, rules: RuleSet) -> None:
    """BRD001: a line that is a short prefix glued to the next headline ("News" + "Russia and ...")."""
    segs = doc.segments
    limit = min(len(segs), 40)
    for i in range(limit):
        text = segs[i].text
        if doc.verdicts[i] is not None or len(text) > 220:
            continue
        for j in range(i + 1, min(i + 4, len(segs))):
            other = segs[j].text
            if len(other) >= 15 and text != other and text.endswith(other) and len(text) - len(other) <= 30:
                doc.label(i, "BRD001")
                if doc.evidence.title_hint is None:
                    doc.evidence.title_hint = j
                break


def _measure(doc: Document) -> Callable[[str], int]:
    """How long a line is: its characters, CJK characters counted twice on CJK pages (`scripts.py`)."""
    return weighted_length if doc.language in SCRIPT_LANGUAGES else len


def _prose(doc: Document, lo: int, hi: int) -> int:
    size = _measure(doc)
    lengths = (size(doc.segments[k].text) for k in range(lo, hi) if doc.verdicts[k] is None)
    return sum(n for n in lengths if n >= _PROSE_CHARS)


class _ProseSums:
    """`_prose` over any range in O(log n), kept current as lines are labelled (a Fenwick tree).

    The stages below ask it once per section opener or candidate line; summing the page each time
    cost the square of the page on a text of 10,000 "Related Articles" lines (10 s)."""

    def __init__(self, doc: Document) -> None:
        size = _measure(doc)
        lengths = [size(seg.text) if verdict is None else 0 for seg, verdict in zip(doc.segments, doc.verdicts)]
        self.values = [n if n >= _PROSE_CHARS else 0 for n in lengths]
        n = len(self.values)
        tree = [0] + self.values
        for i in range(1, n + 1):
            j = i + (i & -i)
            if j <= n:
                tree[j] += tree[i]
        self.tree = tree

    def _prefix(self, i: int) -> int:
        total, tree = 0, self.tree
        while i > 0:
            total += tree[i]
            i -= i & -i
        return total

    def between(self, lo: int, hi: int) -> int:
        """Prose characters of the undecided lines lo..hi-1."""
        return self._prefix(hi) - self._prefix(lo) if hi > lo else 0

    def labelled(self, k: int) -> None:
        """Line k is no longer undecided."""
        value = self.values[k]
        if value:
            self.values[k] = 0
            i, tree = k + 1, self.tree
            while i < len(tree):
                tree[i] -= value
                i += i & -i


def _teaser_signals(doc: Document, index: int) -> int:
    """How many lines just after `index` look like syndicated teasers: times, counters, repeats."""
    window = range(index + 1, min(index + 1 + _TEASER_WINDOW, len(doc.segments)))
    seen: set[str] = set()
    signals = 0
    for k in window:
        verdict = doc.verdicts[k]
        text = doc.segments[k].text
        if verdict is not None and verdict.label in ("timestamp", "counter"):
            signals += 1
        elif text in seen:
            signals += 1
        seen.add(text)
    return signals


def label_sections(doc: Document, rules: RuleSet) -> None:
    """Decide how far each related/comments opener and end-of-article marker reaches.

    After an article (enough prose above it), an opener ends the article when what follows is no
    longer than the article or looks like syndicated teasers; everything after it goes. Otherwise
    (an opener in a menu or an inline box) only the short teaser lines right after it go.
    """
    n = len(doc.segments)
    sums = _ProseSums(doc)
    wide = doc.language in SCRIPT_LANGUAGES
    reach = -1  # where the last opener's teaser walk stopped
    for index, rule_id in sorted(doc.markers):
        rule = RULES_BY_ID[rule_id]
        tail_rule = "REL003" if rule.scope == "end" else "REL002"
        if not rules.enabled(tail_rule):
            continue
        before, after = sums.between(0, index), sums.between(index + 1, n)
        inline = rule_id in _INLINE_OPENERS
        if not inline and before > 0 and (before >= after or (before >= _MIN_ARTICLE and _teaser_signals(doc, index) >= 2)):
            for k in range(index + 1, n):
                verdict = doc.verdicts[k]
                # Credits and captions in the tail belong to the teasers, not to this article.
                overrule = verdict is not None and verdict.label in ("credit", "caption")
                doc.label(k, tail_rule, overrule=overrule)
            return
        if rule.scope == "end":
            continue
        # The article lies after this opener (or goes on after an inline box): only the short
        # teaser lines right after it go.
        if not inline and index < reach:
            continue  # an earlier opener's walk went past this one: the same lines, the same stop
        limit = n if not inline else min(n, index + 1 + _INLINE_TEASERS)
        stop = limit
        for k in range(index + 1, limit):
            text = doc.segments[k].text
            if len(text) >= 100 or (text[-1] in ".!?" and len(text.split()) > 6) or (wide and is_sentence(text)):
                stop = k
                break
            if doc.label(k, tail_rule):
                sums.labelled(k)
        if not inline:
            reach = stop


def label_comment_thread(doc: Document, rules: RuleSet) -> None:
    """COM003: from the first of several comment headers to the end of the page.

    Only after an article (enough prose above the first header): the thread and what follows it
    (the comment form, the footer) are not the article.
    """
    if not rules.enabled("COM003"):
        return
    headers = [
        i for i, seg in enumerate(doc.segments)
        if len(seg.text) <= 120 and doc.verdicts[i] is None and _COMMENT_HEADER.fullmatch(seg.text)
    ]
    # A header is dated (the date on it or on the short next line); a forum's "X said:" quote is not
    # a header at all ("said"/"wrote" are not in the verb list).
    segs = doc.segments
    dated = [
        i for i in headers
        if _DIGIT.search(segs[i].text)
        or (i + 1 < len(segs) and len(segs[i + 1].text) <= 60 and _DIGIT.search(segs[i + 1].text))
    ]
    if not dated:
        return
    if len(headers) < _MIN_COMMENT_HEADERS:
        # One dated header is enough when a reply control follows it.
        window = range(dated[0] + 1, min(dated[0] + 12, len(segs)))
        if not any((_v := doc.verdicts[k]) is not None and _v.rule == "COM002" for k in window):
            return
    first = headers[0]
    if _prose(doc, 0, first) < _MIN_ARTICLE:
        return
    for k in range(first, len(segs)):
        verdict = doc.verdicts[k]
        # The commenters' names and dates are not the article's byline and date.
        doc.label(k, "COM003", overrule=verdict is not None and verdict.rule.startswith("MET"))
    found = doc.evidence
    found.bylines = [(i, names) for i, names in found.bylines if i < first]
    found.dates = [(i, iso) for i, iso in found.dates if i < first]


def label_author_bio(doc: Document, rules: RuleSet) -> None:
    """MET005: an author box after the article ("Will Knight is a senior writer for WIRED ...").

    The line opens with a name (two or three capitalised words, not a determiner) and a verb, and
    names a journalistic or academic role. Prose about a person says the same, so it must also sit
    where author boxes sit: right under the author's name on its own line, or after the article
    (most of the page's prose above it).
    """
    if not rules.enabled("MET005"):
        return
    segs = doc.segments
    n = len(segs)
    sums = _ProseSums(doc)
    total = sums.between(0, n)
    for i, seg in enumerate(segs):
        text = seg.text
        if doc.verdicts[i] is not None or len(text) > 700:
            continue
        m = _BIO.match(text)
        if m is None or m.group("name").split()[0].casefold() in _NOT_NAMES or not _BIO_ROLE.search(m.group("rest")):
            continue
        name = m.group("name")
        header = next((j for j in range(i - 1, max(-1, i - 5), -1) if segs[j].text == name), None)
        before = sums.between(0, i)
        after_article = before >= _MIN_ARTICLE and before >= 0.7 * total
        if header is not None or after_article:
            doc.label(i, "MET005")
            sums.labelled(i)
            # The name standing alone above the box heads it ("Will Knight" / "Will Knight is a ...").
            if header is not None and doc.verdicts[header] is None:
                doc.label(header, "MET005")


def label_duplicates(doc: Document, rules: RuleSet) -> None:
    """DUP001/DUP002: every copy of a repeated line except the one the article keeps."""
    groups: dict[str, list[int]] = {}
    for i, seg in enumerate(doc.segments):
        if len(seg.text) >= 12:
            groups.setdefault(seg.text, []).append(i)
    region = doc.region or (0, len(doc.segments))
    title_index = doc.evidence.title_index
    for text, members in groups.items():
        if len(members) < 2:
            continue
        rule_id = "DUP001" if heading_like(text) and members[0] < region[0] + 3 else "DUP002"
        if not rules.enabled(rule_id):
            continue
        if title_index in members:
            keep = title_index
        else:
            inside = [k for k in members if region[0] <= k < region[1] and doc.verdicts[k] is None]
            if not inside and doc.kind == "html":
                # Every copy inside the article was dropped by the scorer, which HTML mode may still
                # overturn (`restore_html`): one copy stays in its hands rather than all going.
                inside = [k for k in members if region[0] <= k < region[1]
                          and (_v := doc.verdicts[k]) is not None and _v.rule in EXTENT_RULES]
            keep = inside[0] if inside else None
        for k in members:
            if k != keep:
                doc.label(k, rule_id, overrule=(_v := doc.verdicts[k]) is not None and _v.rule in EXTENT_RULES)


#: Lines after a teaser headline searched for its repeat and its timestamp.
_SYNDICATION_WINDOW = 6


def label_syndicated(doc: Document, rules: RuleSet) -> None:
    """SYN001: a syndicated story appended after the article without an opener.

    Its shape: a headline printed more than once, a source line, a relative time, the teaser. Once
    enough article prose lies above, the first such headline and everything after it go.
    """
    if not rules.enabled("SYN001"):
        return
    segs = doc.segments
    n = len(segs)
    timed = [k for k, v in enumerate(doc.verdicts) if v is not None and v.label in ("timestamp", "counter")]
    # Only headlines a few lines above a timestamp can open a teaser card.
    starts = sorted({i for k in timed for i in range(max(0, k - _SYNDICATION_WINDOW), k)})
    sums = _ProseSums(doc) if starts else None
    for i in starts:
        if doc.verdicts[i] is not None or not heading_like(segs[i].text):
            continue
        window = range(i + 1, min(n, i + 1 + _SYNDICATION_WINDOW))
        # Printed three times (teaser card, link, article header): a repeat alone is too common.
        repeated = sum(1 for k in window if segs[k].text == segs[i].text) >= 2
        has_time = any(i < k <= i + _SYNDICATION_WINDOW for k in timed)
        if repeated and has_time and sums is not None and sums.between(0, i) >= _MIN_ARTICLE:
            for k in range(i, n):
                doc.label(k, "SYN001")
            return


#: Kept lines directly above the headline that may be its kicker-like chrome, at most.
_ABOVE_TITLE_LINES = 2
#: Longer lines above the headline may be a standfirst or a dateline sentence: left alone.
_ABOVE_TITLE_CHARS = 40
_SENTENCE_END = ".!?…"


def label_above_title(doc: Document, rules: RuleSet) -> None:
    """What the page prints above the headline: its <title> line (TTL002) and short labels (HEU003).

    A page's dump opens with its <title>, the headline with the site's name ("Headline | Site"); when
    the headline stands further down, that line is the headline again (TTL002), a more specific name
    than "before the article" when the extent already put it there. Short non-sentence lines
    kept above the headline, across lines a rule removed, are the last items of the menu, a section name,
    a counter or a "Search for:" box; article text starts below the headline, not above it (HEU003).
    Only when no text is kept above them (a headline repeated inside the article is no anchor).
    """
    title = doc.evidence.title_index
    if title is None:
        return
    verdict = doc.verdicts[title]
    if verdict is None or verdict.rule != "TTL001":
        return
    segs = doc.segments
    headline = doc.evidence.title
    first = segs[0].text
    top = doc.verdicts[0]
    if (title > 0 and headline and (top is None or top.rule in EXTENT_RULES) and first != headline
            and headline in first and heading_like(first)):
        doc.label(0, "TTL002", overrule=top is not None)
    if not rules.enabled("HEU003"):
        return
    wide = doc.language in SCRIPT_LANGUAGES
    above: list[int] = []
    j = title - 1
    while j >= 0 and len(above) < _ABOVE_TITLE_LINES:
        if doc.verdicts[j] is not None:
            j -= 1
            continue
        text = doc.kept_text(j) if doc.spans[j] else segs[j].text
        if len(text) >= _ABOVE_TITLE_CHARS or (text and text[-1] in _SENTENCE_END) or (wide and ends_sentence(text)):
            break
        above.append(j)
        j -= 1
    if not above or any(doc.verdicts[k] is None for k in range(0, above[-1])):
        return
    for k in above:
        doc.label(k, "HEU003")
