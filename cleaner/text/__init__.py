"""Text in, segments out, and the labelling stages every mode shares.

decode (bytes -> str), layout (undo an HTML-to-text converter's layout), normalize (odd spaces,
line endings), segment (lines and blank-line blocks), language (the language and its stopwords,
for the scorer), scripts (Chinese, Japanese, Korean and Thai: the language by script, the measures
the stages use for them); the `Document` the stages label, and the line stages every mode shares:
pattern rules (labelling), learned site lines (sites), structure across lines (structure).
"""
