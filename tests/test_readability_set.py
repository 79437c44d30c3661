"""scripts/build_readability_set.py on a snapshot made in the test (a git repository in the layout of
mozilla/readability's test pages), then `cleaner eval` on the set it writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [
    "The city council approved the new budget on Monday after a debate that lasted well into the night and divided the chamber.",
    "Schools will receive most of the additional money, the mayor said, with repairs to roofs and heating systems coming first.",
    "Opposition members argued that the plan leaves too little for public transport, which has seen fares rise twice this year.",
    "A final vote on the transport levy is expected next month, after a consultation with residents and local businesses.",
    "Residents can read the full budget in the town hall library, where printed copies will be available until April.",
]
CHROME = ["Home News Sport Weather Contact us", "Most read stories of the week on our site", "Copyright 2024 Example Gazette Media Group"]


def _page(name: str, article: list[str]) -> tuple[str, str, dict]:
    body = "".join(f"<p>{p}</p>" for p in article)
    filler = "<!-- " + "x" * 10_000 + " -->"  # the builder leaves out pages under 10 kB (readability's unit tests)
    source = (f"<html><head><title>Budget approved</title><link rel='canonical' href='https://example.org/{name}'>"
              f"</head><body><nav>{CHROME[0]}</nav><h1>Budget approved</h1><article>{body}</article>"
              f"<aside>{CHROME[1]}</aside><footer>{CHROME[2]}</footer>{filler}</body></html>")
    expected = f"<div id='readability-page-1' class='page'>{body}</div>"
    meta = {"title": "Budget approved", "byline": "Ann Lee", "siteName": "Example Gazette",
            "publishedTime": "2024-03-04T10:00:00Z"}
    return source, expected, meta


def _snapshot(tmp_path: Path) -> Path:
    repo = tmp_path / "readability"
    pages = {"news-1": _page("news-1", PARAGRAPHS), "news-2": _page("news-2", PARAGRAPHS[::-1]),
             "unit-test": ("<p>tiny</p>", "<p>tiny</p>", {"title": "t"})}
    for name, (source, expected, meta) in pages.items():
        folder = repo / "test" / "test-pages" / name
        folder.mkdir(parents=True)
        (folder / "source.html").write_text(source, encoding="utf-8")
        (folder / "expected.html").write_text(expected, encoding="utf-8")
        (folder / "expected-metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "pages"], check=True)
    return repo / ".git"


def test_builder_writes_a_set_the_harness_scores(tmp_path: Path) -> None:
    out = tmp_path / "set"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_readability_set.py"), "--snapshot",
                             str(_snapshot(tmp_path)), "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    gold = json.loads((out / "gold.json").read_text(encoding="utf-8"))
    assert sorted(gold) == ["news-1", "news-2"]  # the unit-test page is left out
    record = gold["news-1"]
    assert record["url"] == "https://example.org/news-1"
    assert record["meta"] == {"title": "Budget approved", "author": "Ann Lee", "sitename": "Example Gazette",
                              "date": "2024-03-04"}
    assert all(any(s in p for p in PARAGRAPHS) for s in record["with"]) and len(record["with"]) == 5
    assert set(record["without"]) <= set(CHROME) and record["without"]
    commit = subprocess.run(["git", "--git-dir", str(tmp_path / "readability" / ".git"), "rev-parse", "HEAD"],
                            capture_output=True, text=True, check=True).stdout.strip()
    assert commit in (out / "README.md").read_text(encoding="utf-8")
    report = tmp_path / "report.json"
    evaluated = subprocess.run([sys.executable, "-m", "cleaner", "eval", "--dataset", str(out), "--mode", "html",
                                "--json", str(report)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert evaluated.returncode == 0, evaluated.stderr
    total = json.loads(report.read_text(encoding="utf-8"))["html"]["total"]
    assert total["docs"] == 2 and total["recall"] == 1.0 and total["precision"] == 1.0
