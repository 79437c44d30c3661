"""The Hugging Face `datasets` adapter on a dataset built here (no hub: HF_DATASETS_OFFLINE=1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
datasets = pytest.importorskip("datasets")

import cleaner  # noqa: E402
from cleaner.integrations.hf import clean_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "fixtures" / "cases" / "html_en_markdown_structure" / "input.html").read_text(encoding="utf-8")
TEXT = (ROOT / "fixtures" / "cases" / "en_markdown_text_headings_bullets" / "input.txt").read_text(encoding="utf-8")


def _dataset() -> "datasets.Dataset":
    return datasets.Dataset.from_dict({
        "id": ["page", "story", "empty", "binary", "none"],
        "html": [PAGE, TEXT, "   ", "\x00\x01\x02PK\x03\x04" * 50, None],
        "url": ["https://example.com/news/story.html", None, None, None, None],
    })


@pytest.mark.parametrize("num_proc", [None, 2])
def test_clean_dataset_adds_the_article_columns(num_proc: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path))
    out = clean_dataset(_dataset(), column="html", num_proc=num_proc, markdown=True)
    assert len(out) == 5 and out["id"] == ["page", "story", "empty", "binary", "none"]
    assert {"html", "url", "text", "title", "authors", "markdown", "error", "error_kind"} <= set(out.column_names)
    row = out[0]
    expected = cleaner.clean(PAGE, url="https://example.com/news/story.html")
    assert row["text"] == expected.text and row["title"] == expected.title and row["error"] is None
    assert row["markdown"] == expected.markdown and row["html"] == PAGE
    for name in ("datetime", "date_modified", "tags", "section", "license", "links", "comments", "fingerprint", "access",
                 "truncated", "confidence"):
        assert row[name] == getattr(expected, name), name
    assert out[3]["tags"] == [] and out[3]["confidence"] is None
    assert out[1]["text"] == cleaner.clean(TEXT).text
    assert [r["error_kind"] for r in out][2:] == ["empty", "binary", "empty"]
    assert out[4]["error"].startswith("EmptyInputError") and out[3]["text"] == ""


def test_text_column_is_replaced_by_the_body() -> None:
    ds = datasets.Dataset.from_dict({"text": [TEXT]})
    out = clean_dataset(ds, column="text", kind="text")
    assert out["text"] == [cleaner.clean(TEXT, kind="text").text]


def test_bad_arguments_fail_clearly() -> None:
    ds = _dataset()
    with pytest.raises(ValueError, match="no column 'body'"):
        clean_dataset(ds, column="body")
    with pytest.raises(ValueError, match="kind"):
        clean_dataset(ds, kind="pdf")
    with pytest.raises(TypeError, match="DatasetDict"):
        clean_dataset(datasets.DatasetDict({"train": ds}))
