"""Reporters: each turns the results of a run into one output format.

`FileResult` is what the runner hands over for each file: the diagnostics that remain (their
spans index `text`), the fixes applied, and any error reading the file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from typing import Any

from newslint.span import LineIndex, Position
from newslint.violation import Applicability, Diagnostic


def _no_fixes() -> Counter[str]:
    """An empty Counter without `Counter.__init__`'s two Python calls (one a file of a run): a
    Counter's `__init__` only updates it from its arguments, and there are none."""
    return Counter.__new__(Counter)


@dataclass(slots=True)  # one a file: slots keep a corpus run's 10,000 of them small
class FileResult:
    """What a file's check (or fix) gives the reporters."""

    path: str
    text: str = ""  # the text the diagnostics' spans refer to (the fixed text after --fix)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: Counter[str] = field(default_factory=_no_fixes)  # fixes applied, per rule code
    original: str | None = None  # the text before fixing, for --diff
    error: str | None = None  # could not be read or written: exit code 2
    unwritten: int = 0  # fixes made but not written (the write failed): never counted as fixed
    warning: str | None = None  # read with a fallback, skipped as binary, ...
    unsafe_by_config: bool = False  # its config sets `unsafe-fixes = true`
    _lines: LineIndex | None = field(default=None, repr=False)

    def __getstate__(self) -> tuple[object, ...]:
        # A parallel run's worker sends results back pickled: no fixes go as None, not as an
        # empty Counter, which unpickling builds with `Counter.__init__` (Python, for each
        # file with a problem); `_lines`, what `position` found, is found again if asked.
        return (
            self.path,
            self.text,
            self.diagnostics,
            dict(self.fixed) if self.fixed else None,
            self.original,
            self.error,
            self.unwritten,
            self.warning,
            self.unsafe_by_config,
        )

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        fixed: dict[str, int] | None
        (
            self.path,
            self.text,
            self.diagnostics,
            fixed,
            self.original,
            self.error,
            self.unwritten,
            self.warning,
            self.unsafe_by_config,
        ) = state
        self.fixed = _no_fixes() if fixed is None else Counter(fixed)
        self._lines = None

    def not_written(self, error: str, as_on_disk: FileResult | None = None) -> None:
        """The fixed text could not be written: its fixes are not counted as fixed. With
        `as_on_disk` (the unfixed text checked again), the problems reported are those of the
        text that stays on disk."""
        self.error = error
        self.unwritten, self.fixed = sum(self.fixed.values()), Counter()
        if as_on_disk is not None:
            self.text, self.diagnostics, self.original, self._lines = (
                as_on_disk.text,
                as_on_disk.diagnostics,
                None,
                None,
            )

    def position(self, offset: int) -> Position:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines.position(offset)


@dataclass(frozen=True)
class ReportOptions:
    """What the reporters need to know of the run."""

    fix: bool = False  # --fix was given
    unsafe_fixes: bool = False  # unsafe fixes apply: --unsafe-fixes, or `unsafe-fixes = true`
    unsafe_flag: bool = False  # ... and it took the --unsafe-fixes flag to say so
    statistics: bool = False
    quiet: bool = False
    color: bool = False

    @property
    def applied_level(self) -> Applicability:
        return Applicability.UNSAFE if self.unsafe_fixes else Applicability.SAFE


def fixable_now(d: Diagnostic, options: ReportOptions) -> bool:
    """Would --fix (with --unsafe-fixes if given) apply this diagnostic's fix?"""
    return d.fix is not None and d.fix.applies(options.applied_level)


_DIAGNOSTICS = attrgetter("diagnostics")


def counts(results: list[FileResult], options: ReportOptions) -> tuple[int, int, int]:
    """(problems, fixable with the fix level asked for, more fixable with --unsafe-fixes)."""
    total = fixable = hidden = 0
    for d in chain.from_iterable(filter(None, map(_DIAGNOSTICS, results))):  # (most have none)
        total += 1
        if fixable_now(d, options):
            fixable += 1
        elif d.fix is not None and not options.unsafe_fixes and d.fix.applies(Applicability.UNSAFE):
            hidden += 1
    return total, fixable, hidden


def rule_statistics(results: list[FileResult]) -> list[tuple[str, str, int, int]]:
    """(code, name, problems remaining, fixes applied) per rule, most frequent first."""
    found: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixed: Counter[str] = Counter()
    for r in results:
        fixed.update(r.fixed)
        for d in r.diagnostics:
            found[d.code] += 1
            names[d.code] = d.name
    codes = set(found) | set(fixed)
    if codes - set(names):
        from newslint.registry import all_rules

        names.update({rule.code: rule.name for rule in all_rules() if rule.code in codes})
    rows = [(c, names.get(c, ""), found[c], fixed[c]) for c in codes]
    return sorted(rows, key=lambda row: (-(row[2] + row[3]), row[0]))
