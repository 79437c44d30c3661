"""Typed errors. Every failure a user can meet is a `CleanerError` whose message says what to do."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class for every error `cleaner` raises on purpose."""

    kind = "error"


class EmptyInputError(CleanerError):
    """The input holds no text at all (zero bytes or only whitespace)."""

    kind = "empty"


class BinaryInputError(CleanerError):
    """The input looks like binary data (an image, a PDF, an archive), not text or HTML."""

    kind = "binary"


class DecodeError(CleanerError):
    """The bytes could not be decoded as text in any plausible encoding."""

    kind = "decode"


class InputTooLargeError(CleanerError):
    """The input is over the configured size limit (`max_input_bytes`)."""

    kind = "too-large"


class ConfigError(CleanerError):
    """A configuration value or file is invalid."""

    kind = "config"


class UnreadableInputError(CleanerError):
    """The input could not be read at all (missing file, no permission, broken link)."""

    kind = "unreadable"


class TruncatedInputError(CleanerError):
    """A compressed stream or archive ends before its end marker (an interrupted download)."""

    kind = "truncated"


class MalformedRecordError(CleanerError):
    """A JSON Lines record or WARC record is not well formed, or lacks the field to clean."""

    kind = "malformed"


class TimeLimitError(CleanerError):
    """Cleaning one document took longer than the configured `max_seconds`."""

    kind = "timeout"


class CorruptInputError(CleanerError):
    """A compressed stream is damaged (bad data or checksum inside gzip or zstd): what follows the
    damage cannot be read."""

    kind = "corrupt"


class InternalError(CleanerError):
    """An unexpected exception inside `cleaner` while reading or writing one document (a bug: please
    report it). The batch records it for that document and goes on."""

    kind = "internal"


class UnwritableOutputError(CleanerError):
    """One document's output file could not be written where it belongs (a symbolic link or a file
    in the way inside the output folder): nothing is written through a link or over a folder."""

    kind = "unwritable"


class OutputError(CleanerError):
    """The output itself cannot be written (disk full, file-size limit, I/O error, closed pipe, output
    folder gone): fatal for the batch. Everything written before is complete (whole records, whole
    files), so the run can be resumed."""

    kind = "output"


class FetchError(CleanerError):
    """A URL could not be downloaded: the connection failed or timed out, or the server answered
    with an error status (`status`)."""

    kind = "fetch"

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
