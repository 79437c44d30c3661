"""Property tests for the batch input readers: whatever the bytes, every document is accounted for
and no exception escapes (fuzzing the decompressors, the JSON Lines splitter and the WARC reader)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleaner.batch.readers import INPUT_FORMATS, InputDoc, ReaderOptions, read_file
from cleaner.batch.streams import decompressed, read_limited
from cleaner.errors import TruncatedInputError

from .batch_helpers import PROSE, warc_bytes, zst

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
OPTIONS = ReaderOptions(max_input_bytes=4096)


def read_bytes(tmp_path: Path, name: str, data: bytes, options: ReaderOptions = OPTIONS) -> list[InputDoc]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_file(path, name, options))


def check_accounted(docs: list[InputDoc]) -> None:
    assert docs, "a file always yields at least one document or error"
    assert len({d.source for d in docs}) == len(docs), "sources are unique (the --resume key)"
    for doc in docs:
        assert (doc.data is None) == (doc.error is not None or doc.skipped is not None)
        assert doc.error is None or doc.skipped is None
        assert doc.data is None or doc.size <= OPTIONS.max_input_bytes


@FUZZ
@given(data=st.binary(max_size=3000), fmt=st.sampled_from(INPUT_FORMATS),
       wrap=st.sampled_from(["plain", "gzip", "zstd", "cut-gzip", "cut-zstd"]))
def test_any_bytes_in_any_format_are_accounted_for(tmp_path: Path, data: bytes, fmt: str, wrap: str) -> None:
    if wrap.endswith("gzip"):
        data = gzip.compress(data)
    elif wrap.endswith("zstd"):
        data = zst(data)
    if wrap.startswith("cut"):
        data = data[: len(data) // 2]
    docs = read_bytes(tmp_path, "input.bin", data, ReaderOptions(input_format=fmt, max_input_bytes=4096))
    check_accounted(docs)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
lines = st.one_of(
    st.builds(lambda t, i: json.dumps({"id": i, "text": t}), st.text(min_size=1, max_size=200), st.integers()),
    st.builds(json.dumps, json_values),
    st.text(alphabet=st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",)), max_size=80),
)


@FUZZ
@given(records=st.lists(lines, max_size=12), compress=st.booleans())
def test_json_lines_yield_one_document_per_non_blank_line(tmp_path: Path, records: list[str], compress: bool) -> None:
    raw = "".join(line + "\n" for line in records).encode()
    docs = read_bytes(tmp_path, "recs.jsonl.gz" if compress else "recs.jsonl", gzip.compress(raw) if compress else raw)
    expected = sum(1 for line in raw.split(b"\n") if line.strip())
    check_accounted(docs)
    if not expected:
        assert [d.error.kind for d in docs if d.error] == ["empty"]
        return
    assert len(docs) == expected
    for doc, line in zip(docs, [x for x in raw.split(b"\n") if x.strip()], strict=True):
        if doc.error is None:
            record = json.loads(line)
            html = record.get("html")
            assert doc.data == (html if isinstance(html, str) else record["text"])
            assert doc.id == (str(record["id"]) if record.get("id") is not None else doc.source)


@FUZZ
@given(texts=st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=4), cut=st.integers(min_value=0, max_value=400))
def test_warc_records_survive_any_truncation(tmp_path: Path, texts: list[str], cut: int) -> None:
    pages = [(f"https://example.com/{i}", t.encode(), "text/html") for i, t in enumerate(texts)]
    archive = warc_bytes(pages, compress=bool(cut % 2))
    docs = read_bytes(tmp_path, "crawl.warc", archive[: len(archive) - cut])
    ok = [d for d in docs if d.error is None]
    assert len(ok) <= len(texts)
    if cut == 0:
        assert [d.data for d in docs] == [t.encode() for t in texts]
        assert [d.url for d in docs] == [p[0] for p in pages]
    else:
        check_accounted(docs)
        assert all(d.data == t.encode() for d, t in zip(ok, texts, strict=False))  # ok ones come first


@FUZZ
@given(data=st.binary(max_size=20000), cut=st.integers(min_value=1, max_value=100))
def test_zstd_stream_is_exact_or_reports_truncation(data: bytes, cut: int) -> None:
    packed = zst(data) + zst(data[:100])  # two frames
    _, stream = decompressed(io.BytesIO(packed))
    assert read_limited(stream, 1 << 20) == data + data[:100]
    assume(len(packed) - cut >= 4)  # shorter than the magic number it is not zstd at all
    _, stream = decompressed(io.BytesIO(packed[:-cut]))
    try:
        got = read_limited(stream, 1 << 20)
    except TruncatedInputError:
        return
    assert got == (data + data[:100])[: len(got)] and cut > 0 and len(got) <= len(data) + 100


def test_prose_round_trip_through_every_wrapper(tmp_path: Path) -> None:
    for name, payload in (("a.txt", PROSE.encode()), ("a.txt.gz", gzip.compress(PROSE.encode())),
                          ("a.txt.zst", zst(PROSE.encode()))):
        [doc] = read_bytes(tmp_path, name, payload)
        assert doc.data == PROSE.encode() and doc.error is None


class _Trickle(io.RawIOBase):
    """A stream that hands out at most `step` bytes a read (records cut at every place)."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data, self.step = data, step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = min(len(buffer), self.step, len(self.data))
        buffer[:n], self.data = self.data[:n], self.data[n:]
        return n


@FUZZ
@given(values=st.lists(json_values, max_size=6), layout=st.sampled_from(["array", "lines", "pretty", "packed"]),
       step=st.integers(min_value=1, max_value=70))
def test_json_values_are_read_whole_wherever_the_chunks_end(values: list, layout: str, step: int) -> None:
    from cleaner.batch.json_values import read_json_values

    if layout == "array":
        raw = json.dumps(values, indent=1)
    elif layout == "lines":
        raw = "\n".join(json.dumps(v) for v in values)
    elif layout == "pretty":
        raw = "\n".join(json.dumps(v, indent=2) for v in values)
    else:  # one value after the other; separated by a space, as numbers need
        raw = " ".join(json.dumps(v) for v in values)
    # a stream that starts with an array is read as an array of records: leave that case to "array"
    assume(layout == "array" or not values or not isinstance(values[0], list))
    stream = io.BufferedReader(_Trickle(raw.encode(), step), 1)
    got = [value for _, value in read_json_values(stream, 1 << 20)]
    assert got == values


@FUZZ
@given(data=st.binary(max_size=400), step=st.integers(min_value=1, max_value=64))
def test_json_values_never_raise_anything_but_a_cleaner_error(data: bytes, step: int) -> None:
    from cleaner.batch.json_values import read_json_values
    from cleaner.errors import CleanerError

    try:
        for _ in read_json_values(io.BufferedReader(_Trickle(data, step), 1), 1000):
            pass
    except CleanerError:
        pass
