"""Issue 29, the library side: text that leaves `clean()` is valid, printable Unicode whatever the
input holds (lone surrogates, control characters in the page's metadata), and the adapters never let
one bad item end a run. The batch side is in test_reliability_batch.py; the fuzzing in test_fuzz.py."""

from __future__ import annotations

import dataclasses
import json

import pytest

import cleaner
from cleaner.article import Article

from .batch_helpers import PROSE

HOSTILE_HEAD = ("<title>&#x1b;]0;pwned&#x7; Budget &#27;[2J approved</title>"
                '<meta name="author" content="Jane &#x1b;[31mDoe">'
                '<meta name="description" content="A &#x9b;2J description">'
                '<meta name="keywords" content="council, &#x1b;[5mbudget">'
                '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Budget \\u001b[2J approved",'
                ' "author": {"name": "Jane \\ud800 Doe"}, "publisher": {"name": "The \\u0007Herald"}}</script>')


def hostile_page() -> str:
    return (f"<html><head>{HOSTILE_HEAD}</head><body><article><h1>Budget approved</h1><p>{PROSE}</p>"
            f"<p>{PROSE}</p></article></body></html>")


def encodable(record: dict) -> bytes:
    """The record as a UTF-8 JSON line: what every writer and exporter does with it."""
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def test_lone_surrogates_in_a_str_input_are_replaced_and_counted() -> None:
    article = cleaner.clean(f"\ud800 {PROSE}\n\n{PROSE} \udfff", kind="text")
    assert "\ufffd" in article.text and PROSE in article.text
    assert article.stats["surrogates"] == 2
    encodable(article.to_dict())
    assert cleaner.replay(article.normalized_input, article.removed) == article.text


def test_surrogates_in_html_input_and_its_json_ld_are_replaced() -> None:
    html = hostile_page().replace(PROSE, PROSE + " \udc80", 1)
    article = cleaner.clean(html, url="https://example.com/\ud800story")
    encodable(article.to_dict())
    assert article.stats["surrogates"] == 1
    assert "\ufffd" in article.url
    assert all("\ud800" not in a for a in article.authors)


def test_an_input_without_surrogates_has_no_count() -> None:
    assert "surrogates" not in cleaner.clean(PROSE + " caf\u00e9 \u2019", kind="text").stats


def test_control_characters_never_reach_the_metadata() -> None:
    article = cleaner.clean(hostile_page(), url="https://example.com/story")
    record = article.to_dict()
    fields = {k: v for k, v in record.items() if k not in ("removed", "stats")}
    flat = json.dumps(fields, ensure_ascii=False)
    assert "\\u001b" not in flat and "\\u0007" not in flat and "\\u009b" not in flat, flat
    assert not any(0 <= ord(c) < 32 and c not in "\n\t" for c in article.title or "")
    assert article.title and "Budget" in article.title
    assert "\x1b" not in article.markdown


def test_printable_keeps_ordinary_text_and_only_drops_controls() -> None:
    from cleaner.text import sanitize

    assert sanitize.printable("Caf\u00e9 \u2014 \u65b0\u805e") == "Caf\u00e9 \u2014 \u65b0\u805e"
    assert sanitize.printable("a\x1b[2Jb\x07c") == "a[2Jbc"
    assert sanitize.printable("line\rover") == "line over"
    assert sanitize.printable("x\ud800y") == "x\ufffdy"


def test_every_sanitized_name_is_an_article_field() -> None:
    from cleaner.text import sanitize

    names = {f.name for f in dataclasses.fields(Article)}
    assert set(sanitize._FIELDS) <= names
    # every str or list field holding page text, but for those built from the normalized input
    page_text = {"text", "captions", "image_credits", "removed", "normalized_input", "stats", "blocks",
                 "kind", "access", "truncated"}
    assert names - page_text == set(sanitize._FIELDS)


def test_scrapy_pipeline_records_a_non_string_field_as_the_items_error() -> None:
    pytest.importorskip("scrapy")
    from scrapy.utils.test import get_crawler

    from cleaner.integrations.scrapy import CleanerPipeline

    crawler = get_crawler(settings_dict={})
    pipe = CleanerPipeline.from_crawler(crawler)
    for value in (12345, ["<p>a list</p>"], {"html": "nested"}):
        item = {"url": "https://example.com/x", "html": value}
        assert pipe.process_item(item) is item
        assert item["cleaner_error"].startswith("MalformedRecordError:")
    assert crawler.stats.get_value("cleaner/errors/malformed") == 3


def test_scrapy_pipeline_passes_on_only_encodable_text() -> None:
    pytest.importorskip("scrapy")
    from scrapy.utils.test import get_crawler

    from cleaner.integrations.scrapy import CleanerPipeline

    pipe = CleanerPipeline.from_crawler(get_crawler(settings_dict={"CLEANER_OUTPUT_FIELD": "article"}))
    item = {"url": "https://example.com/\udc80", "html": hostile_page().replace("Budget", "Bud\ud800get")}
    pipe.process_item(item)
    assert item["cleaner_error"] is None
    json.dumps(item["article"], ensure_ascii=False).encode("utf-8")


def _article_page(before: str, after: str = "") -> str:
    return (f"<html><head><title>Budget approved</title></head><body>{before}<article><h1>Budget approved</h1>"
            f"<p>{PROSE}</p><p>{PROSE}</p></article>{after}</body></html>")


@pytest.mark.parametrize("pile", ["open", "closed-around", "closed-before"])
def test_200000_nested_divs_before_the_article_do_not_cost_the_article(pile: str) -> None:
    n = 200_000
    page = {"open": _article_page("<div>" * n),
            "closed-around": _article_page("<div>" * n, "</div>" * n),
            "closed-before": _article_page("<div>" * n + "</div>" * n)}[pile]
    article = cleaner.clean(page)
    assert PROSE in article.text
    assert article.stats["capped"]["max_html_depth"] == cleaner.CleanerConfig().max_html_depth


def test_a_cap_that_stops_before_any_article_text_is_an_error_not_an_empty_body() -> None:
    page = _article_page("<div></div>" * 200_000)
    with pytest.raises(cleaner.errors.InputTooLargeError, match="max_html_nodes"):
        cleaner.clean(page)
    # a page cut by the cap after its article keeps it, the cut noted in stats
    article = cleaner.clean(_article_page("", "<div>item</div>" * 200_000))
    assert PROSE in article.text and article.stats["truncated"] == "max_html_nodes"
