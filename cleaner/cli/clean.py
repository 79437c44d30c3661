"""`cleaner clean` (documents in, one record each out) and `cleaner learn` (a site's recurring lines
from its documents): the two commands that read many inputs and write a result of their own."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from .common import (
    CONFIG_OPTION, GLOB_OPTION, HTML_FIELD_OPTION, INPUT_FORMAT_OPTION, INPUTS_HELP, REFDATE_OPTION, TEXT_FIELD_OPTION,
    URL_FIELD_OPTION, Favor, InputFormat, Kind, OutputFormat, documents, escape, load_config, reading_options, stderr,
    usage,
)


def clean_command(
    inputs: Optional[list[str]] = typer.Argument(None, help=INPUTS_HELP, show_default=False),
    output_format: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="text, json, jsonl, markdown, html, csv or tei (TEI XML). Default: from the -o file's suffix (.jsonl, .json, .csv, .md, .html, .xml, .txt), else jsonl with -o, else text."),
    links: bool = typer.Option(False, "--links", help="Markdown/HTML/TEI: keep the article's links."),
    images: bool = typer.Option(False, "--images", help="Markdown/HTML/TEI: keep the article's images."),
    favor: Optional[Favor] = typer.Option(None, "--favor", help="precision, recall or balanced (config favor): how much doubtful text stays."),
    kind: Kind = typer.Option(Kind.auto, "--kind", "-k", help="Input kind: auto (sniff), text or html."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL of the document (metadata) when the input has none."),
    config: Optional[Path] = CONFIG_OPTION,
    reference_date: Optional[str] = REFDATE_OPTION,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the records to this file (format from its suffix; JSON Lines by default)."),
    output_dir: Optional[Path] = typer.Option(None, "--output-dir", help="Write one file per document here, mirroring the input tree."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (default: all cores)."),
    unordered: bool = typer.Option(False, "--unordered", help="Write records as they finish, not in input order."),
    input_format: InputFormat = INPUT_FORMAT_OPTION,
    glob: str = typer.Option("*", "--glob", help="Only files matching this pattern inside folders (e.g. '*.html.gz')."),
    text_field: str = typer.Option("text", "--text-field", help="JSON records: field holding the text (HTML in it is read as HTML)."),
    html_field: str = typer.Option("html", "--html-field", help="JSON records: field holding HTML (preferred when present)."),
    url_field: str = URL_FIELD_OPTION,
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
    from ..batch.fetch import FetchOptions
    from ..batch.readers import ReaderOptions
    from ..batch.run import BatchRequest, Interrupted, run_clean
    from ..batch.skips import Filters, parse_languages
    from ..errors import ConfigError, OutputError
    from ..output.records import format_for_path

    inputs = list(inputs or [])
    if not inputs and urls is None:
        usage("give the documents to clean: files, folders, URLs or '-' (or --urls FILE)")
    if urls == "-" and "-" in inputs:
        usage("standard input can be read once: as an input or as the --urls list, not both")
    if urls is not None and urls != "-" and not Path(urls).is_file():
        usage(f"--urls {urls}: no such file")
    if output is not None and output_dir is not None:
        usage("use either -o/--output or --output-dir, not both")
    if output is not None:
        _check_output_file(output)
    if output_dir is not None:
        _check_output_dir(output_dir)
    if resume and output is None:
        usage("--resume needs -o/--output FILE (the records already written there are skipped)")
    fmt = output_format.value if output_format else (format_for_path(output) or "jsonl") if output else "text"
    if resume and fmt != "jsonl":
        usage("--resume works with JSON Lines output (--format jsonl)")
    if (links or images) and fmt not in ("markdown", "html", "tei"):
        usage("--links and --images apply to --format markdown, html or tei")
    if fmt == "csv" and output_dir is not None:
        usage("--format csv writes one table: use -o FILE (or standard output), not --output-dir")
    try:
        filters = Filters(languages=parse_languages(language), min_chars=min_chars, dedup=dedup,
                          dedup_distance=dedup_distance)
    except ValueError as exc:
        usage(str(exc))
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
        usage(str(exc))
    except Interrupted as exc:
        stderr().print(escape(str(exc)))
        # Every record is written and the output closed; leave now rather than wait at exit for the
        # worker pool's threads, one of which may be blocked on a pipe to a stopped worker.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    except OutputError as exc:
        stderr().print(f"[red]output error:[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_OUTPUT) from None
    if failures:
        raise typer.Exit(1)



#: Exit status of `cleaner clean` when the output itself could not be written (README: Exit status).
EXIT_OUTPUT = 3


def _check_output_file(output: Path) -> None:
    """-o names a file that can be written: a usage error now, not a traceback later."""
    if output.is_dir():
        usage(f"cannot write {output}: it is a folder (use --output-dir for one file per document)")
    if not output.parent.is_dir():
        usage(f"cannot write {output}: folder {output.parent} does not exist")
    if not os.access(output if output.exists() else output.parent, os.W_OK):
        usage(f"cannot write {output}: permission denied")


def _check_output_dir(output_dir: Path) -> None:
    """--output-dir names a folder that exists or can be made, and can be written to."""
    if output_dir.exists() and not output_dir.is_dir():
        usage(f"cannot write to {output_dir}: it is a file, not a folder")
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        usage(f"cannot make folder {output_dir}: {exc.strerror or exc}")
    if not os.access(output_dir, os.W_OK | os.X_OK):
        usage(f"cannot write to folder {output_dir}: permission denied")


def learn_command(
    inputs: list[str] = typer.Argument(..., help="Files, folders, URLs or '-' (documents need a URL: JSON url field, WARC, or --url)."),
    output: Path = typer.Option(..., "--output", "-o", help="Write the per-site rules (TOML) here."),
    min_docs: int = typer.Option(3, "--min-docs", min=2, help="A line must occur in at least this many documents of a site."),
    min_share: float = typer.Option(0.3, "--min-share", min=0.0, max=1.0, help="... and in at least this share of the site's documents."),
    cap: int = typer.Option(20_000, "--cap", min=100, help="Line hashes kept per site (bounded memory)."),
    url: Optional[str] = typer.Option(None, "--url", help="URL for inputs that have none (all of them count as one site)."),
    input_format: InputFormat = INPUT_FORMAT_OPTION,
    glob: str = GLOB_OPTION,
    text_field: str = TEXT_FIELD_OPTION,
    html_field: str = HTML_FIELD_OPTION,
    url_field: str = URL_FIELD_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Learn site boilerplate: lines that recur on many pages of the same site (host of the URL)."""
    from ..batch.run import learn_sites, with_url
    from ..text.sites import SiteLearner

    cfg = load_config(config)
    reading = reading_options(input_format, glob, text_field, html_field, url_field)
    learner = SiteLearner(cap=cap, min_docs=min_docs)
    learned = learn_sites(with_url(documents(inputs, reading, cfg), url), cfg, learner)
    lines = learner.write(output, min_share)
    stderr().print(f"{lines:,} boilerplate line(s) for {len(learner.rules(min_share)):,} site(s) "
                   f"from {learned:,} document(s) with a URL -> {escape(str(output))}")

