"""cleaner: strip boilerplate from scraped news and blog articles.

>>> import cleaner
>>> article = cleaner.clean("Advertisement\\n\\nThe council approved the budget on Tuesday after a long "
...                         "debate about the cost of the new school and the library.")
>>> article.text
'The council approved the budget on Tuesday after a long debate about the cost of the new school and the library.'
>>> [(r.rule, r.label) for r in article.removed]
[('ADV001', 'advert')]
"""

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
