"""`Article.fingerprint`: a 64-bit SimHash of the body, stable across runs, machines and Python versions.

The body is lower-cased and cut into words (runs of letters and digits; each Chinese, Japanese or
Thai character counts as a word of its own, as those scripts put no spaces between words); every
run of three consecutive words is a feature, hashed with BLAKE2b (8 bytes, read as a big-endian
number). Bit j of the fingerprint is 1 when more than half of the features have bit j set. Equal
bodies give equal fingerprints; bodies that differ in a few words give fingerprints that differ in a
few bits, so near-duplicates are found by the Hamming distance (`distance`: 3 bits or fewer is the
usual threshold for news text). Punctuation, spacing and case do not change it.

It costs about 1.5 ms for a 6,000-character body, so it is computed when first read (by
`Article.fingerprint` or `Article.to_dict`), not by `clean`.
"""

from __future__ import annotations

import re
from hashlib import blake2b

#: Scripts written without spaces between words: CJK ideographs, kana, Thai.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f"
_WORDS = re.compile(f"[{_UNSPACED}]|[^\\W{_UNSPACED}]+")
#: Words per feature (shingle).
SHINGLE = 3
#: Features counted per body; a longer body is read up to here.
MAX_FEATURES = 100_000


def simhash(text: str) -> str | None:
    """The 16-hex-digit SimHash of `text` (None for a text without words)."""
    words = _WORDS.findall(text.lower())
    if not words:
        return None
    if len(words) < SHINGLE:
        features = [" ".join(words)]
    else:
        features = list(map(" ".join, zip(words[:MAX_FEATURES], words[1:MAX_FEATURES + 1], words[2:MAX_FEATURES + 2])))
    digests = b"".join([blake2b(f.encode("utf-8"), digest_size=8).digest() for f in features])
    # The digests as one string of bits: bit j of every digest is every 64th character from j on, so
    # the votes are 64 counts done in C rather than 64 additions per feature in Python.
    bits = format(int.from_bytes(digests, "big"), f"0{64 * len(features)}b")
    half = len(features) / 2
    value = 0
    for j in range(64):
        if bits[j::64].count("1") > half:
            value |= 1 << (63 - j)
    return f"{value:016x}"


def distance(a: str, b: str) -> int:
    """Hamming distance between two fingerprints (the number of bits that differ, 0 to 64)."""
    return bin(int(a, 16) ^ int(b, 16)).count("1")
