"""Clean a corpus with Spark: JSON Lines or Parquet in, Parquet out.

One machine (all cores):
    spark-submit --master 'local[*]' examples/spark_clean.py docs.jsonl cleaned/
    python examples/spark_clean.py --master 'local[*]' docs.jsonl cleaned/
A cluster (article-cleaner[spark] installed on every node, or shipped as a packed venv with --archives):
    spark-submit --master yarn examples/spark_clean.py hdfs:///corpus/*.parquet hdfs:///cleaned/

Each input record needs a text/HTML column (--input-col, default "text"); every other column is kept.
Rows that cannot be cleaned are written too, with `error`/`error_kind` set: the job never dies on one.
"""

from __future__ import annotations

import argparse
import sys

from pyspark.sql import DataFrame, SparkSession

from cleaner import CleanerConfig
from cleaner.integrations.spark import clean_dataframe


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", nargs="+", help="input files, directories or globs (JSON Lines or Parquet)")
    p.add_argument("output", help="output directory (Parquet)")
    p.add_argument("--format", choices=("auto", "jsonl", "parquet"), default="auto",
                   help="input format (auto: by the first input's extension; default)")
    p.add_argument("--input-col", default="text", help="column holding the text or HTML (default: text)")
    p.add_argument("--url-col", default=None, help="column holding each document's URL")
    p.add_argument("--kind", choices=("auto", "text", "html"), default="auto", help="input kind (default: auto)")
    p.add_argument("--output-layout", choices=("columns", "struct"), default="columns",
                   help="Article fields as columns, or one struct column 'article'")
    p.add_argument("--config", default=None, help="CleanerConfig TOML file")
    p.add_argument("--master", default=None, help="Spark master when not set by spark-submit, e.g. local[*]")
    p.add_argument("--partitions", type=int, default=None, help="repartition the input to N partitions")
    p.add_argument("--mode", choices=("error", "overwrite"), default="error",
                   help="when OUTPUT exists: fail (default) or overwrite")
    return p.parse_args(argv)


def read_input(spark: SparkSession, paths: list[str], fmt: str) -> DataFrame:
    if fmt == "auto":
        fmt = "parquet" if paths[0].rstrip("/").endswith(".parquet") else "jsonl"
    return spark.read.parquet(*paths) if fmt == "parquet" else spark.read.json(paths)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    builder = SparkSession.builder.appName("cleaner")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        df = read_input(spark, args.input, args.format)
        if args.partitions:
            df = df.repartition(args.partitions)
        config = CleanerConfig.from_toml(args.config) if args.config else None
        out = clean_dataframe(df, input_col=args.input_col, kind=args.kind, url_col=args.url_col,
                              output=args.output_layout, config=config)
        out.write.mode(args.mode).parquet(args.output)
        # Summarise from what was written: cheap, and it does not clean anything twice.
        counts = spark.read.parquet(args.output).groupBy("error_kind").count().collect()
        by_kind = {row["error_kind"] or "ok": row["count"] for row in counts}
        print(f"cleaned {sum(by_kind.values())} documents into {args.output}: "
              + ", ".join(f"{k}={v}" for k, v in sorted(by_kind.items())))
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
