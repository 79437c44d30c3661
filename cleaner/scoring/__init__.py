"""The learnt models: the line scorer (the `heuristics` stage) and `Article.confidence`.

features (per line and context), features_extra (second stage: the article's core), vocabulary
(learnt word weights), heuristics (the two-stage linear model and the region it finds); the
weights are data in data/ (line_model.json, line_vocabulary.json), refit by `make train`.
confidence (a 0-1 score that the body is the whole article, read off the Article; its weights
in data/confidence_model.json, fitted by scripts/fit_confidence.py).
"""
