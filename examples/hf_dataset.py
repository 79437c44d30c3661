"""Hugging Face datasets: clean a JSON Lines file of pages into a dataset with article columns.

    python examples/hf_dataset.py pages.jsonl cleaned.parquet --column html --num-proc 2
"""

from __future__ import annotations

import argparse

from datasets import load_dataset

from cleaner.integrations.hf import clean_dataset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--column", default="html")
    parser.add_argument("--num-proc", type=int, default=None)
    args = parser.parse_args()
    ds = load_dataset("json", data_files=args.input, split="train")
    out = clean_dataset(ds, column=args.column, num_proc=args.num_proc, markdown=True)
    failed = out.filter(lambda row: row["error"] is not None)
    print(f"cleaned {len(out)} rows, {len(failed)} failed: {sorted(set(failed['error_kind']))}")
    out.to_parquet(args.output)


if __name__ == "__main__":
    main()
