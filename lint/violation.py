"""What rules produce: violations with optional fixes made of edits, each with a safety level.

Modelled on ruff's Edit/Fix/Applicability: safety is a property of every fix, chosen by the
rule at the place where it knows how sure it is.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import Enum, IntEnum
from itertools import pairwise
from typing import TypeVar

from newslint._re_cache import code_of
from newslint.span import Span


class Applicability(IntEnum):
    """How sure a fix is. A fix is applied when its level is at least the level asked for."""

    DISPLAY_ONLY = 0  # a suggestion shown to the user, never applied
    UNSAFE = 1  # may be what the writer meant; applied only with --unsafe-fixes
    SAFE = 2  # keeps the meaning exactly; applied with --fix

    @property
    def label(self) -> str:
        return {0: "display-only", 1: "unsafe", 2: "safe"}[self.value]


class FixAvailability(Enum):
    """Declared by each rule and checked by the test harness against what it really emits."""

    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


_Class = TypeVar("_Class", bound=type)


def _pickled_plainly(cls: _Class) -> _Class:
    """A frozen dataclass with slots pickled as a tuple of its fields, by two methods written
    out for its fields. The dataclass's own (`_dataclass_getstate`, `_dataclass_setstate`)
    call `fields()` for every object, both ways: a parallel run's workers send each
    diagnostic back pickled, with its span, fix and edits, and the parent, which shares the
    cores with them, unpickles them (the parent's 0.5 G instructions after the fork over the
    corpus, of which 0.2 G unpickling: measured)."""
    names = [f.name for f in fields(cls)]
    source = (
        f"def __getstate__(self):\n    return ({''.join(f'self.{name}, ' for name in names)})\n"
        f"def __setstate__(self, state):\n    {', '.join(names)}, = state\n"
        + "".join(f"    _set(self, {name!r}, {name})\n" for name in names)
    )
    space: dict[str, object] = {"_set": object.__setattr__}
    # (compiled once and kept by the command, `_re_cache.code_of`)
    exec(code_of(source), space)  # noqa: S102 (the source is made of the class's field names)
    for method in ("__getstate__", "__setstate__"):
        function = space[method]
        function.__qualname__ = f"{cls.__qualname__}.{method}"  # type: ignore[attr-defined]
        setattr(cls, method, function)
    return cls


class Severity(Enum):
    WARNING = "warning"
    ERROR = "error"


@_pickled_plainly
@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace the text of `span` with `content`: an empty span inserts, empty content deletes."""

    span: Span
    content: str

    @classmethod
    def replace(cls, span: Span, content: str) -> Edit:
        return cls(span, content)

    @classmethod
    def delete(cls, span: Span) -> Edit:
        return cls(span, "")

    @classmethod
    def insert(cls, at: int, content: str) -> Edit:
        return cls(Span(at, at), content)


@_pickled_plainly
@dataclass(frozen=True, slots=True)
class Fix:
    """A group of edits applied all together or not at all. `withheld` says why a fix is shown
    but never offered for applying, even by hand (a word fix inside a direct quotation)."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability
    withheld: str = ""

    def __post_init__(self) -> None:
        if not self.edits:
            raise ValueError("a fix needs at least one edit")
        ordered = tuple(sorted(self.edits))
        for a, b in pairwise(ordered):
            if a.span.end > b.span.start or a.span == b.span:
                raise ValueError(f"overlapping edits in fix {self.title!r}")
        object.__setattr__(self, "edits", ordered)

    @classmethod
    def safe(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, edits, Applicability.SAFE)

    @classmethod
    def unsafe(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, edits, Applicability.UNSAFE)

    @classmethod
    def display_only(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, edits, Applicability.DISPLAY_ONLY)

    @property
    def span(self) -> Span:
        return Span(self.edits[0].span.start, self.edits[-1].span.end)

    def applies(self, required: Applicability) -> bool:
        return self.applicability >= required

    def demoted(self, applicability: Applicability, note: str = "", withheld: bool = False) -> Fix:
        """This fix at `applicability` at most; with `withheld`, `note` says why it is never applied."""
        level = min(self.applicability, applicability)
        title = f"{self.title} ({note})" if note else self.title
        reason = note if withheld else self.withheld
        return replace(self, applicability=Applicability(level), title=title, withheld=reason)


@_pickled_plainly
@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule yields: a problem at a span of the text, maybe with a fix, and maybe other
    candidate fixes (`alternatives`: "did you mean 'a', 'b' or 'c'?"), which are display-only:
    an editor offers each, `--fix` applies only `fix`."""

    code: str
    span: Span
    message: str
    fix: Fix | None = None
    alternatives: tuple[Fix, ...] = ()


@_pickled_plainly
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """What the engine reports: a violation after selection and suppression, with its rule's data."""

    path: str
    code: str
    name: str
    message: str
    severity: Severity
    span: Span
    fix: Fix | None
    alternatives: tuple[Fix, ...] = ()
