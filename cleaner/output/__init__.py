"""Structured outputs of an `Article`: Markdown, a clean article HTML page and CSV rows.

They render the kept body with the role of each line (heading, list item, table cell, quote, code;
`structure.body_lines`) and never change `Article.text` or the ledger. Nothing here runs, or is even
imported, unless a structured output is asked for: plain-text users
pay nothing.
"""

from __future__ import annotations

from typing import Any

__all__ = ["strip_markdown", "to_html", "to_markdown", "to_tei"]


def __getattr__(name: str) -> Any:
    if name in ("strip_markdown", "to_markdown"):
        from . import markdown

        return getattr(markdown, name)
    if name == "to_tei":
        from .tei import to_tei

        return to_tei
    if name == "to_html":
        from .html import to_html

        return to_html
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
