"""The pipeline as data (`cleaner.pipeline`): one list of stages per mode, one loop, one hook."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner, CleanerConfig, ConfigError
from cleaner.evaluate import load_dataset, read_input
from cleaner.pipeline import HTML_STAGES, STAGE_GROUPS, TEXT_STAGES, before_extent
from cleaner.rules import pipeline_rules, html_rules

TEXT = ("Advertisement\n\nThe mayor opened the new bridge on Monday, and traffic began to flow across the "
        "river for the first time in two years.\n\nShare this article")
HTML = ("<html><head><title>Bridge opens</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
        "<article><h1>Bridge opens</h1><p>The mayor opened the new bridge on Monday, and traffic began to flow "
        "across the river for the first time in two years.</p><p>Advertisement</p></article></body></html>")


@pytest.mark.parametrize("field,value", [("disabled_stages", {"heuristic"}), ("disabled_rules", {"XYZ999"}),
                                         ("disabled_rules", {"CRD", "crd001"})])
def test_unknown_stage_or_rule_names_are_a_config_error(field: str, value: set[str]) -> None:
    with pytest.raises(ConfigError, match="unknown"):
        Cleaner(CleanerConfig().replace(**{field: frozenset(value)}))


def test_every_stage_group_and_rule_family_may_be_switched_off() -> None:
    for group in STAGE_GROUPS:
        Cleaner(CleanerConfig(disabled_stages=frozenset({group}))).clean(TEXT)
    Cleaner(CleanerConfig(disabled_rules=frozenset({"CRD", "ADV001", "HTM"})))


def test_stage_names_are_unique_and_both_modes_decide_the_extent() -> None:
    for stages in (TEXT_STAGES, HTML_STAGES):
        names = [stage.name for stage in stages]
        assert len(names) == len(set(names))
        assert "extent" in names
        assert all(stage.group is None or stage.group in STAGE_GROUPS for stage in stages)


def test_every_code_rule_is_cited_by_a_stage_or_a_recovery() -> None:
    cited = {rule for stages in (TEXT_STAGES, HTML_STAGES) for stage in stages for rule in stage.rules}
    # HTM016 (the trafilatura fallback) and HTM018 (the JSON-LD body) are the HTML recoveries' own rules.
    code_rules = {rule.id for rule in pipeline_rules.RULES + html_rules.RULES} - {"HTM016", "HTM018"}
    assert code_rules <= cited, sorted(code_rules - cited)


@pytest.mark.parametrize("kind,raw,stages", [("text", TEXT, TEXT_STAGES), ("html", HTML, HTML_STAGES)])
def test_the_hook_sees_every_stage_in_order(kind: str, raw: str, stages: tuple) -> None:
    seen: list[str] = []

    def hook(name, run):
        seen.append(name)
        return run()

    plain = Cleaner().clean(raw, kind=kind)
    hooked = Cleaner(hook=hook).clean(raw, kind=kind)
    assert hooked.text == plain.text and hooked.removed == plain.removed
    names = [stage.name for stage in stages]
    assert [name for name in seen if name in names][: len(names)] == names
    assert seen[0] == "decode" and seen[-1] == "assemble"


def test_a_switched_off_group_is_not_run() -> None:
    seen: list[str] = []
    config = CleanerConfig(disabled_stages=frozenset({"heuristics", "structure"}))
    Cleaner(config, hook=lambda name, run: (seen.append(name), run())[1]).clean(TEXT, kind="text")
    assert "extent" not in seen and "captions" not in seen and "pattern rules" in seen


@pytest.mark.parametrize("kind,raw,stages", [("text", TEXT, TEXT_STAGES), ("html", HTML, HTML_STAGES)])
def test_prepare_runs_the_stages_before_the_extent(kind: str, raw: str, stages: tuple) -> None:
    seen: list[str] = []
    doc = Cleaner(hook=lambda name, run: (seen.append(name), run())[1]).prepare(raw, kind=kind)
    assert [name for name in seen if name in {s.name for s in stages}] == [s.name for s in before_extent(stages)]
    assert doc.region is None
    assert any(v is not None for v in doc.verdicts)  # the advert (text) or the menu (HTML) is labelled


def test_read_labels_nothing() -> None:
    doc = Cleaner().read(TEXT.encode(), kind="text")
    assert [s.text for s in doc.segments][0] == "Advertisement"
    assert all(v is None for v in doc.verdicts)


def test_a_rule_switched_off_gives_no_verdict_whichever_stage_asks() -> None:
    # The check is in Document.label / label_span, so a stage need not repeat it.
    doc = Cleaner().read(TEXT, kind="text")
    doc.enabled = frozenset({"ADV001"})
    assert not doc.label(2, "SHR001") and doc.verdicts[2] is None
    doc.label_span(2, doc.segments[2].start, doc.segments[2].end, "SHR001")
    assert doc.spans[2] == []
    assert doc.label(0, "ADV001") and doc.verdicts[0].rule == "ADV001"


@pytest.mark.parametrize("kind", ["text", "html"])
def test_switched_off_code_rules_cite_nothing(kind: str) -> None:
    pages = load_dataset(Path(__file__).parent.parent / "fixtures" / "evalset")[:6]
    on = [Cleaner().clean(read_input(p, kind), kind=kind, url=p.url) for p in pages]
    cited = {r.rule for a in on for r in a.removed if r.rule[:3] in ("EXT", "HTM", "TTL", "BRD", "DUP", "HEU", "MET")}
    assert cited  # the pages give the code rules something to do
    off = Cleaner(CleanerConfig(disabled_rules=frozenset(cited)))
    for page in pages:
        assert not {r.rule for r in off.clean(read_input(page, kind), kind=kind, url=page.url).removed} & cited
