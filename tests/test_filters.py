"""Corpus filters of `cleaner clean` (`--language`, `--min-chars`, `--dedup`): what they do not keep is
skipped with its reason, counted, and never an error; every input still yields one record."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from cleaner.batch.skips import CorpusFilter, Filters

from .batch_helpers import ROOT, records, run

CASES = ROOT / "fixtures" / "cases"


def corpus(tmp_path: Path) -> Path:
    """German, English, French and Spanish articles; one twice, one nearly twice, one very short."""
    tree = tmp_path / "in"
    tree.mkdir(parents=True)
    for n, case in enumerate(["de_anzeige_werbung", "en_advert_markers", "fr_par_publie_le", "es_fecha_publicidad_glued",
                              "en_advert_markers"]):
        shutil.copy(CASES / case / "input.txt", tree / f"{n}_{case}.txt")
    long = (ROOT / "fixtures" / "samples" / "003_3870806a98106945.txt").read_text(encoding="utf-8")
    (tree / "5_long.txt").write_text(long, encoding="utf-8")
    at = long.index("Xi is in Moscow for the 80th")  # a syndicated copy with a word put in: a few bits apart
    (tree / "6_near_copy.txt").write_text(long[:at] + "Breaking: " + long[at:], encoding="utf-8")
    (tree / "7_short.txt").write_text("Kurz gemeldet: Der Bürgermeister eröffnete heute die neue Brücke.", encoding="utf-8")
    return tree


def test_language_keeps_the_languages_asked_for_and_skips_the_rest(tmp_path: Path) -> None:
    result = run("clean", str(corpus(tmp_path)), "-f", "jsonl", "--language", "de,EN")
    out = records(result.stdout)
    assert len(out) == 8 and result.returncode == 0, result.stderr
    skipped = {Path(r["source"]).name: r for r in out if r.get("skipped")}
    assert set(skipped) == {"2_fr_par_publie_le.txt", "3_es_fecha_publicidad_glued.txt"}
    assert skipped["2_fr_par_publie_le.txt"]["language"] == "fr" and skipped["2_fr_par_publie_le.txt"]["skip_kind"] == "language"
    assert "in fr, not de,en" in skipped["2_fr_par_publie_le.txt"]["skipped"]
    assert all(r["language"] in ("de", "en") and r["text"] for r in out if not r.get("skipped"))
    assert b"8 documents" in result.stderr and b"6 ok, 2 skipped, 0 errors" in result.stderr
    assert b"skipped by kind: language 2" in result.stderr


def test_min_chars_skips_short_bodies(tmp_path: Path) -> None:
    out = records(run("clean", str(corpus(tmp_path)), "-f", "jsonl", "--min-chars", "200", "-q").stdout)
    short = [r for r in out if r.get("skip_kind") == "min-chars"]
    assert [Path(r["source"]).name for r in short] == ["7_short.txt"]
    assert short[0]["chars"] < 200 and "--min-chars 200" in short[0]["skipped"]


def test_dedup_keeps_the_first_copy_and_names_it_in_the_later_ones(tmp_path: Path) -> None:
    result = run("clean", str(corpus(tmp_path)), "-f", "jsonl", "--dedup", "--jobs", "2")
    out = records(result.stdout)
    assert len(out) == 8 and result.returncode == 0
    dupes = {Path(r["source"]).name: r for r in out if r.get("skip_kind") == "duplicate"}
    assert set(dupes) == {"4_en_advert_markers.txt", "6_near_copy.txt"}
    assert Path(dupes["4_en_advert_markers.txt"]["duplicate_of"]).name == "1_en_advert_markers.txt"
    assert Path(dupes["6_near_copy.txt"]["duplicate_of"]).name == "5_long.txt"  # a word apart
    exact = records(run("clean", str(corpus(tmp_path / "b")), "-f", "jsonl", "--dedup", "--dedup-distance", "0",
                        "-q").stdout)
    assert [Path(r["source"]).name for r in exact if r.get("skipped")] == ["4_en_advert_markers.txt"]
    texts = run("clean", str(corpus(tmp_path / "c")), "--dedup", "-q").stdout.decode()
    assert texts.count("==> ") == 6  # text output: the kept articles only


def test_filters_together_and_in_csv(tmp_path: Path) -> None:
    result = run("clean", str(corpus(tmp_path)), "-f", "csv", "--language", "de,en", "--min-chars", "200", "--dedup", "-q")
    rows = list(csv.reader(io.StringIO(result.stdout.decode(), newline="")))
    assert len(rows) == 9 and rows[0][-2:] == ["skipped", "skip_kind"]
    kinds = sorted(row[-1] for row in rows[1:])
    assert kinds == ["", "", "", "duplicate", "duplicate", "language", "language", "min-chars"]


def test_the_near_duplicate_index_agrees_with_comparing_against_all() -> None:
    import random

    rng = random.Random(7)
    f = CorpusFilter(Filters(dedup=True, dedup_distance=3))
    kept: dict[str, int] = {}
    for i in range(3000):
        if kept and rng.random() < 0.5:  # a copy of a kept body, 0 to 6 bits off
            value = rng.choice(list(kept.values()))
            for bit in rng.sample(range(64), rng.randint(0, 6)):
                value ^= 1 << bit
        else:
            value = rng.getrandbits(64)
        near = [doc for doc, other in kept.items() if bin(value ^ other).count("1") <= 3]
        skip = f.check(f"d{i}", "body", None, f"{value:016x}")
        if near:
            assert skip is not None and skip.kind == "duplicate" and dict(skip.fields)["duplicate_of"] in near
        else:
            assert skip is None
            kept[f"d{i}"] = value
