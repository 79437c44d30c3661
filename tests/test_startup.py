"""Start-up (issue 28, item 7): each command imports only what it needs, so `cleaner --version` answers
at once and one small file is cleaned in well under a second (README: figures measured with
`/usr/bin/time`; here the imports that would undo it, and CPU time, which other load hardly moves)."""

from __future__ import annotations

import resource
import subprocess
import sys

from .batch_helpers import ROOT, SAMPLES

LOADED = ("import sys\nfrom cleaner.cli import main\nsys.argv = ['cleaner', *{args!r}]\n"
          "try:\n    main()\nexcept SystemExit:\n    pass\n"
          "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n")


def loaded(*args: str) -> set[str]:
    """The modules a `cleaner ARGS...` run has imported when it ends."""
    result = subprocess.run([sys.executable, "-c", LOADED.format(args=list(args))], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    return set(result.stderr.strip().splitlines()[-1].split())


def cpu_seconds(*args: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=ROOT, capture_output=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert result.returncode == 0, result.stderr
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def test_version_and_help_load_neither_the_engine_nor_rich() -> None:
    for args in (["--version"], ["--help"], ["clean", "--help"]):
        modules = loaded(*args)
        heavy = {m for m in modules if m.split(".")[0] in ("regex", "selectolax", "justext", "warcio", "urllib3")
                 or m in ("cleaner.engine", "cleaner.batch.run", "cleaner.evaluate")}
        assert not heavy, (args, sorted(heavy))
    assert cpu_seconds("--version") < 0.6


def test_cleaning_one_file_loads_no_pool_archive_reader_downloader_or_report() -> None:
    modules = loaded("clean", str(SAMPLES[0]))
    assert "cleaner.engine" in modules
    unneeded = {m for m in modules if m.split(".")[0] in ("warcio", "urllib3", "trafilatura", "rich", "multiprocessing")
                or m.startswith(("concurrent.futures.process", "cleaner.explain", "cleaner.evaluate"))
                or m in ("cleaner.output.markdown", "cleaner.output.html", "cleaner.output.tei", "cleaner.output.body_blocks")}
    assert not unneeded, sorted(unneeded)
    assert cpu_seconds("clean", str(SAMPLES[0])) < 1.5
