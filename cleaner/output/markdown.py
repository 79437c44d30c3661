"""Markdown of the kept body: headings, lists, GitHub pipe tables, block quotes, fenced code, and on
request the article's links and images.

The Markdown holds the same words as `Article.text`, in the same order: `strip_markdown` takes the
marks out again (the development-set check scores its output with the snippet metric of `text`).
Escaping is minimal and reversible: a backslash goes before the characters that would otherwise
start markup (`*`, `_` at a word's edge, `[`, `]`, `` ` ``, `<` before a tag name, a backslash
before punctuation) and before line-start marks (`#`, `>`, `-`, `+`, `1.`) in plain paragraphs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .links import LinkFinder, images as find_images, markdown_url
from .body_blocks import Line, body_lines, table_rows

if TYPE_CHECKING:
    from ..article import Article

__all__ = ["escape", "strip_markdown", "to_markdown"]

_INLINE = re.compile(r"\\(?=[!-/:-@\[-`{-~])|[*\[\]`]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])|<(?=[A-Za-z/!?])")
_LINE_START = re.compile(r"^(?:#|>|[-+=~](?=\s|$|[-=~])|(\d+)[.)](?=\s|$))")
_INDENT = "    "


def escape(text: str) -> str:
    """Inline escaping (see the module docstring)."""
    return _INLINE.sub(lambda m: "\\" + m.group(0), text)


def _line_start(text: str) -> str:
    """Escape a mark that would make a paragraph a heading, quote, list item or rule."""
    match = _LINE_START.match(text)
    if match is None:
        return text
    if match.group(1) is not None:  # "2024. Das Jahr" is not an ordered list
        end = match.end()
        return text[: end - 1] + "\\" + text[end - 1 :]
    return "\\" + text


def to_markdown(article: "Article", *, links: bool = False, images: bool = False, title: bool = False) -> str:
    """The article body as Markdown (with "# title" on top when `title` and the article has one).

    `links`: anchors in the body become `[text](url)` (HTML input; relative URLs resolved against the
    article's URL). `images`: the article's images (`<img>` in the kept body, or in a figure inside it)
    as `![alt](src)`, each before the paragraph that follows it in the page."""
    lines = body_lines(article)
    finder = LinkFinder(article) if links else None
    pictures = image_lines(article, lines) if images else {}
    out: list[str] = []
    if title and article.title:
        out.append("# " + escape(article.title))
    seps: list[str] = []
    k = 0
    n = len(lines)
    previous_list_level = 0
    while k < n:
        line = lines[k]
        for picture in pictures.get(k, ()):
            out.append(picture)
            seps.append("\n\n")
            previous_list_level = 0
        prefix = "> " * line.quote
        if line.role == "cell":
            end = k
            while end < n and lines[end].role == "cell" and lines[end].table == line.table:
                end += 1
            rows = table_rows(article, lines[k:end], lambda ln: _inline(ln, finder).replace("|", "\\|"))
            out.append("\n".join(prefix + r for r in _pipe_table(rows)))
            seps.append("\n\n")
            previous_list_level = 0
            k = end
            continue
        text = _inline(line, finder)
        if line.role == "h":
            out.append(prefix + "#" * line.level + " " + (text[:-1] + "\\#" if text.endswith("#") else text))
            sep = "\n\n"
            previous_list_level = 0
        elif line.role == "li":
            continued = k > 0 and line.item >= 0 and lines[k - 1].item == line.item
            level = min(line.level, previous_list_level + 1) if previous_list_level else 1
            if continued:
                out.append(prefix + _INDENT * (level - 1) + "  " + _line_start(text))
            else:
                mark = "1." if line.ordered else "-"
                if line.item < 0:  # a bulleted line of text: its bullet becomes the mark
                    text = _strip_bullet(text)
                out.append(prefix + _INDENT * (level - 1) + mark + " " + _line_start(text))
            previous_list_level = level
            sep = "\n" if k + 1 < n and lines[k + 1].role == "li" and not pictures.get(k + 1) else "\n\n"
        elif line.role == "code":
            body = line.raw.strip("\n") if line.raw is not None else line.text
            fence = "```"
            while fence in body:
                fence += "`"
            out.append("\n".join(prefix + part for part in [fence, *body.split("\n"), fence]))
            sep = "\n\n"
            previous_list_level = 0
        else:
            out.append(prefix + _line_start(text))
            sep = "\n\n"
            previous_list_level = 0
        seps.append(sep)
        k += 1
    if title and article.title:
        seps.insert(0, "\n\n")
    parts: list[str] = []
    for i, chunk in enumerate(out):
        if i:
            parts.append(seps[i - 1])
        parts.append(chunk)
    return "".join(parts)


def _inline(line: Line, finder: "LinkFinder | None") -> str:
    if finder is None:
        return escape(line.text)
    return finder.render(line, escape, lambda text, url: f"[{text}]({markdown_url(url)})")


def _strip_bullet(text: str) -> str:
    from .body_blocks import BULLET

    return BULLET.sub("", text, count=1)


def _pipe_table(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]
    out = ["| " + " | ".join(padded[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(r) + " |" for r in padded[1:]]
    return out


# -- marks out again ------------------------------------------------------------------------------
_FENCE = re.compile(r"^(`{3,}|~{3,})\s*$")
_QUOTE = re.compile(r"^(?:> )+")
_HEADING = re.compile(r"^#{1,6} ")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)]) ")
_DELIMITER_ROW = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")
_IMAGE = re.compile(r"(?<!\\)!\[(?:\\.|[^\[\]\\])*\]\((?:<[^>]*>|[^)\s]*)\)")
_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\[\]\\])*)\]\((?:<[^>]*>|[^)\s]*)\)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def strip_markdown(markdown: str) -> str:
    """The text of Markdown written by `to_markdown`, its marks taken out: one paragraph per line of
    prose, item, heading or table row (cells joined by a space), code as it is."""
    out: list[str] = []
    fence: str | None = None
    quote = ""
    for raw in markdown.split("\n"):
        if fence is not None:
            line = raw[len(quote):] if raw.startswith(quote) else raw
            if line.strip() == fence:
                fence = None
            elif line.strip():
                out.append(line.rstrip())
            continue
        quote = _QUOTE.match(raw).group(0) if raw.startswith(">") else ""  # type: ignore[union-attr]
        line = raw[len(quote):]
        match = _FENCE.match(line)
        if match is not None:
            fence = match.group(1)
            continue
        line = line.strip()
        if not line or _DELIMITER_ROW.match(line):
            continue
        line = _IMAGE.sub("", line)
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            line = " ".join(c.strip() for c in _CELL_SPLIT.split(line[1:-1]) if c.strip())
        else:
            heading = _HEADING.match(line)
            line = line[heading.end():] if heading else _ITEM.sub("", line, count=1)
        line = _LINK.sub(lambda m: m.group(1), line)
        line = _UNESCAPE.sub(lambda m: m.group(1), line).strip()
        if line:
            out.append(line)
    return "\n\n".join(out)


def image_lines(article: "Article", lines: list[Line]) -> dict[int, list[str]]:
    """`links.images` as Markdown image lines."""
    return {k: [f"![{escape(alt)}]({markdown_url(src)})" for src, alt in found]
            for k, found in find_images(article, lines).items()}
