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
