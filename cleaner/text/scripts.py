"""Writing systems without spaces between words, or with dense syllables: Chinese, Japanese, Korean, Thai.

The heuristics were built on European text: a word is what lies between spaces, a sentence ends in
".!?", a line of 40 characters is a short one. In Chinese and Japanese a line has no spaces and ends
in "。"; a 40-character Chinese line is a full sentence (a character carries about as much as two
Latin letters). Thai has spaces only between phrases and no sentence-final mark; Korean puts spaces
between words, but its syllable blocks are dense too. This module says which language a text is in
by the share of its characters in each script (jusText's stoplists do not cover zh, ja, th), and
gives the measures the heuristics use for those languages. Everything here is only reached for
documents in these scripts: European text pays one `str.isascii` or one search.
"""

from __future__ import annotations

import re

#: Han ideographs (with extension A and compatibility ideographs), kana, Hangul syllables and jamo, Thai
#: (defined with the rules, which need them too).
from ..rules.base import HAN, HANGUL, KANA, THAI
#: Characters that count twice in a line's length (CJK: about two Latin letters' worth each).
DENSE = re.compile(f"[{HAN}{KANA}{HANGUL}]")
ANY = re.compile(f"[{HAN}{KANA}{HANGUL}{THAI}]")
_HAN = re.compile(f"[{HAN}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_THAI = re.compile(f"[{THAI}]")
#: A separator between a CJK headline and the site's name, written without spaces ("标题-新华网",
#: "蔡健雅_百度百科", "見出し｜NHK"): between two characters of these scripts (or a full-width closer).
_WIDE_CHARS = f"{HAN}{KANA}{HANGUL}{THAI}"
TITLE_SEPARATOR = (
    f"(?:(?<=[{_WIDE_CHARS}！？」』）》])\\s*[-_|｜–—]\\s*(?=[{_WIDE_CHARS}「『（《A-Za-z0-9])"
    f"|(?<=[A-Za-z0-9])\\s*[_|｜]\\s*(?=[{_WIDE_CHARS}「『（《]))"
)
#: Languages whose text is measured by this module's rules (ISO 639-1).
LANGUAGES = frozenset({"zh", "ja", "ko", "th"})
#: Languages written without spaces between words.
UNSPACED = frozenset({"zh", "ja", "th"})
#: Sentence ends of CJK text, and the closing quotes and brackets that may follow them.
SENTENCE_ENDS = "。！？!?．…"
CLOSERS = "」』”’）)】〉》\"' "
#: Thai letters (with their vowel and tone marks) that make a line a clause of prose: Thai marks no
#: sentence end, and a headline runs to 50 or 70.
THAI_SENTENCE = 80
#: Characters read to decide the script (the language detector reads 30,000), and the two probes
#: that decide whether to count them.
SAMPLE = 30_000
_PROBE = 2_000
#: Average characters per word, to count words where no spaces separate them (Japanese is close to
#: Chinese: its kana endings are short).
_CHARS_PER_WORD = {"zh": 1.7, "th": 5.0}


def script_language(text: str) -> str | None:
    """zh, ja, ko or th when characters of that script carry most of `text` (each CJK character
    weighed as two Latin letters); None otherwise, and for text without any such character."""
    sample = text[:SAMPLE]
    if sample.isascii():
        return None
    # Two probes first (the start and the middle): a search through 30,000 characters costs half a
    # millisecond, and a page written in these scripts shows them everywhere.
    middle = len(sample) // 2
    if ANY.search(sample, 0, _PROBE) is None and ANY.search(sample, middle, middle + _PROBE) is None:
        return None
    han = len(_HAN.findall(sample))
    kana = len(_KANA.findall(sample))
    hangul = len(_HANGUL.findall(sample))
    thai = len(_THAI.findall(sample))
    non_space = len(sample) - sum(sample.count(c) for c in " \n\t")
    other = non_space - han - kana - hangul - thai
    if 2 * (han + kana + hangul) + thai < other:
        return None  # a European text quoting a few characters (a name, a place, a phrase)
    if thai > 2 * (han + kana + hangul):
        return "th"
    if hangul >= han + kana:
        return "ko"
    return "ja" if kana >= 0.15 * (han + kana) else "zh"


#: Chinese, Japanese and Korean write all-numeric dates year first ("2025.05.08", "2025/05/08").
_YEAR_FIRST = frozenset({"zh", "ja", "ko"})


def date_order(language: str | None, configured: str) -> str:
    """The order of all-numeric dates in a document: "YMD" for Chinese, Japanese and Korean, else
    the configured one ("DMY" or "MDY")."""
    return "YMD" if language in _YEAR_FIRST else configured


def weighted_length(text: str) -> int:
    """Length with CJK characters counted twice (Thai letters once: Thai is alphabetic)."""
    return len(text) if text.isascii() else len(text) + len(DENSE.findall(text))


def word_count(text: str) -> int:
    """Words: space-separated tokens, and in Chinese, Japanese and Thai their characters divided by
    the average word length ("在抗击疫情的日子里" is about five words). Korean spaces its words."""
    tokens = text.split()
    if text.isascii():
        return len(tokens)
    dense = len(DENSE.findall(text))
    thai = len(_THAI.findall(text))
    if (not dense and not thai) or _HANGUL.search(text):
        return len(tokens)
    spaced = sum(1 for t in tokens if ANY.search(t) is None)
    return spaced + max(1, round(dense / _CHARS_PER_WORD["zh"] + thai / _CHARS_PER_WORD["th"]))


def unspaced_words(text: str) -> int:
    """The words of `text` written in Chinese, Japanese or Thai (0 for any other text)."""
    if text.isascii():
        return 0
    dense = len(DENSE.findall(text)) - len(_HANGUL.findall(text))
    thai = len(_THAI.findall(text))
    return round(dense / _CHARS_PER_WORD["zh"] + thai / _CHARS_PER_WORD["th"])


#: A sentence followed by a short note in brackets: "...英雄的城！（评论员 罗博 萧海川）".
_BRACKETED_TAIL = re.compile(r"[。！？!?][^。！？!?（(]{0,2}[（(][^）)]{1,40}[）)]$")


def ends_sentence(text: str) -> bool:
    """The line ends in a CJK sentence end ("。", "！", "？"), maybe before a closing quote or a short
    note in brackets."""
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and (stripped[-1] in SENTENCE_ENDS or _BRACKETED_TAIL.search(text) is not None)


def is_sentence(text: str, min_chars: int = 6) -> bool:
    """A CJK sentence: at least `min_chars` characters of the script and a sentence end; a Thai
    clause (Thai marks no sentence end): THAI_SENTENCE Thai characters or more."""
    if text.isascii():
        return False
    dense = len(DENSE.findall(text))
    if dense >= min_chars and ends_sentence(text):
        return True
    return len(_THAI.findall(text)) >= THAI_SENTENCE


_BYLINE_LEAD = re.compile(
    r"^[（(【\[]?\s*(?P<word>作者|记者|記者|责任编辑|責任編輯|责编|責編|编辑|編輯|撰文|文|執筆|筆者|편집|작성자|글|ผู้เขียน|เรื่อง|ผู้สื่อข่าว|"
    r"来源|來源|本文来源|本文來源|稿源|出处|出處|出典|출처|ที่มา)\s*[:：/／|｜]?\s*"
)
_REPORTER = re.compile(r"^(?:[^\s]{1,8}\s+)?(?P<names>[^\s]{2,4}(?:\s*·\s*[^\s]{2,4}){0,2})\s*(?:기자|특파원)")
_SOURCE_WORDS = frozenset("来源 來源 本文来源 本文來源 稿源 出处 出處 出典 출처 ที่มา".split())
_NAME_SPLIT = re.compile(r"\s*[、，,;；/／·]\s*|\s+")
#: A second label on the same line ("作者：记者王敬照 编辑：王华军"): the names end there.
_NEXT_LABEL = re.compile(r"\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|来源|來源|作者|摄影|攝影|图|圖)\s*[:：]")
#: Job words before a name ("记者王敬照", "评论员 罗博").
_ROLE = re.compile(r"^(?:记者|記者|评论员|評論員|通讯员|通訊員|特约撰稿人|本报记者|本報記者|新华社记者|新華社記者)\s*")


def byline_names(text: str) -> list[str]:
    """The authors an author or editor line of a CJK or Thai page names ("（责任编辑：焦鹏）" -> 焦鹏,
    "记者 张三 李四", "이재훈 기자"); none for a source line ("来源：新华社"). Thai names keep their spaces."""
    m = _BYLINE_LEAD.match(text)
    if m is not None:
        if m["word"] in _SOURCE_WORDS:
            return []
        rest = text[m.end():].strip(" )）】]")
        cut = _NEXT_LABEL.search(rest)
        if cut is not None:
            rest = rest[: cut.start()]
        rest = _ROLE.sub("", rest.strip())
        if _THAI.search(rest):
            return [rest] if rest else []
        return [name for name in (_ROLE.sub("", n) for n in _NAME_SPLIT.split(rest)) if name]
    m = _REPORTER.match(text)
    return [n.strip() for n in m["names"].split("·") if n.strip()] if m else []
