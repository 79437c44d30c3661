"""The Scrapy pipeline: unit checks in-process, and a real crawl of a local site in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest

pytest.importorskip("scrapy", reason="needs the scrapy extra: pip install 'article-cleaner[scrapy]'")

from scrapy.exceptions import DropItem, NotConfigured  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

import cleaner  # noqa: E402
from cleaner.errors import ConfigError  # noqa: E402
from cleaner.integrations.scrapy import DEFAULT_FIELDS, CleanerPipeline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "fixtures" / "site"
ARTICLES = ["bridge.html", "library.html", "harbour.html", "orchard.html"]


def pipeline(**settings: Any) -> tuple[CleanerPipeline, Any]:
    crawler = get_crawler(settings_dict=settings)
    return CleanerPipeline.from_crawler(crawler), crawler.stats


def page(name: str) -> bytes:
    return (SITE / name).read_bytes()


# ---- in-process -------------------------------------------------------------------------------

def test_disabled_pipeline_is_not_configured() -> None:
    with pytest.raises(NotConfigured):
        pipeline(CLEANER_ENABLED=False)
    with pytest.raises(NotConfigured):
        pipeline(CLEANER_ENABLED="False")  # as `-s CLEANER_ENABLED=False` passes it


def test_process_item_with_and_without_spider_argument() -> None:
    pipe, stats = pipeline()
    expected = cleaner.clean(page("harbour.html"), url="http://127.0.0.1/harbour.html")
    for call in (lambda it: pipe.process_item(it), lambda it: pipe.process_item(it, None)):
        item = {"url": "http://127.0.0.1/harbour.html", "html": page("harbour.html")}
        assert call(item) is item
        assert {k: item[k] for k in DEFAULT_FIELDS} == {k: expected.to_dict()[k] for k in DEFAULT_FIELDS}
        assert item["cleaner_error"] is None and "html" not in item  # CLEANER_DROP_INPUT is on by default
    assert stats.get_value("cleaner/items") == 2
    kept, _ = pipeline(CLEANER_DROP_INPUT=False)
    item = kept.process_item({"url": "http://127.0.0.1/harbour.html", "html": page("harbour.html")})
    assert item["html"] == page("harbour.html")
    assert stats.get_value("cleaner/removed/ADV001") == 2 * expected.stats["removed_by_rule"]["ADV001"]


def test_drop_empty_raises_dropitem() -> None:
    pipe, stats = pipeline(CLEANER_DROP_EMPTY=True)
    with pytest.raises(DropItem):
        pipe.process_item({"html": page("promo-only.html")})
    with pytest.raises(DropItem):
        pipe.process_item({"html": b""})
    assert stats.get_value("cleaner/dropped/empty") == 1
    assert stats.get_value("cleaner/dropped/error") == 1
    assert stats.get_value("cleaner/errors/empty") == 1


def test_error_is_written_to_the_item_when_not_dropping() -> None:
    pipe, stats = pipeline()
    item = pipe.process_item({"html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    assert item["cleaner_error"].startswith("BinaryInputError:")
    assert "text" not in item
    assert stats.get_value("cleaner/errors/binary") == 1


def test_settings_choose_fields_kind_and_config() -> None:
    pipe, stats = pipeline(
        CLEANER_INPUT_FIELD="body", CLEANER_FIELDS='{"text": "clean_body", "removed": "ledger"}',
        CLEANER_KIND="html", CLEANER_CONFIG='{"disabled_rules": ["ADV"]}', CLEANER_ERROR_FIELD="",
    )
    item = pipe.process_item({"body": page("orchard.html").decode()})
    assert set(item) == {"clean_body", "ledger"}  # the input field dropped, as by default
    assert "ADV001" not in {r["rule"] for r in item["ledger"]}
    assert stats.get_value("cleaner/removed/ADV001") is None
    assert item["clean_body"] == cleaner.clean(
        page("orchard.html"), kind="html", config=cleaner.CleanerConfig(disabled_rules={"ADV"})
    ).text


def test_markdown_field() -> None:
    pipe, _ = pipeline(CLEANER_FIELDS=["title", "markdown"])
    item = pipe.process_item({"url": "http://127.0.0.1/harbour.html", "html": page("harbour.html")})
    assert item["markdown"] == cleaner.clean(page("harbour.html"), url="http://127.0.0.1/harbour.html").markdown
    assert "blocks" not in item and item["markdown"]


def test_fields_read_when_asked_for_include_the_new_ones() -> None:
    pipe, _ = pipeline(CLEANER_FIELDS=["text", "tags", "access", "fingerprint", "confidence"], CLEANER_KIND="html")
    item = pipe.process_item({"html": page("orchard.html").decode()})
    article = cleaner.clean(page("orchard.html"), kind="html")
    assert {k: item[k] for k in ("tags", "access", "fingerprint", "confidence")} == {
        "tags": article.tags, "access": article.access, "fingerprint": article.fingerprint,
        "confidence": article.confidence}


def test_items_without_the_input_field_pass_untouched() -> None:
    pipe, stats = pipeline()
    item = {"url": "http://127.0.0.1/x", "other": 1}
    assert pipe.process_item(item) == {"url": "http://127.0.0.1/x", "other": 1}
    assert stats.get_value("cleaner/skipped/no_input") == 1


@pytest.mark.parametrize("settings", [{"CLEANER_FIELDS": ["text", "nonsense"]}, {"CLEANER_KIND": "pdf"}])
def test_bad_settings_fail_at_start(settings: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        pipeline(**settings)


# ---- a real crawl -----------------------------------------------------------------------------

class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The fixture site on 127.0.0.1, an ephemeral port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def crawl(base_url: str, tmp_path: Path, **settings: Any) -> tuple[dict[str, dict[str, Any]], dict[str, Any], str]:
    feed, stats = tmp_path / "items.jsonl", tmp_path / "stats.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "scrapy_crawl.py"), base_url, feed.as_uri(), str(stats),
         json.dumps(settings)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    items = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    return {item["page"]: item for item in items}, json.loads(stats.read_text()), proc.stderr


def expected_removals(pages: list[str], base_url: str) -> Counter[str]:
    total: Counter[str] = Counter()
    for name in pages:
        total.update(cleaner.clean(page(name), url=f"{base_url}/{name}").stats["removed_by_rule"])
    return total


def test_crawl_writes_fields_and_drops_empty_pages(site: str, tmp_path: Path) -> None:
    items, stats, log = crawl(site, tmp_path, CLEANER_DROP_EMPTY=True)
    assert sorted(items) == sorted(ARTICLES)  # promo-only (no body) and empty (error) were dropped
    for name, item in items.items():
        expected = cleaner.clean(page(name), url=f"{site}/{name}").to_dict()
        fields = [f for f in DEFAULT_FIELDS if not (name == "harbour.html" and f == "description")]
        assert {f: item[f] for f in fields} == {f: expected[f] for f in fields}, name
        assert item.get("html") is None and item["cleaner_error"] is None and item["text"]
    assert "description" not in items["harbour.html"]  # the dataclass does not declare it
    assert "ArticleData does not declare field(s) description" in log

    bridge = items["bridge.html"]
    assert "Related Articles" not in bridge["text"] and "Advertisement" not in bridge["text"]
    assert "Council approves new cycle lanes" not in bridge["text"]
    assert bridge["image_credits"] == ["MIKHAIL METZEL/SPUTNIK/KREMLIN/POOL/EPA-EFE/Shutterstock"]
    assert bridge["captions"] == ["The mayor cuts the ribbon on the restored bridge."]
    assert bridge["text"].startswith("The old stone bridge over the river reopened")

    assert stats["cleaner/items"] == 5 and stats["cleaner/errors/empty"] == 1
    assert stats["cleaner/dropped/empty"] == 1 and stats["cleaner/dropped/error"] == 1
    assert stats["item_dropped_count"] == 2 and stats["item_scraped_count"] == 4
    removed = {k.split("/")[-1]: v for k, v in stats.items() if k.startswith("cleaner/removed/")}
    assert removed == dict(expected_removals(ARTICLES + ["promo-only.html"], site))
    assert removed["ADV001"] >= 4
    # Scrapy warns about pipeline methods that require `spider`; ours takes it optionally.
    assert not [line for line in log.splitlines() if "CleanerPipeline" in line and "eprecat" in line]


def test_crawl_nested_output_keeps_failed_items(site: str, tmp_path: Path) -> None:
    items, stats, _ = crawl(site, tmp_path, CLEANER_OUTPUT_FIELD="article")
    assert sorted(items) == sorted(ARTICLES + ["promo-only.html", "empty.html"])
    for name in ARTICLES + ["promo-only.html"]:
        expected = cleaner.clean(page(name), url=f"{site}/{name}").to_dict()
        assert items[name]["article"] == expected, name
        assert items[name].get("text") is None  # no flat fields in nested mode
    assert items["promo-only.html"]["article"]["text"] == ""
    assert items["empty.html"]["cleaner_error"].startswith("EmptyInputError:")
    assert "article" not in items["empty.html"]
    assert stats["item_scraped_count"] == 6 and stats["cleaner/errors/empty"] == 1
    assert not any(k.startswith("cleaner/dropped/") for k in stats)


def readme_block(after: str) -> str:
    """The first ```sh block of the README after the sentence `after`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index(after):].split("```sh\n", 1)[1].split("```", 1)[0]


def test_the_readme_one_liner_writes_the_articles(site: str, tmp_path: Path) -> None:
    """Issue 28, item 5: the README's command, verbatim, with a spider that yields the page as bytes."""
    (tmp_path / "myspider.py").write_text(
        "import scrapy\n\n\nclass ArticleSpider(scrapy.Spider):\n    name = 'articles'\n"
        f"    start_urls = ['{site}/index.html']\n\n"
        "    def parse(self, response):\n"
        "        yield {'url': response.url, 'html': response.body}\n"
        "        yield from response.follow_all(css='a', callback=self.parse)\n", encoding="utf-8")
    command = readme_block("One-off, from the command line:")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(ROOT)}  # this checkout's cleaner, whatever the environment has installed
    proc = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "not JSON serializable" not in proc.stderr
    items = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    pages = {item["url"].rsplit("/", 1)[1]: item for item in items if item["url"].endswith(".html")}
    assert set(ARTICLES) <= set(pages)
    assert all(pages[name]["text"] and "html" not in pages[name] for name in ARTICLES)
