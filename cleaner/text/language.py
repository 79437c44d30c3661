"""Cheap language identification from function words, using jusText's stoplists; Chinese, Japanese,
Korean and Thai by their scripts (`scripts.script_language`).

Counting stopword hits per language over the document's tokens is enough to tell the languages
the cleaner cares about apart, costs one dict lookup per token, and gives the stopword set that the
heuristics need anyway.
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter

import justext
import regex

from .scripts import script_language

#: jusText stoplist name -> ISO 639-1 code, for the languages detected by default.
STOPLISTS: dict[str, str] = {
    "English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
    "Portuguese": "pt", "Dutch": "nl", "Polish": "pl", "Czech": "cs", "Slovak": "sk",
    "Danish": "da", "Swedish": "sv", "Norwegian_Bokmal": "no", "Finnish": "fi", "Hungarian": "hu",
    "Romanian": "ro", "Croatian": "hr", "Slovenian": "sl", "Serbian": "sr", "Bulgarian": "bg",
    "Russian": "ru", "Ukrainian": "uk", "Greek": "el", "Turkish": "tr", "Catalan": "ca",
    "Estonian": "et", "Latvian": "lv", "Lithuanian": "lt", "Indonesian": "id", "Vietnamese": "vi",
    "Arabic": "ar", "Persian": "fa", "Hebrew": "he", "Hindi": "hi", "Afrikaans": "af",
    "Icelandic": "is", "Irish": "ga", "Welsh": "cy", "Basque": "eu", "Galician": "gl",
    "Luxembourgish": "lb", "Malay": "ms", "Swahili": "sw", "Tagalog": "tl", "Korean": "ko",
}

WORD = regex.compile(r"\w+")
#: Tokens read for detection; more adds cost without changing the answer.
_DETECT_TOKENS = 4000


class LanguageModel:
    """Stopword sets for many languages and a detector over them. Built once per Cleaner."""

    def __init__(self) -> None:
        self.stopwords: dict[str, frozenset[str]] = {}
        index: dict[str, list[str]] = {}
        for name, code in STOPLISTS.items():
            words = frozenset(w.lower() for w in justext.get_stoplist(name))
            self.stopwords[code] = words
            for word in words:
                index.setdefault(word, []).append(code)
        # Words shared by many languages tell nothing; weight each hit by 1/len(languages).
        self._index = {w: (codes, 1.0 / len(codes)) for w, codes in index.items()}

    def detect(self, text: str) -> str | None:
        """The ISO 639-1 code of `text`'s language, or None (see `detect_source`)."""
        return self.detect_source(text)[0]

    def detect_source(self, text: str) -> tuple[str | None, str | None]:
        """(ISO 639-1 code, how it was found): Chinese, Japanese, Korean and Thai by the share of
        their scripts' characters ("script"), the others by the stopwords that dominate ("stopwords")."""
        code = script_language(text)
        if code is not None:
            return code, "script"
        code = self._by_stopwords(text)
        return code, "stopwords" if code else None

    def _by_stopwords(self, text: str) -> str | None:
        tokens = WORD.findall(text[:30_000].lower())[:_DETECT_TOKENS]
        if len(tokens) < 5:
            return None
        scores = self._scores(Counter(tokens))
        if not scores:
            return None
        code, score = max(scores.items(), key=itemgetter(1))  # the first of equal scores, as most_common
        if score < 3 or score < 0.04 * len(tokens):
            return None
        return code

    def _scores(self, counts: Counter[str]) -> dict[str, float]:
        """Per language, the weighted stopword hits among `counts`' tokens.

        Only the tokens that are stopwords somewhere (a few hundred of a page's thousand distinct
        tokens) are visited, in the order first seen, so that each language's score is summed in
        the same order as token by token."""
        index = self._index
        scores: dict[str, float] = {}
        so_far = scores.get
        for token in filter(index.__contains__, counts):
            codes, weight = index[token]
            gain = weight * counts[token]
            for code in codes:
                scores[code] = so_far(code, 0) + gain
        return scores

    def stopwords_for(self, code: str | None) -> frozenset[str]:
        return self.stopwords.get(code or "", frozenset())
