"""NL501 double-space."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.document import Document
from newslint.native import native
from newslint.rule import NOTHING, Rule
from newslint.rules.typography._no_break import NBSP, keeps_no_break_space
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# Space first, the character before it checked by a look-behind after it: the regex engine
# then jumps from space to space instead of trying every position.
_RUN = re.compile(r"[ \u00a0](?<=\S[ \u00a0])[ \u00a0]+(?=\S)")
# _RUN where no no-break space can occur: it opens with two spaces, a literal the engine finds
# by a quick search; indentation after a newline (most runs) fails at the look-behind at once.
_SPACE_RUN = re.compile(r"  (?<=\S  ) *(?=\S)")
# Two spaces after a full stop are a typing convention, and "--" or ALL-CAPS data lines are
# wire formatting: neither is damage between words.
_AFTER_SENTENCE = re.compile(r"[.!?:][\"”’')\]]?$")


class DoubleSpace(Rule):
    """## What it does
    Finds two or more spaces between words inside a line of prose.

    ## Why is this bad?
    Extra spaces are left behind by editing and pasting; they show up in print and on the web
    as uneven gaps, and they break phrase searches in archives.

    ## Example
        violent clashes took place between the Assad regime forces  around the position.

    ## Use instead
        violent clashes took place between the Assad regime forces around the position.

    ## Fix safety
    Safe: collapsing a run of spaces to one changes no word. Column-aligned tables (wire data),
    ALL-CAPS data lines, indentation at the start of a line, and two spaces after a full stop
    (a typing convention, not damage) are left alone. A run of no-break spaces counts too; where
    a no-break space belongs (`10\u00a0\u00a0km`) it becomes one no-break space.
    """

    code = "NL501"
    name = "double-space"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: a story with no run between words (most) pays one call. Where the text
        # holds no no-break space (most stories), the runs come from one compiled scan
        # (`space_run_spans`), not the regex engine's stop at every two spaces of indentation.
        text = doc.text
        if NBSP in text:
            return self._report(doc, [m.span() for m in _RUN.finditer(text)])
        runs = space_run_spans(text)
        return self._report(doc, runs) if runs else NOTHING

    def _report(self, doc: Document, runs: list[tuple[int, int]]) -> Iterator[Violation]:
        text = doc.text
        for start, end in runs:
            span = Span(start, end)
            if not is_double_space(doc, span):
                continue
            run = text[start:end]
            if NBSP not in run:
                yield self.violation(
                    span,
                    f"{len(run)} spaces between words",
                    Fix.safe("Replace with one space", Edit.replace(span, " ")),
                )
            elif keeps_no_break_space(text, span.start, span.end):  # 10\u00a0\u00a0km
                yield self.violation(
                    span,
                    f"{len(run)} spaces between words (no-break spaces among them)",
                    Fix.safe("Replace with one no-break space", Edit.replace(span, NBSP)),
                )
            else:
                yield self.violation(
                    span,
                    f"{len(run)} spaces between words (no-break spaces among them)",
                    Fix.safe("Replace with one space", Edit.replace(span, " ")),
                )


def space_runs(text: str) -> Iterator[re.Match[str]]:
    """`_RUN.finditer(text)`: where the text holds no no-break space (most stories), the same
    runs found by `_SPACE_RUN`, whose two spaces the regex engine searches for as a literal
    prefix (tests/test_fast_patterns.py checks the two agree)."""
    if NBSP in text:
        return _RUN.finditer(text)
    return _SPACE_RUN.finditer(text)


def _space_run_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each match of `_SPACE_RUN`: each run of two or more spaces between two
    characters that are not white space. The pure-Python twin of the compiled `space_runs`."""
    return [m.span() for m in _SPACE_RUN.finditer(text)]


space_run_spans: Callable[[str], list[tuple[int, int]]] = (
    _space_run_spans if native is None else native.space_runs
)


def is_double_space(doc: Document, span: Span) -> bool:
    """Whether a run of two or more spaces between words is damage this rule reports."""
    text = doc.text
    if doc.in_table(span) or not doc.is_prose(Span(span.start - 1, span.end + 1)):
        return False
    before = text[max(0, span.start - 3) : span.start]
    if _AFTER_SENTENCE.search(before) or before.endswith("-") or text[span.end] == "-":
        return False
    letters, capitals = doc.line_case(span.start)
    return not (letters > 3 and capitals == letters)
