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

import json
from typing import Any

from newslint.api import Problem
from newslint.report import FileResult, ReportOptions
from newslint.violation import Diagnostic


def item(result: FileResult, d: Diagnostic) -> dict[str, Any]:
    return Problem.of(d, result.position).to_json()


def render(results: list[FileResult], options: ReportOptions) -> str:
    items = [item(r, d) for r in results for d in r.diagnostics]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
