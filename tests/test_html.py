"""HTML mode through the public interface: blocks, evidence, caps, decoding, metadata."""

from __future__ import annotations

import cleaner
from cleaner import CleanerConfig, replay
from cleaner.rules import RULES_BY_ID

PROSE = (
    "The council approved the new budget on Tuesday after a long debate about the cost of the school. "
    "Members said the library would be renovated next year with the money that was left over."
)


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Budget | Town News</title>{head}</head><body>{body}</body></html>"


def test_html_rules_are_registered() -> None:
    for rule_id in ("HTM001", "HTM004", "HTM007", "HTM008", "HTM010", "HTM013", "HTM016"):
        assert rule_id in RULES_BY_ID


def test_menu_and_footer_go_with_their_rule_and_the_ledger_replays() -> None:
    html = _page(f"<nav><a href='/'>Home</a> <a href='/x'>Politics</a></nav><article><p>{PROSE}</p></article>"
                 "<footer>Imprint · Contact · Privacy</footer>")
    article = cleaner.clean(html, kind="html")
    assert article.text == PROSE
    rules = {r.rule: r.text for r in article.removed}
    assert rules["HTM001"] == "Home Politics"
    assert rules["HTM002"] == "Imprint · Contact · Privacy"
    assert replay(article.normalized_input, article.removed) == article.text
    for r in article.removed:
        assert article.normalized_input[r.start : r.end] == r.text


def test_link_list_inside_the_article_is_removed() -> None:
    html = _page(f"<article><p>{PROSE}</p><p><a href='/1'>Budget row explained</a> <a href='/2'>Who voted how</a></p></article>")
    article = cleaner.clean(html, kind="html")
    assert "Who voted how" not in article.text
    assert "HTM012" in {r.rule for r in article.removed}


def test_aside_with_the_whole_article_is_not_thrown_away() -> None:
    long = " ".join([PROSE] * 12)
    html = _page(f"<nav><a href='/'>Home</a></nav><aside class='sidebar-main'><p>{long}</p><p>{PROSE}</p></aside>")
    article = cleaner.clean(html, kind="html")
    assert PROSE in article.text


def test_cap_on_elements_is_reported() -> None:
    html = _page("".join(f"<p>{PROSE} {i}</p>" for i in range(50)))
    article = cleaner.clean(html, kind="html", config=CleanerConfig(max_html_nodes=10))
    assert article.stats["truncated"] == "max_html_nodes"
    assert replay(article.normalized_input, article.removed) == article.text


def test_deeply_nested_and_malformed_markup_does_not_crash() -> None:
    html = "<div>" * 20000 + f"<p>{PROSE}" + "</span></td>" * 50
    article = cleaner.clean(html, kind="html")
    assert "approved the new budget" in article.text


def test_bytes_with_a_declared_charset() -> None:
    text = ("Die Bürgerinnen und Bürger der Stadt haben am Sonntag über das neue Schwimmbad abgestimmt, "
            "und die Mehrheit war dafür, obwohl es teurer wird als geplant.")
    html = (f"<html><head><meta charset='windows-1252'><title>Schwimmbad</title></head>"
            f"<body><article><p>{text}</p></article></body></html>").encode("cp1252")
    article = cleaner.clean(html)
    assert article.kind == "html"
    assert text in article.text
    assert article.language == "de"


def test_metadata_from_meta_tags_and_h1() -> None:
    head = ("<meta name='author' content='Ann Lee'><meta property='article:published_time' content='2024-06-01T08:00:00Z'>"
            "<meta property='og:site_name' content='Town News'><link rel='canonical' href='https://town.example/budget'>"
            "<meta name='description' content='The budget passed.'><meta property='og:image' content='https://town.example/a.jpg'>")
    html = _page(f"<article><h1>Budget approved</h1><p>{PROSE}</p></article>", head)
    article = cleaner.clean(html, kind="html")
    assert article.title == "Budget approved"
    assert article.authors == ["Ann Lee"]
    assert article.date == "2024-06-01"
    assert article.publisher == "Town News"
    assert article.url == "https://town.example/budget"
    assert article.description == "The budget passed."


def test_the_headline_reads_as_a_browser_shows_it() -> None:
    # Text nodes join as they stand ("<em>THW</em>: ..." is "THW: ...", not "THW : ..."); a <br> or a
    # block element inside the <h1> breaks the line, so a space stands there.
    for h1, title in [("Frauen im <em>THW</em>: Vergangenheit und Zukunft", "Frauen im THW: Vergangenheit und Zukunft"),
                      ("The budget<br>is approved at last", "The budget is approved at last"),
                      ("Budget<div>approved</div>", "Budget approved")]:
        article = cleaner.clean(_page(f"<article><h1>{h1}</h1><p>{PROSE}</p></article>"), kind="html")
        assert article.title == title


def test_date_from_the_url_when_the_page_has_none() -> None:
    html = _page(f"<article><h1>Budget approved</h1><p>{PROSE}</p></article>")
    article = cleaner.clean(html, kind="html", url="https://town.example/2023/11/05/budget")
    assert article.date == "2023-11-05"


def test_blocks_carry_their_evidence_into_the_segments() -> None:
    from cleaner.html.parse import parse_html, render_blocks

    page = parse_html(_page(f"<article><figure><figcaption>A caption</figcaption></figure><p>{PROSE} <a href='/'>link</a></p></article>"))
    text, segments = render_blocks(page.blocks)
    caption = next(s for s in segments if s.text == "A caption")
    assert "figcaption" in caption.context and caption.tag == "figcaption"
    paragraph = next(s for s in segments if s.text.startswith("The council"))
    assert paragraph.tag == "p" and 0 < paragraph.link_density < 0.1
    assert all(text[s.start : s.end] == s.text for s in segments)


def test_author_box_note_goes_and_the_byline_gives_the_author() -> None:
    bio = "Ann Lee has covered city hall for the Town News since 2015 and writes about budgets and schools."
    html = _page(f"<article><h1>Budget approved</h1><div class='author-box'><p>By Ann Lee</p><p>{bio}</p></div>"
                 f"<p>{PROSE}</p></article>")
    article = cleaner.clean(html, kind="html")
    assert bio not in article.text and PROSE in article.text
    assert "HTM017" in {r.rule for r in article.removed}
    assert article.authors == ["Ann Lee"]


def test_body_inside_a_box_that_looks_like_chrome_is_kept_by_the_second_pass() -> None:
    # A theme that wraps the article text in a "sidebar-layout" box: walked (it holds long prose),
    # then taken for chrome beside the container that holds it and a short intro. Too little body
    # is left, so a second pass that trusts such boxes runs before any trafilatura fallback.
    paragraphs = "".join(f"<p>{PROSE} Paragraph {k} of the report ends here.</p>" for k in range(5))
    html = _page(f"<div id='page'><h1>Budget approved</h1><p>{PROSE}</p>"
                 f"<div class='sidebar-layout'>{paragraphs}</div></div>")
    article = cleaner.clean(html, kind="html")
    assert article.stats.get("retry") == "soft boxes"
    assert "fallback" not in article.stats
    assert "Paragraph 4 of the report ends here." in article.text
    first = cleaner.clean(html, kind="html", config=CleanerConfig(html_fallback_chars=0))
    assert "Paragraph 4 of the report ends here." not in first.text


def test_a_collapsed_menu_gets_its_link_share_when_its_rule_is_off() -> None:
    """Links of collapsed containers are counted only when their rule cannot decide (it is disabled)."""
    from cleaner.html.blocks import collapsed_link_density
    from cleaner.html.parse import parse_html

    html = _page(f"<nav><a href='/'>Home</a> <a href='/x'>Politics</a> Today</nav><article><p>{PROSE}</p></article>")
    menu = next(b for b in parse_html(html).blocks if b.collapsed)
    assert menu.text == "Home Politics Today"
    assert collapsed_link_density(menu) == len("HomePolitics") / len(menu.text)
    # With the menu rule off, the menu is a link list for the later stages and still goes.
    article = cleaner.Cleaner(CleanerConfig(disabled_rules=frozenset({"HTM001"}))).clean(html, kind="html")
    assert article.text == PROSE
    assert "Home Politics Today" in {r.text for r in article.removed}


def test_an_article_only_in_noscript_is_read_as_shown_without_javascript() -> None:
    paragraphs = "".join(f"<p>{PROSE} Paragraph {n} of the report.</p>" for n in range(6))
    html = _page(f"<div id='app'>Loading…</div><noscript><article><h1>Budget approved</h1>{paragraphs}</article></noscript>")
    article = cleaner.clean(html, kind="html")
    assert article.stats.get("retry") == "noscript" and not article.stats.get("fallback")
    assert f"{PROSE} Paragraph 5 of the report." in article.text
    assert replay(article.normalized_input, article.removed) == article.text


def test_a_tracking_pixel_noscript_changes_nothing() -> None:
    html = _page(f"<article><p>{PROSE}</p></article><noscript><img src='/pixel.gif' alt='tracking'></noscript>")
    article = cleaner.clean(html, kind="html")
    assert article.text == PROSE and article.stats.get("retry") is None


def test_html_mode_drops_the_invisible_characters_text_mode_drops() -> None:
    """Block text loses what normalization deletes (C0/C1 controls, zero-width characters), also in a
    block that is otherwise plain ASCII; the soft hyphen alone stays in HTML mode (it is part of the
    words as published)."""
    ascii_only = ("The council met on Tuesday evening and voted to keep the pool open all winter, "
                  "after a long debate about the heating costs (\x1f) and the lessons.")
    other = "The \u200bschool swim\u00adming lessons go on as before, the head teacher said on Wednesday."
    body = "".join(f"<p>{ascii_only} Paragraph {i} adds more.</p><p>{other} Part {i}.</p>" for i in range(4))
    page = f"<html><body><article><h1>Pool stays open</h1>{body}</article></body></html>"
    html_text = cleaner.clean(page, kind="html").text
    text_text = cleaner.clean(ascii_only + "\n\n" + other, kind="text").text
    assert "\x1f" not in html_text and "\u200b" not in html_text
    assert "heating costs () and the lessons" in html_text and "heating costs () and the lessons" in text_text
    assert "The school swim\u00adming lessons" in html_text and "The school swimming lessons" in text_text


def test_a_plain_list_beside_the_article_container_stays_and_a_link_list_goes() -> None:
    method = ("Mix the flour with the eggs and a pinch of salt until the dough is smooth, then let it rest for an "
              "hour. Roll it out thinly on a floured board and cut it into strips as wide as a finger.")
    boil = ("Bring a large pot of salted water to the boil and cook the noodles for three minutes, stirring now "
            "and then. Drain them, toss them with butter and serve them at once, while they are still hot.")
    tools = " ".join(f"<a href='/t{i}'>Save this recipe to collection {i}</a>" for i in range(8))
    html = _page(
        f"<div class='recipe'><div class='tools'>{tools}</div>"
        f"<div class='method'><h1>Fresh noodles</h1><p>{method}</p><p>{boil}</p></div>"
        "<div class='ingredients'><ul><li>200 g flour</li><li>2 eggs</li><li>1 pinch of salt</li></ul></div>"
        "<div class='tip'><p>Tip: the dough keeps for a day in the fridge when you wrap it well, so you can "
        "make it ahead.</p></div></div>"
        "<div class='more'><ul><li><a href='/a'>Potato salad with herbs</a></li>"
        "<li><a href='/b'>Apple pie like grandma's</a></li></ul></div>"
    )
    article = cleaner.clean(html, kind="html")
    for item in ("200 g flour", "2 eggs", "1 pinch of salt"):
        assert item in article.paragraphs
    assert "Potato salad" not in article.text
    assert replay(article.normalized_input, article.removed) == article.text


def test_a_component_class_named_cmp_is_no_consent_banner() -> None:
    # Adobe Experience Manager names its components "cmp-*"; "usercentrics-cmp" is a consent platform.
    body = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(3))
    html = _page(f"<div class='cmp-container'><div class='cmp-text'>{body}</div></div>"
                 "<div id='usercentrics-cmp'>We use cookies to improve your experience. Accept all</div>")
    article = cleaner.clean(html, kind="html")
    assert "Part 2." in article.text
    assert "We use cookies" not in article.text
    assert "HTM008" in {r.rule for r in article.removed}


def test_json_ld_nested_too_deep_or_with_odd_types_is_ignored() -> None:
    scripts = ("[" * 100_000 + "]" * 100_000, '{"@type": ["NewsArticle", 3], "headline": "Budget", "keywords": "x"}',
               '[{"@type": [{"a": 1}], "headline": 7}, {"@type": [null], "@graph": "x"}]')
    for script in scripts:
        html = _page(f"<article><p>{PROSE}</p></article>", f'<script type="application/ld+json">{script}</script>')
        assert cleaner.clean(html, kind="html").text == PROSE
