"""bench/html_mode.py runs end to end on the three-page development set in fixtures/ (no network)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURES, ROOT


def test_bench_html_reports_both_extractors(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    subprocess.run([sys.executable, str(ROOT / "bench" / "html_mode.py"), "--dataset", str(FIXTURES / "evalset"),
                    "--json", str(out)], check=True, capture_output=True, text=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["pages"] == 3
    for key in ("cleaner_html", "trafilatura_extract"):
        assert report[key]["docs_per_second_cpu"] > 0
        assert 0 <= report[key]["f1"] <= 1
    assert report["speedup_cpu"] > 0
    ours = report["cleaner_html"]
    assert 0 <= ours["retries"] <= 3 and 0 <= ours["fallbacks"] <= 3
    assert 0 <= ours["fallback_seconds_cpu"] <= ours["seconds_cpu"]


def test_bench_text_reports_cleaner_and_memory() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "text_mode.py"), "--dataset",
                             str(FIXTURES / "evalset"), "--repeat", "1"],
                            check=True, capture_output=True, text=True, timeout=300)
    lines = result.stdout.splitlines()
    cleaner_line = next(line for line in lines if line.startswith("cleaner "))
    assert "docs/s wall" in cleaner_line and "docs/s cpu" in cleaner_line
    assert " F1 " in cleaner_line
    assert any(line.startswith("peak RSS") and "3 documents cleaned" in line for line in lines)
    # With the bench extra installed, the C4 filter runs in the same process and a ratio is printed.
    assert any(line.startswith(("ratio cleaner / c4", "datatrove-c4")) for line in lines)


def test_bench_worst_prints_the_table(tmp_path: Path) -> None:
    """bench/worst.py end to end at a thousandth of the sizes, against the fixtures' pages."""
    out = tmp_path / "worst.json"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "worst.py"), "--dataset", str(FIXTURES / "evalset"),
                             "--cases", "deep-nesting,one-char-lines", "--divisor", "1000", "--json", str(out)],
                            check=True, capture_output=True, text=True, timeout=300)
    assert result.stdout.startswith("| case |")
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [row["case"] for row in rows] == ["deep-nesting", "one-char-lines"]
    assert all(len(row["seconds"]) == 4 and row["ordinary_seconds"] is not None for row in rows)


def test_profile_prints_a_stage_table_for_both_modes() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "stage_profile.py"), "--dataset", str(FIXTURES / "evalset")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for row in ("text mode: 3 documents", "html mode: 3 documents", "decode", "pattern rules", "extent",
                "HTML: parse", "markup", "assemble", "rest ("):
        assert row in result.stdout
