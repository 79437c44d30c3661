"""Command line: `cleaner clean`, `cleaner explain`, `cleaner rules`, `cleaner eval`.

A thin adapter over the library: it reads inputs, calls `Cleaner.clean`, and prints.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .article import Article
from .config import CleanerConfig
from .engine import Cleaner
from .errors import CleanerError
from .rules import REGISTRY

app = typer.Typer(
    name="cleaner",
    help="Strip boilerplate from scraped news and blog articles (text or HTML).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class Kind(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Strip boilerplate from scraped news and blog articles."""


def load_config(path: Optional[Path], **overrides: object) -> CleanerConfig:
    overrides = {k: v for k, v in overrides.items() if v is not None}
    try:
        return CleanerConfig.from_toml(path, **overrides) if path else CleanerConfig().replace(**overrides)
    except CleanerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def read_source(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


_CONFIG_OPTION = typer.Option(None, "--config", "-c", help="TOML config file (see README: Configuration).")
_REFDATE_OPTION = typer.Option(None, "--reference-date", help="ISO date to resolve relative times ('5 hours ago').")


@app.command("clean")
def clean_command(
    inputs: list[str] = typer.Argument(..., help="Files to clean, or '-' for standard input."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text, json or jsonl."),
    kind: Kind = typer.Option(Kind.auto, "--kind", "-k", help="Input kind: auto (sniff), text or html."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL of the document (metadata)."),
    config: Optional[Path] = _CONFIG_OPTION,
    reference_date: Optional[str] = _REFDATE_OPTION,
) -> None:
    """Clean documents and print the article body (text) or the whole Article (json, jsonl).

    Every input yields one result; a failed input prints an error record (json/jsonl) or a message
    on stderr (text), and the exit status is 1 when any input failed.
    """
    cleaner = Cleaner(load_config(config, reference_date=reference_date))
    failures = 0
    records = []
    for index, source in enumerate(inputs):
        try:
            article = cleaner.clean(read_source(source), kind=kind.value, url=url)
            record = {"source": source, **article.to_dict()}
        except (CleanerError, OSError) as exc:
            failures += 1
            record = {"source": source, "error": f"{type(exc).__name__}: {exc}"}
            article = None
        if output_format is OutputFormat.jsonl:
            typer.echo(json.dumps(record, ensure_ascii=False))
        elif output_format is OutputFormat.json:
            records.append(record)
        elif article is None:
            err.print(f"[red]error[/red] {source}: {record['error']}")
        else:
            if len(inputs) > 1:
                typer.echo(f"==> {source} <==")
            if article.title:
                typer.echo(f"# {article.title}\n")
            typer.echo(article.text)
            if len(inputs) > 1 and index < len(inputs) - 1:
                typer.echo("")
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
    if failures:
        err.print(f"{failures} of {len(inputs)} input(s) failed")
        raise typer.Exit(1)


@app.command("explain")
def explain_command(
    sources: list[str] = typer.Argument(..., help="Files or folders to explain, or '-' for standard input."),
    html: Optional[Path] = typer.Option(None, "--html", help="Write one self-contained HTML report for all inputs here."),
    only: list[str] = typer.Option([], "--only", help="Show only removals with this label (repeatable)."),
    rule: list[str] = typer.Option([], "--rule", help="Show only removals by this rule id or family, e.g. CRD (repeatable)."),
    kind: Kind = typer.Option(Kind.auto, "--kind", "-k", help="Input kind: auto, text or html."),
    config: Optional[Path] = _CONFIG_OPTION,
    reference_date: Optional[str] = _REFDATE_OPTION,
) -> None:
    """Show what was removed and why: struck-out segments with rule id and reason, or an HTML report."""
    from .explain import Selection, print_explanation
    from .report import expand_sources, write_report

    cleaner = Cleaner(load_config(config, reference_date=reference_date))
    try:
        select = Selection.parse(only, rule)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    paths = expand_sources(sources)
    if html is not None:
        stats = write_report(html, paths, cleaner, kind=kind.value, select=select)
        err.print(stats.summary())
        raise typer.Exit(1 if stats.failed else 0)
    console, failures = Console(highlight=False), 0
    for source in paths:
        try:
            article: Article = cleaner.clean(read_source(source), kind=kind.value)
        except (CleanerError, OSError) as exc:
            failures += 1
            err.print(f"[red]error[/red] {source}: {type(exc).__name__}: {exc}")
            continue
        print_explanation(article, console, select, source if len(paths) > 1 else None)
    if failures:
        raise typer.Exit(1)


@app.command("rules")
def rules_command(
    output_format: str = typer.Option("table", "--format", "-f", help="table, markdown or json."),
) -> None:
    """List the rule registry: id, label, scope and reason."""
    if output_format == "json":
        typer.echo(json.dumps([{"id": r.id, "label": r.label, "scope": r.scope, "reason": r.reason} for r in REGISTRY], indent=2))
        return
    if output_format == "markdown":
        typer.echo("| id | label | scope | reason |\n|---|---|---|---|")
        for r in REGISTRY:
            typer.echo(f"| `{r.id}` | {r.label} | {r.scope} | {r.reason} |")
        return
    table = Table(title=f"{len(REGISTRY)} rules")
    for column in ("id", "label", "scope", "reason"):
        table.add_column(column)
    for r in REGISTRY:
        table.add_row(r.id, r.label, r.scope, r.reason)
    Console().print(table)


@app.command("eval")
def eval_command(
    dataset: Path = typer.Option(Path("../shared/benchmarks/trafilatura-eval"), "--dataset", "-d", help="Development set folder (holds gold.json)."),
    mode: str = typer.Option("text", "--mode", "-m", help="text (text/ dumps), html (html/ pages) or both."),
    half: str = typer.Option("all", "--half", help="all, tune or test (a fixed half of the set)."),
    ablate: bool = typer.Option(False, "--ablate", help="Also score with each rule family switched off."),
    failures: int = typer.Option(10, "--failures", help="Show this many pages with missed must-keep snippets."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the full report as JSON here."),
    config: Optional[Path] = _CONFIG_OPTION,
) -> None:
    """Score the cleaner on the development set (with/without snippet metric)."""
    from .evaluate import run_report

    cfg = load_config(config)
    try:
        run_report(dataset, mode, half, ablate, failures, json_out, cfg, Console())
    except CleanerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command("diff")
def diff_command(
    inputs: list[str] = typer.Argument(..., help="Files or folders to clean under both configs, or '-'."),
    rules_a: Optional[Path] = typer.Option(None, "--rules-a", help="TOML config A (default: the defaults)."),
    rules_b: Optional[Path] = typer.Option(None, "--rules-b", help="TOML config B (default: the defaults)."),
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
    kind: Kind = typer.Option(Kind.auto, "--kind", "-k", help="Input kind: auto, text or html."),
    limit: int = typer.Option(50, "--limit", help="Show at most this many changed segments per document (text)."),
) -> None:
    """Show which documents and segments change label between two configs (review a rule change)."""
    from .diffing import diff_record, diff_sources, print_diff
    from .report import config_note, expand_sources

    if rules_a is None and rules_b is None:
        err.print("[red]error:[/red] give --rules-a and/or --rules-b (the other side uses the defaults)")
        raise typer.Exit(2)
    a, b = Cleaner(load_config(rules_a)), Cleaner(load_config(rules_b))
    note_a, note_b = (f"{path or 'defaults'} ({config_note(c.config) or 'default settings'})" for path, c in ((rules_a, a), (rules_b, b)))
    notes = (note_a, note_b)
    diffs = list(diff_sources(expand_sources(inputs), a, b, kind=kind.value))
    if output_format == "json":
        typer.echo(json.dumps(diff_record(diffs, notes), ensure_ascii=False, indent=2))
    else:
        print_diff(diffs, notes, Console(highlight=False), limit)
    if any(d.error for d in diffs):
        raise typer.Exit(1)
