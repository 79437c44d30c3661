"""Scrapy: a spider that only fetches pages; the cleaner's item pipeline does the rest.

    scrapy runspider examples/scrapy_spider.py -a start=http://127.0.0.1:8000/ -O articles.jsonl
(serve fixtures/site/ with `python -m http.server -d fixtures/site 8000` to try it locally)
"""

from __future__ import annotations

from typing import Any, Iterator

import scrapy


class ArticleSpider(scrapy.Spider):
    name = "articles"
    custom_settings = {
        "ITEM_PIPELINES": {"cleaner.integrations.scrapy.CleanerPipeline": 300},
        "CLEANER_KIND": "html",
        "CLEANER_DROP_EMPTY": True,
        "CLEANER_DROP_INPUT": True,
        "ROBOTSTXT_OBEY": False,
    }

    def __init__(self, start: str = "http://127.0.0.1:8000/", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start]

    def parse(self, response: Any) -> Iterator[Any]:
        yield {"url": response.url, "html": response.body}
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse)
