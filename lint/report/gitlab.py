"""`--format gitlab`: a GitLab Code Quality report (the subset of the Code Climate format that
GitLab reads from `artifacts: reports: codequality:`), one JSON array for the whole run:

    [{"description", "check_name", "fingerprint", "severity",
      "location": {"path", "lines": {"begin", "end"}}}]

Errors are `major` and warnings `minor` on GitLab's scale. The fingerprint, by which GitLab tells
a new problem from one it has seen, is made of the path, the code, the reported text and its
place among the same text's reports in that file, not of the line: a problem keeps its
fingerprint when lines are added above it.
"""

from __future__ import annotations

import json
from collections import Counter

from newslint.report import FileResult, ReportOptions

SEVERITY = {"error": "major", "warning": "minor"}


def render(results: list[FileResult], options: ReportOptions) -> str:
    import hashlib  # only this format needs it: kept out of every run's start-up

    issues = []
    for r in results:
        seen: Counter[tuple[str, str]] = Counter()
        for d in r.diagnostics:
            quoted = r.text[d.span.start : d.span.end]
            seen[d.code, quoted] += 1
            key = "\0".join((r.path, d.code, quoted, str(seen[d.code, quoted])))
            start, end = r.position(d.span.start), r.position(d.span.end)
            issues.append(
                {
                    "description": f"{d.code} {d.message}",
                    "check_name": f"newslint/{d.code}",
                    "fingerprint": hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32],
                    "severity": SEVERITY[d.severity.value],
                    "location": {"path": r.path, "lines": {"begin": start.line, "end": end.line}},
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
