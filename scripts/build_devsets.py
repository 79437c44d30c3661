"""Build text dumps of the development set's pages with several HTML-to-text converters (`make devsets`).

Text mode must hold on whatever text a user's scraper makes, not only on the one converter that made the
set's `text/` folder. This script renders every page of a trafilatura-eval style set (gold.json + html/)
with real converters as a user would call them, and writes `DATASET/dumps/STYLE/ID.txt`, so that
`cleaner eval --dump STYLE` (or `--dump all`) scores text mode on each with the same snippet gold.

Styles (each the converter's plain, default call on the decoded page):
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

Outputs are cached: a style whose folder holds a stamp matching the converter's version and the page
list is skipped unless --force. The pages are decoded as the set's README says (byte-order mark, else
valid UTF-8, else the <meta> charset, else UTF-8 with replacement characters).
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import hashlib
import json
import re
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterator

STYLES = ("inscriptis", "innertext", "bs4", "html2text")
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


def _version(style: str) -> str:
    dist = {"inscriptis": "inscriptis", "innertext": "playwright", "bs4": "beautifulsoup4", "html2text": "html2text"}[style]
    version = metadata.version(dist)
    if style == "html2text":
        version += " unicode_snob, one instance per page"
    if style == "bs4":
        version += f"+lxml {metadata.version('lxml')}"
    if style == "innertext":
        import subprocess

        version += "+" + subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True).stdout.strip()
    return version


def _pages(root: Path) -> list[tuple[str, Path]]:
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    return [(doc_id, root / rec["html"]) for doc_id, rec in sorted(gold.items())]


def _converter(style: str) -> Iterator[Callable[[str], str]]:
    if style == "innertext":
        with InnerText() as render:
            yield render
        return
    yield {"inscriptis": _inscriptis, "bs4": _bs4, "html2text": _html2text}[style]()


def build(root: Path, style: str, out_root: Path, force: bool) -> int:
    """Render every page with one converter; return the number of pages written (0 if cached)."""
    pages = _pages(root)
    out = out_root / style
    stamp = {"style": style, "version": _version(style),
             "pages": hashlib.sha1("\n".join(d for d, _ in pages).encode()).hexdigest()}
    stamp_path = out / "STAMP.json"
    if not force and stamp_path.exists() and json.loads(stamp_path.read_text()) == stamp:
        print(f"{style}: cached ({len(pages)} pages, {stamp['version']})")
        return 0
    out.mkdir(parents=True, exist_ok=True)
    started, failed = time.perf_counter(), 0
    for convert in _converter(style):
        for doc_id, html_path in pages:
            html = decode_page(gzip.decompress(html_path.read_bytes()))
            try:
                text = convert(html)
            except Exception as exc:  # noqa: BLE001 - a converter crash leaves an empty dump, counted
                print(f"{style}: {doc_id}: {type(exc).__name__}: {exc}", file=sys.stderr)
                text, failed = "", failed + 1
            (out / f"{doc_id}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    stamp_path.write_text(json.dumps(stamp, indent=1))
    print(f"{style}: {len(pages)} pages in {time.perf_counter() - started:.0f} s ({failed} failed), {stamp['version']}")
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", type=Path, default=Path("../shared/benchmarks/trafilatura-eval"))
    ap.add_argument("--out", type=Path, default=None, help="Where to write (default: DATASET/dumps).")
    ap.add_argument("--styles", default=",".join(STYLES), help=f"Comma-separated subset of {', '.join(STYLES)}.")
    ap.add_argument("--force", action="store_true", help="Rebuild even when the cached dumps match.")
    args = ap.parse_args(argv)
    styles = [s for s in args.styles.split(",") if s]
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
