"""The Article fields of issue 17 through the public interfaces: datetime and date_modified, tags,
section, licence, links, comments, the sources in stats, and the reference date of WARC records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import Cleaner, CleanerConfig

from .batch_helpers import records, run, warc_bytes
from .conftest import fixture_cases, load_case

PROSE = (
    "<p>The council met on Tuesday evening and agreed, after a long debate, to keep the swimming pool open "
    "through the winter months, whatever the heating costs.</p>"
    "<p>Residents had collected more than two thousand signatures, and the mayor thanked them for their "
    "patience while the budget was being drawn up by the finance committee.</p>"
)


def page(head: str = "", body: str = PROSE, lang: str = "en") -> str:
    return (f"<html lang='{lang}'><head><title>Pool stays open | Town News</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Pool stays open</h1>{body}"
            f"</article><footer>© 2025 Town News</footer></body></html>")


def ld(**fields: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps({'@type': 'NewsArticle', **fields})}</script>"


def test_datetime_keeps_the_offset_and_date_keeps_the_day() -> None:
    article = cleaner.clean(page(ld(datePublished="2025-05-08T14:30:00+02:00")), kind="html")
    assert article.date == "2025-05-08"
    assert article.datetime == "2025-05-08T14:30:00+02:00"
    assert article.stats["sources"]["date"] == article.stats["sources"]["datetime"] == "json-ld"


def test_a_utc_stamp_is_read_where_the_page_is_published() -> None:
    # 22:04 UTC is past midnight in Berlin: the day printed on a German page is the next one.
    article = cleaner.clean(page(ld(datePublished="2019-10-18T22:04:00Z"), lang="de"), kind="html")
    assert article.date == "2019-10-19"
    assert article.datetime == "2019-10-19T00:04:00+02:00"


def test_a_date_without_time_gives_the_day_and_a_time_from_another_claim_of_that_day() -> None:
    day_only = cleaner.clean(page(ld(datePublished="2025-05-08")), kind="html")
    assert day_only.datetime == "2025-05-08"
    both = cleaner.clean(page(ld(datePublished="2025-05-08") +
                              "<meta property='article:published_time' content='2025-05-08T06:00:00-04:00'>"), kind="html")
    assert both.datetime == "2025-05-08T06:00:00-04:00"


def test_modified_tags_section_from_opengraph() -> None:
    head = ("<meta property='article:modified_time' content='2025-05-09T08:00:00+01:00'>"
            "<meta property='article:section' content='Local'>"
            "<meta property='article:tag' content='Pools'><meta property='article:tag' content='Budget'>"
            "<meta name='keywords' content='news, town'>")
    article = cleaner.clean(page(head), kind="html")
    assert article.date_modified == "2025-05-09T08:00:00+01:00"
    assert article.tags == ["Pools", "Budget"]  # article:tag before the site-wide keywords
    assert article.section == ["Local"]
    assert article.stats["sources"]["tags"] == article.stats["sources"]["section"] == "meta"


def test_keywords_tag_when_nothing_else_names_tags() -> None:
    article = cleaner.clean(page("<meta name='keywords' content='pool; winter;  budget ,pool'>"), kind="html")
    assert article.tags == ["pool", "winter", "budget"]


@pytest.mark.parametrize("claim, name", [
    ("<link rel='license' href='https://creativecommons.org/licenses/by-nc-nd/4.0/deed.de'>", "CC BY-NC-ND 4.0"),
    ("<link rel='license' href='https://creativecommons.org/publicdomain/zero/1.0/'>", "CC0 1.0"),
    (ld(license="https://creativecommons.org/licenses/by/3.0/"), "CC BY 3.0"),
    ("<link rel='license' href='/terms/licence'>", "https://town.example/terms/licence"),
])
def test_licence_claims(claim: str, name: str) -> None:
    article = cleaner.clean(page(claim), kind="html", url="https://town.example/news/pool")
    assert article.license == name


def test_no_claim_no_field() -> None:
    article = cleaner.clean(page(), kind="html")
    assert (article.tags, article.section, article.license, article.date_modified, article.comments) == ([], [], None, None, None)
    assert "tags" not in article.stats["sources"]


def test_links_are_absolute_from_kept_blocks_only_and_bounded() -> None:
    body = (
        "<p>The council met on Tuesday evening and agreed, after <a href='/budget'>a long debate</a>, to keep the "
        "pool open, as <a href='https://other.example/a#x'>the other paper</a> and "
        "<a href='javascript:void(0)'>this</a> and <a href='#top'>that</a> and <a href='mailto:x@y.z'>mail</a> say.</p>"
        + "".join(f"<p>Residents had collected more than two thousand signatures for the pool, and the "
                  f"<a href='/people/{i}'>organiser number {i}</a> thanked them for their patience.</p>" for i in range(150))
    )
    article = cleaner.clean(page(body=body), kind="html", url="https://town.example/news/pool")
    assert article.links[:2] == ["https://town.example/budget", "https://other.example/a#x"]
    assert len(article.links) == 100
    assert "https://town.example/news" not in article.links  # the menu's links are not the body's
    assert cleaner.clean("Just text with https://example.com in it, and more words to make a line.", kind="text").links == []


def test_comments_from_an_html_thread_keep_their_paragraphs() -> None:
    thread = ("<div class='comments'><h3>2 comments</h3><div class='comment'><b>Ann</b><p>I agree with "
              "<a href='/x'>this</a> entirely.</p></div><div class='comment'><b>Bo</b><p>Not me.</p></div></div>")
    article = cleaner.clean(page(body=PROSE + thread), kind="html")
    assert article.comments == "2 comments\n\nAnn\n\nI agree with this entirely.\n\nBo\n\nNot me."
    assert "Ann" not in article.text


def test_comment_words_separated_only_by_whitespace_between_inline_elements_stay_apart() -> None:
    thread = ("<div class='comments'><h3>2 comments</h3><div class='comment'><p><b>Borchert</b> <span>sagt:</span></p>"
              "<p>Gut.</p></div><div class='comment'><p><b>Bo</b> <i>sagt:</i></p><p>Nein.</p></div></div>")
    article = cleaner.clean(page(body=PROSE + thread), kind="html")
    assert article.comments == "2 comments\n\nBorchert sagt:\n\nGut.\n\nBo sagt:\n\nNein."


def test_relative_time_resolved_against_the_documents_own_reference_date() -> None:
    text = "Pool stays open all winter\n\nvor 3 Stunden\n\n" + (
        "Der Rat hat am Dienstag nach langer Debatte beschlossen, das Schwimmbad den ganzen Winter über offen "
        "zu halten, auch wenn die Heizkosten steigen.\n\nDie Bürgerinnen und Bürger hatten mehr als zweitausend "
        "Unterschriften gesammelt, und der Bürgermeister dankte ihnen für ihre Geduld.")
    config = Cleaner(CleanerConfig(reference_date="2025-01-01T00:00:00"))
    assert config.clean(text).date == "2024-12-31"
    article = config.clean(text, reference_date="2025-05-08T12:00:00Z")
    assert article.date == "2025-05-08"
    assert article.datetime == "2025-05-08T09:00:00+00:00"
    assert article.stats["sources"]["date"] == "relative time"


def test_warc_date_is_the_reference_date_of_its_record(tmp_path: Path) -> None:
    html = page(body="<p>Updated 5 hours ago</p>" + PROSE).encode()
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc_bytes([("https://town.example/pool", html, "text/html")], date="2025-05-08T03:00:00Z"))
    proc = run("clean", str(archive), "--format", "jsonl", "--quiet", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    (record,) = records(proc.stdout)
    assert record["date"] == "2025-05-07"
    assert record["datetime"] == "2025-05-07T22:00:00+00:00"


def test_comments_in_text_output_only_when_asked(tmp_path: Path) -> None:
    case = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "en_tags_category_licence_updated" / "input.txt"
    plain = run("clean", str(case)).stdout.decode()
    asked = run("clean", str(case), "--comments").stdout.decode()
    assert "Roger Whitfield" not in plain
    assert "## Comments\n\nRoger Whitfield says:" in asked
    (record,) = records(run("clean", str(case), "--format", "jsonl").stdout)
    assert record["comments"].startswith("Roger Whitfield says:")
    assert record["tags"] == ["comets", "naked-eye objects", "Tsuchinshan-ATLAS"]
    out = tmp_path / "out"
    run("clean", str(case), "--output-dir", str(out), "--comments")
    assert "## Comments" in (out / "input.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda p: p.name)
def test_datetime_agrees_with_date_and_every_field_has_a_source(case: Path) -> None:
    raw, expected, _ = load_case(case)
    article = cleaner.clean(raw, kind=expected.get("kind", "auto"))
    assert (article.datetime or "")[:10] == (article.date or "")
    sources = article.stats["sources"]
    for name in ("title", "authors", "date", "datetime", "publisher", "language", "tags", "section", "license",
                 "date_modified"):
        assert bool(getattr(article, name)) == (name in sources), name


@settings(max_examples=60, deadline=None)
@given(st.datetimes(), st.sampled_from(["Z", "+02:00", "-05:30", ""]))
def test_any_iso_stamp_claim_round_trips(moment, offset) -> None:
    stamp = moment.replace(microsecond=0).isoformat() + offset
    if not 1900 <= moment.year <= 2099:
        return
    article = cleaner.clean(page(ld(datePublished=stamp)), kind="html")
    expected = stamp.replace("Z", "+00:00")
    assert article.datetime == expected and article.date == expected[:10]


BODY = ("Salmon and sea trout will be able to swim past Hallam weir for the first time in two centuries after the "
        "river trust opened a new fish pass beside the old mill race on Monday morning.")


def test_fingerprint_is_pinned_and_the_same_in_another_process() -> None:
    # A golden value: BLAKE2b and the feature rules do not depend on the machine or PYTHONHASHSEED.
    assert cleaner.clean(BODY, kind="text").fingerprint == "d785e4c465d4a8a0"
    import subprocess
    import sys
    code = f"import cleaner; print(cleaner.clean({BODY!r}, kind='text').to_dict()['fingerprint'])"
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONHASHSEED": seed}, check=True)
        assert out.stdout.strip() == "d785e4c465d4a8a0"


def test_fingerprint_ignores_spacing_case_punctuation_and_sees_near_duplicates() -> None:
    from cleaner.fingerprint import distance

    a = cleaner.clean(BODY, kind="text").fingerprint
    assert cleaner.clean(BODY.upper().replace(" ", "  ").replace(",", ""), kind="text").fingerprint == a
    edited = BODY.replace("Monday", "Tuesday") + " It cost two million pounds, most of it raised by anglers."
    near = cleaner.clean(edited, kind="text").fingerprint
    other = cleaner.clean("The council approved the budget on Tuesday after a long debate about the school, "
                          "the library and the repairs to the bridge.", kind="text").fingerprint
    assert distance(a, near) < distance(a, other)
    assert cleaner.clean("Read Entire Article", kind="text").fingerprint is None
    assert cleaner.clean("武汉的声音：有英勇的你，才有英雄的城。在抗击疫情的日子里，父母们总要小心翼翼回应着孩子天真的追问。", kind="text").fingerprint


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from("the river trust opened a new fish pass on Monday salmon weir".split()), min_size=1, max_size=40),
       st.lists(st.sampled_from([" ", "  ", "\n", ", ", ". "]), min_size=40, max_size=40))
def test_fingerprint_depends_on_the_words_only(words, gaps) -> None:
    from cleaner.fingerprint import distance, simhash

    plain = simhash(" ".join(words))
    spaced = simhash("".join(w + g for w, g in zip(words, gaps)))
    assert plain == spaced and distance(plain, spaced) == 0


LONG = "".join(
    f"<p>Paragraph {i}: the council met on Tuesday evening and agreed, after a long debate, to keep the pool open "
    f"through the winter months, whatever the heating costs turn out to be.</p>" for i in range(12))


@pytest.mark.parametrize("head, body, access, truncated, source", [
    ("", LONG, "free", False, "length"),                                           # the whole article, no wall
    (ld(isAccessibleForFree=True), PROSE, "free", False, "json-ld"),
    ("", PROSE, "unknown", False, None),                                           # short, nothing either way
    (ld(isAccessibleForFree="False"), LONG, "paywalled", False, "json-ld"),       # walled, but the text is all there
    ("", PROSE + "<p>Subscribe to continue reading this story.</p>", "paywalled", True, "wall"),
    ("", PROSE + "<div class='box'><p>Il vous reste 80 % de cet article à lire.</p></div>", "paywalled", True, "wall"),
    ("", "<p>Read the full article on example.com</p>" + PROSE + "<p>Read the full article on example.com</p>",
     "unknown", True, "read-more link"),
])
def test_access_and_truncated(head: str, body: str, access: str, truncated: bool, source: str | None) -> None:
    article = cleaner.clean(page(head, body), kind="html")
    assert (article.access, article.truncated, article.stats["sources"].get("access")) == (access, truncated, source)


def test_premium_badges_on_other_articles_do_not_wall_this_one() -> None:
    others = "<ul class='teasers'>" + "".join(
        f"<li><a href='/a{i}'>Other story number {i} about the town</a> Exklusiv für Abonnenten</li>" for i in range(6)) + "</ul>"
    article = cleaner.clean(page(body=LONG) .replace("</footer>", "</footer>" + others), kind="html")
    assert article.access == "free"


def test_every_wall_phrase_holds_one_of_the_hints() -> None:
    # The access check searches for a wall only in lines holding a hint: the hints must be sound.
    from cleaner.metadata.access import WALL, WALL_HINTS

    from .test_rule_matching import _literal_run_covered, sre_parse

    assert _literal_run_covered(sre_parse.parse(WALL.pattern), WALL_HINTS)
