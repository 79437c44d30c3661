"""No metadata input can cost the article its body (issue 26).

Malformed claims (JSON-LD of any shape, <meta> tags, dates with impossible offsets, names of any
length and alphabet, <time> elements) are fed through `cleaner.clean` on a page whose body is known:
the body must be the one the page has without them, and no exception may escape. Text mode gets odd
date and byline lines: they may be read as metadata lines (and leave the body), but never raise.
"""

from __future__ import annotations

import html as html_lib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.metadata.dates import iso_date, iso_datetime, url_date

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

PARAGRAPHS = [
    "The first ferry in two years left the harbour on Monday morning, carrying forty passengers and a delivery "
    "van to the island, whose residents had relied on a weekly supply boat since the old vessel was retired.",
    "The county bought the new ferry last spring after a long dispute over its cost, and the crew spent the "
    "summer training on the short crossing, which takes about twenty minutes in calm weather.",
    "Islanders who met the boat at the pier said the daily service would let their children attend the high "
    "school on the mainland again without boarding there during the week.",
]


def page(head: str = "", byline: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>Ferry service returns | Coast Courier</title>{head}</head><body><article>"
            f"<h1>Ferry service returns to the island</h1>{byline}{body}</article></body></html>")


PLAIN_BODY = cleaner.clean(page(), kind="html").text

# -- hostile pieces ---------------------------------------------------------------------------------
_digits = st.text("0123456789", min_size=1, max_size=6)
stamps = st.one_of(
    st.builds(lambda y, m, d, h, mi, sign, off: f"{y}-{m}-{d}T{h}:{mi}{sign}{off}",
              st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99), st.integers(0, 99), st.integers(0, 99),
              st.sampled_from(["+", "-", "", "Z", " "]), st.one_of(_digits, st.just("05:30"), st.just("99:99"))),
    st.sampled_from(["2018-10-29T10:15-500", "2018-10-29T10:15+5000", "2019-02-30", "0000-00-00T00:00:00Z",
                     "Mon, 32 Foo 2019 25:61:00 +9999", "20181029", "29.02.2019", "1e400", "null", "", " "]),
    st.text(max_size=40),
)
names = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["Gillman, Steve", "ORCID Profile", "View ORCID Profile", "mikecason", "By", "Von:", "&amp;",
                     "x" * 5000, "Condé Nast", "http://example.com/author/1", "", "{", "\u202e\u0000"]),
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), names, stamps),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(
        st.sampled_from(["@type", "name", "author", "datePublished", "dateModified", "headline", "publisher",
                         "image", "url", "description", "@graph", "inLanguage", "keywords"]), inner, max_size=5)),
    max_leaves=12,
)


def _attr(value: str) -> str:
    return html_lib.escape(value, quote=True)


@st.composite
def hostile_head(draw: st.DrawFn) -> str:
    parts = []
    ld = draw(json_values)
    raw = draw(st.sampled_from(["json", "broken", "cdata"]))
    text = json.dumps(ld, allow_nan=True) if raw != "broken" else json.dumps(ld)[:-1] + "{"
    if raw == "cdata":
        text = f"//<![CDATA[ {text} //]]>"
    text = text.replace("</", "<\\/")  # (a "</script>" inside a name would end the script)
    parts.append(f'<script type="application/ld+json">{text}</script>')
    for key in draw(st.lists(st.sampled_from(["article:published_time", "author", "og:site_name", "description",
                                              "og:title", "article:modified_time", "og:image", "date"]), max_size=4)):
        parts.append(f'<meta property="{key}" content="{_attr(draw(st.one_of(stamps, names)))}">')
    return "".join(parts)


@SETTINGS
@given(hostile_head())
def test_malformed_claims_never_cost_the_body(head: str) -> None:
    article = cleaner.clean(page(head), kind="html")
    assert article.text == PLAIN_BODY


@SETTINGS
@given(stamps, names)
def test_malformed_time_and_byline_elements_never_cost_the_body(stamp: str, name: str) -> None:
    # (in an <aside>: the page's markup keeps them out of the body, whatever they say)
    extra = (f'<aside><time datetime="{_attr(stamp)}">{html_lib.escape(stamp)}</time>'
             f'<span class="author">{html_lib.escape(name)}</span></aside>')
    article = cleaner.clean(page(byline=extra), kind="html")
    assert article.text == PLAIN_BODY


@SETTINGS
@given(stamps, names)
def test_odd_date_and_byline_lines_in_text_never_raise(stamp: str, name: str) -> None:
    text = f"Ferry service returns\n\nBy {name}\n\n{stamp}\n\n" + "\n\n".join(PARAGRAPHS)
    article = cleaner.clean(text, kind="text")
    assert PARAGRAPHS[-1] in article.text


@SETTINGS
@given(stamps, st.sampled_from([None, "Europe/Berlin", "Nowhere/Atlantis"]))
def test_date_readers_are_total(stamp: str, zone: str | None) -> None:
    day = iso_date(stamp, zone)
    stamp_read = iso_datetime(stamp, zone)
    assert (day is None) == (stamp_read is None)
    assert day is None or (len(day) == 10 and stamp_read is not None and stamp_read[:10] == day)
    found = url_date(f"https://example.com/{stamp}/story")
    assert found is None or found[:4] >= "1991"


def test_offset_without_colon_is_read() -> None:
    assert iso_datetime("2018-10-29T10:15-500") == "2018-10-29T10:15:00-05:00"
    assert iso_datetime("2018-10-29T10:15+0530") == "2018-10-29T10:15:00+05:30"
    assert iso_datetime("2018-10-29T10:15+50") == "2018-10-29T10:15:00"  # no zone is 50 hours off
