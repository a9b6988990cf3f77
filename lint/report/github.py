"""`--format github`: GitHub Actions workflow commands, one annotation per problem.

Data is escaped as the runner expects (`%`, CR, LF), and property values also escape `:` and `,`.
"""

from __future__ import annotations

from newslint.quoting import printable
from newslint.report import FileResult, ReportOptions


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], options: ReportOptions) -> str:
    out = []
    for r in results:
        for d in r.diagnostics:
            start, end = r.position(d.span.start), r.position(d.span.end)
            level = "error" if d.severity.value == "error" else "warning"
            props = (
                f"file={escape_property(r.path)},line={start.line},col={start.column},"
                f"endLine={end.line},endColumn={end.column},title={escape_property(f'{d.code} {d.name}')}"
            )
            out.append(f"::{level} {props}::{escape_data(f'{d.code} {printable(d.message)}')}")
    return "".join(line + "\n" for line in out)
