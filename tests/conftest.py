from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def fixture_cases() -> list[Path]:
    return sorted(p for p in (FIXTURES / "cases").iterdir() if (p / "expected.json").exists())


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def load_case(path: Path) -> tuple[bytes, dict, str]:
    expected = json.loads((path / "expected.json").read_text(encoding="utf-8"))
    for name in ("input.txt", "input.html"):
        if (path / name).exists():
            return (path / name).read_bytes(), expected, name
    raise FileNotFoundError(f"{path} has no input.txt or input.html")


# -- the fast lane (`make test-fast`: `pytest -m "not slow"`) ---------------------------------------
#: Whole modules outside the fast lane, by what makes them slow (the markers are declared in
#: pyproject.toml). Every test that starts a process (the command line, a script, another Python) is
#: marked `cli` by `_starts_a_process`. Each of them also gets `slow`, which `make test-fast` leaves out.
SLOW_MODULES: dict[str, str] = {
    "test_report_browser": "browser",      # a headless Chromium
    "test_spark": "spark",                 # a local Spark session and spark-submit
    "test_worst_case": "pathological",     # generated pathological pages
    "test_bench": "pathological",          # the bench scripts, bench/worst.py among them
    "test_batch_cli": "cli",               # process pools, time limits, resumed runs
    "test_reliability_batch": "cli",
    "test_input_reading": "cli",
    "test_progress": "cli",
    "test_fetch": "cli",
    "test_filters": "cli",
    "test_readme": "cli",                  # every README section's commands in a shell
    "test_startup": "cli",                 # what a fresh interpreter imports
    "test_integrations_packaging": "cli",
}
#: Single tests outside the fast lane in otherwise fast modules.
SLOW_TESTS: dict[str, str] = {
    "test_crawl_writes_fields_and_drops_empty_pages": "crawl",       # a real Scrapy crawl
    "test_crawl_nested_output_keeps_failed_items": "crawl",
    "test_the_readme_one_liner_writes_the_articles": "crawl",
    "test_huge_single_line_is_refused_then_handled_when_allowed": "pathological",   # 2 x 16 MB of one line
    "test_a_cap_that_stops_before_any_article_text_is_an_error_not_an_empty_body": "pathological",
    "test_markdown_stripped_scores_like_text_on_the_evalset": "pathological",       # the whole evalset, twice
    "test_200000_nested_divs_before_the_article_do_not_cost_the_article": "pathological",
    "test_devsets_innertext_renders_with_chromium_offline": "browser",
    "test_a_fuzzed_batch_yields_one_record_per_input_and_a_documented_exit_status": "cli",
    "test_eval_extracted_scores_the_output_as_is_and_cleaned": "cli",
    "test_eval_extracted_counts_pages_made_worse_and_the_lines_removed": "cli",
}
#: Names that start a process when called: `subprocess`'s, and the test helpers that call them.
_PROCESS_CALL = re.compile(r"(?<![\w.])(?:subprocess\.\w+|run|_run|run_cli|_cli|make_report)\(")
_MODULE_SOURCE: dict[str, str] = {}


def _starts_a_process(item: pytest.Item) -> bool:
    """True when the test's own code starts a process: a call of `subprocess` or of a module helper
    (`run`, `batch_helpers.run`, ...) that does."""
    function = getattr(item, "function", None)
    if function is None:
        return False
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    if item.module is None:
        return False
    name = item.module.__name__
    if name not in _MODULE_SOURCE:
        _MODULE_SOURCE[name] = inspect.getsource(item.module)
    if "subprocess" not in _MODULE_SOURCE[name] and "batch_helpers import" not in _MODULE_SOURCE[name]:
        return False
    return bool(_PROCESS_CALL.search(source))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rpartition(".")[2] if item.module is not None else ""
        kind = SLOW_MODULES.get(module) or SLOW_TESTS.get(getattr(item, "originalname", item.name))
        if kind is None and _starts_a_process(item):
            kind = "cli"
        if kind is not None:
            item.add_marker(getattr(pytest.mark, kind))
            item.add_marker(pytest.mark.slow)
