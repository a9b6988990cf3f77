"""NL001 unused-suppression."""
from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule
from newslint.suppress import Suppression
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

    def check(self, doc: Document) -> Iterator[Violation]:
        return iter(())  # the engine calls check_suppressions after the other rules

    def check_suppressions(self, doc: Document, unused: list[Suppression]) -> Iterator[Violation]:
        for s in unused:
            span = s.directive
            end = span.end + 1 if doc.text[span.end : span.end + 1] == "\n" else span.end
            start = span.start
            yield self.violation(
                span,
                f"suppression {doc.slice(span)!r} suppresses nothing",
                Fix.safe("Remove the unused suppression", Edit.delete(type(span)(start, end))),
            )
