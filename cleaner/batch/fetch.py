"""Documents from URLs (`cleaner clean https://...`, `--urls FILE`), downloaded with urllib3.

Each URL yields one `InputDoc`, in input order: the page (its final URL after redirects as `url`, the
response's Date as the reference date for relative times), an error (`FetchError`, kind `fetch`:
connection refused, DNS, timeout, an HTTP error status kept in the record's `status`; `too-large`
over `max_input_bytes`, refused from the Content-Length before anything is read), or a skip when the
answer is not a page (an image, a script, JSON: `skips.http_skip`; plain text is accepted here).

Downloads run in a thread pool (`FetchOptions.jobs` at a time, at most `per_host` connections to one
host) with a bounded number waiting, so memory does not grow with the list. Each has a time limit in
all (connect, answer and body), a few retries on connection errors and on 429/5xx answers (with
back-off), a size cap and a user agent that names the tool.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Iterable, Iterator
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import CleanerError, FetchError, InputTooLargeError
from .inputs import InputDoc
from .skips import http_skip

if TYPE_CHECKING:
    import urllib3

USER_AGENT = f"cleaner/{__version__} (article-cleaner; +https://pypi.org/project/article-cleaner/)"
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
_CHUNK = 1 << 16


@dataclass(frozen=True)
class FetchOptions:
    """How URLs are downloaded (`--fetch-jobs`, `--fetch-timeout`, `--fetch-retries`, `--user-agent`)."""

    jobs: int = 8
    #: Connections to one host at a time (politeness: a list of one site's pages is not a flood).
    per_host: int = 2
    #: Seconds one download may take in all: connecting, waiting for the answer and reading the body.
    timeout: float = 30.0
    #: Further attempts after a connection error, a timeout or a 429/500/502/503/504 answer.
    retries: int = 2
    user_agent: str = USER_AGENT


def is_url(source: str) -> bool:
    """An http(s) URL given as an input, rather than a path."""
    return source[:8].lower().startswith(("http://", "https://"))


def fetch_urls(urls: Iterable[str], options: FetchOptions, max_bytes: int, kind: str = "auto") -> Iterator[InputDoc]:
    """One InputDoc per URL, in order, downloaded `options.jobs` at a time."""
    import urllib3
    from concurrent.futures import Future, ThreadPoolExecutor

    http = urllib3.PoolManager(num_pools=64, maxsize=max(1, options.per_host), block=True,
                               headers={"User-Agent": options.user_agent, "Accept": _ACCEPT})
    pool = ThreadPoolExecutor(max(1, options.jobs), thread_name_prefix="cleaner-fetch")
    pending: deque[Future[InputDoc]] = deque()
    window = max(1, options.jobs) * 2
    try:
        for url in urls:
            pending.append(pool.submit(fetch_one, http, url, options, max_bytes, kind))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        http.clear()


def fetch_one(http: urllib3.PoolManager, url: str, options: FetchOptions, max_bytes: int,
              kind: str = "auto") -> InputDoc:
    """Download one URL into an InputDoc (never raises for a network or HTTP failure)."""

    rel_path = _rel_path(url)
    try:
        data, final, status, content_type, date = _download(http, url, options, max_bytes)
    except CleanerError as exc:
        return InputDoc(url, url, rel_path, None, "auto", url, exc)
    skip = http_skip(status, content_type, plain_text=True)
    if skip is not None:
        return InputDoc(url, url, rel_path, None, "auto", final, skipped=skip)
    media = content_type.split(";", 1)[0].strip().lower()
    if kind == "auto":
        kind = "html" if "html" in media else "text" if media == "text/plain" else "auto"
    return InputDoc(url, url, rel_path, data, kind, final, reference_date=date)


def _download(http: urllib3.PoolManager, url: str, options: FetchOptions,
              max_bytes: int) -> tuple[bytes, str, int, str, str]:
    """(body, final URL, status, Content-Type, fetch time as ISO 8601); raises FetchError or
    InputTooLargeError."""
    import urllib3
    from urllib3.exceptions import HTTPError, MaxRetryError

    retry = urllib3.Retry(total=options.retries, redirect=5, backoff_factor=0.5, raise_on_status=False,
                          status_forcelist=(429, 500, 502, 503, 504), respect_retry_after_header=False)
    deadline = time.monotonic() + options.timeout
    try:
        response = http.request("GET", url, preload_content=False, retries=retry,
                                timeout=urllib3.Timeout(connect=options.timeout, read=options.timeout))
    except MaxRetryError as exc:
        raise FetchError(f"cannot fetch {url}: {_reason(exc.reason)}") from exc
    except (HTTPError, ValueError) as exc:  # a malformed URL, a protocol error
        raise FetchError(f"cannot fetch {url}: {_reason(exc)}") from exc
    try:
        status = response.status
        if not 200 <= status < 300:
            raise FetchError(f"{url}: HTTP {status} {response.reason or ''}".rstrip(), status=status)
        content_type = response.headers.get("Content-Type", "")
        if http_skip(status, content_type, plain_text=True) is not None:
            return b"", _final_url(url, response), status, content_type, _fetched(response.headers.get("Date"))
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise InputTooLargeError(f"{url} is {int(length):,} bytes, over the limit of {max_bytes:,} "
                                     "(raise max_input_bytes)")
        parts: list[bytes] = []
        size = 0
        for part in response.stream(_CHUNK, decode_content=True):
            parts.append(part)
            size += len(part)
            if size > max_bytes:
                raise InputTooLargeError(f"{url} is over the limit of {max_bytes:,} bytes (raise max_input_bytes)")
            if time.monotonic() > deadline:
                raise FetchError(f"cannot fetch {url}: the download took over {options.timeout:g} s "
                                 "(--fetch-timeout)")
        return (b"".join(parts), _final_url(url, response), status, content_type,
                _fetched(response.headers.get("Date")))
    except (HTTPError, OSError) as exc:  # the connection broke while reading the body
        raise FetchError(f"cannot fetch {url}: {_reason(exc)}") from exc
    finally:
        response.release_conn()


def _final_url(url: str, response: urllib3.BaseHTTPResponse) -> str:
    """The address the page was found at after redirects (urllib3 may give it relative, as a path)."""
    return urljoin(url, response.geturl() or url)


def _reason(exc: BaseException | None) -> str:
    """A short cause for a failed download ("connection refused", "read timed out")."""
    from urllib3.exceptions import NameResolutionError, NewConnectionError, TimeoutError as Timeout

    if isinstance(exc, NameResolutionError):
        return "the host name does not resolve"
    if isinstance(exc, NewConnectionError):  # (a subclass of the connect timeout in urllib3 2)
        cause = str(exc).rsplit(": ", 1)[-1]
        return f"cannot connect ({cause})"
    if isinstance(exc, Timeout):
        return "timed out"
    return f"{type(exc).__name__}: {exc}" if exc is not None else "unknown error"


def _fetched(date: str | None) -> str:
    """The response's Date header (else now) as ISO 8601: the reference date for "5 hours ago"."""
    try:
        moment = parsedate_to_datetime(date) if date else None
    except (TypeError, ValueError):
        moment = None
    return (moment or datetime.now(timezone.utc)).isoformat()


def _rel_path(url: str) -> str:
    """Where a URL's document goes below `--output-dir`: host/path (index for a folder URL)."""
    parts = urlsplit(url)
    path = parts.path if parts.path and not parts.path.endswith("/") else (parts.path or "/") + "index"
    return (parts.hostname or "host") + path + (f"_{parts.query}" if parts.query else "")
