"""The kept body with each line's block role: what the structured outputs (Markdown, HTML) render.

The body and the ledger are not touched: the lines are the ones `replay` gives (each line of the
normalized input minus its removed spans), in the same order, and only their role is added:

- HTML input: from the tags recorded while the page was segmented (`html.blocks.PageLayout`): the
  block's own tag (h1-h6, pre), and the list, table and quote elements around it (`Segment.ancestors`).
- Text input: from the line itself, as the labeller sees it: a bulleted line is a list item (the
  bullets of `scoring.features._BULLET`), a short line without a sentence end (`text.structure.heading_like`)
  set apart before a paragraph of prose is a heading. Numbered lines stay paragraphs: in text the
  number is the article's own ("1. FC Köln", "3. Oktober"), and a Markdown list would take it away.

Nothing here runs unless a structured output is asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterator

from ..ledger import collapse_spaces, replay_lines
from ..html.blocks import HtmlBlocks
from ..text.segment import Segment, segment_text
from ..text.structure import heading_like

if TYPE_CHECKING:
    from ..article import Article

__all__ = ["HtmlBlocks", "Line", "body_lines", "kept_segments", "table_rows"]


@dataclass(slots=True)
class Line:
    """One kept line of the body and its role."""

    #: The line as in `Article.text` (one of its paragraphs).
    text: str
    #: "p" paragraph, "h" heading, "li" list item, "code", "cell" (a data table's cell).
    role: str = "p"
    #: Heading level (1-6), or list nesting depth (1 = top level).
    level: int = 0
    #: List item: inside an ordered list (<ol>, or a numbered line of text).
    ordered: bool = False
    #: Nesting depth of <blockquote> elements around it.
    quote: int = 0
    #: Index of the segment (non-blank line of the normalized input) it comes from.
    index: int = 0
    #: HTML: the <li> element it belongs to (several blocks of one item: the first starts the item).
    item: int = -1
    #: "cell": the table, row and cell element ids; whether the cell is a <th>.
    table: int = -1
    row: int = -1
    cell: int = -1
    header: bool = False
    #: "code": the block's text with its line breaks (None when a span of it was removed).
    raw: str | None = None


def kept_segments(article: "Article") -> Iterator[tuple[int, str, str | None]]:
    """(segment index, kept text, label of the whole-line removal) for every non-blank line of the
    normalized input, as `replay` walks it: kept text "" when the line was removed."""
    spans = sorted((r.start, r.end, r.label) for r in article.removed)
    index = 0
    for line, kept, label in replay_lines(article.normalized_input, spans):
        if not line.strip():
            continue
        yield index, kept, None if kept else label
        index += 1


def body_lines(article: "Article") -> list[Line]:
    """The kept lines of the body, in order, each with its role."""
    if not article.normalized_input and article.text:
        # An Article built by hand (or read back from JSON): its body is all there is.
        article = replace(article, normalized_input=article.text, removed=[], blocks=None)
    html_blocks = article.blocks
    if isinstance(html_blocks, HtmlBlocks):
        return _html_lines(article, html_blocks)
    return _text_lines(article)


# -- HTML input ---------------------------------------------------------------------------------
_LISTS = frozenset({"ul", "ol", "menu"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: A table whose cells hold paragraphs, headings or list items, or this many characters, lays out a
#: page rather than holding data: its blocks are rendered as paragraphs.
_CELL_MAX_CHARS = 400
_LAYOUT_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "ul", "ol", "dl"})


def _path(seg: Segment, elements: dict[int, str]) -> list[tuple[int, str]]:
    return [(a, elements[a]) for a in seg.ancestors if a in elements]


def data_tables(segments: list[Segment], elements: dict[int, str]) -> set[int]:
    """Ids of the tables that hold data (rendered as tables) rather than lay out the page."""
    tables: dict[int, bool] = {}
    columns: dict[int, int] = {}
    cells_in_row: dict[int, set[int]] = {}
    for seg in segments:
        path = _path(seg, elements)
        table_ids = [a for a, tag in path if tag == "table"]
        if not table_ids:
            continue
        for outer in table_ids[:-1]:
            tables[outer] = False  # a table inside a table: the outer one is layout
        table = table_ids[-1]
        ok = tables.setdefault(table, True)
        if not ok:
            continue
        inner = path[[a for a, _ in path].index(table):]
        cell = next((a for a, tag in reversed(inner) if tag in ("td", "th")), None)
        row = next((a for a, tag in reversed(inner) if tag == "tr"), None)
        if (seg.tag in _LAYOUT_TAGS or len(seg.text) > _CELL_MAX_CHARS
                or any(tag in _LISTS or tag in ("blockquote", "pre") for _, tag in inner)):
            tables[table] = False
            continue
        if cell is not None and row is not None:
            cells = cells_in_row.setdefault(row, set())
            cells.add(cell)
            columns[table] = max(columns.get(table, 0), len(cells))
    return {t for t, ok in tables.items() if ok and columns.get(t, 0) >= 2}


def _html_lines(article: "Article", html_blocks: HtmlBlocks) -> list[Line]:
    segments, layout = html_blocks
    elements = layout.elements
    tables = data_tables(segments, elements) if "table" in elements.values() else set()
    lines: list[Line] = []
    for index, text, _ in kept_segments(article):
        if not text:
            continue
        if index >= len(segments):  # not expected: the segments are the lines
            lines.append(Line(text, index=index))
            continue
        seg = segments[index]
        line = Line(text, index=index)
        path = _path(seg, elements) if seg.ancestors else []
        line.quote = sum(1 for _, tag in path if tag == "blockquote")
        level = _HEADINGS.get(seg.tag)
        if level is not None:
            line.role, line.level = "h", level
        elif seg.tag == "pre" or any(tag == "pre" for _, tag in path):
            line.role = "code"
            raw = layout.code.get(index)
            if raw is not None and text == seg.text and collapse_spaces(raw) == text:
                line.raw = raw
        else:
            _place(line, path, tables)
        lines.append(line)
    return lines


def _place(line: Line, path: list[tuple[int, str]], tables: set[int]) -> None:
    """List item or table cell, from the innermost item or cell element around the block."""
    for k in range(len(path) - 1, -1, -1):
        element, tag = path[k]
        if tag == "li":
            outer = [t for _, t in path[:k] if t in _LISTS]
            line.role, line.item = "li", element
            line.level = max(1, len(outer))
            line.ordered = bool(outer) and outer[-1] == "ol"
            return
        if tag in ("td", "th"):
            table = next((a for a, t in reversed(path[:k]) if t == "table"), -1)
            if table in tables:
                line.role, line.cell, line.table = "cell", element, table
                line.row = next((a for a, t in reversed(path[:k]) if t == "tr"), -1)
                line.header = tag == "th"
            return
        if tag == "table":
            return


# -- text input ---------------------------------------------------------------------------------
#: A list item's mark at the start of a line (the labeller's bullets, `scoring.features._BULLET`).
BULLET = re.compile(r"^[-•*·▪►✓+◦]\s+(?=\S)")
#: A heading has at most this many words and characters.
_HEADING_WORDS = 12
_HEADING_CHARS = 120


def _prose(text: str) -> bool:
    return len(text) >= 80 or (len(text.split()) >= 8 and text[-1] in ".!?…\"”»")


def _text_lines(article: "Article") -> list[Line]:
    segments = segment_text(article.normalized_input)
    lines = [Line(text, index=index) for index, text, _ in kept_segments(article) if text]
    for k, line in enumerate(lines):
        text = line.text
        if BULLET.match(text):
            line.role, line.level = "li", 1
        elif (k + 1 < len(lines) and heading_like(text) and len(text) <= _HEADING_CHARS
              and len(text.split()) <= _HEADING_WORDS and _prose(lines[k + 1].text)
              and line.index < len(segments) and _set_apart(segments, line.index, lines, k)):
            line.role, line.level = "h", 2
    return lines


def _set_apart(segments: list[Segment], index: int, lines: list[Line], k: int) -> bool:
    """The line starts a block of the input (a blank line or a removed line above it)."""
    if segments[index].first_in_block:
        return True
    return k == 0 or lines[k - 1].index != index - 1


def element_attr(attrs: dict[str, Any], *names: str) -> str | None:
    """The first non-empty attribute of `names` (an <img>'s src, data-src, ...)."""
    for name in names:
        value = attrs.get(name)
        if value and str(value).strip():
            return str(value).strip()
    return None


def table_rows(article: "Article", cells: list[Line], render: Any) -> list[list[str]]:
    """The rows of one data table from its kept cell lines (`render(line)` gives a cell line's text),
    with the table's header row first. A cell whose text was all removed stays as an empty cell (so
    the columns keep their place); a row with nothing kept is left out."""
    html_blocks = article.blocks
    table = cells[0].table
    layout: dict[int, list[int]] = {}  # row -> its cells, in order, removed ones too
    if isinstance(html_blocks, HtmlBlocks):
        elements = html_blocks.layout.elements
        for seg in html_blocks.segments:
            if table not in seg.ancestors:
                continue
            path = _path(seg, elements)
            row = next((a for a, t in reversed(path) if t == "tr"), None)
            cell = next((a for a, t in reversed(path) if t in ("td", "th")), None)
            if row is not None and cell is not None:
                row_cells = layout.setdefault(row, [])
                if cell not in row_cells:
                    row_cells.append(cell)
    texts: dict[int, list[str]] = {}
    for line in cells:
        texts.setdefault(line.cell, []).append(render(line))
        row_cells = layout.setdefault(line.row, [])
        if line.cell not in row_cells:
            row_cells.append(line.cell)
    rows = []
    for row_cells in layout.values():
        if any(c in texts for c in row_cells):
            rows.append([" ".join(texts.get(c, [])) for c in row_cells])
    return rows
