"""Site boilerplate learned across a batch (`cleaner learn`, `cleaner clean --site-rules`).

A line that recurs on many pages of one site (its footer, its newsletter box, "Contact Your Elected
Officials") is boilerplate that no single-document rule can see. The lines come from a rules file
through `CleanerConfig.site_boilerplate`; `cleaner.text.sites.label_site_lines` applies them.
"""

from __future__ import annotations

from .base import Rule

RULES: list[Rule] = [
    Rule("SIT001", "navigation", "line that recurs on many pages of the same site (learned site boilerplate)", scope="code"),
]
