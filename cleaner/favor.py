"""`favor` presets: how much doubtful text stays (`CleanerConfig.favor`, `--favor`).

Each preset moves the thresholds that decide borderline lines, relative to the configured ones, so
that the config's own settings still count:

- the score of the body state when the article's extent is decided (scoring/extent.py): how far the
  article reaches at its edges and whether a stretch inside it is page chrome;
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
    #: Added to every line's score in the article's body state when its extent is decided
    #: (scoring/extent.py): higher keeps more doubtful lines at the article's edges and inside it.
    body_shift: float = 0.0
    #: HTML: weight of chrome characters against prose when choosing the article container.
    alpha: float = 0.8
    #: HTML: prose characters a block outside the container needs to stay.
    sibling_prose: int = 80
    #: HTML: give back what the heuristics dropped inside the article container.
    restore: bool = True


FAVORS: dict[str, Tuning] = {
    "balanced": Tuning(),
    "precision": Tuning(body_shift=-0.5, alpha=1.0, sibling_prose=150),
    "recall": Tuning(body_shift=0.5, alpha=0.6, sibling_prose=40),
}


def tuning(config: CleanerConfig) -> Tuning:
    return FAVORS[config.favor]
