"""Normalization: odd spaces, zero-width characters and line endings, nothing else.

The removal ledger's offsets point into the normalized text, so normalization must stay simple
and predictable: it never reorders, merges lines or rewrites words.
"""

from __future__ import annotations

import re

# Characters dropped outright: zero-width space, word joiner, BOM, soft hyphen, and C0/C1 controls
# except tab and newline. ZWJ/ZWNJ stay: they carry meaning in Persian, Indic scripts and emoji.
_DROP = dict.fromkeys(
    [0x200B, 0x2060, 0xFEFF, 0x00AD, 0x180E]
    + [c for c in range(0x00, 0x20) if c not in (0x09, 0x0A, 0x0D)]
    + [0x7F]
    + list(range(0x80, 0xA0))
)
# Odd spaces become a plain space: tab, NBSP, the U+2000 block, narrow NBSP, ideographic space...
_SPACE = dict.fromkeys(
    [0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000] + list(range(0x2000, 0x200B)), " "
)
_TABLE = {**_DROP, **_SPACE}
#: What normalization deletes (HTML mode's block text drops the same, but for the soft hyphen).
DROPPED_CHARS = frozenset(_DROP)
SOFT_HYPHEN = 0x00AD
# Plain character classes: the standard library's `re` scans for them about 10x faster than `regex`,
# and `sub` touches only the few places they occur (str.translate looks up every character).
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\u0085]")
_ODD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")


def _replace_odd(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())] or ""


def unify_newlines(text: str) -> str:
    """Every kind of line ending as "\\n" (the first step of `normalize_text`)."""
    return _NEWLINES.sub("\n", text)


def normalize_text(text: str) -> str:
    """Return `text` with one kind of space, one kind of line ending and no invisible characters.

    >>> normalize_text("a\\u00a0b\\r\\nc\\u200b")
    'a b\\nc'
    """
    text = _NEWLINES.sub("\n", text)
    return _ODD.sub(_replace_odd, text)
