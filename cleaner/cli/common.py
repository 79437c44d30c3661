"""What the commands share: the stderr console, usage errors, the choices and options several
commands take, the config they load and the reader of their inputs.

Only typer is imported here: each command imports what it needs when it runs.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console

    from ..batch.readers import InputDoc, ReaderOptions
    from ..config import CleanerConfig


@lru_cache(maxsize=1)
def stderr() -> "Console":
    """The console for messages on stderr. They are not wrapped at the terminal's width (a path or a
    command split over two lines cannot be copied or grepped) and their variable parts are escaped
    (`article-cleaner[spark]` is not markup)."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, highlight=False)


def escape(text: str) -> str:
    """`text` for a rich message line: control characters shown as `\\xNN` (a file name or a page's
    text must not drive the terminal) and markup escaped (`output.neutralize.terminal_markup`)."""
    from ..output.neutralize import terminal_markup

    return terminal_markup(text)


def usage(message: str) -> None:
    stderr().print(f"[red]usage error:[/red] {escape(message)}")
    raise typer.Exit(2)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"
    csv = "csv"
    tei = "tei"


class Favor(str, Enum):
    balanced = "balanced"
    precision = "precision"
    recall = "recall"


class Kind(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    json = "json"
    jsonl = "jsonl"
    warc = "warc"


def load_config(path: Optional[Path], **overrides: object) -> "CleanerConfig":
    from ..config import CleanerConfig
    from ..errors import CleanerError

    overrides = {k: v for k, v in overrides.items() if v is not None}
    try:
        return CleanerConfig.from_toml(path, **overrides) if path else CleanerConfig().replace(**overrides)
    except CleanerError as exc:
        usage(str(exc))
        raise  # not reached


CONFIG_OPTION = typer.Option(None, "--config", "-c", help="TOML config file (see README: Configuration).")
REFDATE_OPTION = typer.Option(None, "--reference-date", help="ISO date to resolve relative times ('5 hours ago').")
INPUTS_HELP = "Files, folders (walked recursively), http(s) URLs, or '-' for standard input."
INPUT_FORMAT_HELP = "Force the input format: text, html, json, jsonl or warc (default: by name and content)."
# The options the commands that read documents share (`clean` has its own wording of some).
KIND_OPTION = typer.Option(Kind.auto, "--kind", "-k", help="Input kind: auto, text or html.")
INPUT_FORMAT_OPTION = typer.Option(InputFormat.auto, "--input-format", help=INPUT_FORMAT_HELP)
GLOB_OPTION = typer.Option("*", "--glob", help="Only files matching this pattern inside folders.")
TEXT_FIELD_OPTION = typer.Option("text", "--text-field", help="JSON records: field holding the text.")
HTML_FIELD_OPTION = typer.Option("html", "--html-field", help="JSON records: field holding HTML.")
URL_FIELD_OPTION = typer.Option("url", "--url-field", help="JSON records: field holding the URL.")


def reading_options(input_format: InputFormat, glob: str, text_field: str, html_field: str, url_field: str,
             kind: Kind = Kind.auto, id_field: str = "id") -> "ReaderOptions":
    from ..batch.readers import ReaderOptions

    return ReaderOptions(input_format=input_format.value, glob=glob, text_field=text_field, html_field=html_field,
                         url_field=url_field, id_field=id_field, kind=kind.value)


def documents(inputs: list[str], reading: "ReaderOptions", config: "CleanerConfig") -> "Iterator[InputDoc]":
    """The documents of `inputs`, read as `cleaner clean` reads them (one reader for every command)."""
    from ..batch.readers import iter_inputs
    from ..batch.run import BatchRequest, reader_options

    return iter_inputs(inputs, reader_options(BatchRequest(inputs=inputs, reading=reading), config))
