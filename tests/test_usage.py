"""Usage errors (issue 28, item 9): exit status 2 and one line on stderr, never a traceback or a
framed panel; a value outside an option's choices is refused, not accepted and ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from .batch_helpers import SAMPLES, run

SAMPLE = str(SAMPLES[0])


@pytest.mark.parametrize("args", [
    ["eval", "--mode", "htm"],
    ["eval", "--half", "foo"],
    ["eval", "--output", "pdf"],
    ["diff", SAMPLE, "--rules-b", SAMPLE, "-f", "xml"],
    ["diff", SAMPLE],
    ["rules", "--format", "xml"],
    ["clean", SAMPLE, "--input-format", "pdf"],
    ["clean", SAMPLE, "--format", "docx"],
    ["clean", SAMPLE, "--jobs", "-1"],
    ["clean", SAMPLE, "--language", "german"],
    ["clean", SAMPLE, "--no-such-option"],
    ["clean"],
    ["clean", "--urls", "/no/such/list.txt"],
    ["clean", SAMPLE, "--resume"],
    ["explain", SAMPLE, "--only", "nonsense-label"],
    ["nosuch"],
    ["eval", "--dataset", "/no/such/folder"],
])
def test_a_usage_error_is_one_line_and_exit_2(args: list[str]) -> None:
    result = run(*args)
    stderr = result.stderr.decode()
    assert result.returncode == 2, (args, stderr)
    assert len(stderr.strip().splitlines()) == 1, (args, stderr)
    assert "Traceback" not in stderr and "╭" not in stderr and "usage error" in stderr, (args, stderr)
    assert result.stdout == b""


def test_help_and_version_still_exit_0() -> None:
    assert run("--version").stdout.startswith(b"cleaner ")
    assert run("clean", "--help").returncode == 0
    assert run("--help").returncode == 0


def test_a_bad_config_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("favor = 'sideways'\n", encoding="utf-8")
    result = run("clean", SAMPLE, "--config", str(bad))
    assert result.returncode == 2 and len(result.stderr.decode().strip().splitlines()) == 1
