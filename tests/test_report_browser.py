"""The HTML report opened in headless Debian chromium, used as a person would (Playwright).

Skipped with a reason when chromium or Playwright is missing, except in CI (CI=true), where
`.ci/run` installs chromium and these tests must run. Screenshots go to artifacts/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import cleaner
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CASES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures/cases").glob("*/input.*"))
SEEDS = [c for c in CASES if "/seed_" in c]
#: Documents the report's list shows at a time (`PAGE` in cleaner/explain/report_template.html).
REPORT_PAGE = 100
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install -e '.[test]')"
    return None


if _missing():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"browser tests must run in CI: {_missing()}")
    pytest.skip(f"browser tests skipped: {_missing()}", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402


def report(out: Path, *inputs: str) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "explain", "--html", str(out), *inputs], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def fixtures_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One report on every fixture case, shared by the tests of this module."""
    return report(tmp_path_factory.mktemp("report") / "fixtures.html", *CASES)


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    pg = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("request", lambda req: errors.append(f"request {req.url}") if not req.url.startswith(("file:", "data:", "about:")) else None)
    yield pg
    pg.close()
    assert not errors, errors


def open_report(page: Page, path: Path, doc: int | None = None) -> None:
    page.goto(path.as_uri() + (f"#d={doc}" if doc is not None else ""))
    page.wait_for_selector("body[data-ready='1']")


def segment_labels(page: Page) -> dict[str, int]:
    return page.evaluate(
        "() => { const n = {}; for (const e of document.querySelectorAll('#text del.rm')) n[e.dataset.label] = (n[e.dataset.label] || 0) + 1; return n; }"
    )


def test_every_label_is_present_and_highlighted(page: Page, fixtures_report: Path) -> None:
    open_report(page, fixtures_report)
    data = page.evaluate("() => JSON.parse(document.getElementById('report-data').textContent)")
    expected: set[str] = set()
    seen: set[str] = set()
    for i, doc in enumerate(data["docs"]):
        page.evaluate(f"location.hash = 'd={i}'")
        expect(page.locator("#doc h2")).to_have_text(doc["title"] or doc["name"])
        labels = {data["marks"][m]["label"] for _, _, m in doc["removed"]}
        expected |= labels
        counts = segment_labels(page)
        assert set(counts) == labels
        assert sum(counts.values()) == len(doc["removed"])
        assert page.locator("#removals li[data-k]").count() == len(doc["removed"])
        for label in labels - seen:
            seg = page.locator(f"#text del.rm[data-label='{label}']").first
            expect(seg).to_be_visible()
            style = seg.evaluate("e => { const s = getComputedStyle(e); return [s.textDecorationLine, s.color, s.backgroundColor]; }")
            r, g, b = (int(data["colours"][label][k : k + 2], 16) for k in (1, 3, 5))
            assert style[0] == "line-through" and style[1] == f"rgb({r}, {g}, {b})", (label, style)
            assert style[2] != "rgba(0, 0, 0, 0)"  # a tinted background
            mark = data["marks"][doc["removed"][int(seg.get_attribute("data-k"))][2]]
            assert seg.get_attribute("title") == f"{mark['rule']} · {label} — {mark['reason']}"
        seen |= labels
    assert seen == expected and {"caption", "credit", "promo", "related", "navigation"} <= seen


def test_label_filter_hides_the_others_and_ranking(page: Page, fixtures_report: Path) -> None:
    open_report(page, fixtures_report)
    shares = [float(t.split("%")[0]) for t in page.locator("#docs li .sub").all_inner_texts()]
    # most removed first; the list shows a page of REPORT_PAGE documents at a time
    assert shares == sorted(shares, reverse=True) and len(shares) == min(len(CASES), REPORT_PAGE)
    # The seed with captions signed by credits: pick it from the list as a user would.
    page.locator("#docs li", has_text="strategic partnership").click()
    expect(page.locator("#text del.rm[data-label='caption']").first).to_be_visible()
    before = segment_labels(page)
    assert {"caption", "credit"} < set(before)
    page.locator("#labelchips .chip[data-label='caption']").click()
    expect(page.locator("#labelchips .chip[data-label='caption']")).to_have_class("chip on")
    for label, n in before.items():
        segments = page.locator(f"#text del.rm[data-label='{label}']")
        items = page.locator(f"#removals li[data-label='{label}']")
        for k in range(n):
            if label == "caption":
                expect(segments.nth(k)).to_be_visible()
                expect(items.nth(k)).to_be_visible()
            else:
                expect(segments.nth(k)).to_be_hidden()
                expect(items.nth(k)).to_be_hidden()
    assert "China" in page.locator("#text").inner_text()  # the kept text stays
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-filter-caption.png"))
    page.locator("#clear").click()
    for label in before:
        expect(page.locator(f"#text del.rm[data-label='{label}']").first).to_be_visible()
    # A rule filter also narrows the document list to documents where the rule fired.
    with_crd004 = sum(1 for c in CASES if any(r.rule == "CRD004" for r in cleaner.clean((ROOT / c).read_bytes()).removed))
    assert with_crd004 >= 1
    page.locator("#rulechips .chip[data-rule='CRD004']").click()
    expect(page.locator("#docs li")).to_have_count(with_crd004)
    expect(page.locator("#text del.rm[data-rule='CAP001']").first).to_be_hidden()
    expect(page.locator("#text del.rm[data-rule='CRD004']").first).to_be_visible()


def test_screenshot_and_pagination(page: Page, tmp_path: Path, fixtures_report: Path) -> None:
    path = report(tmp_path / "report.html", *SEEDS * 45)  # 225 documents: three pages of 100
    open_report(page, path)
    expect(page.locator("#page")).to_have_text("1 / 3")
    expect(page.locator("#docs li")).to_have_count(100)
    page.locator("#next").click()
    page.locator("#next").click()
    expect(page.locator("#page")).to_have_text("3 / 3")
    expect(page.locator("#docs li")).to_have_count(25)
    page.keyboard.press("j")
    expect(page.locator("#docsum")).to_contain_text("#2 of 225")
    open_report(page, fixtures_report)
    page.locator("#docs li", has_text="strategic partnership").click()
    page.locator("#text del.rm[data-label='credit']").first.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.locator("#text del.rm[data-label='credit']").first.hover()
    expect(page.locator("#tip")).to_have_text("CRD004 · credit — image credit glued to the end of a caption")
    expect(page.locator("#removals li.hot")).to_contain_text("Xinhua/Shutterstock")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"))
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_only_and_rule_options_preselect_the_filters(page: Page, tmp_path: Path) -> None:
    path = report(tmp_path / "report.html", "--rule", "CRD", *CASES)
    open_report(page, path)
    expect(page.locator("#rulechips .chip.on")).to_have_count(page.locator("#rulechips .chip[data-rule^='CRD']").count())
    for name in page.locator("#docs li .sub").all_inner_texts():
        assert "matching" in name
    expect(page.locator("#text del.rm[data-label='credit']").first).to_be_visible()
    for k in range(page.locator("#text del.rm:not([data-rule^='CRD'])").count()):
        expect(page.locator("#text del.rm:not([data-rule^='CRD'])").nth(k)).to_be_hidden()
