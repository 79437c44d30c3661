"""Issue 29's reliability fuzzing: every reader (JSON Lines, WARC, gzip and zstd, folders) and `clean()`
with hostile inputs, and whole batches through the command line.

Invariants: every input document yields exactly one record (inputs = ok + skipped + errors; a
damaged compressed stream yields the documents before the damage and one error for the rest), no
exception escapes, every string that leaves is valid UTF-8, sources are unique, and the exit status
follows the README's table.

The batch test runs `FUZZ_EXAMPLES` examples and each reader test `FUZZ_READER_EXAMPLES` (40 and 60 in
`make test`; `make test-fuzz` runs 500 and 300).
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import cleaner
from cleaner.batch.readers import InputDoc, ReaderOptions, _format_from_name, iter_inputs, read_file
from cleaner.cli import app
from cleaner.errors import CleanerError

from .batch_helpers import PROSE, html_page, warc_bytes, zst

BATCH_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
READER_FUZZ = settings(max_examples=int(os.environ.get("FUZZ_READER_EXAMPLES", "60")), deadline=None,
                       suppress_health_check=list(HealthCheck))
LIMIT = 20_000
OPTIONS = ReaderOptions(max_input_bytes=LIMIT)

# -- pieces of hostile input ------------------------------------------------------------------------

#: Text with anything in it: lone surrogates (category Cs) and control characters (Cc) included.
any_text = st.text(st.characters(codec=None, categories=None), max_size=200)
hostile_text = st.builds(lambda a, b: a + PROSE + b, any_text, any_text)


def deep_json(depth: int) -> str:
    return '{"text": ' + "[" * depth + "]" * depth + "}"


#: One JSON line and whether it is a document that cleans: good, nested deep, with surrogates (valid
#: JSON), not an object, not JSON, no text field, over the size limit.
json_line = st.one_of(
    st.builds(lambda i: json.dumps({"id": f"g{i}", "text": f"{PROSE} {i}."}), st.integers(0, 99)),
    st.builds(deep_json, st.sampled_from([50, 2_000, 100_000])),
    st.builds(lambda t: json.dumps({"id": t[:20], "url": t[:30], "text": t}), hostile_text),
    st.builds(json.dumps, st.lists(st.integers(), max_size=3)),
    st.text(st.characters(blacklist_characters="\n\r", codec="utf-8"), max_size=60),
    st.just('{"id": "same", "title": "no text"}'),
    st.just(json.dumps({"id": "big", "text": "x " * LIMIT})),
)


def encodable(doc: InputDoc) -> None:
    for value in (doc.source, doc.id, doc.rel_path, doc.url or ""):
        value.encode("utf-8")
    if isinstance(doc.data, str):
        doc.data.encode("utf-8", "surrogatepass")  # the text itself is clean()'s to repair


def check(docs: list[InputDoc]) -> None:
    assert docs, "an input always yields at least one document or error"
    assert len({d.source for d in docs}) == len(docs), "sources are unique (the --resume key)"
    for doc in docs:
        encodable(doc)
        assert (doc.data is None) == (doc.error is not None or doc.skipped is not None)


def read_one_file(name: str, data: bytes) -> list[InputDoc]:
    """The documents the readers find in a file `name` holding `data`, checked (`check`)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        docs = list(read_file(path, name, OPTIONS))
    check(docs)
    return docs


def damage(data: bytes, how: str, where: float) -> bytes:
    if how == "cut":
        return data[: int(len(data) * where)]
    if how == "flip" and len(data) > 2:
        at = min(len(data) - 2, int(len(data) * where))
        return data[:at] + bytes([data[at] ^ 0xFF, data[at + 1] ^ 0x55]) + data[at + 2:]
    return data


# -- the readers --------------------------------------------------------------------------------

@READER_FUZZ
@given(lines=st.lists(st.one_of(json_line, st.just("")), max_size=10), wrap=st.sampled_from(["plain", "gzip", "zstd"]),
       how=st.sampled_from(["none", "cut", "flip"]), where=st.floats(0.0, 1.0))
def test_json_lines_in_any_wrapper_account_for_every_line(lines: list[str], wrap: str, how: str, where: float) -> None:
    raw = "".join(line + "\n" for line in lines).encode("utf-8", "surrogatepass")
    packed = gzip.compress(raw) if wrap == "gzip" else zst(raw) if wrap == "zstd" else raw
    damaged = damage(packed, how, where)
    docs = read_one_file("docs.jsonl", damaged)
    expected = sum(1 for line in raw.split(b"\n") if line.strip())
    if damaged == packed:
        assert len(docs) == max(1, expected)
    else:  # the lines read before the damage showed (damaged bytes may decode to more lines), then
        stream_errors(docs)  # at most one error for the rest


def stream_errors(docs: list[InputDoc]) -> None:
    """A damaged stream yields at most one error for its rest, and it comes last."""
    at = [i for i, d in enumerate(docs) if d.error is not None and d.error.kind in ("corrupt", "truncated")]
    assert len(at) <= 1 and (not at or at[0] == len(docs) - 1), [d.error for d in docs if d.error]


@READER_FUZZ
@given(texts=st.lists(hostile_text, min_size=1, max_size=4), same_id=st.booleans(), compress=st.booleans(),
       how=st.sampled_from(["none", "cut", "flip"]), where=st.floats(0.0, 1.0))
def test_warc_archives_account_for_every_response(texts: list[str], same_id: bool, compress: bool, how: str,
                                                  where: float) -> None:
    pages = [(f"https://example.com/{i}", t.encode("utf-8", "replace"), "text/html") for i, t in enumerate(texts)]
    archive = warc_bytes(pages, compress=compress)
    if same_id and len(texts) > 1 and not compress:
        ids = [line.split(b": ", 1)[1] for line in archive.split(b"\r\n") if line.startswith(b"WARC-Record-ID")]
        archive = archive.replace(ids[4], ids[2])
    damaged = damage(archive, how, where)
    docs = read_one_file("crawl.warc.gz", damaged)
    stream_errors(docs)
    if damaged == archive:
        assert len(docs) == len(texts) and all(d.error is None for d in docs)


#: File names: printable, with control characters, with bytes that are not UTF-8, and long ones.
file_name = st.one_of(
    st.text(st.characters(codec="utf-8", blacklist_characters="/\x00", blacklist_categories=("Cs",)),
            min_size=1, max_size=40),
    st.builds(lambda b: os.fsdecode(b), st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b)),
    st.builds(lambda n: "n" * n + ".txt", st.integers(100, 240)),
).filter(lambda name: name not in (".", "..") and len(os.fsencode(name)) <= 250)


@READER_FUZZ
@given(entries=st.lists(st.tuples(st.sampled_from(["", "sub", "sub/deeper"]), file_name,
                                  st.sampled_from(["text", "empty", "binary", "jsonl", "gzip", "dangling"])),
                        min_size=1, max_size=8, unique_by=lambda e: (e[0], e[1])))
def test_folders_account_for_every_file(entries: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "in"
        expected = 0
        for sub, name, content in entries:
            target = root / sub / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if content == "dangling":
                target.symlink_to(Path(folder) / "missing")
            else:
                data = {"text": PROSE.encode(), "empty": b"", "binary": b"\x89PNG\r\n\x1a\n" + bytes(300),
                        "jsonl": (json.dumps({"text": PROSE}) + "\n") * 2, "gzip": gzip.compress(PROSE.encode())}[content]
                target.write_bytes(data.encode() if isinstance(data, str) else data)
            expected += _documents_in(name, content)
        docs = list(iter_inputs([str(root)], OPTIONS))
    check(docs)
    assert len(docs) == expected


def _documents_in(name: str, content: str) -> int:
    """How many documents a file of `test_folders_account_for_every_file` holds, as the readers read
    it: a JSON Lines name reads lines; no telling name (or .json) sniffs JSON; HTML and WARC names are
    one document or one error."""
    fmt = _format_from_name(name)
    if content == "dangling" or fmt in ("html", "warc"):
        return 1
    if fmt == "jsonl":
        return {"binary": 3, "jsonl": 2}.get(content, 1)  # the PNG signature holds two line ends
    return 2 if content == "jsonl" else 1


@settings(max_examples=READER_FUZZ.max_examples * 5 // 2, deadline=None)
@given(text=any_text, body=any_text, kind=st.sampled_from(["auto", "text", "html"]), as_bytes=st.booleans())
def test_clean_returns_valid_printable_text_or_a_typed_error(text: str, body: str, kind: str, as_bytes: bool) -> None:
    raw: str | bytes = f"<html><head><title>{text}</title></head><body><p>{body} {PROSE}</p></body></html>" \
        if kind == "html" else f"{text}\n\n{body} {PROSE}"
    if as_bytes:
        raw = raw.encode("utf-8", "surrogatepass")
    try:
        article = cleaner.clean(raw, kind=kind, url=f"https://example.com/{text[:10]}")
    except CleanerError:
        return
    record = article.to_dict()
    json.dumps(record, ensure_ascii=False).encode("utf-8")
    assert cleaner.replay(article.normalized_input, article.removed) == article.text
    for name in ("title", "authors", "publisher", "description", "url", "tags", "section"):
        for value in (record[name] if isinstance(record[name], list) else [record[name]]):
            assert value is None or not any(ord(c) < 32 and c not in "\t\n" or 0x7F <= ord(c) < 0xA0 for c in value)


# -- whole batches through the command line ----------------------------------------------------------

@dataclass
class Batch:
    """A folder of hostile inputs, and what each must yield."""

    root: Path
    #: File name -> (least, most) records it must yield (most None: a damaged stream may decode to
    #: more lines than were written before its damage shows).
    expected: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    #: Whether any input must fail (then the exit status is 1).
    must_fail: bool = False


INPUT_KINDS = ["good", "html", "empty", "binary", "huge", "nested-html", "jsonl", "jsonl-gz", "damaged-gz",
               "truncated-zst", "warc", "dangling", "odd-name"]


def build(batch: Batch, index: int, kind: str, lines: list[str]) -> None:
    name = f"{index:02d}-{kind}"
    path = batch.root / name
    n = sum(1 for line in lines if line.strip())
    if kind == "good":
        path.with_suffix(".txt").write_text(f"{PROSE} {index}.")
        batch.expected[name + ".txt"] = (1, 1)
    elif kind == "html":
        path.with_suffix(".html").write_bytes(html_page(f"{PROSE} {index}."))
        batch.expected[name + ".html"] = (1, 1)
    elif kind == "nested-html":
        page = f"<html><body>{'<div>' * 5_000}<article><p>{PROSE}</p></article></body></html>"
        path.with_suffix(".html").write_text(page)
        batch.expected[name + ".html"] = (1, 1)
    elif kind in ("empty", "binary", "huge"):
        data = {"empty": b"", "binary": b"%PDF-1.4" + bytes(500), "huge": (PROSE + "\n\n").encode() * 200}[kind]
        path.with_suffix(".txt").write_bytes(data)
        batch.expected[name + ".txt"] = (1, 1)
        batch.must_fail = True
    elif kind in ("jsonl", "jsonl-gz", "damaged-gz", "truncated-zst"):
        raw = "".join(line + "\n" for line in lines).encode("utf-8", "surrogatepass")
        if kind == "jsonl":
            file, data = name + ".jsonl", raw
        elif kind == "truncated-zst":
            file, data = name + ".jsonl.zst", zst(raw)[:-3] if raw else zst(raw)
        else:
            file, data = name + ".jsonl.gz", gzip.compress(raw)
            if kind == "damaged-gz":
                data = damage(data, "flip", 0.6)
        (batch.root / file).write_bytes(data)
        intact = kind in ("jsonl", "jsonl-gz")
        batch.expected[file] = (max(1, n), max(1, n)) if intact else (1, None)
        if not intact or not n or any(not _cleans(line) for line in lines if line.strip()):
            batch.must_fail = batch.must_fail or intact  # (a damaged stream may or may not fail)
    elif kind == "warc":
        pages = [(f"https://example.com/{index}/{i}", html_page(f"{PROSE} {i}."), "text/html") for i in range(2)]
        (batch.root / (name + ".warc")).write_bytes(warc_bytes(pages, compress=False))
        batch.expected[name + ".warc"] = (2, 2)
    elif kind == "dangling":
        (batch.root / (name + ".txt")).symlink_to(batch.root / "no-such-file")
        batch.expected[name + ".txt"] = (1, 1)
        batch.must_fail = True
    else:  # a name with a control sequence and bytes that are not UTF-8
        odd = os.fsdecode(f"{name}-\x1b[2J-".encode() + b"\xff\xfe.txt")
        (batch.root / odd).write_text(f"{PROSE} {index}.")
        batch.expected[odd] = (1, 1)


def _cleans(line: str) -> bool:
    """Whether a JSON line (of `json_line`) is a document that cleans."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return False
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return False
    return len(record["text"].encode("utf-8", "surrogatepass")) <= LIMIT and record["text"].strip() != ""


@settings(max_examples=BATCH_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(inputs=st.lists(st.tuples(st.sampled_from(INPUT_KINDS), st.lists(json_line, max_size=5)), min_size=1, max_size=6),
       fmt=st.sampled_from(["jsonl", "csv", "text"]))
def test_a_fuzzed_batch_yields_one_record_per_input_and_a_documented_exit_status(
        inputs: list[tuple[str, list[str]]], fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        batch = Batch(Path(folder) / "in")
        batch.root.mkdir()
        for index, (kind, lines) in enumerate(inputs):
            build(batch, index, kind, lines)
        out = Path(folder) / "out.jsonl"
        result = CliRunner().invoke(app, ["clean", str(batch.root), "-o", str(out), "--jobs", "1", "--quiet",
                                          "--max-input-bytes", str(LIMIT)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert "Traceback" not in result.stderr
        # JSON Lines end at "\n" only: a string may hold U+0085 or U+2028, which str.splitlines splits on
        records = [json.loads(line) for line in out.read_bytes().decode("utf-8").split("\n") if line]
        failed = sum(1 for r in records if "error" in r)
        assert result.exit_code == (1 if failed else 0), (result.exit_code, result.stderr)
        if batch.must_fail:
            assert failed
        assert len({r["source"] for r in records}) == len(records)
        root = os.path.realpath(batch.root)
        per_file: dict[str, list[dict]] = {}
        for record in records:
            assert record["source"].startswith(root + "/"), record["source"]
            rel = record["source"][len(root) + 1:]
            file = next(f for f in batch.expected if _source_name(f) == rel.split(":")[0].split("#")[0])
            per_file.setdefault(file, []).append(record)
        for file, (least, most) in batch.expected.items():
            got = per_file.get(file, [])
            assert least <= len(got) and (most is None or len(got) <= most), (file, len(got), least, most)
            streamed = [i for i, r in enumerate(got) if r.get("error_kind") in ("corrupt", "truncated")]
            assert len(streamed) <= 1 and (not streamed or streamed[0] == len(got) - 1), file
        if fmt != "jsonl":  # the same batch in another format: same exit status, no traceback
            again = CliRunner().invoke(app, ["clean", str(batch.root), "-f", fmt, "--jobs", "1", "--quiet",
                                             "--max-input-bytes", str(LIMIT)])
            assert again.exit_code == result.exit_code
            assert again.exception is None or isinstance(again.exception, SystemExit), again.exception
            again.stdout_bytes.decode("utf-8")


def _source_name(file: str) -> str:
    """A file name as sources show it (bytes that are not UTF-8 and controls as \\xNN)."""
    from cleaner.batch.readers import _printable_name

    return _printable_name(file)
