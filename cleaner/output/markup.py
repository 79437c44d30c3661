"""The body as nested markup elements, for any vocabulary: HTML (`output.html`) and TEI XML (`output.tei`).

One walk over `structure.body_lines` decides where lists open and close (nested by depth), where a
block quote starts, which lines make one table, where images go and how anchors are written back;
a `Markup` says how each of those is spelt. So the HTML page and the TEI document always agree on
the body's structure, and a fix to the walk fixes both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from .links import LinkFinder, images as find_images
from .body_blocks import Line, body_lines, table_rows

if TYPE_CHECKING:
    from ..article import Article


@dataclass(frozen=True)
class Markup:
    """How one output vocabulary spells the body's elements."""

    #: Text (and attribute values) escaped for the vocabulary.
    escape: Callable[[str], str]
    #: (escaped anchor text, URL) -> a link element.
    link: Callable[[str, str], str]
    #: (URL, alt text) -> an image element, placed as a block of its own.
    image: Callable[[str, str], str]
    #: A paragraph around its (escaped) text: "<p>{}</p>".
    paragraph: str
    #: (level 1-6, escaped text) -> a heading.
    heading: Callable[[int, str], str]
    #: A preformatted block around its escaped text (line breaks kept).
    code: str
    #: Opening and closing a list, unordered and ordered: (("<ul>", "</ul>"), ("<ol>", "</ol>")).
    lists: tuple[tuple[str, str], tuple[str, str]]
    #: Opening and closing a list item, and the break between two blocks of one item.
    item: tuple[str, str]
    line_break: str
    #: Opening and closing a block quote.
    quote: tuple[str, str]
    #: (rows of escaped cells, first row is a header) -> a table.
    table: Callable[[list[list[str]], bool], str]


def body_markup(article: Article, markup: Markup, *, links: bool = True, images: bool = True) -> list[str]:
    """The body as elements of `markup`, one string per top-level element."""
    lines = body_lines(article)
    finder = LinkFinder(article) if links else None
    pictures = {k: [markup.image(src, alt) for src, alt in found]
                for k, found in (find_images(article, lines) if images else {}).items()}
    out: list[str] = []
    open_lists: list[int] = []  # 0 unordered, 1 ordered, innermost last
    quote = False
    k, n = 0, len(lines)

    def inline(line: Line) -> str:
        if finder is None:
            return markup.escape(line.text)
        return finder.render(line, markup.escape, markup.link)

    def close_list() -> None:
        out.append(markup.item[1] + markup.lists[open_lists.pop()][1])

    while k < n:
        line = lines[k]
        if line.role != "li" or pictures.get(k):
            while open_lists:
                close_list()
        if (line.quote > 0) != quote:
            while open_lists:
                close_list()
            out.append(markup.quote[0] if line.quote else markup.quote[1])
            quote = line.quote > 0
        out.extend(pictures.get(k, ()))
        if line.role == "cell":
            end = k
            while end < n and lines[end].role == "cell" and lines[end].table == line.table:
                end += 1
            out.append(markup.table(table_rows(article, lines[k:end], inline), lines[k].header))
            k = end
            continue
        text = inline(line)
        if line.role == "h":
            out.append(markup.heading(line.level, text))
        elif line.role == "li":
            if k > 0 and line.item >= 0 and lines[k - 1].item == line.item and open_lists:
                out.append(markup.line_break + text)
            else:
                level = max(1, min(line.level, len(open_lists) + 1))
                while len(open_lists) > level:
                    close_list()
                if len(open_lists) == level:
                    out.append(markup.item[1])
                else:
                    open_lists.append(int(line.ordered))
                    out.append(markup.lists[int(line.ordered)][0])
                out.append(markup.item[0] + text)
        elif line.role == "code":
            out.append(markup.code.format(markup.escape(line.raw.strip("\n") if line.raw is not None else line.text)))
        else:
            out.append(markup.paragraph.format(text))
        k += 1
    while open_lists:
        close_list()
    if quote:
        out.append(markup.quote[1])
    return out
