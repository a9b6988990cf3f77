"""NL407 money-scale-style."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rules._styles import style_name, styles_where
from newslint.rules.numbers._common import HouseStyleRule, prose_matches
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# A sum of money with its scale: "$5m", "£2.5bn", "$1 trillion"; a prefix such as "A$" or "US$"
# is found by _PREFIX, which keeps the pattern opening with the currency sign (fast to scan for).
_SUM = r"([$£€¥]\d+(?:[.,]\d+)*)"
_PREFIX = re.compile(r"(?<![\w.,])[A-Z]{0,3}\Z")
_ABBREVIATED = re.compile(_SUM + r"(m|mn|bn|b|tn)\b(?![.,]?\d)")
_SPELLED = re.compile(_SUM + r"[ \t]+(million|billion)\b")
_WORDS = {"m": "million", "mn": "million", "bn": "billion", "b": "billion", "tn": "trillion"}
_LETTERS = {"million": "m", "billion": "bn"}
_SPELLING_STYLES = styles_where(lambda s: s.money_scale == "words")
_LETTER_STYLES = styles_where(lambda s: s.money_scale == "letters")


class MoneyScaleStyle(HouseStyleRule):
    """## What it does
    Under a house style, checks how millions and billions are written after a sum of money.
    AP and Reuters spell the scale out (`$5 million`, `$2.5 billion`); the Guardian and the BBC
    abbreviate it, closed up (`£5m`, `£2.5bn`). With no style it reports nothing.

    Only sums with a currency sign are checked: `5m` alone is often metres, and counts of
    things (`5 million people`) are written out in all four styles. Reuters' old wire shorthand
    (`5 mln dlrs`) is left alone.

    ## Why is this bad?
    A story that mixes `$5m` and `$5 million`, or uses the other house's form, looks unedited.

    ## Example
        The deal is worth $5m.   (style = "ap")

    ## Use instead
        The deal is worth $5 million.

    ## Fix safety
    Safe: the sum and its scale are the same, only the spelling changes. Inside direct
    quotations it is reported, never changed.
    """

    code = "NL407"
    name = "money-scale-style"
    fix_availability = FixAvailability.ALWAYS

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        if style in _SPELLING_STYLES:
            for m in prose_matches(doc, _ABBREVIATED):
                yield from self._report(doc, m, f"{m.group(1)} {_WORDS[m.group(2)]}", style)
        elif style in _LETTER_STYLES:
            for m in prose_matches(doc, _SPELLED):
                yield from self._report(doc, m, f"{m.group(1)}{_LETTERS[m.group(2)]}", style)

    def _report(self, doc: Document, m: re.Match, right: str, style: str) -> Iterator[Violation]:
        prefix = _PREFIX.search(doc.text, max(0, m.start() - 4), m.start())
        if prefix is None:
            return  # "x$5m": part of a word or a figure
        span = Span(prefix.start(), m.end())
        found, right = doc.slice(span), prefix.group() + right
        yield self.rewrite(span, f"{style_name(style)} style writes {found!r} as {right!r}", right, safe=True)
