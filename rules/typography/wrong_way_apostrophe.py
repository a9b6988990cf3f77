"""NL511 wrong-way-apostrophe."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule, Trigger
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# An opening single quote where an apostrophe stands for missing letters: ‘90s, ‘til, ‘em, rock ‘n’ roll.
_WRONG_WAY = re.compile(r"(?<![\w’])‘(?=\d0s\b|\d\d\b|til\b|tis\b|em\b|n’|cause\b|round\b)", re.IGNORECASE)


class WrongWayApostrophe(Rule):
    """## What it does
    Finds an opening single quote (‘) used where an apostrophe (’) belongs: `‘90s`, `‘til`,
    `‘em`, `rock ‘n’ roll`. Smart-quote software turns every quote at the start of a word into
    an opening quote.

    ## Why is this bad?
    The mark points the wrong way; in print it is a visible error.

    ## Example
        the ‘90s boom

    ## Use instead
        the ’90s boom

    ## Fix safety
    Safe: only these elision patterns are matched, and the fix swaps one mark for the other.
    """

    code = "NL511"
    name = "wrong-way-apostrophe"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def triggers(self) -> tuple[Trigger, ...]:
        return (Trigger(chars="‘"),)  # no opening single quote: the scan of every character is skipped

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in _WRONG_WAY.finditer(doc.text):
            span = Span(m.start(), m.end())
            if doc.is_prose(span):
                yield self.violation(
                    span,
                    "an opening quote ‘ stands where an apostrophe ’ belongs",
                    Fix.safe("Use ’", Edit.replace(span, "’")),
                )
