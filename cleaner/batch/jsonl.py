"""One record as one JSON Lines line.

JSON allows U+2028, U+2029 and U+0085 raw inside strings, and `json.dumps(..., ensure_ascii=False)`
writes them so. JSON Lines splits only on "\\n", but many readers split a file with
`str.splitlines()` (or a JavaScript line reader), which also break on those three: a record holding
one would arrive cut in two. They are written as `\\u` escapes instead, the same value for any JSON
reader, and every other character stays as it is (the output stays readable UTF-8).
"""

from __future__ import annotations

import json
from typing import Any

#: Characters that some line splitters take for a line end and `json.dumps` leaves raw.
_LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(record: Any, ascii_only: bool = False) -> str:
    """`record` as JSON on one line that every line splitter keeps whole (no newline at the end).

    >>> json_line({"text": "a\\u2028b"})
    '{"text": "a\\\\u2028b"}'
    >>> len(json_line({"text": "a\\u2028b"}).splitlines())
    1
    """
    return json.dumps(record, ensure_ascii=ascii_only).translate(_LINE_BREAKS)
