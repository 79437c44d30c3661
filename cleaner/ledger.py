"""The removal ledger: `Removal` (one removed span of the normalized input, with the rule that removed
it) and `replay`, which rebuilds the body from the normalized input and the ledger.

A leaf module (it imports nothing of the package): the stages write the ledger (`text.document`), the
outputs walk it (`output.body_blocks`) and the result type holds it (`article`, which re-exports these
names), without any of them importing the others.

>>> replay("Hello world\\nAdvertisement", [Removal(12, 25, "advert", "ADV001", "an advert", "Advertisement")])
'Hello world'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Iterable, Iterator


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed span of the normalized input.

    `start`/`end` are character offsets into `Article.normalized_input`; `rule` is the stable id of the
    rule that removed it (see `cleaner rules`); `label` says what the span was; `reason` says why.
    """

    start: int
    end: int
    label: str
    rule: str
    reason: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def collapse_spaces(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return " ".join(text.split())


def replay(normalized: str, removed: Iterable[Removal]) -> str:
    """Apply a removal ledger to the normalized input and return the body text.

    The body is built line by line: each input line minus its removed spans, whitespace collapsed,
    is one paragraph if anything is left; paragraphs are joined by a blank line.
    """
    spans = sorted((r.start, r.end, r.label) for r in removed)
    return "\n\n".join(kept for _, kept, _ in replay_lines(normalized, spans) if kept)


def replay_lines(normalized: str, spans: list[tuple[int, int, str]]) -> Iterator[tuple[str, str, str | None]]:
    """(input line, what is kept of it with whitespace collapsed, the label of the last removal that
    cut into it or None) for every line of `normalized`; `spans` are the ledger's (start, end, label),
    sorted. `replay` and the structured outputs walk the ledger with it."""
    pos = 0
    k = 0
    n_spans = len(spans)
    for line in normalized.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        while k < n_spans and spans[k][1] <= line_start:
            k += 1
        if k >= n_spans or spans[k][0] >= line_end:
            yield line, collapse_spaces(line), None
            continue
        pieces: list[str] = []
        label = None
        cursor = line_start
        j = k
        while j < n_spans and spans[j][0] < line_end:
            s, e, label = spans[j]
            if s > cursor:
                pieces.append(normalized[cursor:s])
            cursor = max(cursor, e)
            j += 1
        if cursor < line_end:
            pieces.append(normalized[cursor:line_end])
        yield line, collapse_spaces(" ".join(pieces)), label
