"""Shared helpers for the batch tests: run the real CLI, build small input trees and archives."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "fixtures" / "samples").glob("*.txt"))


def run(*args: str, stdin: bytes | None = None, timeout: float = 120,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """`cleaner ARGS...` in a subprocess, from the repository root (`env`: added to the environment)."""
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=timeout, env={**os.environ, **(env or {})})


def records(text: str | bytes) -> list[dict]:
    """Parse JSON Lines; fails the test on any line that is not a JSON object."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    # Lines end at "\n" only (JSON Lines): a string may hold U+0085 or U+2028, which str.splitlines splits on.
    out = [json.loads(line) for line in text.split("\n") if line.strip()]
    assert all(isinstance(r, dict) for r in out)
    return out


def sample_tree(root: Path, copies: int) -> list[Path]:
    """`copies` good text documents (the bundled samples, repeated) spread over two folders."""
    files = []
    for i in range(copies):
        sample = SAMPLES[i % len(SAMPLES)]
        target = root / ("a" if i % 2 else "b") / f"doc{i:04d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sample.read_bytes())
        files.append(target)
    return files


def warc_bytes(pages: list[tuple[str, bytes, str]] | list[tuple[str, bytes, str, str]], *, compress: bool = True,
               date: str | None = None) -> bytes:
    """A WARC (gzip per record) with a warcinfo record, then one request + response per page
    (`date`: the responses' WARC-Date, else the time of writing); a page's fourth item is its HTTP
    status line ("404 Not Found"; "200 OK" when absent), an empty Content-Type sends none."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, body, content_type, *status in pages:
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                            http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True))
        writer.write_record(request)
        headers = StatusAndHeaders(status[0] if status else "200 OK",
                                   [("Content-Type", content_type)] if content_type else [], protocol="HTTP/1.1")
        dated = {"WARC-Date": date} if date else None
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict=dated))
    return buf.getvalue()


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


def zst(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor().compress(data)


def html_page(paragraph: str) -> bytes:
    return (f"<html><head><title>T</title></head><body><nav>Home | News | Sport</nav>"
            f"<article><p>{paragraph}</p></article><footer>Advertisement</footer></body></html>").encode()


PROSE = ("The city council approved the new budget on Tuesday after a long debate about the cost of the "
         "school building, the library and the repairs to the old bridge across the river.")
