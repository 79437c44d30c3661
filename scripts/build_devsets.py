"""Build text dumps of the development set's pages with HTML-to-text converters and article extractors (`make devsets`).

Text mode must hold on whatever text a user's scraper makes, not only on the one converter that made the
set's `text/` folder, and on the output of an article extractor, which is already an article with some
residue left in. This script renders every page of a trafilatura-eval style set (gold.json + html/)
with real converters and extractors as a user would call them, and writes `DATASET/dumps/STYLE/ID.txt`,
so that `cleaner eval --dump STYLE` (or `--dump all`, `--dump extracted`) scores text mode on each with
the same snippet gold.

Full-page styles (each the converter's plain, default call on the decoded page):
- `html_text`: the set's own `text/` dumps (html-text 0.7.1, guess_layout=True); not rebuilt here.
- `inscriptis`: `inscriptis.get_text(html)`.
- `innertext`: `document.body.innerText` in headless Debian chromium via Playwright, JavaScript off,
  every network request refused.
- `bs4`: `BeautifulSoup(html, "lxml").get_text("\\n")`.
- `html2text`: a new `html2text.HTML2Text()` per page with `unicode_snob = True`, `.handle(html)` (Markdown, wrapped at 78
  columns, links and images kept). Without `unicode_snob` html2text writes character references as ASCII
  look-alikes (`&uuml;` -> "u", `&ldquo;` -> '"'): 5% of the set's must-keep snippets are then gone from
  the input before any cleaning (measured on the tune half: 0.937 of them left, against 0.985 for
  html_text), which measures the converter's option, not a cleaner; a user who keeps non-English text
  sets it.

Extracted styles (`cleaner eval --dump extracted`: the extractor's output as is, and the cleaner on it),
each the library's documented call with its defaults on the decoded page:
- `trafilatura`: `trafilatura.extract(html)`.
- `readability_lxml`: `readability.Document(html).summary()`, read as text with `html_text.extract_text`.
- `newspaper4k`: `newspaper.Article(url, fetch_images=False)` (the page's http(s) address, else ""),
  `.download(input_html=html)`, `.parse()`, `.text` (`fetch_images` only chooses the top image, by
  downloading the page's images; the text does not depend on it, and the build makes no request).
- `goose3`: one `goose3.Goose()` for the run, `.extract(raw_html=html).cleaned_text`.
- `resiliparse`: `resiliparse.extract.html2text.extract_plain_text(html, main_content=True)`.
- `boilerpy3`: `boilerpy3.extractors.ArticleExtractor().get_content(html)`.
- `justext`: `justext.justext(html, justext.get_stoplist(LANGUAGE))` with the stoplist of the page's
  language: the one its visible text (html-text) is in, by the cleaner's stopword detector, else the one
  it declares (`<html lang>`, `<meta http-equiv="content-language">`, `og:locale`), else English; the
  paragraphs not marked boilerplate, joined by blank lines.
An extractor that raises, runs over PAGE_SECONDS or returns nothing on a page leaves an empty dump there;
the build log counts both.

Outputs are cached: a style whose folder holds a stamp matching the converter's version and the page
list is skipped unless --force. The pages are decoded as the set's README says (byte-order mark, else
valid UTF-8, else the <meta> charset, else UTF-8 with replacement characters).
"""

from __future__ import annotations

import argparse
import codecs
import functools
import gzip
import hashlib
import json
import re
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterator

from cleaner.evaluate import DUMP_STYLES, EXTRACTED_STYLES
from cleaner.text.language import STOPLISTS, LanguageModel

FULL_STYLES = tuple(s for s in DUMP_STYLES if s != "html_text")  # html_text is the set's own text/ folder
STYLES = FULL_STYLES + EXTRACTED_STYLES
#: A page a converter or extractor takes longer on counts as failed (empty dump).
PAGE_SECONDS = 120
CHROMIUM = Path("/usr/bin/chromium")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_page(data: bytes) -> str:
    """Decode as the development set's README describes for its text/ dumps."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:16384])
    if m:
        try:
            return data.decode(codecs.lookup(m.group(1).decode("ascii", "ignore")).name, errors="replace")
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace")


def _inscriptis() -> Callable[[str], str]:
    from inscriptis import get_text

    return get_text


def _bs4() -> Callable[[str], str]:
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)  # XHTML pages: parsed as HTML on purpose
    return lambda html: BeautifulSoup(html, "lxml").get_text("\n")


def _html2text() -> Callable[[str], str]:
    import html2text

    def convert(html: str) -> str:
        converter = html2text.HTML2Text()  # one per page: an instance keeps state from the last page
        converter.unicode_snob = True
        return converter.handle(html)

    return convert


#: An extractor: (decoded page, its http(s) address or None) -> text.
Extract = Callable[[str, "str | None"], str]


def _quiet(*loggers: str) -> None:
    import logging
    import warnings

    warnings.filterwarnings("ignore")  # extractors warn per page (nltk missing, deprecated calls): the log counts failures
    for name in loggers:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _trafilatura() -> Extract:
    import trafilatura

    _quiet("trafilatura")
    return lambda html, url: trafilatura.extract(html)  # None when it finds nothing: an empty dump


def _readability_lxml() -> Extract:
    from html_text import extract_text
    from readability import Document

    _quiet("readability", "readability.readability")
    return lambda html, url: extract_text(Document(html).summary())


def _newspaper4k() -> Extract:
    import newspaper

    _quiet("newspaper")

    def extract(html: str, url: str | None) -> str:
        article = newspaper.Article(url or "", fetch_images=False)  # else parse() downloads the page's images
        article.download(input_html=html)
        article.parse()
        return article.text

    return extract


def _goose3() -> Extract:
    from goose3 import Goose

    _quiet("goose3")
    goose = Goose()
    return lambda html, url: goose.extract(raw_html=html).cleaned_text


def _resiliparse() -> Extract:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda html, url: extract_plain_text(html, main_content=True)


def _boilerpy3() -> Extract:
    from boilerpy3 import extractors

    _quiet("boilerpy3")
    return lambda html, url: extractors.ArticleExtractor().get_content(html)


_LANG_ATTR = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})(?![A-Za-z])""", re.I)
_LANG_META = re.compile(
    r"""<meta\b[^>]*?(?:http-equiv\s*=\s*["']?content-language["']?[^>]*?content|property\s*=\s*["']og:locale["'][^>]*?content)"""
    r"""\s*=\s*["']?\s*([A-Za-z]{2,3})(?![A-Za-z])""", re.I)
_STOPLIST_OF = {code: name for name, code in STOPLISTS.items()}


def justext_stoplist(html: str) -> str:
    """jusText's stoplist for the page's language: the one its visible text is in (by stopwords, the
    cleaner's detector over jusText's own stoplists), else the one it declares, else English.
    The declared language alone is often a theme's default: 27 German pages of trafilatura-eval say
    `<html lang="en">`, and jusText with the English stoplist keeps nothing of them."""
    from html_text import extract_text

    detected = _language_model().detect(extract_text(html))
    if detected in _STOPLIST_OF:
        return _STOPLIST_OF[detected]
    head = html[:65536]
    for pattern in (_LANG_ATTR, _LANG_META):
        m = pattern.search(head)
        if m and m.group(1).lower() in _STOPLIST_OF:
            return _STOPLIST_OF[m.group(1).lower()]
    return "English"


@functools.cache
def _language_model() -> "LanguageModel":
    return LanguageModel()


def _justext() -> Extract:
    import justext

    def extract(html: str, url: str | None) -> str:
        paragraphs = justext.justext(html, justext.get_stoplist(justext_stoplist(html)))
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


class InnerText:
    """One headless chromium for the whole run; each page set as content with JS off and no network."""

    ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]

    def __enter__(self) -> Callable[[str], str]:
        from playwright.sync_api import sync_playwright

        if not CHROMIUM.exists():
            raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")
        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=str(CHROMIUM), args=self.ARGS)
        self._context = self._browser.new_context(java_script_enabled=False, offline=True)
        self._context.route("**/*", lambda route: route.abort())
        self._page = self._context.new_page()
        return self.render

    def render(self, html: str) -> str:
        try:
            self._page.set_content(html, wait_until="domcontentloaded", timeout=30000)
            text = self._page.evaluate("() => document.body ? document.body.innerText : ''")
        except Exception:  # a crashed or stuck tab: start a fresh one and try once more
            self._page.close()
            self._page = self._context.new_page()
            self._page.set_content(html, wait_until="domcontentloaded", timeout=30000)
            text = self._page.evaluate("() => document.body ? document.body.innerText : ''")
        return text or ""

    def __exit__(self, *exc: object) -> None:
        self._context.close()
        self._browser.close()
        self._pw.stop()


#: The distribution whose version stamps each style's dumps (with the call, for the extracted styles).
_DISTS = {"inscriptis": "inscriptis", "innertext": "playwright", "bs4": "beautifulsoup4", "html2text": "html2text",
          "trafilatura": "trafilatura", "readability_lxml": "readability-lxml", "newspaper4k": "newspaper4k",
          "goose3": "goose3", "resiliparse": "resiliparse", "boilerpy3": "boilerpy3", "justext": "jusText"}
_CALLS = {"trafilatura": "extract(html)", "readability_lxml": "Document(html).summary() + html_text.extract_text",
          "newspaper4k": "Article(url, fetch_images=False).download(input_html).parse().text", "goose3": "Goose().extract(raw_html).cleaned_text",
          "resiliparse": "extract_plain_text(main_content=True)", "boilerpy3": "ArticleExtractor().get_content",
          "justext": "stoplist of the detected, else declared, else English language; non-boilerplate paragraphs"}


def _version(style: str) -> str:
    version = f"{metadata.version(_DISTS[style])}"
    if style in _CALLS:
        version = f"{_DISTS[style]} {version}, {_CALLS[style]}"
    if style == "readability_lxml":
        version += f", html-text {metadata.version('html-text')}"
    if style == "html2text":
        version += " unicode_snob, one instance per page"
    if style == "bs4":
        version += f"+lxml {metadata.version('lxml')}"
    if style == "innertext":
        import subprocess

        version += "+" + subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True).stdout.strip()
    return version


def _pages(root: Path) -> list[tuple[str, Path, str | None]]:
    """(id, page file, its http(s) address or None) for every page of the set."""
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    return [(doc_id, root / rec["html"], rec.get("url") if str(rec.get("url")).startswith("http") else None)
            for doc_id, rec in sorted(gold.items())]


def _converter(style: str) -> Iterator[Extract]:
    if style == "innertext":
        with InnerText() as render:
            yield lambda html, url: render(html)
        return
    if style in FULL_STYLES:
        convert = {"inscriptis": _inscriptis, "bs4": _bs4, "html2text": _html2text}[style]()
        yield lambda html, url: convert(html)
        return
    yield {"trafilatura": _trafilatura, "readability_lxml": _readability_lxml, "newspaper4k": _newspaper4k,
           "goose3": _goose3, "resiliparse": _resiliparse, "boilerpy3": _boilerpy3, "justext": _justext}[style]()


class _PageTimeout(Exception):
    pass


def _timed(convert: Extract, html: str, url: str | None) -> str:
    """convert(html, url), raising _PageTimeout after PAGE_SECONDS (SIGALRM: Python code only)."""
    import signal

    def expire(signum: int, frame: object) -> None:
        raise _PageTimeout(f"over {PAGE_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(PAGE_SECONDS)
    try:
        return convert(html, url)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def build(root: Path, style: str, out_root: Path, force: bool) -> int:
    """Render every page with one converter; return the number of pages written (0 if cached)."""
    pages = _pages(root)
    out = out_root / style
    stamp = {"style": style, "version": _version(style),
             "pages": hashlib.sha1("\n".join(d for d, _, _ in pages).encode()).hexdigest()}
    stamp_path = out / "STAMP.json"
    if not force and stamp_path.exists() and json.loads(stamp_path.read_text()) == stamp:
        print(f"{style}: cached ({len(pages)} pages, {stamp['version']})", flush=True)
        return 0
    out.mkdir(parents=True, exist_ok=True)
    started, failed, empty = time.perf_counter(), 0, 0
    for convert in _converter(style):
        for doc_id, html_path, url in pages:
            html = decode_page(gzip.decompress(html_path.read_bytes()))
            try:
                text = _timed(convert, html, url) or ""
            except Exception as exc:  # noqa: BLE001 - a converter crash leaves an empty dump, counted
                why = str(exc).strip().splitlines() or [repr(exc.__cause__ or exc.__context__)]
                print(f"{style}: {doc_id}: {type(exc).__name__}: {why[0][:200]}", file=sys.stderr)
                text, failed = "", failed + 1
            else:
                empty += not text.strip()
            (out / f"{doc_id}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    stamp_path.write_text(json.dumps(stamp, indent=1))
    print(f"{style}: {len(pages)} pages in {time.perf_counter() - started:.0f} s ({failed} failed, {empty} empty), "
          f"{stamp['version']}", flush=True)
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", type=Path, default=Path("../shared/benchmarks/trafilatura-eval"))
    ap.add_argument("--out", type=Path, default=None, help="Where to write (default: DATASET/dumps).")
    ap.add_argument("--styles", default=",".join(STYLES),
                    help=f"Comma-separated subset of {', '.join(STYLES)}; 'full' and 'extracted' name the two groups.")
    ap.add_argument("--force", action="store_true", help="Rebuild even when the cached dumps match.")
    args = ap.parse_args(argv)
    groups = {"full": FULL_STYLES, "extracted": EXTRACTED_STYLES}
    styles = [style for s in args.styles.split(",") if s for style in groups.get(s, (s,))]
    unknown = sorted(set(styles) - set(STYLES))
    if unknown:
        ap.error(f"unknown style(s) {', '.join(unknown)}; known: {', '.join(STYLES)}")
    if not (args.dataset / "gold.json").exists():
        ap.error(f"no gold.json in {args.dataset}")
    for style in styles:
        build(args.dataset, style, args.out or args.dataset / "dumps", args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
