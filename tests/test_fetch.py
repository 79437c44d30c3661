"""URLs as inputs (`cleaner clean https://...`, `--urls FILE`), against a server the test starts on
127.0.0.1: pages, plain text, redirects, error statuses, retries, timeouts, size caps, non-pages,
the user agent and concurrency. No other network is used."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .batch_helpers import PROSE, html_page, records, run


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: dict = {}

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        return "Thu, 08 May 2025 03:00:00 GMT"  # the Date header of every answer: when the page was fetched

    def _send(self, status: int, body: bytes, content_type: str | None = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        state = self.state
        with state["lock"]:
            state["agents"].append(self.headers.get("User-Agent"))
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
        try:
            self._route()
        finally:
            with state["lock"]:
                state["active"] -= 1

    def _route(self) -> None:
        path = self.path
        if path.startswith("/story"):
            time.sleep(0.2)  # long enough for downloads to overlap
            self._send(200, html_page(f"{PROSE} Story {path}."))
        elif path == "/dated":
            body = ("<html lang='en'><head><title>Pool stays open | Town News</title></head><body><nav><a href='/'>"
                    "Home</a></nav><article><h1>Pool stays open</h1><p>Updated 5 hours ago</p><p>The council met on "
                    "Tuesday evening and agreed, after a long debate, to keep the swimming pool open through the "
                    "winter months, whatever the heating costs.</p><p>Residents had collected more than two thousand "
                    "signatures, and the mayor thanked them for their patience while the budget was being drawn up "
                    "by the finance committee.</p></article><footer>© 2025 Town News</footer></body></html>")
            self._send(200, body.encode())
        elif path == "/notes.txt":
            self._send(200, f"Notes\n\n{PROSE} Plain text.".encode(), "text/plain; charset=utf-8")
        elif path == "/moved":
            self._send(301, b"", None, {"Location": "/story-final"})
        elif path == "/missing":
            self._send(404, b"<html><body><h1>Not found</h1></body></html>")
        elif path == "/flaky":
            self.state["flaky"] += 1
            if self.state["flaky"] == 1:
                self._send(503, b"try again")
            else:
                self._send(200, html_page(f"{PROSE} Second attempt."))
        elif path == "/slow":
            time.sleep(3)
            self._send(200, html_page("late"))
        elif path == "/big":
            self._send(200, b"x" * 300_000)
        elif path == "/logo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        else:
            self._send(500, b"unexpected")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up on /slow: expected


@pytest.fixture()
def server() -> Iterator[tuple[str, dict]]:
    state = {"lock": threading.Lock(), "agents": [], "active": 0, "peak": 0, "flaky": 0}
    handler = type("Handler", (_Handler,), {"state": state})
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_on_the_command_line_is_downloaded_and_cleaned(server: tuple[str, dict]) -> None:
    base, state = server
    result = run("clean", f"{base}/story-1", "--format", "jsonl", "--quiet")
    [record] = records(result.stdout)
    assert result.returncode == 0, result.stderr
    assert record["source"] == record["id"] == record["url"] == f"{base}/story-1"
    assert "Story /story-1." in record["text"] and "Home | News" not in record["text"]
    assert record["kind"] == "html"
    assert state["agents"][0].startswith("cleaner/")


def test_a_list_of_urls_each_yields_one_record_in_order(server: tuple[str, dict], tmp_path: Path) -> None:
    base, state = server
    urls = [f"{base}/story-{i}" for i in range(6)] + [
        f"{base}/notes.txt", f"{base}/moved", f"{base}/missing", f"{base}/flaky", f"{base}/slow", f"{base}/big",
        f"{base}/logo.png", "http://127.0.0.1:9/refused"]
    listing = tmp_path / "urls.txt"
    listing.write_text("# the day's links\n" + "\n".join(urls) + "\n\n", encoding="utf-8")
    result = run("clean", "--urls", str(listing), "--format", "jsonl", "--fetch-timeout", "2", "--fetch-jobs", "4",
                 "--max-input-bytes", "100000", "--user-agent", "test-agent/1.0", timeout=180)
    out = records(result.stdout)
    assert [r["source"] for r in out] == urls  # one record per URL, in the list's order
    by_path = {r["source"].rsplit("/", 1)[1]: r for r in out}
    assert all("Story" in by_path[f"story-{i}"]["text"] for i in range(6))
    assert by_path["notes.txt"]["kind"] == "text" and "Plain text." in by_path["notes.txt"]["text"]
    assert by_path["moved"]["url"] == f"{base}/story-final" and "Story /story-final." in by_path["moved"]["text"]
    assert by_path["missing"]["error_kind"] == "fetch" and by_path["missing"]["status"] == 404
    assert "HTTP 404" in by_path["missing"]["error"]
    assert "Second attempt." in by_path["flaky"]["text"]  # retried after the 503
    assert by_path["slow"]["error_kind"] == "fetch" and "timed out" in by_path["slow"]["error"]
    assert by_path["big"]["error_kind"] == "too-large"
    assert by_path["logo.png"]["skip_kind"] == "content-type"
    assert by_path["refused"]["error_kind"] == "fetch" and "cannot connect" in by_path["refused"]["error"]
    assert result.returncode == 1  # some failed
    assert set(state["agents"]) == {"test-agent/1.0"}
    assert 2 <= state["peak"] <= 4  # concurrent downloads, at most --fetch-jobs (and 2 per host)
    stderr = result.stderr.decode()
    assert "14 documents" in stderr and "1 skipped" in stderr and "4 errors" in stderr


def test_relative_times_resolve_against_the_response_date(server: tuple[str, dict]) -> None:
    base, _ = server
    result = run("clean", f"{base}/dated", "--format", "jsonl", "--quiet")
    [record] = records(result.stdout)
    assert result.returncode == 0, result.stderr
    assert record["datetime"] == "2025-05-07T22:00:00+00:00"  # 5 hours before the response's Date


def test_urls_mix_with_files_and_explain_reads_them_too(server: tuple[str, dict], tmp_path: Path) -> None:
    base, _ = server
    local = tmp_path / "local.txt"
    local.write_text(f"{PROSE} Local file.", encoding="utf-8")
    result = run("clean", str(local), f"{base}/story-a", f"{base}/story-b", "--format", "jsonl", "--quiet")
    assert [r["source"] for r in records(result.stdout)] == [str(local), f"{base}/story-a", f"{base}/story-b"]
    shown = run("explain", f"{base}/story-c")
    assert shown.returncode == 0 and b"Story /story-c." in shown.stdout
