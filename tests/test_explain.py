"""`cleaner explain` in the terminal and `cleaner diff`, run for real in subprocesses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "fixtures/cases/seed_002_cce44ba2bb40cbb9/input.txt"  # promo, navigation, byline, read-more, ...
CAPTIONS = "fixtures/cases/seed_000_96a4bad292f6bb17/input.txt"  # captions signed by credits
CASES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures/cases").glob("*/input.*"))


def run(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environ.update({"COLUMNS": "200", **env})
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=120, env=environ, text=stdin is None
    )


def test_explain_strikes_out_removed_segments_in_colour() -> None:
    result = run("explain", SEED, FORCE_COLOR="1", COLORTERM="truecolor")
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if "Contact Your Elected Officials" in x)
    # SGR 9 is strike-through; the promo colour (#ea580c) as a 24-bit foreground.
    assert re.search(r"\x1b\[(?:[0-9;]*;)?9;38;2;234;88;12m(?:\x1b\[[0-9;]*m)*Contact Your Elected Officials", line), repr(line)
    assert "PRO004" in line


def test_explain_plain_output_marks_removals_and_summarises_labels() -> None:
    result = run("explain", SEED)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert re.search(r"^publisher +The Epoch Times", out, re.M)  # metadata on top
    assert re.search(r"^confidence +0\.\d+", out, re.M) and re.search(r"^fingerprint +[0-9a-f]{16}", out, re.M)
    line = next(x for x in out.splitlines() if "Contact Your Elected Officials" in x)
    assert "[-Contact Your Elected Officials-]" in line
    assert "PRO004 promo: call to action of the site" in line  # rule id and reason beside it
    assert "China’s leader Xi Jinping met" in out and "[-China’s" not in out  # kept text unmarked
    summary = out[out.index("removed, by label") :]
    for label, rule in (("promo", "PRO004"), ("navigation", "NAV001"), ("byline", "MET001"), ("read-more", "RDM001")):
        assert re.search(rf"{label}\s.*{rule}×1", summary), label


def test_explain_only_label_and_rule_filters() -> None:
    only = run("explain", CAPTIONS, "--only", "credit").stdout
    assert "CRD004 credit" in only and "CAP001 caption" not in only and "TTL001" not in only
    assert "⋯" in only  # lines without a credit are elided
    family = run("explain", CAPTIONS, "--rule", "cap").stdout
    assert "CAP001 caption" in family and "CRD004 credit" not in family


def test_explain_rejects_unknown_label() -> None:
    result = run("explain", SEED, "--only", "nonsense")
    assert result.returncode == 2
    assert "unknown label" in result.stderr and "caption" in result.stderr


def test_explain_reads_stdin() -> None:
    result = run("explain", "-", stdin=(ROOT / SEED).read_bytes())
    assert result.returncode == 0
    assert b"[-Contact Your Elected Officials-]" in result.stdout


def test_diff_shows_segments_that_change_label(tmp_path: Path) -> None:
    no_credits = tmp_path / "no-credits.toml"
    no_credits.write_text('disabled_rules = ["CRD"]\n')
    result = run("diff", "--rules-b", str(no_credits), *CASES, "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["documents"] == len(CASES) and 0 < record["changed"] < len(CASES)
    assert "disabled_rules=CRD" in record["b"]
    changes = {c["text"]: c for d in record["changes"] for c in d["changes"]}
    credit = changes["Xinhua/Shutterstock"]
    assert credit["a"] == {"label": "credit", "rule": "CRD004"} and credit["b"] == {"label": "kept", "rule": None}
    assert any(t["a"] == "credit" and t["b"] == "kept" for t in record["transitions"])
    text = run("diff", "--rules-b", str(no_credits), *CASES).stdout
    assert "label transitions" in text and "seed_000_96a4bad292f6bb17" in text and "credit CRD004" in text


def test_diff_same_config_changes_nothing(tmp_path: Path) -> None:
    same = tmp_path / "same.toml"
    same.write_text("[cleaner]\n")
    result = run("diff", "--rules-a", str(same), "--rules-b", str(same), SEED)
    assert result.returncode == 0
    assert "0 of 1 document(s) change" in result.stdout


def test_diff_needs_a_config() -> None:
    assert run("diff", SEED).returncode == 2
