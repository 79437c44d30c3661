"""datatrove: JSON Lines of raw pages in, cleaned articles (Markdown) out, 2 tasks, stats in logs/.

    python examples/datatrove_pipeline.py pages/ out/ --tasks 2 --text-key html
(pages/ holds *.jsonl files whose --text-key field is raw HTML or scraped text, with an optional "url";
out/clean/ gets the articles as Markdown, out/failed/ the documents that could not be cleaned)
"""

from __future__ import annotations

import argparse

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.integrations.datatrove import CleanerExtractor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--tasks", type=int, default=2)
    parser.add_argument("--text-key", default="text")
    parser.add_argument("--logs", default="logs/cleaner")
    args = parser.parse_args()
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(args.input, text_key=args.text_key),
            CleanerExtractor(kind="auto", output="markdown",
                             exclusion_writer=JsonlWriter(args.output + "/failed")),  # nothing is lost
            JsonlWriter(args.output + "/clean"),
        ],
        tasks=args.tasks,
        logging_dir=args.logs,
    ).run()


if __name__ == "__main__":
    main()
