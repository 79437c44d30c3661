"""The command line, run for real in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = "fixtures/cases/seed_002_cce44ba2bb40cbb9/input.txt"
ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=120)


def test_clean_text_output() -> None:
    result = run("clean", SEED)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("# Xi and Putin Announce")
    assert "Contact Your Elected Officials" not in out
    assert "Read Full Article" not in out


def test_clean_jsonl_from_stdin() -> None:
    result = run("clean", "-", "--format", "jsonl", stdin=(ROOT / SEED).read_bytes())
    assert result.returncode == 0
    record = json.loads(result.stdout.decode().strip())
    assert record["authors"] == ["Dorothy Li"]
    assert record["publisher"] == "The Epoch Times"  # as the text spells it, not the domain
    assert any(r["rule"] == "PRO004" for r in record["removed"])


def test_clean_reports_failures_with_exit_status_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("clean", SEED, str(empty), "--format", "jsonl")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(lines) == 2 and "error" in lines[1] and "EmptyInputError" in lines[1]["error"]


def test_explain_lists_rule_ids() -> None:
    result = run("explain", SEED)
    assert result.returncode == 0
    out = result.stdout.decode()
    for rule_id in ("PRO004", "NAV001", "MET001", "RDM001"):
        assert rule_id in out


def test_rules_lists_the_registry() -> None:
    result = run("rules", "--format", "json")
    rules = json.loads(result.stdout)
    assert {"ADV001", "CRD004", "EXT001"} <= {r["id"] for r in rules}


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("date_order = 'YMD'\n")
    result = run("clean", SEED, "--config", str(bad))
    assert result.returncode == 2
    assert b"date_order" in result.stderr


def test_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert b"clean" in result.stdout and b"explain" in result.stdout
