"""Caps on the markup of a page, applied before lexbor parses it: how many tags are read, how deep
the element tree may nest.

Size: a page of millions of tags is no article, and everything done with its tree (metadata claims,
the walk, the fallback's second parse) costs time in proportion. `limit_tags` cuts the markup at its
`max_tags`-th tag (the walk stops earlier anyway, at `CleanerConfig.max_html_nodes` elements).

Depth:
The HTML tree builder checks, for every block-level start tag, whether a <p> is open "in button
scope": it walks down the stack of open elements until it meets one. On a page of 100,000 nested
<div>s (a template that never closes its elements, or a hostile page) that walk is 100,000 long
for each tag, and the parse alone takes minutes in native code, where no time limit can stop it.
Browsers cap the depth for the same reason (Chromium's parser at 512). Real pages stay shallow:
the deepest of the development set's 990 pages nests 42 elements.

`limit_depth` first estimates the depth in C (tag names found by one regex, counted and summed by
`collections.Counter` and `itertools.accumulate`); only a page whose estimate exceeds the cap is
walked tag by tag, and the start tags that would open an element deeper than the cap are taken out
with their end tags. Their text stays, in the element at the cap: a paragraph at the bottom of a
deep pile of <div>s is still read, as part of the block around it.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate
from operator import sub

#: Elements without content: they never deepen the tree.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image"})
#: Elements that the tree builder closes by itself when the next one of their kind starts (a <p>
#: after a <p>, an <li> after an <li>): a page of them repeated is wide, not deep.
SELF_CLOSING = frozenset({"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
                          "tfoot", "rb", "rt", "rp", "rtc", "colgroup"})
#: SVG and MathML elements that pages write self-closed ("<path .../>", "<use .../>"): no depth.
FOREIGN_LEAVES = frozenset({"path", "use", "rect", "circle", "ellipse", "line", "polyline", "polygon", "stop",
                            "image", "feblend", "fecolormatrix", "feoffset", "fegaussianblur", "mpath", "mi", "mo",
                            "mn", "mspace"})
_IGNORED = VOID | SELF_CLOSING | FOREIGN_LEAVES
#: Names of HTML elements: written "<div/>", they still open an element (HTML ignores the slash);
#: other names so written ("<path/>" in SVG) close themselves.
_HTML_NAMES = frozenset({
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "body", "button", "canvas",
    "caption", "center", "cite", "code", "data", "datalist", "del", "details", "dfn", "dialog", "div", "dl",
    "em", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hgroup", "html", "i", "ins", "kbd", "label", "legend", "main", "map", "mark", "menu",
    "meter", "nav", "nobr", "noscript", "object", "ol", "output", "picture", "pre", "progress", "q", "s",
    "samp", "search", "section", "select", "small", "span", "strike", "strong", "sub", "summary", "sup",
    "table", "template", "time", "tt", "u", "ul", "var", "video", "audio", "marquee", "applet", "dir",
})
#: Pages of at most this many tags per level of the depth cap are not checked: parsing costs the
#: tags times the depth, so even nested all the way down they parse in a few tens of milliseconds
#: (at the default cap of 128, 4,096 tags; 4,000 nested <div>s take 26 ms), and the check itself (a
#: regex pass over the markup) would cost 6% of HTML mode on ordinary pages, 95% of which are smaller.
UNCHECKED_TAGS_PER_LEVEL = 32
_NAMES = re.compile(r"<(/?[A-Za-z][A-Za-z0-9:-]*)")
#: Script and style bodies and comments: markup-like text in them ("a<n" in JavaScript) is no tag.
_NOT_MARKUP = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
#: A comment, a script or style element with its content (their text holds no tags), or one tag:
#: whether it is an end tag, its name, whether it ends in "/>".
_TAG = re.compile(r"<!--.*?-->|<(?:script|style)\b[^>]*>.*?</(?:script|style)\s*>|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>",
                  re.DOTALL | re.IGNORECASE)


def _delta(name: str) -> int:
    """+1 for a start tag that opens an element, -1 for an end tag that closes one, 0 otherwise."""
    name = name.lower()
    if name[0] == "/":
        return 0 if name[1:] in _IGNORED else -1
    return 0 if name in _IGNORED else 1


def _tag_depth(markup: str) -> int:
    """The estimate of `estimated_depth` on markup as it is (see there)."""
    names = _NAMES.findall(markup)
    if not names:
        return 0
    counts = Counter(names)
    delta = {name: _delta(name) for name in counts}
    walk = list(accumulate(map(delta.__getitem__, names)))
    lows = accumulate(walk, min, initial=0)
    deepest = max(map(sub, walk, lows))
    opened: Counter[str] = Counter()
    for name, n in counts.items():
        opened[name.lower()] += n if delta[name] else 0
    unclosed = sum(max(0, n - opened.get("/" + name, 0)) for name, n in opened.items() if name[0] != "/")
    return max(deepest, unclosed)


def estimated_depth(html: str, max_depth: int, unchecked_tags: int | None = None, tags: int | None = None) -> int:
    """An estimate of the page's nesting depth from its tags alone, computed in C; 0 when the page
    has too few tags to reach `max_depth`, or to be slow to parse at any depth (`unchecked_tags`,
    by default `UNCHECKED_TAGS_PER_LEVEL` x `max_depth`). `tags`: the count of "<" in `html`, when
    the caller has it.

    The larger of two counts: the deepest point of the running sum of start minus end tags (kept
    from going below zero: stray end tags close nothing), which finds a deep pile that is closed
    again; and the start tags that no end tag of their name closes, which finds elements left open
    behind end tags of other names ("<div></span>" repeated). Tags in scripts, styles and comments
    are left out when the first count says the page may be deep (most pages are not: a regex pass
    less)."""
    if unchecked_tags is None:
        unchecked_tags = UNCHECKED_TAGS_PER_LEVEL * max_depth
    if (html.count("<") if tags is None else tags) <= max(max_depth, unchecked_tags):
        return 0
    depth = _tag_depth(html)
    if depth > max_depth:
        depth = _tag_depth(_NOT_MARKUP.sub("", html))
    return depth


def limit_tags(html: str, max_tags: int, tags: int | None = None) -> tuple[str, bool]:
    """(`html` cut just before its `max_tags`-th "<", whether it was cut); `tags`: the count of "<"
    in `html`, when the caller has it."""
    if (html.count("<") if tags is None else tags) <= max_tags:
        return html, False
    end = -1
    for _ in range(max_tags):
        end = html.find("<", end + 1)
    return html[:end], True


#: A page that is deep is read this many times further than the tag cap before its depth is limited,
#: and the cap then counts the tags that are kept: the start and end tags of the elements taken out
#: (a pile of 200,000 nested <div>s before the article) must not spend the budget that the article's
#: tags need. The walk that takes them out costs the tags it reads, so it is bounded too.
DEEP_READ_FACTOR = 4


def limit_markup(html: str, max_tags: int, max_depth: int, tags: int | None = None) -> tuple[str, bool, int]:
    """(`html` cut at its `max_tags`-th tag and with no element nested deeper than `max_depth`,
    whether the tag cap cut it, the number of start tags the depth cap took out).

    On a page that is not too deep this is `limit_tags` and the estimate of `limit_depth`. On a deep
    one the tags taken out do not count towards `max_tags` (see `DEEP_READ_FACTOR`)."""
    if tags is None:
        tags = html.count("<")
    head, cut_tags = limit_tags(html, max_tags, tags)
    if estimated_depth(head, max_depth, tags=None if cut_tags else tags) <= max_depth:
        return head, cut_tags, 0
    if cut_tags:
        head, cut_tags = limit_tags(html, DEEP_READ_FACTOR * max_tags, tags)
    head, removed, full = _take_out_deep(head, max_depth, max_tags)
    return head, cut_tags or full, removed


def limit_depth(html: str, max_depth: int, unchecked_tags: int | None = None,
                tags: int | None = None) -> tuple[str, int]:
    """(`html` with no element nested deeper than `max_depth`, the number of start tags taken out).

    Most pages are returned as they are, after the estimate alone. The others are walked tag by tag
    (`_take_out_deep`)."""
    if estimated_depth(html, max_depth, unchecked_tags, tags) <= max_depth:
        return html, 0
    html, removed, _ = _take_out_deep(html, max_depth)
    return html, removed


def _take_out_deep(html: str, max_depth: int, max_tags: int | None = None) -> tuple[str, int, bool]:
    """(`html` without the start tags that would open an element deeper than `max_depth` and their
    end tags, how many start tags were taken out, whether it was cut at `max_tags` tags kept).

    The walk keeps a stack of open element names (an end tag closes the innermost open element of
    its name and those above it; one of no open element is left alone)."""
    pieces: list[str] = []
    keep_from = 0
    stack: list[str] = []
    open_names: dict[str, int] = {}
    #: Start tags taken out and not yet closed, by name: their end tags go too.
    dropped: dict[str, int] = {}
    removed = 0
    kept = 0  # tags kept (with `max_tags`: comments, scripts and styles count as one)
    cut_at = -1
    for m in _TAG.finditer(html):
        if max_tags is not None:
            kept += 1
            if kept > max_tags:
                cut_at = m.start()
                break
        name = m.group(2)
        if name is None:
            continue  # a comment, or a script or style element with its content
        name = name.lower()
        if name in _IGNORED:
            continue
        if m.group(1):
            if dropped.get(name):
                pieces.append(html[keep_from : m.start()])
                keep_from = m.end()
                dropped[name] -= 1
                kept -= 1
            elif open_names.get(name):
                while True:
                    top = stack.pop()
                    open_names[top] -= 1
                    if top == name:
                        break
        elif m.group(3) and name not in _HTML_NAMES:
            continue
        elif len(stack) >= max_depth:
            pieces.append(html[keep_from : m.start()])
            keep_from = m.end()
            dropped[name] = dropped.get(name, 0) + 1
            removed += 1
            kept -= 1
        else:
            stack.append(name)
            open_names[name] = open_names.get(name, 0) + 1
    if not removed and cut_at < 0:
        return html, 0, False
    pieces.append(html[keep_from:] if cut_at < 0 else html[keep_from:cut_at])
    return "".join(pieces), removed, cut_at >= 0
