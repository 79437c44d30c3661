"""Hugging Face `datasets`: clean a column of a `Dataset` with `Cleaner.clean`.

`pip install 'article-cleaner[hf]'`.

>>> from datasets import load_dataset                                        # doctest: +SKIP
>>> out = clean_dataset(load_dataset("json", data_files="pages.jsonl")["train"],
...                     column="html", kind="html", url_column="url", num_proc=4)  # doctest: +SKIP
>>> out.filter(lambda row: row["error"] is None)                              # doctest: +SKIP

It returns a new dataset with the input columns plus the article's (`ARTICLE_COLUMNS`; `text`
replaces an input column of that name, as `column="text"` asks), `markdown` when asked for, and
`error` / `error_kind` (null unless the row could not be cleaned: "EmptyInputError: ...", "empty";
"internal" for an unexpected exception). A bad row never stops the map: its article columns are
null (text "", list columns empty) and its error says why. Rows go through `Dataset.map` in batches; with `num_proc`
each process builds its `Cleaner` once (the function shipped to them is a module function, so the
processes need only `cleaner` installed).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..article import SCALAR_FIELDS
from ..config import CleanerConfig
from ..engine import Cleaner
from ..errors import CleanerError, EmptyInputError
from ._extras import missing_extra

try:
    import datasets
except ImportError as _exc:  # pragma: no cover - exercised in a subprocess without datasets
    raise missing_extra("hf", _exc) from _exc

__all__ = ["ARTICLE_COLUMNS", "article_features", "clean_dataset"]

_S = datasets.Value("string")
#: `datasets` types of the Article's one-value fields (`article.SCALAR_FIELDS`); strings otherwise.
_FEATURES = {"bool": datasets.Value("bool"), "float": datasets.Value("float64")}
#: Article fields not added as columns: `url` is the input's own column (`url_column`).
_INPUT_NAMES = ("url",)
#: The columns added (or replaced) for each row, with their types: every one-value field of the Article.
ARTICLE_COLUMNS: dict[str, Any] = {
    name: datasets.Sequence(_S) if kind == "strs" else _FEATURES.get(kind, _S)
    for name, kind in SCALAR_FIELDS if name not in _INPUT_NAMES
}
#: List columns (an empty list on error rows, as authors).
_LISTS = tuple(name for name, kind in SCALAR_FIELDS if kind == "strs")
_ERRORS = {"error": _S, "error_kind": _S}
_KINDS = ("auto", "text", "html")


def article_features(markdown: bool = False) -> dict[str, Any]:
    """Column name -> `datasets` feature type of the columns `clean_dataset` adds."""
    return {**ARTICLE_COLUMNS, **({"markdown": _S} if markdown else {}), **_ERRORS}


@lru_cache(maxsize=4)
def _cleaner_for(config: CleanerConfig) -> Cleaner:
    return Cleaner(config)


def _clean_batch(batch: dict[str, list[Any]], column: str, kind: str, url_column: str | None,
                 config: CleanerConfig, markdown: bool, links: bool) -> dict[str, list[Any]]:
    cleaner = _cleaner_for(config)
    names = list(article_features(markdown))
    out: dict[str, list[Any]] = {name: [] for name in names}
    urls = batch.get(url_column) if url_column else None
    for i, raw in enumerate(batch[column]):
        url = urls[i] if urls is not None else None
        values: dict[str, Any] = {}
        try:
            if raw is None:
                raise EmptyInputError(f"the {column!r} column is null in this row: nothing to clean")
            article = cleaner.clean(raw, kind=kind, url=url if isinstance(url, str) else None)
            values = article.to_dict()
            if markdown:
                from ..output import to_markdown

                values["markdown"] = to_markdown(article, links=links, images=links)
            values["error"] = values["error_kind"] = None
        except Exception as exc:  # a bad row costs that row, never the map
            values = {"text": "", **{name: [] for name in _LISTS}, "error": f"{type(exc).__name__}: {exc}",
                      "error_kind": exc.kind if isinstance(exc, CleanerError) else "internal"}
        for name in names:
            out[name].append(values.get(name))
    return out


def clean_dataset(ds: "datasets.Dataset", column: str = "html", *, kind: str = "auto", url_column: str | None = "url",
                  config: CleanerConfig | None = None, markdown: bool = False, links: bool = False,
                  num_proc: int | None = None, batch_size: int = 64, **map_kwargs: Any) -> "datasets.Dataset":
    """Clean `ds[column]` (str or bytes: raw HTML or scraped text) row by row; see the module docstring.

    `url_column`: the page URL (metadata, link resolution), ignored when the dataset has no such column.
    `markdown=True` adds a `markdown` column (`links=True`: with the article's links and images).
    Other keyword arguments go to `Dataset.map` (`desc`, `load_from_cache_file`, ...)."""
    if not isinstance(ds, datasets.Dataset):
        raise TypeError(f"clean_dataset takes a datasets.Dataset (a DatasetDict: clean each split), not {type(ds).__name__}")
    if column not in ds.column_names:
        raise ValueError(f"no column {column!r} in the dataset; its columns are {', '.join(ds.column_names)}")
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(_KINDS)}, not {kind!r}")
    if url_column is not None and url_column not in ds.column_names:
        url_column = None
    added = article_features(markdown)
    features = datasets.Features({**{k: v for k, v in ds.features.items() if k not in added}, **added})
    return ds.map(
        _clean_batch, batched=True, batch_size=batch_size, num_proc=num_proc, features=features,
        fn_kwargs={"column": column, "kind": kind, "url_column": url_column, "config": config or CleanerConfig(),
                   "markdown": markdown, "links": links},
        **map_kwargs,
    )
