"""`--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others).

Regions are given as 1-based lines and columns; columns count Unicode code points, as
`run.columnKind = "unicodeCodePoints"` states (not UTF-16 code units). Character offsets are left
out on purpose: newslint reads CRLF files with \n line endings, so its offsets would not match
the file on disk, while lines and columns do. Every rule newslint has is described in
`tool.driver.rules`; fixes other than display-only ones go in `result.fixes`. Paths become
percent-encoded URI references. `tests/integrations/test_formats.py` validates the output
against the OASIS schema. `tool.driver` has no `informationUri` (it is optional): newslint has
no published home page yet, and a link to a page that does not exist is worse than none.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

import newslint
from newslint import DOCS_URL
from newslint.docs import plain_text, rule_markdown, section
from newslint.quoting import name_bytes
from newslint.report import FileResult, ReportOptions
from newslint.violation import Diagnostic

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _region(result: FileResult, start: int, end: int) -> dict[str, int]:
    a, b = result.position(start), result.position(end)
    return {"startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column}


def _uri(path: str) -> str:
    """The real name's bytes (a name shown quoted is turned back), percent-encoded."""
    data = name_bytes(path)
    return quote(data.replace(b"\\", b"/") if os.sep == "\\" else data, safe="/")


def _result(r: FileResult, d: Diagnostic, rule_index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index[d.code],
        "level": "error" if d.severity.value == "error" else "warning",
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)},
                    "region": _region(r, d.span.start, d.span.end),
                }
            }
        ],
    }
    if d.fix is not None and d.fix.applicability.label != "display-only":
        out["fixes"] = [
            {
                "description": {"text": f"{d.fix.title} ({d.fix.applicability.label})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(r.path)},
                        "replacements": [
                            {
                                "deletedRegion": _region(r, e.span.start, e.span.end),
                                "insertedContent": {"text": e.content},
                            }
                            for e in d.fix.edits
                        ],
                    }
                ],
            }
        ]
    return out


def _description(rule: Any) -> str:
    """What the rule does and why, as plain text (SARIF viewers show `text` as it is)."""
    parts = (section(rule, "What it does"), section(rule, "Why is this bad?"))
    return plain_text("\n\n".join(p for p in parts if p)) or rule.name


def render(results: list[FileResult], options: ReportOptions) -> str:
    from newslint.registry import all_rules

    rules = all_rules()
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": plain_text(rule.summary()) or rule.name},
            "fullDescription": {"text": _description(rule)},
            "helpUri": f"{DOCS_URL}/rules/{rule.code}-{rule.name}.md",
            "help": {"text": _description(rule), "markdown": rule_markdown(rule)},
            "defaultConfiguration": {
                "level": "error" if rule.default_severity.value == "error" else "warning",
                "enabled": rule.enabled_by_default,
            },
            "properties": {"family": rule.family(), "fix": rule.fix_availability.value},
        }
        for rule in rules
    ]
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": newslint.__version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(r, d, rule_index) for r in results for d in r.diagnostics],
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
