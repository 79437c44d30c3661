"""Where batch results go: JSON Lines (with `--resume`) and a mirrored output folder. Nothing here
looks at document content beyond writing it out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO

from ..output.records import SUFFIXES, write_document
from .pool import Result

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: Input suffixes dropped before the output suffix is added (story.html.gz -> story.txt).
_INPUT_SUFFIXES = {".gz", ".zst", ".zstd", ".txt", ".text", ".html", ".htm", ".xhtml"}


def resume_output(path: Path) -> tuple[IO[str], set[str]]:
    """Open `path` for appending after a killed run: drop a torn last line, return the sources
    already written (so they are skipped) and the file positioned after the last whole record."""
    done: set[str] = set()
    if not path.exists():
        return open(path, "w", encoding="utf-8"), done
    keep = 0
    with open(path, "rb") as existing:
        offset = 0
        for raw in existing:
            if not raw.endswith(b"\n"):
                break  # torn by the kill: written again below
            try:
                done.add(json.loads(raw)["source"])
            except (ValueError, KeyError, TypeError):
                break  # a damaged record: everything from here on is redone
            offset += len(raw)
            keep = offset
    with open(path, "r+b") as existing:
        existing.truncate(keep)
    return open(path, "a", encoding="utf-8"), done


class OutputDir:
    """One file per input document below `root`, mirroring the input tree (`.txt`, `.json`, or
    `.md` / `.html` for the structured formats)."""

    def __init__(self, root: Path, fmt: str, comments: bool = False) -> None:
        self.root = root
        self.format = fmt
        self.suffix = SUFFIXES.get(fmt, ".txt" if fmt == "text" else ".json")
        self.comments = comments

    def target(self, result: Result) -> Path:
        """input/a/b.html -> root/a/b.txt; a JSON Lines or WARC document -> root/file.jsonl/<id>.txt."""
        parts = [_UNSAFE.sub("_", p).strip(" ") or "_" for p in result.rel_path.split("/") if p not in ("", ".", "..")]
        name = parts.pop() if parts else "stdin"
        while Path(name).suffix.lower() in _INPUT_SUFFIXES:
            name = name[: -len(Path(name).suffix)]
        return self.root.joinpath(*parts, (name or "_") + self.suffix)

    def write(self, result: Result) -> None:
        path = self.target(result)
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.suffix == ".json":
            path.write_text(json.dumps(json.loads(result.line), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        elif self.format in SUFFIXES:
            if result.rendered is not None:
                write_document(path, self.format, result.rendered, result.title)
        elif result.error is None and result.skipped is None:
            head = f"# {result.title}\n\n" if result.title else ""
            tail = "\n" + comments_section(result.comments) if self.comments and result.comments else ""
            path.write_text(head + (result.text or "") + tail + "\n", encoding="utf-8")


def comments_section(comments: str) -> str:
    """The comment thread as text output shows it after the body (`--comments`)."""
    return f"\n## Comments\n\n{comments}"
