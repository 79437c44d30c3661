"""The evaluation harness on a three-page copy of the development set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.evaluate import Counts, load_dataset, score_page

ROOT = Path(__file__).resolve().parent.parent
EVALSET = ROOT / "fixtures" / "evalset"


def test_counts_metric() -> None:
    c = Counts(tp=8, fn=2, fp=2, tn=8)
    assert c.precision == 0.8 and c.recall == 0.8 and c.f1 == 0.8 and c.accuracy == 0.8


def test_failed_page_counts_all_with_as_fn() -> None:
    page = load_dataset(EVALSET)[0]
    result = score_page(page, None, None, "EmptyInputError: x")
    assert result.counts.fn == len(page.with_) and result.counts.tn == len(page.without)


def test_eval_cli_writes_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "eval", "--dataset", str(EVALSET), "--mode", "both", "--json", str(out), "--ablate"],
        cwd=ROOT, capture_output=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text())
    for mode in ("text", "html"):
        total = report[mode]["total"]
        assert total["docs"] == 3
        assert total["tp"] + total["fn"] == sum(len(p.with_) for p in load_dataset(EVALSET))
        assert "HEU" in report[mode]["ablation"]
    assert b"F1" in result.stdout


def test_metadata_comparison_forgives_only_whitespace_case_and_list_rendering() -> None:
    from cleaner.evaluate import meta_matches

    assert meta_matches("title", "Bohren,  bis es heiß wird", "bohren, bis es HEISS wird".replace("HEISS", "heiß"))
    assert meta_matches("author", ["Ann Lee", "Bo Chu"], "Ann Lee und Bo Chu")
    assert meta_matches("author", ["Ann Lee", "Bo Chu"], "ann lee; bo chu")
    assert not meta_matches("author", ["Ann Lee"], "Ann Lee, Bo Chu")  # a subset is a miss
    assert not meta_matches("author", ["Stefanus"], "Stefanus Stahl")  # so is part of a name
    assert not meta_matches("author", [], "")
    assert meta_matches("date", "2019-10-16", "2019-10-16")


def _build_dumps(tmp_path: Path, styles: str) -> Path:
    import shutil

    root = tmp_path / "evalset"
    shutil.copytree(EVALSET, root)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_devsets.py"), "--dataset", str(root), "--styles", styles],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return root


def test_devsets_build_dumps_and_eval_scores_each_style(tmp_path: Path) -> None:
    root = _build_dumps(tmp_path, "inscriptis,bs4,html2text")
    for style in ("inscriptis", "bs4", "html2text"):
        dumps = sorted(p.name for p in (root / "dumps" / style).glob("*.txt"))
        assert dumps == sorted(f"{p.doc_id}.txt" for p in load_dataset(root))
    # the dumps really differ by converter: html2text writes Markdown, the others plain text
    page = load_dataset(root)[1].doc_id
    texts = {s: (root / "dumps" / s / f"{page}.txt").read_text() for s in ("inscriptis", "bs4", "html2text")}
    assert len(set(texts.values())) == 3
    again = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_devsets.py"), "--dataset", str(root), "--styles", "bs4"],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "cached" in again.stdout
    out = tmp_path / "styles.json"
    result = subprocess.run([sys.executable, "-m", "cleaner", "eval", "--dataset", str(root), "--dump", "html_text,inscriptis,bs4,html2text",
                             "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text())
    assert set(report["styles"]) == {"html_text", "inscriptis", "bs4", "html2text"}
    for row in report["styles"].values():
        assert row["tune"]["docs"] + row["test"]["docs"] == 3
    assert "gap" in report["summary"]["test"]
    single = subprocess.run([sys.executable, "-m", "cleaner", "eval", "--dataset", str(root), "--dump", "bs4", "--failures", "0"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert single.returncode == 0 and "text mode, 3 pages" in single.stdout


def test_devsets_innertext_renders_with_chromium_offline(tmp_path: Path) -> None:
    import os

    import pytest

    if not Path("/usr/bin/chromium").exists() and os.environ.get("CI") != "true":
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    root = _build_dumps(tmp_path, "innertext")
    page = next(p for p in load_dataset(root) if p.doc_id == "blog.python.org")
    text = (root / "dumps" / "innertext" / "blog.python.org.txt").read_text()
    assert any(s in text for s in page.with_) and "<div" not in text


@pytest.mark.parametrize("dump, message", [
    ("inscriptis", "make devsets"),  # not built for the fixture
    ("lynx", "unknown dump style"),
    ("extracted", "make devsets"),  # the fixture has two of the seven extractors
    ("html_text,trafilatura", "not both"),  # full-page and extracted styles are scored differently
])
def test_eval_dump_refuses_a_missing_unknown_or_mixed_style(dump: str, message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "cleaner", "eval", "--dataset", str(EVALSET), "--dump", dump],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and message in result.stderr


# --- extracted styles (issue 25): an extractor's output before and after the cleaner ---------------------------

def _eval_json(root: Path, tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path / "extracted.json"
    result = subprocess.run([sys.executable, "-m", "cleaner", "eval", "--dataset", str(root), "--json", str(out), *args],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    return result, (json.loads(out.read_text()) if result.returncode == 0 else {})


def test_eval_extracted_scores_the_output_as_is_and_cleaned(tmp_path: Path) -> None:
    """fixtures/evalset/dumps/ holds trafilatura's and boilerpy3's real output on the three pages."""
    import cleaner
    from cleaner.article import collapse_spaces
    from cleaner.evaluate import split

    result, report = _eval_json(EVALSET, tmp_path, "--dump", "trafilatura,boilerpy3")
    assert result.returncode == 0, result.stderr
    assert "before P / R / F1" in result.stdout and "must-drop removed / in input" in result.stdout
    assert set(report["styles"]) == {"trafilatura", "boilerpy3"}
    for style, halves in report["styles"].items():
        assert set(halves) == {"tune", "test"}
        for half, row in halves.items():
            pages = split(load_dataset(EVALSET), half)
            texts = {p.doc_id: (EVALSET / "dumps" / style / f"{p.doc_id}.txt").read_text(encoding="utf-8") for p in pages}
            # before: the dump itself under the snippet metric; after: cleaner text mode on it
            for key, body in (("before", texts), ("after", {d: cleaner.clean(t, kind="text").text for d, t in texts.items()})):
                flat = {d: collapse_spaces(t) for d, t in body.items()}
                tp = sum(collapse_spaces(s) in flat[p.doc_id] for p in pages for s in p.with_)
                fp = sum(collapse_spaces(s) in flat[p.doc_id] for p in pages for s in p.without)
                assert (row[key]["tp"], row[key]["fp"], row[key]["docs"]) == (tp, fp, len(pages)), (style, half, key)
            sn = row["snippets"]
            assert row["after"]["tp"] == row["before"]["tp"] - sn["must_keep_lost"] + sn["must_keep_gained"]
            assert row["after"]["fp"] == row["before"]["fp"] - sn["must_drop_removed"] + sn["must_drop_added"]
            assert row["worse"] == len(row["worse_pages"])
    # boilerpy3 leaves a blog's share links and a Facebook button in; the cleaner takes them out
    tune = report["styles"]["boilerpy3"]["tune"]
    assert tune["snippets"]["must_drop_removed"] == tune["snippets"]["must_drop_in_input"] == 2
    assert tune["removed_lines"]["residue"] >= 2 and tune["after"]["f1"] > tune["before"]["f1"] and tune["better"] == 1
    only_test, _ = _eval_json(EVALSET, tmp_path, "--dump", "boilerpy3", "--half", "test")
    assert only_test.returncode == 0 and "test half" in only_test.stdout and "tune half" not in only_test.stdout


def test_eval_extracted_counts_pages_made_worse_and_the_lines_removed(tmp_path: Path) -> None:
    """A set written here: one page whose must-keep line is one the cleaner removes (made worse, an article
    line lost), one with residue (removed), one whose extractor returned nothing (empty input, not worse)."""
    body = ("The city council approved the new budget on Monday after a debate that lasted well into the night.\n\n"
            "Schools will receive most of the additional money, the mayor said, with repairs coming first.\n\n")
    pages = {
        "a-worse": (body + "Advertisement\n\nOpposition members argued that the plan leaves too little for transport.\n",
                    ["The city council approved the new budget", "Advertisement"], ["Most read stories"]),
        "b-residue": (body + "Share to Facebook\n\nShare to Twitter\n",
                      ["Schools will receive most of the additional money"], ["Share to Facebook"]),
        "c-empty": ("", ["The city council approved the new budget"], ["Cookie settings"]),
    }
    root = tmp_path / "set"
    (root / "dumps" / "trafilatura").mkdir(parents=True)
    gold = {}
    for doc_id, (text, with_, without) in pages.items():
        (root / "dumps" / "trafilatura" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        gold[doc_id] = {"url": None, "html": f"html/{doc_id}.html.gz", "text": f"text/{doc_id}.txt", "with": with_, "without": without}
    (root / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result, report = _eval_json(root, tmp_path, "--dump", "trafilatura", "--half", "all")
    assert result.returncode == 0, result.stderr
    rows = report["styles"]["trafilatura"]
    total = {k: sum(rows[h]["snippets"][k] for h in rows) for k in ("must_keep_lost", "must_drop_removed", "must_drop_in_input")}
    assert total == {"must_keep_lost": 1, "must_drop_removed": 1, "must_drop_in_input": 1}
    assert sum(rows[h]["empty_inputs"] for h in rows) == 1
    worse = [w for h in rows for w in rows[h]["worse_pages"]]
    assert [w["page"] for w in worse] == ["a-worse"]
    assert worse[0]["f1_before"] == 1.0 and worse[0]["lost"][0]["snippet"] == "Advertisement" and worse[0]["lost"][0]["removed_by"]
    lost_lines = [x for h in rows for x in rows[h]["removed_article_lines"]]
    assert [(x["page"], x["text"]) for x in lost_lines] == [("a-worse", "Advertisement")]
    assert sum(rows[h]["removed_lines"]["residue"] for h in rows) >= 1
    assert sum(rows[h]["better"] for h in rows) == 1  # b-residue: F1 0.67 -> 1


def test_devsets_render_every_extractor_and_eval_reads_them(tmp_path: Path) -> None:
    from cleaner.evaluate import EXTRACTED_STYLES

    root = tmp_path / "evalset"
    import shutil

    shutil.copytree(EVALSET, root)
    build = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_devsets.py"), "--dataset", str(root), "--styles", "extracted"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    assert "trafilatura: cached" in build.stdout  # the fixture's own dumps, stamped with this version
    assert "goose3: 3 pages" in build.stdout and "(0 failed, 1 empty)" in build.stdout  # goose3 finds nothing on the blog
    for style in EXTRACTED_STYLES:
        folder = root / "dumps" / style
        assert sorted(p.name for p in folder.glob("*.txt")) == sorted(f"{p.doc_id}.txt" for p in load_dataset(root))
        assert json.loads((folder / "STAMP.json").read_text())["style"] == style
    texts = {s: (root / "dumps" / s / "blog.python.org.txt").read_text() for s in EXTRACTED_STYLES}
    assert "<" not in "".join(texts.values()) and len(set(texts.values())) >= 5
    assert "Subscribe to Python Insider" not in texts["trafilatura"]
    result, report = _eval_json(root, tmp_path, "--dump", "extracted", "--half", "test")
    assert result.returncode == 0, result.stderr
    assert list(report["styles"]) == list(EXTRACTED_STYLES)
    assert all(set(halves) == {"test"} for halves in report["styles"].values())


def test_justext_stoplist_follows_the_pages_language() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_devsets", ROOT / "scripts" / "build_devsets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    german = "<p>" + "Die Stadt hat den neuen Haushalt am Montag nach einer langen Debatte beschlossen, und das ist gut so. " * 3 + "</p>"
    assert module.justext_stoplist(f"<html lang='en'><body>{german}</body></html>") == "German"  # a theme's default lang
    assert module.justext_stoplist("<html lang='fr-FR'><body><p>42</p></body></html>") == "French"
    assert module.justext_stoplist("<html><head><meta property='og:locale' content='pl_PL'></head><body>1</body></html>") == "Polish"
    assert module.justext_stoplist("<html><body><p>42</p></body></html>") == "English"
