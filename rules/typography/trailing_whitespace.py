"""NL502 trailing-whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_TRAILING = re.compile(r"[ \t\u00a0]+(?=\r?\n|\Z)")


class TrailingWhitespace(Rule):
    """## What it does
    Finds spaces or tabs at the end of a line.

    ## Why is this bad?
    Invisible trailing spaces make diffs noisy in version control and can turn into stray
    spaces when lines are joined.

    ## Example
        The ministry said on Saturday.␠␠

    ## Use instead
        The ministry said on Saturday.

    ## Fix safety
    Safe: only whitespace before a line break is removed. In Markdown, two trailing spaces are a
    hard line break and are left alone, and so are column-aligned tables.

    Off by default: trailing spaces are invisible in print and on the web, and published copy
    is full of them. Turn it on (`extend-select = ["NL502"]`) for stories kept in git.
    """

    code = "NL502"
    name = "trailing-whitespace"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True
    enabled_by_default = False

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in _TRAILING.finditer(doc.text):
            span = Span(m.start(), m.end())
            if "\u00a0" in m.group():
                continue  # NL505 reports a no-break space at a line's end, on by default
            if span.start > 0 and doc.text[span.start - 1] == "\n":
                continue  # a whitespace-only line: a blank line, not trailing text
            if doc.format == "markdown" and m.group() == "  ":
                continue
            if not doc.is_prose(span):
                continue  # tables (column-aligned wire data) and markup are left as they are
            yield self.violation(
                span, "trailing whitespace", Fix.safe("Remove trailing whitespace", Edit.delete(span))
            )
