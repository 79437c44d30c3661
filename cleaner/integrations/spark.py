"""Spark adapter: clean a DataFrame column with `Cleaner.clean`, in Arrow batches.

`mapInArrow` hands each Python worker whole Arrow record batches, so the per-row cost is the cleaning
itself, not Spark<->Python conversion. The compiled `Cleaner` is built once per worker process and
config (`_cleaner_for`), not once per row or batch; the function shipped to executors is a module
function plus its arguments, so executors only need `article-cleaner[spark]` installed.

>>> out = clean_dataframe(df, input_col="html", kind="html", url_col="url")   # doctest: +SKIP
>>> out.where("error IS NULL").select("url", "title", "text")                  # doctest: +SKIP
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Any, Iterable, Iterator

from ..article import RECORD_FIELDS, Article
from ..config import CleanerConfig
from ..engine import Cleaner
from ..errors import CleanerError, EmptyInputError
from ._extras import missing_extra

try:
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StructType
except ImportError as _exc:  # pragma: no cover - exercised in a subprocess without pyspark
    raise missing_extra("spark", _exc) from _exc

__all__ = ["ERROR_FIELDS", "article_arrow_schema", "article_schema", "clean_dataframe"]

_STR = pa.string()
_REMOVAL = pa.struct([
    ("start", pa.int64()), ("end", pa.int64()), ("label", _STR), ("rule", _STR), ("reason", _STR), ("text", _STR),
])
#: `Article.stats` as a fixed struct; `truncated` is null unless the page hit `max_html_nodes`, and
#: `capped` (cap name -> its value) is empty unless a cap on the input's size cut it short.
_STATS = pa.struct([
    ("input_chars", pa.int64()), ("output_chars", pa.int64()), ("segments", pa.int64()),
    ("kept_segments", pa.int64()), ("removed_by_rule", pa.map_(_STR, pa.int64())), ("truncated", _STR),
    ("capped", pa.map_(_STR, pa.int64())), ("sources", pa.map_(_STR, _STR)),
])
#: Stats fields that are maps (of counts; `sources`: metadata field -> where it came from).
_STAT_MAPS = ("removed_by_rule", "capped", "sources")
#: The Arrow type of each of the Article's value types (`article.FIELD_TYPES`).
_ARROW_TYPES = {"str": _STR, "strs": pa.list_(_STR), "bool": pa.bool_(), "float": pa.float64(),
                "removals": pa.list_(_REMOVAL), "stats": _STATS}
#: One column per field of the Article's record (`article.RECORD_FIELDS`), in its order.
_ARTICLE = [pa.field(name, _ARROW_TYPES[kind]) for name, kind in RECORD_FIELDS]
#: Set only on rows that failed: "ErrorType: message" and the error's `.kind` ("empty", "binary", ...;
#: "internal" for an unexpected exception, which is recorded rather than allowed to kill the job).
ERROR_FIELDS = [pa.field("error", _STR), pa.field("error_kind", _STR)]


def article_arrow_schema(include_input: bool = False) -> list[pa.Field]:
    """The Arrow fields of one cleaned article, in column order."""
    return _ARTICLE + ([pa.field("normalized_input", _STR)] if include_input else [])


def article_schema(include_input: bool = False) -> StructType:
    """The Spark schema of one cleaned article (what `output="struct"` puts in its column)."""
    return from_arrow_schema(pa.schema(article_arrow_schema(include_input)))


def clean_dataframe(
    df: DataFrame,
    input_col: str = "text",
    kind: str = "text",
    url_col: str | None = None,
    output: str = "columns",
    config: CleanerConfig | None = None,
    *,
    struct_col: str = "article",
    include_input: bool = False,
) -> DataFrame:
    """Clean `df[input_col]` (string or binary) and return `df` with the Article fields added.

    `output="columns"`: one column per Article field (text, title, authors, ... removed, kind, stats),
    replacing input columns of the same name. `output="struct"`: one struct column `struct_col`.
    Either way `error`/`error_kind` are null, or say why that row could not be cleaned.
    """
    if output not in ("columns", "struct"):
        raise ValueError(f"output must be 'columns' or 'struct', not {output!r}")
    if kind not in ("auto", "text", "html"):
        raise ValueError(f"kind must be 'auto', 'text' or 'html', not {kind!r}")
    for col in (input_col, url_col):
        if col is not None and col not in df.columns:
            raise ValueError(f"no column {col!r} in the DataFrame (columns: {', '.join(df.columns)})")
    article_fields = article_arrow_schema(include_input)
    if output == "columns":
        new_fields = article_fields + ERROR_FIELDS
    else:
        new_fields = [pa.field(struct_col, pa.struct(article_fields))] + ERROR_FIELDS
    new_names = {f.name for f in new_fields}
    kept = [f for f in df.schema.fields if f.name not in new_names]
    schema = StructType(kept + list(from_arrow_schema(pa.schema(new_fields)).fields))
    fn = partial(
        _clean_batches,
        input_col=input_col, url_col=url_col, kind=kind, config=config or CleanerConfig(),
        article_fields=article_fields, new_fields=new_fields, drop=new_names, struct=output == "struct",
    )
    return df.mapInArrow(fn, schema)


@lru_cache(maxsize=8)
def _cleaner_for(config: CleanerConfig) -> Cleaner:
    # One compiled Cleaner per worker process and config: Spark reuses Python workers across tasks.
    return Cleaner(config)


def _clean_one(cleaner: Cleaner, raw: Any, kind: str, url: Any) -> Article | tuple[str, str]:
    """The Article, or (error message, error kind) for a row that cannot be cleaned."""
    try:
        if raw is None:
            raise EmptyInputError("input is null")
        return cleaner.clean(raw, kind=kind, url=url if isinstance(url, str) else None)
    except CleanerError as exc:
        return f"{type(exc).__name__}: {exc}", exc.kind
    except Exception as exc:  # noqa: BLE001 - one bad document must not kill a job of millions
        return f"{type(exc).__name__}: {exc}", "internal"


def _article_arrays(articles: list[Article | None], fields: list[pa.Field]) -> list[pa.Array]:
    """One Arrow array per Article field, built column-wise (None = a failed row, null everywhere).

    Nested columns are assembled from flat child arrays: converting per-row dicts would cost about
    a fifth of the cleaning time itself.
    """
    arrays: list[pa.Array] = []
    for f in fields:
        if f.name == "removed":
            arrays.append(_removed_array(articles, f.type))
        elif f.name == "stats":
            arrays.append(_stats_array(articles, f.type))
        else:
            arrays.append(pa.array([None if a is None else getattr(a, f.name) for a in articles], type=f.type))
    return arrays


def _struct_fields(struct_type: pa.DataType) -> list[pa.Field]:
    return [struct_type.field(i) for i in range(struct_type.num_fields)]


def _removed_array(articles: list[Article | None], list_type: pa.DataType) -> pa.Array:
    fields = _struct_fields(list_type.value_type)
    children: dict[str, list[Any]] = {f.name: [] for f in fields}
    offsets = [0]
    for article in articles:
        for r in article.removed if article is not None else ():
            for name, values in children.items():
                values.append(getattr(r, name))
        offsets.append(offsets[-1] + (len(article.removed) if article is not None else 0))
    values = pa.StructArray.from_arrays([pa.array(children[f.name], type=f.type) for f in fields], fields=fields)
    return pa.ListArray.from_arrays(
        pa.array(offsets, type=pa.int32()), values, mask=pa.array([a is None for a in articles])
    )


def _stats_array(articles: list[Article | None], struct_type: pa.DataType) -> pa.Array:
    stats = [a.stats if a is not None else None for a in articles]
    children: list[pa.Array] = []
    fields = _struct_fields(struct_type)
    for f in fields:
        if f.name in _STAT_MAPS:
            offsets: list[int] = [0]
            keys: list[str] = []
            values: list[Any] = []
            for s in stats:
                by_key = s.get(f.name, {}) if s else {}
                keys.extend(by_key)
                values.extend(by_key.values())
                offsets.append(len(keys))
            children.append(pa.MapArray.from_arrays(
                pa.array(offsets, type=pa.int32()), pa.array(keys, type=_STR), pa.array(values, type=f.type.item_type)
            ))
        else:
            children.append(pa.array([s.get(f.name) if s else None for s in stats], type=f.type))
    return pa.StructArray.from_arrays(children, fields=fields, mask=pa.array([s is None for s in stats]))


def _clean_batches(
    batches: Iterable[pa.RecordBatch],
    *,
    input_col: str,
    url_col: str | None,
    kind: str,
    config: CleanerConfig,
    article_fields: list[pa.Field],
    new_fields: list[pa.Field],
    drop: set[str],
    struct: bool,
) -> Iterator[pa.RecordBatch]:
    """Runs on the executors: clean every row of every batch and append the result columns."""
    cleaner = _cleaner_for(config)
    for batch in batches:
        raws = batch.column(input_col).to_pylist()
        urls = batch.column(url_col).to_pylist() if url_col else [None] * len(raws)
        articles: list[Article | None] = []
        errors: list[str | None] = []
        error_kinds: list[str | None] = []
        for raw, url in zip(raws, urls):
            result = _clean_one(cleaner, raw, kind, url)
            if isinstance(result, Article):
                articles.append(result)
                errors.append(None)
                error_kinds.append(None)
            else:
                articles.append(None)
                errors.append(result[0])
                error_kinds.append(result[1])
        arrays = _article_arrays(articles, article_fields)
        if struct:
            null = pa.array([a is None for a in articles], type=pa.bool_())
            arrays = [pa.StructArray.from_arrays(arrays, fields=article_fields, mask=null)]
        arrays += [pa.array(errors, type=_STR), pa.array(error_kinds, type=_STR)]
        kept = [i for i, name in enumerate(batch.schema.names) if name not in drop]
        yield pa.RecordBatch.from_arrays(
            [batch.column(i) for i in kept] + arrays,
            schema=pa.schema([batch.schema.field(i) for i in kept] + new_fields),
        )
