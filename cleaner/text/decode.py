"""Decoding: bytes or str in, text out, with the input kind sniffed; never crash, never mangle silently.

Order for bytes: byte-order mark, strict UTF-8, the charset an HTML page declares, then detection
(charset-normalizer). Binary data (images, PDFs, archives, NUL-laden bytes) is refused with a
`BinaryInputError` that says what it looks like.
"""

from __future__ import annotations

import codecs

import regex
from charset_normalizer import from_bytes

from ..errors import BinaryInputError, DecodeError, EmptyInputError, InputTooLargeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (decompress it first)"),
    (b"PK\x03\x04", "a ZIP archive"), (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x7fELF", "an executable"), (b"BZh", "bzip2-compressed data (decompress it first)"),
)
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", regex.IGNORECASE)
_HTML_SNIFF = regex.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", regex.IGNORECASE)
_TAG = regex.compile(r"</?(?:p|div|span|a|br|li|ul|h[1-6]|table|td|img|section|article)\b[^<>]{0,300}>", regex.IGNORECASE)


def sniff_kind(text: str) -> str:
    """'html' when the start of `text` looks like markup, else 'text'."""
    head = text[:4096]
    if _HTML_SNIFF.search(head):
        return "html"
    return "html" if len(_TAG.findall(head)) >= 5 else "text"


def _check_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"input is {what}, not text or HTML")
    sample = data[:8192]
    if sample.count(0) > max(1, len(sample) // 100):
        raise BinaryInputError("input contains NUL bytes: it looks like binary data, not text or HTML")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(2, len(sample) // 20):
        raise BinaryInputError("input is mostly control bytes: it looks like binary data, not text or HTML")


def decode_bytes(data: bytes) -> str:
    """Decode bytes to str (see module docstring for the order of evidence)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    _check_binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:16384])
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        try:
            codecs.lookup(name)
            return data.decode(name, errors="replace")
        except LookupError:
            pass
    best = from_bytes(data[:262144]).best()
    if best is None or best.encoding is None:
        raise DecodeError("could not detect the text encoding; pass str, or bytes in UTF-8")
    return data.decode(best.encoding, errors="replace")


def to_text(raw: str | bytes, kind: str, max_input_bytes: int) -> tuple[str, str]:
    """Validate and decode `raw`; return (text, kind) with kind resolved to 'text' or 'html'."""
    if kind not in ("auto", "text", "html"):
        raise ValueError(f"kind must be 'auto', 'text' or 'html', not {kind!r}")
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
        if len(data) > max_input_bytes:
            raise InputTooLargeError(
                f"input is {len(data):,} bytes, over the limit of {max_input_bytes:,} (raise max_input_bytes)"
            )
        text = decode_bytes(data)
    elif isinstance(raw, str):
        if len(raw) > max_input_bytes:
            raise InputTooLargeError(
                f"input is {len(raw):,} characters, over the limit of {max_input_bytes:,} (raise max_input_bytes)"
            )
        text = raw
        if "\x00" in text[:8192] and text[:8192].count("\x00") > max(1, len(text[:8192]) // 100):
            raise BinaryInputError("input contains NUL characters: it looks like binary data, not text")
    else:
        raise TypeError(f"raw must be str or bytes, not {type(raw).__name__}")
    if not text.strip():
        raise EmptyInputError("input is empty (no text after decoding)")
    return text, sniff_kind(text) if kind == "auto" else kind
