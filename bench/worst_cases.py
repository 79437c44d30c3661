"""Pathological inputs for the worst-case cost of one `clean` call (issue 15), at any size.

Each case builds its input for a size `n` (the count the case is about: nesting depth, sibling
elements, bytes, lines, table rows). `Case.full` is the size the issue names; `make bench-worst`
(bench/worst.py) runs each case at 1/8, 1/4, 1/2 and all of it and tests/test_worst_case.py at a
small size. The two share these builders so that what is timed is what is tested.

Most cases carry a short article (`ARTICLE`, under a headline) beside the pathological part: a
cleaner that stays fast by throwing the whole page away has not answered. `Case.keeps` is text the
body must hold; `Case.drops` text it must not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

#: The article next to each pathological part: prose that every mode keeps.
HEADLINE = "Council approves the bridge repairs after a long debate"
ARTICLE = (
    "The city council approved the new budget on Tuesday after a long debate about the cost of the "
    "school building, the library and the repairs to the old bridge across the river. "
    "The mayor said that the work on the bridge would begin in the spring and that the road would stay "
    "open for most of the time, although there would be some closures at night."
)
SECOND = (
    "Residents who live near the river had asked for the repairs for many years, and several of them "
    "came to the meeting to thank the council for its decision, which they said was long overdue."
)
#: A photo credit of the kind the CRD rules remove, repeated to make one long line of slashes.
CREDIT_TOKEN = "MIKHAIL METZEL/SPUTNIK/KREMLIN/POOL/EPA-EFE/Shutterstock/"


@dataclass(frozen=True)
class Case:
    """One pathological input, buildable at any size `n` (see the module docstring)."""

    name: str
    kind: str
    #: What `n` counts (for the tables).
    unit: str
    #: The size the issue names (the largest the benchmark runs).
    full: int
    build: Callable[[int], str]
    #: Text the cleaned body must contain, and text it must not.
    keeps: tuple[str, ...] = (ARTICLE,)
    drops: tuple[str, ...] = ()
    #: Why the case is there.
    note: str = ""


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>{HEADLINE}</title>{head}</head><body>{body}</body></html>"


def _article_html() -> str:
    return f"<article><h1>{HEADLINE}</h1><p>{ARTICLE}</p><p>{SECOND}</p></article>"


def _article_text() -> str:
    return f"{HEADLINE}\n\n{ARTICLE}\n\n{SECOND}\n"


def deep_nesting(n: int) -> str:
    """`n` nested <div>s with the article at the bottom (a broken template that never closes)."""
    return _page("<div>" * n + _article_html() + "</div>" * n)


def deep_nesting_unclosed(n: int) -> str:
    """`n` nested <div>s that are never closed, each holding a little text, the article first."""
    return _page(_article_html() + "<div>x " * n)


def siblings(n: int) -> str:
    """The article, then `n` sibling elements each with a word (a list a template ran away with)."""
    return _page(_article_html() + "<div>item</div>" * n)


def empty_siblings(n: int) -> str:
    """The article, then `n` empty sibling elements."""
    return _page(_article_html() + "<span></span>" * n)


def one_tag(n: int) -> str:
    """About `n` bytes of one tag, <p>, repeated with nothing in it, after the article."""
    return _page(_article_html() + "<p>" * (n // 3))


def short_paragraphs(n: int) -> str:
    """About `n` bytes of short paragraphs that all say the same."""
    one = "<p>Short line of text.</p>"
    return _page(_article_html() + one * (n // len(one)))


def huge_text_node_html(n: int) -> str:
    """One paragraph of about `n` bytes of prose words (one text node) after the article."""
    words = "and the river was wide and the road went on "
    return _page(_article_html() + "<p>" + words * (n // len(words)) + "</p>")


def huge_text_line(n: int) -> str:
    """Text mode: the article, then one line of about `n` bytes of prose words without an end."""
    words = "and the river was wide and the road went on "
    return _article_text() + "\n" + words * (n // len(words)) + "\n"


def credit_line_text(n: int) -> str:
    """Text mode: the article, then one line of about `n` bytes of slash-separated credit names."""
    return _article_text() + "\n" + CREDIT_TOKEN * (n // len(CREDIT_TOKEN)) + "\n"


def credit_line_html(n: int) -> str:
    """The article, then a <figcaption> of about `n` bytes of slash-separated credit names."""
    return _page(_article_html() + "<figure><figcaption>" + CREDIT_TOKEN * (n // len(CREDIT_TOKEN))
                 + "</figcaption></figure>")


def long_word_text(n: int) -> str:
    """Text mode: the article, then one word of `n` letters (a base64 blob pasted into the text)."""
    return _article_text() + "\n" + "Ab" * (n // 2) + "\n"


def one_char_lines(n: int) -> str:
    """Text mode: the article, then `n` lines of one character each."""
    return _article_text() + "\n" + "x\n" * n


def one_char_lines_spaced(n: int) -> str:
    """Text mode: the article, then `n` one-character lines ending in a space (they read as a
    converter's fragments, to be joined)."""
    return _article_text() + "\n" + "x \n" * n


def repeated_lines(n: int) -> str:
    """Text mode: the article, then the same boilerplate line `n` times."""
    return _article_text() + "\n" + "Sign up for our newsletter to get the news every morning\n" * n


def many_markers(n: int) -> str:
    """Text mode: the article, then `n` section openers each followed by a teaser."""
    return _article_text() + "\n" + "Related Articles\nA teaser headline\n\n" * n


def markers_first(n: int) -> str:
    """Text mode: `n` section openers each followed by a teaser, then the article (every opener
    asks how much prose lies before and after it)."""
    return "Related Articles\nA teaser headline\n\n" * n + "\n" + _article_text()


def table(n: int) -> str:
    """The article, then a table of `n` rows x 10 cells."""
    row = "<tr>" + "".join(f"<td>c{k}</td>" for k in range(10)) + "</tr>"
    return _page(_article_html() + "<table>" + row * n + "</table>")


def nested_tables(n: int) -> str:
    """`n` tables nested in each other's cells, the article in the innermost one."""
    return _page("<table><tr><td>" * n + _article_html() + "</td></tr></table>" * n)


def nested_lists(n: int) -> str:
    """The article, then `n` lists nested in each other's items, each item with a word."""
    return _page(_article_html() + "<ul><li>item" * n + "</li></ul>" * n)


def many_br(n: int) -> str:
    """The article, then `n` <br> line breaks with a word between them."""
    return _page(_article_html() + "<p>" + "word<br>" * n + "</p>")


def huge_attributes(n: int) -> str:
    """class, id, style and data-* attributes of `n` bytes each around the article."""
    words = ("col-12 wrapper row-4 " * (n // 21 + 1))[:n]
    style = ("color:red;" * (n // 10 + 1))[:n]
    return _page(f'<div class="{words}" id="{words}" style="{style}" data-x="{"a" * n}">{_article_html()}</div>')


def huge_json_ld(n: int) -> str:
    """A JSON-LD script of about `n` bytes (a product feed inlined in the page), and the article."""
    items = [{"@type": "Product", "name": f"item {k}", "description": "x" * 40} for k in range(n // 80)]
    data = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
                       "author": {"@type": "Person", "name": "Ann Writer"}, "hasPart": items})
    return _page(_article_html(), head=f'<script type="application/ld+json">{data}</script>')


def nested_boxes(n: int) -> str:
    """`n` nested <div class="sidebar"> boxes around the article and enough prose to be walked: each
    box's text is read to decide whether it is chrome."""
    prose = "".join(f"<p>{ARTICLE}</p>" for _ in range(8))
    return _page('<div class="sidebar share">' * n + _article_html() + prose + "</div>" * n)


def many_links(n: int) -> str:
    """The article, then one paragraph of `n` links."""
    return _page(_article_html() + "<p>" + '<a href="/x">link</a> ' * n + "</p>")


_M = 1_000_000
CASES: tuple[Case, ...] = (
    Case("deep-nesting", "html", "depth", 100_000, deep_nesting, note="nested <div>, article at the bottom"),
    Case("deep-unclosed", "html", "depth", 100_000, deep_nesting_unclosed, note="unclosed <div> with text"),
    Case("siblings", "html", "elements", _M, siblings, note="10^6 <div>item</div> after the article"),
    Case("empty-siblings", "html", "elements", _M, empty_siblings, note="10^6 <span></span>"),
    Case("one-tag", "html", "bytes", 10 * _M, one_tag, note="10 MB of <p>"),
    Case("short-paragraphs", "html", "bytes", 10 * _M, short_paragraphs, note="10 MB of one short <p>"),
    Case("text-node", "html", "bytes", 10 * _M, huge_text_node_html, note="one 10 MB text node"),
    Case("long-line", "text", "bytes", 10 * _M, huge_text_line, note="one 10 MB line of words"),
    Case("credit-line", "text", "bytes", 5 * _M, credit_line_text, drops=(CREDIT_TOKEN,),
         note="one 5 MB line of A/B/C credit names"),
    Case("credit-caption", "html", "bytes", 5 * _M, credit_line_html, drops=(CREDIT_TOKEN,),
         note="a 5 MB <figcaption> of credit names"),
    Case("long-word", "text", "bytes", 5 * _M, long_word_text, note="one 5 MB word"),
    Case("one-char-lines", "text", "lines", 100_000, one_char_lines, note="10^5 lines of one character"),
    Case("fragment-lines", "text", "lines", 100_000, one_char_lines_spaced, note="10^5 'x ' lines"),
    Case("repeated-lines", "text", "lines", 100_000, repeated_lines, note="one line 10^5 times"),
    Case("section-markers", "text", "openers", 100_000, many_markers, note="10^5 'Related Articles'"),
    Case("markers-first", "text", "openers", 12_000, markers_first, note="1.2 x 10^4 openers before the article"),
    Case("table", "html", "rows", 10_000, table, note="10^4 x 10 cells after the article"),
    Case("nested-tables", "html", "depth", 10_000, nested_tables, note="tables in cells, article inside"),
    Case("nested-lists", "html", "depth", 100_000, nested_lists, note="<ul><li> nested"),
    Case("nested-boxes", "html", "depth", 10_000, nested_boxes, note="sidebar boxes nested around the article"),
    Case("many-br", "html", "breaks", _M, many_br, note="10^6 <br> in one paragraph"),
    Case("huge-attributes", "html", "bytes", _M, huge_attributes, note="class/id/style/data-* of 1 MB"),
    Case("json-ld", "html", "bytes", 10 * _M, huge_json_ld, note="a 10 MB JSON-LD script"),
    Case("many-links", "html", "links", _M // 2, many_links, note="5 x 10^5 links in one paragraph"),
)
CASES_BY_NAME: dict[str, Case] = {case.name: case for case in CASES}
