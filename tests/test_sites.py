"""Site boilerplate learned across a batch: `cleaner learn`, `clean --site-rules`, `clean --learn-sites`."""

from __future__ import annotations

import json
import random
from pathlib import Path

import tomllib
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.text.sites import SiteLearner, line_key, site_of

from .batch_helpers import records, run

FOOTERS = {
    "riverside-gazette.com": "The Riverside Gazette has been owned by Blue Harbor Media Group since 1998 and is printed in Ohio.",
    "www.hilltop-news.org": "Hilltop News is a member of the state press association and we welcome your letters to the editor.",
}
WORDS = ("the council said that a new budget would help the school library and the old river bridge "
         "people in the city voted this year after weeks of local planning").split()


def corpus(path: Path, per_site: int = 5) -> Path:
    """JSON Lines pages from two sites; each page is prose plus its site's footer (which reads like prose)."""
    rng = random.Random(7)
    lines = []
    for site, footer in FOOTERS.items():
        for k in range(per_site):
            paragraphs = [" ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(3)]
            text = "\n\n".join(paragraphs[:2] + [footer] + paragraphs[2:])
            lines.append(json.dumps({"id": f"{site}-{k}", "url": f"https://{site}/story/{k}", "text": text}))
    # One page of a third site quotes the Riverside footer: another site's rules must not touch it.
    lines.append(json.dumps({"id": "other", "url": "https://other.example/a",
                             "text": " ".join(WORDS) + ".\n\n" + FOOTERS["riverside-gazette.com"]}))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_learn_writes_reviewable_rules_and_clean_applies_them(tmp_path: Path) -> None:
    docs = corpus(tmp_path / "pages.jsonl")
    learned = run("learn", str(docs), "-o", str(tmp_path / "site-rules.toml"))
    assert learned.returncode == 0, learned.stderr
    rules = tomllib.loads((tmp_path / "site-rules.toml").read_text())["sites"]
    assert rules == {
        "hilltop-news.org": {"docs": 5, "lines": [FOOTERS["www.hilltop-news.org"]]},
        "riverside-gazette.com": {"docs": 5, "lines": [FOOTERS["riverside-gazette.com"]]},
    }
    plain = {r["id"]: r for r in records(run("clean", str(docs), "-f", "jsonl", "-q").stdout)}
    cleaned = {r["id"]: r for r in records(run("clean", str(docs), "--site-rules", str(tmp_path / "site-rules.toml"),
                                               "-f", "jsonl", "-q").stdout)}
    for doc_id, record in cleaned.items():
        site_removals = [r for r in record["removed"] if r["rule"] == "SIT001"]
        if doc_id == "other":
            assert not site_removals and FOOTERS["riverside-gazette.com"] in record["text"]
            continue
        footer = FOOTERS[doc_id.rsplit("-", 1)[0]]
        assert footer in plain[doc_id]["text"], "no single-document rule removes the footer"
        assert [r["text"] for r in site_removals] == [footer] and footer not in record["text"]
        assert record["text"] == plain[doc_id]["text"].replace("\n\n" + footer, ""), "nothing else changes"


def test_learn_sites_in_one_run_from_files_and_from_stdin(tmp_path: Path) -> None:
    docs = corpus(tmp_path / "pages.jsonl")
    for args, stdin in ((["clean", str(docs)], None), (["clean", "-"], docs.read_bytes())):
        result = run(*args, "--learn-sites", "-f", "jsonl", stdin=stdin)
        assert result.returncode == 0, result.stderr
        out = records(result.stdout)
        assert len(out) == 11
        assert sum(1 for r in out for x in r["removed"] if x["rule"] == "SIT001") == 10
        assert b"learned 2 boilerplate line(s) on 2 site(s)" in result.stderr


def test_site_rule_is_registered_and_can_be_disabled(tmp_path: Path) -> None:
    rules = json.loads(run("rules", "--format", "json").stdout)
    assert any(r["id"] == "SIT001" for r in rules)
    docs = corpus(tmp_path / "pages.jsonl")
    (tmp_path / "off.toml").write_text('disabled_rules = ["SIT"]\n')
    out = records(run("clean", str(docs), "--learn-sites", "-f", "jsonl", "-q", "--config", str(tmp_path / "off.toml")).stdout)
    assert not any(x["rule"] == "SIT001" for r in out for x in r["removed"])
    assert run("clean", str(docs), "--site-rules", str(tmp_path / "missing.toml")).returncode == 2


@settings(max_examples=30, deadline=None)
@given(pages=st.lists(st.lists(st.integers(min_value=0, max_value=5000), max_size=60), min_size=1, max_size=40),
       cap=st.integers(min_value=100, max_value=400))
def test_learner_memory_is_bounded_per_site(pages: list[list[int]], cap: int) -> None:
    learner = SiteLearner(cap=cap, min_docs=2)
    for numbers in pages:
        learner.add("https://www.example.com/x", "\n".join(f"line number {n}" for n in numbers + [7, 7]))
    assert len(learner.counts["example.com"]) <= cap
    assert len(learner.texts["example.com"]) <= cap
    if len(pages) >= 2:  # a line on every page always survives and is learned
        assert "line number 7" in learner.rules(min_share=1.0).get("example.com", [])


def test_site_and_line_keys() -> None:
    assert site_of("https://WWW.Example.com:8080/a?b") == "example.com"
    assert site_of(None) is None and site_of("not a url") is None
    assert line_key("  Subscribe   NOW ") == line_key("subscribe now") != line_key("subscribe later")
