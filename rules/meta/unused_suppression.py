"""NL001 unused-suppression."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import NOTHING, Rule
from newslint.span import Span
from newslint.suppress import Suppression, invalid, scan
from newslint.violation import Edit, Fix, FixAvailability, Severity, Violation


class UnusedSuppression(Rule):
    """## What it does
    Reports a `<!-- newslint: disable ... -->` or `ignore-next-line` comment that suppresses
    nothing.

    ## Why is this bad?
    A suppression left behind after the problem was fixed hides the next real problem at that
    place, and tells the next editor something untrue about the copy.

    ## Example
        <!-- newslint: ignore-next-line NL101 -->
        The regime's forces withdrew.

    ## Use instead
        The regime's forces withdrew.

    ## Fix safety
    Safe: deleting a comment that suppresses nothing changes nothing else that newslint reports,
    and comments are not part of the published copy.
    """

    code = "NL001"
    name = "unused-suppression"
    fix_availability = FixAvailability.ALWAYS
    default_severity = Severity.WARNING
    repairs_characters = True

    # `check` finds nothing in any story: the reports come from `check_suppressions`, which the
    # engine calls after the other rules whether or not `check` ran; so the engine leaves the rule
    # out of every story's run (`Rule.silent`): a call a story saved
    checks_stories = False

    def check(self, doc: Document) -> Iterator[Violation]:
        return NOTHING  # the engine calls check_suppressions after the other rules

    def check_suppressions(self, doc: Document, unused: list[Suppression]) -> Iterator[Violation]:
        unused_at = {s.directive for s in unused}
        # An `enable` that also closes a block in use must stay.
        closers_in_use = {d.closer for d in scan(doc) if d.directive not in unused_at and d.closer}
        invalid_at = {problem.comment for problem in invalid(doc)}  # NL002 says why, once
        for s in unused:
            if s.directive in invalid_at:
                continue
            edits = [_delete_line_of(doc, s.directive)]
            if s.closer is not None and s.closer not in closers_in_use:
                if not doc.text[s.directive.end : s.closer.start].strip(" \t"):  # an empty block
                    edits = [_delete_line_of(doc, Span(s.directive.start, s.closer.end))]
                else:
                    edits.append(_delete_line_of(doc, s.closer))
                closers_in_use.add(s.closer)  # two unused blocks sharing one enable delete it once
            yield self.violation(
                s.directive,
                f"suppression {doc.slice(s.directive)!r} suppresses nothing",
                Fix.safe("Remove the unused suppression", *edits),
            )


def _delete_line_of(doc: Document, span: Span) -> Edit:
    """Delete a directive comment without joining lines or leaving a gap: alone on its line, the
    line goes with its newline; at the end of a line, the spaces before it go and the newline
    stays; elsewhere, the spaces after it go."""
    text = doc.text
    start, end = span.start, span.end
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    at_line_start = start == 0 or text[start - 1] == "\n"
    at_line_end = end == len(text) or text[end] in "\r\n"
    if at_line_start and at_line_end:
        newline = 2 if text.startswith("\r\n", end) else 1 if text[end : end + 1] in ("\n", "\r") else 0
        return Edit.delete(Span(start, end + newline))
    if at_line_end:
        return Edit.delete(Span(start, end))
    return Edit.delete(Span(span.start, end))
