"""Article.confidence (issue 17, item 3): a 0-1 score that the body is the whole article, from a
logistic model over features read off the Article (cleaner/scoring/confidence.py, weights in
cleaner/scoring/data/confidence_model.json, fitted by scripts/fit_confidence.py)."""

from __future__ import annotations

import json
import math
import pickle
from pathlib import Path

import pytest

import cleaner
from cleaner.scoring.confidence import FEATURE_NAMES, features, load_model, ranking_report, spearman

from .test_fields import page

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "fixtures/samples").glob("*.txt"))
CASES = sorted((ROOT / "fixtures/cases").glob("*/input.*"))

PROSE = "".join(
    f"<p>Paragraph {i} of the report: the council met again on the {i}th and agreed, after a long debate "
    f"about the budget, to keep the library open on Sundays through the winter, whatever the costs.</p>"
    for i in range(1, 9)
)


def test_the_model_has_named_weights_for_both_modes() -> None:
    data = json.loads((ROOT / "cleaner/scoring/data/confidence_model.json").read_text(encoding="utf-8"))
    for mode in ("text", "html"):
        assert set(data["models"][mode]) == set(FEATURE_NAMES)
        assert len(load_model()[mode]) == len(FEATURE_NAMES)
    assert "tune half" in data["fitted_on"]


@pytest.mark.parametrize("path", SAMPLES + CASES, ids=lambda p: p.parent.name if p.name.startswith("input") else p.name)
def test_confidence_is_a_probability_on_every_fixture(path: Path) -> None:
    article = cleaner.clean(path.read_bytes())
    value = article.confidence
    assert 0.0 <= value <= 1.0 and value == round(value, 3)
    assert article.to_dict()["confidence"] == value
    assert len(features(article)) == len(FEATURE_NAMES)
    assert all(math.isfinite(x) for x in features(article))
    if not article.text:
        assert value == 0.0


def test_empty_body_has_zero_confidence() -> None:
    article = cleaner.clean("Read Entire Article\n\nAdvertisement", kind="text")
    assert article.text == "" and article.confidence == 0.0


def test_a_whole_article_scores_above_its_teaser() -> None:
    whole = cleaner.clean(page(body=PROSE), kind="html")
    teaser = cleaner.clean(page(body=PROSE[: PROSE.index("</p>") + 4] + "<p>Subscribe now to continue reading.</p>"),
                           kind="html")
    assert whole.confidence > teaser.confidence
    assert teaser.truncated


def test_confidence_survives_pickling_and_is_computed_once() -> None:
    article = cleaner.clean(page(body=PROSE), kind="html")
    first = article.confidence
    assert "confidence" in article.__dict__  # cached on first read
    assert pickle.loads(pickle.dumps(article)).confidence == first


def test_json_output_carries_confidence(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cleaner.cli import app

    src = tmp_path / "a.html"
    src.write_text(page(body=PROSE), encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", str(src), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert 0 < record["confidence"] <= 1


def test_ranking_report_counts_the_loss_in_the_lowest_tenth() -> None:
    f1 = [1.0] * 18 + [0.0, 0.5]
    perfect = ranking_report([0.9] * 18 + [0.1, 0.2], f1)
    assert perfect["loss_in_lowest"] == 1.0 and perfect["f1_lowest"] == 0.25 and perfect["f1_rest"] == 1.0
    backwards = ranking_report([0.1, 0.2] + [0.9] * 18, f1)
    assert backwards["loss_in_lowest"] == 0.0
    assert spearman([1, 2, 3], [1, 2, 3]) == pytest.approx(1.0)
    assert spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 1], [1, 2, 3]) == 0.0
