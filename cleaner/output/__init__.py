"""Structured outputs of an `Article`: Markdown, a clean article HTML page and CSV rows.

They render the kept body with the role of each line (heading, list item, table cell, quote, code;
`structure.body_lines`) and never change `Article.text` or the ledger. Nothing here runs unless a
structured output is asked for, so plain-text users pay nothing.
"""

from __future__ import annotations

from .markdown import strip_markdown, to_markdown

__all__ = ["strip_markdown", "to_markdown"]
