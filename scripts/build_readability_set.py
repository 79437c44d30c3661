"""Build a second development set from mozilla/readability's test pages (`make devsets READABILITY=...`).

The pages readability.js keeps as test cases (`test/test-pages/NAME/source.html`, the page as saved;
`expected.html`, the article readability extracts; `expected-metadata.json`) are real news and blog
pages with a reference article. This script turns them into a set in the layout of the first one
(`gold.json` + `html/ID.html.gz` + `text/ID.txt`, see ../shared/benchmarks/trafilatura-eval/README.md),
so that `cleaner eval --dataset`, its halves and its snippet metric work on it unchanged:

- pages: those of at least MIN_SOURCE_BYTES of markup whose reference article has at least
  MIN_ARTICLE_CHARS characters (the smaller ones are unit tests of readability's own DOM rules:
  "replace-brs", "rtl-1", ...);
- `with` (must keep): up to SNIPPETS paragraphs of the reference article (<p> of at least
  MIN_WITH_CHARS characters whose text does not depend on how inline elements are joined, cut to
  at most MAX_SNIPPET_CHARS at a word boundary), evenly spread over it, each found verbatim in the
  page's text dump (else the next paragraph is tried);
- `without` (must drop): up to SNIPPETS lines of the page's text dump (at least 3 words and 15
  characters) that appear nowhere in the reference article and stand before its first or after its
  last paragraph (menus, teasers, footers: inside the article a line readability dropped may be a
  disputed caption or aside, so none is taken from there), evenly spread, the headline excluded;
- `meta`: title, author (readability's byline), sitename and date (publishedTime) as readability's
  expected metadata gives them;
- `url`: the page's canonical or og:url, when it has one.

The snapshot is read with git (no work tree needed): `--snapshot` is its git directory, `--commit`
the commit (recorded in the set's README, with the repository). Nothing of it is committed to this
project; the set is written outside it (default ../shared/benchmarks/readability-pages).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

MIN_SOURCE_BYTES = 10_000
MIN_ARTICLE_CHARS = 500
SNIPPETS = 6
MIN_WITH_CHARS = 80
MAX_SNIPPET_CHARS = 100
PAGES = "test/test-pages"
_CANONICAL = re.compile(
    r"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']|<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical"""
    r"""|<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']""",
    re.IGNORECASE,
)


def collapse(text: str) -> str:
    return " ".join(text.split())


def git(snapshot: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(snapshot), *args], check=True, capture_output=True).stdout


def page_names(snapshot: Path, commit: str) -> list[str]:
    return git(snapshot, "ls-tree", "--name-only", f"{commit}:{PAGES}").decode().split()


def cut(text: str) -> str:
    """At most MAX_SNIPPET_CHARS characters, ending at a word boundary."""
    if len(text) <= MAX_SNIPPET_CHARS:
        return text
    head = text[:MAX_SNIPPET_CHARS]
    return head[: head.rfind(" ")] if " " in head else head


def spread(items: list, k: int) -> list:
    """k items evenly spaced over the list (first and last included), in order."""
    if len(items) <= k:
        return list(items)
    return [items[round(i * (len(items) - 1) / (k - 1))] for i in range(k)] if k > 1 else [items[0]]


def unambiguous_paragraphs(tree: LexborHTMLParser) -> list[str]:
    """The text of each <p> whose words do not depend on how a converter joins inline elements.

    "<span>W</span>hale", "Nyong<span>'</span>o" or "<a>link</a>, next" read differently when inline
    elements are joined with or without a space; a snippet from such a paragraph would measure the
    converter, not the extractor. A paragraph qualifies when both joins give the same text."""
    out = []
    for node in tree.css("p"):
        joined = collapse(node.text(deep=True, separator=""))
        if joined and joined == collapse(node.text(deep=True, separator=" ")):
            out.append(joined)
    return out


def with_snippets(paragraphs: list[str], dump: str) -> list[str]:
    """Evenly spread paragraphs, each replaced by the next one when the dump does not hold it."""
    candidates = [p for p in paragraphs if len(p) >= MIN_WITH_CHARS]
    chosen: list[str] = []
    used: set[int] = set()
    for target in spread(list(range(len(candidates))), SNIPPETS):
        for k in range(target, len(candidates)):
            snippet = cut(candidates[k])
            if k not in used and snippet in dump:
                used.add(k)
                chosen.append(snippet)
                break
    return chosen


def without_snippets(lines: list[str], article: str, first: str, last: str, title: str) -> list[str]:
    """Lines before the article's first paragraph or after its last one that the article lacks."""
    text = "\n".join(lines)
    start, end = text.find(first[:60]), text.rfind(last[:60])
    if start < 0 or end < 0:
        return []
    outside: list[str] = []
    offset = 0
    for line in lines:
        position = offset
        offset += len(line) + 1
        if start <= position <= end + len(last):
            continue
        if len(line) < 15 or len(line.split()) < 3 or line in article:
            continue
        if title and (title in line or line in title):
            continue
        if line not in outside:
            outside.append(line)
    return [cut(line) for line in spread(outside, SNIPPETS)]


def build(snapshot: Path, commit: str, out: Path) -> int:
    from html_text import extract_text

    commit = git(snapshot, "rev-parse", commit).decode().strip()
    (out / "html").mkdir(parents=True, exist_ok=True)
    (out / "text").mkdir(parents=True, exist_ok=True)
    gold: dict[str, dict] = {}
    skipped = 0
    for name in page_names(snapshot, commit):
        base = f"{commit}:{PAGES}/{name}"
        try:
            source = git(snapshot, "show", f"{base}/source.html")
            expected = git(snapshot, "show", f"{base}/expected.html").decode("utf-8")
            meta = json.loads(git(snapshot, "show", f"{base}/expected-metadata.json"))
        except subprocess.CalledProcessError:
            skipped += 1
            continue
        tree = LexborHTMLParser(expected)
        paragraphs = unambiguous_paragraphs(tree)
        article = "\n".join(collapse(tree.body.text(deep=True, separator=sep)) for sep in ("", " ")) if tree.body else ""
        if len(source) < MIN_SOURCE_BYTES or len(article) < MIN_ARTICLE_CHARS or not paragraphs:
            skipped += 1
            continue
        html = source.decode("utf-8", errors="replace")
        dump = extract_text(html, guess_layout=True)
        lines = [collapse(line) for line in dump.splitlines() if line.strip()]
        flat = collapse(dump)
        title = collapse(meta.get("title") or "")
        keep = with_snippets([p for p in paragraphs if p], flat)
        drop = without_snippets(lines, article, keep[0] if keep else "", keep[-1] if keep else "", title)
        if not keep or not drop:
            skipped += 1
            continue
        m = _CANONICAL.search(html)
        url = next((g for g in m.groups() if g), None) if m else None
        (out / "html" / f"{name}.html.gz").write_bytes(gzip.compress(source, mtime=0))
        (out / "text" / f"{name}.txt").write_text(dump, encoding="utf-8")
        gold[name] = {
            "url": url if url and url.startswith("http") else None,
            "file": f"{PAGES}/{name}/source.html",
            "html": f"html/{name}.html.gz",
            "text": f"text/{name}.txt",
            "with": keep,
            "without": drop,
            "meta": {"title": meta.get("title") or "", "author": meta.get("byline") or "",
                     "sitename": meta.get("siteName") or "", "date": (meta.get("publishedTime") or "")[:10]},
        }
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    n_with = sum(len(r["with"]) for r in gold.values())
    n_without = sum(len(r["without"]) for r in gold.values())
    (out / "README.md").write_text(README.format(commit=commit, pages=len(gold), skipped=skipped, n_with=n_with,
                                                 n_without=n_without), encoding="utf-8")
    print(f"{len(gold)} pages ({skipped} left out), {n_with} with / {n_without} without snippets -> {out}")
    return len(gold)


README = """# Development set 2: mozilla/readability's test pages

Built by `scripts/build_readability_set.py` of the cleaner project (`make devsets READABILITY=GITDIR`)
from github.com/mozilla/readability at commit `{commit}` (Apache-2.0, its `LICENSE.md`):
`test/test-pages/NAME/source.html` (the page as saved), `expected.html` (the article readability.js
extracts) and `expected-metadata.json`. {pages} pages; {skipped} left out (readability's unit tests of
its own DOM rules, under 10 kB of markup or 500 characters of article, or pages without snippets).

Same layout and metric as trafilatura-eval (see the script's docstring for how the snippets were
chosen): `html/ID.html.gz`, `text/ID.txt` (html-text, guess_layout=True, as there), `gold.json` with
`with` ({n_with} snippets: paragraphs of readability's article) and `without` ({n_without}: lines of
the page outside the article that the article lacks), `meta` from readability's expected metadata.
The reference is readability.js's own output, not a human's: where it keeps a caption or an aside,
the set says nothing either way (no snippet is taken from inside the article for `without`).
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--snapshot", type=Path, required=True, help="git directory of a mozilla/readability snapshot")
    ap.add_argument("--commit", default="HEAD")
    ap.add_argument("--out", type=Path, default=Path("../shared/benchmarks/readability-pages"))
    args = ap.parse_args(argv)
    return 0 if build(args.snapshot, args.commit, args.out) else 1


if __name__ == "__main__":
    sys.exit(main())
