"""Evaluation harness: score the cleaner on a development set with the with/without snippet metric
(`cleaner eval`, `make eval`, the training and bench scripts).

`dataset` reads the pages and gold and picks the halves and inputs; `scoring` is the metric (per page,
summed) and the run over pages; `report` prints `cleaner eval`'s tables. Their public names are
importable from here.
"""

from .dataset import (
    DEFAULT_DATASET, DUMP_STYLES, EXTRACTED_STYLES, Page, dump_pages, dump_styles, load_dataset, read_input, split,
)
from .report import (
    ABLATION_FAMILIES, WORSE_BY, compare_extracted, run_dump_table, run_extracted_table, run_report,
)
from .scoring import (
    OUTPUTS, Counts, Extractor, PageResult, author_names, by_language, cleaner_extractor, evaluate, meta_matches,
    meta_table, overlaps, score_page, snippet_line_labels,
)

__all__ = [
    "ABLATION_FAMILIES", "DEFAULT_DATASET", "DUMP_STYLES", "EXTRACTED_STYLES", "OUTPUTS", "WORSE_BY", "Counts",
    "Extractor", "Page", "PageResult", "author_names", "by_language", "cleaner_extractor", "compare_extracted",
    "dump_pages", "dump_styles", "evaluate", "load_dataset", "meta_matches", "meta_table", "overlaps",
    "read_input", "run_dump_table", "run_extracted_table", "run_report", "score_page", "snippet_line_labels", "split",
]
