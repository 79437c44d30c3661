"""Thin adapters that put `Cleaner.clean` inside the tools users already run.

Each submodule imports its framework when it is imported, never before: `import cleaner` stays free of
Scrapy and Spark. Install the extra that goes with the adapter you use:

- `cleaner.integrations.scrapy` (`CleanerPipeline`): `pip install 'article-cleaner[scrapy]'`
- `cleaner.integrations.spark` (`clean_dataframe`): `pip install 'article-cleaner[spark]'` (and Java 17+)
- `cleaner.integrations.datatrove` (`CleanerExtractor`): `pip install 'article-cleaner[datatrove]'`
- `cleaner.integrations.hf` (`clean_dataset`): `pip install 'article-cleaner[hf]'`
"""
