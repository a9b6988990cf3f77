"""NL412 large-number-in-words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rules._styles import style_name
from newslint.rules.numbers._common import HouseStyleRule, in_data_line, spell
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# 10 to 99 in words, as one or two words: "twelve", "thirty-five".
_VALUES = {spell(n): n for n in range(10, 100)}
_NUMBER_WORD = re.compile(
    r"[efnstw](?<![\w-][efnstw])(?:en|leven|welve|[a-z]+teen|[a-z]+ty(?:-[a-z]+)?)\b(?![\w-])"
)
# Figures of speech keep their words ("ten times better", "one in ten"), and so does the end
# of a range or series that starts below ten ("between eight and ten").
_IDIOM_AFTER = re.compile(r"\s+times\b")
_IDIOM_BEFORE = re.compile(
    r"\b(?:(?:one|a) in|(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:and|or|to|out\s+of))\s+$",
    re.IGNORECASE,
)
# The tail of a larger number in words ("One hundred and forty-two"): not a figure of its own.
_COMPOUND_BEFORE = re.compile(r"\b(?:hundred|thousand)(?:\s+and)?\s+$", re.IGNORECASE)


class LargeNumberInWords(HouseStyleRule):
    """## What it does
    Under a house style, finds the numbers 10 to 99 spelled out in running text (`twelve
    companies`, `thirty-five bids`), where AP, Reuters, the Guardian and the BBC all use
    figures. With no style it reports nothing.

    Left alone: sentence starts (where a figure is not allowed and words are right), the
    headline, capitalised words (titles and names: `Ocean's Eleven`), hyphenated compounds
    (`ten-year`, `twenty-something`), `ten times`, `one in ten`, the end of a range or series
    that starts below ten (`between eight and ten`, `nine out of ten`), the tail of a larger
    number in words (`One hundred and forty-two`), `the twenties`, and wire data lines.

    ## Why is this bad?
    Every one of these styles writes 10 and up in figures; the words read as a slip and make
    the figure harder to find.

    ## Example
        Police questioned twelve people.

    ## Use instead
        Police questioned 12 people.

    ## Fix safety
    Unsafe: a spelled-out number may be part of a fixed phrase or a quotation's wording. Inside
    direct quotations it is reported, never changed.
    """

    code = "NL412"
    name = "large-number-in-words"
    fix_availability = FixAvailability.ALWAYS

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        text = doc.text
        starts: set[int] | None = None
        for m in _NUMBER_WORD.finditer(text):
            n = _VALUES.get(m.group())
            if n is None:
                continue
            span = Span(m.start(), m.end())
            starts = {s.start for s in doc.sentences} if starts is None else starts
            if (
                span.start in starts
                or not doc.is_prose(span)
                or doc.in_headline(span)
                or self._idiom(text, m)
                or in_data_line(text, span.start)
            ):
                continue
            yield self.rewrite(
                span, f"{style_name(style)} style writes {m.group()!r} as a figure ({n})", str(n), safe=False
            )

    @staticmethod
    def _idiom(text: str, m: re.Match) -> bool:
        before = max(0, m.start() - 16)
        return bool(
            _IDIOM_AFTER.match(text, m.end())
            or _IDIOM_BEFORE.search(text, before, m.start())
            or _COMPOUND_BEFORE.search(text, before, m.start())
        )
