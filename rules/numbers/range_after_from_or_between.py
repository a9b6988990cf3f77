"""NL411 range-after-from-or-between."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import replace_fix
from newslint.rules._styles import style_name
from newslint.rules.numbers._common import HouseStyleRule, prose_matches
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# "from 5-7", "between $10-$20": a hyphenated range after a preposition that wants words.
_RANGE = re.compile(
    r"([fF]rom|[bB]etween)[ \t\n]+([$£€¥]?)(\d+(?:,\d{3})*(?:\.\d{1,2})?)([-–])([$£€¥]?)"
    r"(\d+(?:,\d{3})*(?:\.\d{1,2})?)(?![\d\-–/.]|[ \t]?[ap]\.?m\b)(?:[ \t\n]+([a-z]+))?"
)
# A scale or percent written on the second figure only ("$10-25m", "5-7%"): it belongs to both.
_SCALE = re.compile(r"(?:%|bn|m|k|tn)(?![A-Za-z])")
_SCORE_WORDS = frozenset("down up behind ahead lead win victory defeat draw loss deficit scoreline".split())


def _value(figure: str) -> float:
    return float(figure.replace(",", ""))


class RangeAfterFromOrBetween(HouseStyleRule):
    """## What it does
    Under a house style, finds a hyphenated range after `from` or `between` (`from 5-7`,
    `between 10-20`). All four styles write `from 5 to 7` and `between 10 and 20`, keeping the
    hyphen for a bare range (`5-7 years`). With no style it reports nothing.

    Scores (`from 2-0 down`, or any "range" whose second figure is not larger), seasons
    (`2004-05`) and times (`from 5-7pm`, which NL410 covers) are left alone.

    ## Why is this bad?
    "From 5-7" says "from" and then the hyphen's "to" again; it reads as a slip.

    ## Example
        Temperatures will range between 10-15C.

    ## Use instead
        Temperatures will range between 10 and 15C.

    ## Fix safety
    Safe: the hyphen becomes the word the preposition calls for and the figures stay; a
    currency or scale written on one figure only is given to both (`between $10-25m` ->
    `between $10m and $25m`), since `$10 and 25m` would read as ten dollars. Inside direct
    quotations it is reported, never changed.
    """

    code = "NL411"
    name = "range-after-from-or-between"
    fix_availability = FixAvailability.ALWAYS

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        for m in prose_matches(doc, _RANGE, headline=False):
            if m.start() and doc.text[m.start() - 1].isalnum():
                continue
            preposition, low_currency, low, _, high_currency, high, word = m.groups()
            if _value(low) >= _value(high) or (word or "") in _SCORE_WORDS:
                continue
            joiner = "to" if preposition.lower() == "from" else "and"
            scaled = _SCALE.match(doc.text, m.end(6))
            scale = scaled.group() if scaled else ""
            currency = high_currency or low_currency
            # "between $10-25m" is "between $10m and $25m": each figure keeps its own currency
            # and scale, or "$10 and 25m" would read as ten dollars
            first = f"{low_currency or currency}{low}{scale}"
            second = f"{high_currency or currency}{high}"
            span = Span(m.start(2), m.end(6))
            yield self.violation(
                Span(m.start(), m.end(6) + len(scale)),
                f"{style_name(style)} style writes '{preposition.lower()} {first} {joiner} {second}{scale}', "
                f"not a hyphen after {preposition.lower()!r}",
                replace_fix(f"Write {joiner!r}", span, f"{first} {joiner} {second}", safe=True),
            )
