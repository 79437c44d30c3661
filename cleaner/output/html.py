"""A clean, safe article HTML: the kept body with its structure, and title/byline/date metadata.

Safe by construction: every text and attribute is escaped, the only elements written are structural
(article, header, h1-h6, p, ul/ol/li, table/tr/th/td, blockquote, pre/code, a, img, time), links
and images keep only http(s)/mailto addresses, and a Content-Security-Policy forbids scripts.
"""

from __future__ import annotations

from html import escape as _escape
from typing import TYPE_CHECKING

from .links import LinkFinder, images as find_images
from .structure import Line, body_lines, table_rows

if TYPE_CHECKING:
    from ..article import Article

__all__ = ["PAGE_END", "article_element", "page_start", "to_html"]

#: No script, no external fetch but images (`img-src` for the article's own images).
_CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'"
_STYLE = ("body{max-width:42em;margin:2em auto;padding:0 1em;font:1.05em/1.5 Georgia,serif;color:#222}"
          "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}"
          "blockquote{margin-left:0;padding-left:1em;border-left:3px solid #ccc;color:#444}"
          "pre{overflow:auto;background:#f6f6f6;padding:.5em}.meta{color:#666}img{max-width:100%}")
PAGE_END = "</body>\n</html>\n"


def esc(text: str) -> str:
    return _escape(text, quote=True)


def page_start(title: str | None, language: str | None = None) -> str:
    """The page's head and the opening <body> (one page may hold several <article> elements)."""
    lang = f' lang="{esc(language)}"' if language else ""
    return (f"<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">\n"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title or 'Article')}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n")


def to_html(article: "Article", *, links: bool = True, images: bool = True) -> str:
    """A whole page holding the article (see `article_element`)."""
    return page_start(article.title, article.language) + article_element(article, links=links, images=images) + PAGE_END


def article_element(article: "Article", *, links: bool = True, images: bool = True,
                    source: str | None = None) -> str:
    """One <article>: a header with the title, authors, date, publisher and source URL, then the body."""
    out = ["<article>", "<header>"]
    if article.title:
        out.append(f"<h1>{esc(article.title)}</h1>")
    meta: list[str] = []
    if article.authors:
        meta.append('<span class="byline">By ' + esc(", ".join(article.authors)) + "</span>")
    if article.date:
        meta.append(f'<time datetime="{esc(article.date)}">{esc(article.date)}</time>')
    if article.publisher:
        meta.append(f'<span class="publisher">{esc(article.publisher)}</span>')
    if meta:
        out.append('<p class="meta">' + " · ".join(meta) + "</p>")
    from .links import safe_url

    url = safe_url(article.url or article.canonical_url, None)
    if url or source:
        where = f'<a href="{esc(url)}">{esc(url)}</a>' if url else esc(source or "")
        out.append(f'<p class="meta source">{where}</p>')
    out.append("</header>")
    out.extend(body_elements(article, links=links, images=images))
    out.append("</article>\n")
    return "\n".join(out)


def body_elements(article: "Article", *, links: bool = True, images: bool = True) -> list[str]:
    """The body as HTML elements, one string per top-level element."""
    lines = body_lines(article)
    finder = LinkFinder(article) if links else None
    pictures = _images(article, lines) if images else {}
    out: list[str] = []
    open_lists: list[str] = []
    quote = False
    k, n = 0, len(lines)

    def close_lists() -> None:
        while open_lists:
            out.append("</li></" + open_lists.pop() + ">")

    while k < n:
        line = lines[k]
        if line.role != "li" or pictures.get(k):
            close_lists()
        if (line.quote > 0) != quote:
            close_lists()
            out.append("<blockquote>" if line.quote else "</blockquote>")
            quote = line.quote > 0
        out.extend(pictures.get(k, ()))
        if line.role == "cell":
            end = k
            while end < n and lines[end].role == "cell" and lines[end].table == line.table:
                end += 1
            out.append(_table(table_rows(article, lines[k:end], lambda ln: _inline(ln, finder)),
                              lines[k].header))
            k = end
            continue
        text = _inline(line, finder)
        if line.role == "h":
            out.append(f"<h{line.level}>{text}</h{line.level}>")
        elif line.role == "li":
            if k > 0 and line.item >= 0 and lines[k - 1].item == line.item and open_lists:
                out.append("<br>" + text)
            else:
                level = max(1, min(line.level, len(open_lists) + 1))
                while len(open_lists) > level:
                    out.append("</li></" + open_lists.pop() + ">")
                if len(open_lists) == level:
                    out.append("</li>")
                else:
                    tag = "ol" if line.ordered else "ul"
                    open_lists.append(tag)
                    out.append(f"<{tag}>")
                out.append("<li>" + text)
        elif line.role == "code":
            out.append("<pre><code>" + esc(line.raw.strip("\n") if line.raw is not None else line.text) + "</code></pre>")
        else:
            out.append(f"<p>{text}</p>")
        k += 1
    close_lists()
    if quote:
        out.append("</blockquote>")
    return out


def _inline(line: Line, finder: LinkFinder | None) -> str:
    if finder is None:
        return esc(line.text)
    return finder.render(line, esc, lambda text, url: f'<a href="{esc(url)}">{text}</a>')


def _images(article: "Article", lines: list[Line]) -> dict[int, list[str]]:
    return {k: [f'<p><img src="{esc(src)}" alt="{esc(alt)}" loading="lazy"></p>' for src, alt in found]
            for k, found in find_images(article, lines).items()}


def _table(rows: list[list[str]], header: bool) -> str:
    width = max(len(r) for r in rows)
    out = ["<table>"]
    for i, row in enumerate(rows):
        cell = "th" if i == 0 and header else "td"
        out.append("<tr>" + "".join(f"<{cell}>{c}</{cell}>" for c in row + [""] * (width - len(row))) + "</tr>")
    out.append("</table>")
    return "\n".join(out)
