"""What a batch says on stderr while it runs and when it ends: progress, the summary, an interruption.

Progress has two shapes. On a terminal, one status line redrawn in place (documents done, of how many
and an ETA when the inputs can be counted, docs/s, skipped, errors), erased before anything is written
to a terminal's standard output so that no frame is ever left inside the text. Elsewhere (a log file,
CI, `nohup`), with `--progress`, a plain line every few seconds, which a log keeps.
"""

from __future__ import annotations

import shlex
import sys
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from .pool import Summary

#: Seconds between two progress lines in a log; the terminal line is redrawn at most 10 times a second.
LOG_INTERVAL = 5.0
_REDRAW = 0.1


class Progress:
    """The progress of a batch on `stream` (stderr): see the module docstring."""

    def __init__(self, stream: TextIO, *, enabled: bool, total: int | None = None,
                 interval: float = LOG_INTERVAL) -> None:
        self.stream = stream
        self.enabled = enabled
        self.terminal = enabled and _isatty(stream)
        self.total = total
        self.interval = interval if not self.terminal else _REDRAW
        self.started = time.monotonic()
        self._last = self.started if not self.terminal else 0.0
        self._shown = False  # a status line is on the terminal now

    def update(self, summary: Summary, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        line = self.line(summary, now - self.started)
        if self.terminal:
            self.stream.write("\r\x1b[2K" + line)
            self._shown = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def line(self, summary: Summary, elapsed: float) -> str:
        """`cleaning: 1,234 of 20,000 documents (6%), 56.7 docs/s, ETA 5m 32s, 3 skipped, 2 errors`."""
        done = summary.documents
        rate = done / elapsed if elapsed > 0 else 0.0
        parts = [f"{done:,} documents" if self.total is None or done > self.total
                 else f"{done:,} of {self.total:,} documents ({100 * done // max(1, self.total)}%)"]
        parts.append(f"{rate:.1f} docs/s")
        if self.total is not None and rate > 0 and done <= self.total:
            parts.append(f"ETA {_duration((self.total - done) / rate)}")
        if not self.terminal:
            parts.append(f"{_duration(elapsed)} elapsed")
        if summary.skipped:
            parts.append(f"{summary.skipped:,} skipped")
        if summary.failed:
            parts.append(f"{summary.failed:,} errors")
        return "cleaning: " + ", ".join(parts)

    def clear(self) -> None:
        """Erase the terminal's status line (before standard output is written to the same terminal)."""
        if self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False
            self._last = 0.0  # redraw at the next document

    def close(self) -> None:
        self.clear()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m {seconds % 60:02d}s"
    return f"{seconds // 3600}h {seconds // 60 % 60:02d}m"


def print_summary(summary: Summary, elapsed: float, console: Console, top_rules: int = 15) -> None:
    """Documents (ok, skipped by kind, errors by kind), removals per rule id, elapsed time."""
    from rich.markup import escape
    from rich.table import Table

    rate = summary.documents / elapsed if elapsed > 0 else 0.0
    resumed = f" ({summary.resumed:,} more already done, --resume)" if summary.resumed else ""
    noun = "document" if summary.documents == 1 else "documents"
    console.print(f"[bold]{summary.documents:,} {noun}[/bold]{resumed}: {summary.ok:,} ok, "
                  f"{summary.skipped:,} skipped, {summary.failed:,} errors, {elapsed:.1f} s, {rate:.1f} docs/s")
    if summary.skips:
        console.print("skipped by kind: " + ", ".join(f"{k} {n:,}" for k, n in summary.skips.most_common())
                      + f" (the first: {escape(summary.first_skip or '')})", highlight=False)
    if summary.errors:
        console.print("errors by kind: " + ", ".join(f"{k} {n:,}" for k, n in summary.errors.most_common()))
    if summary.renamed:
        console.print(f"{summary.renamed:,} output file name(s) made unique (-2, -3, ...: another document had the name)")
    if summary.removed:
        table = Table(title="removals by rule", show_header=True, box=None)
        table.add_column("rule")
        table.add_column("removed", justify="right")
        for rule, n in summary.removed.most_common(top_rules):
            table.add_row(rule, f"{n:,}")
        if len(summary.removed) > top_rules:
            rest = sum(n for _, n in summary.removed.most_common()[top_rules:])
            table.add_row(f"{len(summary.removed) - top_rules} more rules", f"{rest:,}")
        console.print(table)


def interrupted_message(summary: Summary, resumable: bool, argv: list[str] | None = None) -> str:
    """What Ctrl-C leaves behind, and the command that goes on from there (`--resume`)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    said = f"interrupted after {summary.documents:,} documents ({summary.ok:,} ok, {summary.skipped:,} skipped, " \
           f"{summary.failed:,} errors); every record written so far is complete"
    if not resumable:
        return said + ". To be able to go on after an interruption, write JSON Lines to a file (-o FILE)."
    if "--resume" not in argv:
        argv.append("--resume")
    return said + ". To go on where it stopped: " + shlex.join(["cleaner", *argv])
