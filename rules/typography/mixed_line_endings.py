"""NL504 mixed-line-endings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule, Trigger
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_ENDING = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\u0085")


class MixedLineEndings(Rule):
    """## What it does
    Finds a file whose lines end in different ways (LF, CRLF, CR, or Unicode line separators).

    ## Why is this bad?
    Mixed endings come from pasting between systems; they show as stray `^M` characters and
    make every diff of the file noisy.

    ## Example
        First line␍␊
        Second line␊

    ## Use instead
        First line␊
        Second line␊

    ## Fix safety
    Safe: each minority ending becomes the file's most common one; no text changes.
    """

    code = "NL504"
    name = "mixed-line-endings"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def triggers(self) -> tuple[Trigger, ...]:
        # newlines only: the usual case, settled without listing every line end
        return (Trigger(chars="\r\u2028\u2029\u0085"),)

    def check(self, doc: Document) -> Iterator[Violation]:
        endings = [(m.group(), Span(m.start(), m.end())) for m in _ENDING.finditer(doc.text)]
        counts = Counter(e for e, _ in endings)
        if len(counts) < 2:
            return
        usual = max(counts, key=lambda e: (counts[e], e == "\n"))
        names = {
            "\n": "LF",
            "\r\n": "CRLF",
            "\r": "CR",
            "\u2028": "LINE SEPARATOR",
            "\u2029": "PARAGRAPH SEPARATOR",
            "\u0085": "NEXT LINE",
        }
        for ending, span in endings:
            if ending != usual:
                yield self.violation(
                    span,
                    f"{names[ending]} line ending in a file of {names[usual]} endings",
                    Fix.safe(f"Use {names[usual]}", Edit.replace(span, usual)),
                )
