"""The Spark adapter under pyspark local[2]: one SparkSession for the whole module (JVM start is slow).

Outside CI the module is skipped when Java or pyspark is missing; in CI (CI=true) it must run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

import cleaner
from cleaner import replay
from cleaner.article import Removal

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "cases").glob("seed_*/input.txt"))
STATS_KEYS = ("input_chars", "output_chars", "segments", "kept_segments")
#: Less JIT work at JVM start: these tests run small jobs on 2 shared cores.
JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

# Every test here shares one session: keep them on one xdist worker (make test uses --dist loadgroup).
pytestmark = pytest.mark.xdist_group("spark")


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def _java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60, check=False).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        return 0
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


def _unavailable() -> str | None:
    java = _java()
    if java is None:
        return "Java 17+ not found (install openjdk-17-jre-headless or set JAVA_HOME): Spark tests need a JVM"
    if _java_major(java) < 17:
        return f"{java} is older than Java 17, which pyspark needs (install openjdk-17-jre-headless)"
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        return f"the spark extra is not installed ({exc.name}): pip install 'article-cleaner[spark]'"
    return None


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    reason = _unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Spark tests must run in CI: {reason}")
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "SPARK_LOCAL_IP")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # loopback only, whatever the host name resolves to
    session = (
        SparkSession.builder.master("local[2]").appName("cleaner-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.extraJavaOptions", JVM_OPTIONS)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")  # several batches per partition
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def as_dict(row: Any) -> dict[str, Any]:
    return row.asDict(recursive=True)


def assert_same_article(got: dict[str, Any], expected: cleaner.Article, name: str) -> None:
    """Every Article field from Spark equals the library's, the ledger and stats included."""
    want = expected.to_dict()
    for key in ("text", "title", "authors", "date", "publisher", "language", "url", "description",
                "captions", "image_credits", "removed", "kind", "datetime", "date_modified", "tags", "section",
                "license", "links", "comments", "fingerprint", "access", "truncated", "confidence"):
        assert got[key] == want[key], (name, key)
    stats = got["stats"]
    assert {k: stats[k] for k in STATS_KEYS} == {k: expected.stats[k] for k in STATS_KEYS}, name
    assert stats["removed_by_rule"] == expected.stats["removed_by_rule"], name
    assert stats["truncated"] == expected.stats.get("truncated"), name
    assert dict(stats["capped"] or {}) == expected.stats.get("capped", {}), name
    assert dict(stats["sources"] or {}) == expected.stats.get("sources", {}), name


def test_columns_equal_cleaner_clean_and_errors_get_a_column(spark: Any) -> None:
    from cleaner.integrations.spark import clean_dataframe

    docs = [(p.parent.name, p.read_text(encoding="utf-8")) for p in SEEDS]
    bad = [("empty", ""), ("blank", " \n\t "), ("null", None), ("nul-bytes", "abc\x00\x00def" * 20)]
    df = spark.createDataFrame(docs + bad, "id string, text string")  # 2 partitions, batches of 3
    rows = {r["id"]: as_dict(r) for r in clean_dataframe(df).collect()}

    assert len(rows) == len(docs) + len(bad)
    for name, raw in docs:
        row = rows[name]
        assert row["error"] is None and row["error_kind"] is None, row["error"]
        assert_same_article(row, cleaner.clean(raw, kind="text"), name)
        assert row["text"]  # the input column "text" was replaced by the cleaned body
    for name, kind in (("empty", "empty"), ("blank", "empty"), ("null", "empty"), ("nul-bytes", "binary")):
        assert rows[name]["error_kind"] == kind, (name, rows[name]["error"])
        assert rows[name]["error"].split(":")[0] in ("EmptyInputError", "BinaryInputError")
        assert rows[name]["text"] is None and rows[name]["removed"] is None
    with pytest.raises(cleaner.CleanerError) as info:
        cleaner.clean("abc\x00\x00def" * 20, kind="text")
    assert rows["nul-bytes"]["error"] == f"{type(info.value).__name__}: {info.value}"


def test_struct_output_with_bytes_urls_config_and_input(spark: Any) -> None:
    from cleaner.integrations.spark import article_schema, clean_dataframe

    config = cleaner.CleanerConfig(disabled_rules=frozenset({"ADV"}), reference_date="2025-05-08T12:00:00")
    site = ROOT / "fixtures" / "site"
    docs = [(p.name, p.read_bytes(), f"https://example.org/{p.name}") for p in sorted(site.glob("*.html"))]
    docs += [("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), None)]
    df = spark.createDataFrame(docs, "name string, raw binary, link string")
    out = clean_dataframe(df, input_col="raw", kind="auto", url_col="link", output="struct", config=config,
                          include_input=True)
    assert out.columns == ["name", "raw", "link", "article", "error", "error_kind"]
    assert out.schema["article"].dataType == article_schema(include_input=True)
    rows = {r["name"]: as_dict(r) for r in out.collect()}
    for name, raw, url in docs:
        row = rows[name]
        try:
            expected = cleaner.clean(raw, kind="auto", url=url, config=config)
        except cleaner.CleanerError as exc:
            assert row["article"] is None and row["error_kind"] == exc.kind, name
            continue
        assert row["error"] is None, row["error"]
        got = row["article"]
        assert_same_article(got, expected, name)
        assert got["normalized_input"] == expected.normalized_input
        ledger = [Removal(**r) for r in got["removed"]]
        assert replay(got["normalized_input"], ledger) == got["text"]
        assert "ADV001" not in got["stats"]["removed_by_rule"]
    assert rows["empty.html"]["error_kind"] == "empty" and rows["png"]["error_kind"] == "binary"
    assert rows["bridge.html"]["article"]["image_credits"]  # a real page, really cleaned


def test_bad_arguments_fail_before_any_job(spark: Any) -> None:
    from cleaner.integrations.spark import clean_dataframe

    df = spark.createDataFrame([("a",)], "body string")
    with pytest.raises(ValueError, match="no column 'text'"):
        clean_dataframe(df)
    with pytest.raises(ValueError, match="output"):
        clean_dataframe(df, input_col="body", output="rows")
    with pytest.raises(ValueError, match="kind"):
        clean_dataframe(df, input_col="body", kind="pdf")


def test_example_job_with_spark_submit(spark: Any, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "docs.jsonl"
    docs = [{"id": p.parent.name, "body": p.read_text(encoding="utf-8"), "url": f"https://example.org/{i}"}
            for i, p in enumerate(SEEDS[:3])]
    docs.append({"id": "empty", "body": "", "url": None})
    src.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    submit = Path(sys.executable).with_name("spark-submit")
    cmd = [str(submit)] if submit.exists() else [sys.executable]
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}
    proc = subprocess.run(
        [*cmd, *(["--master", "local[1]", "--conf", "spark.ui.enabled=false", "--driver-java-options", JVM_OPTIONS]
                 if submit.exists() else []),
         str(ROOT / "examples" / "spark_clean.py"),
         *([] if submit.exists() else ["--master", "local[1]"]),
         "--input-col", "body", "--url-col", "url", "--kind", "text", str(src), str(tmp_path / "out")],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "cleaned 4 documents" in proc.stdout and "empty=1" in proc.stdout and "ok=3" in proc.stdout
    table = pq.read_table(tmp_path / "out").to_pylist()
    rows = {r["id"]: r for r in table}
    assert set(rows) == {d["id"] for d in docs}
    for doc in docs[:3]:
        expected = cleaner.clean(doc["body"], kind="text", url=doc["url"])
        assert rows[doc["id"]]["text"] == expected.text
        assert rows[doc["id"]]["title"] == expected.title and rows[doc["id"]]["url"] == doc["url"]
        assert rows[doc["id"]]["body"] == doc["body"]  # input columns are kept
    assert rows["empty"]["error"].startswith("EmptyInputError:") and rows["empty"]["text"] is None


def test_the_schema_has_a_column_for_every_article_field() -> None:
    from cleaner.article import RECORD_FIELDS
    from cleaner.integrations.spark import article_arrow_schema

    names = [f.name for f in article_arrow_schema()]
    assert names == [name for name, _ in RECORD_FIELDS]
    assert {"canonical_url", "image"} <= set(names)
