"""Command line: `cleaner clean`, `cleaner explain`, `cleaner rules`, `cleaner eval`.

A thin adapter over the library: it reads inputs, calls `Cleaner.clean`, and prints.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from . import __version__

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console

    from .batch.readers import InputDoc, ReaderOptions
    from .config import CleanerConfig

# Only typer is imported up front: each command imports what it needs, so that `cleaner --version`
# and `--help` answer at once and `cleaner clean` does not load the evaluation or the report code.
app = typer.Typer(
    name="cleaner",
    help="Strip boilerplate from scraped news and blog articles (text or HTML).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@lru_cache(maxsize=1)
def stderr() -> "Console":
    """The console for messages on stderr. They are not wrapped at the terminal's width (a path or a
    command split over two lines cannot be copied or grepped) and their variable parts are escaped
    (`article-cleaner[spark]` is not markup)."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, highlight=False)


def _escape(text: str) -> str:
    """`text` for a rich message line: control characters shown as `\\xNN` (a file name or a page's
    text must not drive the terminal) and markup escaped (`output.neutralize.terminal_markup`)."""
    from .output.neutralize import terminal_markup

    return terminal_markup(text)


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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Strip boilerplate from scraped news and blog articles."""


def main(argv: Optional[list[str]] = None) -> None:
    """The `cleaner` command. A usage error (an unknown option, a value out of its choices) is one line
    on stderr and exit status 2, never a traceback or a framed panel."""
    try:
        from typer.exceptions import TyperException as UsageProblem  # typer with click inside
    except ImportError:  # pragma: no cover - typer releases that depend on click
        from click.exceptions import ClickException as UsageProblem  # type: ignore[assignment]
    try:
        code = app(args=argv, standalone_mode=False)
    except UsageProblem as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `cleaner` alone: the help was shown
            sys.exit(getattr(exc, "exit_code", 2))
        ctx = getattr(exc, "ctx", None)
        command = ctx.command_path if ctx is not None else "cleaner"
        print(f"{command}: usage error: {exc.format_message()} (see '{command} --help')", file=sys.stderr)
        sys.exit(getattr(exc, "exit_code", 2))
    except Exception as exc:
        if type(exc).__name__ != "Abort":  # typer's Abort: end of input at a prompt
            raise
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def load_config(path: Optional[Path], **overrides: object) -> "CleanerConfig":
    from .config import CleanerConfig
    from .errors import CleanerError

    overrides = {k: v for k, v in overrides.items() if v is not None}
    try:
        return CleanerConfig.from_toml(path, **overrides) if path else CleanerConfig().replace(**overrides)
    except CleanerError as exc:
        _usage(str(exc))
        raise  # not reached


_CONFIG_OPTION = typer.Option(None, "--config", "-c", help="TOML config file (see README: Configuration).")
_REFDATE_OPTION = typer.Option(None, "--reference-date", help="ISO date to resolve relative times ('5 hours ago').")
_INPUTS_HELP = "Files, folders (walked recursively), http(s) URLs, or '-' for standard input."
_INPUT_FORMAT_HELP = "Force the input format: text, html, json, jsonl or warc (default: by name and content)."


@app.command("clean")
def clean_command(
    inputs: Optional[list[str]] = typer.Argument(None, help=_INPUTS_HELP, show_default=False),
    output_format: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="text, json, jsonl, markdown, html, csv or tei (TEI XML). Default: from the -o file's suffix (.jsonl, .json, .csv, .md, .html, .xml, .txt), else jsonl with -o, else text."),
    links: bool = typer.Option(False, "--links", help="Markdown/HTML/TEI: keep the article's links."),
    images: bool = typer.Option(False, "--images", help="Markdown/HTML/TEI: keep the article's images."),
    favor: Optional[Favor] = typer.Option(None, "--favor", help="precision, recall or balanced (config favor): how much doubtful text stays."),
    kind: Kind = typer.Option(Kind.auto, "--kind", "-k", help="Input kind: auto (sniff), text or html."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL of the document (metadata) when the input has none."),
    config: Optional[Path] = _CONFIG_OPTION,
    reference_date: Optional[str] = _REFDATE_OPTION,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the records to this file (format from its suffix; JSON Lines by default)."),
    output_dir: Optional[Path] = typer.Option(None, "--output-dir", help="Write one file per document here, mirroring the input tree."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (default: all cores)."),
    unordered: bool = typer.Option(False, "--unordered", help="Write records as they finish, not in input order."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help=_INPUT_FORMAT_HELP),
    glob: str = typer.Option("*", "--glob", help="Only files matching this pattern inside folders (e.g. '*.html.gz')."),
    text_field: str = typer.Option("text", "--text-field", help="JSON records: field holding the text (HTML in it is read as HTML)."),
    html_field: str = typer.Option("html", "--html-field", help="JSON records: field holding HTML (preferred when present)."),
    url_field: str = typer.Option("url", "--url-field", help="JSON records: field holding the URL."),
    id_field: str = typer.Option("id", "--id-field", help="JSON records: field holding the document id."),
    urls: Optional[str] = typer.Option(None, "--urls", help="Also clean the URLs in this file, one per line ('-': standard input)."),
    fetch_jobs: int = typer.Option(8, "--fetch-jobs", min=1, help="URLs downloaded at a time (at most 2 per host)."),
    fetch_timeout: float = typer.Option(30.0, "--fetch-timeout", min=0.1, help="Seconds one download may take in all."),
    fetch_retries: int = typer.Option(2, "--fetch-retries", min=0, help="Retries of a download after a connection error or a 429/5xx answer."),
    user_agent: Optional[str] = typer.Option(None, "--user-agent", help="User-Agent header of the downloads (default: cleaner/VERSION)."),
    language: Optional[str] = typer.Option(None, "--language", help="Keep only articles in these languages (ISO 639-1 codes: de,en); the others are skipped."),
    min_chars: int = typer.Option(0, "--min-chars", min=0, help="Skip articles whose body is shorter than this many characters."),
    dedup: bool = typer.Option(False, "--dedup", help="Skip near-duplicate bodies (by fingerprint) after their first copy in this run."),
    dedup_distance: int = typer.Option(3, "--dedup-distance", min=0, max=16, help="--dedup: fingerprints at most this many bits apart are duplicates."),
    max_seconds: Optional[float] = typer.Option(None, "--max-seconds", help="Per-document time limit (config max_seconds)."),
    max_input_bytes: Optional[int] = typer.Option(None, "--max-input-bytes", help="Per-document size limit (config max_input_bytes)."),
    resume: bool = typer.Option(False, "--resume", help="With -o: skip documents already in the file, append the rest."),
    progress: bool = typer.Option(False, "--progress", help="Show progress even when stderr is not a terminal (a line every few seconds)."),
    progress_interval: float = typer.Option(5.0, "--progress-interval", min=0.1, help="Seconds between two progress lines when stderr is not a terminal."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no summary."),
    site_rules: Optional[Path] = typer.Option(None, "--site-rules", help="Apply site boilerplate learned by `cleaner learn` (rule SIT001)."),
    learn_sites: bool = typer.Option(False, "--learn-sites", help="Learn site boilerplate from these inputs first, then clean them with it."),
    comments: bool = typer.Option(False, "--comments", help="Text output: print the removed comment thread after the body (JSON always has it)."),
) -> None:
    """Clean documents: print the article body (text, markdown, html), the whole Article (json, jsonl),
    a table of the main fields (csv) or TEI XML (tei).

    Every input document yields one record: ok, skipped (not a page, or filtered out) or an error.
    Exit status: 0 when none failed, 1 when some failed, 2 for usage errors, 3 when the output could
    not be written, 130 when interrupted.
    """
    from .batch.fetch import FetchOptions
    from .batch.readers import ReaderOptions
    from .batch.run import BatchRequest, Interrupted, run_clean
    from .batch.skips import Filters, parse_languages
    from .errors import ConfigError, OutputError
    from .output.records import format_for_path

    inputs = list(inputs or [])
    if not inputs and urls is None:
        _usage("give the documents to clean: files, folders, URLs or '-' (or --urls FILE)")
    if urls == "-" and "-" in inputs:
        _usage("standard input can be read once: as an input or as the --urls list, not both")
    if urls is not None and urls != "-" and not Path(urls).is_file():
        _usage(f"--urls {urls}: no such file")
    if output is not None and output_dir is not None:
        _usage("use either -o/--output or --output-dir, not both")
    if output is not None:
        _check_output_file(output)
    if output_dir is not None:
        _check_output_dir(output_dir)
    if resume and output is None:
        _usage("--resume needs -o/--output FILE (the records already written there are skipped)")
    fmt = output_format.value if output_format else (format_for_path(output) or "jsonl") if output else "text"
    if resume and fmt != "jsonl":
        _usage("--resume works with JSON Lines output (--format jsonl)")
    if (links or images) and fmt not in ("markdown", "html", "tei"):
        _usage("--links and --images apply to --format markdown, html or tei")
    if fmt == "csv" and output_dir is not None:
        _usage("--format csv writes one table: use -o FILE (or standard output), not --output-dir")
    try:
        filters = Filters(languages=parse_languages(language), min_chars=min_chars, dedup=dedup,
                          dedup_distance=dedup_distance)
    except ValueError as exc:
        _usage(str(exc))
    cfg = load_config(config, reference_date=reference_date, max_seconds=max_seconds, max_input_bytes=max_input_bytes,
                      favor=favor.value if favor else None)
    fetch = FetchOptions(jobs=fetch_jobs, timeout=fetch_timeout, retries=fetch_retries,
                         **({"user_agent": user_agent} if user_agent else {}))
    reading = ReaderOptions(input_format=input_format.value, glob=glob, text_field=text_field,
                            html_field=html_field, url_field=url_field, id_field=id_field, kind=kind.value, fetch=fetch)
    request = BatchRequest(
        inputs=inputs, urls=urls, reading=reading, output_format=fmt, url=url, output=output, output_dir=output_dir,
        jobs=jobs, ordered=not unordered, resume=resume, progress=progress, progress_interval=progress_interval,
        quiet=quiet,
        site_rules=site_rules, learn_sites=learn_sites, links=links, images=images, comments=comments,
        filters=filters,
    )
    try:
        failures = run_clean(request, cfg, stderr)
    except ConfigError as exc:  # an unreadable --site-rules file
        _usage(str(exc))
    except Interrupted as exc:
        stderr().print(_escape(str(exc)))
        # Every record is written and the output closed; leave now rather than wait at exit for the
        # worker pool's threads, one of which may be blocked on a pipe to a stopped worker.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    except OutputError as exc:
        stderr().print(f"[red]output error:[/red] {_escape(str(exc))}")
        raise typer.Exit(EXIT_OUTPUT) from None
    if failures:
        raise typer.Exit(1)


#: Exit status of `cleaner clean` when the output itself could not be written (README: Exit status).
EXIT_OUTPUT = 3


def _usage(message: str) -> None:
    stderr().print(f"[red]usage error:[/red] {_escape(message)}")
    raise typer.Exit(2)


def _check_output_file(output: Path) -> None:
    """-o names a file that can be written: a usage error now, not a traceback later."""
    if output.is_dir():
        _usage(f"cannot write {output}: it is a folder (use --output-dir for one file per document)")
    if not output.parent.is_dir():
        _usage(f"cannot write {output}: folder {output.parent} does not exist")
    if not os.access(output if output.exists() else output.parent, os.W_OK):
        _usage(f"cannot write {output}: permission denied")


def _check_output_dir(output_dir: Path) -> None:
    """--output-dir names a folder that exists or can be made, and can be written to."""
    if output_dir.exists() and not output_dir.is_dir():
        _usage(f"cannot write to {output_dir}: it is a file, not a folder")
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _usage(f"cannot make folder {output_dir}: {exc.strerror or exc}")
    if not os.access(output_dir, os.W_OK | os.X_OK):
        _usage(f"cannot write to folder {output_dir}: permission denied")


def _reading(input_format: InputFormat, glob: str, text_field: str, html_field: str, url_field: str,
             kind: Kind = Kind.auto, id_field: str = "id") -> "ReaderOptions":
    from .batch.readers import ReaderOptions

    return ReaderOptions(input_format=input_format.value, glob=glob, text_field=text_field, html_field=html_field,
                         url_field=url_field, id_field=id_field, kind=kind.value)


def _documents(inputs: list[str], reading: "ReaderOptions", config: "CleanerConfig") -> "Iterator[InputDoc]":
    """The documents of `inputs`, read as `cleaner clean` reads them (one reader for every command)."""
    from .batch.readers import iter_inputs
    from .batch.run import BatchRequest, reader_options

    return iter_inputs(inputs, reader_options(BatchRequest(inputs=inputs, reading=reading), config))


@app.command("learn")
def learn_command(
    inputs: list[str] = typer.Argument(..., help="Files, folders, URLs or '-' (documents need a URL: JSON url field, WARC, or --url)."),
    output: Path = typer.Option(..., "--output", "-o", help="Write the per-site rules (TOML) here."),
    min_docs: int = typer.Option(3, "--min-docs", min=2, help="A line must occur in at least this many documents of a site."),
    min_share: float = typer.Option(0.3, "--min-share", min=0.0, max=1.0, help="... and in at least this share of the site's documents."),
    cap: int = typer.Option(20_000, "--cap", min=100, help="Line hashes kept per site (bounded memory)."),
    url: Optional[str] = typer.Option(None, "--url", help="URL for inputs that have none (all of them count as one site)."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help=_INPUT_FORMAT_HELP),
    glob: str = typer.Option("*", "--glob", help="Only files matching this pattern inside folders."),
    text_field: str = typer.Option("text", "--text-field", help="JSON records: field holding the text."),
    html_field: str = typer.Option("html", "--html-field", help="JSON records: field holding HTML."),
    url_field: str = typer.Option("url", "--url-field", help="JSON records: field holding the URL."),
    config: Optional[Path] = _CONFIG_OPTION,
) -> None:
    """Learn site boilerplate: lines that recur on many pages of the same site (host of the URL)."""
    from .batch.run import learn_sites, with_url
    from .text.sites import SiteLearner

    cfg = load_config(config)
    reading = _reading(input_format, glob, text_field, html_field, url_field)
    learner = SiteLearner(cap=cap, min_docs=min_docs)
    learned = learn_sites(with_url(_documents(inputs, reading, cfg), url), cfg, learner)
    lines = learner.write(output, min_share)
    stderr().print(f"{lines:,} boilerplate line(s) for {len(learner.rules(min_share)):,} site(s) "
                   f"from {learned:,} document(s) with a URL -> {_escape(str(output))}")


@app.command("explain")
def explain_command(
    sources: list[str] = typer.Argument(..., help=_INPUTS_HELP),
    html: Optional[Path] = typer.Option(None, "--html", help="Write one self-contained HTML report for all inputs here."),
    only: list[str] = typer.Option([], "--only", help="Show only removals with this label (repeatable)."),
    rule: list[str] = typer.Option([], "--rule", help="Show only removals by this rule id or family, e.g. CRD (repeatable)."),
    kind: Kind = typer.Option(Kind.auto, "--kind", "-k", help="Input kind: auto, text or html."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help=_INPUT_FORMAT_HELP),
    glob: str = typer.Option("*", "--glob", help="Only files matching this pattern inside folders."),
    text_field: str = typer.Option("text", "--text-field", help="JSON records: field holding the text."),
    html_field: str = typer.Option("html", "--html-field", help="JSON records: field holding HTML."),
    url_field: str = typer.Option("url", "--url-field", help="JSON records: field holding the URL."),
    config: Optional[Path] = _CONFIG_OPTION,
    reference_date: Optional[str] = _REFDATE_OPTION,
) -> None:
    """Show what was removed and why: struck-out segments with rule id and reason, or an HTML report.

    Inputs are read as `cleaner clean` reads them (folders, compressed files, JSON, WARC, URLs)."""
    from rich.console import Console

    from .engine import Cleaner
    from .errors import CleanerError
    from .explain.report import write_report
    from .batch.readers import input_sources
    from .explain.terminal import Selection, print_explanation
    from .output.neutralize import terminal_text

    cfg = load_config(config, reference_date=reference_date)
    try:
        select = Selection.parse(only, rule)
    except ValueError as exc:
        _usage(str(exc))
    cleaner = Cleaner(cfg)
    docs = _documents(sources, _reading(input_format, glob, text_field, html_field, url_field, kind), cfg)
    if html is not None:
        stats = write_report(html, docs, cleaner, select=select)
        stderr().print(_escape(stats.summary()))
        raise typer.Exit(1 if stats.failed or not stats.documents + stats.skipped else 0)
    console, failures, count = Console(highlight=False), 0, 0
    given = input_sources(sources)
    for doc in docs:
        count += 1
        if doc.skipped is not None:
            stderr().print(f"skipped {_escape(doc.source)}: {_escape(doc.skipped.reason)}")
            continue
        try:
            article = doc.clean_with(cleaner)
        except CleanerError as exc:
            failures += 1
            stderr().print(f"[red]error[/red] {_escape(doc.source)}: {type(exc).__name__}: {_escape(str(exc))}")
            continue
        several = len(sources) > 1 or doc.source not in given
        print_explanation(article, console, select, terminal_text(doc.source) if several else None)
    if failures:
        raise typer.Exit(1)


class RulesFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


@app.command("rules")
def rules_command(
    output_format: RulesFormat = typer.Option(RulesFormat.table, "--format", "-f", help="table, markdown or json."),
) -> None:
    """List the rule registry: id, label, scope and reason."""
    import json

    from rich.console import Console
    from rich.table import Table

    from .rules import REGISTRY

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


@app.command("eval")
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
    config: Optional[Path] = _CONFIG_OPTION,
) -> None:
    """Score the cleaner on the development set (with/without snippet metric)."""
    from rich.console import Console

    from .errors import CleanerError
    from .evaluate import EXTRACTED_STYLES, dump_pages, dump_styles, run_dump_table, run_extracted_table, run_report

    cfg = load_config(config, favor=favor.value if favor else None)
    try:
        styles = dump_styles(dump) if dump else ()
        extracted = [s for s in styles if s in EXTRACTED_STYLES]
        if extracted and len(extracted) < len(styles):
            _usage("--dump takes full-page styles or extracted styles, not both in one run")
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
        _usage(str(exc))


class DiffFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("diff")
def diff_command(
    inputs: list[str] = typer.Argument(..., help=_INPUTS_HELP),
    rules_a: Optional[Path] = typer.Option(None, "--rules-a", help="TOML config A (default: the defaults)."),
    rules_b: Optional[Path] = typer.Option(None, "--rules-b", help="TOML config B (default: the defaults)."),
    output_format: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text or json."),
    kind: Kind = typer.Option(Kind.auto, "--kind", "-k", help="Input kind: auto, text or html."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help=_INPUT_FORMAT_HELP),
    glob: str = typer.Option("*", "--glob", help="Only files matching this pattern inside folders."),
    text_field: str = typer.Option("text", "--text-field", help="JSON records: field holding the text."),
    html_field: str = typer.Option("html", "--html-field", help="JSON records: field holding HTML."),
    url_field: str = typer.Option("url", "--url-field", help="JSON records: field holding the URL."),
    limit: int = typer.Option(50, "--limit", min=1, help="Show at most this many changed segments per document (text)."),
) -> None:
    """Show which documents and segments change label between two configs (review a rule change).

    Inputs are read as `cleaner clean` reads them (folders, compressed files, JSON, WARC, URLs)."""
    import json

    from rich.console import Console

    from .engine import Cleaner
    from .explain.diff import diff_record, diff_sources, print_diff
    from .explain.report import config_note

    if rules_a is None and rules_b is None:
        _usage("give --rules-a and/or --rules-b (the other side uses the defaults)")
    a, b = Cleaner(load_config(rules_a)), Cleaner(load_config(rules_b))
    note_a, note_b = (f"{path or 'defaults'} ({config_note(c.config) or 'default settings'})" for path, c in ((rules_a, a), (rules_b, b)))
    notes = (note_a, note_b)
    docs = _documents(inputs, _reading(input_format, glob, text_field, html_field, url_field, kind), a.config)
    diffs = list(diff_sources(docs, a, b))
    if output_format is DiffFormat.json:
        typer.echo(json.dumps(diff_record(diffs, notes), ensure_ascii=False, indent=2))
    else:
        print_diff(diffs, notes, Console(highlight=False), limit)
    if any(d.error for d in diffs):
        raise typer.Exit(1)
