"""Segmentation: the unit of every decision is a line (text mode) or a block element (HTML mode).

A blank line (or a block boundary in HTML) separates blocks; lines within a block belong together
(a caption and its credit, a heading and its paragraph). HTML segments carry extra evidence
(tag, link density, the kind of container they sit in) that the labelling stages may use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .normalize import unify_newlines


@dataclass(slots=True)
class Segment:
    """One line of the normalized input, with its offsets and position."""

    index: int
    start: int
    end: int
    text: str
    block: int
    first_in_block: bool = False
    last_in_block: bool = False
    tag: str = ""
    link_density: float = 0.0
    context: frozenset[str] = field(default_factory=frozenset)
    #: HTML mode: ids of the elements around the block, outermost first (its place in the tree).
    ancestors: tuple[int, ...] = ()


def segment_text(normalized: str) -> list[Segment]:
    """Split normalized text into non-empty lines, numbering the blank-line separated blocks."""
    segments: list[Segment] = []
    pos = 0
    block = 0
    previous_blank = True
    for line in normalized.split("\n"):
        start = pos
        pos += len(line) + 1
        words = line.split()
        if not words:
            if not previous_blank:
                block += 1
                if segments:
                    segments[-1].last_in_block = True
            previous_blank = True
            continue
        # Offsets cover the line's content without its leading/trailing spaces; the text is the
        # line with its whitespace collapsed (as `collapse_spaces` does).
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        segments.append(Segment(len(segments), start + lead, start + trail, " ".join(words), block, previous_blank))
        previous_blank = False
    if segments:
        segments[-1].last_in_block = True
    return segments


def first_lines(text: str, max_lines: int) -> tuple[str, bool]:
    """(`text` cut after its first `max_lines` lines, whether it was cut): every later stage costs
    some microseconds a line, and a text of a million lines is no article. A text that long has its
    line endings unified first (lines ended by "\\r" alone are lines too)."""
    if text.count("\n") < max_lines and text.count("\r") < max_lines:
        return text, False
    text = unify_newlines(text)
    end = -1
    for _ in range(max_lines):
        end = text.find("\n", end + 1)
        if end < 0:
            return text, False
    if not text[end:].strip():
        return text, False
    return text[:end], True
