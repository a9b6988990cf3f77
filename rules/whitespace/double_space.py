"""NL501 double-space."""
from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_RUN = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


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
    Safe: collapsing a run of spaces to one changes no word. Column-aligned tables (wire data)
    are left alone, and so is indentation at the start of a line.
    """

    code = "NL501"
    name = "double-space"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in _RUN.finditer(doc.text):
            span = Span(m.start(), m.end())
            if doc.in_table(span) or not doc.is_prose(Span(span.start - 1, span.end + 1)):
                continue
            yield self.violation(span, f"{len(m.group())} spaces between words",
                                 Fix.safe("Replace with one space", Edit.replace(span, " ")))
