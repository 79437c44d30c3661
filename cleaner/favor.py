"""`favor` presets: how much doubtful text stays (`CleanerConfig.favor`, `--favor`).

Each preset moves the thresholds that decide borderline lines, relative to the configured ones, so
that an explicit `keep_threshold` or `inside_threshold` still counts:

- the line scorer's keep threshold (a line below it is not article text), its inside threshold
  (a line between two article lines stays if its score reaches it) and its gap (low-scoring lines
  allowed between two article lines);
- HTML mode: the weight of chrome against prose when the article container is chosen (higher: a
  smaller, purer container), the prose a block outside the container needs to stay, and whether
  lines the heuristics dropped inside the container are given back.

"balanced" is the default and changes nothing. The figures of each preset on the development set are
in the README (`cleaner eval --favor precision|recall`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import CleanerConfig

__all__ = ["FAVORS", "Tuning", "tuning"]


@dataclass(frozen=True)
class Tuning:
    #: Added to the line scorer's keep threshold (the model's own, or `keep_threshold`).
    keep_shift: float = 0.0
    #: Added to `inside_threshold`.
    inside_shift: float = 0.0
    #: Added to `max_gap` (at least 0 in all).
    gap_shift: int = 0
    #: HTML: weight of chrome characters against prose when choosing the article container.
    alpha: float = 0.8
    #: HTML: prose characters a block outside the container needs to stay.
    sibling_prose: int = 80
    #: HTML: give back what the heuristics dropped inside the article container.
    restore: bool = True


FAVORS: dict[str, Tuning] = {
    "balanced": Tuning(),
    "precision": Tuning(keep_shift=0.15, inside_shift=0.3, gap_shift=-1, alpha=1.0, sibling_prose=150),
    "recall": Tuning(keep_shift=-0.15, inside_shift=-0.2, gap_shift=1, alpha=0.6, sibling_prose=40),
}


def tuning(config: CleanerConfig) -> Tuning:
    return FAVORS[config.favor]
