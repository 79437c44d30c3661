"""The extent model's run-time scores are the model's dot products over the full feature rows.

At run time a line's row holds only the columns that can be non-zero for it (scoring/extent.py
ExtentRows); the trainer fits the model on the full rows (`ExtentRows.matrix`). Both must give the
same score for every line and state, or the model decides on other numbers than it was fitted on.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.html.extent import stretch_document, undecided_stretch
from cleaner.pipeline import language_model
from cleaner.scoring.extent import AFTER, BODY, GAP, LINE_FEATURES, load_extent_model
from cleaner.scoring.line_model import line_evidence

CASES = Path(__file__).parent.parent / "fixtures" / "cases"


def _documents():
    for case in sorted(CASES.iterdir()):
        for path in case.glob("input.*"):
            kind = "html" if path.suffix in (".html", ".htm") else "text"
            yield pytest.param(path, kind, id=case.name)


@pytest.mark.parametrize(("path", "kind"), list(_documents())[::3])
def test_scores_are_the_full_rows_dot_products(path: Path, kind: str) -> None:
    cleaner = Cleaner()
    raw = path.read_bytes()
    doc = cleaner.prepare(raw, kind=kind)
    if kind == "html":
        doc = stretch_document(doc, *undecided_stretch(doc))
    if not doc.segments:
        return
    evidence = line_evidence(doc, language_model().stopwords_for(doc.language), cleaner.config).rows
    model = load_extent_model()
    shift = 0.25
    scores = model.scores(evidence, shift)
    full = evidence.matrix()
    assert len(scores) == len(full) == len(doc.segments)
    for row, got in zip(full, scores):
        assert got[0] == 0.0
        for state in (BODY, GAP, AFTER):
            weights = list(model.line[state]) + list(model.doc[state]) + list(model.prose[state])
            expected = sum(w * v for w, v in zip(weights, row)) + (shift if state == BODY else 0.0)
            assert got[state] == pytest.approx(expected, abs=1e-9)
    # The full rows say what their names say: a ruled line is marked so, a line's neighbours' logits
    # are theirs, positions are shares.
    col = {name: k for k, name in enumerate(LINE_FEATURES)}
    lines = evidence.full_rows()
    for i, row in enumerate(lines):
        assert row[col["bias"]] == 1.0
        assert row[col["ruled"]] == (1.0 if doc.verdicts[i] is not None else 0.0)
        if i > 0:
            assert row[col["logit_prev"]] == lines[i - 1][col["logit"]] or doc.verdicts[i - 1] is not None
        if i + 1 < len(lines):
            assert row[col["logit_next"]] == lines[i + 1][col["logit"]] or doc.verdicts[i + 1] is not None
        for name in ("rel_pos", "win5", "top_gap", "tail_gap", "stop_density"):
            assert 0.0 <= row[col[name]] <= 1.0, name
