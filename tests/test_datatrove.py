"""The datatrove step in real LocalPipelineExecutor runs (2 tasks) over datatrove's JSON Lines and WARC readers."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("orjson")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader, WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

import cleaner  # noqa: E402
from cleaner.integrations.datatrove import CleanerExtractor  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "fixtures" / "cases" / "html_en_markdown_structure" / "input.html").read_text(encoding="utf-8")
TEXT = (ROOT / "fixtures" / "cases" / "en_markdown_text_headings_bullets" / "input.txt").read_text(encoding="utf-8")


def _read(folder: Path) -> list[dict]:
    docs = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        docs += [json.loads(line) for line in gzip.decompress(path.read_bytes()).decode().splitlines()]
    return docs


def _stats(logs: Path) -> dict[str, int]:
    stats = json.loads((logs / "stats.json").read_text())
    step = next(s for s in stats if "cleaner" in s["name"])
    return {k: v["total"] if isinstance(v, dict) else v for k, v in step["stats"].items()}


def test_jsonl_pipeline_two_tasks(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text("\n".join(json.dumps(d) for d in [
        {"id": "page", "text": PAGE, "url": "https://example.com/news/story.html"},
        {"id": "empty", "text": " \n\t "},
    ]) + "\n", encoding="utf-8")
    (src / "b.jsonl").write_text("\n".join(json.dumps(d) for d in [
        {"id": "story", "text": TEXT},
        {"id": "binary", "text": "\x00\x01\x02PK\x03\x04" * 50},
        {"id": "menu", "text": "Advertisement\n\nShare this article"},
    ]) + "\n", encoding="utf-8")
    out, dropped, logs = tmp_path / "out", tmp_path / "dropped", tmp_path / "logs"
    LocalPipelineExecutor(pipeline=[
        JsonlReader(str(src)),
        CleanerExtractor(exclusion_writer=JsonlWriter(str(dropped))),
        JsonlWriter(str(out)),
    ], tasks=2, workers=1, logging_dir=str(logs)).run()
    docs = {d["id"]: d for d in _read(out)}
    assert set(docs) == {"page", "story"}
    expected = cleaner.clean(PAGE, url="https://example.com/news/story.html")
    assert docs["page"]["text"] == expected.text
    meta = docs["page"]["metadata"]
    assert meta["title"] == "The bridge opens at last" and meta["language"] == "en"
    assert meta["url"] == "https://example.com/news/story.html"
    assert meta["confidence"] == expected.confidence and meta["fingerprint"] == expected.fingerprint
    assert meta["access"] == expected.access and meta["truncated"] is expected.truncated
    assert docs["story"]["text"] == cleaner.clean(TEXT).text
    lost = {d["id"]: d for d in _read(dropped)}
    assert set(lost) == {"empty", "binary", "menu"}  # nothing is lost: the dropped ones are written there
    assert lost["binary"]["metadata"]["cleaner_error"].startswith("BinaryInputError")
    stats = _stats(logs)
    assert stats["total"] == 5 and stats["forwarded"] == 2
    assert stats["dropped/error"] == 2 and stats["error/empty"] == 1 and stats["error/binary"] == 1
    assert stats["dropped/empty"] == 1
    assert any(k.startswith("removed/HTM") for k in stats) and stats["chars_out"] > 0


def test_markdown_output_and_keep_failed(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text(json.dumps({"id": "page", "html": PAGE, "url": "https://example.com/news/story.html",
                                             "date": "2025-05-08"}) + "\n", encoding="utf-8")
    (src / "b.jsonl").write_text(json.dumps({"id": "blank", "html": "\x00\x01\x02PK\x03\x04" * 50}) + "\n",
                                 encoding="utf-8")
    out, logs = tmp_path / "out", tmp_path / "logs"
    LocalPipelineExecutor(pipeline=[
        JsonlReader(str(src), text_key="html"),
        CleanerExtractor(kind="html", output="markdown", links=True, keep_failed=True),
        JsonlWriter(str(out)),
    ], tasks=2, workers=1, logging_dir=str(logs)).run()
    docs = {d["id"]: d for d in _read(out)}
    story = docs["page"]
    assert "## What changes for commuters" in story["text"]
    assert "[John Smith](https://example.com/people/smith)" in story["text"]
    assert story["metadata"]["date"] == "2025-05-08"  # the reader's own metadata is not overwritten
    assert docs["blank"]["metadata"]["cleaner_error"].startswith("BinaryInputError")  # kept, and says why
    stats = _stats(logs)
    assert stats["total"] == 2 and stats["forwarded"] == 2 and stats["error/binary"] == 1


def test_bad_arguments_fail_clearly() -> None:
    with pytest.raises(ValueError, match="kind"):
        CleanerExtractor(kind="pdf")
    with pytest.raises(ValueError, match="output"):
        CleanerExtractor(output="xml")


def _warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_pipeline_two_tasks(tmp_path: Path) -> None:
    src = tmp_path / "warc"
    src.mkdir()
    _warc(src / "one.warc.gz", [("https://example.com/news/story.html", PAGE.encode())])
    table = ROOT / "fixtures" / "cases" / "html_en_layout_table" / "input.html"
    _warc(src / "two.warc.gz", [("https://example.com/harbour.html", table.read_bytes()),
                                ("https://example.com/ads.html", b"<html><body><p>Advertisement</p></body></html>")])
    out, dropped, logs = tmp_path / "out", tmp_path / "dropped", tmp_path / "logs"
    LocalPipelineExecutor(pipeline=[
        WarcReader(str(src)),
        CleanerExtractor(exclusion_writer=JsonlWriter(str(dropped))),
        JsonlWriter(str(out)),
    ], tasks=2, workers=1, logging_dir=str(logs)).run()
    docs = {d["metadata"]["url"]: d for d in _read(out)}
    story = docs["https://example.com/news/story.html"]
    assert story["text"] == cleaner.clean(PAGE, url="https://example.com/news/story.html").text
    assert story["metadata"]["title"] == "The bridge opens at last"
    assert story["metadata"]["date"]  # the WARC record's crawl date stays (the article's is date_published)
    assert "Harbour works begin" == docs["https://example.com/harbour.html"]["metadata"]["title"]
    assert [d["metadata"]["url"] for d in _read(dropped)] == ["https://example.com/ads.html"]
    stats = _stats(logs)
    assert stats["total"] == 3 and stats["forwarded"] == 2 and stats["dropped/empty"] == 1
