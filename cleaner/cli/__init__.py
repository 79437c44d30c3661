"""Command line: `cleaner clean`, `learn`, `explain`, `rules`, `eval`, `diff`.

A thin adapter over the library: it reads inputs, calls `Cleaner.clean`, and prints.

The commands live in `clean` (clean, learn: many inputs in, a result out) and `inspection` (explain,
rules, diff, eval); `common` holds what they share. This module makes the `app` and registers them.
"""

from __future__ import annotations

import sys
from typing import Optional

import typer

from .. import __version__
from . import clean, inspection

# Only typer is imported up front: each command imports what it needs, so that `cleaner --version`
# and `--help` answer at once and `cleaner clean` does not load the evaluation or the report code.
app = typer.Typer(
    name="cleaner",
    help="Strip boilerplate from scraped news and blog articles (text or HTML).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("clean")(clean.clean_command)
app.command("learn")(clean.learn_command)
app.command("explain")(inspection.explain_command)
app.command("rules")(inspection.rules_command)
app.command("eval")(inspection.eval_command)
app.command("diff")(inspection.diff_command)


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
