"""Publisher (site name) in text mode, found from the text's own evidence (cleaner/metadata/publisher.py)."""

from __future__ import annotations

import cleaner

BODY = ("The council voted on Tuesday night to keep the town pool open for at least another five years, "
        "after a long campaign by swimmers and parents.\n\n"
        "The repairs will cost about 1.4 million pounds, which the council will borrow and repay over twenty years.\n\n")


def test_title_suffix_confirmed_by_a_line_of_its_own() -> None:
    text = "Council votes to keep town pool open | News | Riverside Gazette\n\n" + BODY + "Riverside Gazette\n\nContact us\n"
    article = cleaner.clean(text, kind="text")
    assert article.publisher == "Riverside Gazette"
    assert article.stats["publisher_from"] == "title"
    assert "Council votes to keep town pool open" not in (article.publisher or "")


def test_site_first_in_the_title_when_the_host_confirms_it() -> None:
    text = "Pluralsight Tech Blog | Managing Python Environments\n\n" + BODY
    article = cleaner.clean(text, kind="text", url="https://www.pluralsight.com/tech-blog/managing-python")
    assert article.publisher == "Pluralsight Tech Blog"


def test_copyright_footer_with_a_year_names_the_site_but_a_photo_credit_does_not() -> None:
    footer = cleaner.clean(BODY + "Copyright © 2019 Salon.com, LLC. Reproduction without permission is prohibited.\n", kind="text")
    assert footer.publisher == "Salon.com" and footer.stats["publisher_from"] == "copyright"
    credit = cleaner.clean(BODY + "Images source: © East News | Evgenia Novozhenina\n", kind="text")
    assert credit.publisher is None


def test_url_host_is_the_last_resort_and_none_without_evidence() -> None:
    article = cleaner.clean(BODY, kind="text", url="https://www.netzpolitik.org/2016/some-story")
    assert article.publisher == "netzpolitik.org" and article.stats["publisher_from"] == "url"
    assert cleaner.clean(BODY, kind="text").publisher is None


def test_read_full_article_line_wins() -> None:
    article = cleaner.clean(BODY + "Read Full Article on TheEpochTimes.com\n", kind="text", url="https://example.org/x")
    assert article.publisher == "TheEpochTimes.com" and article.stats["publisher_from"] == "source line"


def test_site_name_as_the_text_spells_it() -> None:
    # "Read Full Article on TheEpochTimes.com" names the site by its domain; a line of the text writes
    # it "The Epoch Times": the publisher is spelled as the text spells it.
    text = "The Epoch Times Header\n\n" + BODY + "Read Full Article on TheEpochTimes.com\n"
    article = cleaner.clean(text, kind="text", url="https://example.org/x")
    assert article.publisher == "The Epoch Times" and article.stats["publisher_from"] == "source line"
