"""`--format json`: one JSON array for the whole run. Other tools depend on this shape:

    {"path", "code", "name", "message", "severity",
     "start": {"line", "column", "offset"}, "end": {...},
     "fix": null | {"applicability": "safe"|"unsafe"|"display-only", "title",
                    "edits": [{"start": {...}, "end": {...}, "content"}]},
     "alternatives": [{"applicability": "display-only", "title", "edits": [...]}, ...]}

`line` and `column` are 1-based; `column` and `offset` count Unicode code points; `offset` is
0-based into the decoded text (uniform CRLF line endings read as \\n). The items are
`newslint.api.Problem.to_json()`: the library API and this format cannot drift apart.
"""

from __future__ import annotations

import io
import json
from json.encoder import encode_basestring  # (C's, where built: what ensure_ascii=False uses)
from typing import Any, TextIO

from newslint.api import Problem
from newslint.report import FileResult, ReportOptions
from newslint.violation import Diagnostic

# One problem as an item of the indented array: `[obj]` encoded, less its "[\n" and "\n]".
_ENCODE = json.JSONEncoder(ensure_ascii=False, indent=2).encode


def item(result: FileResult, d: Diagnostic) -> dict[str, Any]:
    return Problem.of(d, result.position).to_json()


class _Unplain(Exception):
    """A value `_indented` does not write itself (a float, a key not a str): `_ENCODE` does."""


def _indented(o: Any, indent: str, out: list[str]) -> None:
    """`o` as the indented encoder writes it where its own line starts with `indent` (a
    newline and the spaces), appended to `out` in pieces. The encoder's pure Python generators
    (the C encoder is never used with an indent) cost about 55 K instructions a problem; the
    problems hold only dicts with str keys, lists, str, int and None."""
    t = type(o)
    if t is str:
        out.append(encode_basestring(o))
    elif t is dict:
        if not o:
            out.append("{}")
            return
        inner = indent + "  "
        opening = "{" + inner
        for k, v in o.items():
            if type(k) is not str:
                raise _Unplain
            out.append(opening + encode_basestring(k) + ": ")
            opening = "," + inner
            _indented(v, inner, out)
        out.append(indent + "}")
    elif t is list or t is tuple:
        if not o:
            out.append("[]")
            return
        inner = indent + "  "
        opening = "[" + inner
        for v in o:
            out.append(opening)
            opening = "," + inner
            _indented(v, inner, out)
        out.append(indent + "]")
    elif t is int:
        out.append(int.__repr__(o))
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    else:
        raise _Unplain


def encode_item(obj: dict[str, Any]) -> str:
    """One problem as an item of the indented array: `_ENCODE([obj])[2:-2]`, the same bytes."""
    out = ["  "]
    try:
        _indented(obj, "\n  ", out)
    except _Unplain:
        return _ENCODE([obj])[2:-2]
    return "".join(out)


def write(results: list[FileResult], options: ReportOptions, out: TextIO) -> None:
    """The report written one problem at a time, the bytes `json.dumps(items, indent=2)` gives:
    a big file's ten thousand problems are never all held as dicts and as one string (the
    indented encoder builds the whole text from small pieces: +85 MB for a 10 MB file)."""
    opened = False
    for r in results:
        for d in r.diagnostics:
            out.write(",\n" if opened else "[\n")
            out.write(encode_item(item(r, d)))
            opened = True
    out.write("\n]\n" if opened else "[]\n")


def render(results: list[FileResult], options: ReportOptions) -> str:
    out = io.StringIO()
    write(results, options, out)
    return out.getvalue()
