"""`--format json`: one JSON array for the whole run. Other tools depend on this shape:

    {"path", "code", "name", "message", "severity",
     "start": {"line", "column", "offset"}, "end": {...},
     "fix": null | {"applicability": "safe"|"unsafe"|"display-only", "title",
                    "edits": [{"start": {...}, "end": {...}, "content"}]}}

`line` and `column` are 1-based; `column` and `offset` count Unicode code points; `offset` is
0-based into the decoded text (uniform CRLF line endings read as \\n).
"""

from __future__ import annotations

import json
from typing import Any

from newslint.report import FileResult, ReportOptions
from newslint.violation import Diagnostic


def _position(result: FileResult, offset: int) -> dict[str, int]:
    pos = result.position(offset)
    return {"line": pos.line, "column": pos.column, "offset": pos.offset}


def item(result: FileResult, d: Diagnostic) -> dict[str, Any]:
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.label,
            "title": d.fix.title,
            "edits": [
                {
                    "start": _position(result, e.span.start),
                    "end": _position(result, e.span.end),
                    "content": e.content,
                }
                for e in d.fix.edits
            ],
        }
    return {
        "path": result.path,
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "severity": d.severity.value,
        "start": _position(result, d.span.start),
        "end": _position(result, d.span.end),
        "fix": fix,
    }


def render(results: list[FileResult], options: ReportOptions) -> str:
    items = [item(r, d) for r in results for d in r.diagnostics]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
