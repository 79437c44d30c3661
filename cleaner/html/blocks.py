"""HTML segmentation: walk the selectolax (lexbor) tree once and cut it into blocks.

A block is the visible text of one block element (p, h1-h6, li, td, figcaption, a div holding text,
a line broken by <br>), with the evidence the labelling may use: its tag, the share of
its characters inside links, the containers it sits in (`context`: figure, aside, nav, header,
footer, form, and class/id hints such as related/share/promo/newsletter/comment/cookie), and the ids
of its ancestor elements (for choosing the article container).

A container that is boilerplate by its tag or its class/id (a menu, a footer, a cookie banner, a
comment thread) becomes ONE block holding its whole text, read in C by lexbor, instead of being
walked element by element: that is most of the speed of HTML mode, and the container's text still
appears in the rendered input, so its removal is in the ledger like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import re
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .hints import read_hints
from ..text.normalize import DROPPED_CHARS, SOFT_HYPHEN

#: Elements whose content is never visible text.
SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "iframe", "head", "object", "canvas", "select",
    "button", "math", "video", "audio", "map", "textarea", "input", "-comment", "_comment", "title", "meta",
    "link", "rt", "rp",
})
#: Removed with their content before the walk (lexbor's text() would otherwise read them). <rt>/<rp>
#: (the pronunciation printed over Japanese and Chinese characters, ruby) too, on the pages that
#: have them: `html.parse_html` strips them first.
_STRIP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select", "button",
          "math", "video", "audio", "map", "textarea")
#: Elements that end the current block (a new line starts after them).
BLOCK = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4",
    "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure",
    "figcaption", "form", "address", "hr", "body", "html", "details", "summary", "caption", "center",
    "fieldset", "legend", "menu", "tbody", "thead", "tfoot",
})
#: Blocks after which a blank line separates what follows (paragraph-level boundaries).
PARAGRAPH = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "figure", "ul", "ol", "section",
    "article", "header", "footer", "nav", "aside", "form", "hr", "dl", "main",
})
#: Tags that give their name to the context of everything inside them.
CONTEXT_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "header", "footer", "form", "article",
                          "main", "blockquote", "table", "li", "caption"})
#: Containers collapsed into one block by their tag alone (menus and page chrome).
COLLAPSE_TAGS = frozenset({"nav", "aside", "footer", "form", "menu"})

#: Hints that make a container boilerplate outright (collapsed into one block).
COLLAPSE_HINTS = frozenset({"cookie", "comment", "related", "share", "newsletter", "promo", "advert", "nav",
                            "footer", "sidebar", "tags"})
#: An element whose class/id says author/byline and that holds at most this much text is an author box.
_BIO_MAX_CHARS = 1200
#: Hints that are sure even for a large container; the others collapse only containers up to
#: `_WEAK_MAX_CHARS` (an <aside> or a "sidebar" div sometimes holds the whole article).
STRONG_HINTS = frozenset({"cookie", "comment"})
#: A container holding any of these is never collapsed: it holds the headline or the article body.
_PROTECT = ("h1, [itemprop=articleBody], [class*=article-body], [class*=articleBody], [class*=article__body], "
            "[class*=entry-content], [class*=post-content], [class*=story-body], [class*=post-body]")
#: Characters of long paragraphs (>= 120 chars each) that make a weakly hinted container article text.
_PROSE_GUARD = 600
_WEAK_MAX_CHARS = 2000
#: A collapsed container is walked after all when it holds more than this share of the page's text
#: (an ASP.NET <form> around the whole page, a "comments" wrapper around the article).
_COLLAPSE_MAX_SHARE = 0.45
#: Elements whose subtree is read to decide what they are (a box's text, a header's <h1>) may nest
#: this deep; inside as many, a box is walked without reading it. Each read costs as much as the
#: subtree, so a pile of boxes would cost its depth times its size (the development set nests 11 at most).
MAX_NESTED_READS = 16
#: Tags that give evidence by themselves (a context name, a collapse, a masthead).
_EVIDENCE_TAGS = CONTEXT_TAGS | COLLAPSE_TAGS | {"header"}
#: Hints ignored on these tags (page-level wrappers whose class says little).
_NO_HINT_TAGS = frozenset({"html", "body", "main", "article", "p", "h1", "h2", "h3", "span", "a", "strong", "em", "b", "i"})


@dataclass(slots=True)
class Block:
    text: str
    tag: str
    link_density: float
    context: frozenset[str]
    ancestors: tuple[int, ...]
    #: A blank line comes before this block (a paragraph-level boundary since the previous block).
    paragraph: bool
    #: The block is a whole boilerplate container read at once (its context says why).
    collapsed: bool = False
    #: Boilerplate-looking containers around the block that were walked rather than collapsed
    #: (they hold long prose): (element id, its context names). The labelling decides, once the
    #: article container is known, whether they are the article or a box beside it.
    soft: tuple[tuple[int, frozenset[str]], ...] = ()
    #: The element of a collapsed block, kept until its link density is needed (see
    #: `collapsed_link_density`): it is only read when the block's HTML rule is disabled.
    node: LexborNode | None = None


#: Block elements whose nesting the structured outputs read (lists, tables, quotes, code): recorded by
#: element id as the walk enters them, so that a block's role follows from its `ancestors`.
STRUCTURE_TAGS = frozenset({"ul", "ol", "menu", "li", "table", "tr", "td", "th", "blockquote", "pre", "dl", "dt", "dd"})


@dataclass
class PageLayout:
    """What the structured outputs (Markdown, HTML; `cleaner.output`) need beyond the blocks' text,
    recorded during the walk at the cost of a dict entry per list/table/quote element and a tuple per
    link and image. Nothing here takes part in labelling."""

    #: Element id -> tag, for the elements in STRUCTURE_TAGS.
    elements: dict[int, str] = field(default_factory=dict)
    #: Links: (index of the block holding the anchor, the anchor's raw text, href).
    links: list[tuple[int, str, str]] = field(default_factory=list)
    #: Images: (index of the block at or after the image, the <img> element's attributes).
    images: list[tuple[int, dict[str, str | None]]] = field(default_factory=list)
    #: Block index -> raw text of a <pre> block (its line breaks, which the block's text collapses).
    code: dict[int, str] = field(default_factory=dict)


class HtmlBlocks:
    """What an HTML-mode `Article` carries for the structured outputs (`Article.blocks`): its
    segments (tags, ancestor ids) and the page's layout. A plain class: built for every HTML page."""

    __slots__ = ("segments", "layout")

    def __init__(self, segments: list[Any], layout: PageLayout) -> None:
        self.segments = segments
        self.layout = layout

    def __iter__(self) -> Any:
        return iter((self.segments, self.layout))

    def __reduce__(self) -> Any:
        return (HtmlBlocks, (self.segments, self.layout))


@dataclass
class HtmlPage:
    """A segmented page: its blocks in document order, metadata claims, the cap and counters."""

    blocks: list[Block]
    meta: dict[str, Any] = field(default_factory=dict)
    truncated: bool = False
    stats: dict[str, int] = field(default_factory=dict)
    #: Tags in the page's markup as given (before any cap), for the caps on the helpers.
    markup_tags: int = 0
    #: Caps that cut this page short: CleanerConfig field name -> its value (see `Article.stats`).
    capped: dict[str, int] = field(default_factory=dict)
    #: Element ids whose class/id or itemprop says "article body".
    main_hints: set[int] = field(default_factory=set)
    #: Structure for the structured outputs (lists, tables, links, images, code).
    layout: PageLayout = field(default_factory=PageLayout)
    #: (index of the block the link opens in, href) of every <a href> the walk entered (`Article.links`).
    hrefs: list[tuple[int, str]] = field(default_factory=list)


_NO_HINTS: frozenset[str] = frozenset()


def _read_hints(cls: str | None, ident: str | None, itemprop: str | None) -> tuple[frozenset[str], bool]:
    hints, is_main = read_hints(cls, ident)
    return hints, is_main or itemprop == "articleBody"


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") or "") == "true":
        return True
    style = attrs.get("style")
    if style:
        s = style.replace(" ", "").lower()
        return "display:none" in s or "visibility:hidden" in s
    return False


def _holds_article(node: LexborNode, strong: bool) -> bool:
    """The container holds the headline or the article body (so its hint is about something else).

    For a weak hint, long paragraphs say so too, and are counted first: that costs a fraction of
    the nine-selector search, which it then spares."""
    if not strong and _holds_prose(node):
        return True
    return node.css_first(_PROTECT) is not None


def _holds_prose(node: LexborNode) -> bool:
    """The container holds `_PROSE_GUARD` characters of long paragraphs (article text)."""
    long_chars = 0
    for p in node.css("p"):
        n = len(p.text(deep=True, strip=True) or "")
        if n >= 120:
            long_chars += n
            if long_chars >= _PROSE_GUARD:
                return True
    return False


#: Characters that `normalize_text` drops (zero-width characters, C0/C1 controls; the soft hyphen
#: stays in HTML mode), taken from its own table. The odd spaces it maps to " " need no work here:
#: `str.split` already takes them, and line separators, for whitespace.
_DROPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(DROPPED_CHARS - {SOFT_HYPHEN})) + "]")
#: The dropped characters that `str.split` takes for whitespace (dropping them joins the words around).
_DROPPED_SPACES = tuple(chr(c) for c in sorted(DROPPED_CHARS - {SOFT_HYPHEN}) if chr(c).isspace())
assert not any(chr(c).isprintable() for c in DROPPED_CHARS), "clean_text's shortcut needs them unprintable"


def clean_text(raw: str) -> str:
    """Normalized, whitespace-collapsed text of a block: what `normalize_text` and collapsing spaces
    would give, without translating the whole string character by character.

    Soft hyphens stay in HTML mode: they are part of the page's words as published (and of the
    snippets that the evaluation looks for); text mode drops them.

    Most blocks hold no dropped character, and telling so costs less than the regex: the others are
    all unprintable, so a printable result of splitting alone holds none of them, unless one of them
    was taken for a space."""
    text = " ".join(raw.split())
    if text.isprintable() and not _holds_any(raw, _DROPPED_SPACES):
        return text
    return " ".join(_DROPPED.sub("", raw).split())


def _holds_any(text: str, chars: tuple[str, ...]) -> bool:
    for char in chars:
        if char in text:  # (a memchr; no time at all for a character wider than the string's)
            return True
    return False


def text_runs(node: Any, max_chars: int | None = None, split_at_br: bool = False) -> list[str]:
    """A node's text as a browser lays it out, one string per run of text inside the same block
    element (and, with `split_at_br`, between <br>s): the text nodes of a run joined as they stand
    ("<em>THW</em>: ..." is "THW: ..."; ruby's characters stay together once its readings are gone),
    whitespace between runs dropped; raw (not cleaned). Stops after about `max_chars` characters."""
    runs: list[list[str]] = []
    run_key: int | None = None
    total = 0
    top = node.mem_id
    for child in node.traverse(include_text=True):
        if child.tag != "-text":
            if split_at_br and child.tag == "br":
                run_key = None
            continue
        value = child.text_content
        if not value:
            continue
        parent = child.parent
        while parent is not None and parent.tag not in BLOCK and parent.mem_id != top:
            parent = parent.parent
        key = parent.mem_id if parent is not None else top
        if runs and key == run_key:
            runs[-1].append(value)
        elif value.isspace():
            continue
        else:
            run_key = key
            runs.append([value])
        total += len(value)
        if max_chars is not None and total >= max_chars:
            break
    return ["".join(pieces) for pieces in runs]


def collapsed_link_density(block: Block) -> float:
    """Share of a collapsed container's text inside links, counted on demand: the labelling reads it
    only when the container's HTML rule is disabled (otherwise the rule decides), so counting the
    links of every menu and footer up front is wasted work."""
    node = block.node
    if node is not None:
        n = len(block.text)
        links = sum(len(a.text(deep=True, strip=True) or "") for a in node.css("a")) if n < 2000 else n // 2
        block.link_density = min(1.0, links / n)
        block.node = None
    return block.link_density


def _container_text(node: LexborNode) -> str:
    return clean_text(node.text(deep=True, separator=" ", strip=False) or "")


def segment_html(html: str | LexborHTMLParser, max_nodes: int = 100_000, max_blocks: int = 50_000) -> HtmlPage:
    """Cut the visible page into blocks (see the module docstring). Strips scripts from the tree.

    The walk stops after `max_nodes` elements (`page.truncated`) or `max_blocks` blocks (`page.capped`):
    the labelling costs some microseconds a block, and a page of a million blocks is no article."""
    tree = LexborHTMLParser(html) if isinstance(html, str) else html
    # Invisible content goes first, in C, so that container text read at once never includes it.
    tree.strip_tags(list(_STRIP))
    root = tree.body or tree.root
    page = HtmlPage([])
    if root is None:
        return page
    page_chars = 0  # the page's text length, read when a large box is first weighed against it
    blocks = page.blocks
    pieces: list[str] = []
    link_chars = 0
    pending_paragraph = True
    visited = 0
    collapsed = 0
    next_id = 0
    # The innermost open element's state is in locals; entering an element saves the state around
    # it on `outer` as one tuple, and leaving it restores that (one push and pop per element).
    open_tag: str | None = None  # None: a node lexbor names no tag (a processing instruction)
    #: The innermost block tag around (the tag a block flushed there gets).
    block_tag = "div"
    #: How many open elements had their subtree read.
    reads = 0
    context: frozenset[str] = frozenset()
    soft: tuple[tuple[int, frozenset[str]], ...] = ()
    outer: list[tuple[str | None, str, int, frozenset[str], tuple[tuple[int, frozenset[str]], ...]]] = []
    #: Ids of the open elements (a block's `ancestors`).
    ids: list[int] = []
    seen: dict[tuple[str | None, str | None, str | None], tuple[frozenset[str], bool]] = {}
    link_depth = 0
    layout = page.layout
    elements = layout.elements
    #: Open <a> elements: (flushes so far, pieces so far, href); a link is recorded when it closes.
    anchors: list[tuple[int, int, str | None]] = []
    flushes = 0

    def flush() -> None:
        nonlocal link_chars, pending_paragraph, flushes
        if not pieces:
            return
        raw = "".join(pieces)
        text = clean_text(raw)
        pieces.clear()
        flushes += 1
        links, link_chars = link_chars, 0
        if not text:
            return
        if block_tag == "pre":
            layout.code[len(blocks)] = raw
        blocks.append(Block(text, block_tag, min(1.0, links / len(text)), context,
                            tuple(ids), pending_paragraph, soft=soft))
        pending_paragraph = False

    # Nodes to enter, and None where the element below it on the stack is left (its state is on
    # the per-element lists): no tuple per node.
    stack: list[LexborNode | None] = [root]
    while stack:
        node = stack.pop()
        if node is None:
            closing = open_tag
            if closing in BLOCK:
                if pieces:  # (most elements end with no text of their own pending)
                    flush()
                if closing in PARAGRAPH:
                    pending_paragraph = True
            elif closing == "a":
                link_depth -= 1
                since, first, href = anchors.pop()
                if href and since == flushes and first < len(pieces):
                    layout.links.append((len(blocks), "".join(pieces[first:]), href))
            ids.pop()
            open_tag, block_tag, reads, context, soft = outer.pop()
            continue
        tag = node.tag
        if tag == "-text":
            value = node.text_content
            if value:
                pieces.append(value)
                if link_depth:
                    link_chars += len(value.strip())
            continue
        if tag in SKIP:
            continue
        visited += 1
        if visited > max_nodes:
            page.truncated = True
            break
        if len(blocks) >= max_blocks:  # checked per element: blocks are flushed when elements end
            page.capped["max_lines"] = max_blocks
            break
        if tag == "br":
            flush()
            continue
        attrs = node.attributes
        if attrs and ("hidden" in attrs or "aria-hidden" in attrs or "style" in attrs) and _is_hidden(attrs):
            continue
        hints: frozenset[str] = _NO_HINTS
        is_main = False
        if attrs:
            key = (attrs.get("class"), attrs.get("id"), attrs.get("itemprop"))
            cached = seen.get(key)
            if cached is None:
                cached = seen[key] = _read_hints(*key)
            hints, is_main = cached
            if "hidden" in hints:
                continue  # text for screen readers only: not visible, like display:none
            if tag in _NO_HINT_TAGS:
                hints = _NO_HINTS
        collapse = False
        own: set[str] | frozenset[str] = _NO_HINTS
        # Whether this element's whole subtree is read (its text, a search in it), and whether as many
        # elements around it already were: then it is walked without reading (see MAX_NESTED_READS).
        read_here = False
        deep = reads >= MAX_NESTED_READS
        if hints or is_main or tag in _EVIDENCE_TAGS:
            # Most elements (a plain div, span, p) say nothing about where they are: no work for them.
            own = {tag} if tag in CONTEXT_TAGS else set()
            if is_main:
                page.main_hints.add(next_id)
                own.add("main")
            own |= hints
            if "byline" in hints and "main" not in own and not deep:
                read_here = True
                if len(node.text(deep=True, strip=True) or "") <= _BIO_MAX_CHARS:
                    own.add("bio")  # an author box: a byline, or a paragraph about the author
            collapse = (tag in COLLAPSE_TAGS or bool(hints & COLLAPSE_HINTS)) and "main" not in own
            if tag == "header" and "article" not in context and "main" not in context and not deep:
                read_here = True
                if node.css_first("h1") is None:
                    collapse = True
                    own.add("masthead")
        if collapse and tag != "body" and deep:
            page.capped["nested_boxes"] = MAX_NESTED_READS
        elif collapse and tag != "body":
            read_here = True
            text = _container_text(node)
            strong = bool(own & STRONG_HINTS)
            small = len(text) <= _WEAK_MAX_CHARS or strong
            if small and len(text) >= 400:
                small = not _holds_article(node, strong)
                if small and not page_chars:  # read once, for the first large box that may collapse
                    page_chars = len(root.text(deep=True, separator=" ", strip=False) or "") or 1
            if small and (len(text) < 400 or len(text) <= _COLLAPSE_MAX_SHARE * page_chars):
                if "main" in context and "hidden" not in own and tag in ("aside", "form", "footer") and not hints:
                    collapse = False  # an aside/footer inside the article: walk it, keep its evidence
                if collapse:
                    flush()
                    if text:
                        # (tag is None only on a processing instruction, which has no class to collapse)
                        blocks.append(Block(text, tag or "", 0.0, context | own,
                                            tuple(ids) + (next_id,), True, collapsed=True, soft=soft,
                                            node=node))
                    next_id += 1
                    collapsed += 1
                    pending_paragraph = True
                    continue
            # Walked after all (it holds article text, or is too big to be chrome): its hint stays in
            # the context as weak evidence.
        if tag in BLOCK:
            if pieces:
                flush()
            if tag in PARAGRAPH:
                pending_paragraph = True
            if tag in STRUCTURE_TAGS:
                elements[next_id] = tag
        elif tag == "a":
            link_depth += 1
            anchors.append((flushes, len(pieces), attrs.get("href") if attrs else None))
            if attrs and (href := attrs.get("href")):
                page.hrefs.append((len(blocks), href))
        elif tag == "img":
            layout.images.append((len(blocks), attrs))
        outer.append((open_tag, block_tag, reads, context, soft))
        open_tag = tag
        if tag in BLOCK:
            block_tag = tag
        if read_here:
            reads += 1
        ids.append(next_id)
        if collapse and tag != "body":
            soft += ((next_id, frozenset(own)),)
        if own:
            context = context | own
        next_id += 1
        stack.append(None)
        # At most as many children as the walk may still visit (text nodes between them): a <p> of
        # a million <br>s is not turned into a million node objects only to stop at `max_nodes`.
        budget = 2 * (max_nodes - visited) + 2
        children = list(islice(node.iter(include_text=True), budget + 1))
        if len(children) > budget:
            children.pop()
            page.truncated = True
        children.reverse()
        stack += children
    flush()
    if len(blocks) > max_blocks:
        del blocks[max_blocks:]
        page.capped["max_lines"] = max_blocks
    page.stats = {"html_elements": visited, "html_blocks": len(blocks), "html_collapsed": collapsed}
    return page
