"""A real Scrapy crawl for tests/test_scrapy_pipeline.py, run in a subprocess.

usage: python scrapy_crawl.py BASE_URL FEED.jsonl STATS.json [SETTINGS_JSON]

Follows every link on BASE_URL/index.html and yields one item per page, of a different item type per
page (dict, scrapy.Item, dataclass, attrs) so the pipeline meets every kind `itemadapter` supports.
The feed is exported as JSON Lines; the crawler's final stats are written to STATS.json.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

import attr
import scrapy
from scrapy.crawler import CrawlerProcess

OUT_FIELDS = ("text", "title", "authors", "date", "publisher", "language", "description", "captions",
              "image_credits", "cleaner_error", "article")


class ArticleItem(scrapy.Item):
    page = scrapy.Field()
    url = scrapy.Field()
    html = scrapy.Field()
    text = scrapy.Field()
    title = scrapy.Field()
    authors = scrapy.Field()
    date = scrapy.Field()
    publisher = scrapy.Field()
    language = scrapy.Field()
    description = scrapy.Field()
    captions = scrapy.Field()
    image_credits = scrapy.Field()
    cleaner_error = scrapy.Field()
    article = scrapy.Field()


@dataclass
class ArticleData:
    """Declares no `description` field on purpose: the pipeline must leave it out and warn once."""

    page: str
    url: str
    html: Any
    text: Any = None
    title: Any = None
    authors: Any = None
    date: Any = None
    publisher: Any = None
    language: Any = None
    captions: Any = None
    image_credits: Any = None
    cleaner_error: Any = None
    article: Any = None


@attr.s(auto_attribs=True)
class ArticleAttrs:
    page: str
    url: str
    html: Any
    text: Any = None
    title: Any = None
    authors: Any = None
    date: Any = None
    publisher: Any = None
    language: Any = None
    description: Any = None
    captions: Any = None
    image_credits: Any = None
    cleaner_error: Any = None
    article: Any = None


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [base_url.rstrip("/") + "/index.html"]

    def parse(self, response: Any) -> Any:
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse_page)

    def parse_page(self, response: Any) -> Any:
        page = response.url.rsplit("/", 1)[-1]
        if page == "library.html":
            yield ArticleItem(page=page, url=response.url, html=response.text)
        elif page == "harbour.html":
            yield ArticleData(page=page, url=response.url, html=response.text)
        elif page == "orchard.html":
            yield ArticleAttrs(page=page, url=response.url, html=response.text)
        else:  # dicts, with the raw bytes: the pipeline decodes them
            yield {"page": page, "url": response.url, "html": response.body}


def main(argv: list[str]) -> None:
    base_url, feed, stats_path = argv[:3]
    settings = {
        "ITEM_PIPELINES": {"cleaner.integrations.scrapy.CleanerPipeline": 300},
        "CLEANER_INPUT_FIELD": "html",
        "CLEANER_DROP_INPUT": True,
        "FEEDS": {feed: {"format": "jsonlines", "encoding": "utf8"}},
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "HTTPPROXY_ENABLED": False,
        "CLOSESPIDER_TIMEOUT": 60,
        "LOG_LEVEL": "INFO",
    }
    settings.update(json.loads(argv[3]) if len(argv) > 3 else {})
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SiteSpider)
    process.crawl(crawler, base_url=base_url)
    process.start()
    with open(stats_path, "w", encoding="utf-8") as fh:
        json.dump(crawler.stats.get_stats(), fh, default=str)


if __name__ == "__main__":
    main(sys.argv[1:])
