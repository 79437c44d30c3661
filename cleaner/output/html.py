"""A clean, safe article HTML: the kept body with its structure, and title/byline/date metadata.

Safe by construction: every text and attribute is escaped, the only elements written are structural
(article, header, h1-h6, p, ul/ol/li, table/tr/th/td, blockquote, pre/code, a, img, time), links
and images keep only http(s)/mailto addresses, and a Content-Security-Policy forbids scripts.
"""

from __future__ import annotations

from html import escape as _escape
from typing import TYPE_CHECKING

from .markup import Markup, body_markup

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
    return body_markup(article, HTML, links=links, images=images)


def _table(rows: list[list[str]], header: bool) -> str:
    width = max(len(r) for r in rows)
    out = ["<table>"]
    for i, row in enumerate(rows):
        cell = "th" if i == 0 and header else "td"
        out.append("<tr>" + "".join(f"<{cell}>{c}</{cell}>" for c in row + [""] * (width - len(row))) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


HTML = Markup(
    escape=esc,
    link=lambda text, url: f'<a href="{esc(url)}">{text}</a>',
    image=lambda src, alt: f'<p><img src="{esc(src)}" alt="{esc(alt)}" loading="lazy"></p>',
    paragraph="<p>{}</p>",
    heading=lambda level, text: f"<h{level}>{text}</h{level}>",
    code="<pre><code>{}</code></pre>",
    lists=(("<ul>", "</ul>"), ("<ol>", "</ol>")),
    item=("<li>", "</li>"),
    line_break="<br>",
    quote=("<blockquote>", "</blockquote>"),
    table=_table,
)
