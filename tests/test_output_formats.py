"""Structured output through the CLI (`--format markdown|html|csv`, `--links`, `--images`, `--favor`)
and the library (`cleaner.output`), run for real; and `cleaner eval --output markdown`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import cleaner
from cleaner.output import strip_markdown, to_markdown
from cleaner.output.html import to_html

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "fixtures" / "cases" / "html_en_markdown_structure" / "input.html"
TEXT = ROOT / "fixtures" / "cases" / "en_markdown_text_headings_bullets" / "input.txt"
SEED = ROOT / "fixtures" / "cases" / "seed_002_cce44ba2bb40cbb9" / "input.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=ROOT, input=stdin, capture_output=True,
                          timeout=120, text=stdin is None)


def test_markdown_format_with_links_and_images() -> None:
    result = run("clean", str(PAGE), "--format", "markdown", "--links", "--images", "--url", "https://example.com/n/s.html")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# The bridge opens at last\n\n")
    assert "[John Smith](https://example.com/people/smith)" in out
    assert "![The new bridge](https://example.com/img/bridge.jpg)" in out
    assert "| Route | Before | After |\n|---|---|---|\n| North \\| South | 45 min | 25 min |" in out
    assert "javascript:" not in out and "ads.example.net" not in out
    plain = run("clean", str(PAGE), "--format", "markdown").stdout
    assert "](" not in plain  # no links or images unless asked for


def test_markdown_of_several_documents_and_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("clean", str(TEXT), str(empty), str(SEED), "-f", "markdown", "-q")
    assert result.returncode == 1
    assert result.stdout.count("\n---\n") == 1  # two documents, one separator; the failed one on stderr
    assert "empty.txt" in result.stderr and "EmptyInputError" in result.stderr
    assert "## What is new" in result.stdout and "- Sunday closed" in result.stdout


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            assert not name.startswith("on") and "javascript:" not in (value or "")


def test_html_format_is_a_safe_page(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.html"
    hostile.write_text(
        "<html><head><title>A &lt;b&gt; title</title></head><body><article><h1>A &lt;script&gt; headline</h1>"
        "<p>The council met on Monday evening and agreed, after a long debate, to <a href=\"javascript:alert(1)\">"
        "rebuild</a> the <a href=\"/bridge\" onclick=\"x()\">old bridge</a> &lt;script&gt;alert(2)&lt;/script&gt; "
        "before the winter.</p><p>Work starts in spring, the mayor said, and the road stays open during the works "
        "for buses and for emergency vehicles.</p><img src=\"javascript:alert(3)\"><img src=\"/p.jpg\" alt='a\"b'>"
        "<p>More than two hundred people came to the meeting, which lasted until after midnight, the clerk said.</p>"
        "</article></body></html>", encoding="utf-8")
    result = run("clean", str(hostile), "--format", "html", "--links", "--images", "--url", "https://example.org/x")
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "javascript:" not in page and "onclick" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert 'href="https://example.org/bridge"' in page and 'src="https://example.org/p.jpg"' in page
    assert "Content-Security-Policy" in page
    parser = _Tags()
    parser.feed(page)
    assert {"article", "header", "h1", "p", "a", "img"} <= set(parser.tags)


def test_html_format_keeps_the_structure() -> None:
    article = cleaner.clean(PAGE.read_bytes(), kind="html", url="https://example.com/n/s.html")
    page = to_html(article)
    for fragment in ("<h2>What changes for commuters</h2>", "<ul>\n<li>Buses", "<ol>\n<li>Saturday mornings only",
                     "<tr><th>Route</th>", "<td>North | South</td>", "<blockquote>", "<pre><code>def f(x):\n    return x * 2"):
        assert fragment in page
    several = run("clean", str(PAGE), str(TEXT), "-f", "html").stdout
    assert several.count("<article>") == 2 and several.count("<html") == 1


def test_csv_format_one_row_per_document_with_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out.csv"
    result = run("clean", str(PAGE), str(empty), str(TEXT), "-f", "csv", "-o", str(out), "-q")
    assert result.returncode == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [Path(r["source"]).name for r in rows] == ["input.html", "empty.txt", "input.txt"]
    assert rows[0]["title"] == "The bridge opens at last" and "North | South" in rows[0]["text"]
    assert "\n\n" in rows[0]["text"] and rows[0]["error"] == ""
    assert rows[1]["error_kind"] == "empty" and rows[1]["error"].startswith("EmptyInputError")
    article = cleaner.clean(TEXT.read_bytes())
    assert rows[2]["text"] == article.text
    assert rows[2]["confidence"] == str(article.confidence) and rows[2]["fingerprint"] == article.fingerprint
    assert rows[2]["access"] == article.access and rows[2]["tags"] == "; ".join(article.tags)


def test_csv_from_jsonl_stdin_streams_and_quotes() -> None:
    lines = [json.dumps({"id": "a,1", "text": TEXT.read_text(encoding="utf-8"), "url": "https://ex.com/\"q\""}),
             "this line is not JSON"]
    result = run("clean", "-", "-f", "csv", "-q", stdin=("\n".join(lines) + "\n").encode())
    rows = list(csv.reader(io.StringIO(result.stdout.decode(), newline="")))
    assert rows[0][:3] == ["id", "source", "url"]
    assert rows[1][0] == "a,1" and rows[1][2] == "https://ex.com/\"q\""
    assert len(rows) == 3 and rows[2][rows[0].index("error_kind")] == "malformed"


def test_output_dir_writes_markdown_and_html_files(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    (tree / "sub").mkdir(parents=True)
    (tree / "page.html").write_bytes(PAGE.read_bytes())
    (tree / "sub" / "story.txt").write_bytes(TEXT.read_bytes())
    for fmt, suffix in (("markdown", ".md"), ("html", ".html")):
        out = tmp_path / fmt
        result = run("clean", str(tree), "-f", fmt, "--output-dir", str(out), "-q")
        assert result.returncode == 0, result.stderr
        files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
        assert files == [f"page{suffix}", f"sub/story{suffix}"]
    assert (tmp_path / "markdown" / "page.md").read_text().startswith("# The bridge opens at last\n\n")
    page = (tmp_path / "html" / "sub" / "story.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "<h2>What is new</h2>" in page


def test_usage_errors() -> None:
    for args in (("-f", "csv", "--output-dir", "x"), ("-f", "jsonl", "--links"), ("--favor", "speed")):
        result = run("clean", str(TEXT), *args)
        assert result.returncode == 2, args


def test_favor_on_the_command_line() -> None:
    texts = {f: json.loads(run("clean", str(SEED), "-f", "json", "--favor", f).stdout)["text"]
             for f in ("precision", "balanced", "recall")}
    assert len(texts["precision"]) <= len(texts["balanced"]) <= len(texts["recall"])


def test_markdown_stripped_scores_like_text_on_the_evalset(tmp_path: Path) -> None:
    scores = {}
    for output in ("text", "markdown", "markdown-links"):
        report = tmp_path / f"{output}.json"
        result = run("eval", "--dataset", "fixtures/evalset", "--mode", "both", "--output", output, "--json", str(report))
        assert result.returncode == 0, result.stderr
        data = json.loads(report.read_text())
        scores[output] = [data[m]["total"] for m in ("text", "html")]
    assert scores["markdown"] == scores["text"] == scores["markdown-links"]


def test_strip_markdown_inverts_escaping() -> None:
    text = "*Name changed. [1] 2024. A_b _c_ <div> C:\\dir\\* # no heading | pipe"
    article = cleaner.clean(text + "\n\nThe mayor opened the new bridge on Monday, and traffic began to flow "
                            "across the river for the first time in two years.", kind="text")
    assert " ".join(strip_markdown(to_markdown(article)).split()) == " ".join(article.text.split())


def test_markdown_of_an_article_built_by_hand_and_of_a_pickled_one() -> None:
    import pickle

    from cleaner.article import Article

    assert Article(text="Intro\n\n- one\n\n- two").markdown == "Intro\n\n- one\n- two"
    article = cleaner.clean(PAGE.read_bytes(), url="https://example.com/n/s.html")
    again = pickle.loads(pickle.dumps(article))
    assert to_markdown(again, links=True, images=True) == to_markdown(article, links=True, images=True)
