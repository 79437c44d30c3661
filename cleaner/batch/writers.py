"""Where batch results go: the output stream (whole records only, `--resume`) and a mirrored output
folder (unique, bounded names; nothing written through a link). Nothing here looks at document
content beyond writing it out.
"""

from __future__ import annotations

import errno
import fcntl
import io
import json
import os
import re
import stat
import sys
from collections import OrderedDict
from pathlib import Path
from typing import BinaryIO

from ..errors import OutputError, UnwritableOutputError
from ..output.records import SUFFIXES, standalone
from .pool import Result

#: Characters kept in output names; every other run becomes "_" (names stay portable and printable).
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: Input suffixes dropped before the output suffix is added (story.html.gz -> story.txt).
_INPUT_SUFFIXES = {".gz", ".zst", ".zstd", ".txt", ".text", ".html", ".htm", ".xhtml"}
#: Longest output file or folder name, in characters (ASCII, so bytes): well under the 255 bytes file
#: systems allow, with room for a "-N" that makes it unique. A longer one is cut and given a hash of
#: the whole name, so that two long ids still get two names.
MAX_NAME = 120
_HASH_CHARS = 10
#: Folders of the output tree kept open (an LRU of file descriptors), so a document costs no walk.
_OPEN_FOLDERS = 64
#: Errors that cost one document's output file (a link or a file where a folder belongs, a folder
#: where the file belongs, a name the file system refuses); any other is fatal (`OutputError`).
_ONE_DOCUMENT = {errno.ELOOP, errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG, errno.EEXIST, errno.EMLINK}


class OutputSink:
    """The output stream (a file or standard output), written one whole record at a time.

    A record is encoded first (a record that cannot be encoded is the caller's to replace, and
    nothing of it is written), then written in full. When the stream fails (disk full, file-size
    limit, I/O error, closed pipe), a regular file is cut back to the end of the last whole record
    and `OutputError` is raised: the file holds complete lines only, so `--resume` counts it right.
    """

    def __init__(self, stream: BinaryIO, name: str, owned: bool = True) -> None:
        self.stream = stream
        self.name = name
        self.owned = owned
        self.written = 0  # records written
        self._fd: int | None = None
        self._good = 0  # where the last whole record ends (a regular file only)
        try:
            fd = stream.fileno()
            info = os.fstat(fd)
        except (OSError, ValueError, AttributeError):  # a stream without a file (a test harness)
            return
        if stat.S_ISREG(info.st_mode):
            self._fd = fd
            appending = bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND)
            self._good = info.st_size if appending else os.lseek(fd, 0, os.SEEK_CUR)

    @classmethod
    def stdout(cls) -> "OutputSink":
        """Standard output, unbuffered (its raw file when it has one), after flushing what Python holds."""
        sys.stdout.flush()
        buffer = sys.stdout.buffer
        buffer.flush()
        return cls(getattr(buffer, "raw", buffer), "standard output", owned=False)

    @classmethod
    def open(cls, path: Path, append: bool = False) -> "OutputSink":
        return cls(open(path, "ab" if append else "wb", buffering=0), str(path))

    def write(self, text: str) -> None:
        encoded = text.encode("utf-8")  # UnicodeEncodeError: nothing written
        data = memoryview(encoded)
        try:
            while data:
                n = self.stream.write(data)
                data = data[n if n is not None else 0:]
            if not isinstance(self.stream, io.RawIOBase):
                self.stream.flush()
        except OSError as exc:
            self._cut_back()
            raise OutputError(f"cannot write {self.name}: {exc.strerror or exc}") from exc
        self._good += len(encoded)
        self.written += 1

    def isatty(self) -> bool:
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError, OSError):
            return False

    def _cut_back(self) -> None:
        """Drop a torn record from a regular file (best effort: the disk may refuse that too)."""
        if self._fd is not None:
            try:
                os.ftruncate(self._fd, self._good)
            except OSError:
                pass

    def close(self) -> None:
        if self.owned:
            try:
                self.stream.close()
            except OSError as exc:
                raise OutputError(f"cannot write {self.name}: {exc.strerror or exc}") from exc


def resume_output(path: Path) -> tuple[OutputSink, set[str]]:
    """Open `path` for appending after a killed run: drop a torn last line, return the sources
    already written (so they are skipped) and the file positioned after the last whole record."""
    done: set[str] = set()
    if not path.exists():
        return OutputSink.open(path), done
    keep = 0
    with open(path, "rb") as existing:
        offset = 0
        for raw in existing:
            if not raw.endswith(b"\n"):
                break  # torn by the kill: written again below
            try:
                done.add(json.loads(raw)["source"])
            except (ValueError, KeyError, TypeError, RecursionError):
                break  # a damaged record: everything from here on is redone
            offset += len(raw)
            keep = offset
    with open(path, "r+b") as existing:
        existing.truncate(keep)
    return OutputSink.open(path, append=True), done


class OutputNames:
    """Names of the files below an output folder: one per document, mirroring the input tree, and
    always writable and unique.

    Each part of a document's `rel_path` keeps [A-Za-z0-9._-] (other runs become "_"), loses ".."
    and ".", and is at most `MAX_NAME` characters (a longer one is cut and ends in "~" and a hash of
    the whole part). A name already given in this run (compared without case, as some file systems
    do) gets "-2", "-3", ... before its suffix: `x.txt`, `x.html` and `x.html.gz` in one folder
    become x.txt, x-2.txt and x-3.txt; two JSON Lines records with one id likewise. A folder name that
    a file took (or the reverse) is made unique the same way.
    """

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        #: Case-folded relative paths given so far: True for a folder, False for a file.
        self._taken: dict[str, bool] = {}
        #: Folder paths as the inputs name them -> the parts they were given.
        self._folders: dict[str, list[str]] = {}

    def target(self, rel_path: str) -> tuple[list[str], bool]:
        """(the parts of the output path below the folder, whether a name was changed to keep it unique)."""
        parts = [_portable(p) for p in rel_path.split("/") if p not in ("", ".", "..")]
        name = parts.pop() if parts else "stdin"
        while Path(name).suffix.lower() in _INPUT_SUFFIXES:
            name = name[: -len(Path(name).suffix)]
        folder, renamed = self._folder(parts)
        stem = _bounded(name or "_", len(self.suffix))
        file, n = stem + self.suffix, 1
        while self._key(folder, file) in self._taken:
            n += 1
            file = f"{stem}-{n}{self.suffix}"
        self._taken[self._key(folder, file)] = False
        return [*folder, file], renamed or n > 1

    def _folder(self, parts: list[str]) -> tuple[list[str], bool]:
        wanted = "/".join(parts)
        if wanted in self._folders:
            return self._folders[wanted], False
        given: list[str] = []
        renamed = False
        for i, part in enumerate(parts):
            prefix = "/".join(parts[: i + 1])
            if prefix in self._folders:
                given = list(self._folders[prefix])
                continue
            name, n = _bounded(part, 0), 1
            while self._taken.get(self._key(given, name)) is False:  # a file has that name
                n += 1
                name = f"{_bounded(part, 4)}-{n}"
            renamed = renamed or n > 1
            given = [*given, name]
            self._taken[self._key(given[:-1], name)] = True
            self._folders[prefix] = given
        return given, renamed

    @staticmethod
    def _key(folder: list[str], name: str) -> str:
        return "/".join([*folder, name]).casefold()


def _portable(part: str) -> str:
    return _UNSAFE.sub("_", part).strip(" ") or "_"


def _bounded(name: str, room: int) -> str:
    """`name` cut to leave `room` characters of `MAX_NAME` free, with a hash of it when cut."""
    limit = MAX_NAME - room
    if len(name) <= limit:
        return name
    import hashlib  # (only for long names: OpenSSL's start-up is not every run's)

    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_CHARS]
    return f"{name[: limit - _HASH_CHARS - 1]}~{digest}"


class OutputDir:
    """One file per input document below `root`, mirroring the input tree (`.txt`, `.json`, or
    `.md` / `.html` for the structured formats), named by `OutputNames`.

    Nothing is written outside `root`: every folder below it is opened without following a symbolic
    link (a link there costs that document its file, with an `UnwritableOutputError`), and a file is
    written under a temporary name and renamed into place, which replaces a link of its name instead
    of writing through it, and leaves only whole files behind. `root` itself is the folder asked for.
    """

    def __init__(self, root: Path, fmt: str, comments: bool = False) -> None:
        self.root = root
        self.format = fmt
        self.suffix = SUFFIXES.get(fmt, ".txt" if fmt == "text" else ".json")
        self.comments = comments
        self.names = OutputNames(self.suffix)
        try:
            root.mkdir(parents=True, exist_ok=True)
            self._root_fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            raise OutputError(f"cannot write to folder {root}: {exc.strerror or exc}") from exc
        self._open: OrderedDict[str, int] = OrderedDict()
        self._temporary = 0

    def write(self, result: Result) -> str | None:
        """Write the document's file (none for a failed document, but with --format json); return
        its path below the root when its name was changed to keep it unique, else None."""
        content = self._content(result)
        if content is None:
            return None
        parts, renamed = self.names.target(result.rel_path)
        self._write_file(parts, content.encode("utf-8"))
        return "/".join(parts) if renamed else None

    def _content(self, result: Result) -> str | None:
        if self.suffix == ".json":
            return json.dumps(json.loads(result.line), ensure_ascii=False, indent=2) + "\n"
        if self.format in SUFFIXES:
            return standalone(self.format, result.rendered, result.title) if result.rendered is not None else None
        if result.error is not None or result.skipped is not None:
            return None
        head = f"# {result.title}\n\n" if result.title else ""
        tail = "\n" + comments_section(result.comments) if self.comments and result.comments else ""
        return head + (result.text or "") + tail + "\n"

    def _write_file(self, parts: list[str], data: bytes) -> None:
        where = "/".join(parts)
        try:
            folder = self._folder_fd(parts[:-1])
            self._temporary += 1
            temporary = f".{parts[-1][:MAX_NAME]}.{os.getpid()}-{self._temporary}.tmp"
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666,
                         dir_fd=folder)
            try:
                with open(fd, "wb", closefd=True) as file:
                    file.write(data)
                os.rename(temporary, parts[-1], src_dir_fd=folder, dst_dir_fd=folder)
            except BaseException:
                try:
                    os.unlink(temporary, dir_fd=folder)
                except OSError:
                    pass
                raise
        except OSError as exc:
            if exc.errno in _ONE_DOCUMENT:
                raise UnwritableOutputError(
                    f"cannot write {self.root}/{where}: {exc.strerror or exc} (a link, a file or a folder in the way "
                    "inside the output folder; nothing is written through a link)") from exc
            raise OutputError(f"cannot write {self.root}/{where}: {exc.strerror or exc}") from exc

    def _folder_fd(self, parts: list[str]) -> int:
        """The open folder below the root, each part opened without following a link, created when missing."""
        fd = self._root_fd
        for i in range(len(parts)):
            key = "/".join(parts[: i + 1])
            cached = self._open.get(key)
            if cached is not None:
                self._open.move_to_end(key)
                fd = cached
                continue
            flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
            try:
                fd = os.open(parts[i], flags, dir_fd=fd)
            except FileNotFoundError:
                try:
                    os.mkdir(parts[i], dir_fd=fd)
                except FileExistsError:
                    pass
                fd = os.open(parts[i], flags, dir_fd=fd)
            self._open[key] = fd
        while len(self._open) > _OPEN_FOLDERS:  # the folders just used are the newest: never closed here
            os.close(self._open.popitem(last=False)[1])
        return fd

    def close(self) -> None:
        for fd in self._open.values():
            os.close(fd)
        self._open.clear()
        os.close(self._root_fd)


def comments_section(comments: str) -> str:
    """The comment thread as text output shows it after the body (`--comments`)."""
    return f"\n## Comments\n\n{comments}"
