"""Library: clean one page or text file and print its metadata, then the body as Markdown.

    python examples/library_clean.py fixtures/cases/html_en_markdown_structure/input.html --url https://example.com/a
"""

from __future__ import annotations

import argparse
from pathlib import Path

import cleaner
from cleaner.output import to_markdown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--url", default=None)
    parser.add_argument("--favor", default="balanced", choices=["balanced", "precision", "recall"])
    args = parser.parse_args()
    try:
        article = cleaner.clean(args.path.read_bytes(), url=args.url, config=cleaner.CleanerConfig(favor=args.favor))
    except cleaner.CleanerError as exc:  # empty, binary, undecodable or too large input
        raise SystemExit(f"cannot clean {args.path}: {exc}")
    print(f"title: {article.title}\nauthors: {article.authors}\ndate: {article.date}\nlanguage: {article.language}")
    print(f"removed {len(article.removed)} segments: {article.stats['removed_by_rule']}\n")
    print(to_markdown(article, links=True, images=True, title=True))


if __name__ == "__main__":
    main()
