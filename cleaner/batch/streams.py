"""Byte streams for the batch readers: transparent gzip/zstd decompression, a peekable head, and
size-limited reads, so that a reader never holds more than one document (plus a limit) in memory.

Truncation is an error, not a short read: gzip raises `EOFError` by itself, and the zstd stream
below checks that the last frame was complete (the `zstandard` stream reader returns silently).
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO, Iterator

import zstandard

from ..errors import CleanerError, CorruptInputError, InputTooLargeError, TruncatedInputError

#: What the decompressors raise on damaged data (gzip: zlib.error for a bad block, BadGzipFile for a
#: bad header or checksum; zstd: ZstdError).
DECOMPRESSION_ERRORS = (zlib.error, gzip.BadGzipFile, zstandard.ZstdError)
GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_CHUNK = 1 << 16


class _ZstdReader(io.RawIOBase):
    """Decompress a zstd stream (any number of frames); raise on a truncated last frame."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._dctx = zstandard.ZstdDecompressor()
        self._obj = self._dctx.decompressobj()
        self._pending = b""
        self._started = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "bytearray | memoryview") -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        while not self._pending:
            data = self._raw.read(_CHUNK)
            if not data:
                if self._started and not self._obj.eof:
                    raise TruncatedInputError("zstd stream ends in the middle of a frame (truncated file?)")
                return 0
            while data:
                if self._obj.eof:  # a new frame follows the finished one
                    self._obj = self._dctx.decompressobj()
                self._started = True
                self._pending += self._obj.decompress(data)
                data = self._obj.unused_data if self._obj.eof else b""
        n = min(len(view), len(self._pending))
        view[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff them) and are served again."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "bytearray | memoryview") -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def read_head(stream: BinaryIO, size: int = 4096) -> tuple[bytes, BinaryIO]:
    """Read up to `size` bytes to sniff them; return them and a stream that starts over."""
    head = b""
    while len(head) < size:
        data = stream.read(size - len(head))
        if not data:
            break
        head += data
    return head, io.BufferedReader(_Prefixed(head, stream), _CHUNK)


def read_first_line(stream: BinaryIO, limit: int) -> tuple[bytes, BinaryIO]:
    """Read the first line (up to `limit` bytes, however long) to sniff it; return it and a stream
    that starts over. A JSON line of a page's HTML is easily longer than any fixed head."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        data = stream.read(min(_CHUNK, limit + 1 - size))
        if not data:
            break
        parts.append(data)
        size += len(data)
        if b"\n" in data:
            break
    head = b"".join(parts)
    return head.split(b"\n", 1)[0], io.BufferedReader(_Prefixed(head, stream), _CHUNK)


def decompressed(stream: BinaryIO) -> tuple[str | None, BinaryIO]:
    """Wrap `stream` in a decompressor if it starts with gzip or zstd magic bytes.

    Returns (compression name or None, a readable stream of the decompressed bytes).
    """
    head, stream = read_head(stream, 4)
    if head.startswith(GZIP_MAGIC):
        return "gzip", gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    if head.startswith(ZSTD_MAGIC):
        return "zstd", io.BufferedReader(_ZstdReader(stream), _CHUNK)
    return None, stream


def stream_error(exc: BaseException, what: str) -> CleanerError:
    """The typed error for an exception raised while reading a (decompressed) stream: cut short
    (`EOFError` is gzip's way of saying so) or damaged."""
    if isinstance(exc, EOFError):
        return TruncatedInputError(f"{what}: the compressed stream is cut short (truncated file?)")
    return CorruptInputError(f"{what}: the compressed data is damaged ({type(exc).__name__}: {exc})")


def read_limited(stream: BinaryIO, limit: int, what: str = "input") -> bytes:
    """Read a whole stream, refusing (without reading on) anything over `limit` bytes."""
    try:
        data = stream.read(limit + 1)
    except (EOFError, *DECOMPRESSION_ERRORS) as exc:
        raise stream_error(exc, what) from exc
    if len(data) > limit:
        raise InputTooLargeError(f"{what} is over the limit of {limit:,} bytes (raise max_input_bytes)")
    return data


def read_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, line) pairs; a line over `limit` bytes is skipped and yields None."""
    number = 0
    try:
        while True:
            line = stream.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith(b"\n"):
                while True:  # skip the rest of the oversized line without keeping it
                    rest = stream.readline(_CHUNK)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield number, None
                continue
            yield number, line
    except (EOFError, *DECOMPRESSION_ERRORS) as exc:
        raise stream_error(exc, f"line {number + 1}") from exc
