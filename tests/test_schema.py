"""The Article's fields are declared once (`article.RECORD_FIELDS`); every schema is derived from them."""

from __future__ import annotations

import dataclasses

from cleaner import clean
from cleaner.article import DERIVED_FIELDS, RECORD_FIELDS, SCALAR_FIELDS, Article
from cleaner.output.records import CSV_COLUMNS

PAGE = ("<html><head><title>Bridge</title><link rel=canonical href='https://example.org/bridge'>"
        "<meta property='og:image' content='/bridge.jpg'></head><body><article><h1>Bridge</h1><p>The mayor opened "
        "the new bridge on Monday, and traffic began to flow across the river for the first time in years.</p>"
        "</article></body></html>")


def test_the_record_is_every_declared_field_and_the_derived_ones() -> None:
    declared = {f.name for f in dataclasses.fields(Article)} - {"normalized_input", "blocks"}
    assert {name for name, _ in RECORD_FIELDS} == declared | {name for name, _ in DERIVED_FIELDS}
    article = clean(PAGE, kind="html", url="https://example.org/bridge?utm=1")
    assert list(article.to_dict()) == [name for name, _ in RECORD_FIELDS]
    assert list(article.to_dict(include_input=True))[-1] == "normalized_input"


def test_csv_has_a_column_for_every_one_value_field() -> None:
    assert set(CSV_COLUMNS) >= {name for name, _ in SCALAR_FIELDS}
    assert {"canonical_url", "image"} <= set(CSV_COLUMNS)
    assert len(CSV_COLUMNS) == len(set(CSV_COLUMNS))


def test_datasets_and_datatrove_offer_every_one_value_field() -> None:
    from cleaner.integrations.datatrove import METADATA_FIELDS, OPTIONAL_FIELDS
    from cleaner.integrations.hf import ARTICLE_COLUMNS

    scalar = {name for name, _ in SCALAR_FIELDS}
    assert set(ARTICLE_COLUMNS) == scalar - {"url"}
    assert set(METADATA_FIELDS) | set(OPTIONAL_FIELDS) == scalar - {"text"}


def test_scrapy_may_copy_every_record_field() -> None:
    from cleaner.integrations.scrapy import ARTICLE_FIELDS

    assert set(ARTICLE_FIELDS) == {name for name, _ in RECORD_FIELDS} | {"markdown"}
