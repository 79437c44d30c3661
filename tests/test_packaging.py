"""The distribution's name and set-up: what `pip install` and `make run` give a new user.

The name `cleaner` on PyPI is another project (an interactive directory shell), so the distribution is
`article-cleaner`; the import package and the command stay `cleaner`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DIST = "article-cleaner"


def test_the_distribution_is_article_cleaner_with_the_extras_the_readme_names() -> None:
    dist = metadata.distribution(DIST)
    assert dist.metadata["Name"] == DIST
    extras = set(dist.metadata.get_all("Provides-Extra") or [])
    named = re.findall(r"pip install '?([A-Za-z0-9_.-]+)(?:\[([a-z,]+)\])?'?", README)
    assert named, "the README names no pip install line"
    for name, wanted in named:
        assert name in (DIST, "-e"), f"README installs {name!r}"
        assert set(filter(None, wanted.split(","))) <= extras, (wanted, extras)
    assert {"scrapy", "spark", "datatrove", "hf"} <= extras
    scripts = {ep.name: ep.value for ep in dist.entry_points if ep.group == "console_scripts"}
    assert scripts["cleaner"].startswith("cleaner.cli:")


def test_make_run_installs_the_package_alone_and_make_test_the_extras(tmp_path: Path) -> None:
    venv = tmp_path / "venv"  # absent: make -n prints every step of a fresh set-up
    run = subprocess.run(["make", "-n", "run", f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "pip install --quiet -e '.'" in run.stdout and "[" not in run.stdout.split("-e '", 1)[1].split("'")[0]
    test = subprocess.run(["make", "-n", "test", f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "-e '.[test," in test.stdout


def test_the_cli_example_runs_in_a_new_shell_without_an_activated_environment() -> None:
    venv_bin = Path(sys.executable).parent
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if Path(p) != venv_bin)
    env = {**os.environ, "PATH": path}
    env.pop("VIRTUAL_ENV", None)
    if (ROOT / ".venv" / "bin" / "cleaner").exists():
        result = subprocess.run(["bash", "examples/cli_clean.sh"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert "articles.csv" in result.stdout and "articles.jsonl" in result.stdout
    else:  # a checkout tested from another environment: the script must still find .venv/bin first
        assert 'PATH="$PWD/.venv/bin:$PATH"' in (ROOT / "examples" / "cli_clean.sh").read_text()
