"""`cleaner clean` as a batch tool, run for real in subprocesses on small generated trees."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from .batch_helpers import PROSE, ROOT, SAMPLES, gz, html_page, records, run, sample_tree, warc_bytes, zst


def test_every_input_is_accounted_for(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    good = sample_tree(tree, 4)
    (tree / "c").mkdir()
    (tree / "c" / "page.html.gz").write_bytes(gz(html_page(PROSE)))
    (tree / "c" / "note.txt.zst").write_bytes(zst(PROSE.encode()))
    (tree / "empty.txt").write_bytes(b"")
    (tree / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tree / "latin1.txt").write_bytes(PROSE.replace("the", "caf\xe9").encode("latin-1"))
    (tree / "utf16-no-bom.txt").write_bytes(PROSE.encode("utf-16-le"))
    (tree / "cut.txt.gz").write_bytes(gz(SAMPLES[0].read_bytes())[:300])
    (tree / "big.txt").write_bytes((PROSE + "\n\n").encode() * 2000)  # ~400 kB, over the limit below
    (tree / "recs.jsonl").write_text(json.dumps({"id": "r1", "text": PROSE}) + "\n{not json\n"
                                     + json.dumps({"id": "r3"}) + "\n" + json.dumps(["a list"]) + "\n")
    (tree / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    locked = tree / "locked.txt"
    locked.write_text(PROSE)
    locked.chmod(0)  # unreadable unless the tests run as root (then it is simply a good file)
    expected_inputs = len(good) + 2 + 6 + 4 + 1 + 1  # files + records + dangling + locked

    result = run("clean", str(tree), "-o", str(tmp_path / "out.jsonl"), "--max-input-bytes", "200000", "--jobs", "2")

    out = records((tmp_path / "out.jsonl").read_bytes())
    assert len(out) == expected_inputs, [r["source"] for r in out]
    assert len({r["source"] for r in out}) == len(out)
    errors = {Path(r["source"]).name: r["error_kind"] for r in out if "error" in r}
    ok = [r for r in out if "error" not in r]
    assert len(ok) + len(errors) == expected_inputs
    assert errors["empty.txt"] == "empty"
    assert errors["image.png"] == "binary"
    assert errors["cut.txt.gz"] == "truncated"
    assert errors["big.txt"] == "too-large"
    assert errors["recs.jsonl:2"] == "malformed" and errors["recs.jsonl:3"] == "malformed"
    assert errors["recs.jsonl:4"] == "malformed"
    assert errors["dangling.txt"] == "unreadable"
    assert (os.geteuid() == 0) != ("locked.txt" in errors)
    assert {Path(r["source"]).name for r in ok} >= {"page.html.gz", "note.txt.zst", "recs.jsonl:1"}
    assert all(r["text"] for r in ok if r["source"].endswith(("page.html.gz", "note.txt.zst")))
    assert result.returncode == 1
    assert f"{len(errors)} of {expected_inputs} input(s) failed".encode() in result.stderr


def test_pool_output_is_ordered_and_matches_one_worker(tmp_path: Path) -> None:
    sample_tree(tmp_path / "in", 40)  # more than two chunks, so the pool is used
    one = run("clean", str(tmp_path / "in"), "--format", "jsonl", "--jobs", "1", "--quiet")
    two = run("clean", str(tmp_path / "in"), "--format", "jsonl", "--jobs", "2", "--quiet")
    unordered = run("clean", str(tmp_path / "in"), "--format", "jsonl", "--jobs", "2", "--unordered", "--quiet")
    assert one.returncode == two.returncode == unordered.returncode == 0
    assert one.stdout == two.stdout
    sources = [r["source"] for r in records(one.stdout)]
    assert sources == sorted(sources) and len(sources) == 40
    assert sorted(records(unordered.stdout), key=lambda r: r["source"]) == records(one.stdout)
    assert one.stderr == two.stderr == b""


def test_pathological_document_does_not_stall_a_worker(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    sample_tree(tree, 20)
    # Deeply nested HTML with the depth cap lifted: the parser spends about a minute of CPU in native
    # code on this page (25 s measured at depth 100,000; the cost grows with the square of the depth),
    # where SIGALRM cannot interrupt it; the worker's CPU-time limit (2 x max_seconds + 1) must kill it.
    depth = 150_000
    (tree / "nested.html").write_text("<html><body>" + "<div>" * depth + "deep" + "</div>" * depth + "</body></html>")
    config = tmp_path / "uncapped.toml"
    config.write_text("max_html_depth = 1000000\nmax_html_nodes = 1000000\n")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run("clean", str(tree), "--format", "jsonl", "--jobs", "2", "--max-seconds", "1", "--quiet",
                 "--config", str(config), timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    out = records(result.stdout)
    assert len(out) == 21
    [nested] = [r for r in out if r["source"].endswith("nested.html")]
    assert nested["error_kind"] == "timeout" and "max_seconds" in nested["error"]
    assert all("error" not in r for r in out if r is not nested)
    assert result.returncode == 1
    assert cpu < 20, f"the run used {cpu:.0f} s of CPU: the pathological page was not cut short"


def test_slow_document_is_stopped_by_the_soft_limit_in_process(tmp_path: Path) -> None:
    # 24,000 marker lines (under the max_lines cap): about 0.7 s of CPU in the engine's Python stages
    # (measured), so SIGALRM (max_seconds 0.2) must interrupt it; --jobs 1 cleans in this process,
    # with no pool to fall back on.
    (tmp_path / "ads.txt").write_text("Advertisement\n\n" * 24_000)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run("clean", str(tmp_path / "ads.txt"), "-f", "jsonl", "--jobs", "1", "--max-seconds", "0.2", "-q")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    [record] = records(result.stdout)
    assert record["error_kind"] == "timeout" and result.returncode == 1
    assert cpu < 6, f"the run used {cpu:.1f} s of CPU: the time limit did not stop the document"


def test_resume_after_kill_gives_every_input_exactly_once(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    files = sample_tree(tree, 150)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "cleaner", "clean", str(tree), "-o", str(out), "--jobs", "2", "--quiet"]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 20):
        time.sleep(0.02)
    workers = children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    gone_by = time.monotonic() + 10
    while time.monotonic() < gone_by and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.1)
    assert workers and not any(Path(f"/proc/{pid}").exists() for pid in workers), "orphaned workers must exit"
    partial = out.read_bytes()
    written = partial.count(b"\n")
    assert 20 <= written < len(files), "the run must be killed mid-way"
    records(partial[: partial.rfind(b"\n") + 1])  # valid JSON Lines up to its last full line

    out.rename(tree / "out.jsonl")  # the output inside the input folder is not read as an input
    out = tree / "out.jsonl"
    result = run("clean", str(tree), "-o", str(out), "--jobs", "2", "--resume")
    assert result.returncode == 0, result.stderr
    sources = [r["source"] for r in records(out.read_bytes())]
    assert sorted(sources) == sorted(str(f) for f in files)
    assert b"already done, --resume" in result.stderr


def children(pid: int) -> list[int]:
    """Child processes of `pid` (the pool's workers), from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.extend(int(c) for c in (task / "children").read_text().split())
    return found


def test_output_dir_mirrors_the_input_tree(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    sample_tree(tree, 3)
    (tree / "b" / "page.html.gz").write_bytes(gz(html_page(PROSE)))
    result = run("clean", str(tree), "--output-dir", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == ["a/doc0001.txt", "b/doc0000.txt", "b/doc0002.txt", "b/page.txt"]
    assert PROSE in (tmp_path / "out" / "b" / "page.txt").read_text()
    as_json = run("clean", str(tree), "--output-dir", str(tmp_path / "js"), "--format", "json", "--quiet")
    assert as_json.returncode == 0
    doc = json.loads((tmp_path / "js" / "a" / "doc0001.json").read_text())
    assert doc["source"].endswith("doc0001.txt") and doc["text"]


def test_json_format_is_one_object_or_an_array_of_every_input(tmp_path: Path) -> None:
    """--format json streams an array (one record per input, errors included); one input gives one object."""
    tree = tmp_path / "in"
    sample_tree(tree, 3)
    (tree / "empty.txt").write_bytes(b"")
    many = run("clean", str(tree), "--format", "json", "--quiet")
    assert many.returncode == 1  # the empty file is an error record, not a lost input
    body = json.loads(many.stdout)
    assert isinstance(body, list) and len(body) == 4
    assert sum(1 for r in body if r.get("error")) == 1 and all(r["source"] for r in body)
    one = run("clean", str(tree / "a" / "doc0001.txt"), "--format", "json", "--quiet")
    assert one.returncode == 0 and json.loads(one.stdout)["text"]
    (tmp_path / "none").mkdir()
    nothing = run("clean", str(tmp_path / "none"), "--format", "json", "--quiet")  # an empty folder is an error
    assert nothing.returncode == 1 and json.loads(nothing.stdout)["error_kind"] == "empty"


def test_json_lines_input_fields_from_stdin() -> None:
    lines = [
        {"doc": "x1", "body": PROSE, "link": "https://example.com/x1"},
        {"doc": "x2", "page": html_page(PROSE).decode(), "link": "https://example.com/x2"},
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in lines).encode()
    result = run("clean", "-", "--input-format", "jsonl", "--text-field", "body", "--html-field", "page",
                 "--id-field", "doc", "--url-field", "link", "--quiet", stdin=stdin)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert "==> -:1 <==" in text and "==> -:2 <==" in text and "Home | News" not in text
    result = run("clean", "-", "--text-field", "body", "--html-field", "page", "--id-field", "doc",
                 "--url-field", "link", "--format", "jsonl", stdin=gz(stdin))
    out = records(result.stdout)
    assert [(r["id"], r["url"], r["kind"]) for r in out] == [
        ("x1", "https://example.com/x1", "text"), ("x2", "https://example.com/x2", "html")]


def test_json_lines_output_keeps_every_record_on_one_line_for_any_line_splitter() -> None:
    # U+2028, U+2029 and U+0085 are legal raw in JSON strings, but str.splitlines() and JavaScript
    # line readers break on them: the writer escapes them, and the values read back the same.
    odd = "\u2028\u2029\u0085"
    lines = [
        {"id": f"a{odd}1", "text": PROSE.replace(" the ", f" the{odd} ", 1)},
        {"id": f"b{odd}2", "text": ""},  # an error record ("empty"): it holds the id too
    ]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines).encode()
    result = run("clean", "-", "--input-format", "jsonl", "--format", "jsonl", "--quiet", stdin=stdin)
    assert result.returncode == 1, result.stderr  # one input failed
    text = result.stdout.decode("utf-8")
    split = text.splitlines()
    assert len(split) == 2 and not any(c in text for c in odd)
    out = [json.loads(line) for line in split]
    assert [r["id"] for r in out] == [f"a{odd}1", f"b{odd}2"]
    assert out[0]["text"] and out[1]["error_kind"] == "empty"


def test_warc_response_records(tmp_path: Path) -> None:
    pages = [(f"https://example.com/{i}", html_page(f"{PROSE} Story {i}."), "text/html; charset=utf-8") for i in range(3)]
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc_bytes(pages))
    result = run("clean", str(archive), "--format", "jsonl", "--quiet")
    out = records(result.stdout)
    assert [r["url"] for r in out] == [p[0] for p in pages]  # responses only, in order
    assert all(r["id"].startswith("<urn:uuid:") and r["source"].endswith(r["id"]) for r in out)
    assert "Story 1." in out[1]["text"] and "Home | News" not in out[1]["text"]
    assert result.returncode == 0

    cut = tmp_path / "cut.warc"
    raw = warc_bytes(pages[:2], compress=False)
    cut.write_bytes(raw[:-200])
    out = records(run("clean", str(cut), "--format", "jsonl", "--quiet").stdout)
    assert [r.get("error_kind") for r in out] == [None, "truncated"]


def test_warc_records_that_are_not_pages_are_skipped_with_their_reason(tmp_path: Path) -> None:
    """Issue 28, item 4: the HTTP status and Content-Type decide what is a page; the rest is skipped
    (a record of its own, counted, exit 0), and an error stays an error."""
    page = html_page(f"{PROSE} The page itself.")
    pages = [
        ("https://example.com/story", page, "text/html; charset=utf-8"),
        ("https://example.com/app.js", b"window.onload = function () { track('pageview'); };", "application/javascript"),
        ("https://example.com/robots.txt", b"User-agent: *\nDisallow: /admin/\n", "text/plain"),
        ("https://example.com/feed", b"<?xml version='1.0'?><rss><channel><title>News</title></channel></rss>",
         "application/rss+xml"),
        ("https://example.com/api", b'{"items": [1, 2, 3]}', "application/json"),
        ("https://example.com/gone", html_page("Not found. The page you asked for does not exist."), "text/html", "404 Not Found"),
        ("https://example.com/old", b"", "text/html", "301 Moved Permanently"),
        ("https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        ("https://example.com/untyped", page, ""),  # no Content-Type: sniffed, HTML, a page
        ("https://example.com/untyped.css", b"body { color: red; }", ""),
    ]
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc_bytes(pages))
    result = run("clean", str(archive), "--format", "jsonl")
    out = records(result.stdout)
    assert [r["url"] for r in out] == [p[0] for p in pages]
    assert [r.get("skip_kind") for r in out] == [None, "content-type", "content-type", "content-type", "content-type",
                                                 "http-status", "http-status", "content-type", None, "content-type"]
    assert not any(r.get("error") for r in out), out
    assert out[5]["status"] == 404 and out[7]["content_type"] == "image/png" and "image/png" in out[7]["skipped"]
    assert "The page itself." in out[0]["text"] and "The page itself." in out[8]["text"]
    assert all("text" not in r for r in out if r.get("skipped"))
    assert result.returncode == 0, result.stderr
    stderr = result.stderr.decode()
    assert "10 documents" in stderr and "2 ok, 8 skipped, 0 errors" in stderr
    assert "content-type 6" in stderr and "http-status 2" in stderr

    cut = tmp_path / "cut.warc"  # a record cut short is an error even when it would have been skipped
    raw = warc_bytes(pages[:2], compress=False)
    cut.write_bytes(raw[:-20])
    out = records(run("clean", str(cut), "--format", "jsonl", "--quiet").stdout)
    assert [r.get("error_kind") for r in out] == [None, "truncated"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    sample = str(SAMPLES[0])
    assert run("clean", sample, "--resume").returncode == 2
    assert run("clean", sample, "-o", str(tmp_path / "o"), "--output-dir", str(tmp_path / "d")).returncode == 2
    assert run("clean", sample, "--input-format", "pdf").returncode == 2
    assert run("clean", sample, "-o", str(tmp_path / "o"), "--format", "text", "--resume").returncode == 2
    assert run("clean", sample, "-o", str(tmp_path / "no" / "such" / "o.jsonl")).returncode == 2
    assert run("clean", sample, "--site-rules", str(tmp_path / "missing.toml")).returncode == 2


def test_progress_and_summary_on_stderr_quiet_silences_them(tmp_path: Path) -> None:
    sample_tree(tmp_path / "in", 3)
    loud = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), "--progress")
    assert loud.returncode == 0
    assert b"3 documents" in loud.stderr and b"removals by rule" in loud.stderr
    quiet = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == b""


def test_a_time_limit_alarm_dropped_by_python_still_stops_the_document() -> None:
    # Python drops an exception raised while the garbage collector runs a __del__ ("Exception ignored
    # in ..."): the first alarm can vanish so. The next one must still stop the document.
    import time as _time

    from cleaner import Cleaner, CleanerConfig
    from cleaner.batch.pool import clean_one
    from cleaner.batch.readers import InputDoc

    class DropsFirstAlarm(Cleaner):
        def clean(self, raw, *, kind="auto", url=None):  # type: ignore[override]
            end = _time.monotonic() + 2.0
            dropped = False
            while _time.monotonic() < end:
                try:
                    sum(range(1000))
                except BaseException:  # noqa: BLE001 - what a __del__ does to the first alarm
                    if dropped:
                        raise
                    dropped = True
            return super().clean(raw, kind=kind, url=url)

    result = clean_one(DropsFirstAlarm(CleanerConfig(max_seconds=0.2)), InputDoc("x", "x", "x", b"Some text.", "text"))
    assert result.error_kind == "timeout", result.line
