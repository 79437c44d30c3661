"""`Article.stats` is built from a typed `Stats` (`cleaner.stats`): what it writes, in what order."""

from __future__ import annotations

import cleaner
from cleaner.stats import Stats

TEXT = ("Advertisement\n\nThe mayor opened the new bridge on Monday, and traffic began to flow across the "
        "river for the first time in two years.\n\nShare this article")
HTML = ("<html><body><article><h1>Bridge opens</h1><p>The mayor opened the new bridge on Monday, and traffic "
        "began to flow across the river for the first time in two years.</p></article></body></html>")


def test_the_counts_come_first_and_the_sources_last() -> None:
    stats = cleaner.clean(TEXT, kind="text").stats
    assert list(stats)[:5] == ["input_chars", "output_chars", "segments", "kept_segments", "removed_by_rule"]
    assert list(stats)[-1] == "sources"
    assert "html_container" not in stats and "capped" not in stats


def test_an_html_page_always_names_its_container_even_when_there_is_none() -> None:
    stats = cleaner.clean(HTML, kind="html").stats
    assert list(stats)[5:8] == ["html_elements", "html_blocks", "html_collapsed"]
    assert "html_container" in stats
    assert "html_container" in cleaner.clean("<html><body><p>Hi.</p></body></html>", kind="html").stats


def test_a_note_of_the_chooser_without_a_field_is_kept_not_lost() -> None:
    stats = Stats()
    stats.add_chooser_notes({"date_from": "htmldate", "new_note": 1})
    out = stats.to_dict()
    assert out["date_from"] == "htmldate" and out["new_note"] == 1


def test_every_field_is_written_when_it_holds_something() -> None:
    import dataclasses

    full = Stats(layout="markdown", html_elements=1, html_blocks=1, html_collapsed=0, retry="noscript",
                 fallback="trafilatura", body_from="json-ld", html_container=3, truncated="max_html_nodes",
                 capped={"max_lines": 1}, date_from="htmldate", publisher_from="title",
                 metadata_errors={"date": "ValueError"}, sources={"title": "h1"}, html=True)
    names = [f.name for f in dataclasses.fields(Stats) if f.name not in ("html", "other_notes")]
    assert list(full.to_dict()) == names  # declaration order
