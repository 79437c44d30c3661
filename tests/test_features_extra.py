"""The core features: where a line sits relative to the run of lines the first-stage scorer liked."""

from cleaner.scoring.features import LineStats
from cleaner.scoring.features_extra import CORE_NAMES, SECOND_STAGE_NAMES, core_features, second_stage_rows


def _stats(lengths):
    return [LineStats(n, n // 6, 0.3, True, n >= 80) for n in lengths]


def test_lines_beyond_unliked_lines_are_far_from_the_core():
    # An article of three liked paragraphs, then a heading and headline list, then a liked blurb.
    first = [0.9, 0.95, 0.9, 0.1, 0.2, 0.1, 0.2, 0.8]
    rows = core_features(first, _stats([300, 300, 300, 20, 40, 40, 40, 120]))
    assert [r[0] for r in rows] == [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    blurb = dict(zip(CORE_NAMES, rows[7]))
    assert blurb["core_far"] == 1.0 and blurb["core_gap_low"] == 0.4
    heading = dict(zip(CORE_NAMES, rows[3]))
    assert heading["core_far"] == 0.0 and heading["core_gap_lines"] == 1 / 30


def test_nothing_liked_means_no_core():
    rows = core_features([0.1, 0.2], _stats([50, 50]))
    assert rows == [[0.0] * len(CORE_NAMES)] * 2


def test_second_stage_rows_match_their_names():
    first = [0.9, 0.1, 0.8]
    rows = second_stage_rows(first, _stats([200, 10, 200]))
    assert all(len(r) == len(SECOND_STAGE_NAMES) for r in rows)
