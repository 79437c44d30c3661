"""Worst-case inputs (issue 15): every pathological page gets a correct answer, through the public API
and the batch CLI. The inputs come from bench/worst_cases.py, at sizes small enough for a test run;
`make bench-worst` times them at full size. No test here is timed: the caps are checked by setting
them low, so that small inputs reach them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import cleaner
from bench.worst_cases import ARTICLE, CASES, CASES_BY_NAME, Case
from cleaner import CleanerConfig
from cleaner.html.limits import estimated_depth, limit_depth, limit_tags
from cleaner.text.converters import _join_fragments, _unwrap_markdown
from cleaner.text.segment import first_lines

from .batch_helpers import records, run

#: Each case at this share of the size the issue names (at least 50): a few milliseconds each.
TEST_SHARE = 200
#: Caps low enough for the test sizes to reach them.
LOW_CAPS = CleanerConfig(max_html_nodes=3_000, max_html_depth=32, max_lines=400, fallback_max_lines=200,
                         helpers_max_chars=30_000, helpers_max_tags=1_000)


def _small(case: Case) -> str:
    return case.build(max(50, case.full // TEST_SHARE))


def _check(case: Case, article: cleaner.Article) -> None:
    for text in case.keeps:
        assert text in article.text, f"{case.name}: the article was lost"
    for text in case.drops:
        assert text not in article.text, f"{case.name}: {text[:40]!r} was kept"
    assert cleaner.replay(article.normalized_input, article.removed) == article.text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_pathological_page_keeps_the_article(case: Case) -> None:
    _check(case, cleaner.clean(_small(case), kind=case.kind))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_low_caps_keep_the_article_and_say_what_they_cut(case: Case) -> None:
    article = cleaner.clean(_small(case), kind=case.kind, config=LOW_CAPS)
    _check(case, article)
    capped = article.stats.get("capped", {})
    assert set(capped) <= {"max_html_nodes", "max_html_depth", "max_lines", "fallback_max_lines",
                           "helpers_max_chars", "helpers_max_tags", "nested_boxes"}
    for name, value in capped.items():
        assert value == getattr(LOW_CAPS, name, value)


@pytest.mark.parametrize(("name", "cap"), [
    ("deep-nesting", "max_html_depth"), ("nested-tables", "max_html_depth"), ("siblings", "max_lines"),
    ("one-char-lines", "max_lines"), ("repeated-lines", "max_lines"), ("one-tag", "max_html_nodes"),
    ("table", "max_lines"), ("json-ld", "helpers_max_chars"), ("many-links", "helpers_max_tags"),
    ("nested-boxes", "nested_boxes"),
])
def test_each_cap_fires_on_its_case(name: str, cap: str) -> None:
    case = CASES_BY_NAME[name]
    # (many-links is long enough for helpers_max_chars too, which is checked first)
    config = LOW_CAPS.replace(helpers_max_chars=10**7) if cap == "helpers_max_tags" else LOW_CAPS
    # The depth is checked only on pages of more tags than 32 per level of the cap (smaller ones parse
    # fast at any depth): the depth cases get 2,000 levels here, and the node cap they need to reach
    # the article (nested tables keep their rows and cells; a page cut before any article text is an
    # error, tested in test_reliability_library.py).
    if cap == "max_html_depth":
        config = config.replace(max_html_nodes=CleanerConfig().max_html_nodes)
    page = case.build(2_000) if cap == "max_html_depth" else _small(case)
    assert cap in cleaner.clean(page, kind=case.kind, config=config).stats["capped"]


def test_deep_nesting_keeps_the_paragraph_at_the_bottom() -> None:
    article = cleaner.clean(CASES_BY_NAME["deep-nesting"].build(5_000), kind="html")
    assert ARTICLE in article.text
    assert article.stats["capped"] == {"max_html_depth": CleanerConfig().max_html_depth}


def test_ordinary_page_is_not_capped(fixtures_dir: Path) -> None:
    page = next((fixtures_dir / "cases").glob("*/input.html")).read_bytes()
    assert "capped" not in cleaner.clean(page, kind="html").stats


def test_every_pathological_input_yields_one_record(tmp_path: Path) -> None:
    """Batch mode: all cases (and an ordinary document) in, one record each out, none lost."""
    folder = tmp_path / "in"
    folder.mkdir()
    for case in CASES:
        suffix = ".html" if case.kind == "html" else ".txt"
        (folder / f"{case.name}{suffix}").write_text(_small(case), encoding="utf-8")
    (folder / "ordinary.txt").write_text(f"{ARTICLE}\n", encoding="utf-8")
    result = run("clean", str(folder), "--format", "jsonl", "--jobs", "2", "--quiet", timeout=300)
    out = records(result.stdout)
    assert len(out) == len(CASES) + 1
    assert result.returncode == 0, [r.get("error") for r in out if "error" in r]
    assert all(ARTICLE in r["text"] for r in out)


def test_depth_limit_keeps_text_and_script_content() -> None:
    html = "<div>" * 300 + "<script>var s = '<div>';</script><p>bottom</p>" + "</div>" * 300
    out, removed = limit_depth(html, 40, unchecked_tags=0)
    assert removed == 260
    assert out.count("<div>") == 40 + 1 and out.count("</div>") == 40  # (+1: the one in the script)
    assert "<script>var s = '<div>';</script><p>bottom</p>" in out


def test_depth_limit_leaves_shallow_pages_alone() -> None:
    html = "<html><body>" + "<div><p>a<br>b</p><ul><li>x<li>y</ul></div>" * 500 + "</body></html>"
    assert estimated_depth(html, 40, unchecked_tags=0) < 40
    assert limit_depth(html, 40, unchecked_tags=0) == (html, 0)


def test_depth_estimate_sees_elements_left_open_behind_other_end_tags() -> None:
    assert estimated_depth("<div></span>" * 100, 40, unchecked_tags=0) >= 100


def test_tag_limit_cuts_before_a_tag() -> None:
    assert limit_tags("<a>1</a><b>2</b>", 2) == ("<a>1", True)
    assert limit_tags("<a>1</a>", 2) == ("<a>1</a>", False)


def test_first_lines() -> None:
    assert first_lines("a\nb\nc\n", 3) == ("a\nb\nc\n", False)
    assert first_lines("a\nb\nc\nd", 3) == ("a\nb\nc", True)
    assert first_lines("a\rb\rc\rd", 3) == ("a\nb\nc", True)


def _join_fragments_by_concatenation(text: str) -> str:
    """The former `_join_fragments` (quadratic on many fragments): the reference for the new one."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and line.strip() and out[-1].strip():
            prev = out[-1]
            if prev[-1] in " \t" or line[0] in " \t":
                out[-1] = prev.rstrip(" \t") + " " + line.lstrip(" \t")
                continue
            if line[0] in ".,;:!?)]}»”’%":
                out[-1] = prev + line
                continue
        out.append(line)
    return "\n".join(out)


_PIECES = st.lists(st.sampled_from(["a", "b", "-", " ", "  ", "\n", "\n\n", "](", ")", "|", "# ", "#", ".",
                                    "Press-", "und", "\t", "[x](http://a-b", "1. ", "*"]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_joining_fragments_is_unchanged(text: str) -> None:
    assert _join_fragments(text) == _join_fragments_by_concatenation(text)


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_unwrapping_markdown_keeps_every_character_but_wrapping(text: str) -> None:
    lines = _unwrap_markdown(text)
    assert "".join("".join(lines).split()) == "".join(text.split())
