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
from rich.markup import escape
from rich.table import Table

from . import __version__
from .article import Article
from .config import CleanerConfig
from .engine import Cleaner
from .errors import CleanerError, ConfigError
from .rules import REGISTRY

app = typer.Typer(
    name="cleaner",
    help="Strip boilerplate from scraped news and blog articles (text or HTML).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
#: Messages on stderr are not wrapped at the terminal's width (a path or a command split over two
#: lines cannot be copied or grepped) and their variable parts are escaped (`article-cleaner[spark]` is not markup).
err = Console(stderr=True, soft_wrap=True, highlight=False)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"
    csv = "csv"


class Favor(str, Enum):
    balanced = "balanced"
    precision = "precision"
    recall = "recall"


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
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc


def read_source(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


_CONFIG_OPTION = typer.Option(None, "--config", "-c", help="TOML config file (see README: Configuration).")
_REFDATE_OPTION = typer.Option(None, "--reference-date", help="ISO date to resolve relative times ('5 hours ago').")


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    warc = "warc"


@app.command("clean")
def clean_command(
    inputs: list[str] = typer.Argument(..., help="Files, folders (walked recursively) or '-' for standard input."),
    output_format: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="text, json, jsonl, markdown, html or csv (default: text; jsonl with -o)."),
    links: bool = typer.Option(False, "--links", help="Markdown/HTML: keep the article's links."),
    images: bool = typer.Option(False, "--images", help="Markdown/HTML: keep the article's images."),
    favor: Optional[Favor] = typer.Option(None, "--favor", help="precision, recall or balanced (config favor): how much doubtful text stays."),
    kind: Kind = typer.Option(Kind.auto, "--kind", "-k", help="Input kind: auto (sniff), text or html."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL of the document (metadata) when the input has none."),
    config: Optional[Path] = _CONFIG_OPTION,
    reference_date: Optional[str] = _REFDATE_OPTION,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the records to this file (JSON Lines by default)."),
    output_dir: Optional[Path] = typer.Option(None, "--output-dir", help="Write one file per document here, mirroring the input tree."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (default: all cores)."),
    unordered: bool = typer.Option(False, "--unordered", help="Write records as they finish, not in input order."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="Force the input format: text, html, jsonl or warc."),
    glob: str = typer.Option("*", "--glob", help="Only files matching this pattern inside folders (e.g. '*.html.gz')."),
    text_field: str = typer.Option("text", "--text-field", help="JSON Lines: field holding plain text."),
    html_field: str = typer.Option("html", "--html-field", help="JSON Lines: field holding HTML (preferred when present)."),
    url_field: str = typer.Option("url", "--url-field", help="JSON Lines: field holding the URL."),
    id_field: str = typer.Option("id", "--id-field", help="JSON Lines: field holding the document id."),
    max_seconds: Optional[float] = typer.Option(None, "--max-seconds", help="Per-document time limit (config max_seconds)."),
    max_input_bytes: Optional[int] = typer.Option(None, "--max-input-bytes", help="Per-document size limit (config max_input_bytes)."),
    resume: bool = typer.Option(False, "--resume", help="With -o: skip documents already in the file, append the rest."),
    progress: bool = typer.Option(False, "--progress", help="Show the progress bar even when stderr is not a terminal."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    site_rules: Optional[Path] = typer.Option(None, "--site-rules", help="Apply site boilerplate learned by `cleaner learn` (rule SIT001)."),
    learn_sites: bool = typer.Option(False, "--learn-sites", help="Learn site boilerplate from these inputs first, then clean them with it."),
    comments: bool = typer.Option(False, "--comments", help="Text output: print the removed comment thread after the body (JSON always has it)."),
) -> None:
    """Clean documents: print the article body (text, markdown, html), the whole Article (json, jsonl)
    or a table of the main fields (csv).

    Every input document yields one record, ok or error; the exit status is 1 when any failed.
    """
    from .batch.readers import ReaderOptions
    from .batch.run import BatchRequest, run_clean

    if output is not None and output_dir is not None:
        _usage("use either -o/--output or --output-dir, not both")
    if output is not None and not output.parent.is_dir():
        _usage(f"cannot write {output}: folder {output.parent} does not exist")
    if resume and output is None:
        _usage("--resume needs -o/--output FILE (the records already written there are skipped)")
    fmt = (output_format or (OutputFormat.jsonl if output is not None else OutputFormat.text)).value
    if resume and fmt != "jsonl":
        _usage("--resume works with JSON Lines output (--format jsonl)")
    if (links or images) and fmt not in ("markdown", "html"):
        _usage("--links and --images apply to --format markdown or html")
    if fmt == "csv" and output_dir is not None:
        _usage("--format csv writes one table: use -o FILE (or standard output), not --output-dir")
    cfg = load_config(config, reference_date=reference_date, max_seconds=max_seconds, max_input_bytes=max_input_bytes,
                      favor=favor.value if favor else None)
    reading = ReaderOptions(input_format=input_format.value, glob=glob, text_field=text_field,
                            html_field=html_field, url_field=url_field, id_field=id_field, kind=kind.value)
    request = BatchRequest(
        inputs=inputs, reading=reading, output_format=fmt, url=url, output=output, output_dir=output_dir,
        jobs=jobs, ordered=not unordered, resume=resume, progress=progress, quiet=quiet,
        site_rules=site_rules, learn_sites=learn_sites, links=links, images=images, comments=comments,
    )
    try:
        failures = run_clean(request, cfg, err)
    except ConfigError as exc:  # an unreadable --site-rules file
        _usage(str(exc))
    if failures:
        raise typer.Exit(1)


def _usage(message: str) -> None:
    err.print(f"[red]usage error:[/red] {escape(message)}")
    raise typer.Exit(2)


@app.command("learn")
def learn_command(
    inputs: list[str] = typer.Argument(..., help="Files, folders or '-' (documents need a URL: JSON Lines url field, WARC, or --url)."),
    output: Path = typer.Option(..., "--output", "-o", help="Write the per-site rules (TOML) here."),
    min_docs: int = typer.Option(3, "--min-docs", min=2, help="A line must occur in at least this many documents of a site."),
    min_share: float = typer.Option(0.3, "--min-share", min=0.0, max=1.0, help="... and in at least this share of the site's documents."),
    cap: int = typer.Option(20_000, "--cap", min=100, help="Line hashes kept per site (bounded memory)."),
    url: Optional[str] = typer.Option(None, "--url", help="URL for inputs that have none (all of them count as one site)."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="Force the input format."),
    glob: str = typer.Option("*", "--glob", help="Only files matching this pattern inside folders."),
    text_field: str = typer.Option("text", "--text-field", help="JSON Lines: field holding plain text."),
    html_field: str = typer.Option("html", "--html-field", help="JSON Lines: field holding HTML."),
    url_field: str = typer.Option("url", "--url-field", help="JSON Lines: field holding the URL."),
    config: Optional[Path] = _CONFIG_OPTION,
) -> None:
    """Learn site boilerplate: lines that recur on many pages of the same site (host of the URL)."""
    from .batch.readers import ReaderOptions, iter_inputs
    from .batch.run import BatchRequest, learn_sites, reader_options, with_url
    from .text.sites import SiteLearner

    cfg = load_config(config)
    reading = ReaderOptions(input_format=input_format.value, glob=glob, text_field=text_field,
                            html_field=html_field, url_field=url_field)
    request = BatchRequest(inputs=inputs, url=url, reading=reading)
    learner = SiteLearner(cap=cap, min_docs=min_docs)
    learned = learn_sites(with_url(iter_inputs(inputs, reader_options(request, cfg)), url), cfg, learner)
    lines = learner.write(output, min_share)
    err.print(f"{lines:,} boilerplate line(s) for {len(learner.rules(min_share)):,} site(s) "
              f"from {learned:,} document(s) with a URL -> {output}")


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
    from .explain.report import expand_sources, write_report
    from .explain.terminal import Selection, print_explanation

    cleaner = Cleaner(load_config(config, reference_date=reference_date))
    try:
        select = Selection.parse(only, rule)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
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
            err.print(f"[red]error[/red] {escape(source)}: {type(exc).__name__}: {escape(str(exc))}")
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
    dump: Optional[str] = typer.Option(None, "--dump", help="Score text mode on one dump style (html_text, inscriptis, innertext, bs4, html2text; built by `make devsets`), or 'all' for the style x half table."),
    output: str = typer.Option("text", "--output", help="Score the body (text), or the Markdown with its marks taken out (markdown; markdown-links with links and images)."),
    favor: Optional[Favor] = typer.Option(None, "--favor", help="precision, recall or balanced (config favor)."),
    confidence: bool = typer.Option(False, "--confidence", help="Also report how well Article.confidence ranks the pages by their F1 (not with --dump all)."),
    config: Optional[Path] = _CONFIG_OPTION,
) -> None:
    """Score the cleaner on the development set (with/without snippet metric)."""
    from .evaluate import dump_pages, run_dump_table, run_report

    cfg = load_config(config, favor=favor.value if favor else None)
    try:
        if output not in ("text", "markdown", "markdown-links"):
            raise ConfigError(f"--output must be text, markdown or markdown-links, not {output!r}")
        if dump == "all" or (dump and "," in dump):
            run_dump_table(dataset, dump, cfg, Console(), json_out)
        else:
            if dump:
                dump_pages([], dataset, dump)  # a clear error now for an unknown or unbuilt style
            run_report(dataset, mode if not dump else "text", half, ablate, failures, json_out, cfg, Console(), dump=dump,
                       output=output, confidence=confidence)
    except CleanerError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
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
    from .explain.diff import diff_record, diff_sources, print_diff
    from .explain.report import config_note, expand_sources

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
