"""Rules of HTML mode: decisions made from the page's structure (containers, tags, links).

They are code rules (the evidence is the DOM, not a pattern); registered here so that removals in
HTML mode cite ids from the same table as text mode. The text-mode rules still run on what these
leave, so a caption inside an unmarked div is still caught by CAP/CRD, and so on.
"""

from __future__ import annotations

from .base import Rule

RULES: list[Rule] = [
    Rule("HTM001", "navigation", "inside a menu or navigation container (<nav>, class/id nav/menu/breadcrumb)", scope="code"),
    Rule("HTM002", "navigation", "inside the page footer (<footer>, class/id footer/copyright)", scope="code"),
    Rule("HTM003", "navigation", "inside a sidebar or aside box (<aside>, class/id sidebar/widget)", scope="code"),
    Rule("HTM004", "related", "inside a related-stories box (class/id related/recommended/most-read/outbrain)", scope="code"),
    Rule("HTM005", "share", "inside a share/follow box (class/id share/social/shariff)", scope="code"),
    Rule("HTM006", "promo", "inside a newsletter, subscription or promo box (class/id newsletter/subscribe/promo/paywall)", scope="code"),
    Rule("HTM007", "comments", "inside the comment section (class/id comments/disqus/respond)", scope="code"),
    Rule("HTM008", "legal", "inside a cookie or consent banner (class/id cookie/consent/gdpr)", scope="code"),
    Rule("HTM009", "advert", "inside an advert slot (class/id ad/advert/sponsor/werbung)", scope="code"),
    Rule("HTM010", "caption", "figure caption (<figcaption>, or class/id caption inside a figure)", scope="code"),
    Rule("HTM011", "navigation", "inside a form (search box, login, comment form)", scope="code"),
    Rule("HTM012", "navigation", "link list: the block is almost all link text", scope="code"),
    Rule("HTM013", "navigation", "outside the article container chosen from the page's structure", scope="code"),
    Rule("HTM014", "navigation", "page masthead (a <header> outside the article: logo, menu, search)", scope="code"),
    Rule("HTM015", "navigation", "tag or category list (class/id tags/keywords)", scope="code"),
    Rule("HTM016", "navigation", "not in the extraction of the fallback extractor (trafilatura), used when the page's structure gave almost nothing", scope="code"),
    Rule("HTM017", "byline", "note about the author in an author box (class/id author/byline)", scope="code"),
    Rule("HTM018", "navigation", "repeated by the article in the page's structured data (JSON-LD articleBody), which is the body when the markup shows far less of it", scope="code"),
]
