"""Rules whose decision is code in a pipeline stage rather than one pattern.

They are registered here so that every removal in the ledger cites an id from one table.
"""

from __future__ import annotations

from .base import Rule

#: The extent's verdicts (scoring/extent.py): outside the body by where the line stands, not by what it
#: says; later stages may still read such a line as the headline, a byline or a date line.
EXTENT_RULES = ("EXT001", "EXT002", "EXT003")

RULES: list[Rule] = [
    Rule("MET001", "byline", "author line (the authors go to metadata)", scope="code"),
    Rule("MET002", "dateline", "date line (the date goes to metadata)", scope="code"),
    Rule("MET003", "dateline", "publisher name glued to a date (both go to metadata)", scope="code"),
    Rule("MET004", "byline", "contributor line ('Additional research by X'): credit, not article text", scope="code"),
    Rule("MET005", "byline", "author box after the article ('X is a senior writer for Y ...'): about the author, not the story", scope="code"),
    Rule("TTL001", "title", "the headline (it goes to metadata, not the body)", scope="code"),
    Rule("TTL002", "title", "the page's <title> line on top of its dump: the headline again, with the site's name", scope="code"),
    Rule("DUP001", "title", "headline printed again", scope="code"),
    Rule("DUP002", "duplicate", "line repeating an earlier line of the page", scope="code"),
    Rule("BRD001", "navigation", "breadcrumb glued to the headline", scope="code"),
    Rule("SYN001", "related", "syndicated story appended after the article (headline, source, time, teaser)", scope="code"),
    Rule("EXT001", "navigation", "before the article: page chrome above its first line (menus, banners, section labels)", scope="code"),
    Rule("EXT002", "navigation", "after the article: page chrome past its last line (footers, teasers, comments, link lists)", scope="code"),
    Rule("EXT003", "navigation", "interrupts the article: a stretch of page chrome between two parts of its body", scope="code"),
    Rule("HEU002", "navigation", "link list inside the article region: long line with almost no function words", scope="code"),
    Rule("HEU003", "navigation", "short line left directly above the headline at the top of the article (section name, last menu item, counter)", scope="code"),
]
