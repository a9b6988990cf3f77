"""Applying fixes: one pass over non-overlapping fixes, then re-check, to a fixpoint.

Follows ruff's `apply_fixes` and `lint_fix`: a fix that overlaps or touches one already taken
in this pass waits for the next pass, where it is recomputed on the new text; the loop stops
when nothing applicable is left, and fails (leaving the text untouched) when it runs too long
or comes back to a text it has seen, naming the rules that fought.

When fixes overlap, the one with the higher rank is taken first (the linter ranks them by rule:
a desk's house style over a typo fix over a spelling-variety fix, see `Rule.fix_rank`); among
equal ranks the earlier one in the text wins, then the lower rule code.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newslint.violation import Applicability, Fix, Violation

MAX_PASSES = 20


class FixError(Exception):
    """Fixing did not converge; the caller leaves the file as it was."""

    def __init__(self, message: str, codes: Iterable[str]) -> None:
        self.codes = sorted(set(codes))
        super().__init__(
            f"{message} (rules involved: {', '.join(self.codes) or 'none'}); "
            "the file was left unchanged. This is a newslint bug: please report it."
        )


@dataclass
class FixOutcome:
    """A fixed text, the fixes applied by rule code, and what the last check still found."""

    text: str
    applied: Counter[str] = field(default_factory=Counter)  # fixes applied, per rule code
    remaining: list[Violation] = field(default_factory=list)  # what the last check reported


def apply_fixes(
    text: str,
    violations: Iterable[Violation],
    required: Applicability,
    rank: Callable[[str], int] | None = None,
) -> tuple[str, list[Violation]]:
    """Apply the fixes that reach `required`, skipping any that overlaps or touches one taken
    before it: fixes of a higher `rank(code)` are taken first, then in the order of the text."""
    by_rank = rank or (lambda code: 0)
    fixable = sorted(
        ((v.fix, v) for v in violations if v.fix is not None and v.fix.applies(required)),
        key=lambda pair: (-by_rank(pair[1].code), pair[0].span.start, pair[0].span.end, pair[1].code),
    )
    starts: list[int] = []  # the taken fixes' spans, in text order (they never overlap)
    ends: list[int] = []
    taken: list[tuple[Fix, Violation]] = []
    for fix, v in fixable:
        span = fix.span
        i = bisect.bisect_left(starts, span.start)
        if (i > 0 and ends[i - 1] >= span.start) or (i < len(starts) and starts[i] <= span.end):
            continue  # overlaps or touches a fix already taken: next pass
        starts.insert(i, span.start)
        ends.insert(i, span.end)
        taken.append((fix, v))
    taken.sort(key=lambda pair: pair[0].span.start)
    out: list[str] = []
    cursor = 0
    for fix, _ in taken:
        for edit in fix.edits:
            out.append(text[cursor : edit.span.start])
            out.append(edit.content)
            cursor = edit.span.end
    out.append(text[cursor:])
    return "".join(out), [v for _, v in taken]


def fix_until_stable(
    text: str,
    check: Callable[[str], list[Violation]],
    required: Applicability,
    rank: Callable[[str], int] | None = None,
) -> FixOutcome:
    """Fix `text` again and again until the check finds nothing more to apply."""
    seen = {text}
    outcome = FixOutcome(text)
    history: list[str] = []
    for _ in range(MAX_PASSES):
        violations = check(outcome.text)
        new_text, applied = apply_fixes(outcome.text, violations, required, rank)
        if not applied or new_text == outcome.text:
            outcome.remaining = violations
            return outcome
        history.extend(v.code for v in applied)
        if new_text in seen:
            raise FixError("fixes undo each other", (v.code for v in applied))
        seen.add(new_text)
        outcome.applied.update(v.code for v in applied)
        outcome.text = new_text
    raise FixError(f"fixes did not settle after {MAX_PASSES} passes", history[-20:])
