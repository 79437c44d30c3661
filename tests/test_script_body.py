"""HTML mode: the article from the page's JSON-LD articleBody when the markup shows almost none of it."""

from __future__ import annotations

import json

import pytest

import cleaner
from cleaner import CleanerConfig, ConfigError, replay
from cleaner.config import RECOVERY_TRIGGERS
from cleaner.output import to_markdown
from cleaner.rules import RULES_BY_ID

HEADLINE = "Council approves the budget for the new school library"
PARAGRAPHS = [
    "The council approved the new budget on Tuesday after a long debate about the cost of the school. "
    "Members said the library would be renovated next year with the money that was left over.",
    "The mayor thanked the parents who had written to the council, and said the work would begin in "
    "spring. Builders have been asked to keep the reading room open during the renovation.",
    "Opponents of the plan argued that the money should have gone to the roads instead, but they were "
    "outvoted by a wide margin when the budget came to the floor late in the evening.",
    "A public meeting about the design of the new library is planned for the first week of March, "
    "and residents are invited to bring their ideas for the children's corner and the study rooms.",
    "The finance committee will publish the full figures on the town's website before the end of the "
    "month, together with the minutes of Tuesday's debate and the votes of every member.",
]


def _ld(body: str, headline: str = HEADLINE, kind: str = "NewsArticle") -> str:
    item = {"@context": "https://schema.org", "@type": kind, "headline": headline, "articleBody": body}
    data = json.dumps(item).replace("</", "<\\/")  # as pages write it, so that no "</script>" ends the element
    return f'<script type="application/ld+json">{data}</script>'


def _page(body: str, head: str = "") -> str:
    return (f"<html><head><title>{HEADLINE} | Town News</title>{head}</head>"
            f"<body><nav><a href='/'>Home</a> <a href='/p'>Politics</a></nav>{body}</body></html>")


def test_the_rule_is_registered() -> None:
    assert RULES_BY_ID["HTM018"].scope == "code"


def test_an_article_only_in_json_ld_is_the_body_with_its_paragraphs() -> None:
    html = _page(f"<h1>{HEADLINE}</h1><div id='app'>Loading…</div>", _ld("\n".join(PARAGRAPHS)))
    article = cleaner.clean(html, kind="html")
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert article.stats["body_from"] == "json-ld"
    assert article.stats["sources"]["body"] == "json-ld"
    assert article.title == HEADLINE
    assert replay(article.normalized_input, article.removed) == article.text
    assert to_markdown(article).count("\n\n") >= len(PARAGRAPHS) - 1


def test_html_in_the_article_body_is_read_as_text_with_paragraph_breaks() -> None:
    body = "".join(f"<p>{p.replace('council', '<a href=/c>council</a>', 1)}</p>" for p in PARAGRAPHS)
    body = "<h2>The vote</h2>" + body + "<script>track()</script>"
    article = cleaner.clean(_page(f"<h1>{HEADLINE}</h1>", _ld(body)), kind="html")
    assert article.stats["body_from"] == "json-ld"
    assert article.text == "\n\n".join(["The vote"] + PARAGRAPHS)


def test_a_page_whose_markup_has_the_article_is_unchanged() -> None:
    markup = f"<article><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    without = cleaner.clean(_page(markup), kind="html")
    with_ld = cleaner.clean(_page(markup, _ld("\n".join(PARAGRAPHS * 2))), kind="html")
    assert "body_from" not in with_ld.stats
    assert with_ld.text == without.text == "\n\n".join(PARAGRAPHS)
    assert with_ld.removed == without.removed


def test_a_short_markup_body_stays_where_the_json_ld_does_not_repeat_it() -> None:
    note = "Editor's note: this report was updated on Wednesday with the final vote of the council."
    html = _page(f"<h1>{HEADLINE}</h1><article><p>{note}</p></article>", _ld("\n".join(PARAGRAPHS)))
    article = cleaner.clean(html, kind="html")
    assert article.stats["body_from"] == "json-ld"
    assert article.text == "\n\n".join([note] + PARAGRAPHS)


def test_the_lead_the_markup_shows_is_not_printed_twice() -> None:
    html = _page(f"<h1>{HEADLINE}</h1><article><p>{PARAGRAPHS[0]}</p></article>", _ld("\n".join(PARAGRAPHS)))
    article = cleaner.clean(html, kind="html")
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert [r.text for r in article.removed if r.rule == "HTM018"] == [PARAGRAPHS[0]]


def test_json_ld_of_another_article_or_a_short_body_is_not_used() -> None:
    other = _page(f"<h1>{HEADLINE}</h1>", _ld("\n".join(PARAGRAPHS), headline="Storm closes the harbour road"))
    assert "body_from" not in cleaner.clean(other, kind="html").stats
    short = _page(f"<h1>{HEADLINE}</h1>", _ld(PARAGRAPHS[0]))
    assert "body_from" not in cleaner.clean(short, kind="html").stats
    not_article = _page(f"<h1>{HEADLINE}</h1>", _ld("\n".join(PARAGRAPHS), kind="WebPage"))
    assert "body_from" not in cleaner.clean(not_article, kind="html").stats


def test_the_step_is_off_with_the_fallback() -> None:
    html = _page(f"<h1>{HEADLINE}</h1>", _ld("\n".join(PARAGRAPHS)))
    article = cleaner.clean(html, kind="html", config=CleanerConfig(html_fallback_chars=0))
    assert "body_from" not in article.stats


def test_malformed_or_odd_json_ld_is_harmless() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    odd = [
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "unterminated</script>',
        f'<script type="application/ld+json">{deep}</script>',
        '<script type="application/ld+json">{"@type": ["NewsArticle", 3], "headline": 7, "articleBody": ["x"]}</script>',
        '<script type="application/ld+json">{"@type": {"a": 1}, "headline": "' + HEADLINE + '", "articleBody": null}</script>',
        _ld("<p>" * 5_000 + "x" * 1_000_000),
        _ld("&lt;p&gt;" + "&lt;/p&gt;&lt;p&gt;".join(PARAGRAPHS) + "&lt;/p&gt;"),
    ]
    for script in odd:
        article = cleaner.clean(_page(f"<h1>{HEADLINE}</h1>", script), kind="html")
        assert replay(article.normalized_input, article.removed) == article.text
    escaped = cleaner.clean(_page(f"<h1>{HEADLINE}</h1>", odd[-1]), kind="html")
    assert escaped.text == "\n\n".join(PARAGRAPHS)


def test_the_json_ld_body_passes_the_same_rules_as_every_other_line() -> None:
    """Its lines are not appended unlabelled: an advert marker and a newsletter prompt in the body go,
    as they would in text mode, with their rule ids in the ledger."""
    body = "\n".join(PARAGRAPHS[:2] + ["Advertisement"] + PARAGRAPHS[2:] + ["Read more: Our newsletter"])
    html = _page(f"<h1>{HEADLINE}</h1><div id='app'>Loading…</div>", _ld(body))
    article = cleaner.clean(html, kind="html")
    assert article.stats["body_from"] == "json-ld"
    assert article.text == "\n\n".join(PARAGRAPHS)
    removed = {r.text: r.rule for r in article.removed}
    assert removed["Advertisement"].startswith("ADV")
    assert "Read more: Our newsletter" in removed
    assert replay(article.normalized_input, article.removed) == article.text
    text_mode = cleaner.clean(body, kind="text")
    assert {r.text for r in text_mode.removed} >= {"Advertisement", "Read more: Our newsletter"}


def test_each_recovery_strategy_has_its_own_trigger() -> None:
    html = _page(f"<h1>{HEADLINE}</h1>", _ld("\n".join(PARAGRAPHS)))
    # Trafilatura off alone: the JSON-LD body still comes in; the JSON-LD body off alone: it does not.
    assert cleaner.clean(html, kind="html", config=CleanerConfig(trafilatura_chars=0)).stats.get("body_from") == "json-ld"
    assert "body_from" not in cleaner.clean(html, kind="html", config=CleanerConfig(json_ld_body_chars=0)).stats
    # Each defaults to html_fallback_chars; 0 there switches every one off, unless one is set.
    config = CleanerConfig(html_fallback_chars=0, json_ld_body_chars=700)
    assert [config.recovery_chars(t) for t in RECOVERY_TRIGGERS] == [0, 0, 0, 700]
    assert cleaner.clean(html, kind="html", config=config).stats.get("body_from") == "json-ld"
    with pytest.raises(ConfigError, match="noscript_chars"):
        CleanerConfig(noscript_chars=-1)
