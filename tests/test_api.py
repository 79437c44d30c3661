"""The library API: clean(), Cleaner, Article, errors, config, and the replayable ledger."""

from __future__ import annotations

import gzip
import json
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import Cleaner, CleanerConfig, normalize_text, replay
from cleaner.errors import (
    BinaryInputError,
    CleanerError,
    ConfigError,
    EmptyInputError,
    InputTooLargeError,
)

ARTICLE = (
    "Local council approves budget\n\n"
    "5 hours ago 1\n\n"
    "The city council approved the new budget on Tuesday after a long debate about the cost of the school.\n\n"
    "Advertisement\n\n"
    "Members said the library would be renovated next year, and that the money for it was already set aside.\n\n"
    "Read Entire Article"
)


def test_clean_returns_article_with_ledger() -> None:
    article = cleaner.clean(ARTICLE)
    assert article.title == "Local council approves budget"
    assert article.paragraphs == [
        "The city council approved the new budget on Tuesday after a long debate about the cost of the school.",
        "Members said the library would be renovated next year, and that the money for it was already set aside.",
    ]
    rules = {r.rule: r.label for r in article.removed}
    assert rules["ADV001"] == "advert"
    assert rules["TIM001"] == "timestamp"
    assert rules["RDM001"] == "read-more"
    assert article.language == "en"
    for r in article.removed:
        assert article.normalized_input[r.start : r.end] == r.text
        assert r.reason


def test_to_dict_is_json_ready() -> None:
    data = cleaner.clean(ARTICLE, url="https://example.com/a").to_dict()
    assert json.loads(json.dumps(data))["url"] == "https://example.com/a"
    assert {"text", "title", "authors", "date", "publisher", "language", "captions", "image_credits", "removed"} <= set(data)
    assert "normalized_input" not in data


def test_article_is_frozen() -> None:
    article = cleaner.clean(ARTICLE)
    with pytest.raises(AttributeError):
        article.text = "x"  # type: ignore[misc]


def test_cleaner_is_picklable_and_deterministic() -> None:
    c = Cleaner(CleanerConfig(reference_date="2025-05-08T12:00:00"))
    clone = pickle.loads(pickle.dumps(c))
    assert clone.config == c.config
    assert clone.clean(ARTICLE).to_dict() == c.clean(ARTICLE).to_dict()
    assert c.clean(ARTICLE).date == "2025-05-08"  # "5 hours ago" against the reference date


def test_bytes_in_other_encodings() -> None:
    text = "Überschrift der Seite\n\nDie Bürgerinnen und Bürger der Stadt haben am Sonntag über das neue Schwimmbad abgestimmt, und die Mehrheit war dafür."
    for encoding in ("utf-8", "utf-16", "cp1252"):
        article = cleaner.clean(text.encode(encoding), kind="text")
        assert "Bürgerinnen" in article.text, encoding


def test_html_input_is_sniffed_and_cleaned() -> None:
    html = (
        "<html><head><title>Budget | Town News</title><meta property='og:site_name' content='Town News'></head>"
        "<body><nav><a href='/'>Home</a></nav><h1>Budget approved</h1>"
        "<p>The city council approved the new budget on Tuesday after a long debate about the school.</p>"
        "<p>Advertisement</p><p>Members said the library would be renovated next year with the money.</p></body></html>"
    )
    article = cleaner.clean(html)
    assert article.kind == "html"
    assert "approved the new budget" in article.text
    assert "Advertisement" not in article.text
    assert article.publisher == "Town News"


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (b"", EmptyInputError),
        ("   \n\n  ", EmptyInputError),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, BinaryInputError),
        # mtime=0: the same bytes (and test id) in every pytest-xdist worker.
        (gzip.compress(b"hello world", mtime=0), BinaryInputError),
        (bytes(range(256)) * 64, BinaryInputError),
    ],
)
def test_bad_input_raises_clear_errors(raw: bytes | str, error: type[CleanerError]) -> None:
    with pytest.raises(error) as info:
        cleaner.clean(raw)
    assert str(info.value)


def test_huge_single_line_is_refused_then_handled_when_allowed() -> None:
    line = "word " * 4_000_000  # 20 MB on one line
    with pytest.raises(InputTooLargeError):
        cleaner.clean(line)
    article = Cleaner(CleanerConfig(max_input_bytes=64 * 1024 * 1024)).clean(line)
    assert article.text.startswith("word word")


def test_kind_must_be_known() -> None:
    with pytest.raises(ValueError):
        cleaner.clean("x", kind="pdf")


def test_config_from_toml_and_validation(tmp_path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text('[cleaner]\nreference_date = "2025-01-01"\ndisabled_rules = ["ADV"]\n')
    config = CleanerConfig.from_toml(path)
    assert config.reference_date == "2025-01-01"
    assert not config.rule_enabled("ADV001")
    article = Cleaner(config).clean(ARTICLE)
    assert "Advertisement" in article.text
    with pytest.raises(ConfigError):
        CleanerConfig().replace(no_such_field=1)
    with pytest.raises(ConfigError):
        CleanerConfig(date_order="YMD")


def test_a_removed_config_field_says_why(tmp_path) -> None:
    # max_rule_line_chars was accepted and never read: passing it now fails, naming the reason.
    path = tmp_path / "cleaner.toml"
    path.write_text("max_rule_line_chars = 300\n")
    with pytest.raises(ConfigError, match="max_rule_line_chars: removed: it was never read"):
        CleanerConfig.from_toml(path)
    with pytest.raises(ConfigError, match="never read"):
        CleanerConfig().replace(max_rule_line_chars=300)


def test_registry_ids_are_unique_and_documented() -> None:
    ids = [r.id for r in cleaner.REGISTRY]
    assert len(ids) == len(set(ids))
    assert all(r.reason and r.label for r in cleaner.REGISTRY)


def test_normalize_odd_spaces_and_line_endings() -> None:
    assert normalize_text("a\u00a0b\u2009c\r\nd\re\u200bf\u00adg") == "a b c\nd\nefg"


_TEXT = st.lists(
    st.sampled_from(
        list("abc XYZ.,!?\n\n\u00a0\u200b\t\r©/|:0123456789")
        + ["Advertisement", "Read more", "By John Smith", "Getty Images", "5 hours ago", "Related Articles",
           "The council met on Monday and agreed the plan for the new park. "]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_replay_of_the_ledger_gives_the_body(raw: str) -> None:
    try:
        article = cleaner.clean(raw, kind="text")
    except EmptyInputError:
        return
    assert replay(article.normalized_input, article.removed) == article.text
    for r in article.removed:
        assert 0 <= r.start < r.end <= len(article.normalized_input)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_an_article_or_a_cleaner_error(data: bytes) -> None:
    try:
        article = cleaner.clean(data)
    except CleanerError:
        return
    assert isinstance(article.text, str)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_normalize_is_idempotent_and_keeps_line_count(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\u00a0" not in once


def test_date_from_the_url_when_the_text_has_none() -> None:
    text = "The council approved the new budget on Tuesday after a long debate about the cost of the school."
    assert cleaner.clean(text, url="https://news.example/2024/03/12/budget").date == "2024-03-12"
    assert cleaner.clean(text, url="https://news.example/politics/budget").date is None
