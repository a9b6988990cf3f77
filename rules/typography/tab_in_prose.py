"""NL503 tab-in-prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule, Trigger
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_TAB = re.compile(r"(?<=\S)\t+(?=\S)")


class TabInProse(Rule):
    """## What it does
    Finds a tab between two words of a prose line.

    ## Why is this bad?
    A tab inside a sentence is a pasting accident; it renders as a wide, unpredictable gap.

    ## Example
        The ministry\tsaid on Saturday.

    ## Use instead
        The ministry said on Saturday.

    ## Fix safety
    Safe: the tab becomes one space. Tabs that align table columns, and indentation, are left
    alone.
    """

    code = "NL503"
    name = "tab-in-prose"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def triggers(self) -> tuple[Trigger, ...]:
        return (Trigger(chars="\t"),)  # most stories: the scan, which tests every character, is skipped

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in _TAB.finditer(doc.text):
            span = Span(m.start(), m.end())
            if doc.in_table(span) or not doc.is_prose(span):
                continue
            yield self.violation(
                span,
                "tab inside a line of prose",
                Fix.safe("Replace with one space", Edit.replace(span, " ")),
            )
