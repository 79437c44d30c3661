"""Site boilerplate learned across a batch: count lines per site, keep the ones that recur, apply them.

Learning (`SiteLearner`) keeps memory bounded: lines are counted by a 64-bit hash, each site's table
holds at most `cap` hashes (the rarest are dropped when it overflows), and the text of a line is kept
only once it has recurred. Applying (`label_site_lines`) is one engine stage, run after the pattern
rules: a kept line whose hash is in its site's set gets rule SIT001.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import tomllib

from ..ledger import collapse_spaces
from ..config import CleanerConfig
from ..errors import ConfigError
from .document import Document

RULE_ID = "SIT001"
#: Lines longer than this are prose, never learned as boilerplate (a syndicated paragraph is not a footer).
MAX_LINE_CHARS = 300


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to: its host, lower-cased, without a leading 'www.'."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def line_key(text: str) -> int:
    """A stable 64-bit key for a line (spaces collapsed, case folded); the same on every worker."""
    digest = hashlib.blake2b(collapse_spaces(text).casefold().encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def label_site_lines(doc: Document, config: CleanerConfig) -> None:
    """Engine stage: give SIT001 to every still-kept line that its site's rules name."""
    keys = config.site_boilerplate.get(site_of(doc.url) or "")
    if not keys or not config.rule_enabled(RULE_ID):
        return
    for i, seg in enumerate(doc.segments):
        if doc.verdicts[i] is None and len(seg.text) <= MAX_LINE_CHARS and line_key(seg.text) in keys:
            doc.label(i, RULE_ID)


class SiteLearner:
    """Counts, per site, in how many documents each line occurs (bounded memory, see module doc)."""

    def __init__(self, *, cap: int = 20_000, max_sites: int = 50_000, min_docs: int = 3) -> None:
        self.cap = cap
        self.max_sites = max_sites
        self.min_docs = min_docs
        self.docs: Counter[str] = Counter()
        self.counts: dict[str, dict[int, int]] = {}
        self.texts: dict[str, dict[int, str]] = {}

    def add(self, url: str | None, normalized_text: str) -> None:
        """Count the distinct lines of one document (its normalized text) for the URL's site."""
        site = site_of(url)
        if site is None or (site not in self.counts and len(self.counts) >= self.max_sites):
            return
        self.docs[site] += 1
        table = self.counts.setdefault(site, {})
        texts = self.texts.setdefault(site, {})
        seen: set[int] = set()
        for line in normalized_text.split("\n"):
            text = collapse_spaces(line)
            if not text or len(text) > MAX_LINE_CHARS:
                continue
            key = line_key(text)
            if key in seen:
                continue
            seen.add(key)
            count = table.get(key, 0) + 1
            table[key] = count
            if count == 2:  # keep the text only of lines that recur
                texts.setdefault(key, text)
        if len(table) > self.cap:
            self._prune(table, texts)

    def _prune(self, table: dict[int, int], texts: dict[int, str]) -> None:
        """Drop the rarest half of an overflowing table: a recurring line survives, noise does not."""
        keep = sorted(table.items(), key=lambda item: -item[1])[: self.cap // 2]
        table.clear()
        table.update(keep)
        for key in [k for k in texts if k not in table]:
            del texts[key]

    def rules(self, min_share: float = 0.3) -> dict[str, list[str]]:
        """Per site, the lines found in at least `min_docs` documents and `min_share` of the site's."""
        out: dict[str, list[str]] = {}
        for site, table in sorted(self.counts.items()):
            docs = self.docs[site]
            lines = [self.texts[site][key] for key, n in table.items()
                     if n >= self.min_docs and n >= min_share * docs and key in self.texts[site]]
            if lines:
                out[site] = sorted(lines)
        return out

    def write(self, path: Path, min_share: float = 0.3) -> int:
        """Write the rules as TOML (the lines as text, so a person can review and edit them)."""
        rules = self.rules(min_share)
        parts = ["# Site boilerplate learned by `cleaner learn`: lines that recur on many pages of a site.\n"
                 "# Apply with `cleaner clean --site-rules FILE`; delete a line here to keep it in articles.\n"]
        for site, lines in rules.items():
            parts.append(f"\n[sites.{json.dumps(site)}]\ndocs = {self.docs[site]}\nlines = [\n")
            parts.extend(f"  {json.dumps(line, ensure_ascii=False)},\n" for line in lines)
            parts.append("]\n")
        path.write_text("".join(parts), encoding="utf-8")
        return sum(len(lines) for lines in rules.values())


def load_site_rules(path: Path) -> dict[str, frozenset[int]]:
    """Read a rules file written by `cleaner learn` into `CleanerConfig.site_boilerplate` form."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        sites = data.get("sites", {})
        return {site: frozenset(line_key(line) for line in table.get("lines", [])) for site, table in sites.items()}
    except (OSError, tomllib.TOMLDecodeError, AttributeError, TypeError) as exc:
        raise ConfigError(f"cannot read site rules {path}: {exc}") from exc
