"""HTML evidence for the labelling: a stage that runs before the pattern rules in HTML mode.

1. Containers: a block that is a whole menu, footer, sidebar, related box, share bar, newsletter or
   promo box, comment thread, cookie banner or advert slot gets the HTML rule of its kind (HTM001-
   HTM015); figure captions get HTM010; a block made almost only of link text gets HTM012.
2. The article container: every block's prose (its non-link characters, when it reads like a
   paragraph) and chrome (everything else) are added to each of its ancestor elements; the element
   with the most prose net of chrome (prose - ALPHA * chrome) is the article container, and blocks
   outside it get HTM013. Class/id hints such as `article-body` or `itemprop=articleBody` add weight.
The text-mode stages (rules, metadata lines, structure, region heuristics) then run on what is left.
"""

from __future__ import annotations

from ..text.document import Document
from ..text.segment import Segment
from ..text.labelling import absolute_offset as _absolute
from .blocks import HtmlPage, collapsed_link_density
from ..rules import RuleSet
from ..rules.pipeline_rules import EXTENT_RULES

#: Context -> rule, in order of precedence (a cookie banner inside a footer is a cookie banner).
CONTEXT_RULES: tuple[tuple[str, str], ...] = (
    ("cookie", "HTM008"), ("comment", "HTM007"), ("newsletter", "HTM006"), ("promo", "HTM006"),
    ("advert", "HTM009"), ("share", "HTM005"), ("related", "HTM004"),
    ("tags", "HTM015"), ("masthead", "HTM014"), ("nav", "HTM001"), ("menu", "HTM001"), ("footer", "HTM002"),
    ("sidebar", "HTM003"), ("aside", "HTM003"), ("form", "HTM011"),
)
#: Weight of chrome characters against prose characters when choosing the article container.
ALPHA = 0.8
#: Weight of short non-link text (not prose, not chrome) as chrome.
SHORT_WEIGHT = 0.2
#: Extra weight for an element that says it is the article body (class/id or itemprop).
MAIN_BONUS = 1.0
#: A block this long in an author box is a note about the author, not a byline (bylines stay for
#: the metadata stage).
BIO_CHARS = 80
#: A block whose link characters reach this share of its length is a link list.
LINK_LIST = 0.6
#: Levels above the article container whose other prose blocks are kept (siblings, a lead in the
#: article header, a body split over several containers).
SIBLING_LEVELS = 6
#: Contexts that keep a block outside the container out, prose or not.
_NOT_SIBLING = frozenset({"aside", "sidebar", "related", "comment", "footer", "nav", "promo", "newsletter",
                          "advert", "share", "cookie", "masthead"})
#: Prose characters a block outside the container needs to stay as a sibling.
SIBLING_PROSE = 80
#: Levels above the article container within which a list of plain text beside it is the article's
#: (2: the lists of the tune halves' recipes and fact boxes; none of their menus, which are links).
LIST_LEVELS = 2
#: (with the full-width sentence ends of Chinese and Japanese)
_TERMINAL = ".!?…:\"”»)'’。！？」』"


def _prose(text: str, link_density: float) -> float:
    n = len(text)
    own = n * (1.0 - link_density)
    if own < 40 or link_density > 0.4:
        return 0.0
    return own if text[-1] in _TERMINAL else own * 0.5


def _caption_or_credit(doc: Document, i: int, rules: RuleSet) -> str:
    """A figure caption's line is a credit when a credit rule says so (then it becomes an image
    credit, not a caption); a credit glued to its end is taken out as a span."""
    text = doc.segments[i].text
    rule = rules.match_line(text)
    if rule is not None and rule.label == "credit":
        return rule.id
    for hit in rules.match_spans(text):
        if hit.rule.label == "credit" and text[: hit.start].strip(" .,;:-|"):
            doc.label_span(i, _absolute(doc, i, hit.start), _absolute(doc, i, hit.end), hit.rule.id)
    return "HTM010"


def _add_elements(ancestors: tuple[int, ...], prose_by: dict[int, float], chrome_by: dict[int, float],
                  parent: dict[int, int]) -> None:
    """Enter the elements of an ancestor chain not seen yet, outermost first (the order in which the
    container choice meets them), with their parent."""
    k = len(ancestors) - 1
    while k > 0 and ancestors[k - 1] not in prose_by:
        k -= 1
    for j in range(k, len(ancestors)):
        element = ancestors[j]
        prose_by[element] = 0.0
        chrome_by[element] = 0.0
        if j:
            parent[element] = ancestors[j - 1]


def label_html(doc: Document, page: HtmlPage, rules: RuleSet, soft_boxes: bool = True, alpha: float = ALPHA,
               sibling_prose: int = SIBLING_PROSE) -> None:
    """Label segments from their HTML evidence, and everything outside the article container.

    With `soft_boxes` off, walked boxes that look like chrome (see `Block.soft`) are not labelled
    for it: the second opinion for a page where they left too little body. `alpha` and
    `sibling_prose` are ALPHA and SIBLING_PROSE as moved by `CleanerConfig.favor`."""
    segs = doc.segments
    blocks = page.blocks
    # Each block's prose and chrome go to its innermost element first and are summed up the tree
    # afterwards (element ids grow from parent to child), rather than added to every ancestor.
    prose_by: dict[int, float] = {}
    chrome_by: dict[int, float] = {}
    parent: dict[int, int] = {}
    for i, seg in enumerate(segs):
        block = blocks[i]
        ctx = seg.context
        rule_id = None
        if block.collapsed:
            rule_id = next((r for name, r in CONTEXT_RULES if name in ctx), "HTM001")
            if not rules.enabled(rule_id):
                seg.link_density = collapsed_link_density(block)  # the later stages will read it
        elif "figcaption" in ctx or ("caption" in ctx and "figure" in ctx):
            rule_id = _caption_or_credit(doc, i, rules)
        elif "bio" in ctx and len(seg.text) >= BIO_CHARS:
            rule_id = "HTM017"
        elif seg.link_density >= LINK_LIST and not seg.tag.startswith("h"):
            rule_id = "HTM012"
        if rule_id is not None:
            doc.label(i, rule_id)
        n = len(seg.text)
        if rule_id is not None:
            prose, chrome = 0.0, float(n)
        else:
            prose = _prose(seg.text, seg.link_density)
            links = n * seg.link_density
            # Short plain text (list items, table cells, a date) weighs little either way.
            chrome = links + SHORT_WEIGHT * (n - links) if prose == 0.0 else links
        ancestors = block.ancestors
        if ancestors:
            inner = ancestors[-1]
            if inner not in prose_by:
                _add_elements(ancestors, prose_by, chrome_by, parent)
            prose_by[inner] += prose
            chrome_by[inner] += chrome
    for element in sorted(parent, reverse=True):
        up = parent[element]
        prose_by[up] += prose_by[element]
        chrome_by[up] += chrome_by[element]
    doc.evidence.in_container = [True] * len(segs)
    if not prose_by or not rules.enabled("HTM013"):
        return
    hints = page.main_hints
    best, best_score = None, 0.0
    for a, prose in prose_by.items():
        if prose <= 0:
            continue
        score = prose * (1.0 + MAIN_BONUS if a in hints else 1.0) - alpha * chrome_by[a]
        if score > best_score:
            best, best_score = a, score
    if best is None:
        return
    doc.evidence.container = best
    # Prose in the container's parent or grandparent stays too: a lead paragraph in the article's
    # header, a body split over sibling divs (readability's sibling rule); and plain lists beside it.
    above = next((b.ancestors[: b.ancestors.index(best)] for b in blocks if best in b.ancestors), ())
    near = set(above[-SIBLING_LEVELS:])
    close = set(above[-LIST_LEVELS:])
    chain = set(above) | {best}
    for i, seg in enumerate(segs):
        if doc.verdicts[i] is not None:
            continue
        ancestors = blocks[i].ancestors
        if best in ancestors:
            if not soft_boxes:
                continue
            # A box that looked like chrome but was walked (it holds prose): chrome after all when the
            # article container is not inside it.
            for element, names in blocks[i].soft:
                if element not in chain:
                    rule_id = next((r for name, r in CONTEXT_RULES if name in names), None)
                    if rule_id is not None:
                        doc.label(i, rule_id)
                    break
            continue
        if (near and _prose(seg.text, seg.link_density) >= sibling_prose and not near.isdisjoint(ancestors)
                and seg.context.isdisjoint(_NOT_SIBLING)):
            continue
        if _list_beside(seg, ancestors, close):
            continue
        doc.evidence.in_container[i] = False
        doc.label(i, "HTM013")


def _list_beside(seg: Segment, ancestors: tuple[int, ...], close: set[int]) -> bool:
    """A list item of plain text (few links, no chrome context) right beside the article container:
    a recipe's ingredients, a report's facts box. Its short items hold no prose, so the container
    choice and the sibling rule, which count prose, leave it out."""
    return (seg.tag == "li" and seg.link_density < LINK_LIST / 2 and not close.isdisjoint(ancestors)
            and seg.context.isdisjoint(_NOT_SIBLING))


def measure_collapsed_links(doc: Document, page: HtmlPage) -> None:
    """Give collapsed containers their link density when `label_html` does not run (the HTML rules
    stage is off): the later stages read it."""
    for seg, block in zip(doc.segments, page.blocks):
        if block.collapsed:
            seg.link_density = collapsed_link_density(block)


#: Families whose verdicts the fallback may overturn: structure and region guesses, not patterns.
_OVERTURNABLE = ("HTM", "HEU", "EXT")


def kept_chars(doc: Document) -> int:
    return sum(len(doc.kept_text(i)) for i in range(len(doc.segments)) if doc.verdicts[i] is None)


#: The rest of a page must hold this many times `min_chars` for a second opinion to be worth asking
#: (on smaller pages trafilatura rarely finds more body: 1.5 was best of 1, 1.5 and 2 on the tune half).
REST_FACTOR = 1.5


def short_of_body(doc: Document, min_chars: int) -> bool:
    """Less than `min_chars` of body is left although the rest of the page holds much more."""
    kept = kept_chars(doc)
    return kept < min_chars and sum(len(seg.text) for seg in doc.segments) >= kept + REST_FACTOR * min_chars


def fallback_html(doc: Document, html: str, rules: RuleSet, min_chars: int) -> bool:
    """When less than `min_chars` of body is left, let trafilatura choose: keep the segments its
    extraction contains.

    The ledger stays ours (HTM016 on every segment trafilatura leaves out); returns True when used.
    """
    if not rules.enabled("HTM016") or not short_of_body(doc, min_chars):
        return False
    kept = kept_chars(doc)
    import trafilatura  # costly import, only when needed

    extracted = trafilatura.extract(html, include_comments=False, include_tables=True, fast=True) or ""
    body = " ".join(extracted.split())
    if len(body) <= kept:
        return False
    for i, seg in enumerate(doc.segments):
        inside = len(seg.text) >= 3 and seg.text in body
        verdict = doc.verdicts[i]
        if inside and verdict is not None and verdict.rule[:3] in _OVERTURNABLE:
            doc.unlabel(i)
        elif not inside and doc.verdicts[i] is None:
            doc.label(i, "HTM016")
    return True


def restore_html(doc: Document) -> None:
    """Give back to the body what the region heuristics dropped inside the article container.

    The heuristics read prose; inside a container the page itself marks as the article, tables, lists
    and short paragraphs belong to it too. Not given back: link lists, and what follows the first
    heading after the last prose line (a "Read more" or "Further information" section).
    """
    inside = doc.evidence.in_container
    if not inside:
        return
    kept = [i for i, v in enumerate(doc.verdicts) if v is None]
    if not kept:
        return
    segs = doc.segments
    lo, hi = kept[0], kept[-1]
    stop = _section_end(doc, inside, hi + 1)
    # A following section of the container goes on with the article when it holds running text the
    # heuristics dropped (a feature list: "Web Console" / one sentence about it / "Learn more").
    while stop < len(segs):
        body = stop + 1  # past the headings (and lines a rule removed) that open the next section
        while body < len(segs) and inside[body] and (_is_heading(segs[body].tag) or _ruled(doc, body)):
            body += 1
        end = _section_end(doc, inside, body)
        if not _has_prose(doc, inside, body, end):
            break
        stop = end
    for i in range(stop):
        verdict = doc.verdicts[i]
        seg = segs[i]
        if verdict is not None and verdict.rule in EXTENT_RULES and inside[i] and seg.link_density < 0.3:
            if lo <= i <= hi or len(seg.text) >= 40 or (i < lo and not _is_heading(seg.tag)):
                doc.unlabel(i)


def _section_end(doc: Document, inside: list[bool], start: int) -> int:
    """The first heading (or short non-sentence line) of the container at or after `start`."""
    segs = doc.segments
    for i in range(start, len(segs)):
        seg = segs[i]
        if inside[i] and (_is_heading(seg.tag) or (len(seg.text) < 40 and seg.text[-1] not in ".!?")):
            return i
    return len(segs)


def _ruled(doc: Document, i: int) -> bool:
    verdict = doc.verdicts[i]
    return verdict is not None and verdict.rule not in EXTENT_RULES


def _has_prose(doc: Document, inside: list[bool], start: int, end: int) -> bool:
    """A paragraph of running text in [start, end) that only the region heuristics took out."""
    for i in range(start, end):
        seg, verdict = doc.segments[i], doc.verdicts[i]
        if (inside[i] and verdict is not None and verdict.rule in EXTENT_RULES and len(seg.text) >= 80
                and seg.text[-1] in ".!?" and seg.link_density < 0.3):
            return True
    return False


def _is_heading(tag: str) -> bool:
    return len(tag) == 2 and tag[0] == "h" and tag[1].isdigit()


def fix_title(doc: Document, title: str | None) -> None:
    """The headline of an HTML page is known from its markup (see `html.metadata.choose_title`): a line
    the text stages took for the title but that is not it goes back to the body, and the headline
    itself goes to metadata (TTL001)."""
    if not title:
        return
    for i, seg in enumerate(doc.segments):
        verdict = doc.verdicts[i]
        if verdict is not None and verdict.rule == "TTL001" and seg.text != title and seg.tag != "h1":
            doc.unlabel(i)
        elif verdict is None and seg.text == title and seg.tag in ("h1", "h2"):
            doc.label(i, "TTL001")
