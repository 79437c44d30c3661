"""The README's commands and library snippet run as written (issue 28, item 9).

The command blocks run line by line in a folder holding the files they name (an article, a page, a
crawl folder, JSON Lines, a JSON export, a WARC, a list of URLs served on 127.0.0.1:8000), with the
environment's `cleaner` on PATH; every line must exit 0. Lines that need the development set
(`cleaner eval`, `../shared/...`) are left to `tests/test_evaluate.py`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .batch_helpers import PROSE, ROOT, SAMPLES, gz, html_page, warc_bytes, zst

README = (ROOT / "README.md").read_text(encoding="utf-8")
CASES = ROOT / "fixtures" / "cases"


def block(heading: str, language: str = "sh", nth: int = 0) -> str:
    """The `nth` code block of `language` in the README section that starts with `heading`."""
    section = README[README.index(heading):]
    return section.split(f"```{language}\n")[nth + 1].split("```", 1)[0]


def commands(text: str) -> list[str]:
    """The command lines of a block (continued lines joined), without the comment-only lines."""
    lines, current = [], ""
    for raw in text.splitlines():
        current += raw
        if current.endswith("\\"):
            current = current[:-1] + " "
            continue
        if current.strip() and not current.lstrip().startswith("#"):
            lines.append(current.strip())
        current = ""
    return lines


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder with every file the README's commands name, and a site on 127.0.0.1:8000 if free."""
    box = tmp_path_factory.mktemp("readme")
    (box / "fixtures").symlink_to(ROOT / "fixtures")
    shutil.copy(SAMPLES[0], box / "article.txt")
    shutil.copy(CASES / "html_figure_caption" / "input.html", box / "page.html")
    crawl = box / "crawl"
    (crawl / "sub").mkdir(parents=True)
    shutil.copy(CASES / "html_related_box" / "input.html", crawl / "related.html")
    shutil.copy(SAMPLES[1], crawl / "sub" / "sample.txt")
    (crawl / "story.html.gz").write_bytes(gz(html_page(f"{PROSE} Compressed.")))
    records = [{"doc": f"d{i}", "body": SAMPLES[i].read_text(encoding="utf-8"), "link": f"https://news.example/{i}"}
               for i in range(3)]
    (box / "pages.jsonl.zst").write_bytes(zst("".join(json.dumps(r) + "\n" for r in records).encode()))
    (box / "export.json").write_text(json.dumps([{"id": r["doc"], "text": r["body"]} for r in records]), encoding="utf-8")
    (box / "dump.jsonl.gz").write_bytes(gz("".join(json.dumps({"text": r["body"]}) + "\n" for r in records).encode()))
    (box / "CC-MAIN-test.warc.gz").write_bytes(warc_bytes([
        ("https://news.example/a", html_page(f"{PROSE} From the crawl."), "text/html"),
        ("https://news.example/robots.txt", b"User-agent: *\n", "text/plain")]))
    site = [{"url": f"https://town.example/{i}", "html": html_page(f"{PROSE} Story {i}.").decode()} for i in range(4)]
    (box / "crawl.jsonl").write_text("".join(json.dumps(r) + "\n" for r in site), encoding="utf-8")
    (box / "no-captions.toml").write_text('disabled_rules = ["CAP"]\n', encoding="utf-8")
    served = box / "site"
    served.mkdir()
    (served / "story.html").write_bytes(html_page(f"{PROSE} Served."))
    (box / "urls.txt").write_text("http://127.0.0.1:8000/story.html\n", encoding="utf-8")
    try:
        server = ThreadingHTTPServer(("127.0.0.1", 8000), partial(_Quiet, directory=str(served)))
    except OSError:  # port 8000 taken: the lines that fetch from it are left out
        server = None
    else:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    (box / ".port-free").write_text("1" if server else "")
    yield box
    if server is not None:
        server.shutdown()
        server.server_close()


def run_lines(lines: list[str], cwd: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    serving = bool((cwd / ".port-free").read_text()) if (cwd / ".port-free").exists() else True
    ran = 0
    for line in lines:
        if "cleaner eval" in line or "../shared/" in line or ("127.0.0.1:8000" in line or "urls.txt" in line) and not serving:
            continue
        result = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{line}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, line
        ran += 1
    assert ran, "no line of the block ran"


def test_the_library_snippet_runs_as_written() -> None:
    code = block("## Library", "python")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_library_snippet_keeps_a_sensible_title_with_its_disabled_rules() -> None:
    import cleaner
    from cleaner import Cleaner, CleanerConfig

    code = block("## Library", "python")
    raw = SAMPLES[0].read_text(encoding="utf-8")
    assert 'disabled_rules={"CRD"}' in code and "000_96a4bad292f6bb17.txt" in code
    custom = Cleaner(CleanerConfig(reference_date="2025-05-08T12:00:00", disabled_rules={"CRD"})).clean(raw)
    assert custom.title == cleaner.clean(raw).title  # the example's setting does not disturb the title
    assert len(custom.text) > len(cleaner.clean(raw).text)  # and it does what its comment says


def test_the_command_line_section_runs(sandbox: Path) -> None:
    run_lines(commands(block("## Command line")), sandbox)


def test_the_batch_section_runs(sandbox: Path) -> None:
    run_lines(commands(block("## Batch cleaning")), sandbox)
    assert (sandbox / "corpus.jsonl").exists() and (sandbox / "clean").is_dir()


def test_the_site_boilerplate_and_explain_sections_run(sandbox: Path) -> None:
    run_lines(commands(block("### Site boilerplate")), sandbox)
    run_lines(commands(block("## Seeing what was removed")), sandbox)
    assert (sandbox / "report.html").stat().st_size > 10_000


def test_the_quick_start_commands_run_after_make_setup() -> None:
    if not (ROOT / ".venv" / "bin" / "activate").exists():
        pytest.skip("no .venv in this checkout (make setup makes it)")
    lines = commands(block("Both need only Python"))
    result = subprocess.run(["bash", "-c", "\n".join(["set -e", *lines])], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("cleaner ")
