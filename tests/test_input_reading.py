"""Inputs read right, by every command (issue 28, items 2, 6 and 8): JSON Lines with long lines on
standard input, JSON arrays, HTML in a text field, the output format from the file name, one reader
for `clean`, `explain` and `diff`, and inputs that hold nothing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from lxml import etree

from .batch_helpers import PROSE, SAMPLES, gz, records, run, warc_bytes

STYLE = "body { font-family: Georgia, serif; margin: 0 auto; max-width: 42em; color: #222 } " * 60


def page(story: str, title: str = "Harbour bridge to be rebuilt") -> str:
    """An HTML page whose <head> alone is longer than a 4 KB sniffing window."""
    return (f"<html><head><title>{title}</title><style>{STYLE}</style><script>var x = '</style>';</script>"
            f"</head><body><nav>Home | News | Sport</nav><article><h1>{title}</h1><p>{PROSE} {story}</p>"
            f"<p>{PROSE}</p></article><footer>Advertisement</footer></body></html>")


def test_json_lines_with_a_first_line_over_4_kb_on_standard_input() -> None:
    lines = [json.dumps({"id": f"d{i}", "html": page(f"Story {i}."), "url": f"https://example.com/{i}"})
             for i in range(3)]
    assert len(lines[0]) > 4096
    for stdin in (("\n".join(lines) + "\n").encode(), gz(("\n".join(lines)).encode())):
        result = run("clean", "-", "--format", "jsonl", "--quiet", stdin=stdin)
        out = records(result.stdout)
        assert result.returncode == 0, result.stderr
        assert [r["id"] for r in out] == ["d0", "d1", "d2"]
        assert [r["source"] for r in out] == ["-:1", "-:2", "-:3"]
        assert all(r["title"] == "Harbour bridge to be rebuilt" and "Story" in r["text"] for r in out)
        assert not any("font-family" in r["text"] or "Home | News" in r["text"] for r in out)


def test_json_without_the_fields_is_an_error_not_a_text_document() -> None:
    result = run("clean", "-", "--format", "jsonl", "--quiet", stdin=b'{"body": "the text is here"}\n')
    [record] = records(result.stdout)
    assert record["error_kind"] == "malformed" and "--html-field" in record["error"]
    assert result.returncode == 1


def test_a_json_file_is_an_array_of_records_or_a_stream_of_them(tmp_path: Path) -> None:
    docs = [{"id": f"a{i}", "text": SAMPLES[i].read_text(encoding="utf-8"), "url": f"https://example.com/a{i}"}
            for i in range(3)]
    array = tmp_path / "articles.json"
    array.write_text(json.dumps(docs, indent=2), encoding="utf-8")
    lines = tmp_path / "saved.json"  # JSON Lines saved under .json
    lines.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    one = tmp_path / "one.json.gz"  # one pretty-printed object, compressed
    one.write_bytes(gz(json.dumps(docs[0], indent=2).encode()))
    result = run("clean", str(array), str(lines), str(one), "--format", "jsonl", "--quiet")
    out = records(result.stdout)
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in out] == ["a0", "a1", "a2", "a0", "a1", "a2", "a0"]
    assert [r["source"] for r in out][:3] == [f"{array}:1", f"{array}:2", f"{array}:3"]
    assert all(r["text"] and not r["text"].lstrip().startswith(("{", "[")) for r in out)
    assert out[0]["text"] == out[3]["text"] == out[6]["text"]

    broken = tmp_path / "broken.json"  # a record that is not JSON ends the file with an error record
    broken.write_text('[{"id": "x", "text": "' + PROSE + '"}, {"id": oops}]', encoding="utf-8")
    out = records(run("clean", str(broken), "--format", "jsonl", "--quiet").stdout)
    assert [r.get("error_kind") for r in out] == [None, "malformed"]
    assert out[1]["source"] == f"{broken}:2"


def test_html_in_a_text_field_is_cleaned_as_html_under_kind_auto() -> None:
    short = page("The page itself.").replace(STYLE, "body { margin: 0 }")  # a line under 4 KB, as read before
    record = {"id": "p", "text": short, "url": "https://example.com/p"}
    result = run("clean", "-", "--format", "jsonl", "--quiet", stdin=(json.dumps(record) + "\n").encode())
    [out] = records(result.stdout)
    assert out["id"] == "p" and out["source"] == "-:1"
    assert out["kind"] == "html"
    assert out["title"] == "Harbour bridge to be rebuilt"
    assert "The page itself." in out["text"] and "</style>" not in out["text"] and "<script" not in (out["title"] or "")
    forced = run("clean", "-", "--format", "jsonl", "--quiet", "--kind", "text",
                 stdin=(json.dumps(record) + "\n").encode())
    assert records(forced.stdout)[0]["kind"] == "text"  # --kind still decides when given


def test_the_output_file_suffix_chooses_the_format(tmp_path: Path) -> None:
    sample = str(SAMPLES[0])
    assert run("clean", sample, str(SAMPLES[1]), "-o", str(tmp_path / "out.csv"), "-q").returncode == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"), newline="")))
    assert rows[0][:3] == ["id", "source", "url"] and len(rows) == 3
    assert run("clean", sample, str(SAMPLES[1]), "-o", str(tmp_path / "out.json"), "-q").returncode == 0
    assert len(json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))) == 2
    assert run("clean", sample, "-o", str(tmp_path / "out.md"), "-q").returncode == 0
    assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("# ")
    assert run("clean", sample, "-o", str(tmp_path / "out.xml"), "-q").returncode == 0
    assert etree.parse(str(tmp_path / "out.xml")).getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    assert run("clean", sample, "-o", str(tmp_path / "out.data"), "-q").returncode == 0  # no format named: JSON Lines
    assert records((tmp_path / "out.data").read_bytes())[0]["text"]
    assert run("clean", sample, "-o", str(tmp_path / "forced.csv"), "-f", "jsonl", "-q").returncode == 0  # -f wins
    assert records((tmp_path / "forced.csv").read_bytes())[0]["text"]


def test_explain_and_diff_read_inputs_as_clean_does(tmp_path: Path) -> None:
    tree = tmp_path / "devset"
    (tree / "html" / "deep").mkdir(parents=True)
    (tree / "html" / "deep" / "one.html.gz").write_bytes(gz(page("Compressed and nested.").encode()))
    (tree / "html" / "two.html").write_text(page("Plain."), encoding="utf-8")
    records_file = tmp_path / "pages.jsonl"
    records_file.write_text(json.dumps({"id": "j", "html": page("From JSON Lines.")}) + "\n", encoding="utf-8")
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc_bytes([("https://example.com/w", page("From a WARC.").encode(), "text/html"),
                                    ("https://example.com/w.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")]))
    inputs = [str(tree / "html"), str(records_file), str(archive)]

    report = tmp_path / "r.html"
    result = run("explain", "--html", str(report), *inputs)
    assert result.returncode == 0, result.stderr
    assert b"4 document(s), 1 skipped" in result.stderr
    text = report.read_text(encoding="utf-8")
    for story in ("Compressed and nested.", "Plain.", "From JSON Lines.", "From a WARC."):
        assert story in text

    terminal = run("explain", *inputs, env={"COLUMNS": "400"})  # each document's name in full
    assert terminal.returncode == 0, terminal.stderr
    shown = terminal.stdout.decode()
    assert "Compressed and nested." in shown and "From JSON Lines." in shown and "From a WARC." in shown
    assert f"{records_file}:1" in shown  # each document named

    rules = tmp_path / "b.toml"
    rules.write_text('disabled_rules = ["NAV"]\n', encoding="utf-8")
    diff = run("diff", "--rules-b", str(rules), "--format", "json", *inputs)
    assert diff.returncode == 0, diff.stderr
    assert json.loads(diff.stdout)["documents"] == 4


def test_an_input_that_holds_nothing_is_reported_and_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("clean", str(empty), "-f", "jsonl")
    [record] = records(result.stdout)
    assert record["error_kind"] == "empty" and "holds no files" in record["error"]
    assert result.returncode == 1
    said = run("clean", str(empty))  # text output: the error on stderr
    assert said.returncode == 1 and b"holds no files" in said.stderr and said.stdout == b""
    (empty / "a.txt").write_text(PROSE, encoding="utf-8")
    unmatched = run("clean", str(empty), "--glob", "*.html.gz")
    assert unmatched.returncode == 1 and b"matching --glob '*.html.gz'" in unmatched.stderr
    report = run("explain", "--html", str(tmp_path / "r.html"), str(tmp_path / "empty"), "--glob", "*.gz")
    assert report.returncode == 1
