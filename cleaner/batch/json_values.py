"""JSON inputs that are not JSON Lines: an array of records (`[{...}, {...}]`), or a stream of JSON
values (a pretty-printed object, several objects one after the other, JSON Lines saved as `.json`).

Read incrementally: the array's elements (or the stream's values) are decoded one at a time from a
buffer that holds about one record, so a file of any size streams with flat memory like JSON Lines.
A record that does not decode by the end of the input, or grows past the size limit, ends the input
with an error (an array has no line to resynchronise on).
"""

from __future__ import annotations

import codecs
import json
from typing import BinaryIO, Iterator

from ..errors import InputTooLargeError, MalformedRecordError
from .streams import DECOMPRESSION_ERRORS, stream_error

_CHUNK = 1 << 16
_WHITESPACE = " \t\n\r"
_decode = json.JSONDecoder().raw_decode


class _Buffer:
    """Decoded text of the stream, read on demand; `pos` is where the next value starts."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        self.text = ""
        self.pos = 0
        self.eof = False

    def more(self, at_least: int = _CHUNK) -> bool:
        """Read at least `at_least` more bytes (or to the end); False at the end of the stream."""
        if self.eof:
            return False
        if self.pos > _CHUNK:  # drop what was consumed, so the buffer holds about one record
            self.text, self.pos = self.text[self.pos:], 0
        try:
            data = self.stream.read(max(at_least, _CHUNK))
        except (EOFError, *DECOMPRESSION_ERRORS) as exc:  # cut short, or damaged
            raise stream_error(exc, "JSON input") from exc
        if not data:
            self.eof = True
            self.text += self.decoder.decode(b"", final=True)
            return False
        self.text += self.decoder.decode(data)
        return True

    def next_char(self) -> str:
        """The next character that is not whitespace ("" at the end), without consuming it."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos:self.pos + 1]

    def value(self, number: int, limit: int) -> object:
        """Decode the value at `pos`, reading more until it is whole (doubling what is read, so a
        large record is decoded a few times at most, not once per chunk)."""
        self.next_char()  # the decoder takes no whitespace before a value
        while True:
            pending = len(self.text) - self.pos
            try:
                value, end = _decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if pending > limit:
                    raise InputTooLargeError(f"JSON record {number} is over the limit of {limit:,} bytes "
                                             "(raise max_input_bytes)") from exc
                if not self.more(pending):
                    raise MalformedRecordError(f"JSON record {number} is not valid JSON ({exc.msg})") from exc
                continue
            except RecursionError as exc:
                raise MalformedRecordError(f"JSON record {number} is nested too deeply to decode") from exc
            if end == len(self.text) and self.more():  # a bare number may go on in the next chunk
                continue
            self.pos = end
            return value


def read_json_values(stream: BinaryIO, limit: int) -> Iterator[tuple[int, object]]:
    """(N, value) for the N-th element of a top-level array, or the N-th top-level value."""
    buffer = _Buffer(stream)
    number = 0
    if buffer.next_char() != "[":
        while buffer.next_char():
            number += 1
            yield number, buffer.value(number, limit)
        return
    buffer.pos += 1
    if buffer.next_char() == "]":
        buffer.pos += 1
    else:
        while True:
            number += 1
            yield number, buffer.value(number, limit)
            sep = buffer.next_char()
            buffer.pos += 1
            if sep == "]":
                break
            if sep != ",":
                raise MalformedRecordError(f"JSON array: expected ',' or ']' after record {number}, "
                                           f"found {sep or 'the end of the input'!r}")
    if buffer.next_char():
        raise MalformedRecordError(f"JSON array: unexpected data after its closing ']' (after record {number})")
