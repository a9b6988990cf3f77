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
from typing import Any, TextIO

from newslint.api import Problem
from newslint.report import FileResult, ReportOptions
from newslint.violation import Diagnostic

# One problem as an item of the indented array: `[obj]` encoded, less its "[\n" and "\n]".
_ENCODE = json.JSONEncoder(ensure_ascii=False, indent=2).encode


def item(result: FileResult, d: Diagnostic) -> dict[str, Any]:
    return Problem.of(d, result.position).to_json()


def write(results: list[FileResult], options: ReportOptions, out: TextIO) -> None:
    """The report written one problem at a time, the bytes `json.dumps(items, indent=2)` gives:
    a big file's ten thousand problems are never all held as dicts and as one string (the
    indented encoder builds the whole text from small pieces: +85 MB for a 10 MB file)."""
    opened = False
    for r in results:
        for d in r.diagnostics:
            out.write(",\n" if opened else "[\n")
            out.write(_ENCODE([item(r, d)])[2:-2])
            opened = True
    out.write("\n]\n" if opened else "[]\n")


def render(results: list[FileResult], options: ReportOptions) -> str:
    out = io.StringIO()
    write(results, options, out)
    return out.getvalue()
