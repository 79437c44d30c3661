"""The evaluation harness on a three-page copy of the development set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cleaner.evaluate import Counts, load_dataset, score_page

ROOT = Path(__file__).resolve().parent.parent
EVALSET = ROOT / "fixtures" / "evalset"


def test_counts_metric() -> None:
    c = Counts(tp=8, fn=2, fp=2, tn=8)
    assert c.precision == 0.8 and c.recall == 0.8 and c.f1 == 0.8 and c.accuracy == 0.8


def test_failed_page_counts_all_with_as_fn() -> None:
    page = load_dataset(EVALSET)[0]
    result = score_page(page, None, None, "EmptyInputError: x")
    assert result.counts.fn == len(page.with_) and result.counts.tn == len(page.without)


def test_eval_cli_writes_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "eval", "--dataset", str(EVALSET), "--mode", "both", "--json", str(out), "--ablate"],
        cwd=ROOT, capture_output=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text())
    for mode in ("text", "html"):
        total = report[mode]["total"]
        assert total["docs"] == 3
        assert total["tp"] + total["fn"] == sum(len(p.with_) for p in load_dataset(EVALSET))
        assert "HEU" in report[mode]["ablation"]
    assert b"F1" in result.stdout


def test_metadata_comparison_forgives_only_whitespace_case_and_list_rendering() -> None:
    from cleaner.evaluate import meta_matches

    assert meta_matches("title", "Bohren,  bis es heiß wird", "bohren, bis es HEISS wird".replace("HEISS", "heiß"))
    assert meta_matches("author", ["Ann Lee", "Bo Chu"], "Ann Lee und Bo Chu")
    assert meta_matches("author", ["Ann Lee", "Bo Chu"], "ann lee; bo chu")
    assert not meta_matches("author", ["Ann Lee"], "Ann Lee, Bo Chu")  # a subset is a miss
    assert not meta_matches("author", ["Stefanus"], "Stefanus Stahl")  # so is part of a name
    assert not meta_matches("author", [], "")
    assert meta_matches("date", "2019-10-16", "2019-10-16")


def _build_dumps(tmp_path: Path, styles: str) -> Path:
    import shutil

    root = tmp_path / "evalset"
    shutil.copytree(EVALSET, root)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_devsets.py"), "--dataset", str(root), "--styles", styles],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return root


def test_devsets_build_dumps_and_eval_scores_each_style(tmp_path: Path) -> None:
    root = _build_dumps(tmp_path, "inscriptis,bs4,html2text")
    for style in ("inscriptis", "bs4", "html2text"):
        dumps = sorted(p.name for p in (root / "dumps" / style).glob("*.txt"))
        assert dumps == sorted(f"{p.doc_id}.txt" for p in load_dataset(root))
    # the dumps really differ by converter: html2text writes Markdown, the others plain text
    page = load_dataset(root)[1].doc_id
    texts = {s: (root / "dumps" / s / f"{page}.txt").read_text() for s in ("inscriptis", "bs4", "html2text")}
    assert len(set(texts.values())) == 3
    again = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_devsets.py"), "--dataset", str(root), "--styles", "bs4"],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "cached" in again.stdout
    out = tmp_path / "styles.json"
    result = subprocess.run([sys.executable, "-m", "cleaner", "eval", "--dataset", str(root), "--dump", "html_text,inscriptis,bs4,html2text",
                             "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text())
    assert set(report["styles"]) == {"html_text", "inscriptis", "bs4", "html2text"}
    for row in report["styles"].values():
        assert row["tune"]["docs"] + row["test"]["docs"] == 3
    assert "gap" in report["summary"]["test"]
    single = subprocess.run([sys.executable, "-m", "cleaner", "eval", "--dataset", str(root), "--dump", "bs4", "--failures", "0"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert single.returncode == 0 and "text mode, 3 pages" in single.stdout


def test_devsets_innertext_renders_with_chromium_offline(tmp_path: Path) -> None:
    import os

    import pytest

    if not Path("/usr/bin/chromium").exists() and os.environ.get("CI") != "true":
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    root = _build_dumps(tmp_path, "innertext")
    page = next(p for p in load_dataset(root) if p.doc_id == "blog.python.org")
    text = (root / "dumps" / "innertext" / "blog.python.org.txt").read_text()
    assert any(s in text for s in page.with_) and "<div" not in text


def test_eval_dump_names_a_missing_or_unknown_style() -> None:
    missing = subprocess.run([sys.executable, "-m", "cleaner", "eval", "--dataset", str(EVALSET), "--dump", "inscriptis"],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "make devsets" in missing.stderr
    unknown = subprocess.run([sys.executable, "-m", "cleaner", "eval", "--dataset", str(EVALSET), "--dump", "lynx"],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert unknown.returncode == 2 and "unknown dump style" in unknown.stderr
