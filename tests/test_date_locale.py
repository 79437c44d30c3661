"""The page's locale decides the order of day and month in all-numeric dates (cleaner/metadata/locale.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import cleaner
from cleaner import CleanerConfig
from cleaner.errors import ConfigError
from cleaner.metadata.locale import markup_date_order, printed_date_order

US_PAGE = (Path(__file__).parent.parent / "fixtures/cases/html_en_us_date_order/input.html").read_text()


@pytest.mark.parametrize(
    ("tags", "order"),
    [
        (["en-US"], "MDY"),
        (["en_US"], "MDY"),
        (["en-us"], "MDY"),
        (["en-GB"], "DMY"),
        (["de-DE"], "DMY"),
        (["en", "en_US"], "MDY"),  # a bare language says nothing; the next tag decides
        (["en-GB", "en_US"], "DMY"),  # the first tag with a region decides
        (["en"], None),
        ([None, "", "es-419"], None),  # no letter region
    ],
)
def test_markup_tags(tags: list[str | None], order: str | None) -> None:
    assert markup_date_order(tags) == order


@given(st.lists(st.one_of(st.none(), st.text(max_size=20), st.integers())))
def test_markup_tags_never_raise(tags: list[object]) -> None:
    assert markup_date_order(tags) in (None, "MDY", "DMY")  # type: ignore[arg-type]


def test_printed_dates() -> None:
    # Only when a numeric date could be read both ways does the order matter.
    assert printed_date_order("Posted January 9, 2017", "en") is None
    assert printed_date_order("Posted 01-09-17. First cut on August 14, 2016.", "en") == "MDY"
    assert printed_date_order("Posted 01-09-17. First cut on 14 August 2016.", "en") == "DMY"
    assert printed_date_order("Posted 01-09-17. Cut on 14 August 2016, reopened on August 20, 2016.", "en") is None
    assert printed_date_order("Posted 01-09-17. Read on 01/19/2017.", "en") == "MDY"  # only month first
    assert printed_date_order("Posted 01-09-17. Read on 01/19/2017.", "fr") is None  # not English
    assert printed_date_order("Posted 01-09-17. Read on 19/01/2017.", "en") == "DMY"  # only day first
    # Month-first words count on English pages only.
    assert printed_date_order("Veröffentlicht am 01.09.17, Titel: Update, August 14, 2016", "de") is None


def test_printed_dates_outrank_an_american_tag() -> None:
    british = US_PAGE.replace("since the summer.", "since 14 August 2016.")
    assert cleaner.clean(british, kind="html").date == "2017-09-01"


def test_configured_order_overrules_the_page() -> None:
    assert cleaner.clean(US_PAGE, kind="html").date == "2017-01-09"
    assert cleaner.clean(US_PAGE, kind="html", config=CleanerConfig(date_order="DMY")).date == "2017-09-01"
    assert cleaner.clean(US_PAGE, kind="html", config=CleanerConfig(date_order="MDY")).date == "2017-01-09"


def test_an_american_locale_on_a_page_in_another_language_is_a_default() -> None:
    german = (Path(__file__).parent.parent / "fixtures/cases/de_date_order_day_first/input.txt").read_text()
    title, *paragraphs = [p for p in german.split("\n\n") if p.strip()]
    page = ('<html lang="en-US"><head><meta property="og:locale" content="en_US"><title>' + title + "</title></head>"
            "<body><article><h1>" + title + "</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    article = cleaner.clean(page, kind="html")
    assert article.language == "de" and article.date == "2017-09-01"


def test_config_values() -> None:
    assert CleanerConfig().date_order == "auto"
    with pytest.raises(ConfigError):
        CleanerConfig(date_order="YMD")
