"""`cleaner explain --html`: the report file itself (the browser test is in test_report_browser.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import cleaner

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "fixtures/cases").glob("*/input.*"))
_DATA = re.compile(r'<script id="report-data" type="application/json">(.*?)</script>', re.DOTALL)


def make_report(out: Path, *inputs: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", "explain", "--html", str(out), *inputs], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def embedded(page: str) -> dict:
    match = _DATA.search(page)
    assert match, "the report embeds its data as JSON"
    return json.loads(match.group(1))


def test_report_embeds_every_document_and_its_ledger(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = make_report(out, *map(str, CASES))
    assert result.returncode == 0, result.stderr
    assert f"{len(CASES)} document(s)" in result.stderr
    data = embedded(out.read_text(encoding="utf-8"))
    assert [d["name"] for d in data["docs"]] == list(map(str, CASES))
    for doc, path in zip(data["docs"], CASES):
        article = cleaner.clean(path.read_bytes())
        assert doc["input"] == article.normalized_input
        marks = [data["marks"][m] for _, _, m in doc["removed"]]
        assert [(s, e, m["rule"], m["label"], m["reason"]) for (s, e, _), m in zip(doc["removed"], marks)] == [
            (r.start, r.end, r.rule, r.label, r.reason) for r in sorted(article.removed, key=lambda r: r.start)
        ]
        assert 0 <= doc["share"] <= 1 and doc["title"] == article.title
        assert doc["confidence"] == article.confidence and doc["access"] == article.access
        assert doc["sources"] == article.stats.get("sources", {})
    assert "confidence" in data["meta_fields"] and "fingerprint" in data["meta_fields"]


def test_report_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert make_report(out, str(CASES[0])).returncode == 0
    page = _DATA.sub("", out.read_text(encoding="utf-8"))
    assert not re.search(r"https?://|<link\b|\bsrc=|@import|url\(", page), "no external resources"
    assert "default-src 'none'" in page  # and a CSP that forbids fetching any


def test_report_escapes_markup_in_documents(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Advertisement\n\nThe council approved the budget </script><script>alert(1)</script> on Tuesday after a long "
        "debate about the cost of the new school and the library.\n"
    )
    out = tmp_path / "report.html"
    assert make_report(out, str(hostile)).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<script") == 2  # the data block and the page's own script
    assert "</script><script>alert(1)" in embedded(page)["docs"][0]["input"]


def test_report_takes_folders_and_records_failures(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(CASES[0].read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.md").write_text("left out by --glob: folders are read as `cleaner clean` reads them")
    out = tmp_path / "report.html"
    result = make_report(out, str(folder), "--glob", "*.txt")
    assert result.returncode == 1
    data = embedded(out.read_text(encoding="utf-8"))
    assert [Path(d["name"]).name for d in data["docs"]] == ["a.txt"]
    assert "EmptyInputError" in data["errors"][0]["error"]
