"""Converter layouts (cleaner/text/converters.py): Markdown and tag-fragmented dumps clean like plain text."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.article import collapse_spaces
from cleaner.text.converters import detect_layout, undo_layout

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = ROOT / "fixtures" / "layout"
CASES = ROOT / "fixtures" / "cases"


def test_html2text_markdown_of_a_page_cleans_to_its_article() -> None:
    # fixtures/layout/*.html2text.txt: html2text.html2text() of the HTML fixture case of the same name
    for dump in sorted(LAYOUT.glob("*.html2text.txt")):
        case = dump.name.split(".")[0]
        expected = json.loads((CASES / case / "expected.json").read_text(encoding="utf-8"))
        article = cleaner.clean(dump.read_text(encoding="utf-8"), kind="text")
        assert article.stats.get("layout") == "markdown"
        body = collapse_spaces(article.text)
        for paragraph in expected["paragraphs"]:
            assert collapse_spaces(paragraph) in body, (case, paragraph)
        for chrome in expected.get("not_contains", []):
            assert chrome not in body, (case, chrome)
        assert "](" not in article.text and "**" not in article.text
        assert cleaner.replay(article.normalized_input, article.removed) == article.text


def test_markdown_marks_links_images_and_wrapping_are_undone() -> None:
    md = ("# A [linked](https://x.org/a) headline\n\n"
          "The **council** voted on _Tuesday_ to keep the [town\npool](https://x.org/pool-\nopen \"Pool\") open, "
          "after a drug-\nrelated inquiry into Press-\nund Informationsamt.  \nSecond line\n\n"
          "  * first item\n  * second item\n\n![photo](https://x.org/p.jpg)\n\n1\\. not a list")
    text, layout = undo_layout(md)
    assert layout == "markdown"
    assert text.split("\n") == [
        "A linked headline", "",
        "The council voted on Tuesday to keep the town pool open, after a drug-related inquiry into "
        "Press- und Informationsamt.", "Second line", "",
        "first item", "second item", "", "", "", "1. not a list",
    ]


def test_fragmented_dump_joins_inline_breaks_only() -> None:
    # BeautifulSoup get_text("\n"): a break at every tag; inline ones keep their spaces
    dump = ("Home\nNews\nSport\n\n\nYou can download Python 3.6.0 \nhere\n. Also, most \nthird-party\n"
            " distributors should follow soon.\n\n\n" + "Menu item\n" * 3 + "A line \nwith a link \n\n" * 4)
    assert detect_layout(dump) == "fragmented"
    text, _ = undo_layout(dump)
    lines = text.split("\n")
    assert lines[:3] == ["Home", "News", "Sport"]
    assert "You can download Python 3.6.0 here. Also, most third-party distributors should follow soon." in lines


def test_plain_text_passes_unchanged() -> None:
    for case in sorted(CASES.glob("*/input.txt")):
        raw = case.read_text(encoding="utf-8")
        if detect_layout(raw) == "plain":
            assert undo_layout(raw) == (raw, "plain")
    seeds = [p for p in CASES.glob("seed_*/input.txt")]
    assert seeds and all(detect_layout(p.read_text(encoding="utf-8")) == "plain" for p in seeds)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab -_*#[]()!\\.\n |>:1/h")), max_size=400),
       st.sampled_from(["markdown", "fragmented", None]))
def test_undo_layout_never_adds_text(raw: str, layout: str | None) -> None:
    text, found = undo_layout(raw, layout)
    assert found in ("markdown", "fragmented", "plain")
    assert len(collapse_spaces(text)) <= len(collapse_spaces(raw))
