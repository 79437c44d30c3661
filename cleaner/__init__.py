"""cleaner: strip boilerplate from scraped news and blog articles.

>>> import cleaner
>>> article = cleaner.clean("Advertisement\\n\\nThe council approved the budget on Tuesday after a long "
...                         "debate about the cost of the new school and the library.")
>>> article.text
'The council approved the budget on Tuesday after a long debate about the cost of the new school and the library.'
>>> [(r.rule, r.label) for r in article.removed]
[('ADV001', 'advert')]
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import Article, Removal, replay
    from .config import CleanerConfig
    from .engine import Cleaner, clean
    from .errors import (
        BinaryInputError,
        CleanerError,
        ConfigError,
        DecodeError,
        EmptyInputError,
        InputTooLargeError,
    )
    from .rules import REGISTRY
    from .text.normalize import normalize_text

#: Where each public name lives. They are imported on first use (PEP 562), so that `cleaner --version`
#: and the command line's option parsing do not pay for compiling the engine (about 0.4 s).
_LAZY = {
    "Article": "article", "Removal": "article", "replay": "article", "CleanerConfig": "config",
    "Cleaner": "engine", "clean": "engine", "BinaryInputError": "errors", "CleanerError": "errors",
    "ConfigError": "errors", "DecodeError": "errors", "EmptyInputError": "errors",
    "InputTooLargeError": "errors", "REGISTRY": "rules", "normalize_text": "text.normalize",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Article",
    "BinaryInputError",
    "Cleaner",
    "CleanerConfig",
    "CleanerError",
    "ConfigError",
    "DecodeError",
    "EmptyInputError",
    "InputTooLargeError",
    "REGISTRY",
    "Removal",
    "clean",
    "normalize_text",
    "replay",
]

__version__ = "0.1.0"
