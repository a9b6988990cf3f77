"""The default, human format: `path:line:col: CODE [*] message`, then a summary line."""

from __future__ import annotations

from operator import attrgetter

from newslint.quoting import printable
from newslint.report import FileResult, ReportOptions, counts, fixable_now, rule_statistics

_BOLD, _RED, _CYAN, _DIM, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[36m", "\x1b[2m", "\x1b[0m"
_UNWRITTEN, _FIXED, _ERROR = attrgetter("unwritten"), attrgetter("fixed"), attrgetter("error")


def render(results: list[FileResult], options: ReportOptions) -> str:
    paint = (lambda code, s: f"{code}{s}{_RESET}") if options.color else (lambda code, s: s)
    lines: list[str] = []
    if not options.quiet:
        for r in results:
            for d in r.diagnostics:
                pos = r.position(d.span.start)
                mark = " [*]" if fixable_now(d, options) else ""
                where = f"{paint(_BOLD, r.path)}:{pos.line}:{pos.column}:"
                lines.append(f"{where} {paint(_RED, d.code)}{paint(_CYAN, mark)} {printable(d.message)}")
    if options.statistics:
        lines.extend(statistics_table(results, options))
    said = summary(results, options)
    if said:
        lines.append(said)
    return "\n".join(lines) + "\n" if lines else ""


def statistics_table(results: list[FileResult], options: ReportOptions) -> list[str]:
    """One row per rule: problems, code, `[*]` when --fix would repair some of them (as ruff
    marks them), name, and the fixes applied."""
    fixable = {d.code for r in results for d in r.diagnostics if fixable_now(d, options)}
    return [
        f"{found:6} {code:6} {'[*]' if code in fixable else '   '} {name:32} "
        f"{'(' + str(fixed) + ' fixed)' if fixed else ''}".rstrip()
        for code, name, found, fixed in rule_statistics(results)
    ]


def summary(results: list[FileResult], options: ReportOptions) -> str:
    total, fixable, hidden = counts(results, options)
    # (each pass over the results reads as few fields as it can in Python: a corpus run has
    # 10,000 results, most with nothing to count)
    fixed = sum(sum(c.values()) for c in filter(None, map(_FIXED, results)))
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} problem{'s' * (fixed != 1)}.")
    # Files that could not be checked are said on stderr with their errors, not here; fixes whose
    # write failed (their errors are on stderr too) are not counted as made, and said here.
    unwritten = sum(map(_UNWRITTEN, results))
    files = sum(map(bool, map(_UNWRITTEN, results))) if unwritten else 0
    not_written = f"{_fixes(unwritten)} not written ({files} file{'s' * (files != 1)} unchanged)."
    if unwritten and total == 0:
        return " ".join([*parts, not_written])
    if total == 0:
        failed = any(not r.unwritten for r in filter(_ERROR, results))
        if not failed or fixed:
            parts.append("No problems found." if not fixed else "No problems remain.")
        return " ".join(parts)
    noun = "problem" if total == 1 else "problems"
    extra = []
    if fixable and not options.fix:
        extra.append(f"{fixable} fixable with --fix{' --unsafe-fixes' * options.unsafe_flag}")
    if hidden:
        extra.append(
            f"{hidden} more with --unsafe-fixes" if extra else f"{hidden} fixable with --unsafe-fixes"
        )
    tail = f" ({', '.join(extra)})" if extra else ""
    parts.append(f"{total} {noun}{' remaining' if fixed else ''}{tail}.")
    return " ".join([*parts, not_written] if unwritten else parts)


def _fixes(n: int) -> str:
    return f"{n} fix{'es' * (n != 1)}"
