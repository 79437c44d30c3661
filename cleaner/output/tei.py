"""TEI XML output (`--format tei`), in the dialect trafilatura writes for digital-humanities users.

One `<TEI>` document per article: a `teiHeader` with the metadata (title, authors, publisher, licence,
id and fingerprint, the source's title/date/URL as a bibliographic record, the description as the
abstract, the language, tags and sections as keywords, the tool that wrote it), then
`<text><body><div type="entry">` with the body's structure (`markup.body_markup`) and, when the page
had one, `<div type="comments">`. Several articles make one `<teiCorpus>`. Every document is valid
against the TEI corpus DTD that trafilatura ships and validates against (`tests/test_tei.py`); that
DTD has no table module, so a data table is a `<list type="table">` of rows, each a
`<list type="row">` of cells (a header cell has `rend="head"`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .markup import Markup, body_markup

if TYPE_CHECKING:
    from ..article import Article

__all__ = ["CORPUS_END", "corpus_start", "tei_document", "to_tei"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
#: Characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CORPUS_END = "</teiCorpus>\n"
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def xml_escape(text: str) -> str:
    """Text or an attribute value for XML: markup characters escaped, characters XML cannot hold dropped."""
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _table(rows: list[list[str]], header: bool) -> str:
    out = ['<list type="table">']
    for i, row in enumerate(rows):
        cell = '<item rend="head">' if i == 0 and header else "<item>"
        out.append('<item><list type="row">' + "".join(f"{cell}{c}</item>" for c in row) + "</list></item>")
    out.append("</list>")
    return "\n".join(out)


TEI = Markup(
    escape=xml_escape,
    link=lambda text, url: f'<ref target="{xml_escape(url)}">{text}</ref>',
    image=lambda src, alt: (f'<p><graphic url="{xml_escape(src)}">'
                            + (f"<desc>{xml_escape(alt)}</desc>" if alt else "") + "</graphic></p>"),
    paragraph="<p>{}</p>",
    heading=lambda level, text: f'<ab type="header" rend="h{level}">{text}</ab>',
    code='<ab type="code">{}</ab>',
    lists=(('<list rend="ul">', "</list>"), ('<list rend="ol">', "</list>")),
    item=("<item>", "</item>"),
    line_break="<lb/>",
    quote=("<quote>", "</quote>"),
    table=_table,
)


def _element(tag: str, text: str | None, **attrs: str) -> str:
    """`<tag attrs>text</tag>`, or nothing when there is no text."""
    if not text:
        return ""
    extra = "".join(f' {name}="{xml_escape(value)}"' for name, value in attrs.items())
    return f"<{tag}{extra}>{xml_escape(text)}</{tag}>"


def _header(article: Article, record: dict[str, Any]) -> str:
    from .. import __version__

    title = article.title or ""
    authors = "".join(_element("author", a) for a in article.authors)
    url = record.get("url") or article.url or article.canonical_url
    publisher = article.publisher or (urlsplit(url).hostname if url else None) or ""
    sigle = ", ".join(filter(None, [publisher, article.date]))
    if article.license:
        # (an availability statement must follow a publisher: "N/A" as trafilatura writes when none is known)
        publication = (_element("publisher", publisher or "N/A")
                       + f"<availability><p>{xml_escape(article.license)}</p></availability>")
    else:
        publication = _element("publisher", publisher) or "<p/>"
    notes = _element("note", str(record.get("id") or ""), type="id") + _element("note", article.fingerprint, type="fingerprint")
    date = _element("date", article.date, when=article.date) if article.date else ""
    keywords = _element("term", ", ".join(article.section), type="categories") + _element("term", ", ".join(article.tags), type="tags")
    profile = (f"<abstract><p>{xml_escape(article.description)}</p></abstract>" if article.description else "")
    profile += f'<langUsage><language ident="{xml_escape(article.language)}"/></langUsage>' if article.language else ""
    profile += f"<textClass><keywords>{keywords}</keywords></textClass>" if keywords else ""
    modified = _element("date", article.date_modified, type="modified")
    profile += f"<creation>{modified}</creation>" if modified else ""
    return (
        "<teiHeader><fileDesc>"
        f'<titleStmt><title type="main">{xml_escape(title)}</title>{authors}</titleStmt>'
        f"<publicationStmt>{publication}</publicationStmt>"
        + (f"<notesStmt>{notes}</notesStmt>" if notes else "")
        + "<sourceDesc>"
        f"<bibl>{xml_escape(', '.join(filter(None, [title, sigle])))}</bibl>"
        + _element("bibl", sigle, type="sigle")
        + f'<biblFull><titleStmt><title type="main">{xml_escape(title)}</title>{authors}</titleStmt>'
        f"<publicationStmt>{_element('publisher', publisher) or '<p/>'}"
        + (f'<ptr type="URL" target="{xml_escape(url)}"/>' if url else "")
        + f"{date}</publicationStmt></biblFull></sourceDesc></fileDesc>"
        + (f"<profileDesc>{profile}</profileDesc>" if profile else "")
        + f'<encodingDesc><appInfo><application version="{__version__}" ident="cleaner"><label>cleaner</label>'
        '<ptr target="https://pypi.org/project/article-cleaner/"/></application></appInfo></encodingDesc>'
        "</teiHeader>"
    )


def tei_document(article: Article, record: dict[str, Any] | None = None, *, links: bool = False,
                 images: bool = False) -> str:
    """One `<TEI>` element for the article (`record`: its batch record, for the id and URL)."""
    record = record or {}
    body = "\n".join(body_markup(article, TEI, links=links, images=images)) or "<p/>"
    comments = ""
    if article.comments:
        paragraphs = [p for p in article.comments.split("\n\n") if p.strip()]
        comments = '\n<div type="comments">' + "".join(f"<p>{xml_escape(p)}</p>" for p in paragraphs) + "</div>"
    return (f'<TEI xmlns="{TEI_NS}">' + _header(article, record)
            + f'<text><body><div type="entry">\n{body}\n</div>{comments}</body></text></TEI>\n')


def to_tei(article: Article, *, links: bool = False, images: bool = False) -> str:
    """A whole TEI XML file holding the article."""
    return XML_DECLARATION + tei_document(article, {"url": article.url}, links=links,
                                                                      images=images)


def corpus_start() -> str:
    """The opening of a TEI corpus of several articles, with its own header."""
    from .. import __version__

    return (f'{XML_DECLARATION}<teiCorpus xmlns="{TEI_NS}"><teiHeader><fileDesc>'
            "<titleStmt><title>Cleaned articles</title></titleStmt><publicationStmt><p/></publicationStmt>"
            f"<sourceDesc><p>Article bodies and metadata extracted by cleaner {__version__}.</p></sourceDesc>"
            "</fileDesc></teiHeader>\n")
