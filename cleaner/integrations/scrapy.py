"""Scrapy item pipeline: clean one item field (text or HTML) with `Cleaner.clean` as items are scraped.

Enable it and point it at the field your spider fills::

    ITEM_PIPELINES = {"cleaner.integrations.scrapy.CleanerPipeline": 300}
    CLEANER_INPUT_FIELD = "html"        # field holding the page (str or bytes)

The pipeline only adapts: every decision is the engine's. It works on any item type `itemadapter`
knows (dicts, `scrapy.Item`, dataclasses, attrs) and mirrors the removal counters into
`crawler.stats` under `cleaner/` (`cleaner/removed/ADV001`, `cleaner/errors/empty`, ...).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from ..article import RECORD_FIELDS, Article
from ..config import CleanerConfig
from ..engine import Cleaner
from ..errors import CleanerError, ConfigError, MalformedRecordError
from ._extras import missing_extra

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem, NotConfigured
except ImportError as _exc:  # pragma: no cover - exercised in a subprocess without Scrapy
    raise missing_extra("scrapy", _exc) from _exc

__all__ = ["CleanerPipeline", "PipelineSettings"]

logger = logging.getLogger(__name__)

#: Article fields a pipeline can copy onto items (`Article.to_dict()` keys; `markdown` (the body as
#: Markdown), `fingerprint` and `confidence` are computed only when asked for).
ARTICLE_FIELDS = tuple(name for name, _ in RECORD_FIELDS) + ("markdown",)
#: Copied onto the item by default, each under its own name.
DEFAULT_FIELDS = ("text", "title", "authors", "date", "publisher", "language", "description",
                  "captions", "image_credits")


@dataclass(frozen=True)
class PipelineSettings:
    """The `CLEANER_*` settings, read and checked once when the crawler starts."""

    input_field: str = "html"
    url_field: str | None = "url"
    kind: str = "auto"
    #: Article field -> item field. Ignored when `output_field` is set.
    fields: dict[str, str] = field(default_factory=lambda: {name: name for name in DEFAULT_FIELDS})
    #: Put the whole `Article.to_dict()` into this one item field instead of separate fields.
    output_field: str | None = None
    #: Item field that receives "ErrorType: message" when a document fails; None to not write it.
    error_field: str | None = "cleaner_error"
    drop_empty: bool = False
    #: Remove the raw page from the item once cleaned (default): it is bulky, and a page in bytes
    #: (`response.body`) cannot go into a JSON, JSON Lines or CSV feed at all.
    drop_input: bool = True
    config: CleanerConfig = field(default_factory=CleanerConfig)

    def __post_init__(self) -> None:
        if self.kind not in ("auto", "text", "html"):
            raise ConfigError(f"CLEANER_KIND must be 'auto', 'text' or 'html', not {self.kind!r}")
        unknown = set(self.fields) - set(ARTICLE_FIELDS)
        if unknown:
            raise ConfigError(
                f"CLEANER_FIELDS names unknown Article field(s) {sorted(unknown)}; "
                f"choose from {', '.join(ARTICLE_FIELDS)}"
            )

    @classmethod
    def from_settings(cls, settings: Any) -> "PipelineSettings":
        """Read `CLEANER_*` from Scrapy settings (values from `-s NAME=...` arrive as strings)."""
        config = CleanerConfig()
        if settings.get("CLEANER_CONFIG_FILE"):
            config = CleanerConfig.from_toml(settings.get("CLEANER_CONFIG_FILE"))
        overrides = settings.getdict("CLEANER_CONFIG")
        if overrides:
            config = config.replace(**overrides)
        raw_fields = settings.get("CLEANER_FIELDS")
        if raw_fields is None:
            fields = {name: name for name in DEFAULT_FIELDS}
        elif isinstance(raw_fields, dict) or (isinstance(raw_fields, str) and raw_fields.lstrip().startswith("{")):
            fields = {str(k): str(v) for k, v in settings.getdict("CLEANER_FIELDS").items()}
        else:
            fields = {name: name for name in settings.getlist("CLEANER_FIELDS")}
        return cls(
            input_field=settings.get("CLEANER_INPUT_FIELD", "html"),
            url_field=settings.get("CLEANER_URL_FIELD", "url") or None,
            kind=settings.get("CLEANER_KIND", "auto"),
            fields=fields,
            output_field=settings.get("CLEANER_OUTPUT_FIELD") or None,
            error_field=settings.get("CLEANER_ERROR_FIELD", "cleaner_error") or None,
            drop_empty=settings.getbool("CLEANER_DROP_EMPTY", False),
            drop_input=settings.getbool("CLEANER_DROP_INPUT", True),
            config=config,
        )


class CleanerPipeline:
    """Clean `item[CLEANER_INPUT_FIELD]` and write the body and metadata back onto the item."""

    def __init__(self, settings: PipelineSettings | None = None, stats: Any = None) -> None:
        self.settings = settings or PipelineSettings()
        self.cleaner = Cleaner(self.settings.config)
        self.stats = stats
        self._warned: set[type] = set()
        self._warned_bytes = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> "CleanerPipeline":
        if not crawler.settings.getbool("CLEANER_ENABLED", True):
            raise NotConfigured("CLEANER_ENABLED is False")
        return cls(PipelineSettings.from_settings(crawler.settings), crawler.stats)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean one item. `spider` is optional: older Scrapy releases pass it, newer ones do not."""
        s = self.settings
        adapter = ItemAdapter(item)
        raw = adapter.get(s.input_field)
        if raw is None:
            self._inc("cleaner/skipped/no_input")
            return item
        url = adapter.get(s.url_field) if s.url_field else None
        if isinstance(raw, (bytes, bytearray)) and not s.drop_input and not self._warned_bytes:
            self._warned_bytes = True
            logger.warning("CLEANER_DROP_INPUT is False and item field %r holds bytes: JSON, JSON Lines and CSV "
                           "feeds cannot export bytes, and Scrapy leaves such items out of the feed (set "
                           "CLEANER_DROP_INPUT = True, or put the page in the item as str)", s.input_field)
        try:
            if not isinstance(raw, (str, bytes)):
                raise MalformedRecordError(f"the item field {s.input_field!r} holds {type(raw).__name__}, "
                                           "not the page as str or bytes")
            article = self.cleaner.clean(raw, kind=s.kind, url=url if isinstance(url, str) else None)
        except Exception as exc:  # a bad item (or a bug) costs that item, never the crawl
            kind = exc.kind if isinstance(exc, CleanerError) else "internal"
            self._inc(f"cleaner/errors/{kind}")
            logger.debug("cleaner could not clean %s: %s", url, exc)
            if s.drop_empty:
                self._inc("cleaner/dropped/error")
                raise DropItem(f"cleaner: {type(exc).__name__}: {exc} ({url})") from exc
            self._write(adapter, {s.error_field: f"{type(exc).__name__}: {exc}"} if s.error_field else {})
            return item
        self._count(article)
        if s.drop_empty and not article.text:
            self._inc("cleaner/dropped/empty")
            raise DropItem(f"cleaner: no article body left after cleaning ({url})")
        if s.output_field:
            values: dict[str, Any] = {s.output_field: article.to_dict()}
        else:
            # Only the fields asked for (markdown, the fingerprint and the confidence are computed on first read).
            values = {item_field: _value(article, name) for name, item_field in s.fields.items()}
        if s.error_field:
            values[s.error_field] = None
        self._write(adapter, values)
        return item

    def _write(self, adapter: Any, values: dict[str, Any]) -> None:
        """Set the values the item can hold; warn once per item class about fields it does not declare.

        With CLEANER_DROP_INPUT the input field goes first (blanked on fixed-schema items, which
        cannot lose a field), so raw pages do not reach the feed, whether cleaning worked or not.
        """
        field_name = self.settings.input_field
        if self.settings.drop_input and field_name not in values:
            if ItemAdapter.get_field_names_from_class(type(adapter.item)) is None:
                del adapter[field_name]
            else:
                adapter[field_name] = None
        declared = ItemAdapter.get_field_names_from_class(type(adapter.item))
        missing = [] if declared is None else [k for k in values if k not in declared]
        if missing and type(adapter.item) not in self._warned:
            self._warned.add(type(adapter.item))
            logger.warning(
                "%s does not declare field(s) %s: cleaner leaves them out (declare them, or set "
                "CLEANER_FIELDS / CLEANER_OUTPUT_FIELD / CLEANER_ERROR_FIELD)",
                type(adapter.item).__name__, ", ".join(missing),
            )
        for key, value in values.items():
            if key not in missing:
                adapter[key] = value

    def _count(self, article: Article) -> None:
        self._inc("cleaner/items")
        self._inc("cleaner/chars/in", article.stats.get("input_chars", 0))
        self._inc("cleaner/chars/out", len(article.text))
        for rule, n in article.stats.get("removed_by_rule", {}).items():
            self._inc(f"cleaner/removed/{rule}", n)

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, count)


def _value(article: Article, name: str) -> Any:
    """One field as `Article.to_dict()` gives it (lists copied, the ledger as dicts)."""
    value = getattr(article, name)
    if name == "removed":
        return [r.to_dict() for r in value]
    if isinstance(value, (list, dict)):
        return type(value)(value)
    return value
