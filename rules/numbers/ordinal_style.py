"""NL408 ordinal-style."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rules._styles import style_name
from newslint.rules.numbers._common import (
    WIRE_SHORTHAND,
    HouseStyleRule,
    in_data_line,
    prose_matches,
    spell_ordinal,
)
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# "3rd", "1st-half": an ordinal below 10 in figures, and the word after it.
_SMALL_ORDINAL = re.compile(r"([1-9])(?<![\w.,/-][1-9])(?:st|nd|rd|th)\b(?:([ \t\n-]+)([A-Za-z]+))?")
# "eleventh", "twenty-first", "thirtieth": an ordinal of 11 and up in words. The pattern finds
# lowercase words ending like an ordinal; the table says which are ordinals.
_TEENS = (
    "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
)
_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_LARGE_ORDINALS = {
    **{word: 11 + i for i, word in enumerate(_TEENS)},
    **{f"{tens[:-1]}ieth": 20 + 10 * i for i, tens in enumerate(_TENS)},
    **{f"{tens}-{unit}": 21 + 10 * i + j for i, tens in enumerate(_TENS) for j, unit in enumerate(_UNITS)},
}
_ORDINAL_LIKE = re.compile(r"[efnstw](?<![\w-][efnstw])[a-z]*(?:th|-first|-second|-third)\b(?!-)")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
_FRACTION_BEFORE = frozenset("a one two three four five six seven eight nine".split())


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class OrdinalStyle(HouseStyleRule):
    """## What it does
    Under a house style, finds ordinals written the other way round: first to ninth as figures
    (`3rd place`) and 11th and up in words (`twenty-first century`). AP, Reuters, the Guardian
    and the BBC agree: first to ninth in words, 10th and up in figures. With no style it
    reports nothing.

    Left alone: ordinals before a capitalised word (names, military units, streets and courts:
    `3rd Infantry Division`, `5th Avenue`), after a month (a date, which is NL409's business),
    fractions (`a twentieth of`), `the eleventh hour`, `tenth` (often a fraction), the
    headline, and Reuters' wire shorthand (`1st qtr`).

    ## Why is this bad?
    Every one of these styles writes ordinals one way; the other reads as a slip.

    ## Example
        She finished 3rd in the twenty-first race of the season.

    ## Use instead
        She finished third in the 21st race of the season.

    ## Fix safety
    Safe for a small ordinal followed by a lowercase word (`3rd place` -> `third place`);
    unsafe otherwise, and for ordinals in words, which may be part of a title. Inside direct
    quotations it is reported, never changed.
    """

    code = "NL408"
    name = "ordinal-style"
    fix_availability = FixAvailability.ALWAYS

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        text = doc.text
        for m in prose_matches(doc, _SMALL_ORDINAL, headline=False, at_figures=True):
            digit, gap, word = m.groups()
            if (
                word
                and (word[:1].isupper() or word.lower() in WIRE_SHORTHAND)
                or self._after_month(text, m.start())
                or self._fraction(text, m.start())
                or in_data_line(text, m.start())
            ):
                continue
            span = Span(m.start(), m.start() + 3)  # "3rd": one digit and a two-letter suffix
            right = spell_ordinal(int(digit))
            yield self.rewrite(
                span,
                f"{style_name(style)} style spells out {doc.slice(span)!r} as {right!r}",
                right,
                safe=bool(word and word.islower()),
            )
        for m in _ORDINAL_LIKE.finditer(text):
            n = _LARGE_ORDINALS.get(m.group())
            span = Span(m.start(), m.end())
            if (
                n is None
                or not doc.is_prose(span)
                or doc.in_headline(span)
                or self._fraction(text, m.start())
                or text[m.end() : m.end() + 5] == " hour"
            ):
                continue
            right = f"{n}{_suffix(n)}"
            yield self.rewrite(
                span, f"{style_name(style)} style writes {m.group()!r} as {right!r}", right, safe=False
            )

    @staticmethod
    def _fraction(text: str, at: int) -> bool:
        """'a twentieth of', 'one 5th the speed'."""
        before = _WORD_BEFORE.search(text, max(0, at - 12), at)
        return before is not None and before.group(1).lower() in _FRACTION_BEFORE

    @staticmethod
    def _after_month(text: str, at: int) -> bool:
        before = _WORD_BEFORE.search(text, max(0, at - 12), at)
        return before is not None and before.group(1).lower() in _MONTHS
