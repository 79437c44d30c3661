"""The `Rule` type: a named decision with a stable id, a label and a one-line reason."""

from __future__ import annotations

from dataclasses import dataclass

#: Han ideographs (with extension A and compatibility ideographs), kana, Hangul syllables and jamo,
#: Thai: the scripts of the `cjk` family (`text/scripts.py` measures text in them).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3040-\u30ff\u31f0-\u31ff"
HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
THAI = "\u0e00-\u0e7f"

#: How a rule's pattern is applied to a line.
#: - "line":    the pattern must match the whole line (whitespace collapsed); the line is removed.
#: - "span":    the pattern is searched in the line; only the matched group "x" (or the match) goes.
#: - "section": the whole line opens a section (related stories, comments) that the structure
#:              stage removes together with the teasers that follow it.
#: - "end":     the whole line marks the end of the article ("Read Full Article on ..."); what follows
#:              is not the article.
#: - "code":    the decision is made by code in a pipeline stage (structure, heuristics, metadata);
#:              listed here so that every removal cites a registered id.
SCOPES = ("line", "span", "section", "end", "code")


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule. `pattern` is a case-insensitive regex source unless `case_sensitive`."""

    id: str
    label: str
    reason: str
    pattern: str | None = None
    scope: str = "line"
    case_sensitive: bool = False
    #: Only lines up to this many characters are tried (boilerplate lines are short).
    max_chars: int = 200
    #: Cheap gate: strings one of which is in every line the pattern matches, compared with the
    #: pattern's own case folding (case-sensitive rules list each casing). The pattern is tried only
    #: on lines containing one. Span rules, and the whole-line rules that may start with any
    #: character, use them (tests/test_rule_matching.py checks the whole-line ones against the
    #: pattern). Empty: always tried.
    triggers: tuple[str, ...] = ()
    #: Every line the pattern matches holds a character of the Chinese, Japanese, Korean or Thai
    #: scripts (`HAN`, `KANA`, `HANGUL`, `THAI`), so whole-line matching tries it on no other line
    #: (tests/test_rule_matching.py checks this against the pattern). Some of these rules may start
    #: with a digit or a Latin letter ("12 评论", "APP下载"), which the first characters cannot rule out.
    cjk_only: bool = False

    @property
    def family(self) -> str:
        return self.id[:3]

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"rule {self.id}: unknown scope {self.scope!r}")
        if (self.pattern is None) != (self.scope == "code"):
            raise ValueError(f"rule {self.id}: code rules have no pattern, the others need one")
