"""The commands that look at the cleaner rather than use it: `cleaner explain` (the ledger of
documents), `cleaner rules` (the rule registry), `cleaner diff` (two configs side by side) and
`cleaner eval` (scores on a development set)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .common import (
    CONFIG_OPTION, GLOB_OPTION, HTML_FIELD_OPTION, INPUT_FORMAT_OPTION, INPUTS_HELP, KIND_OPTION, REFDATE_OPTION,
    TEXT_FIELD_OPTION, URL_FIELD_OPTION, Favor, InputFormat, Kind, documents, escape, load_config, reading_options,
    stderr, usage,
)


def explain_command(
    sources: list[str] = typer.Argument(..., help=INPUTS_HELP),
    html: Optional[Path] = typer.Option(None, "--html", help="Write one self-contained HTML report for all inputs here."),
    only: list[str] = typer.Option([], "--only", help="Show only removals with this label (repeatable)."),
    rule: list[str] = typer.Option([], "--rule", help="Show only removals by this rule id or family, e.g. CRD (repeatable)."),
    kind: Kind = KIND_OPTION,
    input_format: InputFormat = INPUT_FORMAT_OPTION,
    glob: str = GLOB_OPTION,
    text_field: str = TEXT_FIELD_OPTION,
    html_field: str = HTML_FIELD_OPTION,
    url_field: str = URL_FIELD_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    reference_date: Optional[str] = REFDATE_OPTION,
) -> None:
    """Show what was removed and why: struck-out segments with rule id and reason, or an HTML report.

    Inputs are read as `cleaner clean` reads them (folders, compressed files, JSON, WARC, URLs)."""
    from rich.console import Console

    from ..engine import Cleaner
    from ..errors import CleanerError
    from ..explain.report import write_report
    from ..batch.readers import input_sources
    from ..explain.terminal import Selection, print_explanation
    from ..output.neutralize import terminal_text

    cfg = load_config(config, reference_date=reference_date)
    try:
        select = Selection.parse(only, rule)
    except ValueError as exc:
        usage(str(exc))
    cleaner = Cleaner(cfg)
    docs = documents(sources, reading_options(input_format, glob, text_field, html_field, url_field, kind), cfg)
    if html is not None:
        stats = write_report(html, docs, cleaner, select=select)
        stderr().print(escape(stats.summary()))
        raise typer.Exit(1 if stats.failed or not stats.documents + stats.skipped else 0)
    console, failures, count = Console(highlight=False), 0, 0
    given = input_sources(sources)
    for doc in docs:
        count += 1
        if doc.skipped is not None:
            stderr().print(f"skipped {escape(doc.source)}: {escape(doc.skipped.reason)}")
            continue
        try:
            article = doc.clean_with(cleaner)
        except CleanerError as exc:
            failures += 1
            stderr().print(f"[red]error[/red] {escape(doc.source)}: {type(exc).__name__}: {escape(str(exc))}")
            continue
        several = len(sources) > 1 or doc.source not in given
        print_explanation(article, console, select, terminal_text(doc.source) if several else None)
    if failures:
        raise typer.Exit(1)



class RulesFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


def rules_command(
    output_format: RulesFormat = typer.Option(RulesFormat.table, "--format", "-f", help="table, markdown or json."),
) -> None:
    """List the rule registry: id, label, scope and reason."""
    import json

    from rich.console import Console
    from rich.table import Table

    from ..rules import REGISTRY

    if output_format is RulesFormat.json:
        typer.echo(json.dumps([{"id": r.id, "label": r.label, "scope": r.scope, "reason": r.reason} for r in REGISTRY], indent=2))
        return
    if output_format is RulesFormat.markdown:
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



class EvalMode(str, Enum):
    text = "text"
    html = "html"
    both = "both"


class Half(str, Enum):
    all = "all"
    tune = "tune"
    test = "test"


class EvalOutput(str, Enum):
    text = "text"
    markdown = "markdown"
    markdown_links = "markdown-links"


def eval_command(
    dataset: Path = typer.Option(Path("../shared/benchmarks/trafilatura-eval"), "--dataset", "-d", help="Development set folder (holds gold.json)."),
    mode: EvalMode = typer.Option(EvalMode.text, "--mode", "-m", help="text (text/ dumps), html (html/ pages) or both."),
    half: Half = typer.Option(Half.all, "--half", help="all, tune or test (a fixed half of the set)."),
    ablate: bool = typer.Option(False, "--ablate", help="Also score with each rule family switched off."),
    failures: int = typer.Option(10, "--failures", min=0, help="Show this many pages with missed must-keep snippets."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the full report as JSON here."),
    dump: Optional[str] = typer.Option(None, "--dump", help="Score text mode on one dump style (html_text, inscriptis, innertext, bs4, html2text; built by `make devsets`), or 'all' for the style x half table; or on extractors' output, before and after cleaning (trafilatura, readability_lxml, newspaper4k, goose3, resiliparse, boilerpy3, justext, or 'extracted' for all seven)."),
    output: EvalOutput = typer.Option(EvalOutput.text, "--output", help="Score the body (text), or the Markdown with its marks taken out (markdown; markdown-links with links and images)."),
    favor: Optional[Favor] = typer.Option(None, "--favor", help="precision, recall or balanced (config favor)."),
    confidence: bool = typer.Option(False, "--confidence", help="Also report how well Article.confidence ranks the pages by their F1 (not with --dump all)."),
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Score the cleaner on the development set (with/without snippet metric)."""
    from rich.console import Console

    from ..errors import CleanerError
    from ..evaluate import EXTRACTED_STYLES, dump_pages, dump_styles, run_dump_table, run_extracted_table, run_report

    cfg = load_config(config, favor=favor.value if favor else None)
    try:
        styles = dump_styles(dump) if dump else ()
        extracted = [s for s in styles if s in EXTRACTED_STYLES]
        if extracted and len(extracted) < len(styles):
            usage("--dump takes full-page styles or extracted styles, not both in one run")
        if extracted:
            run_extracted_table(dataset, extracted, half.value, cfg, Console(), json_out)
        elif dump == "all" or (dump and "," in dump):
            run_dump_table(dataset, dump, cfg, Console(), json_out)
        else:
            if dump:
                dump_pages([], dataset, dump)  # a clear error now for an unknown or unbuilt style
            run_report(dataset, mode.value if not dump else "text", half.value, ablate, failures, json_out, cfg,
                       Console(), dump=dump, output=output.value, confidence=confidence)
    except CleanerError as exc:
        usage(str(exc))



class DiffFormat(str, Enum):
    text = "text"
    json = "json"


def diff_command(
    inputs: list[str] = typer.Argument(..., help=INPUTS_HELP),
    rules_a: Optional[Path] = typer.Option(None, "--rules-a", help="TOML config A (default: the defaults)."),
    rules_b: Optional[Path] = typer.Option(None, "--rules-b", help="TOML config B (default: the defaults)."),
    output_format: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text or json."),
    kind: Kind = KIND_OPTION,
    input_format: InputFormat = INPUT_FORMAT_OPTION,
    glob: str = GLOB_OPTION,
    text_field: str = TEXT_FIELD_OPTION,
    html_field: str = HTML_FIELD_OPTION,
    url_field: str = URL_FIELD_OPTION,
    limit: int = typer.Option(50, "--limit", min=1, help="Show at most this many changed segments per document (text)."),
) -> None:
    """Show which documents and segments change label between two configs (review a rule change).

    Inputs are read as `cleaner clean` reads them (folders, compressed files, JSON, WARC, URLs)."""
    import json

    from rich.console import Console

    from ..engine import Cleaner
    from ..explain.diff import diff_record, diff_sources, print_diff
    from ..explain.report import config_note

    if rules_a is None and rules_b is None:
        usage("give --rules-a and/or --rules-b (the other side uses the defaults)")
    a, b = Cleaner(load_config(rules_a)), Cleaner(load_config(rules_b))
    note_a, note_b = (f"{path or 'defaults'} ({config_note(c.config) or 'default settings'})" for path, c in ((rules_a, a), (rules_b, b)))
    notes = (note_a, note_b)
    docs = documents(inputs, reading_options(input_format, glob, text_field, html_field, url_field, kind), a.config)
    diffs = list(diff_sources(docs, a, b))
    if output_format is DiffFormat.json:
        typer.echo(json.dumps(diff_record(diffs, notes), ensure_ascii=False, indent=2))
    else:
        print_diff(diffs, notes, Console(highlight=False), limit)
    if any(d.error for d in diffs):
        raise typer.Exit(1)
