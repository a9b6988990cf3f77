"""NL409 month-abbreviation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rules._styles import style_name, styles_where
from newslint.rules.numbers._common import HouseStyleRule, prose_matches
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

FULL_MONTHS = (
    "January February March April May June July August September October November December"
).split()
# AP: seven months take a short form with a date; March to July never do.
AP_SHORT = {
    "January": "Jan.",
    "February": "Feb.",
    "August": "Aug.",
    "September": "Sept.",
    "October": "Oct.",
    "November": "Nov.",
    "December": "Dec.",
}
ABBREVIATIONS = {
    "Jan": "January",
    "Feb": "February",
    "Mar": "March",
    "Apr": "April",
    "Jun": "June",
    "Jul": "July",
    "Aug": "August",
    "Sep": "September",
    "Sept": "September",
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
}
_MONTH = "|".join(FULL_MONTHS + sorted(ABBREVIATIONS, key=len, reverse=True))
# A month with a day ("September 17", "Sept 17, 2004"), or an abbreviated month with only a year.
# No \b in front: a pattern that opens with the names lets the engine skip to capital letters.
_WITH_DAY = re.compile(rf"({_MONTH})\b(\.?)(?=[ \t\n]+([1-9]|[12]\d|3[01])(?![\d]|[.:]\d))")
# "In January 25 people were arrested": a month as a period, then a count. Only "in" or
# "during" right before the month and a content word after the figure make the figure a count;
# "ended June 30 rose" and "since May 4 without" are dates.
_PERIOD_BEFORE = re.compile(r"\b(?:[Ii]n|[Dd]uring)[ \t\n]+$")
_COUNTED_AFTER = re.compile(
    r"[ \t\n]+(?!(?:and|or|to|the|a|an|at|in|on|of|for|with|was|were|is|are|when|after|before)\b)[a-z]"
)


def is_count_after_month(text: str, month_start: int, figure_end: int) -> bool:
    """Is the figure after a month a count, not a day ("In January 25 people were arrested")?
    Shared by the rules that read month-and-figure pairs as dates (NL409, NL415)."""
    return bool(
        _PERIOD_BEFORE.search(text, max(0, month_start - 8), month_start)
        and _COUNTED_AFTER.match(text, figure_end)
    )


_WITH_YEAR = re.compile(
    rf"({'|'.join(sorted(ABBREVIATIONS, key=len, reverse=True))})\b(\.?)(?=[ \t\n]+[12]\d{{3}}\b)"
)


def _full(name: str) -> str:
    return ABBREVIATIONS.get(name, name)


class MonthAbbreviation(HouseStyleRule):
    """## What it does
    Under `style = "ap"`, checks month names against AP's rule: with a day, January, February,
    August, September, October, November and December are shortened to `Jan.`, `Feb.`,
    `Aug.`, `Sept.`, `Oct.`, `Nov.`, `Dec.`; March, April, May, June and July are always
    written in full; a month alone or with only a year is written in full. A month as a period
    followed by a count (`In January 25 people were held`) is not a date. Other styles, and
    no style, report nothing.

    ## Why is this bad?
    AP copy that writes `September 17`, `Sep 17` or `Mar. 3` looks unedited to an AP desk.

    ## Example
        The talks resumed on September 17 and ended in Sept. 2004.

    ## Use instead
        The talks resumed on Sept. 17 and ended in September 2004.

    ## Fix safety
    Safe: the date is the same, only the month's spelling changes. Inside direct quotations it
    is reported, never changed.
    """

    code = "NL409"
    name = "month-abbreviation"
    fix_availability = FixAvailability.ALWAYS
    styles = styles_where(lambda s: s.month_abbreviations)

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        text = doc.text
        for m in prose_matches(doc, _WITH_DAY, headline=False):
            if m.start() and text[m.start() - 1].isalpha():
                continue
            if is_count_after_month(text, m.start(), m.end(3)):
                continue  # "In January 25 people ...": a count, not a date
            full = _full(m.group(1))
            yield from self._report(m, AP_SHORT.get(full, full), "with a date", style)
        for m in prose_matches(doc, _WITH_YEAR, headline=False):
            if m.start() and text[m.start() - 1].isalpha():
                continue
            yield from self._report(m, _full(m.group(1)), "without a day", style)

    def _report(self, m: re.Match, right: str, where: str, style: str) -> Iterator[Violation]:
        if m.group() == right:
            return
        message = f"{style_name(style)} style writes {m.group()!r} as {right!r} {where}"
        yield self.rewrite(Span(m.start(), m.end()), message, right, safe=True)
