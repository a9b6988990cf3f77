"""NL505 misused-no-break-space."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule, Trigger
from newslint.rules.typography._no_break import NBSP, keeps_no_break_space
from newslint.rules.typography.double_space import is_double_space
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# A stretch of spaces holding at least one no-break space, with the characters around it.
_RUN = re.compile(r"[ \t\u00a0]*\u00a0[ \t\u00a0]*")
_SPACES = re.compile("[ \u00a0]+")


class MisusedNoBreakSpace(Rule):
    """## What it does
    Finds no-break spaces (U+00A0) where an ordinary space belongs: between two ordinary words
    of running text, in the spacing after a full stop, and at the end of a line.

    ## Why is this bad?
    Copy pasted from web pages carries `&nbsp;` as U+00A0. It looks like a space but is not
    one: search, tokenisers and de-duplication treat `the\\u00a0minister` as one word, and line
    breaking goes wrong.

    ## Example
        The\\u00a0minister said on Saturday.

    ## Use instead
        The minister said on Saturday.

    ## Fix safety
    Safe: the no-break space becomes an ordinary space, and one at the end of a line is deleted;
    no word changes. A run of two or more spaces between words, no-break or not, is a double
    space (NL501); where NL501 leaves the run alone (two spaces after a full stop) this rule
    turns its no-break spaces into spaces. Correct uses are left alone: next to a figure
    (`10\\u00a0km`, `£5\\u00a0m`, `5\\u00a0per\\u00a0cent`, `25\\u00a0March`), after a title,
    initial or reference word (`Mr\\u00a0Smith`, `J.\\u00a0K. Rowling`, `p.\\u00a012`), before a Roman numeral
    (`Henry\\u00a0VIII`), French spacing inside `«\\u00a0»` and before `;:!?`, around dashes and
    symbols, and between two capitalised words (`New\\u00a0York`: keeping a name on one line is
    an editor's choice). Tables and indentation are not touched.
    """

    code = "NL505"
    name = "misused-no-break-space"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def triggers(self) -> tuple[Trigger, ...]:
        return (Trigger(chars=NBSP),)  # one scan settles almost every story

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        for m in _RUN.finditer(text):
            span = Span(m.start(), m.end())
            before = text[span.start - 1] if span.start else "\n"
            after = text[span.end] if span.end < len(text) else "\n"
            if before in "\r\n" or doc.in_table(span):
                continue  # indentation
            if not doc.is_prose(Span(max(0, span.start - 1), min(len(text), span.end + 1))):
                continue
            if after in "\r\n":
                yield self.violation(
                    span, "no-break space at the end of a line", Fix.safe("Delete it", Edit.delete(span))
                )
            elif m.group() != NBSP:
                if _SPACES.fullmatch(m.group()) and is_double_space(doc, span):
                    continue  # a double space: NL501's report
                # Spacing NL501 leaves alone (two spaces after a full stop): the no-break
                # spaces in it become spaces.
                yield self.violation(
                    span,
                    "no-break space in the spacing between words",
                    Fix.safe("Replace with spaces", Edit.replace(span, m.group().replace(NBSP, " "))),
                )
            elif not keeps_no_break_space(text, span.start, span.end):
                yield self.violation(
                    span,
                    "no-break space between ordinary words; use a normal space",
                    Fix.safe("Replace with a space", Edit.replace(span, " ")),
                )
