"""Converter layout: undo what one HTML-to-text converter does differently from the others.

Text mode must not depend on which converter made its input (html-text, inscriptis, a browser's
innerText, BeautifulSoup `get_text("\\n")`, html2text Markdown, a copy-paste). Two layouts differ
enough to mislead the line stages, and both are recognised from the text itself:

- `markdown` (html2text and the like): lines wrapped at a fixed width, `[text](url)` links, `![alt](src)`
  images, `**strong**` / `_em_` marks, `#` headings, `*` bullets and backslash escapes. It becomes the
  plain text the page showed: paragraphs unwrapped to one line each, the marks and URLs dropped.
- `fragmented` (BeautifulSoup `get_text("\\n")` and the like): a line break at every tag boundary, so
  one sentence with a link comes out as three lines ("You can download Python ", "here", ". Also").
  A break is undone where the text shows it was inline: the line ends in a space, or the next line
  starts with a space or with closing punctuation.

- `indented` (inscriptis and the like): most lines indented to show nesting, list items bulleted with
  "*", "+" or "o". The indentation and the bullets go.

Any other text passes unchanged. The result is what text mode normalizes, segments and labels (and what
the ledger's offsets point into, `Article.normalized_input`); `stats["layout"]` says which was undone.
"""

from __future__ import annotations

import re

_MD_LINK_OR_IMAGE = re.compile(r"!?\[[^\]\n]*\]\([^\s()]*[/.#:][^\s()]*[\s)]")
_MD_HEADING = re.compile(r"^#{1,6} \S", re.M)
_MD_STRONG = re.compile(r"\*\*\S")
#: A line that starts a block of its own in Markdown (never joined to the line above it).
_MD_BLOCK_START = re.compile(r"\s*(?:#{1,6}\s|[*+-]\s|\d{1,3}\\?\.\s|>|\||-{3,}|={3,}|```)")
_MD_RULE_OR_TABLE_SEP = re.compile(r"\s*(?:[-*_]\s*){3,}$|\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_MD_STRONG_SPAN = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_MD_EM_SPAN = re.compile(r"(?<![\w*])[_*](?=\S)(.+?)(?<=\S)[_*](?![\w*])")
_MD_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[*+-][ \t]+|(?=\d{1,3}\\?\.[ \t]))", re.M)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")

#: Words after "Press- " in a German (or Dutch) elision: the hyphen ends a word, the space is real.
_ELIDED = re.compile(r"(?:und|oder|bis|sowie|bzw|en|of|and|or)\b")
#: inscriptis-style layout: nesting shown by indentation, list items by "*", "+", "-" or "o" bullets.
_INDENT_AND_BULLET = re.compile(r"^[ \t]+(?:[*+•▪◦o-][ \t]+)?", re.M)
_CLOSING = frozenset(".,;:!?)]}»”’%")


def detect_layout(text: str) -> str:
    """'markdown', 'fragmented', 'indented' or 'plain', from marks counted in the first 200 kB."""
    sample = text[:200_000]
    links = len(_MD_LINK_OR_IMAGE.findall(sample))
    if links and links + len(_MD_HEADING.findall(sample)) + len(_MD_STRONG.findall(sample)) >= 3:
        return "markdown"  # "**" or "# " alone occur in plain text (emphasis typed by hand, hashtags)
    lines = [line for line in sample.split("\n") if line.strip()]
    if len(lines) >= 10:
        trailing = sum(1 for line in lines if line[-1] in " \t")
        indented = sum(1 for line in lines if line[0] in " \t")
        if indented >= 0.5 * len(lines):
            return "indented"
        if trailing >= 0.08 * len(lines):
            return "fragmented"
    return "plain"


def undo_layout(text: str, layout: str | None = None) -> tuple[str, str]:
    """Return (text in plain layout, the layout that was undone)."""
    layout = layout or detect_layout(text)
    if layout == "markdown":
        return _from_markdown(text), layout
    if layout == "fragmented":
        return _join_fragments(text), layout
    if layout == "indented":
        return _INDENT_AND_BULLET.sub("", text), layout
    return text, "plain"


def _join_fragments(text: str) -> str:
    """Join lines that a converter broke at inline tag boundaries.

    The pieces of a joined line are collected and joined once (appending to a growing string costs
    the square of its length on 100,000 fragments)."""
    out: list[str] = []
    pieces: list[str] = []
    for line in text.split("\n"):
        if pieces and line.strip() and (len(pieces) > 1 or pieces[0].strip()):
            last = pieces[-1]
            if last[-1] in " \t" or line[0] in " \t":
                pieces[-1] = last.rstrip(" \t")
                pieces.append(" " + line.lstrip(" \t"))
                continue
            if line[0] in _CLOSING:
                pieces.append(line)
                continue
        if pieces:
            out.append("".join(pieces))
        pieces = [line]
    if pieces:
        out.append("".join(pieces))
    return "\n".join(out)


class _Paragraph:
    """A Markdown paragraph being unwrapped: its pieces, and what `_unwrap_markdown` asks of the
    joined line (its start, its last characters, an open link, a "|"), kept up to date piece by piece
    so that no question reads the whole line again."""

    __slots__ = ("pieces", "head", "tail", "open_link", "pipe")

    def __init__(self, line: str) -> None:
        self.pieces = [line]
        self.head = line.lstrip()[:8]
        self.tail = line[-2:]
        self.open_link = line.rfind("](") > line.rfind(")")
        self.pipe = "|" in line

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        if len(self.head) < 8:
            self.head = (self.head + piece)[:8]
        self.tail = (self.tail + piece)[-2:]
        opened, closed = piece.rfind("]("), piece.rfind(")")
        if opened != closed:
            self.open_link = opened > closed
        self.pipe = self.pipe or "|" in piece

    def strip_end(self) -> None:
        last = self.pieces[-1].rstrip()
        self.pieces[-1] = last
        self.tail = ("".join(self.pieces[-2:]) if len(last) < 2 else last)[-2:]

    def joinable(self) -> bool:
        return not self.tail.endswith("  ") and not _MD_HEADING.match(self.head) and not self.pipe

    def text(self) -> str:
        return "".join(self.pieces)


def _unwrap_markdown(text: str) -> list[str]:
    """Paragraph lines wrapped at a fixed width, joined back into one line each."""
    out: list[str] = []
    current: _Paragraph | None = None  # the last line of `out`, while the next line may continue it
    for line in text.split("\n"):
        if not line.strip():
            if current is not None:
                out.append(current.text())
                current = None
            out.append("")
            continue
        if current is not None and not _MD_BLOCK_START.match(line):
            prev_tail = current.tail
            # A URL wrapped after a hyphen: html2text breaks inside it without a space.
            # html2text also breaks after a hyphen: "drug-" + "related" is one word; "Press-" + "und" is not.
            in_url = prev_tail.endswith("-") and current.open_link
            in_word = prev_tail.endswith("-") and prev_tail[-2:-1].isalpha() and not _ELIDED.match(line.lstrip())
            current.add(("" if in_url or in_word else " ") + line.strip() + ("  " if line.endswith("  ") else ""))
        else:
            if current is not None:
                out.append(current.text())
            current = _Paragraph(line.rstrip() if not line.endswith("  ") else line)
        if current.tail.endswith("  "):
            current.strip_end()
            out.append(current.text())
            current = None
        elif not current.joinable():
            out.append(current.text())
            current = None
    if current is not None:
        out.append(current.text())
    return out


def _from_markdown(text: str) -> str:
    lines = []
    for line in _unwrap_markdown(text):
        if _MD_RULE_OR_TABLE_SEP.match(line) and line.strip():
            continue
        line = _MD_IMAGE.sub("", line)
        for _ in range(2):  # a link around an image leaves "[ ](href)" for the second pass
            line = _MD_LINK.sub(lambda m: m.group(1), line)
        line = _MD_STRONG_SPAN.sub(lambda m: m.group(1) or m.group(2), line)
        line = _MD_EM_SPAN.sub(lambda m: m.group(1), line)
        line = _MD_LINE_MARKS.sub("", line)
        line = _MD_ESCAPE.sub(r"\1", line)
        lines.append(line.strip())
    return "\n".join(lines)
