"""NL415 day-month-order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rules._styles import style_name, styles_where
from newslint.rules.numbers._common import HouseStyleRule, in_data_line, prose_matches
from newslint.rules.numbers.month_abbreviation import (
    ABBREVIATIONS,
    AP_SHORT,
    FULL_MONTHS,
    is_count_after_month,
)
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

_MONTH = "|".join(FULL_MONTHS + sorted(ABBREVIATIONS, key=len, reverse=True))
_SUFFIX = r"(st|nd|rd|th)?"
# "17 September", "17th Sept. 2004": day first (the Guardian, the BBC). Opens with a digit.
_DAY_FIRST = re.compile(
    rf"([0-9](?<![\w.,:/\-–+][0-9])\d?){_SUFFIX}[ \t]+({_MONTH})\b(\.?)(?:[ \t]+([12]\d{{3}})\b)?"
)
# "September 17", "Sept. 17, 2004": month first (AP). Opens with the month's capital letter.
# Not a range, list or figure going on after the day ("September 17-19", "May 5 and 6", "June 9,5").
_NO_SERIES_AFTER = r"(?![\w%]|[.,:/]\d|[ \t]*[-–/]|[ \t]+(?:and|to|through|or|&|per)\b|,[ \t]*\d{1,2}\b)"
_MONTH_FIRST = re.compile(
    rf"({_MONTH})\b(\.?)[ \t]+([0-9]\d?){_SUFFIX}{_NO_SERIES_AFTER}(?:(,)?[ \t]+([12]\d{{3}})\b)?"
)
# A range or list that ends in this date: "17-19 September", "17 and 18 September", "17 through 19 September".
_SERIES_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[ \t]*(?:[-–/&,]|and|to|through|or)[ \t]*$")
# Words before "May" that make it the month, not the verb or the name ("Theresa May 10").
_MONTH_MAY_BEFORE = re.compile(
    r"(?:\b(?:on|of|in|from|until|till|since|by|before|after|to|and|early|late|mid|last|next|this)"
    r"|[,(])[ \t]*$",
    re.I,
)

_DAY_FIRST_STYLES = styles_where(lambda s: s.date_order == "day-month")
_MONTH_FIRST_STYLES = styles_where(lambda s: s.date_order == "month-day")


def _ap_month(written: str) -> str:
    full = ABBREVIATIONS.get(written, written)
    return AP_SHORT.get(full, full)


class DayMonthOrder(HouseStyleRule):
    """## What it does
    Checks the order of day and month against the house style chosen with `style`: `ap`
    writes the month first (`Sept. 17`, `March 3, 2004`); `guardian` and `bbc` write the day
    first (`17 September`, `3 March 2004`). A date in the other order is reported. The year is
    kept (AP puts a comma between day and year, the British styles none), and so is a weekday
    before the date. Ranges and lists (`17-19 September`, `September 17 and 18`), dates with
    `of` (`17th of September`), tables, the headline and a `May` that may be the verb or a
    name are left alone. With no style, or `reuters`, it reports nothing.

    ## Why is this bad?
    A desk publishes dates in one order; a story with `17 September` in AP copy, or
    `September 17` in Guardian copy, looks unedited, and a reader may stumble over it.

    ## Example
        The talks resumed on 17 September 2004.   (style = "ap")

    ## Use instead
        The talks resumed on Sept. 17, 2004.

    ## Fix safety
    Safe when the rewrite only moves the day and the month (and the comma before the year).
    Unsafe when the day carries an ordinal suffix (`17th`, dropped in the fix), and in AP
    copy when a year is followed by more of the sentence, where AP also wants a comma after
    the year. Inside direct quotations it is reported, never changed.
    """

    code = "NL415"
    name = "day-month-order"
    fix_availability = FixAvailability.ALWAYS
    styles = _DAY_FIRST_STYLES + _MONTH_FIRST_STYLES

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        if style in _MONTH_FIRST_STYLES:
            yield from self._day_first(doc, style)
        else:
            yield from self._month_first(doc, style)

    def _day_first(self, doc: Document, style: str) -> Iterator[Violation]:
        text = doc.text
        for m in prose_matches(doc, _DAY_FIRST, headline=False, at_figures=True):
            day, suffix, month, dot, year = m.groups()
            if self._skip(text, m, month) or re.match(r"[ \t]*[-–]", text[m.end() : m.end() + 3]):
                continue
            end = m.end()
            if dot and not year and month in FULL_MONTHS:
                end -= 1  # "on 3 May.": the sentence's full stop, not the month's
            right = f"{_ap_month(month)} {day}"
            safe = not suffix
            if year:
                right += f", {year}"
                if re.match(r"[ \t]+[\w(]", text[m.end() : m.end() + 2]):
                    right += ","  # AP: "Sept. 17, 2004, was the day"
                    safe = False
            yield self._report(m, Span(m.start(), end), right, style, safe)

    def _month_first(self, doc: Document, style: str) -> Iterator[Violation]:
        text = doc.text
        for m in prose_matches(doc, _MONTH_FIRST, headline=False):
            month, dot, day, suffix, _comma, year = m.groups()
            if self._skip(text, m, month):
                continue
            if not year and is_count_after_month(text, m.start(), m.end()):
                continue  # "In January 25 people ...": a count, not a date
            right = f"{day} {month}{dot}" + (f" {year}" if year else "")
            yield self._report(m, Span(m.start(), m.end()), right, style, not suffix)

    @staticmethod
    def _skip(text: str, m: re.Match, month: str) -> bool:
        start = m.start()
        day = m.group(1) if m.re is _DAY_FIRST else m.group(3)
        if not 1 <= int(day) <= 31:
            return True
        if start and (text[start - 1].isalpha() or text[start - 1] in "-–"):
            return True
        before = text[max(0, start - 12) : start]
        if _SERIES_BEFORE.search(before):
            return True
        if month == "May" and not (m.re is _DAY_FIRST or _MONTH_MAY_BEFORE.search(before)):
            return True
        return in_data_line(text, start)

    def _report(self, m: re.Match, span: Span, right: str, style: str, safe: bool) -> Violation:
        order = "the month before the day" if style in _MONTH_FIRST_STYLES else "the day before the month"
        found = m.string[span.start : span.end]
        return self.rewrite(
            span, f"{style_name(style)} style writes {order}: {found!r} -> {right!r}", right, safe
        )
