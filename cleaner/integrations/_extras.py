"""The error raised when an integration's optional framework is not installed."""

from __future__ import annotations


def missing_extra(extra: str, exc: ImportError) -> ImportError:
    """An ImportError that names the `pip install article-cleaner[extra]` line (chain it to `exc`)."""
    return ImportError(
        f"cleaner.integrations.{extra} needs an optional dependency that is not installed "
        f"({exc.name or exc}): pip install 'article-cleaner[{extra}]'"
    )
