"""Throughput of the Spark adapter: documents per second under Spark local mode (`make bench-spark`).

Reads the development set's text dumps with Spark's `binaryFile` source (the JVM reads the files, as a
real job would), caches them, warms the Python workers up on a few documents, then times
`clean_dataframe` over every document (each run counts the rows per `error_kind`; the Python workers
build every output column whatever is selected). Startup and warm-up are reported apart from the
timed runs: a long job pays them once. `--baseline` also times one plain Python process calling
`Cleaner.clean` on the same files, on the same machine at the same moment, for the ratio.

    python bench/spark.py --dataset ../shared/benchmarks/trafilatura-eval/text --master 'local[2]'
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_DATASET = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "trafilatura-eval" / "text"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Spark local-mode throughput of cleaner.integrations.spark")
    p.add_argument("--dataset", default=os.environ.get("BENCH_TEXT_DIR", str(DEFAULT_DATASET)),
                   help="directory of documents (default: the dev set's text dumps; env BENCH_TEXT_DIR)")
    p.add_argument("--glob", default="*.txt", help="file name pattern (default: *.txt)")
    p.add_argument("--kind", choices=("auto", "text", "html"), default="text")
    p.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    p.add_argument("--partitions", type=int, default=8, help="input partitions (default: 8)")
    p.add_argument("--repeat", type=int, default=2, help="timed runs; the best is reported (default: 2)")
    p.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    p.add_argument("--baseline", action="store_true", help="also time a single Python process (no Spark)")
    p.add_argument("--json", default=None, help="also write the results as JSON to this file")
    return p.parse_args(argv)


def baseline(dataset: Path, pattern: str, kind: str, limit: int | None, spark_rate: float) -> dict[str, Any]:
    """One process, one compiled Cleaner, the same files in the same order: the cost without Spark."""
    from cleaner import Cleaner, CleanerError

    paths = sorted(dataset.glob(pattern))[:limit]
    cleaner = Cleaner()
    cleaner.clean("Warm up: load the language model and stoplists before timing.", kind="text")
    t = time.perf_counter()
    for path in paths:
        try:
            cleaner.clean(path.read_bytes(), kind=kind)
        except CleanerError:
            pass
    rate = len(paths) / (time.perf_counter() - t)
    return {"baseline_docs_per_s": round(rate, 1), "spark_vs_baseline": round(spark_rate / rate, 2)}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    dataset = Path(args.dataset)
    if not dataset.is_dir():
        print(f"no dataset directory {dataset} (set --dataset or BENCH_TEXT_DIR)", file=sys.stderr)
        return 2
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # loopback only, whatever the host name resolves to
    t0 = time.perf_counter()
    from pyspark.sql import SparkSession

    from cleaner.integrations.spark import clean_dataframe

    spark = (
        SparkSession.builder.master(args.master).appName("cleaner-bench")
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - t0
    try:
        files = spark.read.format("binaryFile").option("pathGlobFilter", args.glob).load(str(dataset))
        docs = files.select("path", "content").orderBy("path")
        if args.limit:
            docs = docs.limit(args.limit)
        docs = docs.repartition(args.partitions).cache()
        n_docs = docs.count()
        n_bytes = docs.selectExpr("sum(length(content)) AS n").collect()[0]["n"] or 0

        t = time.perf_counter()
        clean_dataframe(docs.limit(2 * args.partitions), input_col="content", kind=args.kind) \
            .write.format("noop").mode("overwrite").save()
        warmup = time.perf_counter() - t

        runs: list[float] = []
        by_kind: dict[str, int] = {}
        for _ in range(max(1, args.repeat)):
            t = time.perf_counter()
            counts = clean_dataframe(docs, input_col="content", kind=args.kind).groupBy("error_kind").count().collect()
            runs.append(time.perf_counter() - t)
            by_kind = {row["error_kind"] or "ok": row["count"] for row in counts}
    finally:
        spark.stop()
    errors = n_docs - by_kind.get("ok", 0)

    best = min(runs)
    result: dict[str, Any] = {
        "bench": "spark", "master": args.master, "partitions": args.partitions, "kind": args.kind,
        "dataset": str(dataset), "docs": n_docs, "bytes": n_bytes, "errors": errors,
        "startup_s": round(startup, 2), "warmup_s": round(warmup, 2), "runs_s": [round(r, 2) for r in runs],
        "docs_per_s": round(n_docs / best, 1), "mb_per_s": round(n_bytes / best / 1e6, 3),
        "cpus": os.cpu_count(),
    }
    print(f"spark {args.master}: {n_docs} docs ({n_bytes / 1e6:.1f} MB, {errors} errors) in {best:.2f} s "
          f"(best of {len(runs)}) = {result['docs_per_s']} docs/s, {result['mb_per_s']} MB/s; "
          f"startup {startup:.1f} s, worker warm-up {warmup:.1f} s")
    if args.baseline:
        result.update(baseline(dataset, args.glob, args.kind, args.limit, n_docs / best))
        print(f"baseline, one Python process: {result['baseline_docs_per_s']} docs/s; "
              f"spark {args.master} / baseline = {result['spark_vs_baseline']}x")
    print(json.dumps(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
